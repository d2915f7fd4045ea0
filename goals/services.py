"""What other parts of the project read from the strategic plan (the annual report, the goals page)."""

import datetime

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext

from members.models import PamphletDistribution

from .models import Goal, Measurement, Metric, Objective, StrategicPlan


def goals_overview(*, latest_figures_only: bool = False) -> list[Goal]:
    """The goals in order, each with ``objective_list`` (progress, ``committee_list`` of names and slugs,
    ``also_serves_list`` of goals, ``metric_list`` with ``measurement_list``: every figure, or with
    ``latest_figures_only`` each metric's latest period) and ``shared_objective_list``; a fixed number of queries."""
    goals = list(Goal.objects.with_objectives_and_metrics(latest_figures_only=latest_figures_only))
    # Every objective arrives with the goals it also serves, so each goal's shared objectives are
    # gathered from those lists (in plan order) rather than read again through the same table.
    by_pk = {goal.pk: goal for goal in goals}
    for goal in goals:
        goal.shared_objective_list = []
    for goal in goals:
        for objective in goal.objective_list:
            objective.also_serves_list = [by_pk[pk] for pk in objective.also_serves_pks]
            for served in objective.also_serves_list:
                served.shared_objective_list.append(objective)
    return goals


def strategic_plan() -> StrategicPlan | None:
    """The mission, vision and definition, or None before staff have written them."""
    return StrategicPlan.objects.first()


def ease_importance_grid(objectives) -> list[dict]:
    """Objectives placed like the retreat's grid: a row per importance (highest first), a cell per ease."""
    rows = []
    for importance, label in sorted(Objective.Importance.choices, reverse=True):
        cells = []
        for ease, _ in Objective.Ease.choices:
            cells.append([o for o in objectives if o.importance == importance and o.ease == ease])
        rows.append({"importance": importance, "label": label, "cells": cells})
    return rows


def update_from_pamphlet_counts(*, metric: Metric, user) -> int:
    """Bring the resource list's pamphlet counts into a metric: one figure per agency per year.

    Returns how many figures were added or changed. Figures typed by hand for the same agency and
    year are replaced by the counted ones, which are the record.
    """
    totals = (
        PamphletDistribution.objects.annotate(year=ExtractYear("distributed_on"))
        .values("year", "organization_id", "organization__name")
        .annotate(pamphlets=Sum("quantity"))
        .order_by("year", "organization__name")
    )
    changed = 0
    with transaction.atomic():
        for row in totals:
            year = row["year"]
            measurement, created = Measurement.objects.select_for_update().get_or_create(
                metric=metric,
                period_start=datetime.date(year, 1, 1),
                period_end=datetime.date(year, 12, 31),
                breakdown=row["organization__name"],
                defaults={"value": row["pamphlets"], "period_label": str(year)},
            )
            if created or measurement.value != row["pamphlets"] or measurement.is_sample:
                measurement.value = row["pamphlets"]
                measurement.period_label = str(year)
                measurement.source_id = row["organization_id"]
                measurement.is_sample = False
                measurement.recorded_by = user
                measurement.notes = gettext("From the pamphlet counts on the resource list.")
                measurement.save()
                changed += 1
    return changed
