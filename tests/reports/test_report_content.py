"""What the annual report says: headline figures, goal metrics as of the report's year, who is suppressed,
one mission, and no internal wording from the demo loaders."""

import datetime
import html
import io
import re
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from goals.models import Goal, Measurement, Metric, Objective, StrategicPlan
from meetings.models import Meeting
from reports.models import Narrative, Recommendation, ReportingYear
from tests.reports.helpers import accepted_submission, make_year
from tests.versions import version_of

pytestmark = pytest.mark.django_db

# Words that belong to the people who built the demo, never to a reader of the report.
INTERNAL_WORDING = re.compile(r"\bseeds?\b|shared/|our reading|TODO|FIXME", re.IGNORECASE)


def section(body: str, section_id: str) -> str:
    """The HTML of one section of the report page."""
    start = body.index(f'<section class="report-section" id="{section_id}"')
    return body[start : body.index("</section>", start)]


def text_of(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).replace(" ;", ";").strip()


def meeting_in(year: int, committee, day: int):
    start = timezone.make_aware(datetime.datetime(year, 3, day, 13, 30))
    return Meeting.objects.create(
        committee=committee, starts_at=start, ends_at=start + datetime.timedelta(hours=2), location="City Hall"
    )


def metric_with(name, unit, values, *, counts_people=True, target=None):
    goal, _ = Goal.objects.get_or_create(number=1, defaults={"title": "Prevention"})
    objective, _ = Objective.objects.get_or_create(goal=goal, title="Train and place")
    metric = Metric.objects.create(
        objective=objective, name=name, unit=unit, counts_people=counts_people, target=target
    )
    for year, value in values.items():
        Measurement.objects.create(
            metric=metric,
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
            value=value,
        )
    return metric


def report_page(client_as, year: int) -> str:
    return client_as("staff").get(reverse("reports:report", args=[year])).content.decode()


# --- Executive summary -----------------------------------------------------------------------------


def test_the_executive_summary_states_the_years_headline_figures(client_as, world, year):
    accepted_submission(year, world.legal_aid, 30, traffickers_identified=9, convictions_vacated=6)
    accepted_submission(year, world.shelter, 12)
    accepted_submission(year, world.dosw, 50, counts=False)
    accepted_submission(ReportingYear.objects.create(year=2024, due_on="2025-01-31"), world.legal_aid, 35)
    for day in (3, 10, 17):
        meeting_in(2025, world.task_force, day)
    meeting_in(2025, world.youth, 5)
    meeting_in(2024, world.youth, 5)  # another year: not counted
    Narrative.objects.create(
        reporting_year=year, kind=Narrative.Kind.EXECUTIVE_SUMMARY, text="Our own words about 2025."
    )

    summary = text_of(section(report_page(client_as, 2025), "executive-summary"))

    assert "2025 at a glance" in summary
    assert "People identified as trafficked 42 +7 (+20%) from 2024" in summary
    assert "Traffickers identified 9" in summary
    assert "Convictions vacated or expunged 6" in summary
    assert "Agencies reporting 2 and 1 more whose figures are not added to the totals" in summary
    assert "Meetings held 4 by the task force and its committees" in summary
    assert summary.index("at a glance") < summary.index("Our own words about 2025.")
    assert "Draft:" not in summary


def test_headline_people_counts_are_suppressed_like_the_tables(client_as, world, year):
    accepted_submission(year, world.legal_aid, 3, traffickers_identified=2, convictions_vacated=1)
    accepted_submission(ReportingYear.objects.create(year=2024, due_on="2025-01-31"), world.legal_aid, 20)

    summary = section(report_page(client_as, 2025), "executive-summary")

    flat = text_of(summary)
    assert "People identified as trafficked fewer than 5 20 in 2024" in flat
    assert "Traffickers identified fewer than 5" in flat
    assert "Convictions vacated or expunged fewer than 5" in flat
    # No change is given: "-17 from 2024" would give the small count away.
    assert "from 2024" not in flat
    assert ">3<" not in summary and ">2<" not in summary
    # Agencies are not people: one agency reporting is said as it is.
    assert "Agencies reporting 1" in flat


