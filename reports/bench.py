"""Pages and the PDF of the reports app that the benchmark (bench/run.py) measures."""

from django.conf import settings

from . import pdf
from .models import ReportingYear


def _latest_published():
    return ReportingYear.objects.filter(state=ReportingYear.State.PUBLISHED).order_by("-year").first()


def _stored_pdf(reporting_year):
    """The benchmark measures serving the stored PDF: store it first, as the worker would."""
    queued = pdf.request_fresh_pdf(reporting_year=reporting_year, user=None)
    if not queued.is_ready:
        pdf.run_pdf_rendering(pdf_id=queued.pk)


def pages():
    reporting_year = _latest_published()
    _stored_pdf(reporting_year)
    year = reporting_year.year
    return [
        ("report preview", f"/reports/{year}/"),
        ("submissions", f"/reports/{year}/submissions/"),
        ("report pdf (stored)", f"/reports/{year}/report.pdf"),
    ]


def pdfs():
    """The annual report rendered from its data, against WeasyPrint alone on the same HTML."""
    reporting_year = _latest_published()

    def render_pdf():
        html = pdf.report_pdf_html(
            reporting_year=reporting_year, body=pdf.report_body_html(reporting_year=reporting_year)
        )
        return pdf.render_pdf(html=html)

    def render_html():
        return pdf.report_pdf_html(
            reporting_year=reporting_year, body=pdf.report_body_html(reporting_year=reporting_year)
        )

    options = {
        "base_url": str(settings.BASE_DIR),
        "css": [pdf.stylesheet_text()],
        "write": {"pdf_variant": "pdf/ua-1"},
    }
    return [("annual report", render_pdf, render_html, options)]
