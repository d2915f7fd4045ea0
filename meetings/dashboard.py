"""The meetings panel on the dashboard: my action items, the next meetings, attendance before orientation."""

from django.db.models import F, Q
from django.utils import timezone

from taskforce import permissions

from .models import ActionItem, Attendance, Meeting


def panels(request):
    user = request.user
    today = timezone.localdate()
    person = permissions.person_of(user)
    my_items = []
    if person is not None:
        my_items = list(
            ActionItem.objects.open().filter(owner=person).select_related("committee").order_by("due_on")[:8]
        )
        for item in my_items:
            item.is_overdue_now = item.is_overdue(today)
    next_meetings = list(
        Meeting.objects.visible_to(user).upcoming().select_related("committee").order_by("starts_at")[:5]
    )
    panel = {
        "template": "meetings/_dashboard_panel.html",
        "my_items": my_items,
        "next_meetings": next_meetings,
        "can_schedule": permissions.COCHAIR_OR_STAFF.allows(user),
        "show_orientation": permissions.is_staff(user),
    }
    if panel["show_orientation"]:
        panel["not_oriented"] = list(
            Attendance.objects.filter(status__in=Attendance.ATTENDED)
            .filter(Q(person__oriented_on__isnull=True) | Q(person__oriented_on__gt=F("meeting__starts_at__date")))
            .select_related("person", "meeting__committee")
            .order_by("person_id", "meeting__starts_at")
            .distinct("person_id")[:10]
        )
    return [panel]
