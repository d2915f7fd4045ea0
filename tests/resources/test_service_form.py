"""The service form staff fill in (in the admin): bad input gets a message next to the field, nothing saved."""

import pytest

from members.models import Service
from members.resource_forms import ServiceForm

pytestmark = pytest.mark.django_db


def form_data(world, **changes):
    data = {
        "organization": world.legal_aid.pk,
        "name_en": "Know-your-rights clinic",
        "description_en": "Legal advice.",
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
    "field",
    ["description_en", "description_es", "how_to_refer_en", "how_to_refer_zh_hant", "hours_tl", "eligibility_en"],
)
def test_a_confidential_location_with_an_address_in_its_text_is_refused(world, field):
    form = ServiceForm(data=form_data(world, location_is_confidential="on", **{field: "Come to 1234 Mission Street."}))
    assert not form.is_valid()
    assert "looks like a street address" in form.errors[field][0]
    assert not Service.objects.exists()


def test_a_confidential_location_without_an_address_saves(world):
    form = ServiceForm(data=form_data(world, location_is_confidential="on", description_en="Call 24 hours a day."))
    assert form.is_valid(), form.errors
    assert form.save().address_lines == []


def test_texts_in_each_language_are_saved_in_their_own_columns(world):
    form = ServiceForm(
        data=form_data(
            world,
            name_es="Clínica sobre sus derechos",
            name_zh_hant="了解您的權利講座",
            fees_en="Free",
            fees_es="Gratis",
        )
    )
    assert form.is_valid(), form.errors
    service = form.save()
    service.refresh_from_db()
    assert (service.name_en, service.name_es, service.name_zh_hant, service.name_tl) == (
        "Know-your-rights clinic",
        "Clínica sobre sus derechos",
        "了解您的權利講座",
        None,
    )
    assert (service.fees_en, service.fees_es) == ("Free", "Gratis")
    # The plain column keeps the English name (the unique constraint and the search document read it).
    assert Service.objects.filter(pk=service.pk).values_list("name", flat=True).get() == "Know-your-rights clinic"


def test_the_english_name_is_required(world):
    form = ServiceForm(data=form_data(world, name_en="", name_es="Clínica"))
    assert not form.is_valid()
    assert form.errors["name_en"]
    assert not Service.objects.exists()
