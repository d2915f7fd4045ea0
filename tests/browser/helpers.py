"""What browser tests share: logging in (through the real form, or with a session for tests about other
pages), and the axe check."""

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.conftest import PASSWORD

_axe = Axe()


def log_in(page, live_server, username, password=PASSWORD):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def log_in_with_session(page, live_server, user):
    """Give the browser a logged-in session of `user` without the login form: for tests whose subject is
    other pages (the form itself is walked in tests/browser/test_login.py and by `log_in`)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def assert_accessible(page):
    """Fail on any axe violation (WCAG 2.1 A and AA and best practices) on the page as shown."""
    results = _axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def choose_person(page, name, label, search=None):
    """Choose `label` in the person select `name`: from its attendees, or found by typing `search` into the
    registry search under it (static/js/person_picker.js), by keyboard."""
    if search:
        box = page.locator(f"#id_{name}_search")
        box.fill(search)
        box.press("Enter")
        expect(page.locator(f"#id_{name}_found")).to_contain_text(f"{label} is chosen as")
    else:
        page.locator(f'[name="{name}"]').select_option(label=label)
    expect(page.locator(f'[name="{name}"] option:checked')).to_have_text(label)


def screenshot(page, folder, name):
    """Save the whole page as folder/name.png, only when that folder exists (on the developers' machine, where
    the screenshots are looked at; not in CI)."""
    if folder.is_dir():
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
