"""Work that spans several rows or apps: the attendance roster, voting eligibility, attendance reports."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.aggregates import ArrayAgg, BoolOr
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import JSONObject, Lower
from django.utils import timezone
from django.utils.translation import gettext
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
from taskforce import permissions
from taskforce.pagination import get_counted_page

from .minutes_fingerprint import minutes_version
from .models import ActionItem, AgendaItem, Attendance, Meeting, Motion

TASK_FORCE = Committee.Kind.TASK_FORCE

# --- the attendance roster -------------------------------------------------------------


def _expected_role(membership_role=None, committee_role=None):
    """The role an expected attendee is recorded with: staff for a staff liaison or committee staff."""
    staff = membership_role == Membership.Role.STAFF_LIAISON or committee_role == CommitteeRole.Role.STAFF
    return Attendance.Role.STAFF if staff else Attendance.Role.MEMBER


ROSTER_PAGE_SIZE = 50  # people per page of the attendance list: each row draws four labelled radios


def _expected_with_rows(meeting: Meeting):
    """Meeting.expected_people, each read with what their row needs, in the same query: their attendance here
    (``recorded``: its id, status, role and organization), their first current membership (``membership``: its
    role and organization) and, at a committee meeting, their role on the committee (``committee_role``)."""
    day = meeting.local_start.date()
    recorded = (
        meeting.attendances.filter(person=OuterRef("pk"))
        .order_by()
        .values(
            json=JSONObject(
                id="pk", status="status", role="role", organization_id="organization", organization="organization__name"
            )
        )
    )
    membership = (
        Membership.objects.represented_on(day)
        .filter(person=OuterRef("pk"))
        .values(json=JSONObject(role="role", organization_id="organization", organization="organization__name"))[:1]
    )
    people = (
        meeting.expected_people()
        .only("given_name", "family_name")
        .annotate(recorded=Subquery(recorded), membership=Subquery(membership))
    )
    if meeting.committee.kind != TASK_FORCE:
        roles = CommitteeRole.objects.current(day).filter(committee_id=meeting.committee_id, person=OuterRef("pk"))
        people = people.annotate(committee_role=Subquery(roles.order_by("pk").values("role")[:1]))
    return people


def _organization(read) -> Organization | None:
    """The organization a row names, as Organization.objects.only("name") would load it."""
    if read["organization_id"] is None:
        return None
    return Organization.from_db(DEFAULT_DB_ALIAS, ["id", "name"], [read["organization_id"], read["organization"]])


def _rows(meeting: Meeting, people) -> list[Attendance]:
    """One attendance per person: the saved one as recorded, or an unsaved one (no status yet) with the
    organization they currently represent, if any, and the role they are expected in."""
    task_force = meeting.committee.kind == TASK_FORCE
    rows = []
    for person in people:
        if person.recorded:
            read = person.recorded
            # The saved row, as Attendance.objects.only(...) would load it.
            row = Attendance.from_db(
                DEFAULT_DB_ALIAS,
                ["id", "meeting_id", "person_id", "organization_id", "status", "role"],
                [read["id"], meeting.pk, person.pk, read["organization_id"], read["status"], read["role"]],
            )
            row.meeting = meeting
        else:
            read = person.membership or {"role": None, "organization_id": None}
            if task_force:
                role = _expected_role(membership_role=read["role"])
            elif person.committee_role is None:
                role = Attendance.Role.GUEST  # listed because they came to one of the last three meetings
            else:
                role = _expected_role(committee_role=person.committee_role)
            row = Attendance(meeting=meeting, role=role, status="")
        row.person = person
        row.organization = _organization(read)
        rows.append(row)
    return rows


def attendance_roster(meeting: Meeting, *, page=1):
    """A page of everyone expected at the meeting (Meeting.expected_people, by family name): a Paginator
    page whose rows are attendances, saved ones as recorded, unsaved ones (no status yet) for the others.
    One query (the page's people with their rows and the list's size: get_counted_page), whatever the registry
    holds."""
    roster = get_counted_page(_expected_with_rows(meeting), ROSTER_PAGE_SIZE, page)
    roster.object_list = _rows(meeting, roster.object_list)
    return roster


POSTED_LIMIT = 1000  # at most this many people saved by one post: a page and the guests added to it


def posted_roster(meeting: Meeting, person_ids) -> list[Attendance]:
    """The rows of the people a posted page listed who are still expected at the meeting, by family name.
    Saving reads the list the page showed, not the page as it is now: a guest added meanwhile moves the
    page's boundaries. One query."""
    return _rows(meeting, _expected_with_rows(meeting).filter(pk__in=list(person_ids)[:POSTED_LIMIT]))


