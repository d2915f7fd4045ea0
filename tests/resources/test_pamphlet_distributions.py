"""/resources/pamphlets/: staff record how many pamphlets each agency handed out, and when."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import PamphletDistribution

pytestmark = pytest.mark.django_db
URL = reverse("members:pamphlet_distributions")


def test_staff_record_a_count(client_as, world):
    today = timezone.localdate()
    response = client_as("staff").post(
        URL,
        {
            "organization": world.legal_aid.pk,
            "distributed_on": today.isoformat(),
            "quantity": 75,
            "language": "es",
            "where": "Clinic",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == URL
    row = PamphletDistribution.objects.get()
    assert (row.organization, row.quantity, row.language, row.recorded_by) == (
        world.legal_aid,
        75,
        "es",
        world.staff.user,
    )
    body = response.content.decode()
    assert "Recorded 75 pamphlets handed out by Legal Aid Society." in body
    assert "Legal Aid Society" in body and "Spanish" in body


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"quantity": 0}, "quantity", "Enter how many pamphlets were handed out: at least 1."),
        ({"quantity": -5}, "quantity", "greater than or equal to 0"),
        ({"distributed_on": "2999-01-01"}, "distributed_on", "That date is in the future"),
        ({"organization": ""}, "organization", "This field is required."),
    ],
)
def test_bad_input_is_explained_and_nothing_saved(client_as, world, changes, field, message):
    data = {"organization": world.legal_aid.pk, "distributed_on": "2026-01-15", "quantity": 10, "language": "en"}
    data.update(changes)
    response = client_as("staff").post(URL, data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message.split(":")[0] in response.content.decode()
    assert not PamphletDistribution.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("anonymous", 302), ("member", 403), ("data_contact", 403)])
def test_only_staff(client_as, world, persona, status):
    data = {"organization": world.legal_aid.pk, "distributed_on": "2026-01-15", "quantity": 10, "language": "en"}
    assert client_as(persona).post(URL, data).status_code == status
    assert not PamphletDistribution.objects.exists()


def test_totals_this_year_by_agency(client_as, world):
    today = timezone.localdate()
    PamphletDistribution.objects.create(organization=world.shelter, distributed_on=today, quantity=1200)
    PamphletDistribution.objects.create(organization=world.shelter, distributed_on=today, quantity=300)
    PamphletDistribution.objects.create(
        organization=world.legal_aid, distributed_on=today - datetime.timedelta(days=800), quantity=9
    )
    response = client_as("staff").get(URL)
    totals = list(response.context["totals"])
    assert [(row["organization__name"], row["pamphlets"]) for row in totals] == [("Asian Women's Shelter", 1500)]
    assert "1,500 pamphlets handed out by 1 agency so far this year." in response.content.decode()


def test_empty_page_says_what_to_do(client_as, world):
    assert "use the form to add the first count" in client_as("staff").get(URL).content.decode()


# Staff: the request's four, then this year's totals, the recent counts and the form's organizations.
QUERIES = 7


def test_query_count_is_fixed(client_as, world, django_assert_num_queries):
    client = client_as("staff")
    today = timezone.localdate()
    PamphletDistribution.objects.create(organization=world.shelter, distributed_on=today, quantity=1)
    with django_assert_num_queries(QUERIES):
        client.get(URL)
    PamphletDistribution.objects.bulk_create(
        PamphletDistribution(organization=org, distributed_on=today, quantity=5)
        for org in [world.shelter, world.legal_aid, world.dosw] * 40
    )
    with django_assert_num_queries(QUERIES):
        client.get(URL)
