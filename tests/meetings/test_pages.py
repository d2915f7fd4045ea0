"""Who sees which meeting pages, and that each page's query count does not grow with its rows."""

import pytest
from django.urls import reverse

from meetings.models import ActionItem, Meeting
from members.models import MembershipPolicy
from tests.conftest import count_queries

pytestmark = pytest.mark.django_db


def approved(meeting, at):
    meeting.approve_minutes(at=at)
    return meeting


def test_anonymous_sees_only_public_meetings_in_the_list(world, make_meeting, client_as):
    public = make_meeting(world.task_force, is_public=True, title="Open to all")
    private = make_meeting(world.youth, title="Youth committee only")
    body = client_as("anonymous").get("/meetings/").content.decode()
    assert "Open to all" in body and "Youth committee only" not in body
    body = client_as("member").get("/meetings/").content.decode()
    assert "Open to all" in body and "Youth committee only" in body
    assert client_as("anonymous").get(public.get_absolute_url()).status_code == 200
    assert client_as("anonymous").get(private.get_absolute_url()).status_code == 302


def test_list_filters_by_committee_and_year(world, make_meeting, client_as):
    older = make_meeting(world.task_force, title="Task force gathering", days=-400)
    youth = make_meeting(world.youth, title="Youth gathering")
    assert older.local_start.year != youth.local_start.year
    body = client_as("member").get(f"/meetings/?committee={world.youth.pk}").content.decode()
    assert "Youth gathering" in body and "Task force gathering" not in body
    assert f"/meetings/calendar/{world.youth.slug}.ics" in body
    body = client_as("member").get(f"/meetings/?year={older.local_start.year}").content.decode()
    assert "Youth gathering" not in body and "Task force gathering" in body


@pytest.mark.parametrize(
    ("persona", "public", "approved_minutes", "expected"),
    [
        ("anonymous", True, True, 200),
        ("anonymous", True, False, 302),
        ("anonymous", False, True, 302),
        ("member", False, True, 200),
        ("member", False, False, 403),
        ("cochair", False, False, 200),  # co-chair of youth drafts its minutes
        ("staff", False, False, 200),
    ],
)
def test_minutes_visibility(world, make_meeting, client_as, persona, public, approved_minutes, expected):
    meeting = make_meeting(world.youth, is_public=public)
    if approved_minutes:
        approved(meeting, make_meeting(world.youth, days=-1))
    for name in ("meetings:minutes", "meetings:minutes_pdf"):
        assert client_as(persona).get(reverse(name, args=[meeting.pk])).status_code == expected


def test_draft_agenda_is_hidden_from_members_until_published(world, make_meeting, client_as):
    meeting = Meeting.schedule(
        committee=world.youth,
        starts_at=make_meeting().starts_at,
        ends_at=make_meeting().ends_at,
        is_public=True,
    )
    meeting.agenda_items.create(title="Secret draft item", position=1)
    assert "Secret draft item" not in client_as("member").get(meeting.get_absolute_url()).content.decode()
    assert "Secret draft item" in client_as("cochair").get(meeting.get_absolute_url()).content.decode()
    assert client_as("member").post(reverse("meetings:publish_agenda", args=[meeting.pk])).status_code == 403
    client_as("cochair").post(reverse("meetings:publish_agenda", args=[meeting.pk]))
    assert "Secret draft item" in client_as("anonymous").get(meeting.get_absolute_url()).content.decode()


def test_other_committees_co_chair_cannot_edit(world, make_meeting, client_as):
    meeting = make_meeting(world.adult)
    item = meeting.agenda_items.create(position=1, title="Welcome")
    for name, args in (
        ("meetings:edit", [meeting.pk]),
        ("meetings:attendance", [meeting.pk]),
        ("meetings:minutes_edit", [meeting.pk]),
        ("meetings:minutes_item_edit", [meeting.pk, item.pk]),
        ("meetings:minutes_actions_edit", [meeting.pk]),
    ):
        assert client_as("cochair").get(reverse(name, args=args)).status_code == 403
        assert client_as("staff").get(reverse(name, args=args)).status_code == 200


@pytest.mark.parametrize(
    "name", ["meetings:detail", "meetings:minutes", "meetings:attendance", "meetings:minutes_edit", "meetings:edit"]
)
def test_meeting_pages_have_a_fixed_query_count(world, make_meeting, fill_meeting, client_as, name):
    meeting = make_meeting(world.task_force, is_public=True)
    fill_meeting(meeting, 2)
    client = client_as("staff")
    url = reverse(name, args=[meeting.pk])
    first = count_queries(client, url)
    fill_meeting(meeting, 25)
    assert count_queries(client, url) == first


