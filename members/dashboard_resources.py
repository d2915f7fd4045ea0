"""The staff dashboard's resource panel: services not verified for 12 months, oldest first."""

from django.db.models import F

from taskforce.permissions import is_staff

from .models import Service

SHOWN = 8


def panels(request) -> list[dict]:
    if not is_staff(request.user):
        return []
    stale = Service.objects.stale()
    services = list(
        stale.select_related("organization").order_by(F("last_verified_on").asc(nulls_first=True), "name")[:SHOWN]
    )
    total = stale.count()
    return [{"template": "resources/_dashboard_panel.html", "services": services, "total": total}]
