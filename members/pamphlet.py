"""The resource pamphlet's PDF, kept per fingerprint of what it prints.

Laying out the pamphlet is WeasyPrint's slowest job in the app (seconds for a few hundred
services), and the same PDF is asked for again and again by visitors. So the PDF is kept in
Django's cache under a fingerprint of its inputs: for each model it prints, the row count and the
latest change (``updated_at``; for services also their newest history record, which deletions and
changes of categories and populations write), plus the language, the paper size, the date printed
on every page and the task force's name. Any change to a service, an organization, a category or a
population moves the fingerprint, so the next request draws a new PDF. Bump
``PAMPHLET_LAYOUT_VERSION`` when the template or stylesheet changes.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone

from .models import Organization, Population, Service, ServiceCategory

PAMPHLET_LAYOUT_VERSION = 1
CACHE_SECONDS = 24 * 60 * 60


def data_fingerprint() -> str:
    """What the pamphlet prints, as row counts and latest changes: five small queries."""
    parts = [
        Service.objects.aggregate(rows=Count("pk"), latest=Max("updated_at")),
        Service.history.aggregate(latest=Max("history_date")),
        Organization.objects.aggregate(rows=Count("pk"), latest=Max("updated_at")),
        ServiceCategory.objects.aggregate(rows=Count("pk"), latest=Max("updated_at")),
        Population.objects.aggregate(rows=Count("pk"), latest=Max("updated_at")),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def cache_key(*, language: str, size: str) -> str:
    inputs = (
        data_fingerprint(),
        language,
        size,
        timezone.localdate().isoformat(),
        settings.TASK_FORCE_NAME,
        PAMPHLET_LAYOUT_VERSION,
    )
    return "pamphlet:" + hashlib.sha256(repr(inputs).encode()).hexdigest()


def kept_pdf(*, language: str, size: str, render) -> bytes:
    """The pamphlet's PDF for this language and paper size: kept, or made now by ``render()`` and kept."""
    key = cache_key(language=language, size=size)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render()
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf
