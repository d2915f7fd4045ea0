"""Counts of people from 1 to k-1 never appear on a goal metric's page, its CSV or the goals page, for any role.

The rule is ``reports.suppression``'s (through ``Metric.hides`` and ``Metric.publish``); a metric of organizations,
programs or things (``counts_people`` off) is shown as it is.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from goals.models import Measurement, Metric
from reports.models import ReportingYear

D = datetime.date
READERS = ["member", "data_contact", "cochair", "staff"]  # every login may read the plan's pages (MEMBER_ONLY)


@pytest.fixture
def login(client, world):
    def as_(persona):
        client.logout()
        client.force_login(getattr(world, persona).user)
        return client

    return as_


def figure(metric, year, value, *, breakdown="", source=None):
    return Measurement.objects.create(
        metric=metric,
        period_start=D(year, 1, 1),
        period_end=D(year, 12, 31),
        value=value,
        breakdown=breakdown,
        source=source,
    )


@pytest.fixture
def mentors(plan):
    """Mentors: 9 in 2017 (the plan's), 4 in 2024 (the demo's finding), with a target of 40."""
    figure(plan.youth_metric, 2024, 4)
    return plan.youth_metric


def csv_rows(client, metric):
    response = client.get(reverse("goals:metric_csv", args=[metric.pk]))
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("persona", READERS)
def test_a_small_count_of_people_reads_fewer_than_k_on_the_metric_page(login, mentors, persona):
    body = login(persona).get(reverse("goals:metric", args=[mentors.pk])).content.decode()
    assert "fewer than 5 in 2024" in body  # the latest figure
    assert ">fewer than 5</td>" in body and ">9</td>" in body  # the table: 4 hidden, 9 shown
    assert ">4</td>" not in body
    # No chart: its points, labels and description would show the 4. Nor a verdict on the target.
    assert 'class="metric-chart"' not in body and "No chart: it would show figures below 5" in body
    assert "target not yet met" not in body and "target met" not in body


@pytest.mark.parametrize("persona", READERS)
def test_a_small_count_of_people_reads_fewer_than_k_in_the_csv(login, mentors, persona):
    rows = csv_rows(login(persona), mentors)
    assert [(row["period"], row["value"]) for row in rows] == [("2017", "9"), ("2024", "fewer than 5")]


@pytest.mark.parametrize("persona", READERS)
def test_the_goals_page_shows_a_small_count_of_people_as_fewer_than_k(login, mentors, persona):
    body = login(persona).get(reverse("goals:index")).content.decode()
    assert "<strong>fewer than 5</strong> in 2024" in body
    assert "<strong>4</strong>" not in body


def test_a_count_of_things_is_shown_as_it_is(login, mentors):
    mentors.counts_people = False
    mentors.save()
    client = login("member")
    body = client.get(reverse("goals:metric", args=[mentors.pk])).content.decode()
    assert "4 in 2024" in body and ">4</td>" in body and 'class="metric-chart"' in body
    assert [row["value"] for row in csv_rows(client, mentors)] == ["9", "4"]
    assert "<strong>4</strong> in 2024" in client.get(reverse("goals:index")).content.decode()


def test_zero_and_k_are_shown(login, plan):
    figure(plan.youth_metric, 2023, 0)
    figure(plan.youth_metric, 2024, 5)
    rows = csv_rows(login("member"), plan.youth_metric)
    assert [row["value"] for row in rows] == ["9", "0", "5"]


def test_a_small_baseline_or_target_of_people_reads_fewer_than_k(login, plan):
    metric = plan.youth_metric
    metric.baseline, metric.target = 2, 3
    metric.save()
    body = login("member").get(reverse("goals:metric", args=[metric.pk])).content.decode()
    assert body.count("fewer than 5") >= 2
    assert ">2<" not in body and ">3<" not in body


def test_the_strictest_reporting_year_threshold_applies(login, plan):
    """A year whose report hides counts below 10 hides a 7 from the plan's pages as well."""
    ReportingYear.objects.create(year=2024, due_on=D(2025, 3, 1), k=10)
    figure(plan.youth_metric, 2024, 7)
    client = login("member")
    assert [row["value"] for row in csv_rows(client, plan.youth_metric)] == ["fewer than 10", "fewer than 10"]
    body = client.get(reverse("goals:metric", args=[plan.youth_metric.pk])).content.decode()
    assert "fewer than 10 in 2024" in body


def test_a_small_group_cannot_be_worked_out_from_the_total(login, world, plan):
    """Shelter A 20, Shelter B 3, total 23: "fewer than 5" alone gives 23 - 20 = 3 back, so Shelter A is hidden too."""
    metric = Metric.objects.create(objective=plan.shelter, name="# survivors housed", unit="survivors")
    figure(metric, 2024, 23)
    figure(metric, 2024, 20, breakdown="Shelter A")
    figure(metric, 2024, 3, breakdown="Shelter B")
    rows = csv_rows(login("member"), metric)
    assert {row["group"]: row["value"] for row in rows} == {
        "": "23",
        "Shelter A": "not shown",
        "Shelter B": "fewer than 5",
    }
    body = login("member").get(reverse("goals:metric", args=[metric.pk])).content.decode()
    assert ">20</td>" not in body and ">3</td>" not in body and ">23</td>" in body


def test_people_in_no_group_count_as_a_hidden_group(login, plan):
    """Total 30, groups 14 and 13: the 3 in no group would follow from subtraction, so a group is hidden."""
    metric = Metric.objects.create(objective=plan.shelter, name="# referrals", unit="people")
    figure(metric, 2024, 30)
    figure(metric, 2024, 14, breakdown="Youth")
    figure(metric, 2024, 13, breakdown="Adults")
    values = {row["group"]: row["value"] for row in csv_rows(login("member"), metric)}
    assert values[""] == "30" and values["Youth"] == "14" and values["Adults"] == "not shown"


def test_staff_see_the_figure_they_correct_in_its_form(login, mentors):
    measurement = mentors.measurements.get(period_start__year=2024)
    body = login("staff").get(reverse("goals:measurement_edit", args=[measurement.pk])).content.decode()
    assert 'value="4' in body
