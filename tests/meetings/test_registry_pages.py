"""The registry's pages read meetings through reverse relations: attendance on the organization page,
meetings on the committee page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Attendance


def test_organization_page_shows_its_representatives_attendance(client_as, world, make_meeting):
    adopting = make_meeting(days=-1)
    for days in (-30, -60, -90):
        meeting = make_meeting(days=days)
        meeting.approve_minutes(at=adopting)  # approved minutes: every member reads their attendance
        Attendance.objects.create(meeting=meeting, person=world.data_contact, organization=world.legal_aid)
    absent = make_meeting(days=-10)
    Attendance.objects.create(
        meeting=absent, person=world.member, organization=world.legal_aid, status=Attendance.Status.ABSENT
    )
    old = make_meeting(days=-800)
    Attendance.objects.create(meeting=old, person=world.member, organization=world.legal_aid)
    body = client_as("member").get(f"/members/organizations/{world.legal_aid.pk}/").content.decode()
    section = body[body.index("Attendance of its representatives") : body.index("</main>")]
    assert 'Dana Datacontact</td><td data-label="Meetings attended">3</td>' in section
    assert "Morgan Member" not in section  # absent, and the other meeting is older than a year


def test_organization_page_query_count_does_not_grow_with_attendance(client_as, world, make_meeting, fill_meeting):
    client = client_as("member")
    url = f"/members/organizations/{world.legal_aid.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    for days in range(1, 20):
        meeting = make_meeting(days=-days * 7)
        fill_meeting(meeting, 5)
        Attendance.objects.create(meeting=meeting, person=world.data_contact, organization=world.legal_aid)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(second) == len(first)


def test_committee_page_lists_upcoming_and_recent_meetings(client_as, world, make_meeting):
    upcoming = make_meeting(world.youth, days=10)
    recent = make_meeting(world.youth, days=-10)
    make_meeting(world.adult, days=5)
    body = client_as("member").get("/committees/youth/").content.decode()
    assert f"/meetings/{upcoming.pk}/" in body and f"/meetings/{recent.pk}/" in body
    main = body[body.index('id="upcoming-heading"') : body.index("</main>")]
    assert main.count('href="/meetings/') - main.count('href="/meetings/?') == 2
