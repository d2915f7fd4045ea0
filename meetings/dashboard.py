"""The meetings panel on the dashboard: my action items, the next meetings, attendance before orientation."""

from django.db.models import F, Q
from django.utils import timezone

from members.models import Committee, MembershipPolicy
from taskforce import permissions

from .models import ActionItem, Attendance, Meeting


def panels(request):
    user = request.user
    today = timezone.localdate()
    person = permissions.person_of(user)
    my_items, my_attendance = [], None
    if person is not None:
        # Read, never create, the policy row here: the dashboard only looks.
        policy_window = MembershipPolicy.objects.values_list("window_meetings", flat=True).first() or (
            MembershipPolicy._meta.get_field("window_meetings").default
        )
        recent = list(
            Meeting.objects.counted_for_attendance()
            .filter(committee__kind=Committee.Kind.TASK_FORCE)
            .order_by("-starts_at")
            .values_list("pk", flat=True)[:policy_window]
        )
        attended = Attendance.objects.filter(
            person=person, meeting_id__in=recent, status__in=Attendance.ATTENDED
        ).count()
        my_attendance = {"attended": attended, "of": len(recent)}
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
        "my_attendance": my_attendance,
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
