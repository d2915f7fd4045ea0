"""Attendance per person and organization over a period, and how consistently organizations send the same person."""

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
    people = {row.person.pk: row for row in report["people"]}
    assert (people[world.member.pk].task_force, people[world.member.pk].committee) == (3, 0)
    assert (people[world.cochair.pk].task_force, people[world.cochair.pk].committee) == (1, 1)
    assert people[world.cochair.pk].counted == 2  # the default policy counts committee meetings
    assert world.data_contact.pk not in people  # absent in the period, present only outside it
    (shelter,) = report["organizations"]
    assert shelter.organization == world.shelter
    assert (shelter.task_force, shelter.committee) == (4, 1)
    assert shelter.usual_representative == "Morgan Member" and shelter.consistency == 75

    body = client_as("staff").get("/meetings/attendance-report/").content.decode()
    assert "Asian Women&#x27;s Shelter" in body and "75%" in body and "Morgan Member" in body
    assert client_as("cochair").get("/meetings/attendance-report/").status_code == 403


def test_period_out_of_order_is_refused(world, client_as):
    body = client_as("staff").get("/meetings/attendance-report/?start=2024-05-01&end=2024-01-01").content.decode()
    assert "The end of the period must be after its start." in body
