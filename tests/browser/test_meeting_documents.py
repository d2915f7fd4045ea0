"""A co-chair attaches a PDF to an agenda item in the browser; a member opens it, a visitor cannot (issue 15)."""

import datetime
import io
import shutil
import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from meetings.models import AgendaItem, Meeting, MeetingDocument
from tests.browser.helpers import assert_accessible, log_in
from tests.meetings.files import office_bytes, pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = "/work/shots/packets"


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _no_animations(page):
    page.emulate_media(reduced_motion="reduce")


def test_a_cochair_attaches_a_pdf_to_an_agenda_item(page, live_server, world, tmp_path):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=5)
    meeting = Meeting.objects.create(
        committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=2), is_public=True
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    AgendaItem.objects.create(meeting=meeting, position=2, title="Shelter count")
    slides = tmp_path / "count slides.pdf"
    slides.write_bytes(pdf_bytes(pages=2))
    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("only text")

    log_in(page, live_server, "cochair")
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Add a document").click()
    expect(page.get_by_role("heading", name="Add a document")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Title").fill("Shelter count slides")
    page.get_by_label("Agenda item").select_option(label="Shelter count")
    page.get_by_label("File").set_input_files(str(not_a_pdf))
    page.get_by_role("button", name="Add the document").click()
    expect(page.get_by_text("This file is not a PDF that opens")).to_be_visible()
    page.screenshot(path=f"{SHOTS}/document-refused.png", full_page=True)
    assert_accessible(page)
    assert not MeetingDocument.objects.exists()

    page.get_by_label("File").set_input_files(str(slides))
    page.get_by_role("button", name="Add the document").click()
    expect(page.get_by_text("The document is added.")).to_be_visible()
    item = page.locator("ol.agenda > li").nth(1)
    expect(item.get_by_role("link", name="Shelter count slides")).to_be_visible()
    page.screenshot(path=f"{SHOTS}/meeting-with-document.png", full_page=True)
    assert_accessible(page)
    document = MeetingDocument.objects.get()
    assert document.agenda_item.title == "Shelter count" and not document.is_public

    deck = tmp_path / "welcome.pptx"
    deck.write_bytes(office_bytes("ppt/"))
    page.get_by_role("link", name="Add a document").click()
    page.get_by_label("Title").fill("Welcome deck")
    page.get_by_label("Agenda item").select_option(label="Welcome")
    page.get_by_label("File").set_input_files(str(deck))
    page.get_by_role("button", name="Add the document").click()
    expect(page.get_by_text("The document is added.")).to_be_visible()
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_text("The agenda is published.")).to_be_visible()

    packet = page.request.get(f"{live_server.url}/meetings/{meeting.pk}/packet.pdf")
    assert packet.status == 200
    reader = PdfReader(io.BytesIO(packet.body()))
    assert len(reader.pages) == 1 + 2  # the agenda cover and the two pages of the slides
    assert [entry.title for entry in reader.outline if not isinstance(entry, list)] == [
        "Agenda",
        "1. Welcome",
        "2. Shelter count",
    ]
    text = subprocess.run(
        [shutil.which("pdftotext"), "-layout", "-", "-"], input=packet.body(), capture_output=True, check=True
    ).stdout.decode()
    assert "Welcome deck" in text and "Page 3 of 3" in text
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
        input=packet.body(),
        check=True,
    )

    url = f"{live_server.url}{MeetingDocument.objects.get(title='Shelter count slides').get_absolute_url()}"
    response = page.request.get(url)  # with the co-chair's session
    assert response.status == 200 and response.body().startswith(b"%PDF")
    assert "no-store" in response.headers["cache-control"]
    page.context.clear_cookies()
    visitor = page.request.get(url, max_redirects=0)
    assert visitor.status == 302 and "/accounts/login/" in visitor.headers["location"]
    # Staff make it public (in the admin); then a visitor opens it.
    MeetingDocument.objects.filter(title="Shelter count slides").update(visibility=MeetingDocument.Visibility.PUBLIC)
    assert page.request.get(url, max_redirects=0).status == 200
