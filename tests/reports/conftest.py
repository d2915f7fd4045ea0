import datetime

import pytest

from tests.reports.helpers import default_categories, make_year


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Background tasks run at once in tests."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def categories(db):
    return default_categories()


@pytest.fixture
def year(db, categories):
    return make_year(2025)


@pytest.fixture
def goal_with_metric(db):
    """A goal with an objective, a metric and a figure: the goals section runs all its queries."""
    from goals.models import Goal, Measurement, Metric, Objective

    goal = Goal.objects.create(number=1, title="Prevention")
    objective = Objective.objects.create(goal=goal, title="Train teachers")
    metric = Metric.objects.create(objective=objective, name="# trained", unit="teachers")
    measurement = Measurement.objects.create(
        metric=metric, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31), value=40
    )
    return goal, objective, metric, measurement
