"""What other parts of the project read from the strategic plan (the annual report, the goals page)."""

from .models import Goal, Objective, StrategicPlan


def goals_overview() -> list[Goal]:
    """The goals in order, each with ``objective_list`` (progress, ``committee_list``, ``metric_list``
    with ``measurement_list``) and ``shared_objective_list``; a fixed number of queries."""
    return list(Goal.objects.with_objectives_and_metrics())


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
