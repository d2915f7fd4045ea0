"""The packet is as accessible as it honestly can be (issue 15, the project's bar: every PDF tagged, its language
set): it is built from the tagged cover (PDF/UA-1), so the cover's structure tree, /MarkInfo, /Lang, title and
XMP metadata are the packet's; the stamped page numbers are pagination artifacts; the uploaded documents' pages
follow, in order, untagged (pypdf cannot merge structure trees) but not hidden as artifacts."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream

from meetings import packet
from meetings.models import AgendaItem
from taskforce import pdf as weasy
from tests.meetings.files import add_document

PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")
SHOTS = Path("/work/shots/packetua")
PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not PDFTOTEXT or not PDFTOPPM, reason="poppler-utils is not installed"),
]


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def _slides(pages):
    """An uploaded PDF that is itself tagged, with a link (its annotation has a /StructParent of its own)."""
    body = "".join(
        f'<section style="break-after: page"><h1>Slide {number}</h1><a href="https://example.org/">source</a></section>'
        for number in range(1, pages + 1)
    )
    html = f"<!doctype html><html lang=en><title>Slides</title>{body}</html>"
    return weasy.html(string=html).write_pdf(pdf_variant="pdf/ua-1")


@pytest.fixture
def meeting(world, make_meeting):
    meeting = make_meeting(world.youth, days=7, is_public=True)
    welcome = AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    count = AgendaItem.objects.create(meeting=meeting, position=2, title="Shelter count")
    for item, title, pages in ((count, "Count slides", 3), (welcome, "Welcome letter", 1)):
        add_document(meeting, title, f"{title}.pdf", _slides(pages), agenda_item=item)
    meeting.publish_agenda()
    return meeting


def _page_text(content, number):
    return subprocess.run(
        [PDFTOTEXT, "-f", str(number), "-l", str(number), "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def _elements(node):
    """The structure elements under a node of the structure tree, depth first, as (role, element)."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and "/S" in kid:
            yield str(kid["/S"]), kid
            yield from _elements(kid)


def _artifact_blocks(page):
    """The operations inside each /Artifact <</Type /Pagination>> BDC ... EMC of a page's content, as (operands,
    operator)."""
    blocks, inside = [], None
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"BDC" and operands[0] == "/Artifact" and operands[1].get("/Type") == "/Pagination":
            inside = []
        elif operator == b"EMC" and inside is not None:
            blocks.append(inside)
            inside = None
        elif inside is not None:
            inside.append((operands, operator))
    return blocks


def _drawn_text(page, block):
    """The text operators an artifact block draws: its own, and those of the form XObjects it draws (the stamped
    number is the number's page drawn as a form)."""
    operators = []
    for operands, operator in block:
        if operator == b"Do":
            form = page["/Resources"]["/XObject"][operands[0]].get_object()
            assert form["/Subtype"] == "/Form"
            operators += [inner for _operands, inner in ContentStream(form, page.pdf).operations]
        else:
            operators.append(operator)
    return [operator for operator in operators if operator in (b"Tj", b"TJ")]


