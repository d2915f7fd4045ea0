"""Checks on uploaded files: by content, not by name."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_MOU_BYTES = 10 * 1024 * 1024


def validate_pdf(upload):
    """A signed MOU must be a real PDF of at most 10 MB."""
    if upload.size > MAX_MOU_BYTES:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s. Scan it at a lower resolution and try again."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_MOU_BYTES)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(position)
    if b"%PDF-" not in head[:1024]:
        raise ValidationError(_("Only PDF files can be uploaded: this file is not a PDF."), code="not_pdf")
