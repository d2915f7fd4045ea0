"""Work that spans several rows or apps: the attendance roster, voting eligibility, attendance reports."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Count, F, Min, Prefetch, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from members.models import (
    MOU,
    Committee,
    CommitteeRole,
    Membership,
    MembershipPolicy,
    NamedMixin,
    Organization,
    Person,
)
from taskforce.dataversion import next_midnight

from .models import ActionItem, AgendaItem, Attendance, Meeting, Motion

# --- the attendance roster -------------------------------------------------------------


@dataclass(slots=True)
class RosterRow:
    """One line of the attendance list, read as values (the list holds hundreds of people)."""

    person_id: int
    given_name: str
    family_name: str
    organization_id: int | None
    organization_name: str
    role: str = Attendance.Role.MEMBER
    attendance_id: int | None = None  # None until their attendance is recorded
    status: str = ""

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}".strip()


def _roster_sql():
    """One statement for the attendance page: who is recorded, the task force's current representatives,
    the committee's current members (for a committee meeting) and every organization (the guest form's list),
    each as JSON. Table names come from the models."""
    attendance, person, organization = Attendance._meta.db_table, Person._meta.db_table, Organization._meta.db_table
    membership, committee_role = Membership._meta.db_table, CommitteeRole._meta.db_table
    # Only the models' table names are formatted in; every value is a query parameter.
    return f"""
        SELECT
          (SELECT coalesce(json_agg(json_build_array(a.person_id, p.given_name, p.family_name, a.organization_id,
                                                     o.name, a.role, a.id, a.status)), '[]')
             FROM {attendance} a JOIN {person} p ON p.id = a.person_id
             LEFT JOIN {organization} o ON o.id = a.organization_id
            WHERE a.meeting_id = %(meeting)s),
          (SELECT coalesce(json_agg(json_build_array(m.person_id, p.given_name, p.family_name, m.organization_id,
                                                     o.name, m.role)
                                    ORDER BY m.start_on, m.id), '[]')
             FROM {membership} m JOIN {person} p ON p.id = m.person_id
             LEFT JOIN {organization} o ON o.id = m.organization_id
            WHERE m.start_on <= %(day)s AND (m.end_on IS NULL OR m.end_on >= %(day)s)),
          (SELECT coalesce(json_agg(json_build_array(r.person_id, p.given_name, p.family_name, r.role)
                                    ORDER BY r.id), '[]')
             FROM {committee_role} r JOIN {person} p ON p.id = r.person_id
            WHERE %(committee_meeting)s AND r.committee_id = %(committee)s
              AND r.start_on <= %(day)s AND (r.end_on IS NULL OR r.end_on >= %(day)s)),
          (SELECT coalesce(json_agg(json_build_array(o.id, o.name) ORDER BY o.name), '[]') FROM {organization} o)
    """  # noqa: S608


def attendance_roster(meeting: Meeting, *, with_organizations=False):
    """Everyone expected at the meeting, once, by family name: the committee's current members,
    every current task-force representative, and anyone already recorded (guests). One query; with
    `with_organizations`, also every organization as (pk, name) for the guest form: (roster, organizations)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _roster_sql(),
            {
                "meeting": meeting.pk,
                "day": meeting.local_start.date(),
                "committee": meeting.committee_id,
                "committee_meeting": meeting.committee.kind != Committee.Kind.TASK_FORCE,
            },
        )
        recorded, representatives, members, organizations = cursor.fetchone()
    rows: dict[int, RosterRow] = {}
    for person_id, given, family, organization_id, organization, role, pk, status in recorded:
        rows[person_id] = RosterRow(person_id, given, family, organization_id, organization or "", role, pk, status)
    for person_id, given, family, organization_id, organization, membership_role in representatives:
        if person_id not in rows:
            role = Attendance.Role.STAFF if membership_role == Membership.Role.STAFF_LIAISON else Attendance.Role.MEMBER
            rows[person_id] = RosterRow(person_id, given, family, organization_id, organization or "", role)
    for person_id, given, family, committee_role in members:
        if person_id not in rows:
            staff = committee_role == CommitteeRole.Role.STAFF
            role = Attendance.Role.STAFF if staff else Attendance.Role.MEMBER
            rows[person_id] = RosterRow(person_id, given, family, None, "", role)
    roster = sorted(rows.values(), key=lambda row: (row.family_name.lower(), row.given_name.lower()))
    if with_organizations:
        return roster, [(pk, name) for pk, name in organizations]
    return roster


