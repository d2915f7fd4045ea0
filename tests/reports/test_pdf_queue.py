"""The report PDF is rendered by the background worker once per fingerprint; a request only serves or queues it.

The real queue (django-tasks-db) and `manage.py db_worker`, run by the tests; WeasyPrint's layout is
counted with a spy that calls through.
"""

import datetime
import io
import re
import threading

import pytest
import weasyprint
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from members.models import CommitteeRole
from reports import fingerprint
from reports.models import ReportingYear, ReportPDF
from tests.reports.helpers import accepted_submission
from tests.reports.test_report import pdf_text

# The worker command closes its database connection: these tests need real transactions.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Here, unlike the other report tests, the project's database queue: nothing runs until the worker does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def layouts(monkeypatch):
    calls = []
    render = weasyprint.HTML.render

    def counted(self, *args, **kwargs):
        calls.append(1)
        return render(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", counted)
    return calls


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=io.StringIO())


def publish(year, *, public):
    year.state = ReportingYear.State.PUBLISHED
    year.public_after_publish = public
    year.published_at = timezone.now()
    year.save()
    return year


def assert_being_prepared(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    assert "The PDF is being prepared. Try again in a minute." in response.content.decode()


def test_an_anonymous_reader_of_a_public_report_never_renders_it(client, world, year, layouts):
    accepted_submission(year, world.legal_aid, 12)
    publish(year, public=True)
    url = reverse("reports:pdf", args=[year.year])
    assert_being_prepared(client.get(url))
    assert_being_prepared(client.get(url))
    assert layouts == [] and not ReportPDF.objects.ready().exists()
    assert ReportPDF.objects.get().state == ReportPDF.State.QUEUED and DBTaskResult.objects.count() == 1

    run_worker()
    assert len(layouts) == 1
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    assert re.search(r"People identified as trafficked\s+12", pdf_text(response.content))
    assert len(layouts) == 1


def test_a_members_only_report_is_never_kept_by_caches(client_as, world, year):
    accepted_submission(year, world.legal_aid, 12)
    publish(year, public=False)
    client = client_as("member")
    url = reverse("reports:pdf", args=[year.year])
    assert_being_prepared(client.get(url))
    run_worker()
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_readers_get_the_copy_stored_since_publication_while_the_new_one_renders(client_as, world, year):
    accepted_submission(year, world.legal_aid, 12)
    publish(year, public=False)
    client = client_as("member")
    url = reverse("reports:pdf", args=[year.year])
    client.get(url)
    run_worker()
    accepted_submission(year, world.shelter, 30)  # a correction after publication
    response = client.get(url)
    assert response.status_code == 200
    assert re.search(r"People identified as trafficked\s+12", pdf_text(response.content))
    run_worker()
    assert re.search(r"People identified as trafficked\s+42", pdf_text(client.get(url).content))


def test_a_draft_rendered_before_publication_is_not_handed_to_readers(client_as, world, year):
    accepted_submission(year, world.legal_aid, 12)
    staff = client_as("staff")
    url = reverse("reports:pdf", args=[year.year])
    staff.post(reverse("reports:pdf_prepare", args=[year.year]))
    run_worker()
    assert ReportPDF.objects.ready().count() == 1  # the draft's PDF
    publish(year, public=True)
    anonymous = client_as("anonymous")
    assert_being_prepared(anonymous.get(url))
    run_worker()
    assert anonymous.get(url)["Content-Type"] == "application/pdf"


def test_staff_watch_the_rendering_of_the_current_data(client_as, world, year):
    accepted_submission(year, world.legal_aid, 12)
    client = client_as("staff")
    url = reverse("reports:pdf", args=[year.year])
    response = client.get(url)
    assert response.status_code == 202 and "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "<progress" in page and "Waiting to start" in page
    assert reverse("reports:pdf_status", args=[year.year]) in page
    pdf = ReportPDF.objects.get()
    assert pdf.state == ReportPDF.State.QUEUED and pdf.requested_by == world.staff.user
    assert client.get(reverse("reports:pdf_status", args=[year.year])).json()["state"] == "queued"
    run_worker()
    assert client.get(reverse("reports:pdf_status", args=[year.year])).json()["ready"]
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf" and "no-store" in response["Cache-Control"]


def test_parallel_requests_queue_one_rendering(world, year, layouts):
    """Four visitors at once, each on its own database connection: one row, one task, one rendering."""
    accepted_submission(year, world.legal_aid, 12)
    publish(year, public=True)
    url = reverse("reports:pdf", args=[year.year])
    start = threading.Barrier(4)
    statuses = []

    def visit():
        try:
            start.wait()
            statuses.append(Client().get(url).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=visit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [503] * 4 and layouts == []
    assert ReportPDF.objects.count() == 1 and DBTaskResult.objects.count() == 1
    run_worker()
    assert len(layouts) == 1


def test_a_failed_rendering_is_recorded_and_queued_again_by_the_next_request(client_as, world, year, monkeypatch):
    accepted_submission(year, world.legal_aid, 12)
    client = client_as("staff")
    url = reverse("reports:pdf", args=[year.year])
    client.get(url)

    def broken(self, *args, **kwargs):
        raise RuntimeError("out of fonts")

    with monkeypatch.context() as patch:
        patch.setattr(weasyprint.HTML, "render", broken)
        run_worker()
    assert ReportPDF.objects.get().state == ReportPDF.State.FAILED
    page = client.get(reverse("reports:report", args=[year.year])).content.decode()
    assert "The last rendering failed" in page
    client.get(url)
    assert ReportPDF.objects.get().state == ReportPDF.State.QUEUED and DBTaskResult.objects.count() == 2
    run_worker()
    assert client.get(url)["Content-Type"] == "application/pdf"


def test_the_fingerprint_follows_todays_chairs_not_todays_date(world, year, monkeypatch):
    """The report prints no date: an unchanged report keeps its PDF from one day to the next, until a
    chair's term (which "About the task force" names) starts or ends."""
    today = timezone.localdate()
    before = fingerprint.data_version(reporting_year=year)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + datetime.timedelta(days=1))
    assert fingerprint.data_version(reporting_year=year) == before
    # A term ending today is over tomorrow, with no save that day.
    CommitteeRole.objects.filter(person=world.cochair).update(end_on=today)
    monkeypatch.undo()
    at_end = fingerprint.data_version(reporting_year=year)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + datetime.timedelta(days=1))
    assert fingerprint.data_version(reporting_year=year) != at_end
