"""/resources/<id>/ and the staff "verified today" action."""

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Service

pytestmark = pytest.mark.django_db


def test_public_service_opens_for_everyone(client_as, services):
    for persona in ["anonymous", "member", "staff"]:
        response = client_as(persona).get(services.legal.get_absolute_url())
        assert response.status_code == 200
        body = response.content.decode()
        assert "Spanish (español)" in body and "Call the intake line." in body and "Ages 18 and up" in body


def test_members_only_service_is_not_found_for_visitors(client_as, services):
    url = services.members_only.get_absolute_url()
    assert client_as("anonymous").get(url).status_code == 404
    assert client_as("member").get(url).status_code == 200


def test_inactive_service_is_found_only_by_staff(client_as, services):
    url = services.inactive.get_absolute_url()
    assert client_as("anonymous").get(url).status_code == 404
    assert client_as("member").get(url).status_code == 404
    response = client_as("staff").get(url)
    assert response.status_code == 200 and "Inactive" in response.content.decode()


# Staff: session, user, the navigation's roles and published report (three), then the service with its
# organization and verifier, its categories and its populations (two prefetches).
DETAIL_QUERIES = 7


def test_detail_query_count_is_fixed(client_as, services, vocabulary, django_assert_num_queries):
    client = client_as("staff")
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(services.legal.get_absolute_url())
    services.legal.categories.set(vocabulary.categories.values())
    services.legal.populations.set(vocabulary.populations.values())
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(services.legal.get_absolute_url())


def verify_url(service):
    return reverse("members:service_verify", args=[service.pk])


def test_staff_mark_a_service_verified_today(client_as, services, world):
    response = client_as("staff").post(verify_url(services.shelter), {"next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    services.shelter.refresh_from_db()
    assert services.shelter.last_verified_on == timezone.localdate()
    assert services.shelter.last_verified_by == world.staff.user
    assert services.shelter not in Service.objects.stale()


def test_verify_goes_back_to_the_service_when_next_is_unsafe(client_as, services):
    response = client_as("staff").post(verify_url(services.shelter), {"next": "https://evil.example.com/"})
    assert response["Location"] == services.shelter.get_absolute_url()


def test_verify_is_a_post(client_as, services):
    assert client_as("staff").get(verify_url(services.shelter)).status_code == 405


@pytest.mark.parametrize(("persona", "status"), [("anonymous", 302), ("member", 403), ("cochair", 403)])
def test_only_staff_verify(client_as, services, persona, status):
    before = services.shelter.last_verified_on
    assert client_as(persona).post(verify_url(services.shelter)).status_code == status
    services.shelter.refresh_from_db()
    assert services.shelter.last_verified_on == before


def test_verify_an_unknown_service_is_404(client_as, services):
    assert client_as("staff").post(reverse("members:service_verify", args=[999999])).status_code == 404
