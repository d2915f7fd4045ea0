"""Arguments for the registry's URLs in tests/test_access.py."""

from django.core.files.base import ContentFile

from tests.url_samples import Sample

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


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
