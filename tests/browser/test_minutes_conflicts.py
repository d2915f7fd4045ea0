"""Two people write the same minutes in two browsers: changes to different items both go through; a change to
the item the other saved is refused, naming it and who saved it, and saving again knowingly replaces theirs."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import AgendaItem, Meeting, Motion
from tests.browser.helpers import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/shots/minutes")


@pytest.fixture
def meeting(world):
    start = timezone.now() - datetime.timedelta(days=2)
    meeting = Meeting.objects.create(
        committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    for position, title in enumerate(["Welcome", "Review of minutes", "Case trends"], start=1):
        item = AgendaItem.objects.create(meeting=meeting, position=position, title=title)
    Motion.objects.create(agenda_item=item, text="Invite the school district.")
    return meeting


def item_url(live_server, meeting, position):
    item = meeting.agenda_items.get(position=position)
    return f"{live_server.url}/meetings/{meeting.pk}/minutes/items/{item.pk}/edit/"


def open_minutes(browser, live_server, persona, meeting, position):
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(reduced_motion="reduce")
    log_in(page, live_server, persona)
    page.goto(item_url(live_server, meeting, position))
    page.wait_for_load_state("load")
    return context, page


def save(page):
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state("load")


def test_two_editors_in_two_browsers(browser, live_server, world, meeting):
    staff_context, staff = open_minutes(browser, live_server, "staff", meeting, 1)
    cochair_context, cochair = open_minutes(browser, live_server, "cochair", meeting, 3)

    # Different items: both saves go through.
    staff.locator('[name="item-minutes"]').fill("- Everyone introduced themselves")
    cochair.locator('[name="item-minutes"]').fill("- Referrals are up")
    cochair.locator('[name="motions-0-result"]').select_option(label="Tabled")
    save(staff)
    expect(staff.get_by_text("The minutes of “Welcome” are saved.")).to_be_visible()
    save(cochair)
    expect(cochair.get_by_text("The minutes of “Case trends” are saved.")).to_be_visible()
    cochair.goto(f"{live_server.url}/meetings/{meeting.pk}/minutes/")
    main = cochair.locator("main")
    expect(main).to_contain_text("Everyone introduced themselves")
    expect(main).to_contain_text("Referrals are up")
    expect(main).to_contain_text("Result: Tabled.")

    # The same motion: the second save is refused, naming the motion and who saved it.
    staff.goto(item_url(live_server, meeting, 3))
    cochair.goto(item_url(live_server, meeting, 3))
    staff.locator('[name="motions-0-text"]').fill("Invite the school district to present.")
    cochair.locator('[name="motions-0-text"]').fill("Invite the district and the county.")
    cochair.locator('[name="item-minutes"]').fill("- Referrals are up\n- Adopted as written")
    save(staff)
    expect(staff.get_by_text("The minutes of “Case trends” are saved.")).to_be_visible()
    save(cochair)
    summary = cochair.get_by_role("alert").filter(has_text="Nothing was saved")
    expect(summary).to_contain_text("the motion “Invite the school district to present.”, saved by Sam Staffer at")
    row = cochair.locator("fieldset", has=cochair.locator('[name="motions-0-text"]'))
    expect(row).to_contain_text("Sam Staffer saved the motion “Invite the school district to present.” at")
    expect(cochair.locator('[name="motions-0-text"]')).to_have_value("Invite the district and the county.")
    expect(cochair.locator('[name="item-minutes"]')).to_have_value("- Referrals are up\n- Adopted as written")
    assert_accessible(cochair)
    cochair.screenshot(path=SHOTS / "conflict-summary.png")
    row.scroll_into_view_if_needed()
    cochair.screenshot(path=SHOTS / "conflict-row.png")
    assert Motion.objects.get().text == "Invite the school district to present."

    # Told, they save again: their text replaces the other, with the rest of what they typed.
    save(cochair)
    expect(cochair.get_by_text("The minutes of “Case trends” are saved.")).to_be_visible()
    assert_accessible(cochair)
    assert Motion.objects.get().text == "Invite the district and the county."
    minutes = AgendaItem.objects.get(meeting=meeting, position=3).minutes
    assert minutes.replace("\r\n", "\n") == "- Referrals are up\n- Adopted as written"  # a browser sends CR LF
    staff_context.close()
    cochair_context.close()