def test_list_actions_eligibility_and_report_have_fixed_query_counts(world, make_meeting, fill_meeting, client_as):
    client = client_as("staff")
    urls = ["/meetings/", "/actions/", "/members/eligibility/", "/meetings/attendance-report/", "/"]
    meeting = make_meeting(world.task_force)
    fill_meeting(meeting, 2)
    MembershipPolicy.load()  # created on first use; that is not what is measured
    first = [count_queries(client, url) for url in urls]
    for days in range(-40, -10, 3):
        fill_meeting(make_meeting(world.task_force, days=days), 5)
        fill_meeting(make_meeting(world.youth, days=days + 1), 3)
    make_meeting(world.youth, days=5)
    assert [count_queries(client, url) for url in urls] == first


def test_action_items_page_marks_overdue_and_lets_the_owner_close(world, make_meeting, client_as):
    meeting = approved(make_meeting(world.youth, days=-30), make_meeting(world.youth, days=-1))
    overdue = ActionItem.objects.create(
        meeting=meeting,
        committee=world.youth,
        description="Overdue task",
        owner=world.member,
        due_on=meeting.local_start.date(),
    )
    body = client_as("member").get("/actions/?mine=1").content.decode()
    assert "Overdue task" in body and "(overdue)" in body
    url = reverse("meetings:action_item_status", args=[overdue.pk])
    assert client_as("data_contact").post(url, {"status": "done"}).status_code == 403
    assert client_as("member").post(url, {"status": "nonsense"}).status_code == 400
    response = client_as("member").post(url, {"status": "done", "next": "https://evil.example/"})
    assert response["Location"] == "/actions/"
    overdue.refresh_from_db()
    assert overdue.status == ActionItem.Status.DONE
    assert "Overdue task" not in client_as("member").get("/actions/").content.decode()


def test_dashboard_panel_shows_my_items_next_meetings_and_orientation(world, make_meeting, client_as):
    from meetings.models import Attendance

    meeting = approved(make_meeting(world.youth, days=-10), make_meeting(world.youth, days=-1))
    ActionItem.objects.create(
        meeting=meeting,
        committee=world.youth,
        description="Mine and late",
        owner=world.member,
        due_on=meeting.local_start.date(),
    )
    make_meeting(world.task_force, days=2, title="Soon")
    Attendance.objects.create(meeting=meeting, person=world.member)  # never oriented
    tf = make_meeting(world.task_force, days=-3)
    Attendance.objects.create(meeting=tf, person=world.member)
    body = client_as("member").get("/").content.decode()
    assert "Mine and late" in body and "overdue" in body and "Soon" in body
    assert "You attended 1 of the last 1 task-force meeting." in body
    assert "Attended before orientation" not in body
    staff_body = client_as("staff").get("/").content.decode()
    assert "Attended before orientation" in staff_body and "Morgan Member" in staff_body


def test_calendar_feeds_list_public_meetings(world, make_meeting, client):
    import icalendar

    make_meeting(world.task_force, is_public=True, title="Public gathering")
    make_meeting(world.youth, title="Private gathering")
    response = client.get("/meetings/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert summaries == ["Public gathering"]
    feed = icalendar.Calendar.from_ical(client.get(f"/meetings/calendar/{world.youth.slug}.ics").content)
    assert list(feed.walk("VEVENT")) == []
    assert client.get("/meetings/calendar/no-such-committee.ics").status_code == 404


def test_cancelled_meetings_say_so_in_the_feed(world, make_meeting, client):
    import icalendar

    make_meeting(world.task_force, is_public=True, status=Meeting.Status.CANCELLED)
    (event,) = icalendar.Calendar.from_ical(client.get("/meetings/calendar.ics").content).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"


def test_list_links_reports_for_the_right_people(world, client_as):
    assert "/meetings/attendance-report/" in client_as("staff").get("/meetings/").content.decode()
    body = client_as("member").get("/meetings/").content.decode()
    assert "/meetings/attendance-report/" not in body and "/members/eligibility/" in body
    assert "/members/eligibility/" not in client_as("anonymous").get("/meetings/").content.decode()
