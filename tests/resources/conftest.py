"""The resource list's test data: the standard vocabulary and one service of each kind."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from members.demo_resources import ensure_vocabulary
from members.models import Service


@pytest.fixture
def vocabulary(db):
    return build_vocabulary()


def build_vocabulary():
    categories, populations = ensure_vocabulary()
    return SimpleNamespace(categories=categories, populations=populations)


def make_service(organization, name, *, categories=(), populations=(), **fields):
    service = Service.objects.create(organization=organization, name=name, **fields)
    service.categories.set(categories)
    service.populations.set(populations)
    return service


@pytest.fixture
def services(world, vocabulary):
    return build_services(world, vocabulary)


def build_services(world, vocabulary):
    """A public legal service in Spanish, a members-only one, a confidential shelter, a youth line, an inactive one."""
    c, p = vocabulary.categories, vocabulary.populations
    today = timezone.localdate()
    return SimpleNamespace(
        legal=make_service(
            world.legal_aid,
            "Spanish-speaking legal help for adults",
            description="Legal advice and representation for adult survivors of labor trafficking.",
            name_es="Ayuda legal en español para personas adultas",
            description_es="Asesoría y representación legal para sobrevivientes adultos de la trata laboral.",
            how_to_refer="Call the intake line.",
            phone="(415) 555-0102",
            languages=["es", "en"],
            minimum_age=18,
            street_address="100 Example Street",
            postal_code="94104",
            last_verified_on=today,
            categories=[c["Legal"]],
            populations=[p["Adults"], p["Labor-trafficking survivors"]],
        ),
        members_only=make_service(
            world.shelter,
            "Restoration housing by member referral",
            description="Housing for women leaving trafficking.",
            name_es="Vivienda de restauración por referencia",
            visibility=Service.Visibility.MEMBERS,
            languages=["en"],
            minimum_age=18,
            last_verified_on=today,
            categories=[c["Housing and shelter"]],
            populations=[p["Women"]],
        ),
        shelter=make_service(
            world.shelter,
            "Confidential shelter for Asian women",
            description="Emergency shelter at a confidential location.",
            how_to_refer="Call the 24-hour crisis line.",
            phone="(415) 555-0103",
            is_24_hour=True,
            location_is_confidential=True,
            languages=["en", "zh", "ko"],
            last_verified_on=today - datetime.timedelta(days=400),
            categories=[c["Housing and shelter"], c["24-hour response and hotlines"]],
            populations=[p["Women"], p["Immigrants regardless of status"]],
        ),
        youth=make_service(
            world.dosw,
            "24-hour response for sexually exploited youth",
            description="Peer advocates respond any time.",
            is_24_hour=True,
            minimum_age=11,
            maximum_age=24,
            languages=["en", "es"],
            categories=[c["24-hour response and hotlines"], c["Youth services"]],
            populations=[p["Minors"]],
        ),
        inactive=make_service(
            world.dosw,
            "Paused job readiness workshops",
            status=Service.Status.INACTIVE,
            categories=[c["Employment and vocational"]],
        ),
    )
