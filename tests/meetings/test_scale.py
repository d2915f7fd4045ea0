"""The meetings part of seed_scale loads in bulk, and every page the benchmark measures answers."""

import random

import pytest

from meetings import bench, scale
from meetings.models import ActionItem, Attendance, Meeting, Motion
from members.models import Committee, Membership, Organization, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(db):
    organizations = Organization.objects.bulk_create(Organization(name=f"Scale org {i}") for i in range(5))
    people = Person.objects.bulk_create(Person(given_name="P", family_name=f"Scale-{i:03}") for i in range(40))
    Membership.objects.bulk_create(
        Membership(person=person, organization=organizations[i % 5], start_on="2016-01-01")
        for i, person in enumerate(people)
    )
    committees = Committee.objects.bulk_create(
        [
            Committee(
                name="Scale Task Force", slug="scale-tf", kind=Committee.Kind.TASK_FORCE, meetings_are_public=True
            ),
            Committee(name="Scale Committee 1", slug="scale-1"),
        ]
    )
    return {"members": {"organizations": organizations, "people": people, "committees": committees}}


def test_scale_seed_and_benchmark_pages(made, client_as, world):
    result = scale.seed(scale=0.2, rng=random.Random(1), made=made)
    per_committee = scale.meetings_per_year(0.2) * scale.YEARS
    assert len(result["meetings"]) == Meeting.objects.filter(committee__slug__startswith="scale").count()
    assert len(result["meetings"]) == 2 * per_committee
    assert Attendance.objects.count() > 0 and ActionItem.objects.count() == scale.ACTION_ITEMS_PER_MEETING * len(
        result["meetings"]
    )
    assert Motion.objects.count() == len(result["meetings"]) - 2  # every meeting but each committee's last adopts
    assert Meeting.objects.filter(minutes_state="approved").count() == len(result["meetings"]) - 2

    client = client_as("staff")
    for name, path in bench.pages():
        assert client.get(path).status_code == 200, name
    pdfs = {name: (render_pdf, render_html, options) for name, render_pdf, render_html, options in bench.pdfs()}
    assert set(pdfs) == {"minutes", "packet"}
    render_pdf, render_html, options = pdfs["minutes"]
    assert render_pdf().startswith(b"%PDF") and "Minutes" in render_html()
    assert options["write"] == {"pdf_variant": "pdf/ua-1"}
    # The packet is timed against both documents it lays out: its tagged cover and its page numbers.
    render_pdf, render_html, options = pdfs["packet"]
    (cover, cover_options), (numbers, numbers_options) = render_html()
    assert render_pdf().startswith(b"%PDF") and "Agenda" in cover and "Page 1 of 1" in numbers
    assert cover_options["write"] == {"pdf_variant": "pdf/ua-1"} and "write" not in numbers_options
