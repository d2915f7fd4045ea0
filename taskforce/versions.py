"""Two people editing one record: the second save is refused instead of silently overwriting the first.

Built on django-concurrency. A record people share inherits ``Versioned``: every save raises its ``version``
and only succeeds while the row still has the version the editor loaded (an UPDATE ... WHERE version = n).
Every edit form of such a record mixes in ``VersionedForm``, which carries that version, signed, in a hidden
field: a missing or tampered one is refused, and a stale one gets ``CONFLICT`` at the top of the form, with
what the editor typed still in it. The admin uses ``VersionedAdmin`` (taskforce/admin.py) with the same form.
"""

from concurrency import forms as concurrency_forms
from concurrency.exceptions import VersionError
from concurrency.fields import AutoIncVersionField
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

CONFLICT = _(
    "Someone else saved this %(record)s while you were editing, so your changes were not saved. "
    "Your text is still below: copy what you need, reload the page to see their changes, and save again."
)
NO_VERSION = _(
    "This page was sent without the version of the %(record)s it started from, so nothing was saved. "
    "Reload the page and make your change again."
)


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
            self.add_error(None, ValidationError(conflict_message(self.record_name), code="conflict"))
        else:
            self.record.version = cleaned["version"]
        return cleaned


class VersionedModelForm(VersionedForm, forms.ModelForm):
    """A model form of a ``Versioned`` model (the admin's base form for them)."""


class VersionForm(VersionedForm, forms.Form):
    """Only the version of ``record``, for pages that edit it through several forms (the meeting's agenda,
    the minutes, an agency's figures)."""
