"""The Service model: constraints that always hold, language codes, staleness, pamphlet totals."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from members.models import PamphletDistribution, Service

pytestmark = pytest.mark.django_db


def test_database_refuses_max_age_below_min(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.create(organization=world.legal_aid, name="Bad ages", minimum_age=18, maximum_age=12)
    assert not Service.objects.filter(name="Bad ages").exists()


def test_database_refuses_an_address_on_a_confidential_location(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.create(
            organization=world.shelter, name="Shelter", location_is_confidential=True, street_address="1 Secret Street"
        )


def test_full_clean_explains_each_problem(world):
    service = Service(
        organization=world.shelter,
        name="Shelter",
        minimum_age=30,
        maximum_age=20,
        location_is_confidential=True,
        street_address="1 Secret Street",
        languages=["es", "xx"],
    )
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    messages = error.value.message_dict
    assert "below the minimum age" in messages["maximum_age"][0]
    assert "confidential" in messages["street_address"][0]
    assert "“xx” is not an ISO 639-1 language code" in " ".join(messages["languages"])


def test_language_names_are_kept_for_search(world):
    service = Service.objects.create(organization=world.legal_aid, name="Help", languages=["es", "zh"])
    service.refresh_from_db()
    assert "Spanish" in service.language_names and "español" in service.language_names
    assert "Chinese" in service.language_names
    assert service.language_labels == ["Spanish (español)", "Chinese (中文)"]
    # On a page in another language, each is named as that reader names it, then in its own words.
    for language, labels in {
        "es": ["español", "chino (中文)"],
        "zh-hant": ["西班牙語 (español)", "中文"],
        "tl": ["Espanyol (español)", "Tsino (中文)"],
    }.items():
        with translation.override(language):
            assert service.language_labels == labels, language
    service.languages = ["vi"]
    service.save(update_fields=["languages"])
    service.refresh_from_db()
    assert service.language_names.startswith("Vietnamese")


def test_confidential_location_shows_no_address_lines(services):
    assert services.shelter.address_lines == []
    assert services.legal.address_lines == ["100 Example Street", "San Francisco, CA 94104"]


def test_stale_means_not_verified_for_twelve_months(services):
    stale = set(Service.objects.stale())
    assert services.shelter in stale  # verified 400 days ago
    assert services.youth in stale  # never verified
    assert services.legal not in stale
    assert services.inactive not in stale  # inactive services are not chased
    assert services.shelter.is_stale and not services.legal.is_stale


def test_mark_verified_records_who_and_when(services, world):
    services.shelter.mark_verified(by=world.staff.user)
    services.shelter.refresh_from_db()
    assert services.shelter.last_verified_on == timezone.localdate()
    assert services.shelter.last_verified_by == world.staff.user
    assert services.shelter.history.first().last_verified_by == world.staff.user


def test_listed_depends_on_who_asks(services):
    public = set(Service.objects.listed(include_members_only=False))
    members = set(Service.objects.listed(include_members_only=True))
    assert public == {services.legal, services.shelter, services.youth}
    assert members == public | {services.members_only}


def test_age_range_reads_naturally(services):
    assert services.youth.age_range == "Ages 11-24"
    assert services.legal.age_range == "Ages 18 and up"
    assert services.shelter.age_range == ""


def test_pamphlet_totals_by_agency(world):
    day = datetime.date(2026, 3, 1)
    PamphletDistribution.objects.create(organization=world.legal_aid, distributed_on=day, quantity=40)
    PamphletDistribution.objects.create(organization=world.legal_aid, distributed_on=day, quantity=60)
    PamphletDistribution.objects.create(organization=world.shelter, distributed_on=day, quantity=30)
    PamphletDistribution.objects.create(
        organization=world.shelter, distributed_on=datetime.date(2025, 1, 1), quantity=5
    )
    totals = list(PamphletDistribution.objects.totals_by_organization(start=datetime.date(2026, 1, 1)))
    assert [(row["organization__name"], row["pamphlets"], row["entries"]) for row in totals] == [
        ("Legal Aid Society", 100, 2),
        ("Asian Women's Shelter", 30, 1),
    ]


def test_database_refuses_zero_pamphlets(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        PamphletDistribution.objects.create(
            organization=world.legal_aid, distributed_on=datetime.date(2026, 1, 1), quantity=0
        )