@transaction.atomic
def record_attendance(
    *, meeting: Meeting, statuses: dict[int, str], roster: list[Attendance], change_reason: str | None = None
) -> int:
    """Save the listed rows in one go (one insert, one update), keeping history; returns rows saved.

    Only people on the roster (the page that was posted) are saved. An amendment to approved minutes is also recorded on the meeting's
    history, so the minutes show it."""
    new, changed = [], []
    for row in roster:
        status = statuses.get(row.person_id)
        if not status or status == row.status:
            continue
        row.status = status
        (changed if row.pk else new).append(row)
    if new:
        bulk_create_with_history(new, Attendance, default_change_reason=change_reason)
    if changed:
        bulk_update_with_history(changed, Attendance, ["status"], default_change_reason=change_reason)
    if change_reason and (new or changed):
        meeting._change_reason = change_reason
        meeting.save(update_fields=["updated_at"])
    return len(new) + len(changed)


SEARCH_LIMIT = 20


def search_people(query: str, *, limit: int = SEARCH_LIMIT) -> list[tuple[int, str]]:
    """People whose given or family name contains every word typed, by family name: (pk, "Family, Given").
    One query (none for an empty search), so a guest is found without sending the whole registry."""
    if not query.split():
        return []
    rows = (
        Person.objects.named(query)
        .order_by("family_name", "given_name", "pk")
        .values_list("pk", "family_name", "given_name")[:limit]
    )
    return [(pk, f"{family}, {given}") for pk, family, given in rows]


def search_organizations(query: str, *, limit: int = SEARCH_LIMIT) -> list[tuple[int, str]]:
    """Organizations whose name or acronym contains every word typed (Organization.objects.matching), by name:
    (pk, name). One query (none for an empty search), so the guest form does not list every organization."""
    if not query.split():
        return []
    return list(Organization.objects.matching(query).order_by("name", "pk").values_list("pk", "name")[:limit])


# --- voting eligibility --------------------------------------------------------------------


@dataclass(slots=True)
class Eligibility(NamedMixin):
    person_id: int
    family_name: str
    given_name: str
    organization_names: list[str]  # of their current memberships: an organization twice if they hold two there
    has_mou: bool
    attended: int
    attended_of_held: str  # "2 of 6": the window's meetings attended
    can_vote: bool = False
    reasons: list[str] = field(default_factory=list)  # shared by the rows judged alike: read, never changed

    @property
    def representing(self):
        """The organizations they represent now, each once, by name."""
        return "; ".join(sorted(set(self.organization_names), key=str.lower))


@dataclass
class EligibilityReport:
    policy: MembershipPolicy
    window: list[Meeting]
    required: int
    rows: list[Eligibility]

    @cached_property
    def voters(self):
        return [row for row in self.rows if row.can_vote]

    @cached_property
    def non_voters(self):
        return [row for row in self.rows if not row.can_vote]


