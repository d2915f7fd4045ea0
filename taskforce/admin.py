"""The admin's base for records several people edit (taskforce/versions.py)."""

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core import checks

from .versions import VersionedModelForm


class VersionedAdmin(admin.ModelAdmin):
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
