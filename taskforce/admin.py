"""The admin's base for records several people edit (taskforce/versions.py)."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.widgets import AutocompleteSelect
from django.core import checks
from django.forms.models import BaseInlineFormSet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import TranslationReview
from .versions import VersionedModelForm


class LabelledInlineFormSet(BaseInlineFormSet):
    """Gives each field of a row its own accessible name: a tabular inline draws its labels once, as
    column headings that are not tied to the fields, so axe (and a screen reader) found them unnamed."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name, field in form.fields.items():
            # The widget itself, not the admin's related-object wrapper, whose attrs are not drawn.
            widget = getattr(field.widget, "widget", field.widget)
            if not widget.is_hidden:
                widget.attrs.setdefault("aria-label", field.label or name)


class NamedAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete, whose empty box shows the field's name: select2 names its box after the
    text it shows, and Django's blank placeholder left an empty one unnamed."""

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs=extra_attrs)
        attrs["data-placeholder"] = _("Choose %(field)s") % {"field": self.field.verbose_name}
        attrs["data-field-label"] = capfirst(self.field.verbose_name)
        return attrs

    @property
    def media(self):
        # Listed with Django's scripts so that the merged media keeps it after autocomplete.js.
        return forms.Media(css=super().media._css, js=[*super().media._js, "js/named_autocomplete.js"])


class NamedAutocompleteMixin:
    """For admins and inlines with ``autocomplete_fields``: use ``NamedAutocompleteSelect``."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = NamedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class TabularInline(NamedAutocompleteMixin, admin.TabularInline):
    """The project's tabular inline: every one of its fields is named for assistive technology."""

    formset = LabelledInlineFormSet


class VersionedAdmin(NamedAutocompleteMixin, admin.ModelAdmin):
    """A change page that carries the record's signed version (django-concurrency's field, drawn by
    ``VersionedModelForm``): a stale or missing one gets the same message as the app's pages.

    Not django-concurrency's ConcurrentModelAdmin: in 2.8.1 its response_action() does not take the
    ``action_location`` argument Django 6.1 passes, so every change-list action answered 500, and its
    save_model() swallows a save that lost the race and reports success. Here such a save raises, the
    admin's transaction rolls the whole page back, and the library's middleware answers 409.
    """

    form = VersionedModelForm

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        declared = flatten_fieldsets(self.fieldsets) if self.fieldsets else self.fields
        if declared and "version" not in declared:
            errors.append(
                checks.Error(
                    f"{self.__class__.__name__} lists its fields without 'version', so its change page "
                    "cannot be saved.",
                    obj=self.__class__,
                    id="taskforce.E001",
                )
            )
        return errors


@admin.register(TranslationReview)
class TranslationReviewAdmin(admin.ModelAdmin):
    """Staff mark a language reviewed by a qualified translator; deleting the row brings the draft notice back."""

    list_display = ["language", "reviewed_by", "reviewed_on"]
