"""Pages of the goals app that the benchmark (bench/run.py) measures."""

from members.models import Committee

from .models import Metric


def pages():
    committee = Committee.objects.filter(kind=Committee.Kind.STANDING).order_by("pk").first()
    metric = Metric.objects.order_by("pk").first()
    return [
        ("goals", "/goals/"),
        ("work plan", f"/committees/{committee.slug}/workplan/"),
        ("metric", f"/goals/metrics/{metric.pk}/"),
    ]