@transaction.atomic
def record_attendance(
    *, meeting: Meeting, statuses: dict[int, str], roster: list[RosterRow], change_reason: str | None = None
) -> int:
    """Save the whole list in one go (one insert, one update), keeping history; returns rows saved.

    An amendment to approved minutes is also recorded on the meeting's history, so the minutes show it."""
    by_person = {row.person_id: row for row in roster}
    new, changed = [], {}
    for person_id, status in statuses.items():
        row = by_person[person_id]
        if row.attendance_id is None:
            new.append(
                Attendance(
                    meeting=meeting,
                    person_id=person_id,
                    organization_id=row.organization_id,
                    status=status,
                    role=row.role,
                )
            )
        elif row.status != status:
            changed[row.attendance_id] = status
    if new:
        bulk_create_with_history(new, Attendance, default_change_reason=change_reason)
    if changed:
        attendances = list(Attendance.objects.filter(pk__in=changed))  # the rows that change, for their history
        for attendance in attendances:
            attendance.status = changed[attendance.pk]
        bulk_update_with_history(attendances, Attendance, ["status"], default_change_reason=change_reason)
    if change_reason and (new or changed):
        meeting._change_reason = change_reason
        meeting.save(update_fields=["updated_at"])
    return len(new) + len(changed)


SEARCH_LIMIT = 20


def search_people(query: str, *, limit: int = SEARCH_LIMIT) -> list[tuple[int, str]]:
    """People whose given or family name contains every word typed, by family name: (pk, "Family, Given").
    One query (none for an empty search), so a guest is found without sending the whole registry."""
    words = query.split()[:5]
    if not words:
        return []
    people = Person.objects.all()
    for word in words:
        people = people.filter(Q(given_name__icontains=word) | Q(family_name__icontains=word))
    rows = people.order_by("family_name", "given_name", "pk").values_list("pk", "family_name", "given_name")[:limit]
    return [(pk, f"{family}, {given}") for pk, family, given in rows]


# --- voting eligibility --------------------------------------------------------------------


@dataclass
class Eligibility:
    person: Person
    organizations: list[Organization]
    has_mou: bool
    attended: int
    can_vote: bool = False
    reasons: list[str] = field(default_factory=list)

    @property
    def representing(self):
        return "; ".join(org.name for org in self.organizations)


@dataclass
class EligibilityReport:
    policy: MembershipPolicy
    window: list[Meeting]
    required: int
    rows: list[Eligibility]

    @property
    def voters(self):
        return [row for row in self.rows if row.can_vote]

    @property
    def non_voters(self):
        return [row for row in self.rows if not row.can_vote]


def attendance_changes_at(now: datetime.datetime) -> datetime.datetime:
    """When attendance figures next change with no edit: the next meeting ends, or the date moves on."""
    ends = Meeting.objects.filter(ends_at__gte=now).aggregate(first=Min("ends_at"))["first"]
    return min(filter(None, [ends, next_midnight(now)]))


