"""A co-chair's and staff's meeting journeys in the browser: the open action items on the next agenda, closing one
at a meeting, the attendance list (who is on it, where the keyboard is, a guest added), and a meeting whose day
is still ahead. Screenshots go to /work/shots/agenda/ when that folder exists."""

import datetime
import pathlib

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import ActionItem, Attendance, Meeting
from members.models import Person
from tests.browser.helpers import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = pathlib.Path("/work/shots/agenda")


def _meeting(world, days, **fields):
    start = timezone.localtime().replace(hour=17, minute=30, second=0, microsecond=0) + datetime.timedelta(days=days)
    return Meeting.objects.create(
        committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=2), **fields
    )


def _item(meeting, description, owner, due_days):
    return ActionItem.objects.create(
        meeting=meeting,
        committee=meeting.committee,
        description=description,
        owner=owner,
        due_on=meeting.local_start.date() + datetime.timedelta(days=due_days),
    )


def test_cochair_sees_the_open_action_items_on_the_next_agenda_and_closes_one(page, live_server, world):
    world.youth.standing_agenda = "Welcome and introductions\nReview of minutes\nCase trends"
    world.youth.save()
    first = _meeting(world, -63, is_public=True)
    second = _meeting(world, -35, is_public=True)
    _item(first, "Ask the school district to present", world.member, 14)  # overdue
    _item(first, "Collect the referral numbers", world.cochair, 21)  # overdue
    _item(second, "Draft the outreach flyer", world.cochair, 90)  # due after today
    first.approve_minutes(at=second)
    log_in(page, live_server, "cochair")

    # The co-chair schedules the next two meetings; an item is added to the earlier minutes afterwards.
    day = timezone.localdate() - datetime.timedelta(days=7)
    page.goto(f"{live_server.url}/meetings/new/")
    page.get_by_label("Committee").select_option(label="Youth Trafficking Committee")
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Starts at").fill("17:30")
    page.get_by_label("Ends at").fill("19:00")
    page.get_by_role("button", name="Schedule").click()
    expect(page.get_by_role("heading", name="Edit the meeting and its agenda")).to_be_visible()
    held = Meeting.objects.get(starts_at__date=day, committee=world.youth)
    _item(second, "Book the room for the training", world.member, 30)
    page.goto(f"{live_server.url}{held.get_absolute_url()}")
    agenda = page.locator("ol.agenda > li", has_text="Action items")
    expect(agenda).to_contain_text("Casey Cochair")
    expect(agenda).to_contain_text("Book the room for the training")
    expect(agenda.locator(".carried-overdue")).to_have_count(2)
    assert agenda.inner_text().index("Casey Cochair") < agenda.inner_text().index("Morgan Member")
    assert_accessible(page)
    screenshot(page, SHOTS, "01-agenda-open-action-items-cochair")

    # Closing one at this meeting: the agenda says so, and a later meeting no longer carries it.
    carried = agenda.get_by_role("listitem").filter(has_text="Ask the school district to present")
    carried.get_by_role("button", name="Done at this meeting").click()
    expect(page.get_by_text("Marked done at this meeting: Ask the school district to present")).to_be_visible()
    expect(page.locator("#carried-items")).to_contain_text("done at this meeting")
    assert_accessible(page)
    screenshot(page, SHOTS, "02-agenda-item-done-at-this-meeting")
    item = ActionItem.objects.get(description="Ask the school district to present")
    assert (item.status, item.closed_at) == (ActionItem.Status.DONE, held)

    # The public agenda of a later public meeting: only the items of approved public minutes.
    later = Meeting.schedule(
        committee=world.youth,
        starts_at=held.starts_at + datetime.timedelta(days=28),
        ends_at=held.ends_at + datetime.timedelta(days=28),
        is_public=True,
    )
    later.publish_agenda()
    visitor_context = page.context.browser.new_context()
    visitor = visitor_context.new_page()
    visitor.emulate_media(reduced_motion="reduce")
    visitor.goto(f"{live_server.url}{later.get_absolute_url()}")
    carried = visitor.locator("#carried-items")
    expect(carried).to_contain_text("Collect the referral numbers")  # approved public minutes
    expect(carried).not_to_contain_text("Draft the outreach flyer")  # draft minutes
    expect(carried).not_to_contain_text("Ask the school district")  # done
    expect(carried.get_by_role("button")).to_have_count(0)
    assert_accessible(visitor)
    screenshot(visitor, SHOTS, "03-public-agenda-approved-items-only")
    visitor_context.close()


