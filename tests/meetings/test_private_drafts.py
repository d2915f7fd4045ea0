"""What draft minutes record (their motions, attendance and action items) shows only to those who may read the
draft: the committee's co-chairs and staff (issue 13, item 2).

PATHS lists every page, feed and CSV that shows action items, motions or attendance; each is checked as every
role. QUERIES lists every query of those records in the code (walked by test_every_query_of_minutes_records_is_listed),
so a page that forgets the rule fails here.
"""

import ast
import datetime
import pathlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from meetings.models import ActionItem, AgendaItem, Attendance, Meeting, Motion
from members.models import CommitteeRole, Membership, Person
from taskforce import permissions
from tests.conftest import PERSONAS

SECRET_ACTION = "Secret draft action"
SECRET_MOTION = "Secret draft motion"
SECRET_GUEST = "Secretguest"
SECRETS = (SECRET_ACTION, SECRET_MOTION, SECRET_GUEST)

# Everyone the issue names: the anonymous visitor, a member of another committee, a data contact, a member of
# the meeting's committee, its co-chair and staff. The draft is for the last two.
ROLES = ["anonymous", "other_committee_member", "data_contact", "member", "cochair", "staff"]
READS_THE_DRAFT = {"cochair", "staff"}


@dataclass
class Draft:
    """A members-only youth-committee meeting whose minutes are a draft, and the records they hold."""

    meeting: Meeting
    item: ActionItem
    next_meeting: Meeting


def _other_committee_member(world):
    user = get_user_model().objects.create_user("othermember", "othermember@example.org", "x")
    person = Person.objects.create(given_name="Ola", family_name="Othercommittee", user=user)
    Membership.objects.create(person=person, organization=world.shelter, start_on=datetime.date(2020, 1, 1))
    CommitteeRole.objects.create(
        person=person, committee=world.adult, role=CommitteeRole.Role.MEMBER, start_on=datetime.date(2020, 1, 1)
    )
    return person


@pytest.fixture
def people(world):
    """Each role's person (None for the anonymous visitor)."""
    return {
        "anonymous": None,
        "other_committee_member": _other_committee_member(world),
        "data_contact": world.data_contact,
        "member": world.member,
        "cochair": world.cochair,
        "staff": world.staff,
    }


@pytest.fixture
def draft(world, make_meeting, people):
    meeting = make_meeting(world.youth, days=-5, is_public=False)
    agenda_item = AgendaItem.objects.create(meeting=meeting, position=1, title="Case review")
    Motion.objects.create(agenda_item=agenda_item, text=f"{SECRET_MOTION}.", moved_by=world.cochair)
    guest = Person.objects.create(given_name="Gail", family_name=SECRET_GUEST)
    Attendance.objects.create(meeting=meeting, person=guest, organization=world.legal_aid)
    # Each role owns an item, so "my action items" is checked for everyone.
    items = [
        ActionItem.objects.create(
            meeting=meeting,
            committee=world.youth,
            description=_own_item(role),
            owner=person,
            due_on=meeting.local_start.date(),
        )
        for role, person in people.items()
    ]
    start = meeting.starts_at + datetime.timedelta(days=14)
    next_meeting = Meeting.schedule(
        committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=2), is_public=False
    )
    next_meeting.publish_agenda()
    return Draft(meeting=meeting, item=items[-1], next_meeting=next_meeting)


def _shows_a_secret(response, role):
    """Whether the page shows a draft's record; each role's own action item is theirs to see (its owner)."""
    body = response.content.decode().replace(_own_item(role), "")
    return response.status_code == 200 and any(secret in body for secret in SECRETS)


def _own_item(role):
    # Short enough that no page truncates it (the status buttons name an item by its first 40 characters).
    return f"{SECRET_ACTION}: {role[:12]}"


@dataclass(frozen=True)
class Path:
    """One page, feed or CSV that shows minutes' records, and how to tell whether it showed the draft's."""

    url: Callable  # (world, draft) -> the URL
    shown: Callable = _shows_a_secret  # (response, role) -> whether the draft's records showed
    post: dict | None = None
    draft_readers: frozenset = frozenset(READS_THE_DRAFT)  # who sees them there


NOBODY = frozenset()

