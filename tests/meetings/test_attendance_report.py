"""Attendance per person and organization over a period, and how consistently organizations send the same person."""

import datetime
import re

import pytest

from meetings.models import Attendance
from meetings.services import attendance_report

pytestmark = pytest.mark.django_db


def test_report_counts_and_consistency(world, make_meeting, client_as):
    task_force = [make_meeting(world.task_force, days=-10 * n) for n in range(1, 5)]
    committee = make_meeting(world.youth, days=-15)
    outside = make_meeting(world.task_force, days=-400)
    for meeting in task_force[:3]:
        Attendance.objects.create(meeting=meeting, person=world.member, organization=world.shelter)
    Attendance.objects.create(meeting=task_force[3], person=world.cochair, organization=world.shelter)
    Attendance.objects.create(meeting=committee, person=world.cochair, organization=world.shelter)
    Attendance.objects.create(
        meeting=task_force[0], person=world.data_contact, organization=world.legal_aid, status=Attendance.Status.ABSENT
    )
    Attendance.objects.create(meeting=outside, person=world.data_contact, organization=world.legal_aid)

    report = attendance_report(start=task_force[3].local_start.date(), end=task_force[0].local_start.date())
    assert report["task_force_meetings"] == 4 and report["committee_meetings"] == 1
    people = {row.pk: row for row in report["people"]}
    assert (people[world.member.pk].task_force, people[world.member.pk].committee) == (3, 0)
    assert (people[world.cochair.pk].task_force, people[world.cochair.pk].committee) == (1, 1)
    assert people[world.cochair.pk].counted == 2  # the default policy counts committee meetings
    assert world.data_contact.pk not in people  # absent in the period, present only outside it
    (shelter,) = report["organizations"]
    assert (shelter.pk, shelter.name) == (world.shelter.pk, world.shelter.name)
    assert (shelter.task_force, shelter.committee) == (4, 1)
    assert shelter.usual_representative == "Morgan Member" and shelter.consistency == 75

    body = client_as("staff").get("/meetings/attendance-report/").content.decode()
    assert "Asian Women&#x27;s Shelter" in body and "75%" in body and "Morgan Member" in body
    assert client_as("cochair").get("/meetings/attendance-report/").status_code == 403


def test_counted_under_the_policy_counts_each_task_force_meeting_once_as_eligibility_does(world, make_meeting):
    """A committee meeting since the task-force meeting before counts for that one, once: attending it and two
    committee meetings before it is one meeting counted, not three; a committee meeting after the period's last
    task-force meeting counts for the next one, outside the period."""
    first, second, third = (make_meeting(world.task_force, days=-days) for days in (30, 20, 10))
    for meeting in (second, make_meeting(world.youth, days=-15), make_meeting(world.youth, days=-12), third):
        Attendance.objects.create(meeting=meeting, person=world.cochair, organization=world.shelter)
    Attendance.objects.create(meeting=make_meeting(world.youth, days=-5), person=world.cochair)
    report = attendance_report(
        start=first.local_start.date(), end=(third.local_start + datetime.timedelta(days=6)).date()
    )
    (row,) = report["people"]
    assert (row.task_force, row.committee, row.counted) == (2, 3, 2)
    assert row.counted <= report["task_force_meetings"] == 3


def test_period_out_of_order_is_refused(world, client_as):
    body = client_as("staff").get("/meetings/attendance-report/?start=2024-05-01&end=2024-01-01").content.decode()
    assert "The end of the period must be after its start." in body


def test_report_tables_are_paginated_each_with_its_own_page_and_the_period_kept(
    world, make_meeting, add_people, client_as
):
    from meetings.services import REPORT_PAGE_SIZE

    meeting = make_meeting(world.task_force, days=-5)
    pairs = add_people(REPORT_PAGE_SIZE + 3, prefix="Paged")
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=person, organization=org, status=Attendance.Status.PRESENT)
        for person, org in pairs
    )
    day = meeting.local_start.date()
    period = f"start={day - datetime.timedelta(days=1)}&end={day + datetime.timedelta(days=1)}"
    client = client_as("staff")
    first = client.get(f"/meetings/attendance-report/?{period}").content.decode()
    total = REPORT_PAGE_SIZE + 3
    assert f"Showing 1-{REPORT_PAGE_SIZE} of {total} people." in first
    assert f"Showing 1-{REPORT_PAGE_SIZE} of {total} organizations." in first
    assert first.count('data-label="Name">Family') == REPORT_PAGE_SIZE
    assert 'aria-label="Pages of the person table"' in first and 'aria-label="Pages of the organization table"' in first
    assert "Page 1 of 2" in first
    # Each table's next page keeps the period and leaves the other table where it is.
    assert f"?{period.replace('&', '&amp;')}&amp;page=2" in first
    assert f"?{period.replace('&', '&amp;')}&amp;organizations_page=2" in first

    second = client.get(f"/meetings/attendance-report/?{period}&page=2").content.decode()
    assert f"Showing {REPORT_PAGE_SIZE + 1}-{total} of {total} people." in second
    assert second.count('data-label="Name">Family') == 3
    assert f"Showing 1-{REPORT_PAGE_SIZE} of {total} organizations." in second  # the other table stays on page 1
    last_person = pairs[-1][0]
    assert f"{last_person.family_name}, {last_person.given_name}" in second

    orgs = client.get(f"/meetings/attendance-report/?{period}&organizations_page=2&page=2").content.decode()
    assert f"Showing {REPORT_PAGE_SIZE + 1}-{total} of {total} organizations." in orgs
    assert pairs[-1][1].name in orgs
    # A page number out of range shows the last page.
    assert "Page 2 of 2" in client.get(f"/meetings/attendance-report/?{period}&page=99").content.decode()


