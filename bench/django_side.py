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


def _pdfs():
    """Every app's PDFs to time: (name, render through the app, its HTML, WeasyPrint options)."""
    return [pdf for module in app_modules("bench") for pdf in getattr(module, "pdfs", list)()]


def pdf_names():
    print(json.dumps([name for name, *_rest in _pdfs()]))


def time_pdfs(name, budget_seconds=20, least_runs=3, most_runs=31):
    """The PDF of that name through the app, then WeasyPrint alone on the same HTML saved as a file.

    bench/run.py times each PDF in a process of its own: in one process for all of them, what one PDF left behind
    (the pamphlet's 125 pages of objects) changed the next one's figures (the annual report read 1.01 alone and
    1.28 after the pamphlet, on the same code and data).

    A module's ``pdfs()`` gives (name, render through the app, its HTML, WeasyPrint options); the HTML may be a
    list of (HTML, options) when the PDF is made of several documents WeasyPrint lays out (the packet: its cover
    and its page numbers), and WeasyPrint alone then lays out each of them.

    The two alternate, run after run, while the budget lasts (at least ``least_runs`` each, at most
    ``most_runs``), and each figure is the median: one run of a short PDF is mostly noise, and so is the median of
    nine (the minutes' ratio read 1.07 and 1.19 in two runs of nine on the same code; 31 runs of a short PDF still
    fit in the budget). The pamphlet's single run read 1.10 and 1.16 in two runs of the bench on the same code, and
    0.995 to 1.03 run after run in one process: so it too gets three.

    Each run starts with the garbage of the one before collected (``gc.collect()``, outside the timing): a laid-out
    document is a graph of objects with cycles, which Python's collector frees whenever the next allocations
    trigger it, so without this each run would pay, at a moment of chance, for the run before it (the app's after
    WeasyPrint alone's, and the first app run after the warm-up's). timeit turns the collector off for the same
    reason; here it stays on inside a run, as it is in the worker.
    The page count is WeasyPrint's, from the last run alone (``write_pdf`` is ``render().write_pdf()``); no
    run's document outlives its run.

    WeasyPrint alone gets one URL fetcher (WeasyPrint's own, with its defaults), made before any timing, as
    the app keeps one per thread (taskforce/pdf.py): left to itself WeasyPrint makes one per document and
    stylesheet, each loading the system's certificates (about 20 ms), which would make the app look faster
    than WeasyPrint alone by work that is not layout.
    """
    import gc
    import statistics
    import tempfile

    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher()

    render_pdf, render_html, options = next(pdf[1:] for pdf in _pdfs() if pdf[0] == name)
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
    while len(through_app) < least_runs or (
        time.perf_counter() - began < budget_seconds and len(through_app) < most_runs
    ):
        gc.collect()
        started = time.perf_counter()
        render_pdf()
        through_app.append(time.perf_counter() - started)
        gc.collect()
        started = time.perf_counter()
        page_counts = []
        for path, stylesheets, document_options in files:
            document = HTML(filename=path, base_url=document_options.get("base_url"), url_fetcher=fetcher).render(
                stylesheets=stylesheets, **document_options.get("write", {})
            )
            document.write_pdf(**document_options.get("write", {}))
            page_counts.append(len(document.pages))
        del document  # not alive (nor its graph walked by the collector) while the app's next run is timed
        alone.append(time.perf_counter() - started)
    pages = page_counts[0]  # the PDF's own pages (a second document, as the packet's numbers, adds none)
    seconds, weasyprint_seconds = statistics.median(through_app), statistics.median(alone)
    print(
        json.dumps(
            {
                "name": name,
                "seconds": round(seconds, 3),
                "weasyprint_seconds": round(weasyprint_seconds, 3),
                "ratio": round(seconds / weasyprint_seconds, 2),
                "runs": len(through_app),
                "pages": pages,
                "seconds_per_page": round(seconds / pages, 3),
            }
        )
    )
