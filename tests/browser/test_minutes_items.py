"""The minutes are written one agenda item at a time: the overview lists the items (the start of their minutes,
how many motions and action items), each item has its page, and "Save and edit the next item" walks the
agenda. A co-chair taking the minutes does it all by keyboard."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import ActionItem, AgendaItem, Attendance, Meeting, Motion
from tests.browser.helpers import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/shots/minutesitem")


@pytest.fixture
def meeting(world):
    start = timezone.now() - datetime.timedelta(days=2)
    meeting = Meeting.objects.create(
        committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=2), title="Youth meeting"
    )
    for position, title in enumerate(["Welcome", "Review of minutes", "Case trends", "Announcements"], start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, title=title)
    trends = meeting.agenda_items.get(position=3)
    trends.minutes = "- Referrals are up, mostly from schools\n- Two new shelters opened in the east bay"
    trends.save()
    Motion.objects.create(agenda_item=trends, text="Invite the school district.", moved_by=world.member)
    Attendance.objects.create(meeting=meeting, person=world.member, organization=world.shelter)
    Attendance.objects.create(meeting=meeting, person=world.cochair, organization=world.legal_aid)
    return meeting


def test_a_cochair_writes_the_minutes_item_by_item_by_keyboard(page, live_server, world, meeting):
    SHOTS.mkdir(parents=True, exist_ok=True)
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    log_in(page, live_server, "cochair")
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/minutes/edit/")
    items = page.locator(".minutes-items > li")
    expect(items).to_have_count(4)
    expect(items.nth(0)).to_contain_text("No minutes yet")
    expect(items.nth(2)).to_contain_text("Referrals are up, mostly from schools")
    expect(items.nth(2)).to_contain_text("1 motion, 0 action items")
    assert_accessible(page)
    page.screenshot(path=SHOTS / "overview.png", full_page=True)

    # Item 1, reached by keyboard from its link.
    page.get_by_role("link", name="Edit the minutes of this item: Welcome").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Minutes of 1. Welcome")).to_be_visible()
    page.wait_for_load_state("load")  # minutes_rows.js adds the buttons
    assert_accessible(page)
    page.locator('[name="item-minutes"]').focus()
    page.keyboard.type("- Everyone introduced themselves")
    page.get_by_role("button", name="Save and edit the next item").focus()
    page.keyboard.press("Enter")

    # Item 2: a motion and an action item, each added by its button and typed by keyboard.
    expect(page.get_by_text("The minutes of “Welcome” are saved: now “Review of minutes”.")).to_be_visible()
    expect(page.get_by_role("heading", name="Minutes of 2. Review of minutes")).to_be_visible()
    page.wait_for_load_state("load")
    expect(page.get_by_text("No motions are recorded under this item.")).to_be_visible()
    page.screenshot(path=SHOTS / "item-editor-opened.png", full_page=True)
    page.get_by_role("button", name="Add a motion").focus()
    page.keyboard.press("Enter")
    text = page.locator('[name="motions-0-text"]')
    expect(text).to_be_focused()
    expect(page.locator("#rows-added")).to_have_text("A blank motion was added below; its first field has the focus.")
    page.keyboard.type("Adopt the minutes of the last meeting as written.")
    page.keyboard.press("Tab")  # to "Moved by", whose options the arrow keys walk
    expect(page.locator('[name="motions-0-moved_by"]')).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator('[name="motions-0-moved_by"] option:checked')).to_have_text("Cochair, Casey")
    page.get_by_role("button", name="Add an action item").focus()
    page.keyboard.press("Enter")
    description = page.locator('[name="actions-0-description"]')
    expect(description).to_be_focused()
    page.keyboard.type("Send the adopted minutes to the clerk")
    page.locator('[name="actions-0-owner"]').focus()
    page.keyboard.press("ArrowDown")
    page.locator('[name="actions-0-due_on"]').fill(due)
    assert_accessible(page)
    page.screenshot(path=SHOTS / "item-editor.png", full_page=True)
    page.get_by_role("button", name="Save", exact=True).focus()
    page.keyboard.press("Enter")

    expect(page.get_by_text("The minutes of “Review of minutes” are saved.")).to_be_visible()
    expect(items.nth(0)).to_contain_text("Everyone introduced themselves")
    expect(items.nth(1)).to_contain_text("1 motion, 1 action item")
    assert_accessible(page)
    page.screenshot(path=SHOTS / "overview-after-saving.png", full_page=True)
    motion = Motion.objects.get(text="Adopt the minutes of the last meeting as written.")
    assert motion.agenda_item.position == 2 and motion.moved_by == world.cochair
    action = ActionItem.objects.get()
    assert (action.agenda_item, action.meeting, action.owner) == (motion.agenda_item, meeting, world.cochair)

    # The last item has no "next".
    page.get_by_role("link", name="Edit the minutes of this item: Announcements").click()
    expect(page.get_by_role("button", name="Save and edit the next item")).to_have_count(0)

    # An item added during the minutes goes after the last, and opens its page.
    page.get_by_role("link", name="Write minutes").click()
    page.get_by_label("Title of the item to add").fill("Any other business")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Minutes of 5. Any other business")).to_be_visible()
    expect(page.get_by_text("The item “Any other business” is added: write its minutes.")).to_be_visible()
    assert_accessible(page)