def _judge(policy, has_mou, attended, *, held, required):
    """The membership policy's voting rule for one person: (can vote, the reasons why not, "2 of 6")."""
    rule = MembershipPolicy.VotingRule
    mou_reason = gettext("no signed MOU")
    attendance_ok = attended >= required
    attendance_reason = gettext(
        "attended %(attended)d of the last %(window)d task-force meetings, %(required)d required"
    ) % {"attended": attended, "window": held, "required": required}
    if policy.voting_rule == rule.MOU_ONLY:
        can_vote, failing = has_mou, [mou_reason]
    elif policy.voting_rule == rule.ATTENDANCE_ONLY:
        can_vote, failing = attendance_ok, [attendance_reason]
    elif policy.voting_rule == rule.BOTH:
        can_vote = has_mou and attendance_ok
        failing = [reason for ok, reason in [(has_mou, mou_reason), (attendance_ok, attendance_reason)] if not ok]
    else:
        can_vote, failing = has_mou or attendance_ok, [mou_reason, attendance_reason]
    of_held = gettext("%(attended)s of %(held)s") % {"attended": attended, "held": held}
    return can_vote, [] if can_vote else failing, of_held


def counted_for(task_force_meetings, attendance="") -> Case:
    """The membership policy's rule, where committee meetings count: an attendance counts for the first of these
    task-force meetings (in order of their start) that starts at or after its meeting, which makes attending a
    committee meeting since the task-force meeting before count as attending that one. The meeting's id, or NULL
    after the last; counted distinct per person, a person attends each task-force meeting at most once.
    ``attendance`` is the path from the queried model to Attendance ("attendances__" from Person)."""
    return Case(
        *(
            When(**{f"{attendance}meeting__starts_at__lte": meeting.starts_at}, then=Value(meeting.pk))
            for meeting in task_force_meetings
        )
    )


