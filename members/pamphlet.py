"""The resource pamphlet: drawn as a PDF from its template, and kept per fingerprint of what it prints.

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
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date

from taskforce import pdf as weasy

from .models import Organization, Population, Service, ServiceCategory
from .pamphlet_text import PAPER_SIZES, TEXT, ages_in, language_name_in

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


def _pamphlet_sections(services, language):
    """Public services grouped by category in the categories' order; a service is listed under each of its kinds."""
    sections = {category.pk: (category.name_in(language), []) for category in ServiceCategory.objects.all()}
    other = []
    for service in services:
        categories = list(service.categories.all())
        for category in categories:
            sections[category.pk][1].append(service)
        if not categories:
            other.append(service)
    groups = [(name, rows) for name, rows in sections.values() if rows]
    if other:
        groups.append((TEXT[language]["other_services"], other))
    return groups


def _css_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _page_css(size, text, today):
    """Paper size, and the task force's name, the date and page numbers in the page margins."""
    return (
        f"@page {{ size: {size};"
        f" @top-left {{ content: {_css_string(settings.TASK_FORCE_NAME)}; }}"
        f" @top-right {{ content: {_css_string(text['updated'] + ' ' + today)}; }}"
        f" @bottom-center {{ content: {_css_string(text['page'] + ' ')} counter(page) {_css_string(' ' + text['of'] + ' ')} counter(pages); }} }}"
    )


def _pamphlet_language(request):
    """?lang= when given, else the browser's preferred language if the pamphlet has it, else English."""
    chosen = request.GET.get("lang")
    if chosen is None:
        chosen = translation.get_language_from_request(request)[:2]
    return chosen if chosen in TEXT else "en"


def options(request):
    """The language and paper size the visitor asked for (?lang=, ?size=), or the defaults."""
    size = request.GET.get("size", "letter") if request.GET.get("size") in PAPER_SIZES else "letter"
    return _pamphlet_language(request), size


def pamphlet_document(request):
    """The pamphlet's HTML and its page CSS (paper size, margins), with the language and paper size chosen."""
    language, size = options(request)
    text = TEXT[language]
    services = list(
        Service.objects.public()
        .select_related("organization")
        .prefetch_related("categories", "populations")
        .order_by("organization__name", "name")
    )
    for service in services:
        service.language_list = ", ".join(language_name_in(code, language) for code in service.languages)
        service.shown_name, service.shown_description, service.shown_how_to_refer = service.in_language(language)
        service.shown_populations = ", ".join(population.name_in(language) for population in service.populations.all())
        service.shown_ages = ages_in(service, text)
    with translation.override(language):
        today = format_date(timezone.localdate(), text["date_format"])
    html = render_to_string(
        "resources/pamphlet.html",
        {
            "text": text,
            "language": language,
            "sections": _pamphlet_sections(services, language),
            "task_force_name": settings.TASK_FORCE_NAME,
            "today": today,
            "services": services,
        },
        request=request,
    )
    return {"html": html, "page_css": _page_css(PAPER_SIZES[size], text, today), "language": language, "size": size}


def render_pdf(request) -> bytes:
    """The pamphlet drawn now (WeasyPrint, tagged PDF/UA-1)."""
    document = pamphlet_document(request)
    return weasy.html(string=document["html"], base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=[weasy.css(filename=finders.find("css/pamphlet.css")), weasy.css(string=document["page_css"])],
        pdf_variant="pdf/ua-1",
    )


def kept_pdf(request, *, language: str, size: str) -> bytes:
    """The pamphlet's PDF for this language and paper size: kept, or drawn now and kept."""
    key = cache_key(language=language, size=size)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(request)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf
