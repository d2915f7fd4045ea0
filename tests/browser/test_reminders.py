"""A member turns off the daily digest on the reminders page, and a visitor with the email's link unsubscribes
from the agenda emails without logging in; both pages pass axe."""

import pytest
from playwright.sync_api import expect

from reminders.models import ReminderPreference
from tests.browser.helpers import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "/work/shots/reminders"


def test_member_chooses_reminders(page, live_server, world):
    log_in(page, live_server, "member")
    page.get_by_role("link", name="Reminders").click()
    expect(page.get_by_role("heading", name="Your reminders")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/preferences.png", full_page=True)
    page.get_by_label("Daily digest").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your reminder choices are saved.")).to_be_visible()
    expect(page.get_by_label("Daily digest")).not_to_be_checked()
    expect(page.get_by_label("Agenda published")).to_be_checked()
    assert_accessible(page)
    preference = ReminderPreference.objects.get(user=world.member.user)
    assert preference.daily_digest is False and preference.agenda_published is True


def test_visitor_unsubscribes_with_the_emails_link(page, live_server, world):
    token = ReminderPreference.unsubscribe_token(world.member.user, "agenda_published")
    page.goto(f"{live_server.url}/accounts/reminders/unsubscribe/{token}/")
    expect(page.get_by_text("Stop getting an email when an agenda is published?")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/unsubscribe-ask.png", full_page=True)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_text("Done: you will no longer get an email when an agenda is published.")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/unsubscribe-done.png", full_page=True)
    assert ReminderPreference.objects.get(user=world.member.user).agenda_published is False
