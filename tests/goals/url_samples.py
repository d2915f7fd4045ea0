"""URL arguments for the goals pages (tests/test_access.py)."""

from tests.goals.factories import plan_for
from tests.url_samples import Sample

SAMPLES = {
    "goals:metric": Sample(kwargs=lambda world: {"pk": plan_for(world).youth_metric.pk}),
    "goals:metric_csv": Sample(kwargs=lambda world: {"pk": plan_for(world).youth_metric.pk}),
    "goals:measurement_new": Sample(kwargs=lambda world: {"pk": plan_for(world).youth_metric.pk}),
    "goals:metric_edit": Sample(kwargs=lambda world: {"pk": plan_for(world).youth_metric.pk}),
    "goals:measurement_edit": Sample(kwargs=lambda world: {"pk": plan_for(world).youth_metric.measurements.first().pk}),
    "goals:goal_edit": Sample(kwargs=lambda world: {"pk": plan_for(world).goal.pk}),
    "goals:objective_new": Sample(kwargs=lambda world: {"pk": plan_for(world).goal.pk}),
    "goals:metric_new": Sample(kwargs=lambda world: {"pk": plan_for(world).mentors.pk}),
    "goals:objective_edit": Sample(kwargs=lambda world: {"pk": plan_for(world).mentors.pk}),
    "goals:item": Sample(kwargs=lambda world: {"pk": plan_for(world).youth_item.pk}),
    "goals:item_edit": Sample(kwargs=lambda world: {"pk": plan_for(world).youth_item.pk}),
    "goals:item_progress": Sample(kwargs=lambda world: {"pk": plan_for(world).youth_item.pk}, ok=frozenset({405})),
    "goals:workplan": Sample(kwargs=lambda world: {"slug": plan_for(world).youth_plan.committee.slug}),
    "goals:workplan_new": Sample(kwargs=lambda world: {"slug": plan_for(world).youth_plan.committee.slug}),
    "goals:item_new": Sample(kwargs=lambda world: {"slug": plan_for(world).youth_plan.committee.slug}),
}
SAMPLES["goals:update_from_pamphlets"] = Sample(
    kwargs=lambda world: {"pk": plan_for(world).youth_metric.pk}, ok=frozenset({405})
)
