"""URL arguments for the resource list's pages in tests/test_access.py."""

from tests.url_samples import Sample


def _public_service(world):
    from members.models import Service

    service, _ = Service.objects.get_or_create(
        organization=world.legal_aid, name="Sample public service", defaults={"visibility": Service.Visibility.PUBLIC}
    )
    return service


SAMPLES = {
    "members:service": Sample(kwargs=lambda world: {"pk": _public_service(world).pk}),
    # Marking verified is a POST; a GET from someone allowed is refused with 405.
    "members:service_verify": Sample(kwargs=lambda world: {"pk": _public_service(world).pk}, ok=frozenset({405})),
    # Nothing is stored yet and the walk runs no worker: staff watch the rendering (202), others are asked
    # to come back (503); once stored, 200 for all.
    "members:pamphlet": Sample(ok=frozenset({200, 202, 503})),
}
