"""The resource pamphlet: drawn as a PDF from its template by the background worker, stored per fingerprint.

Laying out the pamphlet is WeasyPrint's slowest job in the app (seconds for a few hundred
services; minutes at ten years of data), so a request never draws it: it serves the PamphletPDF
stored for the current fingerprint of what the pamphlet prints, or queues its rendering
(``tasks.render_pamphlet_pdf``; taskforce/stored_pdfs.py) and answers with the previous copy.
The fingerprint takes, for each model it prints, the row count and the latest change
(``updated_at``; for services also their newest history record, which deletions and changes of
categories and populations write), plus the task force's name and ``PAMPHLET_LAYOUT_VERSION``;
each language and paper size is its own stored file. The date printed on the pamphlet ("Updated
...") is the day of the latest of those changes, not the day it was drawn, so an unchanged list
keeps its file. Bump ``PAMPHLET_LAYOUT_VERSION`` when the template or stylesheet changes.
"""

import datetime
import hashlib

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date

from taskforce import pdf as weasy
from taskforce import stored_pdfs

from .models import Organization, PamphletPDF, Population, Service, ServiceCategory, content_language
from .pamphlet_text import PAPER_SIZES, TEXT, ages_in, language_name_in, list_separator

# 2: four languages, each service once under its main category; 3: a pair of services split between pages.
PAMPHLET_LAYOUT_VERSION = 3


def data_parts() -> list[dict]:
    """What the pamphlet prints, as row counts and latest changes: five small queries."""
    return [
        Service.objects.aggregate(rows=Count("pk"), latest=Max("updated_at")),
        Service.history.aggregate(latest=Max("history_date")),
        Organization.objects.aggregate(rows=Count("pk"), latest=Max("updated_at")),
        ServiceCategory.objects.aggregate(rows=Count("pk"), latest=Max("updated_at")),
        Population.objects.aggregate(rows=Count("pk"), latest=Max("updated_at")),
    ]


def data_version(parts: list[dict] | None = None) -> str:
    """The fingerprint of the pamphlet's content, the same for every language and paper size."""
    inputs = (parts or data_parts(), settings.TASK_FORCE_NAME, PAMPHLET_LAYOUT_VERSION)
    return hashlib.sha256(repr(inputs).encode()).hexdigest()


def last_changed(parts: list[dict]) -> datetime.date:
    """The day of the latest change the pamphlet prints (today when nothing is listed yet)."""
    changes = [part["latest"] for part in parts if part["latest"] is not None]
    return timezone.localdate(max(changes)) if changes else timezone.localdate()


def _pamphlet_sections(services, language):
    """Public services grouped by category in the categories' order: each service once, under its main
    category (``Service.main_category``), its other categories named beside it."""
    sections = {category.pk: (category.text(language), []) for category in ServiceCategory.objects.all()}
    other = []
    for service in services:
        main = service.main_category()
        if main is None:
            other.append(service)
        else:
            sections[main.pk][1].append(service)
    groups = [(name, rows) for name, rows in sections.values() if rows]
    if other:
        groups.append((TEXT[language]["other_services"], other))
    return groups


def _css_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _page_css(size, text, today):
    """Paper size, and the task force's name, the date and page numbers in the page margins."""
    before, between = text["page_of"].split("{page}")
    between, after = between.split("{pages}")
    return (
        f"@page {{ size: {size};"
        f" @top-left {{ content: {_css_string(settings.TASK_FORCE_NAME)}; }}"
        f" @top-right {{ content: {_css_string(text['updated'] + ' ' + today)}; }}"
        f" @bottom-center {{ content: {_css_string(before)} counter(page) {_css_string(between)} counter(pages)"
        f" {_css_string(after)}; }} }}"
    )


def _pamphlet_language(request):
    """?lang= when given, else the page's language (the browser's, or the visitor's choice) if the
    pamphlet has it, else English."""
    chosen = request.GET.get("lang")
    if chosen is None:
        chosen = content_language(
            getattr(request, "LANGUAGE_CODE", None) or translation.get_language_from_request(request)
        )
    return chosen if chosen in TEXT else "en"


def options(request):
    """The language and paper size the visitor asked for (?lang=, ?size=), or the defaults."""
    size = request.GET.get("size", "letter") if request.GET.get("size") in PAPER_SIZES else "letter"
    return _pamphlet_language(request), size


def pamphlet_document(*, language: str, size: str, parts: list[dict] | None = None):
    """The pamphlet's HTML and its page CSS (paper size, margins) in this language and paper size."""
    text = TEXT[language]
    services = list(
        Service.objects.public()
        .select_related("organization")
        .prefetch_related("categories", "populations")
        .order_by("organization__name", "name")
    )
    with translation.override(language):
        for service in services:
            service.language_list = list_separator(language).join(
                language_name_in(code, language) for code in service.languages
            )
            service.shown = service.texts(language)
            service.shown_populations = [population.text(language) for population in service.populations.all()]
            service.shown_ages = ages_in(service, text)
            service.other_categories = [category.text(language) for category in service.categories_in_order()[1:]]
        updated = format_date(last_changed(parts or data_parts()), text["date_format"])
    html = render_to_string(
        "resources/pamphlet.html",
        {
            "text": text,
            "language": language,
            "sections": _pamphlet_sections(services, language),
            "task_force_name": settings.TASK_FORCE_NAME,
            "today": updated,
            "services": services,
        },
    )
    return {"html": html, "page_css": _page_css(PAPER_SIZES[size], text, updated), "language": language, "size": size}


def render_pdf(*, language: str, size: str, parts: list[dict] | None = None) -> tuple[bytes, int]:
    """The pamphlet drawn now (WeasyPrint, tagged PDF/UA-1), and its page count: the worker's job."""
    document = pamphlet_document(language=language, size=size, parts=parts)
    laid_out = weasy.html(string=document["html"], base_url=str(settings.BASE_DIR)).render(
        stylesheets=[weasy.css(filename=finders.find("css/pamphlet.css")), weasy.css(string=document["page_css"])],
        pdf_variant="pdf/ua-1",
    )
    return laid_out.write_pdf(pdf_variant="pdf/ua-1"), len(laid_out.pages)


def current_pdf(*, language: str, size: str) -> PamphletPDF:
    """The stored pamphlet of the current data (content loaded), or the row of its queued rendering."""
    from .tasks import render_pamphlet_pdf

    return stored_pdfs.current_or_queue(
        PamphletPDF, key={"language": language, "size": size}, data_version=data_version(), task=render_pamphlet_pdf
    )


def previous_pdf(*, language: str, size: str) -> PamphletPDF | None:
    """The latest pamphlet stored in this language and size, of older data: public either way."""
    return PamphletPDF.objects.ready().filter(language=language, size=size).order_by("-rendered_at").first()


def _render_stored(pdf: PamphletPDF) -> tuple[bytes, int]:
    return render_pdf(language=pdf.language, size=pdf.size)


def run_pdf_rendering(*, pdf_id: int) -> None:
    """The background task's work: lay out the pamphlet the row asks for and store it."""
    stored_pdfs.run(PamphletPDF, pdf_id=pdf_id, fingerprint=lambda pdf: data_version(), render_pdf=_render_stored)
