"""The pamphlet is drawn by the background worker once per fingerprint and stored; a request never draws it.

These tests use the project's real queue (django-tasks-db) and run `manage.py db_worker` themselves.
WeasyPrint's layout is counted with a spy that calls through, so "nothing was drawn" is measured.
"""

import datetime
import io
import threading

import pytest
import weasyprint
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from members.models import Organization, PamphletPDF, Population, Service, ServiceCategory
from members.tasks import render_pamphlet_pdf
from tests.resources.test_pamphlet import pdf_text

# The worker command closes its database connection: these tests need real transactions.
pytestmark = pytest.mark.django_db(transaction=True)
URL = reverse("members:pamphlet")


@pytest.fixture(autouse=True)
def _database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def layouts(monkeypatch):
    """How many documents WeasyPrint laid out (a spy around the library; the PDF is still drawn)."""
    calls = []
    render = weasyprint.HTML.render

    def counted(self, *args, **kwargs):
        calls.append(1)
        return render(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", counted)
    return calls


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=io.StringIO())


def assert_being_prepared(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    assert "The PDF is being prepared. Try again in a minute." in response.content.decode()


@pytest.mark.parametrize("persona", ["anonymous", "member"])
def test_a_visitor_never_draws_it_but_queues_it_once(client_as, services, tmp_path, layouts, persona):
    client = client_as(persona)
    assert_being_prepared(client.get(URL, {"lang": "en"}))
    assert_being_prepared(client.get(URL, {"lang": "en"}))  # asked again: still one rendering queued
    assert layouts == []
    assert not PamphletPDF.objects.ready().exists()
    assert PamphletPDF.objects.get().state == PamphletPDF.State.QUEUED
    assert DBTaskResult.objects.count() == 1

    run_worker()
    assert len(layouts) == 1
    response = client.get(URL, {"lang": "en"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}  # public data: kept briefly
    assert services.legal.name in pdf_text(response.content, tmp_path)
    assert len(layouts) == 1


def test_each_language_and_paper_size_is_its_own_file(client_as, services, layouts):
    client = client_as("anonymous")
    for lang, size in [("en", "letter"), ("es", "letter"), ("en", "a4")]:
        client.get(URL, {"lang": lang, "size": size})
    assert set(PamphletPDF.objects.values_list("language", "size")) == {
        ("en", "letter"),
        ("es", "letter"),
        ("en", "a4"),
    }
    run_worker()
    assert len(layouts) == 3 and PamphletPDF.objects.ready().count() == 3


def test_after_a_change_visitors_get_the_previous_copy_until_the_new_one_is_stored(client_as, services, tmp_path):
    client = client_as("anonymous")
    client.get(URL)
    run_worker()
    services.legal.name = "Renamed legal clinic"
    services.legal.save()
    response = client.get(URL)
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    assert "Renamed legal clinic" not in text and "Spanish-speaking legal help for adults" in text
    assert PamphletPDF.objects.filter(state=PamphletPDF.State.QUEUED).count() == 1
    run_worker()
    assert "Renamed legal clinic" in pdf_text(client.get(URL).content, tmp_path)
    assert PamphletPDF.objects.count() == 1  # the older file is dropped once the new one is stored


def test_staff_watch_the_rendering(client_as, services):
    client = client_as("staff")
    response = client.get(URL, {"lang": "es", "size": "a4"})
    assert response.status_code == 202
    page = response.content.decode()
    assert "<progress" in page and "Waiting to start" in page and 'data-busy="true"' in page
    status_url = reverse("members:pamphlet_status") + "?lang=es&amp;size=a4"
    assert status_url in page
    status = client.get(reverse("members:pamphlet_status"), {"lang": "es", "size": "a4"}).json()
    assert status["state"] == "queued" and status["step"] == 1 and not status["ready"]
    run_worker()
    status = client.get(reverse("members:pamphlet_status"), {"lang": "es", "size": "a4"}).json()
    assert status["ready"] and status["step"] == status["steps"] and status["pages"] >= 1
    assert status["url"] == reverse("members:pamphlet") + "?lang=es&size=a4"
    assert client.get(URL, {"lang": "es", "size": "a4"})["Content-Type"] == "application/pdf"


def test_the_status_is_for_staff_only(client_as, services):
    for persona in ["anonymous", "member"]:
        assert client_as(persona).get(reverse("members:pamphlet_status")).status_code in (302, 403)


def test_two_tasks_for_one_file_draw_it_once(client_as, services, layouts):
    client_as("anonymous").get(URL)
    render_pamphlet_pdf.enqueue(pdf_id=PamphletPDF.objects.get().pk)  # a duplicate, as after a retry
    run_worker()
    assert DBTaskResult.objects.count() == 2
    assert len(layouts) == 1
    assert PamphletPDF.objects.get().state == PamphletPDF.State.READY


def test_parallel_requests_queue_one_rendering(world, vocabulary, layouts):
    """Four visitors at once, each on its own database connection: one row, one task, one drawing."""
    from tests.resources.conftest import build_services

    build_services(world, vocabulary)
    start = threading.Barrier(4)
    statuses = []

    def visit():
        try:
            start.wait()
            statuses.append(Client().get(URL).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=visit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [503] * 4
    assert layouts == []
    assert PamphletPDF.objects.count() == 1 and DBTaskResult.objects.count() == 1
    run_worker()
    assert len(layouts) == 1


def test_a_failed_rendering_is_recorded_and_queued_again_by_the_next_request(client_as, services, monkeypatch):
    client = client_as("anonymous")
    client.get(URL)

    def broken(self, *args, **kwargs):
        raise RuntimeError("out of fonts")

    with monkeypatch.context() as patch:
        patch.setattr(weasyprint.HTML, "render", broken)
        run_worker()
    failed = PamphletPDF.objects.get()
    assert failed.state == PamphletPDF.State.FAILED and "out of fonts" in failed.error
    assert DBTaskResult.objects.get().status == "FAILED"

    assert_being_prepared(client.get(URL))
    queued = PamphletPDF.objects.get()
    assert queued.pk == failed.pk and queued.state == PamphletPDF.State.QUEUED and queued.error == ""
    assert DBTaskResult.objects.count() == 2
    run_worker()
    assert client.get(URL)["Content-Type"] == "application/pdf"


def test_a_row_left_queued_too_long_is_queued_again(client_as, services):
    client = client_as("anonymous")
    client.get(URL)
    DBTaskResult.objects.all().delete()  # the task was lost (say, the database queue was cleared)
    client.get(URL)
    assert DBTaskResult.objects.count() == 0  # recently queued: left alone
    PamphletPDF.objects.update(requested_at=timezone.now() - PamphletPDF.STALE_AFTER - datetime.timedelta(minutes=1))
    assert_being_prepared(client.get(URL))
    assert DBTaskResult.objects.count() == 1
    run_worker()
    assert client.get(URL)["Content-Type"] == "application/pdf"


def test_a_row_whose_worker_died_while_rendering_is_queued_again(client_as, services):
    client = client_as("anonymous")
    client.get(URL)
    DBTaskResult.objects.all().delete()
    PamphletPDF.objects.update(state=PamphletPDF.State.RENDERING, started_at=timezone.now())
    client.get(URL)
    assert DBTaskResult.objects.count() == 0  # rendering now: left alone
    PamphletPDF.objects.update(started_at=timezone.now() - PamphletPDF.STALE_AFTER - datetime.timedelta(minutes=1))
    client.get(URL)
    assert PamphletPDF.objects.get().state == PamphletPDF.State.QUEUED and DBTaskResult.objects.count() == 1


def test_the_date_printed_is_the_last_change_so_an_unchanged_list_keeps_its_file(client_as, services, tmp_path):
    Service.objects.update(updated_at=timezone.make_aware(datetime.datetime(2026, 3, 14, 12)))
    Service.history.update(history_date=timezone.make_aware(datetime.datetime(2026, 3, 14, 12)))
    for model in (Organization, Population, ServiceCategory):
        model.objects.update(updated_at=timezone.make_aware(datetime.datetime(2026, 1, 2, 12)))
    client = client_as("anonymous")
    client.get(URL, {"lang": "en"})
    run_worker()
    assert "Updated March 14, 2026" in pdf_text(client.get(URL, {"lang": "en"}).content, tmp_path)


def test_query_counts_of_the_pamphlet_and_its_status(client_as, services, django_assert_num_queries):
    anonymous = client_as("anonymous")
    anonymous.get(URL)
    run_worker()
    services.legal.name = "Renamed legal clinic"
    services.legal.save()
    anonymous.get(URL)  # queues the new one
    # The fingerprint (5), the current file (missing), its queued row (BEGIN, locked read, COMMIT: left
    # alone), the previous copy.
    with django_assert_num_queries(10):
        assert anonymous.get(URL).status_code == 200
    staff = client_as("staff")
    # Session, user, the fingerprint (5), the row.
    with django_assert_num_queries(8):
        assert staff.get(reverse("members:pamphlet_status")).status_code == 200


def test_a_rendering_that_waited_through_a_change_draws_the_new_data_once(client_as, services, tmp_path, layouts):
    client = client_as("anonymous")
    client.get(URL)  # queued for the data as it was
    services.legal.name = "Renamed legal clinic"
    services.legal.save()
    client.get(URL)  # queued for the new data too
    assert PamphletPDF.objects.count() == 2 and DBTaskResult.objects.count() == 2
    run_worker()
    # The first task found its data gone and left the drawing to the second row's task.
    assert len(layouts) == 1
    assert PamphletPDF.objects.get().state == PamphletPDF.State.READY
    assert "Renamed legal clinic" in pdf_text(client.get(URL).content, tmp_path)


def test_a_rendering_that_waited_through_a_change_takes_the_new_fingerprint(client_as, services, tmp_path, layouts):
    client = client_as("anonymous")
    client.get(URL)
    services.legal.name = "Renamed legal clinic"
    services.legal.save()  # nobody asks again before the worker runs
    run_worker()
    assert len(layouts) == 1
    response = client.get(URL)
    assert response.status_code == 200 and "Renamed legal clinic" in pdf_text(response.content, tmp_path)
    assert DBTaskResult.objects.count() == 1  # stored under the current fingerprint: nothing queued again
