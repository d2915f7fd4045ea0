"""Two people editing one record: the second save is refused instead of silently overwriting the first.

Built on django-concurrency. A record people share inherits ``Versioned``: every save raises its ``version``
and only succeeds while the row still has the version the editor loaded (an UPDATE ... WHERE version = n).
Every edit form of such a record mixes in ``VersionedForm``, which carries that version, signed, in a hidden
field: a missing or tampered one is refused, and a stale one gets ``CONFLICT`` at the top of the form, with
what the editor typed still in it. The admin uses ``VersionedAdmin`` (taskforce/admin.py) with the same form.

A page of many records edited at once (the minutes: their items, motions, action items and closing) versions
each row (``VersionedRowForm``) and says when it was opened (``PageOpenedForm``): a save that changes only rows
nobody else saved meanwhile goes through; a row someone else saved is left as they saved it when this editor did
not change it, and refused, naming the row and who saved it, when they did.
"""

import datetime

from concurrency import forms as concurrency_forms
from concurrency.exceptions import VersionError
from concurrency.fields import AutoIncVersionField
from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import model_to_dict
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

CONFLICT = _(
    "Someone else saved this %(record)s while you were editing, so your changes were not saved. "
    "Your text is still below: copy what you need, reload the page to see their changes, and save again."
)
NO_VERSION = _(
    "This page was sent without the version of the %(record)s it started from, so nothing was saved. "
    "Reload the page and make your change again."
)


ROW_CONFLICT = _(
    "%(who)s saved %(item)s at %(when)s, after you opened this page, so nothing was saved. Everything you typed "
    "is still on this page. Read their version (the minutes, in another tab), make this one what it should be "
    "and save again: yours then replaces theirs."
)
ROW_CONFLICT_SUMMARY = _("%(item)s, saved by %(who)s at %(when)s")
PAGE_OPENED = _("This page was sent without the moment it was opened, so nothing was saved. Reload the page.")


def conflict_message(record_kind) -> str:
    return CONFLICT % {"record": record_kind}


class VersionFormField(concurrency_forms.VersionField):
    """django-concurrency's signed hidden version, required: empty or tampered is an error, never "new"."""

    def to_python(self, value):
        if value in self.empty_values or value == "None":
            raise ValidationError(self.error_messages["required"], code="required")
        try:
            version = super().to_python(value)
        except VersionError:
            raise ValidationError(_("The version was tampered with."), code="tampered") from None
        if version < 1:
            raise ValidationError(_("The version was tampered with."), code="tampered")
        return version


class VersionField(AutoIncVersionField):
    """django-concurrency's counting version (1, 2, 3...), drawn in forms as the required signed field."""

    form_class = VersionFormField


class Versioned(models.Model):
    """A record several people edit: saves are refused once someone else saved since it was loaded."""

    version = VersionField(
        verbose_name="version", help_text="Raised on every save; a save from an older version is refused."
    )

    class Meta:
        abstract = True


class VersionedForm(forms.BaseForm):
    """Mixed into a form that edits a ``Versioned`` record (a model form's instance, or ``record=``).

    A record being added has nothing to conflict with: its version field, if any, is ignored. On a change the form
    refuses a version other than the one this request loaded, and hands the one the editor saw to the
    record, so the save itself refuses it if someone saves in between (django-concurrency's
    RecordModifiedError, answered by ``taskforce.views.conflict``).
    """

    record_kind = None  # what the messages call the record; the model's verbose name when None

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record if record is not None else getattr(self, "instance", None)
        self.loaded_version = None
        if self.record is None or self.record._state.adding:
            if "version" in self.fields:  # the admin draws it on its add pages too (and inlines' empty forms)
                self.fields["version"] = forms.IntegerField(required=False, widget=forms.HiddenInput)
            return
        self.loaded_version = self.record.version or self._saved_version()
        self.fields["version"] = VersionFormField()
        if not self.is_bound:
            self.initial["version"] = self.loaded_version

    def _saved_version(self):
        """The row's version, for a record rebuilt from its history (the admin's revert page), which has none."""
        return type(self.record)._base_manager.filter(pk=self.record.pk).values_list("version", flat=True).get()

    def version_moved(self):
        """Someone else saved the record since this editor loaded it."""
        self.add_error(None, ValidationError(conflict_message(self.record_name), code="conflict"))

    @property
    def record_name(self):
        return self.record_kind or self.record._meta.verbose_name

    def clean(self):
        cleaned = super().clean()
        if self.loaded_version is None:
            cleaned.pop("version", None)  # a new record starts at version 1
            return cleaned
        if self._errors.pop("version", None):
            # A hidden field's error would show nowhere: it goes at the top of the form.
            self.add_error(None, ValidationError(NO_VERSION % {"record": self.record_name}, code="no_version"))
        elif cleaned["version"] != self.loaded_version:
            self.version_moved()
        else:
            self.record.version = cleaned["version"]
        return cleaned


