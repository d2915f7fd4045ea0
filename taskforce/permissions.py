"""Who may do what: the one module that decides access for every view.

Every view is wrapped in ``access(RULE)``; the rule is kept on the view so that
tests/test_access.py can walk every URL as every role and check the promise.
Roles (DESIGN.md): staff, co-chair, data contact, member (any login), public.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q, Value
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STAFF = "staff", _("staff")
    COCHAIR = "co-chair", _("co-chair")
    DATA_CONTACT = "data contact", _("data contact")
    MEMBER = "member", _("member")
    PUBLIC = "public", _("public")


@dataclass(frozen=True)
class Rule:
    """A named test of a user (and the view's URL arguments) that grants access."""

    name: str
    test: Callable[..., bool]

    def allows(self, user, **view_kwargs) -> bool:
        return bool(self.test(user, **view_kwargs))

    def __str__(self):
        return str(self.name)


def access(rule: Rule):
    """Decorate a view so only users the rule allows reach it.

    Visitors who are not logged in are sent to the login page; logged-in users the
    rule refuses get 403.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not rule.allows(request.user, **kwargs):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied(gettext("This page is for: %(readers)s.") % {"readers": rule})
            return view(request, *args, **kwargs)

        wrapped.access_rule = rule
        return wrapped

    return decorator


# Facts about a user, each asked of the database at most once per request.


def _cached(user, key, compute):
    cache = user.__dict__.setdefault("_taskforce_access", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def person_of(user):
    """The registry's Person behind a login, or None."""
    if not user.is_authenticated:
        return None

    def compute():
        from members.models import Person

        return Person.objects.filter(user=user).first()

    return _cached(user, "person", compute)


def committee_roles_of(user) -> list:
    """The user's current committee roles, each with its committee, in the committees' order."""
    if not user.is_authenticated:
        return []

    def compute():
        from members.models import CommitteeRole

        return list(
            CommitteeRole.objects.current()
            .filter(person__user=user)
            .select_related("committee")
            .order_by("committee__position", "pk")
        )

    return _cached(user, "committee_roles", compute)


def chaired_committee_ids(user) -> frozenset[int]:
    """Committees where the user holds a current chair or co-chair role."""
    from members.models import CommitteeRole

    return frozenset(role.committee_id for role in committee_roles_of(user) if role.role in CommitteeRole.CHAIR_ROLES)


def data_contact_organization_ids(user) -> frozenset[int]:
    """Organizations for which the user is the current data contact."""
    if not user.is_authenticated:
        return frozenset()

    def compute():
        from members.models import Membership

        return frozenset(
            Membership.objects.current()
            .filter(person__user=user, is_data_contact=True)
            .values_list("organization_id", flat=True)
        )

    return _cached(user, "data_contact", compute)


def represented_organization_ids(user) -> frozenset[int]:
    """Organizations the user currently represents on the task force, in any role."""
    if not user.is_authenticated:
        return frozenset()

    def compute():
        from members.models import Membership

        return frozenset(
            Membership.objects.current().filter(person__user=user).values_list("organization_id", flat=True)
        )

    return _cached(user, "represents", compute)


def roles_of(user) -> frozenset[str]:
    """Every role the user holds, for navigation and the dashboard."""
    if not user.is_authenticated:
        return frozenset({Role.PUBLIC})
    roles = {Role.MEMBER}
    if user.is_staff:
        roles.add(Role.STAFF)
    if chaired_committee_ids(user):
        roles.add(Role.COCHAIR)
    if data_contact_organization_ids(user):
        roles.add(Role.DATA_CONTACT)
    return frozenset(roles)


def is_staff(user) -> bool:
    return user.is_authenticated and user.is_staff


def can_edit_committee(user, committee) -> bool:
    """Staff, or a current chair/co-chair of this committee."""
    return is_staff(user) or committee.pk in chaired_committee_ids(user)


def can_enter_data_for(user, organization) -> bool:
    """The organization's current data contact (staff review, they do not enter)."""
    return organization.pk in data_contact_organization_ids(user)


def can_see_organization_private(user, organization) -> bool:
    """Staff, or someone who currently represents the organization (its MOU file)."""
    return is_staff(user) or organization.pk in represented_organization_ids(user)


# The rules views are decorated with.
ANYONE = Rule(_("anyone"), lambda user, **kw: True)
MEMBER_ONLY = Rule(_("members (any login)"), lambda user, **kw: user.is_authenticated)
STAFF_ONLY = Rule(_("staff"), lambda user, **kw: is_staff(user))
COCHAIR_OR_STAFF = Rule(
    _("co-chairs and staff"), lambda user, **kw: is_staff(user) or bool(chaired_committee_ids(user))
)
DATA_CONTACT_OR_STAFF = Rule(
    _("data contacts and staff"),
    lambda user, **kw: is_staff(user) or bool(data_contact_organization_ids(user)),
)


# --- members ---


def _can_open_mou_file(user, pk=None, **kw):
    from members.models import MOU

    if is_staff(user):
        return True
    organization_id = MOU.objects.filter(pk=pk).values_list("organization_id", flat=True).first()
    return organization_id is not None and organization_id in represented_organization_ids(user)


MOU_FILE_READERS = Rule(_("staff and the organization's own representatives"), _can_open_mou_file)


# --- goals ---
def public_to_anyone(check: Callable[..., bool], *objects) -> bool:
    """Whether a visitor who is not logged in passes check: a download nobody else may open carries
    Cache-Control: no-store, so no browser or proxy keeps a copy."""
    from django.contrib.auth.models import AnonymousUser

    return check(AnonymousUser(), *objects)


def can_record_measurement(user, metric) -> bool:
    """Staff, or a current co-chair of a committee responsible for the metric's objective."""
    if is_staff(user):
        return True
    chaired = chaired_committee_ids(user)
    if not chaired or metric.objective_id is None:
        return False
    from members.models import Committee

    return Committee.objects.filter(objectives=metric.objective_id, pk__in=chaired).exists()


def _chairs_committee_of_work_plan_item(user, pk) -> bool:
    chaired = chaired_committee_ids(user)
    if not chaired:
        return False
    from goals.models import WorkPlanItem

    return WorkPlanItem.objects.filter(pk=pk, work_plan__committee_id__in=chaired).exists()


def _chairs_committee_by_slug(user, slug) -> bool:
    chaired = chaired_committee_ids(user)
    if not chaired:
        return False
    from members.models import Committee

    return Committee.objects.filter(slug=slug, pk__in=chaired).exists()


def _records_metric(user, pk) -> bool:
    if is_staff(user):
        return True
    from goals.models import Metric

    metric = Metric.objects.filter(pk=pk).first()
    return metric is not None and can_record_measurement(user, metric)


WORK_PLAN_ITEM_EDITOR = Rule(
    _("co-chairs of the committee whose work plan this is, and staff"),
    lambda user, pk=None, **kw: is_staff(user) or _chairs_committee_of_work_plan_item(user, pk),
)
COMMITTEE_CHAIR_OR_STAFF = Rule(
    _("co-chairs of this committee and staff"),
    lambda user, slug=None, **kw: is_staff(user) or _chairs_committee_by_slug(user, slug),
)
METRIC_RECORDER = Rule(
    _("co-chairs of a committee responsible for this metric, and staff"),
    lambda user, pk=None, **kw: _records_metric(user, pk),
)


def _records_measurement(user, pk) -> bool:
    if is_staff(user):
        return True
    from goals.models import Measurement

    measurement = Measurement.objects.select_related("metric").filter(pk=pk).first()
    return measurement is not None and can_record_measurement(user, measurement.metric)


MEASUREMENT_EDITOR = Rule(
    _("co-chairs of a committee responsible for this metric, and staff"),
    lambda user, pk=None, **kw: _records_measurement(user, pk),
)


# --- reports ---


def reporting_year_for(user, year):
    """The ReportingYear of a year, looked up once per request, or None."""

    def compute():
        from reports.models import ReportingYear

        return ReportingYear.objects.filter(year=year).first()

    return _cached(user, ("reporting_year", year), compute)


def can_see_report(user, reporting_year) -> bool:
    """Staff always; once published, any member, and the public if staff made it public."""
    if is_staff(user):
        return True
    if reporting_year is None or not reporting_year.is_published:
        return False
    return user.is_authenticated or reporting_year.public_after_publish


def report_q(user) -> Q:
    """The reporting years whose report a user may read: can_see_report's rule, for lists (the index, the
    public home page)."""
    from reports.models import ReportingYear

    if is_staff(user):
        return _always()
    published = Q(state=ReportingYear.State.PUBLISHED)
    return published if user.is_authenticated else published & Q(public_after_publish=True)


def published_report_exists() -> bool:
    from reports.models import ReportingYear

    return ReportingYear.objects.filter(state=ReportingYear.State.PUBLISHED).exists()


REPORT_READERS = Rule(
    _("staff; members once the year is published; anyone if it is public"),
    lambda user, year=None, **kw: can_see_report(user, reporting_year_for(user, year)),
)
REPORT_INDEX = Rule(
    _("staff, data contacts, members once a report is published, and anyone once one is public"),
    lambda user, **kw: is_staff(user) or bool(data_contact_organization_ids(user)) or _readable_report_exists(user),
)


def _readable_report_exists(user) -> bool:
    from reports.models import ReportingYear

    return ReportingYear.objects.readable_by(user).exists()


# The unduplicated count (issue 17): an agency's data contact uploads its keys; only staff see the joined result.
def can_upload_linkage_keys(user, organization) -> bool:
    return can_enter_data_for(user, organization)


def can_see_linkage_result(user) -> bool:
    return is_staff(user)


LINKAGE_PAGE = DATA_CONTACT_OR_STAFF


# --- meetings ---
# Anyone sees public meetings, any login sees every meeting; agendas show once
# published and minutes once approved, drafts only to the committee's co-chairs and staff.
# What minutes record (attendance, motions, action items) shows to whoever may see those minutes.
#
# Each rule is stated once, as a Q over a meeting's fields. Lists filter by it
# (Meeting.objects.visible_to, ActionItem.objects.visible_to, Motion..., Attendance...), and the
# checks of one meeting (can_see_minutes, ...) read the answer the same Q gave in the query that
# fetched the meeting, so a page and a list cannot disagree.


@dataclass(frozen=True)
class Audience:
    """Everyone who reads a published page at once, none of them with a role: the public, or every login.
    The meeting rules take one in place of a user for a page whose readers are not the person asking
    (the public calendar feeds, the agenda a co-chair drafts for the committee to read)."""

    logged_in: bool


PUBLIC = Audience(logged_in=False)
EVERY_LOGIN = Audience(logged_in=True)


def readers_of(meeting) -> Audience:
    """Everyone who may read the meeting's published agenda: the public for a public meeting, any login otherwise."""
    return PUBLIC if meeting.is_public else EVERY_LOGIN


def _always():
    return Q(Value(True))


def _never():
    return Q(Value(False))


def meeting_q(viewer, via="") -> Q:
    """The meetings a viewer (a user or an Audience) may see at all: every one for a login, public ones otherwise.
    ``via`` leads from the model filtered to its meeting: "meeting__" for an action item or an attendance."""
    logged_in = viewer.logged_in if isinstance(viewer, Audience) else viewer.is_authenticated
    return _always() if logged_in else Q(**{f"{via}is_public": True})


def meeting_editor_q(viewer, via="") -> Q:
    """The meetings a viewer may edit (draft their agenda and minutes): staff every one, a current
    chair/co-chair those of their committees, an Audience none."""
    if isinstance(viewer, Audience):
        return _never()
    if is_staff(viewer):
        return _always()
    chaired = chaired_committee_ids(viewer)
    return Q(**{f"{via}committee_id__in": sorted(chaired)}) if chaired else _never()


def agenda_q(viewer, via="") -> Q:
    """The meetings whose agenda a viewer may read: a published one, or a draft they may edit."""
    from meetings.models import Meeting

    published = Q(**{f"{via}agenda_state": Meeting.AgendaState.PUBLISHED})
    return meeting_q(viewer, via) & (published | meeting_editor_q(viewer, via))


def minutes_q(viewer, via="") -> Q:
    """The meetings whose minutes a viewer may read: approved ones, or a draft they may edit."""
    from meetings.models import Meeting

    approved = Q(**{f"{via}minutes_state": Meeting.MinutesState.APPROVED})
    return meeting_q(viewer, via) & (approved | meeting_editor_q(viewer, via))


def action_item_q(viewer, via="") -> Q:
    """The action items a viewer may see: those of minutes they may read, and their own even in draft
    minutes (the owner heard it agreed at the meeting and should not wait a month for the approval).
    ``via`` leads from the model filtered to its action item."""
    visible = minutes_q(viewer, via=f"{via}meeting__")
    if isinstance(viewer, Audience) or not viewer.is_authenticated or is_staff(viewer):
        return visible  # staff read every draft already
    person = person_of(viewer)
    return visible | Q(**{f"{via}owner": person}) if person else visible


# The answers checked_meeting reads with the meeting, by the rules above.
MEETING_ANSWERS = {
    "may_see": meeting_q,
    "may_edit": meeting_editor_q,
    "may_see_agenda": agenda_q,
    "may_see_minutes": minutes_q,
}


def meeting_answers(user) -> dict:
    """The rules above as annotations for a meeting queryset (Meeting.objects.with_access)."""
    return {name: ExpressionWrapper(rule(user), output_field=BooleanField()) for name, rule in MEETING_ANSWERS.items()}


def _meeting(user, pk):
    from meetings.models import Meeting

    meeting = Meeting.objects.with_access(user).select_related("committee", "minutes_approved_at").filter(pk=pk).first()
    if meeting is not None:
        meeting.access_for = user.pk
    return meeting


def checked_meeting(user, pk):
    """The meeting a rule below read for this request (the view uses it instead of reading it again), or None."""
    return _cached(user, ("meeting", pk), lambda: _meeting(user, pk))


_UNASKED = object()


def _answer(user, meeting, name) -> bool:
    """The rule's answer for this user and meeting as it was read: with the meeting (checked_meeting), or now."""
    if getattr(meeting, "access_for", _UNASKED) != user.pk:
        from meetings.models import Meeting

        meeting.__dict__.update(Meeting.objects.with_access(user).filter(pk=meeting.pk).values(*MEETING_ANSWERS).get())
        meeting.access_for = user.pk
    return bool(getattr(meeting, name))


def can_see_meeting(user, meeting) -> bool:
    return _answer(user, meeting, "may_see")


def can_edit_meeting(user, meeting) -> bool:
    """Staff, or a current chair/co-chair of the meeting's committee: drafts agenda and minutes."""
    return _answer(user, meeting, "may_edit")


def can_see_agenda(user, meeting) -> bool:
    return _answer(user, meeting, "may_see_agenda")


def can_see_minutes(user, meeting) -> bool:
    return _answer(user, meeting, "may_see_minutes")


def can_approve_minutes(user) -> bool:
    """Co-chairs draft minutes; staff approve them and amend approved ones."""
    return is_staff(user)


def can_update_action_item(user, item) -> bool:
    """Its owner, the committee's co-chairs and staff may mark an action item done."""
    person = person_of(user)
    return can_edit_committee(user, item.committee) or (person is not None and item.owner_id == person.pk)


def _meeting_rule(test):
    def check(user, pk=None, **kw):
        meeting = checked_meeting(user, pk)
        # A meeting that does not exist is the view's 404, not a refusal.
        return meeting is None or test(user, meeting)

    return check


def calendar_link_owner(secret):
    """Whose meetings a private calendar link shows: the active login that owns the working link, or None.
    Calendar apps fetch without a session, so the link's secret stands in for the owner's login."""
    from meetings.models import CalendarToken

    return CalendarToken.owner_of(secret)


def private_documents_q(viewer, via="") -> Q:
    """The meetings whose private documents a viewer may open: staff every one; a login those of the committees
    they currently sit on (any role) and of the full task force. ``via`` leads from the model filtered to its
    meeting."""
    from members.models import Committee

    if isinstance(viewer, Audience) or not viewer.is_authenticated:
        return _never()
    if is_staff(viewer):
        return _always()
    committees = sorted({role.committee_id for role in committee_roles_of(viewer)})
    return Q(**{f"{via}committee__kind": Committee.Kind.TASK_FORCE}) | Q(**{f"{via}committee_id__in": committees})


def document_q(viewer, via="") -> Q:
    """The meeting documents a viewer may open: a public one of a published agenda, and the private ones of the
    meetings private_documents_q allows. ``via`` leads from the model filtered to its document."""
    from meetings.models import Meeting, MeetingDocument

    public = Q(
        **{
            f"{via}visibility": MeetingDocument.Visibility.PUBLIC,
            f"{via}meeting__agenda_state": Meeting.AgendaState.PUBLISHED,
        }
    )
    return public | private_documents_q(viewer, via=f"{via}meeting__")


def can_open_private_documents(user, meeting) -> bool:
    """Whether the meeting's packet for this user holds its private documents (private_documents_q)."""
    from meetings.models import Meeting

    return Meeting.objects.filter(private_documents_q(user), pk=meeting.pk).exists()


def can_publish_document(user) -> bool:
    """Staff make a document public (once the agenda is published); co-chairs add private ones."""
    return is_staff(user)


def _document(user, pk):
    from meetings.models import MeetingDocument

    return (
        MeetingDocument.objects.annotate(may_open=ExpressionWrapper(document_q(user), output_field=BooleanField()))
        .filter(pk=pk)
        .first()
    )


def checked_document(user, pk):
    """The meeting document the rule below read for this request, with its may_open answer, or None."""
    return _cached(user, ("document", pk), lambda: _document(user, pk))


def _can_open_document(user, pk=None, **kw):
    document = checked_document(user, pk)
    return document is None or document.may_open  # a document that does not exist is the view's 404


MEETING_VISIBLE = Rule(_("anyone for public meetings, members for the rest"), _meeting_rule(can_see_meeting))
MINUTES_VISIBLE = Rule(
    _("approved minutes (public meetings: anyone); drafts: the committee's co-chairs and staff"),
    _meeting_rule(can_see_minutes),
)
MEETING_EDITOR = Rule(_("the committee's co-chairs and staff"), _meeting_rule(can_edit_meeting))
# The link is the credential: the view answers 404 unless calendar_link_owner finds its owner.
DOCUMENT_READERS = Rule(_("staff and the committee's members; anyone once staff make it public"), _can_open_document)
DOCUMENT_PUBLISHER = Rule(_("staff"), lambda user, **kw: can_publish_document(user))
AGENDA_VISIBLE = Rule(
    _("anyone once a public meeting's agenda is published, members for the rest; drafts: co-chairs and staff"),
    _meeting_rule(can_see_agenda),
)
PRIVATE_CALENDAR = Rule(_("whoever holds a working private calendar link of an active login"), lambda user, **kw: True)
# --- reminders ---
# Each login chooses its own reminders; the unsubscribe link in every reminder works without logging in: its
# signed token (reminders.models.ReminderPreference.unsubscribe_token) names the login and is the credential.
REMINDER_PREFERENCES = MEMBER_ONLY
UNSUBSCRIBE_LINK = Rule(_("whoever holds a signed unsubscribe link from a reminder"), lambda user, **kw: True)


# --- resources ---


def can_see_members_only_services(user) -> bool:
    """Members (any login) see the services shared only with members; the public sees public ones."""
    return user.is_authenticated


def can_see_inactive_services(user) -> bool:
    """Staff open inactive services (to fix or revive them); everyone else sees active ones only."""
    return is_staff(user)
