"""The registry's panels on the dashboard: MOUs to chase for staff, your committees for everyone."""

from django.db.models import Count, Exists, OuterRef, Window

from taskforce.permissions import committee_roles_of, is_staff

from .dashboard_resources import panels as resource_panels
from .filters import UNSIGNED
from .models import MOU, Organization

EXPIRY_WINDOW_DAYS = 60
UNSIGNED_SHOWN = 10  # the rest are one click away, on the organization list


def panels(request):
    user = request.user
    result = []
    result.append({"template": "members/_dashboard_committees.html", "roles": committee_roles_of(user)})
    if is_staff(user):
        signed = MOU.objects.filter(organization=OuterRef("pk"), status=MOU.Status.SIGNED)
        # The first few by name, with how many there are in all (a window count: still one query).
        unsigned = list(
            Organization.objects.members()
            .filter(~Exists(signed))
            .annotate(total=Window(Count("*")))
            .order_by("name")
            .only("id", "name")[:UNSIGNED_SHOWN]
        )
        result.append(
            {
                "template": "members/_dashboard_mous.html",
                "expiring": list(
                    MOU.objects.expiring_within(EXPIRY_WINDOW_DAYS)
                    .select_related("organization")
                    .only("expires_on", "organization__name")
                    .order_by("expires_on")
                ),
                "unsigned": unsigned,
                "unsigned_total": unsigned[0].total if unsigned else 0,
                "unsigned_filter": UNSIGNED,
                "window": EXPIRY_WINDOW_DAYS,
            }
        )
    result.extend(resource_panels(request))
    return result


def public_panels(request):
    """For a visitor not logged in: the public resource list and its printable pamphlets."""
    return [{"template": "resources/_public_panel.html"}]