PATHS = {
    "/actions/": Path(lambda world, draft: reverse("meetings:actions")),
    "/actions/ by committee": Path(lambda world, draft: f"{reverse('meetings:actions')}?committee={world.youth.slug}"),
    # Only the viewer's own items, which their owner sees even in a draft (test_an_owner_sees_their_own_item...).
    "/actions/ only mine": Path(lambda world, draft: f"{reverse('meetings:actions')}?mine=on", draft_readers=NOBODY),
    # The viewer's own items, which their owner sees even in a draft; staff's panel of attendance before
    # orientation lists the draft's guest.
    "dashboard (my action items)": Path(lambda world, draft: reverse("dashboard"), draft_readers=frozenset({"staff"})),
    "an item's status change": Path(
        lambda world, draft: reverse("meetings:action_item_status", args=[draft.item.pk]),
        # "open" leaves the item as it was; a refusal is 404 (not visible), 403, or the login page.
        shown=lambda response, role: response.status_code == 302 and "/login/" not in response["Location"],
        post={"status": "open"},
    ),
    "meeting page (attendance counts)": Path(
        lambda world, draft: draft.meeting.get_absolute_url(),
        shown=lambda response, role: (
            response.status_code == 200 and "Attendance: 1 attended of 1 recorded." in response.content.decode()
        ),
    ),
    "minutes page": Path(lambda world, draft: reverse("meetings:minutes", args=[draft.meeting.pk])),
    "minutes PDF": Path(
        lambda world, draft: reverse("meetings:minutes_pdf", args=[draft.meeting.pk]),
        shown=lambda response, role: response.status_code == 200,
    ),
    # The overview of the minutes editor counts each item's motions and action items, never shows them.
    "minutes form's overview": Path(
        lambda world, draft: reverse("meetings:minutes_edit", args=[draft.meeting.pk]), draft_readers=NOBODY
    ),
    "minutes form of an item (its motions)": Path(
        lambda world, draft: reverse(
            "meetings:minutes_item_edit", args=[draft.meeting.pk, draft.meeting.agenda_items.get().pk]
        )
    ),
    "minutes form of the action items of no agenda item": Path(
        lambda world, draft: reverse("meetings:minutes_actions_edit", args=[draft.meeting.pk])
    ),
    "attendance form": Path(lambda world, draft: reverse("meetings:attendance", args=[draft.meeting.pk])),
    "organization page (its representatives' attendance)": Path(
        lambda world, draft: reverse("members:organization", args=[world.legal_aid.pk])
    ),
    "attendance report": Path(
        lambda world, draft: f"{reverse('meetings:attendance_report')}?start={draft.meeting.local_start.date()}",
        draft_readers=frozenset({"staff"}),  # staff only
    ),
    # Counts per person, never which meeting; the guest is no member, so is never listed.
    "voting eligibility": Path(lambda world, draft: reverse("meetings:eligibility"), draft_readers=NOBODY),
    # The next agenda lists the committee's open items as its viewer may see them: a draft's to those who read it.
    "next agenda's carry-over": Path(lambda world, draft: draft.next_meeting.get_absolute_url()),
    "calendar feed": Path(lambda world, draft: reverse("meetings:calendar"), draft_readers=NOBODY),
    "committee calendar feed": Path(
        lambda world, draft: reverse("meetings:committee_calendar", args=[world.youth.slug]), draft_readers=NOBODY
    ),
}


def _client(client, person):
    client.logout()
    if person is not None:
        client.force_login(person.user)
    return client


def _request(client, path, world, draft):
    url = path.url(world, draft)
    return client.post(url, path.post) if path.post is not None else client.get(url)


def test_no_path_shows_a_private_draft_to_a_member_of_another_committee(client, world, draft, people):
    """Every path in one table, as a member of another committee; once the minutes are approved, the same
    member sees the records on the lists (so the check is not blind)."""
    as_outsider = _client(client, people["other_committee_member"])
    leaks = [
        name
        for name, path in PATHS.items()
        if path.shown(_request(as_outsider, path, world, draft), "other_committee_member")
    ]
    assert not leaks, f"A members-only meeting's draft minutes show on: {', '.join(leaks)}"

    draft.meeting.approve_minutes(at=draft.next_meeting)
    for name in ("/actions/", "minutes page"):
        assert PATHS[name].shown(_request(as_outsider, PATHS[name], world, draft), "other_committee_member"), name
    body = as_outsider.get(reverse("members:organization", args=[world.legal_aid.pk])).content.decode()
    assert SECRET_GUEST in body


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_a_private_draft_only_where_it_may_read_the_draft(client, world, draft, people, role):
    as_role = _client(client, people[role])
    wrong = []
    for name, path in PATHS.items():
        shown = path.shown(_request(as_role, path, world, draft), role)
        if shown != (role in path.draft_readers):
            wrong.append(f"{name}: {'shown' if shown else 'hidden'}")
    assert not wrong, f"As {role}: " + "; ".join(wrong)


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_an_owner_sees_their_own_item_of_a_draft(client, world, draft, people, role):
    """The owner heard the item agreed at the meeting: it is on their list before the minutes are approved."""
    as_role = _client(client, people[role])
    for url in (f"{reverse('meetings:actions')}?mine=on", reverse("dashboard")):
        assert _own_item(role) in as_role.get(url).content.decode(), (role, url)


