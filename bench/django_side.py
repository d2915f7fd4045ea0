"""The parts of the benchmark that run inside Django (through `manage.py shell`).

Each function prints one JSON document on the last line of its output.
"""

import json
import time

from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from taskforce.app_modules import app_modules

BENCH_USER = "bench-staff"


def _staff_session():
    User = get_user_model()
    user, _ = User.objects.update_or_create(
        username=BENCH_USER, defaults={"is_staff": True, "is_superuser": True, "is_active": True}
    )
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def pages():
    """The main pages, with arguments taken from the data set (the same choice at every scale)."""
    from members.models import Committee, Organization

    organization = Organization.objects.order_by("pk").first()
    committee = Committee.objects.filter(kind=Committee.Kind.STANDING).order_by("pk").first()
    paths = [
        ("dashboard", "/"),
        ("directory", "/members/"),
        ("organizations", "/members/organizations/"),
        ("organization", f"/members/organizations/{organization.pk}/"),
        ("committee", f"/committees/{committee.slug}/"),
    ]
    paths.extend(_more_pages())
    return paths


# The Django admin's changelists, measured beside the pages as a reference: what Django alone costs
# for a list of the same data. (name, admin URL name)
ADMIN_CHANGELISTS = [
    ("admin people", "admin:members_person_changelist"),
    ("admin organizations", "admin:members_organization_changelist"),
    ("admin meetings", "admin:meetings_meeting_changelist"),
    ("admin attendance", "admin:meetings_attendance_changelist"),
    ("admin action items", "admin:meetings_actionitem_changelist"),
    ("admin services", "admin:members_service_changelist"),
    ("admin submissions", "admin:reports_agencysubmission_changelist"),
]


def admin_pages():
    """The admin changelists as (name, path) pairs."""
    from django.urls import reverse

    return [(name, reverse(url_name)) for name, url_name in ADMIN_CHANGELISTS]


def _more_pages():
    """Pages of the apps beyond the registry; each bench.pages() returns (name, path) pairs."""
    return [page for module in app_modules("bench") for page in module.pages()]


def setup():
    print(json.dumps({"session": _staff_session(), "pages": pages(), "admin": admin_pages()}))


def count_queries():
    client = Client()
    client.cookies["sessionid"] = _staff_session()
    counts = {}
    for name, path in [*pages(), ("floor", "/status/")]:
        client.get(path)  # warm caches the way a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts[name] = {"path": path, "queries": len(queries), "status": response.status_code}
    print(json.dumps(counts))


def time_pdfs(budget_seconds=20, most_runs=31, only=()):
    """Each PDF through the app, then WeasyPrint alone on the same HTML saved as a file.

    A module's ``pdfs()`` gives (name, render through the app, its HTML, WeasyPrint options); the HTML may be a
    list of (HTML, options) when the PDF is made of several documents WeasyPrint lays out (the packet: its cover
    and its page numbers), and WeasyPrint alone then lays out each of them.

    The two alternate, run after run, while the budget lasts (at least one run each, at most
    ``most_runs``), and each figure is the median: one run of a short PDF is mostly noise, and so is the median of
    nine (the minutes' ratio read 1.07 and 1.19 in two runs of nine on the same code; 31 runs of a short PDF still
    fit in the budget).
    With ``only``, just the PDFs whose names contain one of those words.
    The page count is WeasyPrint's, from the last run alone (``write_pdf`` is ``render().write_pdf()``).

    WeasyPrint alone gets one URL fetcher (WeasyPrint's own, with its defaults), made before any timing, as
    the app keeps one per thread (taskforce/pdf.py): left to itself WeasyPrint makes one per document and
    stylesheet, each loading the system's certificates (about 20 ms), which would make the app look faster
    than WeasyPrint alone by work that is not layout.
    """
    import statistics
    import tempfile

    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher()

    results = []
    for module in app_modules("bench"):
        for name, render_pdf, render_html, options in getattr(module, "pdfs", list)():
            if only and not any(word in name for word in only):
                continue
            render_pdf()  # warm-up: fonts and imports
            documents = render_html()
            if isinstance(documents, str):
                documents = [(documents, options)]
            files = []
            for html, document_options in documents:
                with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as handle:
                    handle.write(html)
                files.append(
                    (
                        handle.name,
                        [CSS(string=css, url_fetcher=fetcher) for css in document_options.get("css", [])],
                        document_options,
                    )
                )
            through_app, alone = [], []
            began = time.perf_counter()
            while not through_app or (time.perf_counter() - began < budget_seconds and len(through_app) < most_runs):
                started = time.perf_counter()
                render_pdf()
                through_app.append(time.perf_counter() - started)
                started = time.perf_counter()
                laid_out = []
                for path, stylesheets, document_options in files:
                    document = HTML(
                        filename=path, base_url=document_options.get("base_url"), url_fetcher=fetcher
                    ).render(stylesheets=stylesheets, **document_options.get("write", {}))
                    document.write_pdf(**document_options.get("write", {}))
                    laid_out.append(document)
                alone.append(time.perf_counter() - started)
            document = laid_out[0]  # the PDF's own pages (a second document, as the packet's numbers, adds none)
            seconds, weasyprint_seconds = statistics.median(through_app), statistics.median(alone)
            results.append(
                {
                    "name": name,
                    "seconds": round(seconds, 3),
                    "weasyprint_seconds": round(weasyprint_seconds, 3),
                    "ratio": round(seconds / weasyprint_seconds, 2),
                    "runs": len(through_app),
                    "pages": len(document.pages),
                    "seconds_per_page": round(seconds / len(document.pages), 3),
                }
            )
    print(json.dumps(results))
