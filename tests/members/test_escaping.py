"""Names holding markup come back escaped on every registry page that lists or shows them."""

import datetime

import pytest

from members.models import CommitteeRole, Membership, Organization, Person

MARKUP = "<script>\"'&"
ESCAPED = "&lt;script&gt;&quot;&#x27;&amp;"


@pytest.fixture
def hostile(world):
    organization = Organization.objects.create(name=f"Org {MARKUP}", acronym=MARKUP)
    person = Person.objects.create(given_name=f"Given {MARKUP}", family_name=f"Family {MARKUP}", job_title=MARKUP)
    Membership.objects.create(person=person, organization=organization, start_on=datetime.date(2020, 1, 1))
    CommitteeRole.objects.create(
        person=person, committee=world.youth, role=CommitteeRole.Role.CHAIR, start_on=datetime.date(2020, 1, 1)
    )
    return organization


def pages(organization):
    return ["/members/", "/members/organizations/", organization.get_absolute_url(), "/committees/youth/"]


@pytest.mark.parametrize("index", range(4))
def test_names_are_escaped(client_as, hostile, index):
    url = pages(hostile)[index]
    body = client_as("member").get(url).content.decode()
    assert ESCAPED in body, url
    assert MARKUP not in body, url
