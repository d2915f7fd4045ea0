"""The dashboard and the base layout, as every persona."""

import pytest
from django.core.management import call_command

from taskforce import permissions
from tests.conftest import PERSONAS


@pytest.mark.parametrize("persona", PERSONAS)
def test_dashboard_answers_every_persona(persona, client_as):
    response = client_as(persona).get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="#main"' in body and '<main id="main"' in body
    if persona == "anonymous":
        assert "Log in" in body
    else:
        assert "Log out" in body


def test_admin_link_only_for_staff(client_as):
    assert "/admin/" not in client_as("member").get("/").content.decode()
    assert "/admin/" in client_as("staff").get("/").content.decode()


def test_the_dashboard_names_the_roles_in_one_order(client_as):
    # The roles are a frozenset, whose order changed from one process to the next; the page follows Role's order.
    body = client_as("staff").get("/").content.decode()
    assert "You are signed in as\n    staff, member." in body


def test_roles_come_from_the_registry(world):
    assert permissions.roles_of(world.staff.user) >= {permissions.Role.STAFF, permissions.Role.MEMBER}
    assert permissions.Role.COCHAIR in permissions.roles_of(world.cochair.user)
    assert permissions.Role.COCHAIR not in permissions.roles_of(world.former_cochair.user)
    assert permissions.Role.DATA_CONTACT in permissions.roles_of(world.data_contact.user)
    assert permissions.roles_of(world.member.user) == {permissions.Role.MEMBER}
    assert permissions.can_edit_committee(world.cochair.user, world.youth)
    assert not permissions.can_edit_committee(world.cochair.user, world.adult)
    assert not permissions.can_edit_committee(world.former_cochair.user, world.youth)
    assert permissions.can_enter_data_for(world.data_contact.user, world.legal_aid)
    assert not permissions.can_enter_data_for(world.data_contact.user, world.shelter)


def test_csp_is_strict(client, db):  # the home page reads the public sections
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


# Each app's panels read what they show directly (no kept HTML): the registry's committees, MOUs and
# stale services for staff, the meetings panel, the goals panel for co-chairs and staff, the reports panel.
# The user's committee roles are read once (taskforce.permissions) for the committees panel and the
# co-chair checks. The private calendar link panel asks once whether the member has a working link (+1).
# A visitor not logged in sees the public sections (issue 14): the public reports (1), the coming public
# agendas and the latest approved public minutes (1 each); the resource section reads nothing.
DASHBOARD_QUERIES = {"anonymous": 3, "member": 11, "data_contact": 11, "cochair": 12, "staff": 16}
# With a reporting year open: a data contact's organizations and their submissions; for staff the review
# queue is counted with the year, in the same query.
OPEN_YEAR_QUERIES = {"data_contact": 13, "staff": 16}  # the calendar link panel: +1, as above


@pytest.mark.parametrize("persona", PERSONAS)
def test_dashboard_query_count_is_fixed(client_as, world, django_assert_num_queries, persona):
    client = client_as(persona)
    with django_assert_num_queries(DASHBOARD_QUERIES[persona]):
        assert client.get("/").status_code == 200
    # More of everything must not mean more queries.
    from members.models import Organization

    Organization.objects.bulk_create(Organization(name=f"Org {i}") for i in range(50))
    with django_assert_num_queries(DASHBOARD_QUERIES[persona]):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("persona", list(OPEN_YEAR_QUERIES))
def test_dashboard_query_count_with_a_reporting_year_open(client_as, world, django_assert_num_queries, persona):
    from reports.models import AgencySubmission
    from tests.reports.helpers import make_year

    year = make_year(2025)
    client = client_as(persona)
    with django_assert_num_queries(OPEN_YEAR_QUERIES[persona]):
        assert client.get("/").status_code == 200
    AgencySubmission.objects.create(reporting_year=year, organization=world.legal_aid, state="submitted")
    AgencySubmission.objects.create(reporting_year=year, organization=world.shelter, state="submitted")
    with django_assert_num_queries(OPEN_YEAR_QUERIES[persona]):
        assert client.get("/").status_code == 200


def test_seed_demo_is_idempotent(db):
    from django.contrib.auth import get_user_model

    from members.models import Organization, Person

    call_command("seed_demo")
    counts = (Organization.objects.count(), Person.objects.count(), get_user_model().objects.count())
    call_command("seed_demo")
    assert (Organization.objects.count(), Person.objects.count(), get_user_model().objects.count()) == counts
    assert set(get_user_model().objects.values_list("username", flat=True)) >= {
        "staff",
        "cochair",
        "datacontact",
        "member",
    }


def test_nul_characters_are_refused_before_any_view(client_as):
    client = client_as("staff")
    assert client.get("/members/", {"q": "a\x00b"}).status_code == 400
    response = client.post("/accounts/password_change/", {"old_password": "x\x00"})
    assert response.status_code == 400
    assert "not allowed" in response.content.decode()
