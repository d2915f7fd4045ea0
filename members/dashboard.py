"""The registry's panels on the dashboard: MOUs to chase for staff, your committees for everyone."""

from django.db.models import Exists, OuterRef

from taskforce.permissions import is_staff

from .dashboard_resources import panels as resource_panels
from .models import MOU, CommitteeRole, Organization

EXPIRY_WINDOW_DAYS = 60


def panels(request):
    user = request.user
    result = []
    roles = list(
        CommitteeRole.objects.current()
        .filter(person__user=user)
        .select_related("committee")
        .order_by("committee__position")
    )
    result.append({"template": "members/_dashboard_committees.html", "roles": roles})
    if is_staff(user):
        signed = MOU.objects.filter(organization=OuterRef("pk"), status=MOU.Status.SIGNED)
        result.append(
            {
                "template": "members/_dashboard_mous.html",
                "expiring": list(
                    MOU.objects.expiring_within(EXPIRY_WINDOW_DAYS)
                    .select_related("organization")
                    .order_by("expires_on")
                ),
                "unsigned": list(Organization.objects.members().filter(~Exists(signed)).only("id", "name")),
                "window": EXPIRY_WINDOW_DAYS,
            }
        )
    result.extend(resource_panels(request))
    return result
