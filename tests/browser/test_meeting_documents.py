"""Issue 15's journey: a co-chair attaches a PDF and a PowerPoint to agenda items and publishes the agenda; the worker
has built the packet by then (cover, the PDF's pages in order, a bookmark per item, page numbers); a member opens the
private PDF, a visitor cannot until staff make it public on the meeting's page."""

import datetime
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from meetings.models import AgendaItem, Meeting, MeetingDocument, MeetingPacketPDF
from taskforce import pdf as weasy
from tests.browser.helpers import assert_accessible, log_in
from tests.meetings.files import office_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = "/work/shots/packets"


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def _slides(pages):
    """A PDF whose every page says which slide it is, so the packet's order can be read back."""
    html = "".join(f'<p style="break-after: page">Slide {number} of the count</p>' for number in pages)
    return weasy.html(string=f"<!doctype html><html lang=en><title>Slides</title>{html}</html>").write_pdf()


def _text(content, page=None):
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        [shutil.which("pdftotext"), "-layout", *pages, "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def _shot(page, name):
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def _log_out(page, live_server):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/")


def test_the_packet_journey(page, live_server, world, tmp_path):
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=5)
    meeting = Meeting.objects.create(
        committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=2), is_public=True
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    AgendaItem.objects.create(meeting=meeting, position=2, title="Shelter count")
    slides = tmp_path / "count slides.pdf"
    slides.write_bytes(_slides([1, 2]))
    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("only text")
    deck = tmp_path / "welcome.pptx"
    deck.write_bytes(office_bytes("ppt/"))
    meeting_url = f"{live_server.url}/meetings/{meeting.pk}/"

    # A co-chair attaches the slides (after a file that is not a PDF is refused) and a PowerPoint, and publishes.
    log_in(page, live_server, "cochair")
    page.goto(meeting_url)
    assert_accessible(page)
    page.get_by_role("link", name="Add a document").click()
    expect(page.get_by_role("heading", name="Add a document")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Title").fill("Shelter count slides")
    page.get_by_label("Agenda item").select_option(label="Shelter count")
    page.get_by_label("File").set_input_files(str(not_a_pdf))
    page.get_by_role("button", name="Add the document").click()
    expect(page.get_by_text("This file is not a PDF that opens")).to_be_visible()
    _shot(page, "document-refused")
    assert_accessible(page)
    assert not MeetingDocument.objects.exists()
    page.get_by_label("File").set_input_files(str(slides))
    page.get_by_role("button", name="Add the document").click()
    expect(page.get_by_text("The document is added.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Add a document").click()
    page.get_by_label("Title").fill("Welcome deck")
    page.get_by_label("Agenda item").select_option(label="Welcome")
    page.get_by_label("File").set_input_files(str(deck))
    page.get_by_role("button", name="Add the document").click()
    expect(page.get_by_text("The document is added.")).to_be_visible()
    items = page.locator("ol.agenda > li")
    expect(items.nth(0).get_by_role("link", name="Welcome deck")).to_be_visible()
    expect(items.nth(1).get_by_role("link", name="Shelter count slides")).to_be_visible()
    assert not MeetingPacketPDF.objects.exists()  # nobody has asked, and a draft's packet is not prebuilt
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_text("The agenda is published.")).to_be_visible()
    _shot(page, "meeting-with-documents")
    assert_accessible(page)
    assert not page.get_by_role("button", name="Make public: Shelter count slides").count()  # staff only
    slides_doc = MeetingDocument.objects.get(title="Shelter count slides")
    assert slides_doc.agenda_item.title == "Shelter count" and not slides_doc.is_public
    # The minutes page lists each item's documents as the agenda does.
    page.get_by_role("link", name="Read the minutes").click()
    expect(page.locator(".minutes-item").nth(1).get_by_role("link", name="Shelter count slides")).to_be_visible()
    expect(page.locator(".minutes-item").nth(0).get_by_role("link", name="Welcome deck")).to_be_visible()
    _shot(page, "minutes-with-documents")
    assert_accessible(page)
    # The worker built both packets in every language when the publishing committed, before anyone asked.
    assert sorted(MeetingPacketPDF.objects.values_list("public", "language", "state")) == [
        (public, code, "ready") for public in (False, True) for code in sorted(dict(settings.LANGUAGES))
    ]

    # Staff fetch the packet: the stored file, with every document.
    _log_out(page, live_server)
    log_in(page, live_server, "staff")
    packet = page.request.get(f"{live_server.url}/meetings/{meeting.pk}/packet.pdf")
    assert packet.status == 200 and packet.headers["content-type"] == "application/pdf"
    assert MeetingPacketPDF.objects.count() == 2 * len(settings.LANGUAGES)  # served as stored: nothing new queued
    content = packet.body()
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 1 + 2  # the agenda cover and the two pages of the slides
    cover = _text(content, 1)
    assert "Agenda" in cover and cover.index("Welcome") < cover.index("Shelter count")
    assert "Welcome deck (PPTX)" in cover  # not a PDF: listed by title (a link) instead of its pages
    assert "Shelter count slides (in this packet)" in cover
    assert "Slide 1 of the count" in _text(content, 2) and "Slide 2 of the count" in _text(content, 3)
    outline = reader.outline
    top = [entry for entry in outline if not isinstance(entry, list)]
    assert [entry.title for entry in top] == ["Agenda", "1. Welcome", "2. Shelter count"]
    assert [reader.get_destination_page_number(entry) for entry in top] == [0, 0, 1]  # no PDF: the cover
    children = outline[outline.index(top[2]) + 1]
    assert [entry.title for entry in children] == ["Shelter count slides"]
    for number in range(1, 4):
        assert f"Page {number} of 3" in _text(content, number)
        assert f"Page {number} of 3" in reader.pages[number - 1].extract_text()  # pypdf reads it too
    subprocess.run(  # the cover, to look at
        [
            shutil.which("pdftoppm"),
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-",
            f"{SHOTS}/packet-cover",
        ],
        input=content,
        check=True,
    )

    # A member of the committee opens the private slides; a visitor cannot, and does not see them listed.
    url = f"{live_server.url}{slides_doc.get_absolute_url()}"
    _log_out(page, live_server)
    log_in(page, live_server, "member")
    page.goto(meeting_url)
    assert_accessible(page)
    response = page.request.get(url)
    assert response.status == 200 and response.body() == slides.read_bytes()
    assert "no-store" in response.headers["cache-control"]
    _log_out(page, live_server)
    page.goto(meeting_url)
    expect(page.get_by_role("link", name="Shelter count slides")).to_have_count(0)
    assert_accessible(page)
    visitor = page.request.get(url, max_redirects=0)
    assert visitor.status == 302 and "/accounts/login/" in visitor.headers["location"]

    # Staff make the slides public on the meeting's page; then the visitor opens them.
    log_in(page, live_server, "staff")
    page.goto(meeting_url)
    page.get_by_role("button", name="Make public: Shelter count slides").click()
    expect(page.get_by_text("Public now: anyone may open Shelter count slides.")).to_be_visible()
    expect(page.get_by_role("button", name="Make private: Shelter count slides")).to_be_visible()
    _shot(page, "staff-made-it-public")
    assert_accessible(page)
    _log_out(page, live_server)
    page.goto(meeting_url)
    expect(page.get_by_role("link", name="Shelter count slides")).to_be_visible()
    expect(page.get_by_role("link", name="Welcome deck")).to_have_count(0)  # still private
    _shot(page, "visitor-sees-the-public-document")
    assert_accessible(page)
    response = page.request.get(url, max_redirects=0)
    assert response.status == 200 and response.body().startswith(b"%PDF")
    # The public's packet now holds the slides: the worker rebuilt it when they were made public.
    public = MeetingPacketPDF.objects.ready().get(public=True, language="en")
    assert public.pages == 3
