"""The dashboard panel for co-chairs and staff: work-plan items overdue or at risk."""

from django.utils import timezone
from django.utils.translation import gettext as _

from taskforce.permissions import chaired_committee_ids, is_staff

from .models import WorkPlanItem

SHOWN = 8


def panels(request) -> list[dict]:
    user = request.user
    chaired = chaired_committee_ids(user)
    if not (is_staff(user) or chaired):
        return []
    today = timezone.localdate()
    # Only what the panel shows: the item, its committee's name and work plan's address, when it is due.
    items = (
        WorkPlanItem.objects.needing_attention(today)
        .select_related("work_plan__committee")
        .only("title", "due_on", "status", "work_plan__committee__name", "work_plan__committee__slug")
    )
    if not is_staff(user):
        items = items.filter(work_plan__committee_id__in=chaired)
    items = list(items.order_by("due_on", "pk")[: SHOWN + 1])
    for item in items:
        item.overdue = item.is_overdue(today)
    return [
        {
            "template": "goals/_dashboard_panel.html",
            "items": items[:SHOWN],
            "more": len(items) > SHOWN,
            "scope": _("every committee") if is_staff(user) else _("the committees you chair"),
        }
    ]
