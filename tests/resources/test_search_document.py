"""The stored search document (members migration 0004): the database keeps it current however a row changes."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from members.models import Organization, Service
from members.resource_forms import search_services

from .conftest import make_service

pytestmark = pytest.mark.django_db


def found(words):
    return set(search_services(Service.objects.all(), words).values_list("name", flat=True))


def test_every_service_has_a_document_from_its_own_fields(world, vocabulary):
    service = make_service(
        world.legal_aid,
        "Court accompaniment",
        description="Advocates go with survivors to hearings.",
        eligibility="Referred by a detective",
        name_es="Acompañamiento judicial",
        description_es="Defensoras acompañan a sobrevivientes a las audiencias.",
        languages=["vi"],
    )
    assert Service.objects.filter(pk=service.pk, search_vector__isnull=False).exists()
    for words in ["court", "hearings", "detective", "audiencias", "Vietnamese", "Legal Aid"]:
        assert found(words) == {service.name}, words


def test_categories_and_populations_added_and_removed(world, vocabulary):
    housing, minors = vocabulary.categories["Housing and shelter"], vocabulary.populations["Minors"]
    service = make_service(world.legal_aid, "Walk-in clinic")
    assert found("minors") == set()
    service.categories.add(housing)
    service.populations.add(minors)
    assert found("minors") == {service.name}
    assert found("housing") == {service.name}
    service.populations.remove(minors)
    assert found("minors") == set()
    service.categories.clear()
    assert found("housing") == set()


def test_renaming_an_organization_or_a_category_updates_its_services(world, vocabulary):
    service = make_service(world.shelter, "Night line", categories=[vocabulary.categories["Legal"]])
    Organization.objects.filter(pk=world.shelter.pk).update(name="Harbor Refuge")
    assert found("harbor") == {service.name}
    category = vocabulary.categories["Legal"]
    category.name = "Immigration lawyers"
    category.save()
    assert found("immigration lawyers") == {service.name}


def test_bulk_inserts_are_searchable_too(world, vocabulary):
    Service.objects.bulk_create([Service(organization=world.legal_aid, name="Bulk interpreter pool")])
    assert found("interpreter") == {"Bulk interpreter pool"}


def test_a_search_reads_the_stored_document_not_every_row(world, vocabulary):
    make_service(world.legal_aid, "Legal clinic")
    with CaptureQueriesContext(connection) as queries:
        assert found("legal") == {"Legal clinic"}
    sql = queries[-1]["sql"]
    assert '"members_service"."search_vector" @@' in sql
    assert "to_tsvector" not in sql
    assert not Service.objects.filter(Q(search_vector__isnull=True)).exists()