def voting_eligibility(*, now: datetime.datetime | None = None) -> EligibilityReport:
    """Who can vote under the membership policy, and for everyone else why not.

    Attendance counts per task-force meeting in the window (the last M held); when
    committee meetings count, attending any committee meeting after the previous
    task-force meeting and up to that one counts as attending it. Five queries.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    policy = MembershipPolicy.load()
    held = list(
        Meeting.objects.counted_for_attendance(now)
        .filter(committee__kind=Committee.Kind.TASK_FORCE)
        .order_by("-starts_at")
        .values_list("pk", "starts_at")[: policy.window_meetings + 1]
    )
    window, before = held[: policy.window_meetings], held[policy.window_meetings :]
    required = min(policy.required_meetings, len(window))

    memberships = list(
        Membership.objects.current(today)
        .select_related("person", "organization")
        .only("person__given_name", "person__family_name", "organization__name")
        .order_by("person__family_name")
    )
    signed = set(
        MOU.objects.filter(status=MOU.Status.SIGNED, organization__in={m.organization_id for m in memberships})
        .exclude(expires_on__lt=today)
        .values_list("organization_id", flat=True)
    )

    credited: dict[int, set[int]] = defaultdict(set)
    if window:
        # Each window meeting covers the period since the task-force meeting before it.
        boundaries = sorted(window, key=lambda pair: pair[1])
        period_start = before[0][1] if before else None
        attendance = Attendance.objects.filter(
            status__in=Attendance.ATTENDED, meeting__starts_at__lte=boundaries[-1][1]
        )
        if period_start:
            attendance = attendance.filter(meeting__starts_at__gt=period_start)
        if not policy.committee_meetings_count:
            attendance = attendance.filter(meeting_id__in=[pk for pk, _ in window])
        attendance = attendance.exclude(meeting__status=Meeting.Status.CANCELLED)
        for person_id, starts_at in attendance.values_list("person_id", "meeting__starts_at"):
            for pk, boundary in boundaries:
                if starts_at <= boundary:
                    credited[person_id].add(pk)
                    break

    people: dict[int, Eligibility] = {}
    for membership in memberships:
        row = people.get(membership.person_id)
        if row is None:
            row = people[membership.person_id] = Eligibility(
                person=membership.person,
                organizations=[],
                has_mou=False,
                attended=len(credited.get(membership.person_id, ())),
            )
        if membership.organization not in row.organizations:
            row.organizations.append(membership.organization)
        row.has_mou = row.has_mou or membership.organization_id in signed

    rule = MembershipPolicy.VotingRule
    for row in people.values():
        mou_ok = row.has_mou
        attendance_ok = row.attended >= required
        mou_reason = "no signed MOU"
        attendance_reason = (
            f"attended {row.attended} of the last {len(window)} task-force meetings, {required} required"
        )
        if policy.voting_rule == rule.MOU_ONLY:
            row.can_vote, failing = mou_ok, [mou_reason]
        elif policy.voting_rule == rule.ATTENDANCE_ONLY:
            row.can_vote, failing = attendance_ok, [attendance_reason]
        elif policy.voting_rule == rule.BOTH:
            row.can_vote = mou_ok and attendance_ok
            failing = [reason for ok, reason in [(mou_ok, mou_reason), (attendance_ok, attendance_reason)] if not ok]
        else:
            row.can_vote, failing = mou_ok or attendance_ok, [mou_reason, attendance_reason]
        row.reasons = [] if row.can_vote else failing

    meetings = list(Meeting.objects.filter(pk__in=[pk for pk, _ in window]).order_by("-starts_at")) if window else []
    rows = sorted(people.values(), key=lambda row: (row.person.family_name.lower(), row.person.given_name.lower()))
    return EligibilityReport(policy=policy, window=meetings, required=required, rows=rows)


# --- attendance reports --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonName(NamedMixin):
    """A person as the report names them (lighter than a model instance, hundreds per report)."""

    pk: int
    given_name: str
    family_name: str


@dataclass(frozen=True, slots=True)
class OrganizationName:
    pk: int
    name: str


REPORT_PAGE_SIZE = 50  # rows per page of each of the attendance report's tables


@dataclass
class OrganizationAttendance:
    organization: OrganizationName
    task_force: int = 0
    committee: int = 0
    representatives: int = 0  # different people it sent to task-force meetings
    usual_representative: str | None = None  # the one who came most often (ties: by family name)
    usual_count: int = 0

    @property
    def consistency(self):
        """Share of the organization's task-force attendances made by its most frequent representative."""
        return round(100 * self.usual_count / self.task_force) if self.task_force else None