def test_a_draft_without_staff_text_says_where_it_goes_and_a_published_one_does_not(client_as, world, year):
    accepted_submission(year, world.legal_aid, 12)

    draft = text_of(section(report_page(client_as, 2025), "executive-summary"))
    assert "People identified as trafficked 12" in draft
    assert "no accepted figures for 2024 to compare" in draft
    assert "Draft: staff's own summary of 2025 appears here" in draft

    year.state = ReportingYear.State.PUBLISHED
    year.save()
    published = text_of(section(report_page(client_as, 2025), "executive-summary"))
    assert "People identified as trafficked 12" in published and "Meetings held 0" in published
    assert "Draft" not in published and "Staff have not written" not in published


# --- Goal metrics as of the report's year --------------------------------------------------------------


def test_a_metric_shows_the_reports_year_and_never_a_later_one(client_as, world, year):
    make_year(2024)
    metric_with("# of students trained", "students", {2019: 1750, 2024: 2100, 2025: 2300}, target=2000)

    for report_year, expected, unexpected in [
        (2025, "2025: 2,300; target 2,000", ["No measurement for 2025"]),
        (2024, "2024: 2,100; target 2,000", ["2,300", "No measurement for 2024"]),
    ]:
        goals = text_of(section(report_page(client_as, report_year), "goals"))
        assert expected in goals, goals
        assert "The target is met." in goals
        for words in unexpected:
            assert words not in goals


def test_a_metric_without_a_figure_for_the_year_says_so_and_labels_the_latest(client_as, world, year):
    metric_with("# of new housing units", "housing units", {2017: 12, 2019: 47}, counts_people=False, target=60)

    goals = text_of(section(report_page(client_as, 2025), "goals"))

    assert "No measurement for 2025; the latest, for 2019: 47; target 60" in goals
    assert "In 2019 the target was not yet met." in goals
    assert "The target is not met yet." not in goals


def test_a_metric_measured_only_after_the_year_shows_nothing(client_as, world, year):
    make_year(2018)
    metric_with("# of active mentors", "mentors", {2019: 22})

    goals = text_of(section(report_page(client_as, 2018), "goals"))

    assert "No measurement up to 2018" in goals and "22" not in goals
    assert "<svg" not in section(report_page(client_as, 2018), "goals")


# --- Suppression: people, not organizations ------------------------------------------------------------


def test_small_counts_of_people_are_hidden_and_of_organizations_are_not(client_as, world, year):
    metric_with("# of corporations providing placements", "corporations", {2024: 2, 2025: 3}, counts_people=False)
    metric_with("# of active mentors", "mentors", {2024: 9, 2025: 4}, counts_people=True)

    html = section(report_page(client_as, 2025), "goals")
    corporations, mentors = html.split('<div class="metric-block">')[1:3]

    assert "2025: <strong>3</strong>" in corporations
    assert "<svg" in corporations  # a chart: its figures identify nobody
    assert "2025: <strong>fewer than 5</strong>" in mentors
    assert "<svg" not in mentors and "No chart: some of its figures are below 5" in mentors


def test_staff_say_whether_a_metric_counts_people(client_as, world):
    metric = metric_with("# of corporations", "corporations", {})
    assert metric.counts_people  # the safe default: suppressed until staff say otherwise
    client = client_as("staff")
    page = client.get(reverse("goals:metric_edit", args=[metric.pk])).content.decode()
    assert 'name="counts_people"' in page
    response = client.post(
        reverse("goals:metric_edit", args=[metric.pk]),
        {"name": metric.name, "unit": "corporations", "direction": "increase", **version_of(metric)},
    )
    assert response.status_code == 302
    metric.refresh_from_db()
    assert metric.counts_people is False
    detail = client.get(metric.get_absolute_url()).content.decode()
    assert "A count of organizations, programs or things" in detail


# --- One mission, no internal wording -----------------------------------------------------------------


