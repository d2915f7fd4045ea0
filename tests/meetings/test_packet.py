"""The meeting packet (issue 15): the agenda as cover, each item's PDFs in agenda order, a bookmark per item,
page numbers on every page; members get the private documents, the public only the public ones."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse
from pypdf import PdfReader

from meetings.models import AgendaItem, MeetingPacketPDF
from tests.meetings.files import add_document, office_bytes, pdf_bytes

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not PDFTOTEXT, reason="poppler-utils is not installed"),
]


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def meeting(world, make_meeting):
    meeting = make_meeting(world.youth, days=7, is_public=True)
    welcome = AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    count = AgendaItem.objects.create(meeting=meeting, position=2, title="Shelter count")
    AgendaItem.objects.create(meeting=meeting, position=3, title="Outreach", parent=count)
    # Added out of agenda order: the packet follows the agenda, not the order of upload.
    add_document(meeting, "Count slides", "count.pdf", pdf_bytes(pages=3), agenda_item=count)
    add_document(meeting, "Count deck", "deck.pptx", office_bytes("ppt/"), agenda_item=count)
    add_document(meeting, "Welcome letter", "welcome.pdf", pdf_bytes(pages=2), agenda_item=welcome, visibility="public")
    meeting.publish_agenda()
    return meeting


def _text(content):
    return subprocess.run(
        [PDFTOTEXT, "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_a_member_gets_the_whole_packet(meeting, client_as):
    response = client_as("member").get(reverse("meetings:packet", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1 + 2 + 3  # the cover, the welcome letter, the count slides
    outline = [entry for entry in reader.outline if not isinstance(entry, list)]
    titles = [entry.title for entry in outline]
    assert titles == ["Agenda", "1. Welcome", "2. Shelter count", "2a. Outreach"]
    pages = [reader.get_destination_page_number(entry) for entry in outline]
    assert pages == [0, 1, 3, 0]  # the part without a PDF points at the cover that lists it
    text = _text(response.content)
    assert text.index("Welcome") < text.index("Shelter count") < text.index("Outreach")
    assert "Count deck" in text and "Count slides (in this packet)" in text
    for number in range(1, 7):
        assert f"Page {number} of 6" in _text_of_page(response.content, number)
    assert MeetingPacketPDF.objects.get(meeting=meeting, public=False).pages == 6


def _text_of_page(content, number):
    return subprocess.run(
        [PDFTOTEXT, "-f", str(number), "-l", str(number), "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_the_public_gets_the_public_documents_only(meeting, client_as):
    response = client_as("anonymous").get(reverse("meetings:packet", args=[meeting.pk]))
    assert response.status_code == 200
    assert "no-store" not in response["Cache-Control"]
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1 + 2
    text = _text(response.content)
    assert "Welcome letter" in text and "Count slides" not in text and "Count deck" not in text


def test_a_new_document_makes_a_new_packet(meeting, client_as, world):
    client = client_as("member")
    url = reverse("meetings:packet", args=[meeting.pk])
    assert len(PdfReader(io.BytesIO(client.get(url).content)).pages) == 6
    add_document(meeting, "Handout", "handout.pdf", pdf_bytes(pages=1))  # the whole meeting's: at the end
    reader = PdfReader(io.BytesIO(client.get(url).content))
    assert len(reader.pages) == 7
    assert reader.outline[-2].title == "Documents of the meeting"
    assert MeetingPacketPDF.objects.filter(meeting=meeting, public=False).count() == 1  # the older one is gone


def test_a_draft_agenda_packet_is_only_for_its_editors(world, make_meeting, client_as):
    meeting = make_meeting(world.youth, days=7)
    assert client_as("member").get(reverse("meetings:packet", args=[meeting.pk])).status_code == 403
    assert client_as("anonymous").get(reverse("meetings:packet", args=[meeting.pk])).status_code == 302
    assert client_as("cochair").get(reverse("meetings:packet", args=[meeting.pk])).status_code == 200


def test_staff_see_the_progress(meeting, client_as):
    client = client_as("staff")
    client.get(reverse("meetings:packet", args=[meeting.pk]))
    status = client.get(reverse("meetings:packet_status", args=[meeting.pk])).json()
    assert status["ready"] and status["pages"] == 6


def test_query_count_of_a_stored_packet_is_pinned(meeting, client_as, django_assert_num_queries):
    client = client_as("member")
    url = reverse("meetings:packet", args=[meeting.pk])
    client.get(url)
    # The session, the user, the meeting with its answers, the committee roles, whether the member opens the
    # private documents, the fingerprint's meeting items and documents, the stored file.
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200