@dataclass
class PersonAttendance:
    person: PersonName
    organizations: list = field(default_factory=list)
    task_force: int = 0
    committee: int = 0
    counted: int = 0


def _report_sql():
    """The attendance report in one statement: the meetings held in the period, the number of people and
    organizations who came, and a page of each table (aggregated in the database, as JSON). One round trip:
    building the same four queries with the ORM cost more than running them. Table names come from the models."""
    attendance, meeting, committee = Attendance._meta.db_table, Meeting._meta.db_table, Committee._meta.db_table
    person, organization = Person._meta.db_table, Organization._meta.db_table
    # Only the models' table names are formatted in; every value is a query parameter.
    return f"""
        WITH held AS (
            SELECT m.id, c.kind = %(task_force)s AS task_force
              FROM {meeting} m JOIN {committee} c ON c.id = m.committee_id
             WHERE m.starts_at >= %(since)s AND m.starts_at < %(until)s AND m.status <> %(cancelled)s
        ), came AS (
            SELECT a.person_id, a.organization_id, h.task_force
              FROM {attendance} a JOIN held h ON h.id = a.meeting_id
             WHERE a.status IN (%(present)s, %(remote)s)
        )
        SELECT
          (SELECT count(*) FILTER (WHERE task_force) FROM held),
          (SELECT count(*) FROM held),
          (SELECT count(DISTINCT person_id) FROM came),
          (SELECT count(DISTINCT organization_id) FROM came),
          (SELECT coalesce(json_agg(json_build_array(t.person_id, t.given_name, t.family_name, t.task_force,
                                                     t.total, t.organizations)
                                    ORDER BY t.family_name, t.given_name, t.person_id), '[]')
             FROM (SELECT came.person_id, p.given_name, p.family_name,
                          count(*) FILTER (WHERE came.task_force) AS task_force, count(*) AS total,
                          coalesce(array_agg(DISTINCT o.name) FILTER (WHERE o.name IS NOT NULL), '{{}}')
                            AS organizations
                     FROM came JOIN {person} p ON p.id = came.person_id
                     LEFT JOIN {organization} o ON o.id = came.organization_id
                    GROUP BY came.person_id, p.given_name, p.family_name
                    ORDER BY p.family_name, p.given_name, came.person_id
                    LIMIT %(limit)s OFFSET %(people_offset)s) t),
          (SELECT coalesce(json_agg(json_build_array(t.organization_id, t.name, t.task_force, t.total, t.sent)
                                    ORDER BY lower(t.name), t.organization_id), '[]')
             FROM (SELECT came.organization_id, o.name,
                          count(*) FILTER (WHERE came.task_force) AS task_force, count(*) AS total,
                          coalesce(json_agg(json_build_array(p.id, p.given_name, p.family_name)
                                            ORDER BY p.family_name, p.given_name, p.id)
                                   FILTER (WHERE came.task_force), '[]') AS sent
                     FROM came JOIN {organization} o ON o.id = came.organization_id
                     JOIN {person} p ON p.id = came.person_id
                    GROUP BY came.organization_id, o.name
                    ORDER BY lower(o.name), came.organization_id
                    LIMIT %(limit)s OFFSET %(organizations_offset)s) t)
    """  # noqa: S608


def _first_try(number):
    """The page to read first: a whole number as it is (at least one), anything else the first page."""
    try:
        return max(int(number), 1)
    except (TypeError, ValueError):
        return 1


