"""A meeting's packet: the agenda as its cover, then each item's PDF documents in agenda order, with a bookmark
per item and page numbers stamped on every page (pikepdf, which is qpdf). Built by the background worker, stored per
version.

What is tagged (docs/pages.md says the same): the packet is the cover, a tagged PDF (PDF/UA-1, the language of the
page, a title shown as the window's title), with pages added, so its structure tree, /MarkInfo, /Lang, XMP metadata
and /ViewerPreferences are the packet's; the stamped page numbers are pagination artifacts. The uploaded documents
appended after the cover are not in that structure tree: their pages are copied, not their structure trees, so the
tags of a document that was itself tagged are lost in the packet (its text is still there, and not hidden as an
artifact), and each document is also served on its own, as uploaded, from the meeting's pages. So a packet with
documents does not claim PDF/UA-1 conformance in its XMP metadata (a packet of its cover alone does)."""

import contextlib
import hashlib
import io

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from pikepdf import Name, OutlineItem, Page, Pdf, Rectangle

from taskforce import pdf as weasy
from taskforce import permissions, stored_pdfs

from . import services
from .models import Meeting, MeetingPacketPDF

PACKET_LAYOUT_VERSION = 3  # 2: the tagged cover (PDF/UA-1), page numbers as artifacts; 3: a titled meeting's committee


def _documents(meeting: Meeting, *, public: bool):
    documents = meeting.documents.all()
    if public:
        documents = documents.visible_to(permissions.PUBLIC)
    return list(documents.order_by("added_at", "pk"))


def data_version(meeting: Meeting, *, public: bool) -> str:
    """The fingerprint of what the packet prints: the meeting, its agenda and the documents it holds."""
    items = list(meeting.agenda_items.order_by("position", "pk").values_list("pk", "version", "parent_id"))
    documents = [
        (document.pk, document.title, document.file.name, document.agenda_item_id, document.visibility)
        for document in _documents(meeting, public=public)
    ]
    inputs = (meeting.pk, meeting.version, meeting.agenda_state, items, documents, PACKET_LAYOUT_VERSION)
    return hashlib.sha256(repr(inputs).encode()).hexdigest()


PDF_VARIANT = "pdf/ua-1"  # as the minutes, the reports and the pamphlet

# The stamped page numbers are pagination artifacts (ISO 14289-1, 7.8): marked so, not untagged content.
PAGINATION_ARTIFACT = (b"/Artifact <</Type /Pagination>> BDC\n", b"\nEMC\n")


def numbers_html(total: int) -> str:
    """The page numbers' document, as HTML for WeasyPrint: a page per packet page, with only its "Page N of M"."""
    return render_to_string("meetings/packet_numbers.html", {"numbers": range(1, total + 1), "total": total})


def _stamp(page: Page, number: Page) -> None:
    """Draw the number's page over the page, fitted to it and upright, as a pagination artifact. The page's own
    content is drawn first in a graphics state of its own, so that nothing it leaves set moves the number."""
    form = number.as_form_xobject()
    name = page.add_resource(form, Name.XObject, prefix="PageNumber")
    begin, end = PAGINATION_ARTIFACT
    page.contents_add(b"q\n", prepend=True)
    page.contents_add(b"Q\n" + begin + page.calc_form_xobject_placement(form, name, Rectangle(page.trimbox)) + end)


def _append_pdfs(packet: Pdf, documents: list, sources: contextlib.ExitStack) -> list[tuple]:
    """Append each document's pages; return (document, its first page's index) of each. Each document stays open
    (in ``sources``) until the packet is written: pikepdf copies the data of their pages only then."""
    starts = []
    for document in documents:
        starts.append((document, len(packet.pages)))
        with document.file.open("rb") as handle:
            source = sources.enter_context(Pdf.open(io.BytesIO(handle.read())))
        packet.pages.extend(source.pages)
        # A copied page and its annotations keep their keys into the document's own parent tree: in the packet they
        # would point into the cover's (a link of the document read as a link of the cover). The document's
        # structure tree is not carried over (see the module's docstring), so the keys go.
        for page in packet.pages[starts[-1][1] :]:
            for holder in (page.obj, *page.obj.get(Name.Annots, ())):
                if Name.StructParents in holder:
                    del holder[Name.StructParents]
                if Name.StructParent in holder:
                    del holder[Name.StructParent]
    return starts


def contents(meeting: Meeting, *, public: bool) -> tuple[list, list]:
    """The agenda in outline, each item with its documents, and the documents of the meeting as a whole."""
    items = services.outline(list(meeting.agenda_items.order_by("position", "pk")))
    return items, services.attach_documents(items, _documents(meeting, public=public))


def cover_html(meeting: Meeting, items: list, rest: list, site_url: str = "") -> str:
    """The packet's cover (the agenda, listing every document), as HTML for WeasyPrint."""
    return render_to_string(
        "meetings/packet_cover.html",
        {"meeting": meeting, "items": items, "documents": rest, "site_url": site_url.rstrip("/")},
    )


