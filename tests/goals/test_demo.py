"""The demo plan from the retreat summary and the committee minutes."""

from django.core.management import call_command

from goals.models import Goal, Measurement, Metric, Objective, ProgressUpdate, StrategicPlan, WorkPlan, WorkPlanItem


def counts():
    return [m.objects.count() for m in (Goal, Objective, Metric, Measurement, WorkPlan, WorkPlanItem, ProgressUpdate)]


def test_demo_seeds_the_retreats_plan_once(db):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert list(Goal.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
    names = " ".join(Metric.objects.values_list("name", flat=True))
    for words in [
        "housing units",
        "students and teachers",
        "employees trained",
        "active mentors",
        "foster care",
        "trauma-informed placement",
        "pamphlets",
        "expungements",
    ]:
        assert words in names
    assert not Measurement.objects.filter(is_sample=False).exists()
    assert set(WorkPlan.objects.values_list("committee__slug", flat=True)) == {
        "executive",
        "youth-trafficking",
        "adult-trafficking",
        "sex-work-policy",
    }
    assert WorkPlanItem.objects.filter(title__contains="Chief Scott").exists()
    assert "world free of human trafficking" in StrategicPlan.load().vision
    shared = Objective.objects.get(title__startswith="Collaborate with regional efforts")
    assert list(shared.also_serves.values_list("number", flat=True)) == [2]
    assert Objective.objects.filter(committees__isnull=True).count() == 0
