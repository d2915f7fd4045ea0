"""Reminders in the browser: a member finds their reminder choices from the account menu and turns the daily digest
off; the worker's daily job then sends them nothing while the co-chair gets theirs (over loopback SMTP); the digest's
unsubscribe link works in a browser without logging in. A visitor with an agenda email's link unsubscribes too. Every
page passes axe."""

import datetime
import io
import os
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from reminders.models import ReminderPreference, ReminderSent
from reminders.tasks import pending_digest_jobs
from tests.browser.helpers import assert_accessible, log_in
from tests.reminders.test_digest_mail import _parts, busy_world, smtp  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "/work/shots/reminders"


@pytest.fixture(autouse=True)
def _shots_folder():
    os.makedirs(SHOTS, exist_ok=True)


def run_the_daily_job():
    """The hour has come: the worker runs the queued digest job (what `manage.py db_worker` does)."""
    call_command("schedule_reminders", stdout=io.StringIO())
    pending_digest_jobs().update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=io.StringIO())


def test_member_turns_the_digest_off_and_the_daily_job_skips_them(
    page,
    live_server,
    smtp,  # noqa: F811
    busy_world,  # noqa: F811
    settings,
):
    world, _meeting = busy_world
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.REMINDER_HOUR = 0  # any time of the test's day is after the hour

    log_in(page, live_server, "member")
    expect(page.get_by_role("heading", name="Welcome, Morgan")).to_be_visible()
    account_menu = page.get_by_role("navigation", name="Main")
    account_menu.get_by_role("link", name="Reminders").click()
    expect(page).to_have_url(f"{live_server.url}/accounts/reminders/")
    expect(page.get_by_role("heading", name="Your reminders")).to_be_visible()
    expect(page.get_by_text("Reminders go by email to member@example.org.")).to_be_visible()
    expect(page.get_by_label("Daily digest")).to_be_checked()
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/01-preferences.png", full_page=True)

    page.get_by_label("Daily digest").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text("Your reminder choices are saved.")
    expect(page.get_by_label("Daily digest")).not_to_be_checked()
    expect(page.get_by_label("Agenda published")).to_be_checked()
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/02-preferences-saved.png", full_page=True)
    preference = ReminderPreference.objects.get(user=world.member.user)
    assert preference.daily_digest is False and preference.agenda_published is True

    run_the_daily_job()

    # The member has an overdue action item and a meeting this week, yet hears nothing; the co-chair of the same
    # committee gets their digest.
    assert smtp.to("member@example.org") == []
    assert not ReminderSent.objects.filter(user=world.member.user).exists()
    [digest] = smtp.to("cochair@example.org")
    text, html = _parts(digest)
    assert "Youth committee, December" in text

    # The co-chair reads the digest's HTML part (on a blank page, as a mail program shows it: no site styles or
    # policy), then opens its unsubscribe link in a browser where nobody is logged in.
    visitor_context = page.context.browser.new_context()
    visitor = visitor_context.new_page()
    visitor.emulate_media(reduced_motion="reduce")
    visitor.set_content(html)
    expect(visitor.get_by_role("heading", name="Task Force reminders")).to_be_visible()
    expect(visitor.get_by_role("link", name="Stop this daily digest")).to_be_visible()
    visitor.screenshot(path=f"{SHOTS}/03-digest-email.png", full_page=True)
    link = urlparse(visitor.get_by_role("link", name="Stop this daily digest").get_attribute("href"))
    assert link.geturl() == digest["List-Unsubscribe"].strip("<>") and link.geturl() in text
    visitor.goto(f"{live_server.url}{link.path}")
    expect(visitor.get_by_role("button", name="Unsubscribe")).to_be_visible()
    expect(visitor.get_by_role("link", name="Log in")).to_be_visible()  # nobody is logged in
    assert_accessible(visitor)
    visitor.screenshot(path=f"{SHOTS}/04-digest-unsubscribe-ask.png", full_page=True)
    assert ReminderPreference.of(world.cochair.user).daily_digest is True  # opening the link changes nothing
    visitor.get_by_role("button", name="Unsubscribe").click()
    expect(visitor.get_by_text("no longer get the daily digest")).to_be_visible()
    assert_accessible(visitor)
    visitor.screenshot(path=f"{SHOTS}/05-digest-unsubscribe-done.png", full_page=True)
    visitor_context.close()
    assert ReminderPreference.of(world.cochair.user).daily_digest is False


def test_visitor_unsubscribes_with_the_emails_link(page, live_server, world):
    token = ReminderPreference.unsubscribe_token(world.member.user, "agenda_published")
    page.goto(f"{live_server.url}/accounts/reminders/unsubscribe/{token}/")
    expect(page.get_by_text("Stop getting an email when an agenda is published?")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/06-agenda-unsubscribe-ask.png", full_page=True)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_text("Done: you will no longer get an email when an agenda is published.")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/07-agenda-unsubscribe-done.png", full_page=True)
    assert ReminderPreference.objects.get(user=world.member.user).agenda_published is False
