"""Checks of a meeting document by its content: the name a browser sends says nothing about what a file is."""

import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

from members.validators import check_pdf_opens

MAX_DOCUMENT_BYTES = 25 * 1024 * 1024

# Extension -> (kind, content type) of the files a meeting document may be.
DOCUMENT_TYPES = {
    ".pdf": ("pdf", "application/pdf"),
    ".docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".pptx": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ".png": ("image", "image/png"),
    ".jpg": ("image", "image/jpeg"),
    ".jpeg": ("image", "image/jpeg"),
}
# The part folder an Office file of each kind keeps its content in.
OFFICE_FOLDERS = {"docx": "word/", "pptx": "ppt/"}
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


def document_extension(name: str) -> str:
    return Path(name or "").suffix.lower()


def validate_meeting_document(upload):
    """A PDF that parses, an image that decodes, or a Word/PowerPoint file with its parts; 25 MB at most."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
        )
    extension = document_extension(upload.name)
    if extension not in DOCUMENT_TYPES:
        raise ValidationError(
            _("Upload a PDF, a Word (.docx) or PowerPoint (.pptx) file, or a PNG or JPEG image."), code="file_type"
        )
    kind = DOCUMENT_TYPES[extension][0]
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    try:
        {"pdf": _check_pdf, "image": _check_image}.get(kind, _check_office)(upload, extension)
    finally:
        upload.seek(position)


def _check_pdf(upload, extension):
    check_pdf_opens(upload)


def _check_image(upload, extension):
    try:
        with Image.open(upload) as image:
            found = image.format
            image.load()  # decodes every pixel: a truncated or damaged image fails here
    except Exception as error:  # Pillow raises many kinds of error for a bad image, and a decompression bomb
        raise ValidationError(_("This file is not an image that opens."), code="not_image") from error
    if found != IMAGE_FORMATS[extension]:
        raise ValidationError(
            _("This file is a %(found)s image but is named %(extension)s."),
            code="wrong_image_type",
            params={"found": found, "extension": extension},
        )


def _check_office(upload, extension):
    kind = DOCUMENT_TYPES[extension][0]
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ValidationError(
            _("This file is not a %(extension)s file that opens (it may be damaged)."),
            code="not_office",
            params={"extension": extension},
        ) from error
    folder = OFFICE_FOLDERS[kind]
    if "[Content_Types].xml" not in names or not any(name.startswith(folder) for name in names):
        raise ValidationError(
            _("This file is not a %(extension)s file that opens (it may be damaged)."),
            code="not_office",
            params={"extension": extension},
        )
