"""The guest form's organization search: the attendance page lists no organizations until asked, the JSON view
finds them by any words of their name or acronym (as the organization list does), for those who take
attendance, and bad input gives an empty or short answer, never an error."""

import re

import pytest
from django.urls import reverse

from meetings.services import SEARCH_LIMIT, search_organizations
from members.models import Organization
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

URL = "/meetings/organizations/"


def found(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [row["label"] for row in response.json()["results"]]


def test_the_url_is_named():
    assert reverse("meetings:organization_search") == URL


def test_every_word_of_the_name_or_acronym_matches_and_results_come_by_name(world, client_as):
    world.dosw.acronym = "DOSW"
    world.dosw.save()
    Organization.objects.create(name="Shelter Network", status=Organization.Status.PROSPECT)
    client = client_as("staff")
    assert found(client, "shelter") == ["Asian Women's Shelter", "Shelter Network"]
    assert found(client, "women shelter") == ["Asian Women's Shelter"]  # every word, in any order
    assert found(client, "dosw") == ["Department on the Status of Women"]  # the acronym
    assert found(client, "dosw status") == ["Department on the Status of Women"]
    assert found(client, "shelter legal") == []
    ids = {row["id"] for row in client.get(URL, {"q": "shelter"}).json()["results"]}
    assert world.shelter.pk in ids


def test_results_follow_the_organization_list(world, client_as):
    """Members, prospects and former members: the organization list shows each (former ones when asked) to any
    login, and a guest may come from any of them. The search finds what the list's own search finds."""
    Organization.objects.create(name="Former Coalition", status=Organization.Status.FORMER)
    Organization.objects.create(name="Prospect Coalition", status=Organization.Status.PROSPECT)
    Organization.objects.create(name="Member Coalition", status=Organization.Status.MEMBER)
    assert found(client_as("cochair"), "coalition") == ["Former Coalition", "Member Coalition", "Prospect Coalition"]
    listed = client_as("member").get("/members/organizations/", {"q": "coalition", "status": "former"})
    assert "Former Coalition" in listed.content.decode()
    assert set(Organization.objects.matching("coalition").values_list("name", flat=True)) == {
        "Former Coalition",
        "Member Coalition",
        "Prospect Coalition",
    }


def test_the_search_is_bounded_and_an_empty_one_reads_nothing(world, client_as, django_assert_num_queries):
    Organization.objects.bulk_create(Organization(name=f"Namesake agency {i:03d}") for i in range(30))
    assert len(search_organizations("namesake")) == SEARCH_LIMIT
    assert search_organizations("namesake")[0][1] == "Namesake agency 000"
    with django_assert_num_queries(0):
        assert search_organizations("   ") == []
    client = client_as("staff")
    assert client.get(URL).json() == {"results": []}


@pytest.mark.parametrize(
    "query",
    [
        "x" * 100_000,
        "%",
        "_",
        "\\",
        "' OR 1=1 --",
        '"; DROP TABLE members_organization; --',
        "<script>alert(1)</script>",
        "🙂 café",
        " ".join(["shelter"] * 500),
        "%%%___\\\\",
    ],
)
def test_bad_input_never_fails(world, make_meeting, client_as, query):
    client = client_as("staff")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) <= SEARCH_LIMIT
    if query in ("%", "_", "\\", "%%%___\\\\"):
        assert results == []  # typed characters are matched as themselves, not as patterns
    page = client.get(f"/meetings/{make_meeting().pk}/attendance/", {"organization_q": query})
    assert page.status_code == 200


def test_a_nul_character_is_refused_not_an_error(world, client_as):
    assert client_as("staff").get(URL, {"q": "shel\x00ter"}).status_code == 400


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_search_is_for_cochairs_and_staff(world, client_as, persona):
    response = client_as(persona).get(URL, {"q": "shelter"})
    if persona in ("staff", "cochair"):
        assert response.status_code == 200
        assert response.json()["results"] == [{"id": world.shelter.pk, "label": "Asian Women's Shelter"}]
    elif persona == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 403


def test_the_attendance_page_lists_no_organization_until_searched(world, make_meeting, add_people, client_as):
    meeting = make_meeting(world.task_force)
    add_people(40, prefix="Registry")
    client = client_as("staff")
    body = client.get(f"/meetings/{meeting.pk}/attendance/").content.decode()
    select = re.search(r'<select name="organization".*?</select>', body, re.S).group(0)
    assert re.findall(r"<option[^>]*>([^<]*)</option>", select) == ["---------"]
    assert f'data-search-url="{URL}"' in body and 'data-fills="id_organization"' in body
    assert "Type part of its name or acronym" in body
    # Without JavaScript: the search form comes back with the matches listed, and the person search kept.
    body = client.get(
        f"/meetings/{meeting.pk}/attendance/", {"organization_q": "shelter", "q": "morgan"}
    ).content.decode()
    select = re.search(r'<select name="organization".*?</select>', body, re.S).group(0)
    assert re.findall(r"<option[^>]*>([^<]*)</option>", select) == ["---------", "Asian Women&#x27;s Shelter"]
    assert '1 organization matches "shelter".' in body
    assert f'<option value="{world.shelter.pk}" selected>' in select  # the first match is chosen
    assert 'value="shelter"' in body and "Member, Morgan</option>" in body
    body = client.get(f"/meetings/{meeting.pk}/attendance/", {"organization_q": "registry org"}).content.decode()
    assert "20 organizations match" in body and "(the first 20: type more of the name)" in body


def test_a_guest_from_an_organization_not_listed_on_the_page_is_added(world, make_meeting, client_as):
    """The select lists only what a search found; the form still takes any organization in the registry."""
    meeting = make_meeting(world.task_force)
    response = client_as("staff").post(
        reverse("meetings:add_guest", args=[meeting.pk]),
        {"given_name": "Gina", "family_name": "Guest", "organization": world.legal_aid.pk, "role": "guest"},
    )
    assert response.status_code == 302
    assert meeting.attendances.get(person__family_name="Guest").organization == world.legal_aid
