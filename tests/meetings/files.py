"""Small real files of each kind a meeting document may be, made in memory."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter


def pdf_bytes(pages=1):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes():
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, format="PNG")
    return out.getvalue()


def office_bytes(folder="ppt/"):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(f"{folder}document.xml", "<xml/>")
    return out.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def add_document(meeting, title="Slides", name="slides.pdf", content=None, **fields):
    """A document of the meeting (``fields``: agenda_item, visibility...), saved as the page saves one."""
    from meetings.models import MeetingDocument

    document = MeetingDocument(meeting=meeting, title=title, **fields)
    document.file = upload(name, pdf_bytes() if content is None else content)
    document.save()
    return document