def test_the_public_agenda_carries_only_items_of_approved_public_minutes(world, make_meeting, client_as):
    """A public meeting's agenda is for anyone: it shows a visitor only the items of approved public minutes,
    never a members-only meeting's (even approved) nor a draft's; a member sees the approved members-only ones."""
    members_only = make_meeting(world.youth, days=-30)
    ActionItem.objects.create(meeting=members_only, committee=world.youth, description="Approved members-only item")
    members_only.approve_minutes(at=make_meeting(world.youth, days=-25))
    public = make_meeting(world.youth, days=-20, is_public=True)
    ActionItem.objects.create(meeting=public, committee=world.youth, description="Approved public item")
    public.approve_minutes(at=make_meeting(world.youth, days=-15))
    draft = make_meeting(world.youth, days=-10, is_public=True)
    ActionItem.objects.create(meeting=draft, committee=world.youth, description="Public draft item")
    start = draft.starts_at + datetime.timedelta(days=7)
    meeting = Meeting.schedule(
        committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=1), is_public=True
    )
    meeting.publish_agenda()
    seen = {
        persona: client_as(persona).get(meeting.get_absolute_url()).content.decode()
        for persona in ("anonymous", "member", "cochair")
    }
    for persona, shown in {
        "anonymous": {"Approved public item"},
        "member": {"Approved public item", "Approved members-only item"},
        "cochair": {"Approved public item", "Approved members-only item", "Public draft item"},
    }.items():
        for text in ("Approved public item", "Approved members-only item", "Public draft item"):
            assert (text in seen[persona]) is (text in shown), (persona, text)


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_meetings_checks_and_lists_give_the_same_answer(world, make_meeting, persona):
    """can_see_minutes (and the other checks of one meeting) and the lists read the same Q: on every kind of
    meeting, through checked_meeting and on a meeting read elsewhere."""
    user = world.user(persona) or AnonymousUser()
    meetings = []
    for committee in (world.youth, world.adult):
        for public in (True, False):
            for agenda in Meeting.AgendaState.values:
                for minutes in Meeting.MinutesState.values:
                    meeting = make_meeting(committee, is_public=public, agenda_state=agenda)
                    if minutes == Meeting.MinutesState.APPROVED:
                        meeting.approve_minutes(at=make_meeting(committee, days=1))
                    meetings.append(meeting)
    lists = {
        permissions.can_see_meeting: set(Meeting.objects.visible_to(user).values_list("pk", flat=True)),
        permissions.can_see_minutes: set(Meeting.objects.minutes_visible_to(user).values_list("pk", flat=True)),
        permissions.can_see_agenda: set(
            Meeting.objects.filter(permissions.agenda_q(user)).values_list("pk", flat=True)
        ),
        permissions.can_edit_meeting: set(
            Meeting.objects.filter(permissions.meeting_editor_q(user)).values_list("pk", flat=True)
        ),
    }
    for meeting in meetings:
        checked = permissions.checked_meeting(user, meeting.pk)
        elsewhere = Meeting.objects.get(pk=meeting.pk)
        for check, listed in lists.items():
            assert check(user, checked) is (meeting.pk in listed), (check.__name__, meeting.pk)
            assert check(user, elsewhere) is (meeting.pk in listed), (check.__name__, meeting.pk)
    # The records of minutes follow the minutes.
    readable = lists[permissions.can_see_minutes] & {meeting.pk for meeting in meetings}
    for meeting in meetings:
        ActionItem.objects.create(meeting=meeting, committee=meeting.committee, description="x")
        Attendance.objects.create(meeting=meeting, person=world.member)
        Motion.objects.create(agenda_item=AgendaItem.objects.create(meeting=meeting, title="x"), text="x")
    assert set(ActionItem.objects.visible_to(user).values_list("meeting", flat=True)) == readable
    assert set(Attendance.objects.visible_to(user).values_list("meeting", flat=True)) == readable
    assert set(Motion.objects.visible_to(user).values_list("agenda_item__meeting", flat=True)) == readable


# --- every query of action items, motions and attendance, named ---------------------------------------------

ROUTED = "routed"  # filters through ActionItem/Motion/Attendance.objects.visible_to or permissions.minutes_q

