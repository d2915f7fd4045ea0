"""A member makes a private calendar link on the dashboard, copies it into a calendar app, and revokes it."""

import datetime

import ics
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meetings(world):
    from meetings.models import Meeting

    for committee, days, title, public in (
        (world.youth, 5, "Open youth forum", True),
        (world.youth, 3, "Youth committee (members only)", False),
        (world.adult, 4, "Adult committee (members only)", False),
    ):
        start = timezone.now() + datetime.timedelta(days=days)
        Meeting.objects.create(
            committee=committee,
            title=title,
            is_public=public,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
        )


def test_member_creates_sees_and_revokes_the_private_calendar_link(page, browser, live_server, world, meetings):
    log_in(page, live_server, "member")
    panel = page.get_by_role("region", name="My private calendar link")
    expect(panel).to_be_visible()
    assert_accessible(page)

    panel.get_by_role("button", name="Create my private calendar link").click()
    expect(page.get_by_text("Your private calendar link is ready.")).to_be_visible()
    link = panel.get_by_label("All my meetings")
    expect(link).to_have_attribute("readonly", "")
    url = link.input_value()
    assert url.startswith(f"{live_server.url}/meetings/calendar/private/") and url.endswith(".ics")
    expect(panel.get_by_label("Youth Trafficking Committee only")).to_be_visible()
    expect(panel.get_by_text("It is shown only this once")).to_be_visible()
    assert_accessible(page)

    # A calendar app: no session, only the link.
    calendar_app = browser.new_context().request
    response = calendar_app.get(url)
    assert response.status == 200
    assert {event.name for event in ics.Calendar(response.text()).events} == {
        "Open youth forum",
        "Youth committee (members only)",
    }

    page.reload()
    expect(panel.get_by_text("You have a private calendar link.")).to_be_visible()
    expect(panel.get_by_role("textbox")).to_have_count(0)
    expect(panel.get_by_role("button", name="Replace my private calendar link")).to_be_visible()
    assert_accessible(page)

    panel.get_by_role("button", name="Revoke my private calendar link").click()
    expect(page.get_by_text("Your private calendar link no longer works.")).to_be_visible()
    expect(panel.get_by_role("button", name="Create my private calendar link")).to_be_visible()
    assert_accessible(page)
    assert calendar_app.get(url).status == 404
