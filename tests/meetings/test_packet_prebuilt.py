"""The packet is built ahead of time (issue 15): publishing an agenda, and adding, changing, publishing or deleting
a document of a published agenda, queue the worker's rendering of both packets, in every language, once the change
commits, so the first reader does not wait for it."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from meetings import packet
from meetings.admin import MeetingDocumentAdmin
from meetings.models import AgendaItem, MeetingDocument, MeetingPacketPDF
from taskforce.models import StoredPDF
from tests.meetings.files import add_document, office_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nothing_runs_the_tasks(settings):
    """The rows stay queued, as they would until `manage.py db_worker` takes them."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def meeting(world, make_meeting):
    meeting = make_meeting(world.youth, days=7, is_public=True)
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    return meeting


def _current_versions(meeting):
    meeting.refresh_from_db()  # saving moves its version
    return {public: packet.data_version(meeting, public=public) for public in (False, True)}


def _current_ones_are_queued(meeting):
    """Both packets of the meeting's data as it is now wait for the worker."""
    return all(
        MeetingPacketPDF.objects.filter(
            meeting=meeting, public=public, data_version=version, state=StoredPDF.State.QUEUED
        ).exists()
        for public, version in _current_versions(meeting).items()
    )


def test_publishing_the_agenda_queues_both_packets(meeting, django_capture_on_commit_callbacks, settings):
    add_document(meeting, "Count slides")
    assert not MeetingPacketPDF.objects.exists()  # a draft agenda's packet is made only when asked for
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        meeting.publish_agenda()
        assert not MeetingPacketPDF.objects.exists()  # nothing before the publishing commits
    assert callbacks
    assert _current_ones_are_queued(meeting)
    # The members' and the public's, in each language of the pages.
    languages = {code for code, _name in settings.LANGUAGES}
    assert set(MeetingPacketPDF.objects.values_list("public", "language")) == {
        (public, language) for public in (False, True) for language in languages
    }
    assert MeetingPacketPDF.objects.count() == 2 * len(languages) == 8
    assert set(MeetingPacketPDF.objects.values_list("site_url", flat=True)) == {settings.SITE_URL}


def test_the_worker_builds_them_and_the_first_reader_gets_the_stored_file(
    meeting, django_capture_on_commit_callbacks, client_as
):
    add_document(meeting, "Count slides", content=pdf_bytes(pages=2), agenda_item=meeting.agenda_items.get())
    with django_capture_on_commit_callbacks(execute=True):
        meeting.publish_agenda()
    for row in MeetingPacketPDF.objects.all():
        packet.run_pdf_rendering(pdf_id=row.pk)  # what `manage.py db_worker` does
    # The members' packet holds the private slides after the cover; the public's is the cover alone.
    assert set(MeetingPacketPDF.objects.values_list("public", "state", "pages")) == {
        (False, StoredPDF.State.READY, 3),
        (True, StoredPDF.State.READY, 1),
    }
    response = client_as("member").get(reverse("meetings:packet", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    spanish = client_as("member").get(reverse("meetings:packet", args=[meeting.pk]), HTTP_ACCEPT_LANGUAGE="es")
    assert spanish.status_code == 200 and spanish.content != response.content
    assert MeetingPacketPDF.objects.count() == 8  # served what the worker stored; nothing new queued


def test_a_document_added_through_the_page_queues_the_new_version(
    meeting, django_capture_on_commit_callbacks, client_as
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting.publish_agenda()
    before = _current_versions(meeting)
    client = client_as("cochair")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:document_add", args=[meeting.pk]),
            {"title": "Deck", "file": upload("deck.pptx", office_bytes("ppt/"))},
        )
    assert response.status_code == 302
    assert _current_ones_are_queued(meeting)
    after = _current_versions(meeting)
    assert after[False] != before[False]  # the members' packet lists the new private document
    assert after[True] == before[True]  # the public's does not: its queued row stays the one
    assert MeetingPacketPDF.objects.filter(public=True).count() == 4  # one a language


@pytest.mark.parametrize("change", ["title", "public", "delete"])
def test_a_changed_document_queues_the_new_version(meeting, django_capture_on_commit_callbacks, change):
    document = add_document(meeting, "Count slides")
    with django_capture_on_commit_callbacks(execute=True):
        meeting.publish_agenda()
    with django_capture_on_commit_callbacks(execute=True):
        if change == "title":
            document.title = "Count slides, corrected"
            document.save()
        elif change == "public":
            document.visibility = MeetingDocument.Visibility.PUBLIC
            document.save()
        else:
            document.delete()
    assert _current_ones_are_queued(meeting)


def test_a_document_of_a_draft_agenda_queues_nothing(meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add_document(meeting, "Count slides")
    assert not MeetingPacketPDF.objects.exists()


def test_the_admins_bulk_delete_queues_the_new_version(meeting, django_capture_on_commit_callbacks, world):
    add_document(meeting, "One")
    add_document(meeting, "Two")
    with django_capture_on_commit_callbacks(execute=True):
        meeting.publish_agenda()
    request = RequestFactory().post("/")
    request.user = world.staff.user
    with django_capture_on_commit_callbacks(execute=True):
        MeetingDocumentAdmin(MeetingDocument, site).delete_queryset(request, MeetingDocument.objects.all())
    assert not MeetingDocument.objects.exists()
    assert _current_ones_are_queued(meeting)
