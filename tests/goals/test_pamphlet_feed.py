"""The pamphlets metric takes its figures from the pamphlet counts staff record on the resource list."""

import datetime

from goals.models import Measurement, Metric
from members.models import PamphletDistribution
from tests.goals.factories import plan_for

D = datetime.date


def pamphlet_metric(world):
    plan = plan_for(world)
    metric = plan.youth_metric
    metric.name, metric.unit, metric.feed, metric.breakdown_by = "# pamphlets", "pamphlets", "pamphlets", "agency"
    metric.save()
    return metric


def record(world, organization, day, quantity):
    PamphletDistribution.objects.create(
        organization=organization, distributed_on=day, quantity=quantity, recorded_by=world.staff.user
    )


def test_counts_become_one_figure_per_agency_per_year(client_as, world):
    metric = pamphlet_metric(world)
    record(world, world.legal_aid, D(2024, 3, 1), 120)
    record(world, world.legal_aid, D(2024, 9, 1), 80)
    record(world, world.shelter, D(2024, 5, 1), 50)
    record(world, world.shelter, D(2025, 2, 1), 70)
    response = client_as("cochair").post(f"/goals/metrics/{metric.pk}/from-pamphlets/", follow=True)
    assert "3 figures brought in from the pamphlet counts." in response.content.decode()
    figures = {
        (m.period_start.year, m.breakdown): m.value
        for m in Measurement.objects.filter(metric=metric, notes__startswith="From the pamphlet")
    }
    assert figures == {
        (2024, "Legal Aid Society"): 200,
        (2024, "Asian Women's Shelter"): 50,
        (2025, "Asian Women's Shelter"): 70,
    }

    # Again with nothing new changes nothing; a new count changes one figure.
    client_as("cochair").post(f"/goals/metrics/{metric.pk}/from-pamphlets/")
    record(world, world.shelter, D(2025, 6, 1), 30)
    response = client_as("staff").post(f"/goals/metrics/{metric.pk}/from-pamphlets/", follow=True)
    assert "1 figure brought in" in response.content.decode()
    assert (
        Measurement.objects.get(metric=metric, period_start=D(2025, 1, 1), breakdown="Asian Women's Shelter").value
        == 100
    )


def test_only_those_who_record_the_metric_may_bring_counts_in(client_as, world):
    metric = pamphlet_metric(world)
    record(world, world.legal_aid, D(2024, 3, 1), 120)
    assert client_as("member").post(f"/goals/metrics/{metric.pk}/from-pamphlets/").status_code == 403
    assert client_as("anonymous").post(f"/goals/metrics/{metric.pk}/from-pamphlets/").status_code == 302
    assert not Measurement.objects.filter(metric=metric, notes__startswith="From the pamphlet").exists()


def test_a_metric_without_the_feed_refuses(client_as, world):
    plan = plan_for(world)
    response = client_as("staff").post(f"/goals/metrics/{plan.youth_metric.pk}/from-pamphlets/", follow=True)
    assert "does not take its figures from the pamphlet counts" in response.content.decode()
    assert Metric.objects.get(pk=plan.youth_metric.pk).feed == ""