# (file, function) -> ROUTED, or why it may read the records without the viewer's rule.
QUERIES = {
    ("meetings/views.py", "action_items"): ROUTED,
    ("meetings/views.py", "action_item_status"): ROUTED,
    ("meetings/views.py", "meeting_detail"): ROUTED,
    ("meetings/dashboard.py", "panels"): ROUTED,
    ("meetings/services.py", "carried_action_items"): ROUTED,  # the agenda's "Action items", as its viewer may
    ("meetings/views.py", "close_action_item"): ROUTED,
    ("members/views.py", "organization_detail"): ROUTED,
    ("meetings/services.py", "minutes_context"): "the minutes page and PDF: MINUTES_VISIBLE asked minutes_q of the "
    "whole meeting, and every record listed is that meeting's",
    ("meetings/views.py", "_minutes_item_forms"): "the minutes form: MEETING_EDITOR, whose editors read the draft",
    ("meetings/views.py", "minutes_edit"): "the minutes form's overview (a count): MEETING_EDITOR",
    ("meetings/models.py", "AgendaItemQuerySet.with_minutes_counts"): "the minutes form's overview (counts): "
    "MEETING_EDITOR",
    ("meetings/models.py", "Meeting.minutes_people"): "the minutes form's choices: MEETING_EDITOR",
    ("meetings/models.py", "Meeting.expected_people"): "the attendance form: MEETING_EDITOR",
    ("meetings/models.py", "Meeting.settle_minutes_approval"): "saving the minutes form (MEETING_EDITOR): whether "
    "a motion adopts these minutes, nothing shown",
    ("meetings/services.py", "_expected_with_rows"): "the attendance form: MEETING_EDITOR",
    ("meetings/forms.py", "GuestForm.clean"): "the attendance form: MEETING_EDITOR",
    ("meetings/forms.py", "BaseMotionFormSet._check_votes_against_attendance"): "saving the minutes form "
    "(MEETING_EDITOR): how many attended, to check a motion's counts against",
    ("meetings/services.py", "attendance_report"): "STAFF_ONLY: staff read every minutes",
    ("meetings/services.py", "voting_eligibility"): "who may vote is one answer for every viewer: counts per "
    "person, never which meeting",
    ("meetings/dashboard.py", "_my_attendance"): "the viewer's own count, the one eligibility makes",
    ("meetings/services.py", "year_in_review"): "the annual report's yearly totals: counts, never a row",
    ("reports/fingerprint.py", "_parts_query"): "the report data's fingerprint: nothing is shown",
    ("meetings/minutes_fingerprint.py", "_parts_query"): "the minutes document's fingerprint (counts and dates of "
    "one meeting's records, read for a reader MINUTES_VISIBLE let in): nothing is shown",
}

APPS = ("accounts", "goals", "meetings", "members", "reports", "taskforce")
# The admin is staff-only; demo, scale and bench build or time synthetic data and show nothing.
NOT_WALKED = ("admin.py", "demo.py", "scale.py", "bench.py")
MODELS = {"ActionItem", "Motion", "Attendance"}
RELATIONS = {"action_items", "motions", "attendances", "approving_motions", "motions_moved", "motions_seconded"}


def _is_lookup(text):
    return isinstance(text, str) and text.split("__")[0] in RELATIONS


def _reads_records(node):
    """Whether the code queries action items, motions or attendance: Model.objects, a related manager
    (meeting.action_items), or a lookup through one (Count("attendances"), attendances__status=...)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and (
            sub.attr in RELATIONS
            or (sub.attr == "objects" and isinstance(sub.value, ast.Name) and sub.value.id in MODELS)
        ):
            return True
        if isinstance(sub, ast.Call):
            if any(isinstance(arg, ast.Constant) and _is_lookup(arg.value) for arg in sub.args):
                return True
            if any(_is_lookup(keyword.arg) for keyword in sub.keywords):
                return True
    return False


def _code_reading_records():
    """(file, function or Class.method) -> its source, for every place that reads the records."""
    root = pathlib.Path(__file__).resolve().parents[2]
    found = {}
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" in path.parts or path.name in NOT_WALKED or path.name.startswith("demo_"):
                continue
            source = path.read_text()
            tree = ast.parse(source)
            named = []
            for node in tree.body:
                if isinstance(node, ast.FunctionDef):
                    named.append((node.name, node))
                elif isinstance(node, ast.ClassDef):
                    for member in node.body:
                        if isinstance(member, ast.FunctionDef):
                            named.append((f"{node.name}.{member.name}", member))
                        elif not isinstance(member, ast.Expr):
                            named.append((node.name, member))  # a class attribute: a form field's queryset
            for name, node in named:
                if _reads_records(node):
                    found[(str(path.relative_to(root)), name)] = ast.get_source_segment(source, node)
    return found


def test_every_query_of_minutes_records_is_listed():
    found = _code_reading_records()
    unlisted = sorted(set(found) - set(QUERIES))
    assert not unlisted, (
        "These read action items, motions or attendance but are not in QUERIES: filter them through "
        f"ActionItem/Motion/Attendance.objects.visible_to(user) and list them, or say why not: {unlisted}"
    )
    stale = sorted(set(QUERIES) - set(found))
    assert not stale, f"QUERIES names code that no longer reads the records: {stale}"
    unrouted = [
        place
        for place, how in QUERIES.items()
        if how == ROUTED and "visible_to(" not in found[place] and "minutes_q(" not in found[place]
    ]
    assert not unrouted, f"Listed as routed but not filtering through the rule: {unrouted}"