class VersionedModelForm(VersionedForm, forms.ModelForm):
    """A model form of a ``Versioned`` model (the admin's base form for them)."""


class VersionForm(VersionedForm, forms.Form):
    """Only the version of ``record``, for pages that edit it through several forms (the meeting's agenda,
    the minutes, an agency's figures)."""


class PageOpenedForm(forms.Form):
    """When the editor opened a page of ``VersionedRowForm`` rows, signed: what a row someone else saved meanwhile
    is compared with (its history as of that moment)."""

    SALT = "taskforce.versions.page-opened"

    opened = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["opened"] = signing.dumps(timezone.now().timestamp(), salt=self.SALT)

    def clean_opened(self):
        try:
            moment = float(signing.loads(self.cleaned_data["opened"], salt=self.SALT))
        except (signing.BadSignature, TypeError, ValueError):
            raise ValidationError(PAGE_OPENED, code="no_version") from None
        return datetime.datetime.fromtimestamp(moment, tz=datetime.UTC)

    def clean(self):
        cleaned = super().clean()
        if self._errors.pop("opened", None):  # a hidden field's error goes at the top of the page
            self.add_error(None, ValidationError(PAGE_OPENED, code="no_version"))
        return cleaned

    @property
    def moment(self):
        """When the page was opened, or None (not posted, or not signed by us)."""
        return self.cleaned_data.get("opened") if self.is_bound and self.is_valid() else None


def _differs(field, initial, data):
    if isinstance(initial, str) and isinstance(data, str):  # browsers send a textarea's lines with CR LF
        initial, data = initial.replace("\r\n", "\n"), data.replace("\r\n", "\n")
    return field.has_changed(initial, data)


class VersionedRowForm(VersionedForm):
    """A row of a page of several versioned records (``opened``: the page's ``PageOpenedForm.moment``).

    When someone else saved the record since the page was opened, the row is compared with the record as it was
    then (django-simple-history): unchanged, it is left as they saved it (``has_changed()`` is False, so a formset
    does not save it); changed or marked for deletion, it is refused with ``conflict``, which names the record and
    who saved it, and carries the record's current version, so that saving again knowingly replaces theirs.
    """

    untouched = False  # someone else saved the record; this editor did not change it
    conflict = None  # the message when both did
    conflict_summary = None  # the record and who saved it, for the list at the top of the page

    def __init__(self, *args, opened=None, **kwargs):
        self.opened = opened
        super().__init__(*args, **kwargs)
        if self.loaded_version is not None:
            self.initial["version"] = self.loaded_version  # a posted row is "changed" by its fields, not its version

    def conflict_item(self):
        """What the conflict message calls the record: 'the motion “Adopt the budget”'."""
        return _("the %(kind)s “%(name)s”") % {
            "kind": self.record_name,
            "name": Truncator(str(self.record)).chars(60),
        }

    def version_moved(self):
        as_opened = self._as_opened()
        if as_opened is not None and not self._changed_since(as_opened) and not self._deleting():
            self.untouched = True
            return
        latest = self.record.history.select_related("history_user").first()
        user = latest.history_user if latest else None
        names = {
            "who": (user.get_full_name() or user.get_username()) if user else _("Someone else"),
            "item": self.conflict_item(),
            "when": formats.time_format(timezone.localtime(latest.history_date)) if latest else "?",
        }
        self.conflict = ROW_CONFLICT % names
        self.conflict_summary = ROW_CONFLICT_SUMMARY % names
        self.add_error(None, ValidationError(self.conflict, code="conflict"))
        # The page comes back with the version they saved: the editor has been told, and saving again wins.
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = str(self.fields["version"].prepare_value(self.loaded_version))

    def has_changed(self):
        return not self.untouched and super().has_changed()

    def _as_opened(self):
        if self.opened is None:
            return None
        record = self.record.history.filter(history_date__lte=self.opened).first()
        return record.instance if record else None

    def _changed_since(self, as_opened):
        initial = model_to_dict(as_opened)
        return any(
            _differs(field, initial.get(name), self[name].data)
            for name, field in self.fields.items()
            if name in initial and name != "version" and not field.disabled
        )

    def _deleting(self):
        return bool(self.cleaned_data.get("DELETE"))
