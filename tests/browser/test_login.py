"""A person logs in through the browser and reaches the dashboard; every page passes axe."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_logs_in_and_sees_the_dashboard(page, live_server, world):
    page.goto(f"{live_server.url}/")
    assert_accessible(page)
    page.get_by_role("link", name="Log in").first.click()
    assert_accessible(page)
    log_in(page, live_server, "member")
    expect(page.get_by_role("heading", name="Welcome, Morgan")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert_accessible(page)


def test_skip_link_is_first_by_keyboard(page, live_server, world):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"


def test_wrong_password_is_explained(page, live_server, world):
    log_in(page, live_server, "member", password="not it")
    expect(page.get_by_text("Please enter a correct username and password")).to_be_visible()
    assert_accessible(page)


def test_the_menu_shows_the_same_focus_ring_as_the_page(page, live_server, world):
    """Keyboard focus on the navy menu is the yellow ring every other control has, not Bootstrap's dark shadow,
    which could not be seen there."""
    log_in(page, live_server, "member")
    link = page.locator(".site-header .navbar .nav-link").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focused by keyboard, so :focus-visible applies
    assert page.evaluate("document.activeElement.classList.contains('nav-link')")
    ring = page.evaluate(
        "(() => { const style = getComputedStyle(document.activeElement);"
        " return [style.outlineStyle, style.outlineWidth, style.outlineColor]; })()"
    )
    assert ring == ["solid", "3px", "rgb(242, 183, 5)"]
