"""Arguments for the registry's URLs in tests/test_access.py."""

import io

from django.core.files.base import ContentFile
from pypdf import PdfWriter

from tests.url_samples import Sample


def make_pdf(*, pages=1, password=None) -> bytes:
    """A real PDF of blank pages, written by pypdf."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    if password:
        writer.encrypt(password)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


MINIMAL_PDF = make_pdf()


def _signed_mou(world):
    from members.models import MOU

    mou = MOU(organization=world.legal_aid, status=MOU.Status.SIGNED, signed_on="2024-01-10", expires_on="2026-01-10")
    mou.document.save("signed.pdf", ContentFile(MINIMAL_PDF), save=False)
    mou.save()
    return {"pk": mou.pk}


SAMPLES = {
    "members:organization": Sample(kwargs=lambda world: {"pk": world.legal_aid.pk}),
    "members:committee": Sample(kwargs=lambda world: {"slug": world.youth.slug}),
    "members:mou_document": Sample(kwargs=_signed_mou),
}
