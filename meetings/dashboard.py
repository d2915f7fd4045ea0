"""The meetings panel on the dashboard: my action items, the next meetings, attendance before orientation."""

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone

from members.models import Committee, MembershipPolicy
from taskforce import permissions

from .models import ActionItem, Attendance, CalendarToken, Meeting

NEW_CALENDAR_LINK = "new_calendar_link"  # session: the new link's secret, until the dashboard has shown it


def _my_attendance(person):
    """How many of the last task-force meetings the person attended: their own count, the one the eligibility
    page counts for them (draft minutes included, as there), never a list of meetings."""
    # Read, never create, the policy row here: the dashboard only looks.
    policy_window = MembershipPolicy.objects.values_list("window_meetings", flat=True).first() or (
        MembershipPolicy._meta.get_field("window_meetings").default
    )
    recent = (
        Meeting.objects.counted_for_attendance()
        .filter(committee__kind=Committee.Kind.TASK_FORCE)
        .order_by("-starts_at")
        .values("pk")[:policy_window]
    )
    mine = Q(attendances__person=person, attendances__status__in=Attendance.ATTENDED)
    return Meeting.objects.filter(pk__in=recent).aggregate(
        of=Count("pk", distinct=True), attended=Count("attendances", filter=mine)
    )


def panels(request):
    user = request.user
    today = timezone.localdate()
    person = permissions.person_of(user)
    my_items, my_attendance = [], None
    if person is not None:
        my_attendance = _my_attendance(person)
        my_items = list(
            ActionItem.objects.visible_to(user)
            .open()
            .filter(owner=person)
            .select_related("committee")
            .order_by("due_on")[:8]
        )
        for item in my_items:
            item.is_overdue_now = item.is_overdue(today)
    next_meetings = list(
        Meeting.objects.visible_to(user)
        .upcoming()
        .select_related("committee")
        .only("title", "starts_at", "ends_at", "committee__name")  # its name, address and when
        .order_by("starts_at")[:5]
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
        # Each person's first attendance before their orientation, for the first ten such people. The ten
        # people are the first ten distinct person ids of such rows (read in person order, it stops at the
        # tenth); DISTINCT ON then sorts only those people's rows. DISTINCT ON over every such row sorted all
        # of them (35 ms at ten years of data); a subquery per person ordering its rows by the meeting's start
        # joined every meeting for each of them (7 ms); picking the people with Exists() over Person planned
        # and built a query nested one level deeper (0.7 ms more than this, of some 4).
        before_orientation = (
            Attendance.objects.visible_to(user)
            .filter(status__in=Attendance.ATTENDED)
            .filter(Q(person__oriented_on__isnull=True) | Q(person__oriented_on__gt=F("meeting__starts_at__date")))
        )
        first_people = before_orientation.order_by("person_id").values("person_id").distinct()[:10]
        panel["not_oriented"] = list(
            before_orientation.filter(person__in=first_people)
            .select_related("person", "meeting")
            .only("person__given_name", "person__family_name", "person__oriented_on", "meeting__starts_at")
            .order_by("person_id", "meeting__starts_at", "pk")
            .distinct("person_id")
        )
    return [panel, _calendar_link_panel(request)]


def _calendar_link_panel(request):
    """The member's private calendar link: whether one works, and right after it is made, the link itself
    (only its hash is stored, so this is the one time it can be shown)."""
    user = request.user
    secret = request.session.pop(NEW_CALENDAR_LINK, None)
    links = []
    if secret:
        links.append((None, request.build_absolute_uri(reverse("meetings:private_calendar", args=[secret]))))
        for role in permissions.committee_roles_of(user):
            url = reverse("meetings:private_committee_calendar", args=[secret, role.committee.slug])
            links.append((role.committee, request.build_absolute_uri(url)))
    return {
        "template": "meetings/_calendar_link_panel.html",
        "has_link": bool(secret) or CalendarToken.objects.filter(user=user, revoked_at__isnull=True).exists(),
        "new_links": links,
    }


PUBLIC_PANEL_MEETINGS = 3


def public_panels(request):
    """For a visitor not logged in: the next public meetings whose agenda is published, the latest approved
    minutes, and the public calendar feed."""
    now = timezone.now()
    meetings = Meeting.objects.select_related("committee")
    agendas = meetings.agenda_visible_to(request.user).upcoming(now).order_by("starts_at")[:PUBLIC_PANEL_MEETINGS]
    minutes = meetings.minutes_visible_to(request.user).past(now).order_by("-starts_at")[:PUBLIC_PANEL_MEETINGS]
    return [{"template": "meetings/_public_panel.html", "agendas": list(agendas), "minutes": list(minutes)}]
