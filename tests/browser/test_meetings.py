"""Staff run a meeting in the browser: schedule, attendance for 30, a guest, minutes, approval; who sees what."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from members.models import Membership, Organization, Person
from tests.browser.helpers import assert_accessible, choose_person, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def task_force_of_thirty(world):
    """Twenty-three more representatives: thirty people on the task force in all."""
    for i in range(23):
        organization = Organization.objects.create(name=f"Partner Agency {i:02d}")
        person = Person.objects.create(given_name=f"Rep{i:02d}", family_name=f"Representative{i:02d}")
        Membership.objects.create(person=person, organization=organization, start_on="2020-01-01")
    Person.objects.create(given_name="Gina", family_name="Guestperson")
    return world


def schedule(page, live_server, day, start="13:30", end="15:30"):
    page.goto(f"{live_server.url}/meetings/new/")
    assert_accessible(page)
    page.get_by_label("Committee").select_option(label="Task Force")
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Starts at").fill(start)
    page.get_by_label("Ends at").fill(end)
    page.get_by_label("Place").fill("City Hall, Room 201")
    page.get_by_role("button", name="Schedule").click()
    expect(page.get_by_role("heading", name="Edit the meeting and its agenda")).to_be_visible()
    assert_accessible(page)
    return int(re.search(r"/meetings/(\d+)/edit/", page.url).group(1))


def test_staff_runs_a_meeting_and_the_right_people_see_the_minutes(page, live_server, task_force_of_thirty):
    world = task_force_of_thirty
    world.task_force.standing_agenda = "Welcome and introductions\nReview of minutes\nAnnouncements"
    world.task_force.save()
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/meetings/")
    assert_accessible(page)

    day = timezone.localdate() - datetime.timedelta(days=14)
    pk = schedule(page, live_server, day)
    page.get_by_role("button", name="Save the meeting and agenda").click()
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_text("The agenda is published.")).to_be_visible()
    assert_accessible(page)

    # Attendance: 30 people, all present but one, one submit; then a guest added in place.
    page.get_by_role("link", name="Take attendance").click()
    page.wait_for_load_state("load")  # attendance.js handles "Mark all present" in place
    rows = page.locator("#attendance-rows tr")
    expect(rows).to_have_count(30)
    assert_accessible(page)
    page.get_by_role("button", name="Mark all present").click()
    page.get_by_label("Excused: Morgan Member").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance saved (30 changed).")).to_be_visible()
    page.wait_for_load_state("load")
    page.get_by_label("Search the registry by name").fill("gina guest")
    expect(page.get_by_label("Someone already in the registry")).to_have_value(
        str(Person.objects.get(family_name="Guestperson").pk)
    )
    page.get_by_label("Search the organizations by name").fill("legal aid")
    expect(page.get_by_label("Organization they represent")).to_have_value(str(world.legal_aid.pk))
    page.get_by_role("button", name="Add to the list as present").click()
    expect(page.get_by_text("Added Gina Guestperson (guest) as present.")).to_be_visible()
    expect(rows).to_have_count(31)
    assert_accessible(page)

    # Minutes for three items, a motion and an action item: one item at a time, from the overview.
    page.goto(f"{live_server.url}/meetings/{pk}/minutes/edit/")
    assert_accessible(page)
    page.get_by_role("link", name="Edit the minutes of this item: Welcome and introductions").click()
    assert_accessible(page)
    page.locator('[name="item-minutes"]').fill("- Thirty members introduced themselves")
    page.get_by_role("button", name="Save and edit the next item").click()
    expect(page.get_by_role("heading", name="Minutes of 2. Review of minutes")).to_be_visible()
    page.locator('[name="item-minutes"]').fill("- Nothing to review yet")
    page.get_by_role("button", name="Save and edit the next item").click()
    expect(page.get_by_role("heading", name="Minutes of 3. Announcements")).to_be_visible()
    page.locator('[name="item-minutes"]').fill("- Awareness month events\n    - send them to staff")
    page.get_by_role("button", name="Add a motion").click()
    page.locator('[name="motions-0-text"]').fill("Endorse the awareness month calendar.")
    # Morgan was excused, so she is found through the registry search under the select.
    choose_person(page, "motions-0-moved_by", "Member, Morgan", search="morgan")
    page.locator('[name="motions-0-seconded_by"]').select_option(label="Cochair, Casey")
    page.get_by_role("button", name="Add an action item").click()
    page.locator('[name="actions-0-description"]').fill("Collect the events for the calendar")
    choose_person(page, "actions-0-owner", "Staffer, Sam", search="staffer")
    page.locator('[name="actions-0-due_on"]').fill((day + datetime.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The minutes of “Announcements” are saved.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("1 motion, 1 action item")
    page.locator('[name="announcements"]').fill("Brown bag on civil remedies next month.")
    page.get_by_role("button", name="Save the minutes").click()
    expect(page.get_by_text("The minutes are saved.")).to_be_visible()
    assert_accessible(page)
    main = page.locator("main")
    expect(main).to_contain_text("Gina Guestperson, Legal Aid Society;")
    expect(main).to_contain_text("Rep00 Representative00, Partner Agency 00;")
    expect(main).not_to_contain_text("Morgan Member, Asian Women's Shelter;")  # excused
    expect(main).to_contain_text("Endorse the awareness month calendar. [Member/ Cochair]")
    expect(main).to_contain_text("Collect the events for the calendar")
    expect(page.locator("main li li", has_text="send them to staff")).to_be_visible()
    pdf = page.request.get(f"{live_server.url}/meetings/{pk}/minutes.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"

    # A draft is not for members yet.
    member_context = page.context.browser.new_context()
    member = member_context.new_page()
    log_in(member, live_server, "member")
    assert member.goto(f"{live_server.url}/meetings/{pk}/minutes/").status == 403

    # The next meeting adopts the minutes by motion.
    later = schedule(page, live_server, day + datetime.timedelta(days=7))
    page.goto(f"{live_server.url}/meetings/{later}/minutes/edit/")
    page.get_by_role("link", name="Edit the minutes of this item: Review of minutes").click()
    page.get_by_role("button", name="Add a motion").click()
    page.locator('[name="motions-0-text"]').fill("Minutes were adopted by the group.")
    # No attendance is recorded yet, so both are found through the registry search.
    choose_person(page, "motions-0-moved_by", "Datacontact, Dana", search="datacontact")
    choose_person(page, "motions-0-seconded_by", "Member, Morgan", search="morgan")
    page.locator('[name="motions-0-approves_minutes_of"]').select_option(index=1)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The minutes of “Review of minutes” are saved.")).to_be_visible()
    page.goto(f"{live_server.url}/meetings/{later}/minutes/")
    expect(page.get_by_text("Minutes were adopted by the group. [Datacontact/ Member]")).to_be_visible()

    member.goto(f"{live_server.url}/meetings/{pk}/minutes/")
    expect(member.locator("main")).to_contain_text("Endorse the awareness month calendar.")
    assert_accessible(member)
    member_context.close()

    # Anonymous visitors: the task force's meetings are public, a committee's are not.
    anonymous_context = page.context.browser.new_context()
    anonymous = anonymous_context.new_page()
    anonymous.goto(f"{live_server.url}/meetings/{pk}/minutes/")
    expect(anonymous.locator("main")).to_contain_text("Thirty members introduced themselves")
    assert_accessible(anonymous)
    anonymous.goto(f"{live_server.url}/meetings/{later}/minutes/")
    assert "/accounts/login/" in anonymous.url  # not approved yet
    anonymous.goto(f"{live_server.url}/meetings/")
    assert_accessible(anonymous)
    anonymous_context.close()


def test_member_pages_pass_axe(page, live_server, world):
    from meetings.models import ActionItem, Meeting

    start = timezone.now() - datetime.timedelta(days=3)
    meeting, later = (
        Meeting.objects.create(
            committee=world.task_force, starts_at=when, ends_at=when + datetime.timedelta(hours=2), is_public=True
        )
        for when in (start, start + datetime.timedelta(days=1))
    )
    meeting.approve_minutes(at=later)  # approved: every member reads its action items
    ActionItem.objects.create(
        meeting=meeting,
        committee=world.task_force,
        description="Overdue item",
        owner=world.member,
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    log_in(page, live_server, "member")
    assert_accessible(page)  # dashboard with the meetings panel
    for path in ["/actions/", "/members/eligibility/", f"/meetings/{meeting.pk}/"]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
    page.goto(f"{live_server.url}/actions/")
    page.get_by_role("button", name=re.compile("Mark done")).click()
    expect(page.get_by_text("Marked done: Overdue item")).to_be_visible()


def test_staff_pages_of_approved_minutes_pass_axe(page, live_server, world):
    from meetings.models import AgendaItem, Attendance, Meeting

    start = timezone.now() - datetime.timedelta(days=30)
    meeting, later = (
        Meeting.objects.create(
            committee=world.task_force, starts_at=when, ends_at=when + datetime.timedelta(hours=2), is_public=True
        )
        for when in (start, start + datetime.timedelta(days=14))
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome", minutes="- Everyone came")
    Attendance.objects.create(meeting=meeting, person=world.member, organization=world.shelter)
    meeting.approve_minutes(at=later)
    log_in(page, live_server, "staff")
    for path in [
        "/meetings/attendance-report/",
        "/",
        f"/meetings/{meeting.pk}/",
        f"/meetings/{meeting.pk}/attendance/",
        f"/meetings/{meeting.pk}/edit/",
        f"/meetings/{meeting.pk}/minutes/edit/",
        f"/meetings/{meeting.pk}/minutes/items/{meeting.agenda_items.get().pk}/edit/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/minutes/edit/")
    page.get_by_role("button", name="Save the minutes").click()
    expect(page.get_by_text("Approved minutes change only by an amendment: give the reason.")).to_be_visible()
    assert_accessible(page)


def test_paginated_report_and_action_items_are_accessible(page, live_server, world):
    """Long lists come fifty at a time: each table of the attendance report has its own page links,
    and the action items keep their filter from page to page."""
    from meetings.models import ActionItem, Attendance, Meeting
    from meetings.services import REPORT_PAGE_SIZE
    from meetings.views import ACTIONS_PAGE_SIZE

    start = timezone.now() - datetime.timedelta(days=10)
    meeting = Meeting.objects.create(
        committee=world.task_force, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    for i in range(REPORT_PAGE_SIZE + 2):
        organization = Organization.objects.create(name=f"Agency {i:03d}")
        person = Person.objects.create(given_name=f"Rep{i:03d}", family_name=f"Reporter{i:03d}")
        Attendance.objects.create(meeting=meeting, person=person, organization=organization)
    ActionItem.objects.bulk_create(
        ActionItem(meeting=meeting, committee=world.task_force, description=f"Task {i:03d}", owner=world.member)
        for i in range(ACTIONS_PAGE_SIZE + 3)
    )
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/meetings/attendance-report/")
    expect(page.get_by_text(f"Showing 1-{REPORT_PAGE_SIZE} of {REPORT_PAGE_SIZE + 2} people.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Pages of the person table").get_by_role("link", name="Next").click()
    expect(page.get_by_text(f"Showing {REPORT_PAGE_SIZE + 1}-{REPORT_PAGE_SIZE + 2} of")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Reporter051, Rep051")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/actions/?committee={world.task_force.slug}")
    assert_accessible(page)
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Next").click()
    expect(page.get_by_text(f"showing {ACTIONS_PAGE_SIZE + 1}-{ACTIONS_PAGE_SIZE + 3} of")).to_be_visible()
    assert f"committee={world.task_force.slug}" in page.url
    assert_accessible(page)


def test_staff_make_an_agenda_item_part_of_another(page, live_server, world):
    from meetings.models import AgendaItem, Meeting

    # At 1:30 pm a week ahead: the form holds one day, so a meeting starting "now" late at night would not save.
    start = timezone.localtime().replace(hour=13, minute=30, second=0, microsecond=0) + datetime.timedelta(days=7)
    meeting = Meeting.objects.create(
        committee=world.task_force, starts_at=start, ends_at=start + datetime.timedelta(hours=2), location="City Hall"
    )
    for position, title in enumerate(["Welcome", "Committee reports", "Youth committee report"], start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, title=title)
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/edit/")
    assert_accessible(page)
    page.get_by_label("Part of").nth(2).select_option(label="2. Committee reports")
    page.get_by_role("button", name="Save the meeting and agenda").click()
    expect(page.get_by_text("The meeting and its agenda are saved.")).to_be_visible()
    part = page.locator("ol.agenda > li", has_text="Committee reports").locator("ol.agenda-parts > li")
    expect(part).to_have_text(re.compile("Youth committee report"))
    expect(page.locator("ol.agenda > li")).to_have_count(2)
    assert_accessible(page)
