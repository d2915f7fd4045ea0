"""Checks on uploaded files: by content, not by name."""

import pikepdf
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_MOU_BYTES = 10 * 1024 * 1024


def validate_pdf(upload):
    """A signed MOU must be a PDF of at most 10 MB that opens, without a password, and has pages."""
    if upload.size > MAX_MOU_BYTES:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s. Scan it at a lower resolution and try again."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_MOU_BYTES)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    try:
        check_pdf_opens(
            upload,
            not_pdf=_(
                "Only PDF files can be uploaded: this file is not a PDF that opens (it may be damaged or cut short)."
            ),
        )
    finally:
        upload.seek(position)


NOT_A_PDF = _("This file is not a PDF that opens (it may be damaged or cut short).")


def check_pdf_opens(upload, *, not_pdf=NOT_A_PDF):
    """Refuses, from where ``upload`` stands, a file pikepdf cannot open, one behind a password or one without pages
    (signed MOUs here, meeting documents in meetings/validators.py)."""
    try:
        with pikepdf.open(upload) as pdf:
            pages = len(pdf.pages)
    except pikepdf.PasswordError as error:
        raise ValidationError(
            _("This PDF is protected by a password. Upload a copy without one."), code="encrypted_pdf"
        ) from error
    except Exception as error:  # a damaged file can fail anywhere inside the parser
        raise ValidationError(not_pdf, code="not_pdf") from error
    if not pages:
        raise ValidationError(_("This PDF has no pages."), code="empty_pdf")