def voting_eligibility(*, now: datetime.datetime | None = None) -> EligibilityReport:
    """Who can vote under the membership policy, and for everyone else why not: everyone with a current
    membership, by family name.

    Attendance counts per task-force meeting in the window (the last M held); when
    committee meetings count, attending any committee meeting after the previous
    task-force meeting and up to that one counts as attending it. Four queries, whatever the registry
    holds: the policy, the window's meetings, the attendance counts, and the current members with their
    names, organizations and MOU answer. The policy's rule judges each pair of MOU answer and count once.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    policy = MembershipPolicy.load()
    # The window's meetings and the one before it (where the first period starts), read whole: the page
    # names the window's.
    held = list(
        Meeting.objects.counted_for_attendance(now)
        .filter(committee__kind=Committee.Kind.TASK_FORCE)
        .order_by("-starts_at")[: policy.window_meetings + 1]
    )
    window, before = held[: policy.window_meetings], held[policy.window_meetings :]
    required = min(policy.required_meetings, len(window))

    # Counted in the database, from the current memberships read once, a row a person: their name, the
    # organizations they represent now, and whether one of these has a signed MOU that has not expired.
    signed = MOU.objects.filter(status=MOU.Status.SIGNED, organization=OuterRef("organization")).exclude(
        expires_on__lt=today
    )
    people = (
        Membership.objects.current(today)
        .order_by()
        .values("person_id", "person__family_name", "person__given_name")
        .annotate(organizations=ArrayAgg("organization__name"), has_mou=BoolOr(Exists(signed)))
        .order_by(Lower("person__family_name"), Lower("person__given_name"), "person_id")
        .values_list("person_id", "person__family_name", "person__given_name", "organizations", "has_mou")
    )

    attended: dict[int, int] = {}
    if window:
        # Each window meeting covers the period since the task-force meeting before it: an attendance
        # counts for the first window meeting that starts at or after it.
        boundaries = sorted(window, key=lambda meeting: meeting.starts_at)
        period_start = before[0].starts_at if before else None
        attendance = Attendance.objects.filter(
            status__in=Attendance.ATTENDED, meeting__starts_at__lte=boundaries[-1].starts_at
        )
        if period_start:
            attendance = attendance.filter(meeting__starts_at__gt=period_start)
        if not policy.committee_meetings_count:
            attendance = attendance.filter(meeting__in=window)
        attendance = attendance.exclude(meeting__status=Meeting.Status.CANCELLED)
        counts_for = counted_for(boundaries)
        # Without the model's ordering by name, which would join every person for nothing.
        attended = dict(
            attendance.order_by()
            .values("person_id")
            .annotate(meetings=Count(counts_for, distinct=True))
            .values_list("person_id", "meetings")
        )

    # Everyone with the same MOU answer and the same count is judged alike: each pair is judged once
    # (_judge), and its reasons and "2 of 6" are one list and one string for every row that gives them.
    verdicts = {}
    rows = []
    for person_id, family_name, given_name, organizations, has_mou in people:
        count = attended.get(person_id, 0)
        verdict = verdicts.get((has_mou, count))
        if verdict is None:
            verdict = verdicts[has_mou, count] = _judge(policy, has_mou, count, held=len(window), required=required)
        can_vote, reasons, attended_of_held = verdict
        rows.append(
            Eligibility(
                person_id, family_name, given_name, organizations, has_mou, count, attended_of_held, can_vote, reasons
            )
        )

    return EligibilityReport(policy=policy, window=window, required=required, rows=rows)


# --- attendance reports --------------------------------------------------------------------

REPORT_PAGE_SIZE = 50  # rows per page of each of the attendance report's tables


def attendance_report(*, start: datetime.date, end: datetime.date, people_page=1, organizations_page=1):
    """Attendance per person and per organization over a period, and how consistently each
    organization sent the same representative to task-force meetings: counted in the database,
    a page of each table at a time. Four queries, whatever the period holds.

    People rows are people annotated with ``task_force`` (and ``task_force_of_held``, "3 of 12"),
    ``committee``, ``counted`` and ``organization_names``; organization rows are organizations annotated with ``task_force``,
    ``committee``, ``representatives``, ``usual_representative`` and ``consistency`` (a percentage)."""
    policy = MembershipPolicy.load()
    held = Meeting.objects.held_between(start, end)
    # The period's meetings are read once with their committee's kind, and the tables find the period's and the
    # task-force attendances by these meetings' ids: joining each attendance's meeting and committee again made
    # PostgreSQL spend longer planning each table's query than running it (1.6 ms to 0.5 at ten-year data), and
    # the period as a subquery again doubled each table's planning (0.4 ms to 0.9). A period of no meetings keeps
    # the subquery: an empty list would skip each table's query, and the page's query count would change.
    meetings = list(held.select_related("committee").only("starts_at", "committee__kind").order_by("starts_at", "pk"))
    task_force_meetings = [meeting for meeting in meetings if meeting.committee.kind == TASK_FORCE]
    task_force_ids = [meeting.pk for meeting in task_force_meetings]
    came = Q(
        attendances__meeting__in=[meeting.pk for meeting in meetings] or held,
        attendances__status__in=Attendance.ATTENDED,
    )
    at_task_force = Q(attendances__meeting__in=task_force_ids)

    # Filtered first, so the counts below read only the attendances the filter kept.
    people = (
        Person.objects.filter(came)
        .annotate(
            task_force=Count("attendances", filter=at_task_force),
            committee=Count("attendances", filter=~at_task_force),
            organization_names=ArrayAgg(
                "attendances__organization__name",
                distinct=True,
                filter=Q(attendances__organization__isnull=False),
                default=Value([]),
            ),
        )
        # Counted as voting eligibility counts: a committee meeting since the task-force meeting before counts for
        # that one (counted_for), each task-force meeting of the period once.
        .annotate(
            counted=Count(counted_for(task_force_meetings, "attendances__"), distinct=True)
            if policy.committee_meetings_count and task_force_meetings
            else F("task_force")
        )
        .only("given_name", "family_name")
        .order_by("family_name", "given_name", "pk")
    )
    # Whom an organization sent to task-force meetings most often (ties: the first by family name).
    sent = (
        Attendance.objects.filter(
            meeting__in=task_force_ids,
            status__in=Attendance.ATTENDED,
            organization=OuterRef("pk"),
        )
        .values("person_id")
        .annotate(times=Count("pk"))
        .order_by("-times", "person__family_name", "person__given_name", "person_id")
        .values(usual=JSONObject(given="person__given_name", family="person__family_name", times="times"))[:1]
    )
    organizations = (
        Organization.objects.filter(came)
        .annotate(
            task_force=Count("attendances", filter=at_task_force),
            committee=Count("attendances", filter=~at_task_force),
            representatives=Count("attendances__person", distinct=True, filter=at_task_force),
            usual=Subquery(sent),
        )
        .only("name")
        .order_by(Lower("name"), "pk")
    )
    people_page = get_counted_page(people, REPORT_PAGE_SIZE, people_page)
    organizations_page = get_counted_page(organizations, REPORT_PAGE_SIZE, organizations_page)
    of_held = gettext("%(attended)s of %(held)s")  # translated once, not per row
    for person in people_page:
        person.organization_names.sort(key=str.lower)
        person.task_force_of_held = of_held % {"attended": person.task_force, "held": len(task_force_ids)}
    for organization in organizations_page:
        usual = organization.usual
        organization.usual_representative = f"{usual['given']} {usual['family']}".strip() if usual else None
        organization.consistency = (
            round(100 * usual["times"] / organization.task_force) if usual and organization.task_force else None
        )
    return {
        "policy": policy,
        "task_force_meetings": len(task_force_ids),
        "committee_meetings": len(meetings) - len(task_force_ids),
        "people": people_page,
        "organizations": organizations_page,
    }


# --- the action items an agenda carries ------------------------------------------------------


@dataclass
class OwnerItems:
    owner_name: str
    items: list[ActionItem]


def carried_action_items(meeting: Meeting, viewer, *, today: datetime.date | None = None) -> list[OwnerItems]:
    """The action items listed under a meeting's "Action items" agenda item: the committee's items open when it
    began (ActionItem.objects.carried_to) that the viewer may see (taskforce.permissions.action_item_q, so the
    public agenda of a public meeting carries only the items of approved public minutes), grouped by owner
    (family name; unassigned last), each group by due date. Each item has ``overdue`` (due before the meeting's
    day, or before today while the meeting is ahead) and ``closed_here``. One query."""
    today = today or timezone.localdate()
    as_of = min(today, meeting.local_start.date())
    items = (
        ActionItem.objects.carried_to(meeting)
        .visible_to(viewer)
        .select_related("owner", "meeting")
        .only(
            "description",
            "due_on",
            "status",
            "closed_at",
            "committee",
            "owner__given_name",
            "owner__family_name",
            "meeting__starts_at",
        )
        .order_by(
            F("owner__family_name").asc(nulls_last=True),
            F("owner__given_name").asc(nulls_last=True),
            "owner_id",
            F("due_on").asc(nulls_last=True),
            "pk",
        )
    )
    groups: list[OwnerItems] = []
    for item in items:
        item.overdue = item.is_overdue(as_of)
        item.closed_here = item.closed_at_id == meeting.pk
        if not groups or groups[-1].items[0].owner_id != item.owner_id:
            groups.append(OwnerItems(owner_name=item.owner_name, items=[]))
        groups[-1].items.append(item)
    return groups


AMENDMENT = "Amendment: "  # how an amendment's reason starts in the history

# The columns the minutes (page and PDF, templates/meetings/_minutes_body.html) show of a motion and an action item.
MINUTES_MOTION_FIELDS = (
    "agenda_item",
    "text",
    "moved_by",
    "seconded_by",
    "result",
    "yes_count",
    "no_count",
    "abstain_count",
)
MINUTES_ACTION_FIELDS = ("meeting", "agenda_item", "description", "owner", "due_on", "status", "closed_at")


def _name_fields(via: str) -> tuple[str, ...]:
    """A related person's columns that Person.full_name and honorific read."""
    return (f"{via}__honorific", f"{via}__given_name", f"{via}__family_name")