def test_the_packet_keeps_the_tagged_cover(meeting, client_as):
    client = client_as("member")
    page_language = re.search(r'<html lang="([^"]+)">', client.get(reverse("meetings:detail", args=[meeting.pk])).text)
    response = client.get(reverse("meetings:packet", args=[meeting.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == page_language.group(1) == "en"
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    title = f"Packet: {meeting.name}, {meeting.date_label}"
    assert reader.metadata.title == title
    assert title in reader.xmp_metadata.dc_title.values()
    # The cover's headings are in the structure tree, with their text.
    elements = list(_elements(root["/StructTreeRoot"].get_object()))
    roles = [role for role, _element in elements]
    assert roles.count("/H1") == 1 and roles.count("/H2") == 1
    # Only the cover's page and its annotations point into the structure tree (its parent tree).
    assert reader.pages[0]["/StructParents"] == 0
    for page in reader.pages[1:]:
        assert "/StructParents" not in page
        annotations = [annotation.get_object() for annotation in page.get("/Annots") or []]
        assert annotations and not any("/StructParent" in annotation for annotation in annotations)


def test_only_a_packet_without_documents_claims_pdf_ua(meeting, world, make_meeting):
    """The documents' pages are not in the structure tree: a packet with them does not say it is PDF/UA-1."""
    with_documents, _pages = packet.render_pdf(meeting, public=False)
    empty = make_meeting(world.youth, days=14)
    AgendaItem.objects.create(meeting=empty, position=1, title="Welcome")
    cover_only, pages = packet.render_pdf(empty, public=False)
    assert pages == 1
    for content, claims in ((with_documents, False), (cover_only, True)):
        xmp = PdfReader(io.BytesIO(content)).xmp_metadata
        claim = [(node.localName, node.value) for node in xmp.get_nodes_in_namespace("", PDFUAID)]
        assert claim == ([("part", "1")] if claims else [])
        assert xmp.dc_title  # the rest of the cover's metadata stays


def test_a_cover_of_several_pages_alone_still_claims_pdf_ua(world, make_meeting):
    long_agenda = make_meeting(world.youth, days=14)
    for position in range(1, 61):
        AgendaItem.objects.create(meeting=long_agenda, position=position, title=f"Report of working group {position}")
    content, pages = packet.render_pdf(long_agenda, public=False)
    assert pages > 1
    xmp = PdfReader(io.BytesIO(content)).xmp_metadata
    assert [(node.localName, node.value) for node in xmp.get_nodes_in_namespace("", PDFUAID)] == [("part", "1")]


def _words(content, number):
    """The words of a page as pdftotext places them, in the page as shown (its rotation applied): (word, x, y)."""
    html = subprocess.run(
        [PDFTOTEXT, "-bbox", "-f", str(number), "-l", str(number), "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [
        (word, float(x_min), float(y_min))
        for x_min, y_min, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" [^>]*>([^<]*)</word>', html)
    ]


def test_a_landscape_or_turned_page_gets_its_number_upright_at_its_foot(world, make_meeting):
    """The number's page is fitted to each page as shown: a landscape page and a portrait page turned a quarter
    (/Rotate 90) read "Page N of M" left to right at the bottom, near the middle."""
    meeting = make_meeting(world.youth, days=7)
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Budget tables")
    writer = PdfWriter()
    writer.add_blank_page(width=792, height=612)
    writer.add_blank_page(width=612, height=792).rotate(90)
    tables = io.BytesIO()
    writer.write(tables)
    add_document(meeting, "Budget tables", "budget.pdf", tables.getvalue(), agenda_item=item)
    content, pages = packet.render_pdf(meeting, public=False)
    assert pages == 3
    for number in (2, 3):
        words = _words(content, number)
        assert [word for word, _x, _y in words] == ["Page", str(number), "of", "3"]
        xs = [x for _word, x, _y in words]
        assert xs == sorted(xs)  # left to right: upright
        assert all(y > 612 * 0.9 for _word, _x, y in words)  # at the foot of a page 612 high as shown
        assert 792 * 0.4 < xs[0] < 792 * 0.5  # near the middle of a page 792 wide as shown


def test_the_headings_of_the_tree_are_the_covers(meeting, client_as):
    response = client_as("member").get(reverse("meetings:packet", args=[meeting.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    tree = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    headings = [element for role, element in _elements(tree) if role in ("/H1", "/H2")]
    # A heading's marked content is on the cover's page: its text there is the meeting's name, then "Agenda".
    assert all(element["/Pg"].get_object() == reader.pages[0].get_object() for element in headings)
    cover = _page_text(response.content, 1)
    assert cover.index(meeting.name) < cover.index("Agenda")


def test_page_numbers_are_pagination_artifacts_on_every_page(meeting, client_as):
    response = client_as("member").get(reverse("meetings:packet", args=[meeting.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1 + 1 + 3  # the cover, the welcome letter, the count slides
    for index, page in enumerate(reader.pages):
        blocks = _artifact_blocks(page)
        assert len(blocks) == 1 and _drawn_text(page, blocks[0])
        assert f"Page {index + 1} of 5" in _page_text(response.content, index + 1)


def test_the_bookmarks_and_the_documents_pages_in_order(meeting, client_as):
    response = client_as("member").get(reverse("meetings:packet", args=[meeting.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    outline = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert [entry.title for entry in outline] == ["Agenda", "1. Welcome", "2. Shelter count"]
    assert [reader.get_destination_page_number(entry) for entry in outline] == [0, 1, 2]
    children = [entry.title for entry in reader.outline if isinstance(entry, list) for entry in entry]
    assert children == ["Welcome letter", "Count slides"]  # the cover's headings are no bookmarks
    # The documents' text is in the packet (not hidden as an artifact): each slide, in order.
    assert "Slide 1" in _page_text(response.content, 2)
    for number in range(1, 4):
        assert f"Slide {number}" in _page_text(response.content, 2 + number)


def test_the_cover_is_in_the_active_language(meeting):
    with translation.override("es"):
        content, pages = packet.render_pdf(meeting, public=False)
    reader = PdfReader(io.BytesIO(content))
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert pages == 5 and reader.metadata.title.startswith("Paquete: ")


@pytest.mark.parametrize("language", ["es", "zh-hant", "tl"])
def test_each_reader_gets_the_packet_in_the_pages_language(meeting, client_as, language):
    """The packet was always English: the worker drew it in its own language. Each language has its packet."""
    client = client_as("member")
    english = PdfReader(io.BytesIO(client.get(reverse("meetings:packet", args=[meeting.pk])).content))
    response = client.get(reverse("meetings:packet", args=[meeting.pk]), HTTP_ACCEPT_LANGUAGE=language)
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.trailer["/Root"]["/Lang"] == language
    with translation.override(language):
        expected_title = translation.gettext("Packet: %(name)s, %(date)s") % {
            "name": meeting.name,
            "date": meeting.date_label,
        }
        expected_agenda = translation.gettext("Agenda")
        expected_page = translation.gettext("Page %(number)s of %(total)s") % {"number": 1, "total": 5}
    assert reader.metadata.title == expected_title != english.metadata.title
    assert reader.outline[0].title == expected_agenda
    assert expected_page in _page_text(response.content, 1)


def test_pictures_of_the_packet(meeting, client_as):
    """The packet as readers see it (the tagging changes nothing they see): /work/shots/packetua/packet-N.png,
    the cover and the documents' pages with their page numbers."""
    content = client_as("member").get(reverse("meetings:packet", args=[meeting.pk])).content
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run([PDFTOPPM, "-png", "-r", "60", "-", str(SHOTS / "packet")], input=content, check=True)
    for number in range(1, 6):
        assert (SHOTS / f"packet-{number}.png").read_bytes().startswith(b"\x89PNG")
