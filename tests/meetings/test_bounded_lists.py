"""Lists that would grow with the data stay bounded: pagination kept with its filters, calendar feeds over a
window, the guest picker's search, and query counts that stay fixed."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from meetings import views
from meetings.models import ActionItem, Attendance, Meeting
from meetings.services import search_people
from members.models import Person
from tests.conftest import count_queries

pytestmark = pytest.mark.django_db


def test_action_items_are_paginated_and_keep_the_committee_filter(world, make_meeting, client_as):
    meeting = make_meeting(world.youth, days=-3)
    ActionItem.objects.bulk_create(
        ActionItem(meeting=meeting, committee=world.youth, description=f"Youth task {i:03d}", owner=world.member)
        for i in range(views.ACTIONS_PAGE_SIZE + 5)
    )
    adult = make_meeting(world.adult, days=-3)
    ActionItem.objects.create(meeting=adult, committee=world.adult, description="Adult task", owner=world.member)
    client = client_as("staff")
    first = client.get(f"/actions/?committee={world.youth.slug}").content.decode()
    assert first.count('<td data-label="What">Youth task') == views.ACTIONS_PAGE_SIZE
    assert "Adult task" not in first
    assert f"committee={world.youth.slug}&amp;page=2" in first
    assert f"{views.ACTIONS_PAGE_SIZE + 5} open action items" in first
    second = client.get(f"/actions/?committee={world.youth.slug}&page=2").content.decode()
    assert second.count('<td data-label="What">Youth task') == 5 and "Adult task" not in second
    assert "Page 2 of 2" in second


def test_action_items_query_count_does_not_grow_with_pages(world, make_meeting, client_as, django_assert_num_queries):
    meeting = make_meeting(world.youth, days=-3)
    ActionItem.objects.create(meeting=meeting, committee=world.youth, description="One", owner=world.member)
    client = client_as("staff")
    # The session, the user, one page of the open items (with owner, meeting and committee, and how many there
    # are), the filter's committees, and the viewer's committee roles and data-contact organizations (the roles
    # in the page's header).
    with django_assert_num_queries(6):
        assert client.get("/actions/").status_code == 200
    first = count_queries(client, "/actions/")
    ActionItem.objects.bulk_create(
        ActionItem(meeting=meeting, committee=world.youth, description=f"Task {i}", owner=world.member)
        for i in range(3 * views.ACTIONS_PAGE_SIZE)
    )
    assert count_queries(client, "/actions/") == first
    assert count_queries(client, "/actions/?page=3") == first


def test_past_meetings_are_paginated_and_upcoming_shown_on_the_first_page(world, make_meeting, client_as):
    for days in range(1, views.MEETINGS_PAGE_SIZE + 4):
        make_meeting(world.task_force, days=-days, title=f"Past gathering {days:03d}", is_public=True)
    make_meeting(world.task_force, days=5, title="Coming gathering", is_public=True)
    client = client_as("member")
    first = client.get("/meetings/").content.decode()
    assert "Coming gathering" in first
    assert first.count("Past gathering") == views.MEETINGS_PAGE_SIZE
    assert "Past gathering 001" in first and "Past gathering 026" not in first
    second = client.get(f"/meetings/?committee={world.task_force.pk}&page=2").content.decode()
    assert "Coming gathering" not in second
    assert second.count("Past gathering") == 3 and "Past gathering 026" in second


def test_calendar_feed_covers_the_last_twelve_months_and_everything_upcoming(world, make_meeting, client):
    make_meeting(world.task_force, days=-800, title="Long ago", is_public=True)
    make_meeting(world.task_force, days=-200, title="This year", is_public=True)
    make_meeting(world.task_force, days=400, title="Next year", is_public=True)
    for url in ("/meetings/calendar.ics", f"/meetings/calendar/{world.task_force.slug}.ics"):
        body = client.get(url).content.decode()
        assert "This year" in body and "Next year" in body
        assert "Long ago" not in body


def test_people_search_matches_every_word_and_is_for_cochairs_and_staff(world, client_as):
    Person.objects.create(given_name="Gina", family_name="Guestperson")
    Person.objects.create(given_name="Gina", family_name="Other")
    found = json.loads(client_as("cochair").get("/meetings/people/?q=gina guest").content)["results"]
    assert [row["label"] for row in found] == ["Guestperson, Gina"]
    assert json.loads(client_as("staff").get("/meetings/people/").content) == {"results": []}
    assert client_as("member").get("/meetings/people/?q=gina").status_code == 403
    assert client_as("anonymous").get("/meetings/people/?q=gina").status_code == 302


def test_people_search_is_limited(world):
    Person.objects.bulk_create(Person(given_name="Many", family_name=f"Namesake{i:03d}") for i in range(30))
    assert len(search_people("namesake")) == 20
    assert search_people("   ") == []


def test_attendance_page_does_not_list_the_registry_but_searches_it(world, make_meeting, add_people, client_as):
    meeting = make_meeting(world.task_force)
    Person.objects.create(given_name="Gina", family_name="Guestperson")
    add_people(40, prefix="Registry")
    client = client_as("staff")
    body = client.get(f"/meetings/{meeting.pk}/attendance/").content.decode()
    assert "Guestperson, Gina" not in body
    assert not re.search(r"Family\d", body)  # none of the registry's forty people is listed
    body = client.get(f"/meetings/{meeting.pk}/attendance/?q=guestperson").content.decode()
    assert "Guestperson, Gina</option>" in body and '1 match for "guestperson"' in body


def test_attendance_page_query_count_does_not_grow_with_the_registry(world, make_meeting, add_people, client_as):
    meeting = make_meeting(world.task_force)
    client = client_as("staff")
    url = f"/meetings/{meeting.pk}/attendance/?q=family"
    first = count_queries(client, url)
    add_people(60)
    assert count_queries(client, url) == first


def test_attendance_report_queries_are_the_same_with_few_or_many_meetings(world, make_meeting, fill_meeting, client_as):
    client = client_as("staff")
    today = timezone.localdate()
    period = f"/meetings/attendance-report/?start={today - datetime.timedelta(days=30)}&end={today}"
    from members.models import MembershipPolicy

    MembershipPolicy.load()
    empty = count_queries(client, period)
    fill_meeting(make_meeting(world.task_force, days=-5), 1)
    first = count_queries(client, period)
    assert first == empty  # an empty table reads its page (none) in the same query as a full one
    for days in range(-25, -6, 3):
        fill_meeting(make_meeting(world.task_force, days=days), 3)
        fill_meeting(make_meeting(world.youth, days=days), 2)
    assert count_queries(client, period) == first


def test_dashboard_lists_people_who_attended_before_orientation_once(world, make_meeting, add_people, client_as):
    (late, org), (early, org2) = add_people(2, prefix="Orient")
    early.oriented_on = timezone.localdate() - datetime.timedelta(days=400)
    early.save()
    for days in (-30, -20):
        meeting = make_meeting(world.task_force, days=days)
        for person, organization in ((late, org), (early, org2)):
            Attendance.objects.create(
                meeting=meeting, person=person, organization=organization, status=Attendance.Status.PRESENT
            )
    body = client_as("staff").get("/").content.decode()
    section = body.split("Attended before orientation")[1]
    assert section.count(late.full_name) == 1 and early.full_name not in section
    first = Meeting.objects.filter(attendances__person=late).order_by("starts_at").first()
    assert f"{late.full_name}: attended {first.date_label}" in section


def test_action_item_rows_keep_their_links_forms_and_marks(world, make_meeting, client_as):
    meeting = make_meeting(world.youth, days=-30)
    meeting.approve_minutes(at=make_meeting(world.youth, days=-1))  # approved: any member reads its items
    ActionItem.objects.create(
        meeting=meeting, committee=world.youth, description="Call <the> shelter", owner=world.member, due_on=None
    )
    ActionItem.objects.create(meeting=meeting, committee=world.youth, description="Nobody's task", owner=None)
    later = Person.objects.create(given_name="Zed", family_name="Zulu")  # after Member by family name
    ActionItem.objects.bulk_create(
        ActionItem(meeting=meeting, committee=world.youth, description=f"Filler {i:03d}", owner=later)
        for i in range(views.ACTIONS_PAGE_SIZE)
    )
    body = client_as("member").get("/actions/?committee=" + world.youth.slug).content.decode()
    assert f"showing 1-{views.ACTIONS_PAGE_SIZE} of {views.ACTIONS_PAGE_SIZE + 2}" in body
    assert "Call &lt;the&gt; shelter" in body and "<the>" not in body
    assert f'href="/meetings/{meeting.pk}/minutes/" class="small">from {meeting.date_label}</a>' in body
    # The member may close only their own item: one form, with the page to come back to.
    assert body.count('<form method="post" action="/actions/') == 1
    assert f'name="next" value="/actions/?committee={world.youth.slug}"' in body
    assert 'name="csrfmiddlewaretoken"' in body
    assert "Mark done<span" in body and "Mark dropped<span" in body
    staff = client_as("staff").get("/actions/?page=2").content.decode()
    assert 'data-label="Who">Unassigned</th>' in staff and "No date" in staff
    assert staff.count('<form method="post" action="/actions/') == 2  # staff may close every item


def test_action_items_filter_is_a_form_that_says_what_is_wrong(world, make_meeting, client_as):
    meeting = make_meeting(world.youth, days=-3)
    meeting.approve_minutes(at=make_meeting(world.youth, days=-1))  # approved: any member reads its items
    ActionItem.objects.create(meeting=meeting, committee=world.youth, description="Youth task", owner=world.member)
    client = client_as("staff")
    page = client.get("/actions/?committee=no-such-committee").content.decode()
    assert "Select a valid choice" in page  # next to the field, and the list is not filtered
    assert "Youth task" in page
    assert 'id="committee"' in page and 'id="mine"' in page
    mine = client_as("member").get(f"/actions/?committee={world.youth.slug}&mine=on").content.decode()
    assert "Youth task" in mine