def minutes_context(meeting: Meeting) -> dict:
    """Everything the minutes page and PDF show besides the meeting: the agenda (main items, each with its
    motions in ``motion_list`` and its parts), who attended, the action items (``closed_here``: earlier
    meetings' items this one marked done or dropped, as its readers may see them), the committee's next meeting
    (unless the minutes name it) and the amendments. Six queries, whatever the meeting holds.

    The related rows read only the columns the minutes show (``.only()``): people's notes, organizations'
    descriptions and earlier meetings' announcements are long texts the page never draws."""
    motions = (
        Motion.objects.select_related("moved_by", "seconded_by")
        .only(*MINUTES_MOTION_FIELDS, "moved_by__family_name", "seconded_by__family_name")
        .order_by("pk")
    )
    items = meeting.agenda_items.order_by("position", "pk").prefetch_related(
        Prefetch("motions", queryset=motions, to_attr="motion_list")
    )
    attendees = (
        meeting.attendances.filter(status__in=Attendance.ATTENDED)
        .select_related("person", "organization")
        .only("meeting", "person", "organization", "status", *_name_fields("person"), "organization__name")
        .order_by("person__family_name", "person__given_name", "pk")
    )
    # This meeting's own items, and in the same query the earlier items it closed (those its readers may see).
    closed_here = Q(closed_at=meeting) & permissions.action_item_q(permissions.readers_of(meeting))
    action_items = (
        ActionItem.objects.filter(Q(meeting=meeting) | closed_here)
        .select_related("owner", "meeting")
        .only(*MINUTES_ACTION_FIELDS, *_name_fields("owner"), "meeting__starts_at")
        .order_by(F("agenda_item__position").asc(nulls_last=True), "meeting__starts_at", "pk")
    )
    own, closed = [], []
    for item in action_items:
        (own if item.meeting_id == meeting.pk else closed).append(item)
    amendments = meeting.history.filter(history_change_reason__startswith=AMENDMENT).order_by("history_date")
    return {
        "meeting": meeting,
        "items": outline(list(items)),
        "attendees": list(attendees),
        "action_items": own,
        "closed_here": closed,
        "next_meeting": None if meeting.next_meeting_note else meeting.next_meeting(),
        "amendments": [
            (date, reason.removeprefix(AMENDMENT))
            for date, reason in amendments.values_list("history_date", "history_change_reason")
        ],
    }