def _report_rows(params, people_page, organizations_page):
    """Run the report's statement for the pages asked for. The totals come with the rows, so a page
    Paginator.get_page would not show (past the end, below one) is read again as the one it shows."""
    asked = (people_page, organizations_page)
    numbers = tuple(_first_try(number) for number in asked)
    while True:
        params["people_offset"] = (numbers[0] - 1) * REPORT_PAGE_SIZE
        params["organizations_offset"] = (numbers[1] - 1) * REPORT_PAGE_SIZE
        with connection.cursor() as cursor:
            cursor.execute(_report_sql(), params)
            row = cursor.fetchone()
        pages = tuple(
            Paginator(range(count), REPORT_PAGE_SIZE).get_page(number)
            for count, number in zip(row[2:4], asked, strict=True)
        )
        if (pages[0].number, pages[1].number) == numbers:
            return row, pages
        numbers = (pages[0].number, pages[1].number)


def attendance_report(*, start: datetime.date, end: datetime.date, people_page=1, organizations_page=1):
    """Attendance per person and per organization over a period, and how consistently each
    organization sent the same representative to task-force meetings: counted in the database,
    a page of each table at a time. Two queries (the policy, the report), whatever the period holds."""
    # The period's days in the task force's time zone, as a range of instants (no conversion per row).
    zone = timezone.get_current_timezone()
    params = {
        "since": datetime.datetime.combine(start, datetime.time.min, tzinfo=zone),
        "until": datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone),
        "cancelled": Meeting.Status.CANCELLED.value,
        "task_force": Committee.Kind.TASK_FORCE.value,
        "present": Attendance.Status.PRESENT.value,
        "remote": Attendance.Status.REMOTE.value,
        "limit": REPORT_PAGE_SIZE,
    }
    policy = MembershipPolicy.load()
    row, (people_page, organizations_page) = _report_rows(params, people_page, organizations_page)
    task_force_meetings, meetings, _, _, people, organizations = row

    def person_row(person_id, given, family, task_force, total, organization_names):
        committee = total - task_force
        return PersonAttendance(
            person=PersonName(person_id, given, family),
            organizations=sorted(organization_names, key=str.lower),
            task_force=task_force,
            committee=committee,
            counted=task_force + (committee if policy.committee_meetings_count else 0),
        )

    # Who each organization sent to task-force meetings, one entry per attendance, by family name:
    # the most frequent is its usual representative (ties: the first by family name).
    def organization_row(organization_id, name, task_force, total, sent):
        times = Counter(person_id for person_id, _, _ in sent)
        organization = OrganizationAttendance(
            organization=OrganizationName(organization_id, name),
            task_force=task_force,
            committee=total - task_force,
            representatives=len(times),
        )
        if times:
            usual, organization.usual_count = times.most_common(1)[0]
            given, family = next((given, family) for person_id, given, family in sent if person_id == usual)
            organization.usual_representative = f"{given} {family}".strip()
        return organization

    people_page.object_list = [person_row(*row) for row in people]
    organizations_page.object_list = [organization_row(*row) for row in organizations]
    return {
        "policy": policy,
        "task_force_meetings": task_force_meetings,
        "committee_meetings": meetings - task_force_meetings,
        "people": people_page,
        "organizations": organizations_page,
    }


AMENDMENT = "Amendment: "  # how an amendment's reason starts in the history


def minutes_context(meeting: Meeting) -> dict:
    """Everything the minutes page and PDF show besides the meeting: the agenda (main items, each with its
    motions in ``motion_list`` and its parts), who attended, the action items, the committee's next meeting
    (unless the minutes name it) and the amendments. Six queries, whatever the meeting holds."""
    motions = Motion.objects.select_related("moved_by", "seconded_by").order_by("pk")
    items = meeting.agenda_items.order_by("position", "pk").prefetch_related(
        Prefetch("motions", queryset=motions, to_attr="motion_list")
    )
    attendees = (
        meeting.attendances.filter(status__in=Attendance.ATTENDED)
        .select_related("person", "organization")
        .order_by("person__family_name", "person__given_name", "pk")
    )
    action_items = meeting.action_items.select_related("owner").order_by(
        F("agenda_item__position").asc(nulls_last=True), "pk"
    )
    amendments = meeting.history.filter(history_change_reason__startswith=AMENDMENT).order_by("history_date")
    return {
        "meeting": meeting,
        "items": outline(list(items)),
        "attendees": list(attendees),
        "action_items": list(action_items),
        "next_meeting": None if meeting.next_meeting_note else meeting.next_meeting(),
        "amendments": [
            (date, reason.removeprefix(AMENDMENT))
            for date, reason in amendments.values_list("history_date", "history_change_reason")
        ],
    }


