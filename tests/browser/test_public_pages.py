"""A visitor who is not logged in starts at the home page and reaches, by clicking, the public annual report
(page and PDF), the public meetings' published agendas and approved minutes, the public calendar feed, and the
resource list with its pamphlets; nothing members-only is offered on the way."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import AgendaItem, Meeting
from tests.browser.helpers import assert_accessible
from tests.reports.helpers import accepted_submission, make_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "/work/shots/roster"


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def meeting(committee, days, **fields):
    start = timezone.now().replace(microsecond=0, second=0) + datetime.timedelta(days=days)
    return Meeting.objects.create(
        committee=committee,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        location="City Hall, Room 201",
        is_public=committee.meetings_are_public,
        **fields,
    )


@pytest.fixture
def public_things(world):
    published = make_year(2024, state="published", public_after_publish=True)
    accepted_submission(published, world.legal_aid, 14)
    make_year(2023, state="published", public_after_publish=False)  # members only
    make_year(2025)  # still collecting
    earlier = meeting(world.task_force, -40, title="January task force meeting")
    earlier.approve_minutes(at=meeting(world.task_force, -10, title="February task force meeting"))
    coming = meeting(world.task_force, 12, title="March task force meeting", agenda_state="published")
    AgendaItem.objects.create(meeting=coming, title="Outreach to nail salons", position=1)
    meeting(world.task_force, 40, title="April task force meeting")  # agenda still a draft
    private = meeting(world.youth, 5, title="Youth committee working session", agenda_state="published")
    private.approve_minutes(at=meeting(world.youth, 20, title="Youth committee follow-up"))
    return published


def back_home(page, live_server):
    page.get_by_role("link", name="Home").first.click()
    expect(page.get_by_role("heading", name="Annual reports")).to_be_visible()


def test_a_visitor_reaches_every_public_page_from_the_home_page(page, live_server, world, public_things):
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Annual reports")).to_be_visible()
    # Only what anyone may read is offered.
    body = page.locator("main").inner_text()
    assert "2023" not in body and "2025" not in body
    assert "Youth committee" not in body and "April task force meeting" not in body
    page.screenshot(path=f"{SHOTS}/public-home.png", full_page=True)
    assert_accessible(page)

    page.get_by_role("link", name="The 2024 annual report").click()
    expect(page).to_have_url(f"{live_server.url}/reports/2024/")
    expect(page.get_by_role("heading", name="Contents")).to_be_visible()
    page.screenshot(path=f"{SHOTS}/public-report-2024.png")
    assert_accessible(page)
    back_home(page, live_server)

    # A PDF or a calendar file opens outside the page: follow the link's address as the browser would.
    pdf = page.request.get(live_server.url + page.get_by_role("link", name="2024 report as PDF").get_attribute("href"))
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")

    page.get_by_role("link", name="Agenda of March task force meeting").click()
    expect(page.get_by_text("Outreach to nail salons")).to_be_visible()
    page.screenshot(path=f"{SHOTS}/public-agenda.png", full_page=True)
    assert_accessible(page)
    back_home(page, live_server)

    page.get_by_role("link", name="Minutes of January task force meeting").click()
    expect(page).to_have_url(
        f"{live_server.url}/meetings/{Meeting.objects.get(title__startswith='January').pk}/minutes/"
    )
    page.screenshot(path=f"{SHOTS}/public-minutes.png", full_page=True)
    assert_accessible(page)
    back_home(page, live_server)

    feed = page.get_by_role("link", name="Public calendar feed (.ics)").get_attribute("href")
    calendar = page.request.get(live_server.url + feed).text()
    assert calendar.startswith("BEGIN:VCALENDAR") and "March task force meeting" in calendar
    assert "Youth committee" not in calendar

    page.get_by_role("link", name="All public meetings").click()
    expect(page.get_by_role("link", name="March task force meeting")).to_be_visible()
    assert_accessible(page)
    back_home(page, live_server)

    page.get_by_role("link", name="The resource list").click()
    expect(page).to_have_url(f"{live_server.url}/resources/")
    assert_accessible(page)
    back_home(page, live_server)
    page.get_by_role("link", name="Printable pamphlets (PDF)").click()
    pamphlet = page.get_by_role("link", name="Pamphlet in English (PDF, Letter)")
    expect(pamphlet).to_be_in_viewport()
    page.screenshot(path=f"{SHOTS}/public-pamphlets.png")
    assert_accessible(page)
    response = page.request.get(f"{live_server.url}{pamphlet.get_attribute('href')}")
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"


def test_the_reports_index_is_open_to_visitors_once_a_report_is_public(client, world, public_things):
    response = client.get("/reports/")
    assert response.status_code == 200
    assert [year.year for year in response.context["years"]] == [2024]


def test_no_public_report_means_the_index_still_asks_to_log_in(client, world):
    make_year(2023, state="published", public_after_publish=False)
    assert client.get("/reports/").status_code == 302
    assert "No annual report is public yet." in client.get("/").content.decode()