def attach_documents(items: list[AgendaItem], documents) -> list:
    """Give each outlined item (and part) its ``listed_documents`` from the one list read; return the meeting's own
    documents and those of items the reader does not see."""
    by_item = defaultdict(list)
    for document in documents:
        by_item[document.agenda_item_id].append(document)
    for item in items:
        item.listed_documents = by_item.pop(item.pk, [])
        for part in item.parts:
            part.listed_documents = by_item.pop(part.pk, [])
    return [document for group in by_item.values() for document in group]


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


MINUTES_DOCUMENT_SECONDS = 24 * 60 * 60


def render_minutes_html(meeting: Meeting) -> str:
    """The minutes as the standalone HTML document the PDF is made from.

    It is drawn once per version of what it shows (meetings/minutes_fingerprint.py) and then read from the cache,
    under a key naming the meeting and the fingerprint (which names the language): the minutes PDF asked for again
    costs the fingerprint's one query, not ``minutes_context``'s six and the template. It shows the same to every
    reader (``closed_here`` follows who may read the meeting, not who asks), so no reader's facts are in it."""
    from django.template.loader import render_to_string

    key = f"meetings:minutes-document:{meeting.pk}:{minutes_version(meeting)}"
    html = cache.get(key)
    if html is None:
        html = render_to_string("meetings/minutes_pdf.html", minutes_context(meeting))
        cache.set(key, html, MINUTES_DOCUMENT_SECONDS)
    return html


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
