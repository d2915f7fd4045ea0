"""The goals pages and forms, as every role: happy paths, wrong methods, outsiders, bad input, query counts."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse

from goals.models import Goal, Measurement, Metric, Objective, ProgressUpdate, StrategicPlan, WorkPlan, WorkPlanItem
from tests.versions import version_of

D = datetime.date
EDITOR_REFUSED = ["member", "data_contact", "other_cochair", "former_cochair"]


@pytest.fixture
def login(client, world):
    def as_(persona):
        client.logout()
        client.force_login(getattr(world, persona).user)
        return client

    return as_


# Every signed-in page reads the session and the user, the viewer's chaired committees and
# data-contact organizations (for the navigation's roles) and, for non-staff, whether a report is published.
REQUEST_QUERIES = 5


def get_counted(django_assert_num_queries, client, url, expected):
    """GET a page, checking it reads the database exactly ``expected`` times, however many rows."""
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


def no_inline_styles(response):
    assert not re.search(r"\sstyle=", response.content.decode()), "CSP blocks style attributes"


# /goals/


def test_goals_page_shows_objectives_progress_committees_metrics_and_plan(login, plan):
    StrategicPlan.objects.create(mission="Coordinate responses.", vision="A world free of trafficking.")
    response = login("member").get(reverse("goals:index"))
    body = response.content.decode()
    assert "Goal 3: Prevention" in body and "Mentors for at-risk youth" in body
    assert "Youth Trafficking Committee" in body and "Also in" in body
    assert 'value="20"' in body  # the mentors objective's progress, from its item
    assert "# active mentors" in body and "<strong>9</strong> in 2017" in body and "target 40" in body
    assert "Sample data" in body
    assert "A world free of trafficking." in body
    assert "Objectives by ease and importance" in body and "Higher importance" in body
    assert "Edit the mission" not in body
    no_inline_styles(response)


# The goals, their objectives (with each one's committees and the goals it also serves read in the same
# query, no longer by two many-to-many prefetches), metrics and figures (four queries for goals_overview,
# which gathers each goal's shared objectives from those), the plan text, the committees, and the strictest
# small-count threshold k of any reporting year (a count of people below it reads "fewer than k").
GOALS_QUERIES = REQUEST_QUERIES + 7


def test_goals_page_query_count_does_not_grow(login, plan, world, django_assert_num_queries):
    client = login("member")
    get_counted(django_assert_num_queries, client, reverse("goals:index"), GOALS_QUERIES)
    for n in range(4, 8):
        goal = Goal.objects.create(number=n, title=f"Goal {n}")
        for i in range(5):
            objective = Objective.objects.create(goal=goal, title=f"Objective {n}.{i}")
            objective.committees.set([world.youth, world.adult])
            objective.also_serves.set([plan.goal])
            WorkPlanItem.objects.create(
                work_plan=plan.youth_plan, objective=objective, title="x", start_on=D(2017, 1, 1), due_on=D(2017, 2, 1)
            )
            metric = Metric.objects.create(objective=objective, name=f"Metric {n}.{i}", unit="things")
            Measurement.objects.create(metric=metric, period_start=D(2017, 1, 1), period_end=D(2017, 12, 31), value=i)
    get_counted(django_assert_num_queries, client, reverse("goals:index"), GOALS_QUERIES)


def test_goals_page_reads_only_each_metrics_latest_period(login, plan, django_assert_num_queries):
    """/goals/ shows each metric's latest figure: it reads that period's rows, not every year's, and still
    sums a breakdown and marks a metric whose earlier figures are samples."""
    for year, values in [(2015, [1, 2]), (2016, [3, 4])]:
        for agency, value in zip(["Shelter A", "Shelter B"], values, strict=True):
            Measurement.objects.create(
                metric=plan.adult_metric,
                period_start=D(year, 1, 1),
                period_end=D(year, 12, 31),
                value=value,
                breakdown=agency,
                is_sample=True,
            )
    Measurement.objects.create(
        metric=plan.youth_metric, period_start=D(2016, 7, 1), period_end=D(2017, 12, 31), value=7
    )
    latest = Measurement.objects.of_latest_period()
    assert sorted((m.metric_id, m.period_start.year, m.value) for m in latest) == [
        (plan.youth_metric.pk, 2017, 9),  # same end, the later start
        (plan.adult_metric.pk, 2017, 10),
        (plan.adult_metric.pk, 2017, 15),
    ]
    response = get_counted(django_assert_num_queries, login("member"), reverse("goals:index"), GOALS_QUERIES)
    body = response.content.decode()
    assert "<strong>25</strong> in 2017" in body and "<strong>9</strong> in 2017" in body
    assert body.count("Sample data") == 2  # the youth metric's 2017 figure, the adult metric's earlier ones


def test_goals_page_empty_state(login, db):
    assert "No goals have been entered yet" in login("member").get(reverse("goals:index")).content.decode()


def test_staff_edit_the_strategic_plan_text(login, world):
    client = login("staff")
    assert "Edit the mission" in client.get(reverse("goals:index")).content.decode()
    data = {"mission": "M", "vision": "V", "definition": "D", **version_of(StrategicPlan.load())}
    response = client.post(reverse("goals:plan_edit"), data)
    assert response.status_code == 302
    assert StrategicPlan.load().vision == "V"
    assert login("cochair").post(reverse("goals:plan_edit"), {"mission": "X"}).status_code == 403
    assert StrategicPlan.load().mission == "M"


# /committees/<slug>/workplan/


def test_work_plan_lists_items_and_draws_a_timeline_with_overdue_marked(login, plan):
    response = login("member").get(reverse("goals:workplan", args=["youth"]))
    body = response.content.decode()
    assert "Recruit mentors" in body and "Casey Cochair" in body
    assert "is-overdue" in body and "1 overdue" in body  # due March 31, 2018
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart"' in body
    assert re.search(r'<rect x="[\d.]+" y="\d+" width="[\d.]+"', body)
    assert "Add an item" not in body  # members read
    assert "Draft a shelter policy" not in body  # another committee's plan
    no_inline_styles(response)


@pytest.mark.parametrize(
    ("persona", "can_edit"), [("cochair", True), ("staff", True), ("other_cochair", False), ("former_cochair", False)]
)
def test_work_plan_offers_editing_only_to_its_editors(login, plan, persona, can_edit):
    body = login(persona).get(reverse("goals:workplan", args=["youth"])).content.decode()
    assert ("Add an item" in body) is can_edit


# The committee, its work plans, the chosen plan's items with owners, objectives and update counts.
WORK_PLAN_QUERIES = REQUEST_QUERIES + 3


def test_work_plan_query_count_does_not_grow(login, plan, world, django_assert_num_queries):
    client = login("cochair")
    url = reverse("goals:workplan", args=["youth"])
    get_counted(django_assert_num_queries, client, url, WORK_PLAN_QUERIES)
    for i in range(30):
        item = WorkPlanItem.objects.create(
            work_plan=plan.youth_plan,
            objective=plan.mentors,
            owner=world.member,
            title=f"Item {i}",
            start_on=D(2017, 8, 1),
            due_on=D(2018, 1, 1),
        )
        ProgressUpdate.objects.create(item=item, author=world.cochair.user, text="Going well")
    WorkPlan.objects.create(committee=world.youth, title="Next year", starts_on=D(2018, 7, 1), ends_on=D(2019, 6, 30))
    get_counted(django_assert_num_queries, client, url, WORK_PLAN_QUERIES)


def test_work_plan_picks_a_period_and_explains_an_empty_committee(login, plan, world):
    later = WorkPlan.objects.create(
        committee=world.youth, title="Next year", starts_on=D(2018, 7, 1), ends_on=D(2019, 6, 30)
    )
    client = login("member")
    body = client.get(reverse("goals:workplan", args=["youth"]) + f"?plan={plan.youth_plan.pk}").content.decode()
    assert "Recruit mentors" in body and "Next year" in body
    body = client.get(reverse("goals:workplan", args=["youth"]) + f"?plan={later.pk}").content.decode()
    assert "Nothing is on this work plan yet" in body
    assert "no work plan yet" in client.get(reverse("goals:workplan", args=["task-force"])).content.decode()
    assert client.get(reverse("goals:workplan", args=["no-such"])).status_code == 404


# Work-plan items


def item_data(item, **changes):
    data = {
        "title": item.title,
        "description": item.description,
        "objective": item.objective_id or "",
        "owner": item.owner_id or "",
        "start_on": item.start_on.isoformat(),
        "due_on": item.due_on.isoformat(),
        "status": item.status,
        "percent_done": item.percent_done,
        **version_of(item),
    }
    data.update(changes)
    return data


def test_cochair_changes_status_and_percent(login, plan):
    item = plan.youth_item
    response = login("cochair").post(
        reverse("goals:item_edit", args=[item.pk]), item_data(item, status="at_risk", percent_done=35)
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.percent_done) == ("at_risk", 35)


@pytest.mark.parametrize("persona", EDITOR_REFUSED)
def test_others_cannot_change_the_committees_items(login, plan, persona):
    item = plan.youth_item
    url = reverse("goals:item_edit", args=[item.pk])
    client = login(persona)
    assert client.get(url).status_code == 403
    assert client.post(url, item_data(item, status="done")).status_code == 403
    item.refresh_from_db()
    assert item.status == "on_track"


def test_anonymous_is_sent_to_log_in(client, plan):
    response = client.post(reverse("goals:item_progress", args=[plan.youth_item.pk]), {"text": "x"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not ProgressUpdate.objects.exists()


def test_staff_change_any_committees_items(login, plan):
    item = plan.adult_item
    response = login("staff").post(
        reverse("goals:item_edit", args=[item.pk]), item_data(item, status="done", percent_done=40)
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.percent_done) == ("done", 100)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"due_on": "2017-01-01"}, "due_on", "The due date must be on or after the start date."),
        ({"percent_done": 150}, "percent_done", "Enter a percent from 0 to 100."),
        ({"percent_done": -5}, "percent_done", ""),
        ({"title": ""}, "title", "This field is required."),
    ],
)
def test_bad_item_input_is_explained_and_nothing_is_saved(login, plan, changes, field, message):
    item = plan.youth_item
    response = login("cochair").post(reverse("goals:item_edit", args=[item.pk]), item_data(item, **changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert errors[field] == [message]
        assert message in response.content.decode()
    item.refresh_from_db()
    assert item.due_on == D(2018, 3, 31) and item.percent_done == 20 and item.title == "Recruit mentors"


def test_two_people_saving_the_same_item_get_a_conflict_not_an_overwrite(login, plan):
    item = plan.youth_item
    stale = item_data(item, status="done")
    item.refresh_from_db()
    item.percent_done = 50
    item.save()  # someone else saved after the form was loaded
    response = login("cochair").post(reverse("goals:item_edit", args=[item.pk]), stale)
    assert response.status_code == 200
    assert "Someone else saved this item while you were editing" in response.content.decode()
    item.refresh_from_db()
    assert (item.status, item.percent_done) == ("on_track", 50)


def test_cochair_writes_a_progress_update(login, plan, world):
    item = plan.youth_item
    client = login("cochair")
    assert client.get(reverse("goals:item_progress", args=[item.pk])).status_code == 405
    response = client.post(reverse("goals:item_progress", args=[item.pk]), {"text": "Three mentors trained."})
    assert response.status_code == 302
    update = item.updates.get()
    assert (update.text, update.author) == ("Three mentors trained.", world.cochair.user)
    body = client.get(reverse("goals:item", args=[item.pk])).content.decode()
    assert "Three mentors trained." in body and "Casey Cochair" in body


def test_an_empty_progress_update_is_refused(login, plan):
    response = login("cochair").post(reverse("goals:item_progress", args=[plan.youth_item.pk]), {"text": "   "})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("persona", EDITOR_REFUSED)
def test_others_cannot_post_progress_updates(login, plan, persona):
    response = login(persona).post(reverse("goals:item_progress", args=[plan.youth_item.pk]), {"text": "Hi"})
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_members_read_an_item_without_forms(login, plan):
    body = login("member").get(reverse("goals:item", args=[plan.youth_item.pk])).content.decode()
    assert "Recruit mentors" in body and "Post the update" not in body and "Overdue" in body


def test_cochair_adds_an_item_to_their_plan(login, plan, world):
    data = {
        "title": "Mentor fair",
        "owner": world.cochair.pk,
        "start_on": "2018-01-10",
        "due_on": "2018-02-10",
        "status": "not_started",
        "percent_done": 0,
    }
    response = login("cochair").post(reverse("goals:item_new", args=["youth"]), data)
    assert response.status_code == 302
    assert plan.youth_plan.items.filter(title="Mentor fair").exists()


def test_a_cochair_posting_to_another_committees_plan_is_refused(login, plan, world):
    data = {
        "title": "Sneaky",
        "start_on": "2018-01-10",
        "due_on": "2018-02-10",
        "status": "not_started",
        "percent_done": 0,
    }
    response = login("other_cochair").post(reverse("goals:item_new", args=["youth"]), data)
    assert response.status_code == 403
    assert "co-chairs of this committee and staff" in response.content.decode()
    assert not WorkPlanItem.objects.filter(title="Sneaky").exists()


def test_cochair_starts_a_work_plan_and_a_second_one_on_the_same_day_is_refused(login, plan):
    client = login("cochair")
    url = reverse("goals:workplan_new", args=["youth"])
    response = client.post(url, {"title": "2018-2019", "starts_on": "2018-07-01", "ends_on": "2019-06-30"})
    assert response.status_code == 302
    response = client.post(url, {"title": "Again", "starts_on": "2018-07-01", "ends_on": "2019-06-30"})
    assert response.context["form"].errors["starts_on"] == ["This committee already has a plan starting that day."]
    response = client.post(url, {"title": "Backwards", "starts_on": "2019-07-01", "ends_on": "2019-06-30"})
    assert "ends_on" in response.context["form"].errors
    assert WorkPlan.objects.filter(committee__slug="youth").count() == 2


def test_item_new_without_a_plan_starts_one_first(login, world):
    response = login("cochair").get(reverse("goals:item_new", args=["youth"]))
    assert response.status_code == 302 and response["Location"] == reverse("goals:workplan_new", args=["youth"])


# Metrics


def test_metric_page_has_a_chart_and_the_figures(login, plan):
    response = login("member").get(reverse("goals:metric", args=[plan.adult_metric.pk]))
    body = response.content.decode()
    assert 'class="metric-chart" role="img"' in body and "Target 100" in body
    assert "Shelter A" in body and "Shelter B" in body and "Total" in body
    assert "Record a figure" not in body
    no_inline_styles(response)


# The metric with its objective and its figures with their sources, its series, and whether the
# co-chair may record figures for it, and the strictest k of any reporting year (small counts of people hidden).
METRIC_QUERIES = REQUEST_QUERIES + 4


def test_metric_page_query_count_does_not_grow(login, plan, world, django_assert_num_queries):
    client = login("cochair")
    url = reverse("goals:metric", args=[plan.youth_metric.pk])
    get_counted(django_assert_num_queries, client, url, METRIC_QUERIES)
    for year in range(2000, 2016):
        Measurement.objects.create(
            metric=plan.youth_metric,
            period_start=D(year, 1, 1),
            period_end=D(year, 12, 31),
            value=year % 7,
            source=world.dosw,
        )
    get_counted(django_assert_num_queries, client, url, METRIC_QUERIES)


def test_metric_csv_has_every_figure(login, plan):
    response = login("member").get(reverse("goals:metric_csv", args=[plan.adult_metric.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["group"], r["value"], r["period"]) for r in rows] == [
        ("Shelter A", "10", "2017"),
        ("Shelter B", "15", "2017"),
    ]
    assert rows[0]["source organization"] == "Asian Women's Shelter"


def measurement_data(world, **changes):
    data = {
        "period_start": "2018-01-01",
        "period_end": "2018-12-31",
        "period_label": "2018",
        "breakdown": "",
        "value": "14",
        "source": world.shelter.pk,
        "notes": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("persona", "metric", "allowed"),
    [
        ("cochair", "youth_metric", True),
        ("cochair", "adult_metric", False),
        ("other_cochair", "youth_metric", False),
        ("other_cochair", "adult_metric", True),
        ("former_cochair", "youth_metric", False),
        ("member", "youth_metric", False),
        ("data_contact", "youth_metric", False),
        ("staff", "adult_metric", True),
    ],
)
def test_who_records_measurements(login, plan, world, persona, metric, allowed):
    metric = getattr(plan, metric)
    before = metric.measurements.count()
    response = login(persona).post(
        reverse("goals:measurement_new", args=[metric.pk]), measurement_data(world, breakdown="Shelter A")
    )
    assert response.status_code == (302 if allowed else 403)
    assert metric.measurements.count() == before + allowed


def test_recording_a_figure_changes_the_chart(login, plan, world):
    client = login("cochair")
    url = reverse("goals:metric", args=[plan.youth_metric.pk])
    assert "2018" not in client.get(url).content.decode().split("<svg", 1)[1].split("</svg>")[0]
    client.post(reverse("goals:measurement_new", args=[plan.youth_metric.pk]), measurement_data(world))
    chart = client.get(url).content.decode().split("<svg", 1)[1].split("</svg>")[0]
    assert "2018" in chart and "polyline" in chart
    measurement = plan.youth_metric.measurements.get(period_label="2018")
    assert measurement.recorded_by == world.cochair.user and not measurement.is_sample


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"period_start": "2017-01-01", "period_end": "2017-12-31"},
            "period_start",
            "A figure is already recorded for this period. Correct that one instead.",
        ),
        ({"period_end": "2017-06-30"}, "period_end", "The period must end on or after the day it starts."),
        ({"value": "-3"}, "value", "A count cannot be negative."),
        ({"value": "2.5"}, "value", "A count of people is a whole number."),
        ({"source": ""}, "source", "This field is required."),
    ],
)
def test_bad_measurement_input_is_explained_and_nothing_is_saved(login, plan, world, changes, field, message):
    response = login("cochair").post(
        reverse("goals:measurement_new", args=[plan.youth_metric.pk]), measurement_data(world, **changes)
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert plan.youth_metric.measurements.count() == 1


def test_the_same_period_for_another_group_is_accepted(login, plan, world):
    client = login("other_cochair")
    url = reverse("goals:measurement_new", args=[plan.adult_metric.pk])
    taken = measurement_data(world, period_start="2017-01-01", period_end="2017-12-31", breakdown="Shelter A")
    response = client.post(url, taken)
    assert "A figure for “Shelter A” is already recorded" in response.context["form"].errors["period_start"][0]
    response = client.post(url, {**taken, "breakdown": "Shelter C"})
    assert response.status_code == 302
    assert plan.adult_metric.measurements.count() == 3


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("goals:item", 8),
        ("goals:item_edit", 9),
        ("goals:measurement_new", 10),
        ("goals:measurement_edit", 9),
        ("goals:item_new", 10),
        ("goals:workplan_new", 7),
        ("goals:metric_csv", 5),  # +1: the strictest k of any reporting year (small counts of people hidden)
        ("goals:goal_new", 5),
        ("goals:goal_edit", 5),
        ("goals:objective_new", 8),
        ("goals:objective_edit", 9),
        ("goals:metric_new", 6),
        ("goals:metric_edit", 5),
        ("goals:plan_edit", 5),
    ],
)
def test_other_pages_query_counts_do_not_grow(login, plan, world, django_assert_num_queries, page, expected):
    from members.models import CommitteeRole, Organization, Person

    kwargs = {
        "goals:item": {"pk": plan.youth_item.pk},
        "goals:item_edit": {"pk": plan.youth_item.pk},
        "goals:measurement_new": {"pk": plan.youth_metric.pk},
        "goals:item_new": {"slug": "youth"},
        "goals:workplan_new": {"slug": "youth"},
        "goals:metric_csv": {"pk": plan.youth_metric.pk},
        "goals:measurement_edit": {"pk": plan.youth_metric.measurements.first().pk},
        "goals:objective_edit": {"pk": plan.mentors.pk},
        "goals:metric_edit": {"pk": plan.youth_metric.pk},
        "goals:plan_edit": {},
        "goals:goal_new": {},
        "goals:goal_edit": {"pk": plan.goal.pk},
        "goals:objective_new": {"pk": plan.goal.pk},
        "goals:metric_new": {"pk": plan.mentors.pk},
    }[page]
    staff_pages = ("goals:objective_edit", "goals:metric_edit", "goals:plan_edit", "goals:goal_new", "goals:goal_edit")
    staff_pages += ("goals:objective_new", "goals:metric_new")
    client = login("staff" if page in staff_pages else "cochair")
    url = reverse(page, kwargs=kwargs)
    StrategicPlan.load()  # the plan page's first visit writes the row: count the visits after it
    get_counted(django_assert_num_queries, client, url, expected)
    for i in range(15):
        ProgressUpdate.objects.create(item=plan.youth_item, author=world.cochair.user, text=f"Update {i}")
        person = Person.objects.create(given_name="P", family_name=f"Person {i}")
        CommitteeRole.objects.create(person=person, committee=world.youth, start_on=D(2020, 1, 1))
        Organization.objects.create(name=f"Organization {i}")
        Objective.objects.create(goal=plan.goal, title=f"Objective {i}")
        Measurement.objects.create(
            metric=plan.youth_metric,
            period_start=D(2000 + i, 1, 1),
            period_end=D(2000 + i, 12, 31),
            value=i,
            source=world.dosw,
        )
    get_counted(django_assert_num_queries, client, url, expected)


def test_item_page_shows_its_changes(login, plan):
    client = login("cochair")
    client.post(
        reverse("goals:item_edit", args=[plan.youth_item.pk]),
        item_data(plan.youth_item, status="at_risk", percent_done=25),
    )
    body = client.get(reverse("goals:item", args=[plan.youth_item.pk])).content.decode()
    changes = body.split('id="history-heading"')[1]
    assert "Casey Cochair" in changes and "At risk" in changes and "25%" in changes and "Set up" in changes


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("cochair", True), ("staff", True), ("other_cochair", False), ("former_cochair", False), ("member", False)],
)
def test_who_corrects_a_figure(login, plan, world, persona, allowed):
    measurement = plan.youth_metric.measurements.get()
    data = measurement_data(
        world, period_start="2017-01-01", period_end="2017-12-31", value="11", **version_of(measurement)
    )
    response = login(persona).post(reverse("goals:measurement_edit", args=[measurement.pk]), data)
    assert response.status_code == (302 if allowed else 403)
    measurement.refresh_from_db()
    assert measurement.value == (11 if allowed else 9)


def test_correcting_a_figure_into_a_period_already_recorded_is_refused(login, plan, world):
    first = plan.youth_metric.measurements.get()
    second = Measurement.objects.create(
        metric=plan.youth_metric, period_start=D(2018, 1, 1), period_end=D(2018, 12, 31), value=12
    )
    response = login("cochair").post(
        reverse("goals:measurement_edit", args=[second.pk]),
        measurement_data(world, period_start="2017-01-01", period_end="2017-12-31", **version_of(second)),
    )
    assert "already recorded" in response.context["form"].errors["period_start"][0]
    second.refresh_from_db()
    first.refresh_from_db()
    assert (second.period_start, second.value, first.value) == (D(2018, 1, 1), 12, 9)


def test_metric_page_offers_corrections_to_those_who_record(login, plan):
    url = reverse("goals:metric", args=[plan.youth_metric.pk])
    assert "Correct" in login("cochair").get(url).content.decode()
    assert ">Correct<" not in login("member").get(url).content.decode()


def objective_data(plan, world, **changes):
    data = {
        "title": "Mentors for at-risk youth",
        "description": "",
        "committees": [world.youth.pk, world.adult.pk],
        "also_serves": [plan.other_goal.pk],
        "ease": "harder",
        "importance": 1,
        "status": "achieved",
        "start_on": "",
        "due_on": "",
        **version_of(plan.mentors),
    }
    data.update(changes)
    return data


def test_staff_change_an_objective_and_cochairs_cannot(login, plan, world):
    url = reverse("goals:objective_edit", args=[plan.mentors.pk])
    assert login("cochair").post(url, objective_data(plan, world)).status_code == 403
    response = login("staff").post(url, objective_data(plan, world))
    assert response.status_code == 302
    plan.mentors.refresh_from_db()
    assert (plan.mentors.status, plan.mentors.ease, plan.mentors.importance) == ("achieved", "harder", 1)
    assert set(plan.mentors.committees.all()) == {world.youth, world.adult}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"committees": []}, "committees", "Name at least one committee responsible."),
        (
            {"start_on": "2018-01-01", "due_on": "2017-01-01"},
            "due_on",
            "The due date must be on or after the start date.",
        ),
    ],
)
def test_bad_objective_input_is_explained(login, plan, world, changes, field, message):
    response = login("staff").post(
        reverse("goals:objective_edit", args=[plan.mentors.pk]), objective_data(plan, world, **changes)
    )
    assert response.context["form"].errors[field] == [message]
    plan.mentors.refresh_from_db()
    assert plan.mentors.status == "not_started"


def test_staff_change_a_metrics_target(login, plan):
    url = reverse("goals:metric_edit", args=[plan.youth_metric.pk])
    data = {
        "name": "# active mentors",
        "unit": "mentors",
        "direction": "increase",
        "breakdown_by": "",
        "baseline": "5",
        "target": "60",
        "target_on": "2020-12-31",
        "notes": "",
        **version_of(plan.youth_metric),
    }
    assert login("other_cochair").post(url, data).status_code == 403
    assert login("staff").post(url, data).status_code == 302
    plan.youth_metric.refresh_from_db()
    assert plan.youth_metric.target == 60


def test_work_plan_keeps_the_plans_order(login, plan, world):
    ProgressUpdate.objects.create(item=plan.youth_item, author=world.cochair.user, text="x")
    WorkPlanItem.objects.create(
        work_plan=plan.youth_plan, title="First", position=0, start_on=D(2018, 1, 1), due_on=D(2018, 2, 1)
    )
    WorkPlanItem.objects.filter(pk=plan.youth_item.pk).update(position=5)
    WorkPlanItem.objects.create(
        work_plan=plan.youth_plan, title="Last", position=9, start_on=D(2017, 1, 1), due_on=D(2018, 2, 1)
    )
    items = login("member").get(reverse("goals:workplan", args=["youth"])).context["items"]
    assert [item.title for item in items] == ["First", "Recruit mentors", "Last"]


def test_metric_csv_quotes_what_a_spreadsheet_would_run(login, plan):
    Measurement.objects.filter(breakdown="Shelter A").update(breakdown="=HYPERLINK(1)")
    rows = list(
        csv.DictReader(
            io.StringIO(login("member").get(reverse("goals:metric_csv", args=[plan.adult_metric.pk])).content.decode())
        )
    )
    assert rows[0]["group"] == "'=HYPERLINK(1)"


def test_a_new_item_in_a_past_plan_starts_inside_the_plan(login, plan):
    form = login("cochair").get(reverse("goals:item_new", args=["youth"])).context["form"]
    assert form.initial == {"start_on": D(2017, 7, 1), "due_on": D(2018, 6, 30)}
