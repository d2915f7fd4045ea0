"""The annual report as a document: its body (kept per data fingerprint), the PDF, and the stored PDFs.

The PDF is laid out by the background worker (tasks.py) once per fingerprint and stored
(taskforce/stored_pdfs.py); requests only serve it or queue it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from taskforce import stored_pdfs

from .fingerprint import data_version
from .models import ReportingYear, ReportPDF
from .sections import report_sections, report_title

PDF_STYLESHEET = "css/report_pdf.css"
BODY_CACHE_SECONDS = 24 * 60 * 60


def report_body_html(*, reporting_year: ReportingYear, version: str | None = None) -> str:
    """The report's sections as HTML, shared by the page and the PDF.

    The body depends only on what ``data_version`` fingerprints, so it is rendered once per version
    and then read from the cache, under a key naming the year, the fingerprint and the language. It is template
    output (a SafeString, which the cache keeps as such), so pages include it as it is.
    """
    version = version or data_version(reporting_year=reporting_year)
    # Per language too: the page draws it in the reader's language, the PDF worker in English.
    key = f"reports:body:{reporting_year.year}:{version}:{translation.get_language()}"
    body = cache.get(key)
    if body is None:
        body = render_to_string(
            "reports/_report_body.html",
            {"reporting_year": reporting_year, "sections": report_sections(reporting_year=reporting_year)},
        )
        cache.set(key, body, BODY_CACHE_SECONDS)
    return body


def report_pdf_html(*, reporting_year: ReportingYear, body: str) -> str:
    """The document WeasyPrint lays out: the shared body in a print wrapper."""
    return render_to_string(
        "reports/report_pdf.html",
        {
            "reporting_year": reporting_year,
            "title": report_title(reporting_year=reporting_year),
            "body": body,
            "task_force_name": settings.TASK_FORCE_NAME,
        },
    )


def stylesheet_text() -> str:
    with open(finders.find(PDF_STYLESHEET), encoding="utf-8") as handle:
        return handle.read()


def render_pdf(*, html: str) -> tuple[bytes, int]:
    """Lay out the report with WeasyPrint as tagged PDF/UA; returns the file and its page count."""
    from taskforce import pdf

    document = pdf.html(string=html, base_url=str(settings.BASE_DIR)).render(
        stylesheets=[pdf.css(string=stylesheet_text())], pdf_variant="pdf/ua-1"
    )
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)


def _render_stored(pdf: ReportPDF) -> tuple[bytes, int]:
    body = report_body_html(reporting_year=pdf.reporting_year, version=pdf.data_version)
    return render_pdf(html=report_pdf_html(reporting_year=pdf.reporting_year, body=body))


def current_pdf(*, reporting_year: ReportingYear, user=None) -> ReportPDF:
    """The stored PDF of the current data (content loaded), or the row of its queued rendering: never renders."""
    from .tasks import render_report_pdf

    return stored_pdfs.current_or_queue(
        ReportPDF,
        key={"reporting_year": reporting_year},
        data_version=data_version(reporting_year=reporting_year),
        task=render_report_pdf,
        defaults={"requested_by": user if user and user.is_authenticated else None},
    )


def pdf_status(*, reporting_year: ReportingYear, version: str) -> dict:
    """Whether a PDF of the current data is stored, and how a requested rendering is going: 1 query."""
    row = ReportPDF.objects.without_content().filter(reporting_year=reporting_year, data_version=version).first()
    return stored_pdfs.progress(row) | {"version": version}


def request_fresh_pdf(*, reporting_year: ReportingYear, user) -> ReportPDF:
    """Queue a rendering of the current data, unless it is stored or already under way."""
    from .tasks import render_report_pdf

    return stored_pdfs.queue(
        ReportPDF,
        key={"reporting_year": reporting_year},
        data_version=data_version(reporting_year=reporting_year),
        task=render_report_pdf,
        defaults={"requested_by": user},
    )


def run_pdf_rendering(*, pdf_id: int) -> None:
    """The background task's work: lay out the PDF the row asks for and store it.

    The fingerprint names the language, so the worker (which has no request) renders in the site's.
    """
    with translation.override(settings.LANGUAGE_CODE):
        stored_pdfs.run(
            ReportPDF,
            pdf_id=pdf_id,
            fingerprint=lambda pdf: data_version(reporting_year=pdf.reporting_year),
            render_pdf=_render_stored,
        )
