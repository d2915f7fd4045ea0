"""Staff preview the annual report: the headline figures, each metric as of the report's year, and a
metric of organizations published as it is once staff say it does not count people."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from goals.models import Goal, Measurement, Metric, Objective, StrategicPlan
from meetings.models import Meeting
from reports.models import ReportingYear
from tests.browser.helpers import assert_accessible, log_in
from tests.reports.helpers import accepted_submission, default_categories, make_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/shots/report")


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def shoot(locator, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture
def report_year(world):
    default_categories()
    year = make_year(2025)
    accepted_submission(year, world.legal_aid, 30, traffickers_identified=9, convictions_vacated=6)
    accepted_submission(year, world.shelter, 12, traffickers_identified=3)
    accepted_submission(year, world.dosw, 50, counts=False)
    accepted_submission(make_year(2024), world.legal_aid, 35)
    for day in (3, 10):
        start = timezone.make_aware(datetime.datetime(2025, 3, day, 13, 30))
        Meeting.objects.create(
            committee=world.task_force, starts_at=start, ends_at=start + datetime.timedelta(hours=2), location="Room"
        )
    StrategicPlan.objects.create(mission="End trafficking together.", vision="A city free of trafficking.")
    goal = Goal.objects.create(number=1, title="Link, support and engage services")
    objective = Objective.objects.create(goal=goal, title="Trauma-informed workplaces")
    corporations = Metric.objects.create(
        objective=objective, name="# of corporations providing placements", unit="corporations", target=15
    )
    mentors = Metric.objects.create(objective=objective, name="# of active mentors", unit="mentors", position=1)
    for metric, values in [(corporations, {2019: 8, 2024: 3}), (mentors, {2019: 22, 2025: 4})]:
        for number, value in values.items():
            Measurement.objects.create(
                metric=metric,
                period_start=datetime.date(number, 1, 1),
                period_end=datetime.date(number, 12, 31),
                value=value,
                is_sample=True,
            )
    return year


def test_staff_preview_the_summary_and_metrics_and_mark_a_metric_of_organizations(
    page, live_server, world, report_year
):
    log_in(page, live_server, "staff")
    page.get_by_role("link", name="Annual report").click()
    page.get_by_role("link", name="2025 report").click()
    expect(page.get_by_role("heading", name="Annual Report on Human Trafficking, 2025")).to_be_visible()

    summary = page.locator("#executive-summary")
    expect(summary.get_by_role("heading", name="2025 at a glance")).to_be_visible()
    identified = summary.locator(".headline-figure").filter(has_text="People identified as trafficked")
    expect(identified.locator(".figure")).to_have_text("42")
    expect(identified).to_contain_text("+7 (+20%) from 2024")
    expect(summary.locator(".headline-figure").filter(has_text="Agencies reporting")).to_contain_text("2")
    expect(summary.locator(".headline-figure").filter(has_text="Meetings held").locator(".figure")).to_have_text("2")
    expect(summary.get_by_text("Draft: staff's own summary of 2025 appears here")).to_be_visible()
    shoot(summary, "preview-executive-summary")

    about = page.locator("#about")
    expect(about.get_by_role("heading", name="Mission")).to_have_count(1)
    goals = page.locator("#goals")
    corporations = goals.locator(".metric-block").filter(has_text="# of corporations")
    mentors = goals.locator(".metric-block").filter(has_text="# of active mentors")
    # Counted as people until staff say otherwise: 3 is "fewer than 5".
    expect(corporations).to_contain_text("No measurement for 2025; the latest, for 2024: fewer than 5")
    expect(mentors).to_contain_text("2025: fewer than 5")
    expect(mentors).to_contain_text("(sample data)")
    shoot(goals, "preview-goals-before")
    assert_accessible(page)

    # Staff say the corporations metric counts organizations, not people.
    page.goto(f"{live_server.url}{Metric.objects.get(unit='corporations').get_absolute_url()}")
    expect(page.get_by_text("A count of people: a figure from 1 to 4 reads “fewer than 5”")).to_be_visible()
    page.get_by_role("link", name="Change the metric or its target").click()
    page.get_by_label("Counts people").uncheck()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("A count of organizations, programs or things")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/reports/2025/")
    corporations = page.locator("#goals .metric-block").filter(has_text="# of corporations")
    expect(corporations).to_contain_text("No measurement for 2025; the latest, for 2024: 3; target 15")
    expect(corporations).to_contain_text("In 2024 the target was not yet met.")
    expect(corporations.locator("svg")).to_have_count(1)
    shoot(page.locator("#goals"), "preview-goals-after")
    assert_accessible(page)
    assert ReportingYear.objects.get(year=2025).state != ReportingYear.State.PUBLISHED
