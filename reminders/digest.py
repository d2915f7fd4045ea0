"""What one login's daily digest says: every list is read through the permission rules
(taskforce/permissions.py and the visible_to querysets), so a digest never tells someone what the app would not
show them."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from goals.models import WorkPlanItem
from meetings.models import ActionItem, Meeting
from members.models import MOU, Committee, Organization, Service
from reports.models import AgencySubmission, ReportingYear
from taskforce import permissions

DAYS_AHEAD = 7
MOU_DAYS = 60
MINUTES_LATE_DAYS = 60
AGENDA_DAYS = 5
SUBMISSION_DAYS = 30


@dataclass
class Digest:
    """The lists of one login's digest; empty when there is nothing to say."""

    user: object
    today: datetime.date
    action_items: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    agendas_to_publish: list = field(default_factory=list)
    work_plan_items: list = field(default_factory=list)
    submissions_to_send: list = field(default_factory=list)
    expiring_mous: list = field(default_factory=list)
    submissions_to_review: list = field(default_factory=list)
    services_to_verify: list = field(default_factory=list)
    minutes_to_approve: list = field(default_factory=list)

    LISTS = (
        "action_items",
        "meetings",
        "agendas_to_publish",
        "work_plan_items",
        "submissions_to_send",
        "expiring_mous",
        "submissions_to_review",
        "services_to_verify",
        "minutes_to_approve",
    )

    def __len__(self):
        return sum(len(getattr(self, name)) for name in self.LISTS)

    def __bool__(self):
        return len(self) > 0


def recipients():
    """The logins a digest may go to: active, with an email address, not opted out of the digest."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .exclude(reminder_preference__daily_digest=False)
        .order_by("pk")
    )


def _day_bounds(today, days):
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(today, datetime.time.min, tzinfo=zone)
    return start, start + datetime.timedelta(days=days + 1)


def digest_for(user, today=None):
    """The digest of one login on a day (the task force's local date)."""
    today = today or timezone.localdate()
    digest = Digest(user=user, today=today)
    person = permissions.person_of(user)
    _start, end = _day_bounds(today, DAYS_AHEAD)

    if person is not None:
        digest.action_items = list(
            ActionItem.objects.visible_to(user)
            .open()
            .filter(owner=person, due_on__lte=today + datetime.timedelta(days=DAYS_AHEAD))
            .select_related("meeting", "committee")
        )

    # Meetings of the committees they sit on (and the full task force, which every representative attends).
    committees = sorted({role.committee_id for role in permissions.committee_roles_of(user)})
    mine = Q(committee_id__in=committees)
    if permissions.represented_organization_ids(user):
        mine |= Q(committee__kind=Committee.Kind.TASK_FORCE)
    if committees or permissions.represented_organization_ids(user):
        digest.meetings = list(
            Meeting.objects.visible_to(user)
            .with_access(user)
            .filter(mine, starts_at__gte=timezone.now(), starts_at__lt=end)
            .exclude(status=Meeting.Status.CANCELLED)
            .select_related("committee")
            .order_by("starts_at", "pk")
        )

    chaired = sorted(permissions.chaired_committee_ids(user))
    if chaired:
        agenda_end = _day_bounds(today, AGENDA_DAYS)[1]
        digest.agendas_to_publish = list(
            Meeting.objects.visible_to(user)
            .filter(permissions.meeting_editor_q(user))
            .filter(
                committee_id__in=chaired,
                agenda_state=Meeting.AgendaState.DRAFT,
                starts_at__gte=timezone.now(),
                starts_at__lt=agenda_end,
            )
            .exclude(status=Meeting.Status.CANCELLED)
            .select_related("committee")
            .order_by("starts_at", "pk")
        )

        # Their committees' work-plan items overdue or at risk: the items they may edit (WORK_PLAN_ITEM_EDITOR).
        digest.work_plan_items = list(
            WorkPlanItem.objects.needing_attention(today)
            .filter(work_plan__committee_id__in=chaired)
            .select_related("work_plan__committee")
            .order_by("due_on", "pk")
        )

    organizations = permissions.data_contact_organization_ids(user)
    if organizations:
        years = ReportingYear.objects.filter(
            state=ReportingYear.State.COLLECTING, due_on__lte=today + datetime.timedelta(days=SUBMISSION_DAYS)
        )
        sent = AgencySubmission.objects.filter(
            organization_id__in=organizations,
            state__in=[AgencySubmission.State.SUBMITTED, AgencySubmission.State.ACCEPTED],
        )
        names = Organization.objects.filter(pk__in=organizations).order_by("name")
        for year in years.order_by("year"):
            done = {submission.organization_id for submission in sent if submission.reporting_year_id == year.pk}
            digest.submissions_to_send += [(year, org) for org in names if org.pk not in done]

    if permissions.is_staff(user):
        digest.expiring_mous = list(
            MOU.objects.expiring_within(MOU_DAYS).select_related("organization").order_by("expires_on", "pk")
        )
        digest.submissions_to_review = list(
            AgencySubmission.objects.filter(state=AgencySubmission.State.SUBMITTED)
            .select_related("organization", "reporting_year")
            .order_by("reporting_year__year", "organization__name")
        )
        digest.services_to_verify = list(
            Service.objects.stale(today).select_related("organization").order_by("organization__name", "pk")
        )
        late = timezone.now() - datetime.timedelta(days=MINUTES_LATE_DAYS)
        digest.minutes_to_approve = list(
            Meeting.objects.minutes_visible_to(user)
            .filter(minutes_state=Meeting.MinutesState.DRAFT, starts_at__lt=late)
            .exclude(status=Meeting.Status.CANCELLED)
            .select_related("committee")
            .order_by("starts_at", "pk")
        )
    return digest