def test_staff_takes_attendance_of_the_right_people_by_keyboard_and_adds_a_guest(page, live_server, world):
    earlier = _meeting(world, -35)
    regular = Person.objects.create(given_name="Rosa", family_name="Regular")
    Attendance.objects.create(meeting=earlier, person=regular, role="guest", status="present")
    long_ago = _meeting(world, -200)
    gone = Person.objects.create(given_name="Gus", family_name="Gonelong")
    Attendance.objects.create(meeting=long_ago, person=gone, role="guest", status="present")
    for days in (-90, -60):
        _meeting(world, days)  # three meetings back from today's: the one of -35 days and these two
    meeting = _meeting(world, 0)
    Person.objects.create(given_name="Amani", family_name="Wanjiru")
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/attendance/")
    page.wait_for_load_state("load")
    rows = page.locator("#attendance-rows tr")
    expect(rows).to_have_count(3)  # the co-chair, the member, and the regular from a recent meeting
    expect(page.locator("#attendance-rows")).to_contain_text("Regular, Rosa")
    expect(page.locator("#attendance-rows")).not_to_contain_text("Gonelong")
    assert_accessible(page)

    # By keyboard: the focused radio has a ring and its row is highlighted.
    page.get_by_label("Present: Morgan Member").focus()
    page.keyboard.press("ArrowRight")  # moves within the row's radios... and checks "Remote"
    page.keyboard.press("ArrowLeft")
    focused_row = page.locator("#attendance-rows tr", has_text="Member, Morgan")
    other_row = page.locator("#attendance-rows tr", has_text="Cochair, Casey")
    background = "el => getComputedStyle(el).backgroundColor"
    assert focused_row.locator("th").evaluate(background) != other_row.locator("th").evaluate(background)
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    screenshot(page, SHOTS, "04-attendance-keyboard-focus-row")

    page.get_by_role("button", name="Mark all present").click()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance saved (3 changed).")).to_be_visible()
    marked = set(Attendance.objects.filter(meeting=meeting).values_list("person__family_name", flat=True))
    assert marked == {"Cochair", "Member", "Regular"}

    page.wait_for_load_state("load")
    page.get_by_label("Search the registry by name").fill("amani")
    expect(page.get_by_label("Someone already in the registry")).to_have_value(
        str(Person.objects.get(family_name="Wanjiru").pk)
    )
    page.get_by_role("button", name="Add to the list as present").click()
    expect(page.get_by_text("Added Amani Wanjiru (guest) as present.")).to_be_visible()
    expect(rows).to_have_count(4)
    assert_accessible(page)
    screenshot(page, SHOTS, "05-attendance-guest-added")


def test_cochair_confirms_attendance_and_minutes_of_a_meeting_not_yet_held(page, live_server, world):
    meeting = _meeting(world, 12)
    meeting.agenda_items.create(position=1, title="Welcome")
    log_in(page, live_server, "cochair")
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/attendance/")
    page.wait_for_load_state("load")
    question = f"This meeting is on {meeting.local_start:%A, %B} {meeting.local_start.day}"
    expect(page.locator("#attendance-form").get_by_text(question)).to_be_visible()
    page.get_by_label("Present: Morgan Member").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Nothing was saved: tick the box to confirm")).to_be_visible()
    expect(page.get_by_label("Present: Morgan Member")).to_be_checked()
    assert not Attendance.objects.filter(meeting=meeting).exists()
    assert_accessible(page)
    screenshot(page, SHOTS, "06-attendance-not-yet-held-asks")
    page.locator("#attendance-form").get_by_label("record attendance anyway?").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance saved (1 changed).")).to_be_visible()
    assert Attendance.objects.get(meeting=meeting).person == world.member
    # A guest too: the guest form has its own box.
    page.wait_for_load_state("load")
    page.get_by_label("Or a new person: given name").fill("Amani")
    page.get_by_label("Family name").fill("Wanjiru")
    page.get_by_role("button", name="Add to the list as present").click()
    expect(page.locator("#guest-messages")).to_contain_text("Nothing was saved: tick the box to confirm")
    page.locator("#guest-form").get_by_label("record attendance anyway?").check()
    page.get_by_role("button", name="Add to the list as present").click()
    expect(page.get_by_text("Added Amani Wanjiru (guest) as present.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, SHOTS, "08-guest-at-a-meeting-not-yet-held")

    page.goto(f"{live_server.url}/meetings/{meeting.pk}/minutes/edit/")
    assert_accessible(page)
    page.get_by_role("link", name="Edit the minutes of this item: Welcome").click()
    page.locator('[name="item-minutes"]').fill("- Written ahead from the planning call")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Nothing was saved: tick the box to confirm")).to_be_visible()
    expect(page.locator('[name="item-minutes"]')).to_have_value("- Written ahead from the planning call")
    assert_accessible(page)
    screenshot(page, SHOTS, "07-minutes-not-yet-held-asks")
    page.get_by_label("record minutes anyway?").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The minutes of “Welcome” are saved.")).to_be_visible()
    assert meeting.agenda_items.get().minutes == "- Written ahead from the planning call"
