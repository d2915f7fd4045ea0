"""Storage for private uploads (MOUs): never a public URL; views that check access serve them.

By default a folder (PRIVATE_MEDIA_ROOT); set PRIVATE_STORAGE_BACKEND (and
PRIVATE_STORAGE_OPTIONS) to keep them in object storage, e.g. django-storages' S3Storage
with a private bucket, so several app servers share them.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.module_loading import import_string


class PrivateStorage(LazyObject):
    def _setup(self):
        backend = getattr(settings, "PRIVATE_STORAGE_BACKEND", "")
        if backend:
            self._wrapped = import_string(backend)(**getattr(settings, "PRIVATE_STORAGE_OPTIONS", {}))
        else:
            self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()


def get_private_storage():
    return private_storage


@receiver(setting_changed)
def _follow_setting(*, setting, **kwargs):
    if setting in {"PRIVATE_MEDIA_ROOT", "PRIVATE_STORAGE_BACKEND", "PRIVATE_STORAGE_OPTIONS"}:
        private_storage._wrapped = empty
