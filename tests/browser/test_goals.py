"""Co-chairs update their work plan and metrics in the browser; the goals page follows; axe on every page."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, log_in
from tests.goals.factories import plan_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cochair_updates_an_item_and_records_a_measurement(page, live_server, world):
    plan = plan_for(world)
    log_in(page, live_server, "cochair")
    expect(page.get_by_role("heading", name="Work plans: needs attention")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Goals", exact=True).click()
    expect(page.locator(f"#objective-{plan.mentors.pk}")).to_contain_text("20%")
    expect(page.get_by_text("15% done")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Youth Trafficking Committee").first.click()
    expect(page.get_by_role("heading", name="Youth Trafficking Committee: work plan")).to_be_visible()
    expect(page.locator("tr.is-overdue")).to_contain_text("Recruit mentors")
    assert_accessible(page)

    page.get_by_role("link", name="Recruit mentors").click()
    assert_accessible(page)
    page.get_by_role("link", name="Change status, percent or dates").click()
    assert_accessible(page)
    page.get_by_label("Percent done").fill("150")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Enter a percent from 0 to 100.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Status").select_option(label="At risk")
    page.get_by_label("Percent done").fill("60")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("“Recruit mentors” is saved.")).to_be_visible()

    page.get_by_role("textbox", name="Progress update").fill("Six mentors trained; the spring cohort needs a venue.")
    page.get_by_role("button", name="Post the update").click()
    expect(page.get_by_text("Six mentors trained; the spring cohort needs a venue.")).to_be_visible()
    expect(page.locator("dd").filter(has_text="At risk")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/goals/")
    expect(page.locator(f"#objective-{plan.mentors.pk}")).to_contain_text("60%")
    expect(page.get_by_text("35% done")).to_be_visible()  # (60 + 10) / 2

    page.get_by_role("link", name="# active mentors").click()
    chart = page.locator("svg.metric-chart")
    expect(chart).to_be_visible()
    assert chart.locator("polyline").count() == 0  # one figure so far
    assert_accessible(page)
    page.get_by_role("link", name="Record a figure").click()
    assert_accessible(page)
    page.get_by_label("Period starts").fill("2017-01-01")
    page.get_by_label("Period ends").fill("2017-12-31")
    page.get_by_label("Value (mentors)").fill("12")
    page.get_by_label("Source organization").select_option(label="Asian Women's Shelter")
    page.get_by_role("button", name="Record it").click()
    expect(page.get_by_text("A figure is already recorded for this period.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Period starts").fill("2018-01-01")
    page.get_by_label("Period ends").fill("2018-12-31")
    page.get_by_label("Period name").fill("2018")
    page.get_by_role("button", name="Record it").click()
    expect(page.get_by_text("12 mentors for 2018 is recorded.")).to_be_visible()
    expect(chart.locator("polyline")).to_have_count(1)
    expect(chart.locator("desc")).to_contain_text("12 in 2018")
    expect(page.get_by_role("cell", name="2018", exact=True)).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/goals/")
    expect(page.locator(f"#objective-{plan.mentors.pk}")).to_contain_text(re.compile(r"12\s+in 2018"))


def test_a_cochair_of_another_committee_cannot(page, live_server, world):
    plan = plan_for(world)
    log_in(page, live_server, "othercochair")
    page.goto(f"{live_server.url}/committees/youth/workplan/")
    expect(page.get_by_role("heading", name="Youth Trafficking Committee: work plan")).to_be_visible()
    expect(page.get_by_role("link", name="Add an item")).to_have_count(0)
    page.get_by_role("link", name="Recruit mentors").click()
    expect(page.get_by_role("button", name="Post the update")).to_have_count(0)
    assert_accessible(page)
    response = page.goto(f"{live_server.url}/goals/items/{plan.youth_item.pk}/edit/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="You cannot open this page")).to_be_visible()
    assert_accessible(page)
    response = page.goto(f"{live_server.url}/goals/metrics/{plan.youth_metric.pk}/measurements/new/")
    assert response.status == 403


def test_staff_pages_pass_axe(page, live_server, world):
    plan = plan_for(world)
    log_in(page, live_server, "staff")
    for path in [
        "/goals/plan/edit/",
        "/committees/youth/workplan/new/",
        f"/committees/youth/workplan/items/new/?plan={plan.youth_plan.pk}",
        f"/goals/metrics/{plan.adult_metric.pk}/",
        "/committees/task-force/workplan/",
        f"/goals/objectives/{plan.mentors.pk}/edit/",
        f"/goals/metrics/{plan.youth_metric.pk}/edit/",
        f"/goals/measurements/{plan.youth_metric.measurements.get().pk}/edit/",
        f"/goals/items/{plan.adult_item.pk}/",
        "/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert_accessible(page)
    page.goto(f"{live_server.url}/committees/youth/workplan/new/")
    page.get_by_label("Title").fill("Priorities for 2018-2019")
    page.get_by_label("Period starts").fill("2018-07-01")
    page.get_by_label("Period ends").fill("2018-06-01")
    page.get_by_role("button", name="Start the work plan").click()
    expect(page.get_by_text("The period must end on or after the day it starts.")).to_be_visible()
    assert_accessible(page)


def test_staff_add_a_goal_an_objective_and_a_metric_in_the_pages(page, live_server, world):
    plan_for(world)
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/goals/")
    page.get_by_role("link", name="Add a goal").click()
    expect(page.get_by_role("heading", name="Add a goal to the strategic plan")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Number").fill("3")
    page.get_by_label("Title").fill("Protection")
    page.get_by_role("button", name="Add the goal").click()
    expect(page.get_by_text("Goal with this Number already exists.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Number").fill("4")
    page.get_by_role("button", name="Add the goal").click()
    expect(page.get_by_role("heading", name="Goal 4: Protection")).to_be_visible()

    page.get_by_role("link", name="Add an objective to Goal 4").click()
    expect(page.get_by_role("heading", name="Add an objective to Goal 4")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Title").fill("Train shelter staff")
    page.get_by_role("button", name="Add the objective").click()
    expect(page.get_by_text("Name at least one committee responsible.")).to_be_visible()
    page.get_by_label("Youth Trafficking Committee").check()
    page.get_by_role("button", name="Add the objective").click()
    expect(page.get_by_text("“Train shelter staff” is added to Goal 4.")).to_be_visible()
    row = page.locator("tr[id^=objective-]", has_text="Train shelter staff")
    expect(row).to_contain_text("Youth Trafficking Committee")
    assert_accessible(page)

    row.get_by_role("link", name="Add a metric to Train shelter staff").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("# of shelter staff trained")
    page.get_by_label("Unit").fill("staff")
    page.get_by_label("Target", exact=True).fill("40")
    page.get_by_role("button", name="Add the metric").click()
    expect(page.get_by_role("heading", name="# of shelter staff trained")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/goals/")
    expect(page.locator("tr[id^=objective-]", has_text="Train shelter staff")).to_contain_text(
        "# of shelter staff trained"
    )


def test_the_second_of_two_pages_saving_an_item_is_told_and_keeps_its_text(page, live_server, world):
    item = plan_for(world).youth_item
    log_in(page, live_server, "cochair")
    other = page.context.new_page()
    edit = f"{live_server.url}/goals/items/{item.pk}/edit/"
    page.goto(edit)
    other.goto(edit)

    page.get_by_label("What").fill("Recruit twelve mentors")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("“Recruit twelve mentors” is saved.")).to_be_visible()

    other.get_by_label("What").fill("Recruit mentors in the spring")
    other.get_by_role("button", name="Save").click()
    expect(
        other.get_by_text("Someone else saved this item while you were editing, so your changes were not saved.")
    ).to_be_visible()
    expect(other.get_by_label("What")).to_have_value("Recruit mentors in the spring")
    assert_accessible(other)

    other.goto(edit)  # the page as saved now: the first change, and a version it may save from
    expect(other.get_by_label("What")).to_have_value("Recruit twelve mentors")
    other.get_by_label("What").fill("Recruit twelve mentors by spring")
    other.get_by_role("button", name="Save").click()
    expect(other.get_by_text("“Recruit twelve mentors by spring” is saved.")).to_be_visible()


def test_the_work_plan_in_spanish_writes_its_dates_in_spanish(page, live_server, world):
    """The table's dates, the timeline's months and the item's overdue date in Spanish formats; axe passes.
    A screenshot goes to /work/shots/goalsdates (or SHOTS_DIR) when that folder can be made."""
    plan = plan_for(world)
    log_in(page, live_server, "cochair")
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "es", "url": live_server.url}])
    page.goto(f"{live_server.url}/committees/youth/workplan/?plan={plan.youth_plan.pk}")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    row = page.locator("tr.is-overdue")
    expect(row).to_contain_text("01/09/2017")
    expect(row).to_contain_text("31/03/2018")
    expect(page.locator("svg.timeline-chart")).to_contain_text("jul 2017")
    expect(page.locator("main")).not_to_contain_text(re.compile(r"\b(Sep|Mar) \d"))
    assert_accessible(page)
    shots = Path(os.environ.get("SHOTS_DIR", "/work/shots/goalsdates"))
    try:
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "workplan-es.png"), full_page=True)
    except OSError:
        pass
    row.get_by_role("link", name="Recruit mentors").click()
    expect(page.get_by_text("sábado, 31 de marzo de 2018")).to_be_visible()
    assert_accessible(page)


def test_a_member_reads_a_small_count_of_people_as_fewer_than_five(page, live_server, world):
    """4 mentors in 2024: the metric page says "fewer than 5", draws no chart, gives no verdict; axe passes."""
    import datetime

    from goals.models import Measurement
    from tests.browser.helpers import log_in_with_session, screenshot

    plan = plan_for(world)
    Measurement.objects.create(
        metric=plan.youth_metric,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 12, 31),
        value=4,
    )
    log_in_with_session(page, live_server, world.member.user)
    page.goto(f"{live_server.url}/goals/metrics/{plan.youth_metric.pk}/")
    expect(page.locator("dd").filter(has_text="fewer than 5 in 2024")).to_be_visible()
    expect(page.get_by_role("cell", name="fewer than 5")).to_be_visible()
    expect(page.locator("svg.metric-chart")).to_have_count(0)
    expect(page.get_by_text("No chart: it would show figures below 5")).to_be_visible()
    expect(page.get_by_text("target not yet met")).to_have_count(0)
    screenshot(page, Path("/work/shots/conf"), "metric-small-count-member-test")
    assert_accessible(page)
    page.goto(f"{live_server.url}/goals/")
    expect(page.locator(f"#objective-{plan.mentors.pk}")).to_contain_text(re.compile(r"fewer than 5\s+in 2024"))
    assert_accessible(page)
