"""The annual report as a document: its body (kept per data fingerprint), the PDF, and the stored PDFs."""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from .fingerprint import data_version
from .models import ReportingYear, ReportPDF
from .sections import report_sections, report_title

PDF_STYLESHEET = "css/report_pdf.css"
BODY_CACHE_SECONDS = 24 * 60 * 60


def report_body_html(*, reporting_year: ReportingYear, version: str | None = None) -> str:
    """The report's sections as HTML, shared by the page and the PDF.

    The body depends only on what ``data_version`` fingerprints, so it is rendered once per version
    and then read from the cache, under a key naming the year and the fingerprint. It is template
    output (a SafeString, which the cache keeps as such), so pages include it as it is.
    """
    version = version or data_version(reporting_year=reporting_year)
    key = f"reports:body:{reporting_year.year}:{version}"
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


def stored_pdf(*, reporting_year: ReportingYear, version: str) -> ReportPDF | None:
    return (
        ReportPDF.objects.filter(reporting_year=reporting_year, data_version=version, state=ReportPDF.State.READY)
        .only("pk", "data_version", "pages", "rendered_at", "state")
        .first()
    )


def _store(*, pdf: ReportPDF, content: bytes, pages: int) -> ReportPDF:
    pdf.content = content
    pdf.pages = pages
    pdf.state = ReportPDF.State.READY
    pdf.rendered_at = timezone.now()
    pdf.error = ""
    pdf.save()
    # Older versions are never served again; renderings still under way finish on their own.
    ReportPDF.objects.filter(
        reporting_year=pdf.reporting_year_id, state__in=[ReportPDF.State.READY, ReportPDF.State.FAILED]
    ).exclude(pk=pdf.pk).delete()
    return pdf


def current_pdf_bytes(*, reporting_year: ReportingYear) -> bytes:
    """The PDF of the current data: the stored one, or rendered now (and stored) when there is none."""
    version = data_version(reporting_year=reporting_year)
    stored = (
        ReportPDF.objects.filter(reporting_year=reporting_year, data_version=version, state=ReportPDF.State.READY)
        .values_list("content", flat=True)
        .first()
    )
    if stored is not None:
        return bytes(stored)
    body = report_body_html(reporting_year=reporting_year, version=version)
    content, pages = render_pdf(html=report_pdf_html(reporting_year=reporting_year, body=body))
    pdf, _created = ReportPDF.objects.get_or_create(reporting_year=reporting_year, data_version=version)
    _store(pdf=pdf, content=content, pages=pages)
    return content


def pdf_status(*, reporting_year: ReportingYear, version: str) -> dict:
    """Whether the stored PDF matches the current data, and how a requested rendering is going: 1 query."""
    latest = (
        ReportPDF.objects.filter(reporting_year=reporting_year)
        .only("pk", "data_version", "state", "pages", "rendered_at", "requested_at", "error")
        .first()
    )
    current = latest if latest and latest.data_version == version else None
    steps = {ReportPDF.State.QUEUED: 1, ReportPDF.State.RENDERING: 2, ReportPDF.State.READY: 3}
    return {
        "version": version,
        "pdf": current,
        "state": current.state if current else "missing",
        "state_label": current.get_state_display() if current else gettext("Not prepared for the current data"),
        "step": steps.get(current.state, 0) if current else 0,
        "steps": 3,
        "ready": bool(current and current.state == ReportPDF.State.READY),
        "busy": bool(current and current.state in (ReportPDF.State.QUEUED, ReportPDF.State.RENDERING)),
        "failed": bool(current and current.state == ReportPDF.State.FAILED),
        "pages": current.pages if current else None,
    }


def request_fresh_pdf(*, reporting_year: ReportingYear, user) -> ReportPDF:
    """Queue a rendering of the current data, unless it is stored or already under way."""
    from .tasks import render_report_pdf

    version = data_version(reporting_year=reporting_year)
    with transaction.atomic():
        pdf, created = ReportPDF.objects.select_for_update().get_or_create(
            reporting_year=reporting_year, data_version=version, defaults={"requested_by": user}
        )
        if not created and pdf.state != ReportPDF.State.FAILED:
            return pdf
        pdf.state = ReportPDF.State.QUEUED
        pdf.requested_by = user
        pdf.error = ""
        pdf.save()
    render_report_pdf.enqueue(pdf_id=pdf.pk)
    pdf.refresh_from_db()
    return pdf


def run_pdf_rendering(*, pdf_id: int) -> None:
    """The background task's work: lay out the PDF the row asks for and store it."""
    pdf = ReportPDF.objects.select_related("reporting_year").get(pk=pdf_id)
    pdf.state = ReportPDF.State.RENDERING
    pdf.save(update_fields=["state"])
    try:
        version = data_version(reporting_year=pdf.reporting_year)
        body = report_body_html(reporting_year=pdf.reporting_year, version=version)
        content, pages = render_pdf(html=report_pdf_html(reporting_year=pdf.reporting_year, body=body))
    except Exception as error:
        pdf.state = ReportPDF.State.FAILED
        pdf.error = str(error)[:2000]
        pdf.save(update_fields=["state", "error"])
        raise
    if version != pdf.data_version:
        # The data changed while it waited: store under the version actually rendered.
        ReportPDF.objects.filter(reporting_year=pdf.reporting_year, data_version=version).exclude(pk=pdf.pk).delete()
        pdf.data_version = version
    _store(pdf=pdf, content=content, pages=pages)
