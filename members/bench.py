"""Pages and the PDF of the registry and the resource list that the benchmark (bench/run.py) measures."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from .pamphlet import pamphlet_document
from .pamphlet import render_pdf as render_pdf_now


def pages():
    return [
        ("resources", "/resources/?q=legal"),
        ("resource list", "/resources/"),
    ]


def pdfs():
    """(name, render as the worker does, the same HTML, WeasyPrint options) for bench/django_side.time_pdfs."""

    def render_pdf():
        return render_pdf_now(language="en", size="letter")[0]  # what the background worker does

    def render_html():
        return pamphlet_document(language="en", size="letter")["html"]

    page_css = pamphlet_document(language="en", size="letter")["page_css"]
    options = {
        "base_url": str(settings.BASE_DIR),
        "css": [Path(finders.find("css/pamphlet.css")).read_text(encoding="utf-8"), page_css],
        "write": {"pdf_variant": "pdf/ua-1"},
    }
    return [("pamphlet", render_pdf, render_html, options)]
