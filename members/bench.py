"""Pages and the PDF of the registry and the resource list that the benchmark (bench/run.py) measures."""

from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.test import Client, RequestFactory

from .pamphlet import pamphlet_document

PAMPHLET_URL = "/resources/pamphlet.pdf?lang=en&size=letter"


def pages():
    return [
        ("resources", "/resources/?q=legal"),
        ("resource list", "/resources/"),
    ]


def pdfs():
    """(name, render through the app, the same HTML, WeasyPrint options) for bench/django_side.time_pdfs."""
    client = Client()  # made once, as a running server loads its middleware once

    def render_pdf():
        cache.clear()  # measure drawing the PDF, not handing out the kept copy (members/pamphlet.py)
        response = client.get(PAMPHLET_URL)  # public: no login needed
        assert response.status_code == 200, response.status_code
        return response.content

    def document():
        request = RequestFactory().get(PAMPHLET_URL)
        request.user = AnonymousUser()
        return pamphlet_document(request)

    def render_html():
        return document()["html"]

    page_css = document()["page_css"]
    options = {
        "base_url": "http://testserver/",
        "css": [Path(finders.find("css/pamphlet.css")).read_text(encoding="utf-8"), page_css],
        "write": {"pdf_variant": "pdf/ua-1"},
    }
    return [("pamphlet", render_pdf, render_html, options)]