def test_usual_representative_ties_go_to_the_first_by_family_name(world, make_meeting, client_as):
    first, second = make_meeting(world.task_force, days=-10), make_meeting(world.task_force, days=-5)
    # Morgan Member and Casey Cochair each came once for the shelter: a tie, Cochair comes first by family name.
    Attendance.objects.create(meeting=first, person=world.member, organization=world.shelter)
    Attendance.objects.create(meeting=second, person=world.cochair, organization=world.shelter)
    report = attendance_report(start=first.local_start.date(), end=second.local_start.date())
    (shelter,) = report["organizations"]
    assert shelter.representatives == 2 and shelter.consistency == 50
    assert shelter.usual_representative == world.cochair.full_name
    assert world.cochair.family_name < world.member.family_name
    people = {row.pk: row for row in report["people"]}
    assert people[world.member.pk].organization_names == [world.shelter.name]


def test_page_links_carry_the_default_period(world, make_meeting, add_people, client_as):
    from meetings.services import REPORT_PAGE_SIZE

    meeting = make_meeting(world.task_force, days=-5)
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=person, organization=org) for person, org in add_people(REPORT_PAGE_SIZE + 1)
    )
    client = client_as("staff")
    first = client.get("/meetings/attendance-report/").content.decode()  # no period given: the last twelve months
    assert "start=" in first and "end=" in first and "&amp;page=2" in first
    link = re.search(r'href="\?([^"]*&amp;page=2)"', first).group(1).replace("&amp;", "&")
    second = client.get(f"/meetings/attendance-report/?{link}").content.decode()
    assert f"Showing {REPORT_PAGE_SIZE + 1}-{REPORT_PAGE_SIZE + 1} of {REPORT_PAGE_SIZE + 1} people." in second
    only_page = client.get("/meetings/attendance-report/?page=2").content.decode()  # a page without a period
    assert f"Showing {REPORT_PAGE_SIZE + 1}-{REPORT_PAGE_SIZE + 1} of" in only_page


HOSTILE = "<script>\"'&"
ESCAPED = "&lt;script&gt;&quot;&#x27;&amp;"


def test_both_tables_escape_names_and_organizations(world, make_meeting, client_as):
    """The rows are drawn by Jinja2 (meetings/jinja2/meetings/report_*_rows.html): escaped as Django escapes."""
    from members.models import Organization, Person

    meeting = make_meeting(world.task_force, days=-5)
    organization = Organization.objects.create(name=f"Org {HOSTILE}")
    person = Person.objects.create(given_name=f"Gil {HOSTILE}", family_name=f"Hostile {HOSTILE}")
    Attendance.objects.create(meeting=meeting, person=person, organization=organization)
    Attendance.objects.create(meeting=meeting, person=world.member, organization=world.shelter)
    Attendance.objects.create(meeting=make_meeting(world.youth, days=-6), person=person, organization=world.shelter)

    body = client_as("staff").get("/meetings/attendance-report/").content.decode()
    tables = body[body.index("<tbody>") :]
    assert "<script>" not in tables
    assert f'<th scope="row" data-label="Organization">Org {ESCAPED}</th>' in tables
    assert f'<td data-label="Usual representative">Gil {ESCAPED} Hostile {ESCAPED}</td>' in tables
    assert f'<th scope="row" data-label="Name">Hostile {ESCAPED}, Gil {ESCAPED}</th>' in tables
    assert f'<td data-label="Representing">Asian Women&#x27;s Shelter; Org {ESCAPED}</td>' in tables
    assert '<td data-label="Representing">Asian Women&#x27;s Shelter</td>' in tables
