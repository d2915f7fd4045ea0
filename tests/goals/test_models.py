"""What the database and the models guarantee about goals, work plans and metrics."""

import datetime

import pytest
from concurrency.exceptions import RecordModifiedError
from django.db import IntegrityError, transaction

from goals.models import Goal, Measurement, Objective, StrategicPlan, WorkPlanItem
from goals.services import goals_overview

D = datetime.date


def test_percent_done_outside_0_to_100_is_refused_by_the_database(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkPlanItem.objects.filter(pk=plan.youth_item.pk).update(percent_done=101)
    plan.youth_item.refresh_from_db()
    assert plan.youth_item.percent_done == 20


def test_an_item_due_before_it_starts_is_refused_by_the_database(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkPlanItem.objects.create(
            work_plan=plan.youth_plan, title="Backwards", start_on=D(2018, 1, 1), due_on=D(2017, 1, 1)
        )


def test_a_second_figure_for_the_same_period_and_group_is_refused(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Measurement.objects.create(
            metric=plan.adult_metric,
            period_start=D(2017, 1, 1),
            period_end=D(2017, 12, 31),
            value=3,
            breakdown="Shelter A",
        )
    # Another group in the same period is a different figure.
    Measurement.objects.create(
        metric=plan.adult_metric, period_start=D(2017, 1, 1), period_end=D(2017, 12, 31), value=3, breakdown="Shelter C"
    )


def test_objective_progress_comes_from_its_items_and_leaves_out_dropped_ones(plan):
    assert plan.mentors.progress == 20
    WorkPlanItem.objects.create(
        work_plan=plan.youth_plan,
        objective=plan.mentors,
        title="Done",
        start_on=D(2017, 1, 1),
        due_on=D(2017, 2, 1),
        status="done",
    )
    WorkPlanItem.objects.create(
        work_plan=plan.youth_plan,
        objective=plan.mentors,
        title="Dropped",
        start_on=D(2017, 1, 1),
        due_on=D(2017, 2, 1),
        status="dropped",
        percent_done=0,
    )
    assert Objective.objects.with_progress().get(pk=plan.mentors.pk).progress == 60  # (20 + 100) / 2
    unplanned = Objective.objects.create(goal=plan.goal, title="Nothing planned")
    assert unplanned.progress is None


def test_marking_an_item_done_makes_it_100_percent(plan):
    plan.youth_item.status = WorkPlanItem.Status.DONE
    plan.youth_item.save()
    plan.youth_item.refresh_from_db()
    assert plan.youth_item.percent_done == 100
    assert not plan.youth_item.is_overdue(D(2030, 1, 1))


def test_overdue_means_open_and_past_due(plan):
    assert plan.youth_item.is_overdue(D(2018, 4, 1))
    assert not plan.youth_item.is_overdue(D(2018, 3, 31))
    assert list(WorkPlanItem.objects.overdue(D(2018, 4, 1))) == [plan.youth_item]
    # The adult item is at risk before it is due.
    assert set(WorkPlanItem.objects.needing_attention(D(2018, 1, 2))) == {plan.adult_item}


def test_a_split_metric_totals_its_groups_and_compares_with_the_target(plan):
    latest = plan.adult_metric.latest
    assert latest["value"] == 25 and latest["label"] == "2017"
    assert plan.adult_metric.latest_meets_target is False
    plan.youth_metric.direction = "decrease"
    plan.youth_metric.target = 10
    assert plan.youth_metric.latest_meets_target is True


def test_goal_overview_carries_progress_metrics_and_shared_objectives(plan, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        goals = goals_overview()
        prevention = next(g for g in goals if g.number == 3)
        assert prevention.progress == 15  # (20 + 10) / 2
        assert [m.name for m in prevention.metrics] == ["# active mentors", "# shelter beds"]
        institutionalize = next(g for g in goals if g.number == 2)
        assert [o.title for o in institutionalize.shared_objective_list] == ["Mentors for at-risk youth"]


def test_strategic_plan_is_one_row(db):
    StrategicPlan.objects.create(mission="First")
    # A second plan built from nothing would overwrite the one row without having seen it: refused.
    with pytest.raises(RecordModifiedError), transaction.atomic():
        StrategicPlan(mission="Second").save()
    plan = StrategicPlan.load()
    plan.mission = "Second"
    plan.save()
    assert StrategicPlan.objects.count() == 1
    assert StrategicPlan.load().mission == "Second"


def test_edits_keep_history(plan):
    plan.youth_item.status = "at_risk"
    plan.youth_item.save()
    assert plan.youth_item.history.count() == 2
    assert plan.youth_metric.history.exists() and plan.goal.history.exists()


def test_goal_progress_without_the_overview_prefetch(plan):
    goal = Goal.objects.get(number=3)
    assert goal.progress == 15
    assert [m.name for m in goal.metrics] == ["# active mentors", "# shelter beds"]
