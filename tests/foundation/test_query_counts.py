"""Query counts of the pages outside the four apps: the log-in and password pages, the health check and
the guest form's searches. (Each app's pages are pinned beside their own tests.)"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "persona", "queries"),
    [
        ("status", "anonymous", 0),  # its database check is Django's is_usable(), on the raw connection
        ("login", "anonymous", 0),
        ("password_reset", "anonymous", 0),
        ("password_reset_done", "anonymous", 0),
        ("password_reset_complete", "anonymous", 0),
        ("password_change", "member", 5),
        ("password_change_done", "member", 5),
    ],
)
def test_page_query_count(client_as, django_assert_num_queries, name, persona, queries):
    client = client_as(persona)
    with django_assert_num_queries(queries):
        assert client.get(reverse(name)).status_code == 200


def test_people_search_query_count(world, client_as, django_assert_num_queries):
    client = client_as("staff")
    with django_assert_num_queries(3):
        response = client.get(reverse("meetings:people_search"), {"q": "morgan member"})
    assert [row["label"] for row in response.json()["results"]] == ["Member, Morgan"]


def test_organization_search_query_count(world, client_as, django_assert_num_queries):
    client = client_as("staff")
    with django_assert_num_queries(3):  # the session, the user, the organizations
        response = client.get(reverse("meetings:organization_search"), {"q": "shelter asian"})
    assert [row["label"] for row in response.json()["results"]] == [world.shelter.name]
