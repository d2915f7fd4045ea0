"""Staff type an agenda item's minutes with several motions and action items: "add another" clones a blank row, keyboard and
screen-reader friendly; anyone in the registry can move a motion; each result shows in the minutes."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import ActionItem, AgendaItem, Attendance, Meeting, Motion
from members.models import Person
from tests.browser.helpers import assert_accessible, choose_person, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


SHOTS = Path("/work/shots/minutes")


def test_staff_add_several_motions_and_action_items_in_one_save(page, live_server, world):
    start = timezone.now() - datetime.timedelta(days=2)
    meeting = Meeting.objects.create(
        committee=world.task_force, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    for position, title in enumerate(["Welcome", "Review of minutes", "Case trends"], start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, title=title)
    Attendance.objects.create(meeting=meeting, person=world.member, organization=world.shelter)
    Person.objects.create(given_name="Nadia", family_name="Notyet")  # not recorded as attending
    due = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()

    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/minutes/edit/")
    page.get_by_role("link", name="Edit the minutes of this item: Case trends").click()
    page.wait_for_load_state("load")  # minutes_rows.js adds the buttons
    assert_accessible(page)

    add_motion = page.get_by_role("button", name="Add a motion")
    add_motion.click()  # the page opens with the item's own rows only
    # Only the attendees are listed; anyone else in the registry is found by the search under each select.
    expect(page.locator('[name="motions-0-moved_by"] option')).to_have_text(["- Select an option -", "Member, Morgan"])
    motions = [
        ("Invite the school district.", "Notyet, Nadia", "Adopted", "notyet"),
        ("Buy a boat.", "Member, Morgan", "Failed", None),
        ("Rename the committee.", "Cochair, Casey", "Tabled", "casey coch"),
    ]
    for index, (text, mover, result, search) in enumerate(motions):
        if index:
            add_motion.focus()
            page.keyboard.press("Enter")  # keyboard usable
            expect(page.locator(f'[name="motions-{index}-text"]')).to_be_focused()
            expect(page.locator("#rows-added")).to_have_text(
                "A blank motion was added below; its first field has the focus."
            )
        page.locator(f'[name="motions-{index}-text"]').fill(text)
        choose_person(page, f"motions-{index}-moved_by", mover, search)
        page.locator(f'[name="motions-{index}-result"]').select_option(label=result)
    expect(page.locator('[name="motions-TOTAL_FORMS"]')).to_have_value("3")

    add_action = page.get_by_role("button", name="Add an action item")
    for index, (description, owner, search) in enumerate(
        [
            ("Write to the district", "Notyet, Nadia", "Nadia"),
            ("Price a boat", "Staffer, Sam", "staffer"),
            ("Ask for names", "Member, Morgan", None),
        ]
    ):
        add_action.click()
        expect(page.locator(f'[name="actions-{index}-description"]')).to_be_focused()
        page.locator(f'[name="actions-{index}-description"]').fill(description)
        choose_person(page, f"actions-{index}-owner", owner, search)
        page.locator(f'[name="actions-{index}-due_on"]').fill(due)
    # Labels of the cloned rows name their own fields (no id points at the blank template's).
    for index in (1, 2):
        expect(page.locator(f'label[for="id_actions-{index}-description"]')).to_have_count(1)
        expect(page.locator(f"#id_actions-{index}-description")).to_have_count(1)
    assert_accessible(page)
    page.locator("#id_actions-1-owner").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "person-picker-found.png")

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The minutes of “Case trends” are saved.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("3 motions, 3 action items")
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/minutes/")
    assert_accessible(page)
    main = page.locator("main")
    expect(main).to_contain_text("Invite the school district. [Notyet] Result: Adopted.")
    expect(main).to_contain_text("Buy a boat. [Member] Result: Failed.")
    expect(main).to_contain_text("Rename the committee. [Cochair] Result: Tabled.")
    for description in ("Write to the district", "Price a boat", "Ask for names"):
        expect(main.get_by_role("cell", name=description)).to_be_visible()
    expect(main.locator("p.attendees")).to_have_text("Morgan Member, Asian Women's Shelter")
    assert Motion.objects.count() == 3 and ActionItem.objects.count() == 3


def test_without_javascript_the_attendees_are_chosen_and_saved(browser, live_server, world):
    start = timezone.now() - datetime.timedelta(days=2)
    meeting = Meeting.objects.create(
        committee=world.task_force, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    Attendance.objects.create(meeting=meeting, person=world.member, organization=world.shelter)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server, "staff")
    item = meeting.agenda_items.get()
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/minutes/items/{item.pk}/edit/")
    # The search needs the script, so it is hidden (axe needs scripts too: it checks this page with them above).
    expect(page.locator("#id_motions-0-moved_by_search")).to_be_hidden()
    # The link opens the page again with one blank motion to fill.
    page.get_by_role("link", name="Add a motion").click()
    page.locator('[name="motions-0-text"]').fill("Adopt the agenda.")
    page.locator('[name="motions-0-moved_by"]').select_option(label="Member, Morgan")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The minutes of “Welcome” are saved.")).to_be_visible()
    assert Motion.objects.get().moved_by == world.member
    assert Motion.objects.get().agenda_item == item
    context.close()
