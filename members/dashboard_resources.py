"""The staff dashboard's resource panel: services not verified for 12 months, oldest first."""

from django.db.models import Count, F, Window

from taskforce.permissions import is_staff

from .models import Service

SHOWN = 8


def panels(request) -> list[dict]:
    if not is_staff(request.user):
        return []
    # The oldest few, with how many there are in all (a window count, as the MOU panel's list).
    services = list(
        Service.objects.stale()
        .select_related("organization")
        .only("name", "last_verified_on", "organization__name")  # the window count projects every stale row
        .annotate(total=Window(Count("*")))
        .order_by(F("last_verified_on").asc(nulls_first=True), "name")[:SHOWN]
    )
    total = services[0].total if services else 0
    return [{"template": "resources/_dashboard_panel.html", "services": services, "total": total}]