def test_the_report_prints_the_plans_mission_once(client_as, world, year):
    StrategicPlan.objects.create(mission="End trafficking together.", vision="A city free of trafficking.")
    year.about_text = "The task force began in 2013."
    year.save()

    about = section(report_page(client_as, 2025), "about")

    assert about.count("End trafficking together.") == 1
    assert about.count(">Mission<") == 1
    assert "The task force began in 2013." in about


def demo_staff_client(client):
    from django.contrib.auth import get_user_model

    call_command("seed_demo", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="staff"))
    return client


def test_the_demo_report_has_one_mission_its_own_years_metrics_and_no_internal_wording(client, categories):
    client = demo_staff_client(client)
    plan = StrategicPlan.load()
    for year in (2024, 2025):
        body = client.get(reverse("reports:report", args=[year])).content.decode()
        assert not INTERNAL_WORDING.search(body), INTERNAL_WORDING.search(body)
        about = text_of(section(body, "about"))
        assert about.count("Mission") == 1 and about.count("Vision") == 1
        assert about.count(plan.mission.split("\n")[0]) == 1
        assert "sample data" in text_of(section(body, "goals"))
    goals_2025 = text_of(section(body, "goals"))
    assert "No measurement for 2025; the latest, for 2024: 2,100" in goals_2025  # students and teachers
    assert "No measurement for 2025; the latest, for 2024: 3;" in goals_2025  # corporations: not people
    assert "No measurement for 2025; the latest, for 2024: fewer than 5" in goals_2025  # mentors: people
    assert not Metric.objects.get(unit="corporations").counts_people
    assert not Metric.objects.get(unit="pamphlets").counts_people
    assert Metric.objects.get(unit="mentors").counts_people


def test_no_demo_text_on_public_pages_speaks_of_the_seeds(categories):
    call_command("seed_demo", stdout=io.StringIO())
    texts = [
        *Narrative.objects.values_list("title", "text"),
        *Meeting.objects.values_list("announcements", "next_meeting_note"),
        *ReportingYear.objects.values_list("about_text", "definition"),
    ]
    texts += Recommendation.objects.values_list("description", "progress_note")
    for parts in texts:
        for text in parts:
            assert not INTERNAL_WORDING.search(text or ""), text


# --- The PDF, read as text ---------------------------------------------------------------------------


def pdf_reading_order(content: bytes) -> str:
    """The PDF's text in reading order (pdftotext without -layout keeps each headline figure together)."""
    return subprocess.run(
        [shutil.which("pdftotext"), "-", "-"], input=content, capture_output=True, check=True, timeout=60
    ).stdout.decode()


def test_the_pdf_states_the_headline_figures_and_each_metrics_year(client_as, world, year):
    accepted_submission(year, world.legal_aid, 30, traffickers_identified=9)
    accepted_submission(year, world.shelter, 3)
    meeting_in(2025, world.task_force, 3)
    StrategicPlan.objects.create(mission="End trafficking together.")
    metric_with("# of corporations providing placements", "corporations", {2024: 3}, counts_people=False)
    metric_with("# of active mentors", "mentors", {2024: 4})
    metric_with("# of students trained", "students", {2019: 1750, 2025: 2100})

    response = client_as("staff").get(reverse("reports:pdf", args=[2025]))

    assert response["Content-Type"] == "application/pdf"
    flat = re.sub(r"\s+", " ", pdf_reading_order(response.content))
    summary = flat[flat.index("2025 at a glance") : flat.index("About the task force", flat.index("at a glance"))]
    assert "People identified as trafficked 33" in summary and "no accepted figures for 2024 to compare" in summary
    assert "Traffickers identified 9" in summary
    # pdftotext reads the grid's last row label by label, then figure by figure.
    assert re.search(r"Agencies reporting (Meetings held )?2 ", summary)
    assert re.search(r"Meetings held (2 )?1 by the task force", summary)
    assert "No measurement for 2025; the latest, for 2024: 3." in flat  # corporations, shown as they are
    assert "No measurement for 2025; the latest, for 2024: fewer than 5." in flat  # mentors, suppressed
    assert "2025: 2,100." in flat
    assert flat.count("Mission") == 1 and flat.count("End trafficking together.") == 1
    assert not INTERNAL_WORDING.search(flat)
