"""The admin for services: filters (category, visibility, stale), the inline on the organization, bad input."""

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Service

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:members_service_changelist")


@pytest.fixture
def admin_client_(client, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    return client


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "verified=stale",
            {
                "Confidential shelter for Asian women",
                "24-hour response for sexually exploited youth",
                "Paused job readiness workshops",
            },
        ),
        ("verified=recent", {"Spanish-speaking legal help for adults", "Restoration housing by member referral"}),
        ("visibility__exact=members", {"Restoration housing by member referral"}),
        ("categories__slug__exact=legal", {"Spanish-speaking legal help for adults"}),
    ],
)
def test_changelist_filters(admin_client_, services, query, expected):
    if query.startswith("categories"):
        query = f"categories__id__exact={services.legal.categories.get().pk}"
    response = admin_client_.get(f"{CHANGELIST}?{query}")
    assert response.status_code == 200
    assert {service.name for service in response.context["cl"].result_list} == expected


def test_action_marks_selected_verified_today(admin_client_, services, world):
    response = admin_client_.post(
        CHANGELIST, {"action": "mark_verified_today", "_selected_action": [services.shelter.pk, services.youth.pk]}
    )
    assert response.status_code == 302
    assert set(Service.objects.filter(last_verified_on=timezone.localdate(), last_verified_by=world.staff.user)) == {
        services.shelter,
        services.youth,
    }


def test_services_are_inline_on_the_organization(admin_client_, services, world):
    response = admin_client_.get(reverse("admin:members_organization_change", args=[world.shelter.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Confidential shelter for Asian women" in body and "services-TOTAL_FORMS" in body


def test_add_refuses_bad_input_with_messages(admin_client_, world, vocabulary):
    response = admin_client_.post(
        reverse("admin:members_service_add"),
        {
            "organization": world.shelter.pk,
            "name": "New shelter",
            "languages": "en, zz",
            "minimum_age": "30",
            "maximum_age": "20",
            "location_is_confidential": "on",
            "street_address": "9 Hidden Lane",
            "city": "San Francisco",
            "visibility": "public",
            "status": "active",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "“zz” is not an ISO 639-1 language code" in body
    assert body.count("The maximum age (20) is below the minimum age (30).") == 1
    assert "This location is confidential" in body
    assert not Service.objects.filter(name="New shelter").exists()
