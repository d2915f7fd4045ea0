"""The service form staff fill in (in the admin): bad input gets a message next to the field, nothing saved."""

import pytest

from members.models import Service
from members.resource_forms import ServiceForm

pytestmark = pytest.mark.django_db


def form_data(world, **changes):
    data = {
        "organization": world.legal_aid.pk,
        "name": "Know-your-rights clinic",
        "description": "Legal advice.",
        "languages": "en, ES",
        "city": "San Francisco",
        "state": "CA",
        "visibility": Service.Visibility.PUBLIC,
        "status": Service.Status.ACTIVE,
    }
    data.update(changes)
    return data


def test_a_good_service_saves_with_normalized_codes(world):
    form = ServiceForm(data=form_data(world, languages="en, ES, es"))
    assert form.is_valid(), form.errors
    service = form.save()
    assert service.languages == ["en", "es"]


def test_maximum_age_below_minimum_is_refused(world):
    form = ServiceForm(data=form_data(world, minimum_age=18, maximum_age=12))
    assert not form.is_valid()
    assert form.errors["maximum_age"] == ["The maximum age (12) is below the minimum age (18)."]
    assert not Service.objects.exists()


def test_an_invalid_language_code_is_refused(world):
    form = ServiceForm(data=form_data(world, languages="en, spanish"))
    assert not form.is_valid()
    assert "“spanish” is not an ISO 639-1 language code" in form.errors["languages"][0]
    assert not Service.objects.exists()


def test_a_confidential_location_with_an_address_is_refused(world):
    form = ServiceForm(
        data=form_data(world, location_is_confidential="on", street_address="55 Hidden Street", postal_code="94110")
    )
    assert not form.is_valid()
    assert "confidential" in form.errors["street_address"][0]
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    "field", ["description", "description_es", "how_to_refer", "how_to_refer_es", "hours", "eligibility"]
)
def test_a_confidential_location_with_an_address_in_its_text_is_refused(world, field):
    form = ServiceForm(data=form_data(world, location_is_confidential="on", **{field: "Come to 1234 Mission Street."}))
    assert not form.is_valid()
    assert "looks like a street address" in form.errors[field][0]
    assert not Service.objects.exists()


def test_a_confidential_location_without_an_address_saves(world):
    form = ServiceForm(data=form_data(world, location_is_confidential="on", description="Call 24 hours a day."))
    assert form.is_valid(), form.errors
    assert form.save().address_lines == []