def render_pdf(meeting: Meeting, *, public: bool, site_url: str = "") -> tuple[bytes, int]:
    """The packet drawn now, and its page count: the worker's job."""
    items, rest = contents(meeting, public=public)
    in_order = [entry for item in items for entry in (item, *item.parts)]
    cover = weasy.html(string=cover_html(meeting, items, rest, site_url)).write_pdf(pdf_variant=PDF_VARIANT)
    with contextlib.ExitStack() as sources:
        # The packet is the tagged cover with pages added, so it keeps the cover's structure tree, /MarkInfo, /Lang,
        # XMP metadata, title and /ViewerPreferences (DisplayDocTitle).
        packet = sources.enter_context(Pdf.open(io.BytesIO(cover)))
        cover_pages = len(packet.pages)
        bookmarks = [OutlineItem(gettext("Agenda"), 0)]
        for item in in_order:
            starts = _append_pdfs(packet, [document for document in item.listed_documents if document.is_pdf], sources)
            # An item without a PDF points at the cover that lists it.
            bookmark = OutlineItem(f"{item.number}. {item.title}", starts[0][1] if starts else 0)
            bookmark.children.extend(OutlineItem(document.title, first) for document, first in starts)
            bookmarks.append(bookmark)
        starts = _append_pdfs(packet, [document for document in rest if document.is_pdf], sources)
        if starts:
            bookmark = OutlineItem(gettext("Documents of the meeting"), starts[0][1])
            bookmark.children.extend(OutlineItem(document.title, first) for document, first in starts)
            bookmarks.append(bookmark)
        with packet.open_outline() as outline:
            outline.root.extend(bookmarks)
        total = len(packet.pages)
        if total > cover_pages:
            # The appended documents' pages are not in the structure tree: the packet does not conform to PDF/UA-1,
            # so it does not say it does (the rest of the cover's XMP metadata stays). A packet of its cover alone does.
            with packet.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as metadata:
                del metadata["pdfuaid:part"]
        numbers = sources.enter_context(Pdf.open(io.BytesIO(weasy.html(string=numbers_html(total)).write_pdf())))
        for page, number in zip(packet.pages, numbers.pages, strict=True):
            _stamp(page, number)
        out = io.BytesIO()
        packet.save(out)
    return out.getvalue(), total


def reader_language() -> str:
    """The language of the page asking for a packet (a code of settings.LANGUAGES): its packet is in it."""
    return translation.get_supported_language_variant(translation.get_language() or settings.LANGUAGE_CODE)


def current_pdf(meeting: Meeting, *, public: bool, site_url: str) -> MeetingPacketPDF:
    """The stored packet of the current data in the reader's language (content loaded), or the row of its queued
    rendering."""
    from .tasks import render_packet_pdf

    return stored_pdfs.current_or_queue(
        MeetingPacketPDF,
        key={"meeting_id": meeting.pk, "public": public, "language": reader_language()},
        data_version=data_version(meeting, public=public),
        task=render_packet_pdf,
        defaults={"site_url": site_url},
    )


def queue_rendering(meeting_id: int) -> None:
    """Queue the packets of a published agenda for the worker, the members' and the public's (the readers of a
    published agenda who may not open its private documents), in every language: each once per data version
    (stored_pdfs.queue), so nobody asking for a packet waits for its layout."""
    from .tasks import render_packet_pdf

    meeting = Meeting.objects.filter(pk=meeting_id, agenda_state=Meeting.AgendaState.PUBLISHED).first()
    if meeting is None:
        return  # a draft agenda's packet is made only when someone asks for it
    for public in (False, True):
        version = data_version(meeting, public=public)
        for language, _name in settings.LANGUAGES:
            stored_pdfs.queue(
                MeetingPacketPDF,
                key={"meeting_id": meeting.pk, "public": public, "language": language},
                data_version=version,
                task=render_packet_pdf,
                defaults={"site_url": settings.SITE_URL},
            )


def queue_after_commit(meeting_id: int) -> None:
    """Queue the meeting's packets once the change to its agenda or documents is saved (and only if it is). Robust:
    the change is saved either way, and a packet that could not be queued is made when someone asks for it."""
    transaction.on_commit(lambda: queue_rendering(meeting_id), robust=True)


def previous_pdf(meeting: Meeting, *, public: bool) -> MeetingPacketPDF | None:
    """The latest packet stored for these readers, of older data, in their language."""
    return (
        MeetingPacketPDF.objects.ready()
        .filter(meeting=meeting, public=public, language=reader_language())
        .order_by("-rendered_at")
        .first()
    )


def _fingerprint(pdf: MeetingPacketPDF) -> str:
    return data_version(pdf.meeting, public=pdf.public)


def _render_stored(pdf: MeetingPacketPDF) -> tuple[bytes, int]:
    with translation.override(pdf.language):
        return render_pdf(pdf.meeting, public=pdf.public, site_url=pdf.site_url)


def run_pdf_rendering(*, pdf_id: int) -> None:
    """The background task's work: make the packet the row asks for and store it."""
    stored_pdfs.run(MeetingPacketPDF, pdf_id=pdf_id, fingerprint=_fingerprint, render_pdf=_render_stored)