def outline(items: list[AgendaItem]) -> list[AgendaItem]:
    """Agenda items (in order) as the agenda reads: the main items numbered 1, 2, 3, each with its
    ``parts`` numbered 3a, 3b... A part whose main item is missing from the list counts as a main item."""
    known = {item.pk for item in items}
    parts = defaultdict(list)
    main = []
    for item in items:
        if item.parent_id in known:
            parts[item.parent_id].append(item)
        else:
            main.append(item)
    for number, item in enumerate(main, start=1):
        item.number = str(number)
        item.parts = parts.get(item.pk, [])
        for index, part in enumerate(item.parts):
            part.number = f"{number}{_letters(index)}"
            part.parts = []
    return main


def _letters(index: int) -> str:
    """a, b, ... z, aa, ab, ...: the letter of the part at this index."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def render_minutes_html(meeting: Meeting) -> str:
    """The minutes as the standalone HTML document the PDF is made from."""
    from django.template.loader import render_to_string

    return render_to_string("meetings/minutes_pdf.html", minutes_context(meeting))


def render_minutes_pdf(meeting: Meeting, *, base_url: str | None = None) -> bytes:
    """The minutes as a tagged PDF (PDF/UA-1) for screen readers."""
    from taskforce import pdf

    return pdf.html(string=render_minutes_html(meeting), base_url=base_url).write_pdf(pdf_variant=PDF_VARIANT)


PDF_VARIANT = "pdf/ua-1"


def year_in_review(*, year: int) -> dict:
    """Meetings held and attendance in a calendar year, for the annual report's year in review. Three queries."""
    from django.db.models import Q

    meetings = Meeting.objects.filter(starts_at__year=year).exclude(status=Meeting.Status.CANCELLED)
    attended = Q(attendances__status__in=Attendance.ATTENDED)
    by_committee = list(
        meetings.values("committee__name", "committee__kind", "committee__position")
        .annotate(meetings=Count("pk", distinct=True), attendances=Count("attendances", filter=attended))
        .order_by("committee__position", "committee__name")
    )
    totals = Attendance.objects.filter(meeting__in=meetings, status__in=Attendance.ATTENDED).aggregate(
        attendances=Count("pk"),
        people=Count("person", distinct=True),
        organizations=Count("organization", distinct=True),
    )
    actions = ActionItem.objects.filter(meeting__in=meetings).aggregate(
        opened=Count("pk"), done=Count("pk", filter=Q(status=ActionItem.Status.DONE))
    )
    task_force = [row for row in by_committee if row["committee__kind"] == Committee.Kind.TASK_FORCE]
    tf_meetings = sum(row["meetings"] for row in task_force)
    tf_attendances = sum(row["attendances"] for row in task_force)
    return {
        "year": year,
        "meetings": sum(row["meetings"] for row in by_committee),
        "by_committee": [
            {"committee": row["committee__name"], "meetings": row["meetings"], "attendances": row["attendances"]}
            for row in by_committee
        ],
        "task_force_meetings": tf_meetings,
        "average_task_force_attendance": round(tf_attendances / tf_meetings, 1) if tf_meetings else None,
        **totals,
        "action_items": actions["opened"],
        "action_items_done": actions["done"],
    }
