"""Meetings of the task force and its committees: agendas, minutes, attendance, motions, action items."""

import datetime
import hashlib
import secrets
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from simple_history.models import HistoricalRecords

from members.models import Committee, CommitteeRole, Membership, Organization, Person
from members.storage import get_private_storage
from taskforce.dates import date_in_range, moment_in_range, validate_date, weekday_date
from taskforce.models import StoredPDF
from taskforce.versions import Versioned

from .validators import DOCUMENT_TYPES, document_extension, validate_meeting_document


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).exclude(status=Meeting.Status.CANCELLED)

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())

    def visible_to(self, viewer):
        """The meetings a user (or a permissions.Audience) may see at all: taskforce.permissions.meeting_q."""
        from taskforce import permissions

        return self.filter(permissions.meeting_q(viewer))

    def agenda_visible_to(self, viewer):
        """The meetings whose agenda a user (or an Audience) may read: taskforce.permissions.agenda_q."""
        from taskforce import permissions

        return self.filter(permissions.agenda_q(viewer))

    def minutes_visible_to(self, viewer):
        """The meetings whose minutes a user (or an Audience) may read: taskforce.permissions.minutes_q."""
        from taskforce import permissions

        return self.filter(permissions.minutes_q(viewer))

    def in_calendar_of(self, user):
        """A member's own calendar: every public meeting, and the meetings they may see (visible_to) of the
        committees they currently sit on and of the full task force (whose meetings every representative attends).
        Which meetings are shown is a choice of relevance; who may see one is still visible_to's rule."""
        from taskforce import permissions

        committees = sorted({role.committee_id for role in permissions.committee_roles_of(user)})
        mine = Q(committee_id__in=committees) | Q(committee__kind=Committee.Kind.TASK_FORCE)
        return self.visible_to(user).filter(mine) | self.visible_to(permissions.PUBLIC)

    def with_access(self, user):
        """Each meeting with the permission rules' answers for the user (may_see, may_edit, may_see_agenda,
        may_see_minutes), read in the same query."""
        from taskforce import permissions

        return self.annotate(**permissions.meeting_answers(user))

    def minutes_to_approve_at(self, meeting):
        """Earlier meetings of the same committee whose minutes this meeting may adopt (or already did)."""
        return self.filter(committee_id=meeting.committee_id, starts_at__lt=meeting.starts_at).filter(
            Q(minutes_state=Meeting.MinutesState.DRAFT) | Q(minutes_approved_at=meeting)
        )

    def held_between(self, start, end):
        """Meetings starting on the local days from start to end (both included), never cancelled."""
        zone = timezone.get_current_timezone()
        since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
        until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
        return self.filter(starts_at__gte=since, starts_at__lt=until).exclude(status=Meeting.Status.CANCELLED)

    def counted_for_attendance(self, now=None):
        """Meetings that took place: held or still marked scheduled, in the past, never cancelled."""
        return self.past(now).exclude(status=Meeting.Status.CANCELLED)


class Meeting(Versioned):
    """One meeting of a committee (or of the full task force)."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class AgendaState(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class MinutesState(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Leave empty to use the committee's name.")
    )
    starts_at = models.DateTimeField(_("starts"), validators=[validate_date])
    ends_at = models.DateTimeField(_("ends"), validators=[validate_date])
    location = models.CharField(_("place"), max_length=200, blank=True, help_text=_("For example City Hall, Room 201."))
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_link = models.URLField(_("online meeting link"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    is_public = models.BooleanField(
        _("public meeting"), default=False, help_text=_("Anyone may see its published agenda and approved minutes.")
    )
    agenda_state = models.CharField(_("agenda"), max_length=10, choices=AgendaState.choices, default=AgendaState.DRAFT)
    minutes_state = models.CharField(
        _("minutes"), max_length=10, choices=MinutesState.choices, default=MinutesState.DRAFT
    )
    minutes_approved_at = models.ForeignKey(
        "self",
        verbose_name=_("minutes approved at"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_minutes_of",
        help_text=_("The later meeting whose motion adopted these minutes."),
    )
    announcements = models.TextField(_("announcements"), blank=True, help_text=_("Markdown: one paragraph each."))
    next_meeting_note = models.CharField(
        _("next meeting"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty to show the committee's next scheduled meeting."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["committee", "starts_at"], name="meeting_committee_start_idx"),
            models.Index(fields=["starts_at"], name="meeting_start_idx"),  # periods across committees (reports)
        ]
        constraints = [
            moment_in_range("starts_at"),
            moment_in_range("ends_at"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message="A meeting must end after it starts.",
            ),
            models.CheckConstraint(
                condition=~Q(minutes_state="approved") | Q(minutes_approved_at__isnull=False),
                name="approved_minutes_name_their_meeting",
                violation_error_message="Approved minutes need the meeting that approved them.",
            ),
            models.CheckConstraint(
                condition=Q(minutes_approved_at__isnull=True) | ~Q(minutes_approved_at=F("id")),
                name="minutes_not_approved_by_themselves",
                violation_error_message="A meeting cannot approve its own minutes.",
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.date_label}"

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])

    @property
    def name(self):
        return self.title or self.committee.name

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at)

    @property
    def date_label(self):
        """'Wednesday, December 14, 2016'."""
        return date_label(self.local_start)

    @property
    def time_label(self):
        """'1:30-3:30 pm', or '11:30 am-1 pm' across noon, in English; the language's own clock in others."""
        start, end = self.local_start, self.local_end
        if (translation.get_language() or "en").split("-")[0] != "en":
            # Other languages: their own clock from Django's formats ("13:30-15:30" in Spanish and Chinese).
            return f"{formats.time_format(start)}-{formats.time_format(end)}"
        if start.strftime("%p") == end.strftime("%p"):
            return f"{_clock(start)}-{_clock(end)} {end.strftime('%p').lower()}"
        return f"{_clock(start)} {start.strftime('%p').lower()}-{_clock(end)} {end.strftime('%p').lower()}"

    @property
    def when(self):
        """'Wednesday, December 14, 2016, 1:30-3:30 pm'; in Chinese '2016年12月14日 星期三 13:30-15:30' (the
        translator joins the day and the time)."""
        return pgettext("a meeting's day, then its time", "%(date)s, %(time)s") % {
            "date": self.date_label,
            "time": self.time_label,
        }

    @property
    def place(self):
        return ", ".join(part for part in [self.location, self.address] if part)

    def not_yet_held(self, today: datetime.date | None = None) -> bool:
        """Whether the meeting's day is still ahead: recording its attendance or minutes asks to be confirmed."""
        return self.local_start.date() > (today or timezone.localdate())

    @property
    def agenda_published(self):
        return self.agenda_state == self.AgendaState.PUBLISHED

    @property
    def is_cancelled(self):
        """A cancelled meeting takes no attendance: nobody attended it, and the policy counts none of it."""
        return self.status == self.Status.CANCELLED

    @property
    def minutes_approved(self):
        return self.minutes_state == self.MinutesState.APPROVED

    def approve_minutes(self, *, at):
        """Adopt these minutes by a motion at a later meeting; they are locked from then on."""
        if at.pk == self.pk:
            raise ValueError("A meeting cannot approve its own minutes.")
        self.minutes_state = self.MinutesState.APPROVED
        self.minutes_approved_at = at
        self.save(update_fields=["minutes_state", "minutes_approved_at", "updated_at"])

    def settle_minutes_approval(self, *, at, reason=None):
        """Approve or reopen these minutes as the motions of meeting ``at`` now say, after they changed: approved
        once one of its motions adopts them; a draft again when they were approved at ``at`` and none of its
        motions adopts them any more (that motion failed, names other minutes now, or was deleted). Minutes
        approved at another meeting stay as they are."""
        adopted = self.approving_motions.filter(agenda_item__meeting=at, result=Motion.Result.ADOPTED).exists()
        if adopted and not self.minutes_approved:
            self._change_reason = reason
            self.approve_minutes(at=at)
        elif not adopted and self.minutes_approved and self.minutes_approved_at_id == at.pk:
            self._change_reason = reason
            self.minutes_state = self.MinutesState.DRAFT
            self.minutes_approved_at = None
            self.save(update_fields=["minutes_state", "minutes_approved_at", "updated_at"])

    def expected_people(self):
        """Everyone listed on the meeting's attendance page, by family name: whoever is already on its attendance
        list (guests too), then for a task-force meeting its current representatives, for a committee meeting
        that committee's current members and chairs and the people recorded at its last three meetings."""
        day = self.local_start.date()
        if self.committee.kind == Committee.Kind.TASK_FORCE:
            expected = Q(pk__in=Membership.objects.current(day).values("person_id"))
        else:
            roles = CommitteeRole.objects.current(day).filter(committee_id=self.committee_id)
            last_three = (
                Meeting.objects.filter(committee_id=self.committee_id, starts_at__lt=self.starts_at)
                .exclude(status=Meeting.Status.CANCELLED)
                .order_by("-starts_at")
                .values("pk")[:3]
            )
            recently = Attendance.objects.filter(meeting__in=last_three)
            expected = Q(pk__in=roles.values("person_id")) | Q(pk__in=recently.values("person_id"))
        return Person.objects.filter(
            Q(pk__in=Attendance.objects.filter(meeting=self).values("person_id")) | expected
        ).order_by(Lower("family_name"), Lower("given_name"), "pk")

    def minutes_people(self):
        """The people its minutes' person selects (mover, seconder, owner) list: those recorded as attending it,
        by family name. Anyone else in the registry may still be named (found by a search), since minutes are
        often typed before attendance is complete."""
        attended = Attendance.objects.filter(meeting=self, person=OuterRef("pk"), status__in=Attendance.ATTENDED)
        return Person.objects.filter(Exists(attended)).order_by("family_name", "given_name", "pk")

    def next_meeting(self):
        """The committee's next meeting that is not cancelled, or None."""
        return (
            Meeting.objects.filter(committee_id=self.committee_id, starts_at__gt=self.starts_at)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("starts_at")
            .first()
        )

    def publish_agenda(self):
        self.agenda_state = self.AgendaState.PUBLISHED
        self.save(update_fields=["agenda_state", "updated_at"])
        queue_packets(self.pk)  # the worker builds its packets before anyone asks

    @classmethod
    @transaction.atomic
    def schedule(cls, **fields):
        """A new meeting whose agenda starts from the committee's standing agenda, with a standing "Action items"
        item under which the agenda lists the committee's open action items when it is read
        (ActionItem.objects.carried_to), so items added to earlier minutes later still show."""
        meeting = cls.objects.create(**fields)
        previous = (
            cls.objects.filter(committee=meeting.committee, starts_at__lt=meeting.starts_at)
            .exclude(status=cls.Status.CANCELLED)
            .order_by("-starts_at")
            .first()
        )
        items = [
            AgendaItem(meeting=meeting, position=index, title=title, kind=AgendaItem.Kind.STANDING)
            for index, title in enumerate(meeting.committee.standing_agenda_items(), start=1)
        ]
        for item in items:
            if previous and not previous.minutes_approved and "minutes" in item.title.lower():
                item.kind = AgendaItem.Kind.ACTION
                item.description = _("Adopt the minutes of %(date)s.") % {"date": previous.date_label}
        carrier = next((item for item in items if "action item" in item.title.lower()), None)
        if carrier is None:
            carrier = AgendaItem(meeting=meeting, position=len(items) + 1, title=_("Action items"))
            items.append(carrier)
        carrier.kind = AgendaItem.Kind.ACTION_ITEMS
        for item in items:
            item.save()
        return meeting


def date_label(moment):
    """'Wednesday, December 14, 2016' for a local date and time, in the active language's words and order."""
    return weekday_date(moment)


def _clock(moment):
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment:%M}" if moment.minute else f"{hour}"


class AgendaItemQuerySet(models.QuerySet):
    def with_minutes_counts(self):
        """Each item with ``motion_count`` and ``action_count``: the motions and action items its minutes hold."""
        return self.annotate(
            motion_count=models.Count("motions", distinct=True),
            action_count=models.Count("action_items", distinct=True),
        )


class AgendaItem(Versioned):
    """An item on a meeting's agenda, with the minutes taken for it."""

    class Kind(models.TextChoices):
        STANDING = "standing", _("Standing item")
        PRESENTATION = "presentation", _("Presentation")
        DISCUSSION = "discussion", _("Discussion")
        ACTION = "action", _("Action")
        REPORT = "report", _("Report")
        ANNOUNCEMENT = "announcement", _("Announcement")
        ACTION_ITEMS = "action_items", _("Open action items")  # lists the committee's open items when read

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,  # deleting a main item keeps its parts (and their minutes) as main items
        null=True,
        blank=True,
        related_name="children",
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.DISCUSSION)
    presenters = models.CharField(_("presenters"), max_length=300, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("minutes allowed"), null=True, blank=True)
    description = models.TextField(_("agenda text"), blank=True, help_text=_("Markdown."))
    minutes = models.TextField(
        _("minutes"), blank=True, help_text=_("Markdown: use - for bullets, indent for sub-bullets.")
    )

    history = HistoricalRecords(excluded_fields=["version"])
    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("agenda item")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="agenda_item_not_part_of_itself",
                violation_error_message="An agenda item cannot be part of itself.",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        """A part (3a, 3b) belongs to a main item of the same meeting; parts have no parts of their own."""
        super().clean()
        parent = self.parent if self.parent_id else None
        if parent is None:
            return
        if self.pk and parent.pk == self.pk:
            raise ValidationError({"parent": _("An agenda item cannot be part of itself.")})
        if parent.meeting_id != self.meeting_id:
            raise ValidationError({"parent": _("Choose an item of the same meeting.")})
        if parent.parent_id:
            raise ValidationError({"parent": _("Choose a main item: a part cannot have parts of its own.")})
        if self.pk and self.children.exists():
            raise ValidationError({"parent": _("This item has parts of its own, so it cannot be part of another.")})


class MotionQuerySet(models.QuerySet):
    def visible_to(self, viewer):
        """The motions whose minutes the user (or an Audience) may read: taskforce.permissions.minutes_q."""
        from taskforce import permissions

        return self.filter(permissions.minutes_q(viewer, via="agenda_item__meeting__"))


class Motion(Versioned):
    """A motion under an agenda item; adopting earlier minutes is one."""

    class Result(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        FAILED = "failed", _("Failed")
        TABLED = "tabled", _("Tabled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    agenda_item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="motions"
    )
    text = models.TextField(_("motion"))
    moved_by = models.ForeignKey(
        Person,
        verbose_name=_("moved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="motions_moved",
    )
    seconded_by = models.ForeignKey(
        Person,
        verbose_name=_("seconded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="motions_seconded",
    )
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, default=Result.ADOPTED)
    yes_count = models.PositiveSmallIntegerField(_("yes"), null=True, blank=True)
    no_count = models.PositiveSmallIntegerField(_("no"), null=True, blank=True)
    abstain_count = models.PositiveSmallIntegerField(_("abstain"), null=True, blank=True)
    approves_minutes_of = models.ForeignKey(
        Meeting,
        verbose_name=_("approves the minutes of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approving_motions",
    )

    objects = MotionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["agenda_item__position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(moved_by__isnull=True) | Q(seconded_by__isnull=True) | ~Q(moved_by=F("seconded_by")),
                name="motion_seconded_by_someone_else",
                violation_error_message="A motion cannot be seconded by the person who moved it.",
            ),
        ]

    def __str__(self):
        return self.text

    @property
    def movers_label(self):
        """'[Utarti/ Dieterich]', the way the minutes have always written it."""
        names = [person.family_name for person in (self.moved_by, self.seconded_by) if person]
        return f"[{'/ '.join(names)}]" if names else ""

    @property
    def votes_counted(self):
        """Yes, no and abstaining together: at most the people who attended (BaseMotionFormSet checks)."""
        return sum(count or 0 for count in (self.yes_count, self.no_count, self.abstain_count))

    @property
    def counts_label(self):
        """'9 yes, 2 no, 1 abstaining', in the reader's language; the counts that were taken only."""
        words = [
            (self.yes_count, lambda number: ngettext("%(number)d yes", "%(number)d yes", number)),
            (self.no_count, lambda number: ngettext("%(number)d no", "%(number)d no", number)),
            (self.abstain_count, lambda number: ngettext("%(number)d abstaining", "%(number)d abstaining", number)),
        ]
        return ", ".join(word(number) % {"number": number} for number, word in words if number is not None)


class AttendanceQuerySet(models.QuerySet):
    def visible_to(self, viewer):
        """The attendance whose minutes the user (or an Audience) may read: taskforce.permissions.minutes_q."""
        from taskforce import permissions

        return self.filter(permissions.minutes_q(viewer, via="meeting__"))


class Attendance(models.Model):
    """Whether a person attended a meeting, and whom they represented that day."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        REMOTE = "remote", _("Remote")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        GUEST = "guest", _("Guest")
        STAFF = "staff", _("Staff")
        PRESENTER = "presenter", _("Presenter")
        FACILITATOR = "facilitator", _("Facilitator")

    ATTENDED = (Status.PRESENT, Status.REMOTE)

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="attendances")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("representing"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices, default=Status.PRESENT)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)

    objects = AttendanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__family_name", "person__given_name"]
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="one_attendance_per_person_per_meeting",
                violation_error_message="This person is already on this meeting's attendance list.",
            ),
        ]

    def __str__(self):
        return _("%(person)s at %(meeting)s: %(status)s") % {
            "person": self.person,
            "meeting": self.meeting,
            "status": self.get_status_display(),
        }

    @property
    def attended(self):
        return self.status in self.ATTENDED


class ActionItemQuerySet(models.QuerySet):
    def visible_to(self, viewer):
        """The action items a user (or an Audience) may see: an item lives in its meeting's minutes, so a
        draft's items show only to those who may read the draft, and to the item's owner
        (taskforce.permissions.action_item_q)."""
        from taskforce import permissions

        return self.filter(permissions.action_item_q(viewer))

    def open(self):
        return self.filter(status=ActionItem.Status.OPEN)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def carried_to(self, meeting):
        """The committee's action items that were open when the meeting began: those of its earlier meetings
        (whenever they were added to those minutes) still open, or closed at this meeting or a later one."""
        return self.filter(committee_id=meeting.committee_id, meeting__starts_at__lt=meeting.starts_at).filter(
            Q(status=ActionItem.Status.OPEN) | Q(closed_at__starts_at__gte=meeting.starts_at)
        )


class ActionItem(Versioned):
    """Something a person agreed at a meeting to do, by a date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("from meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="action_items"
    )
    description = models.TextField(_("what"))
    owner = models.ForeignKey(
        Person, verbose_name=_("who"), on_delete=models.PROTECT, null=True, blank=True, related_name="action_items"
    )
    due_on = models.DateField(_("due"), null=True, blank=True, validators=[validate_date])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_at = models.ForeignKey(
        Meeting,
        verbose_name=_("closed at meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="closed_action_items",
        help_text=_("The later meeting whose minutes marked it done or dropped."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ActionItemQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = [F("due_on").asc(nulls_last=True), "pk"]
        verbose_name = _("action item")
        constraints = [date_in_range("due_on")]
        indexes = [
            # /actions/ and the dashboard's panel read the open items (a tenth of them at ten-year data),
            # by committee and due date: without it each of those reads scans every item ever taken.
            models.Index(fields=["committee", "due_on"], condition=Q(status="open"), name="actionitem_open_idx"),
        ]

    def __str__(self):
        return self.description

    def save(self, *args, **kwargs):
        if not self.committee_id and self.meeting_id:
            self.committee_id = self.meeting.committee_id
        super().save(*args, **kwargs)

    @property
    def owner_name(self):
        return self.owner.full_name if self.owner else str(_("Unassigned"))

    @property
    def due_suffix(self):
        if not self.due_on:
            return ""
        return _(" (due %(date)s)") % {"date": formats.date_format(self.due_on, "DATE_FORMAT")}

    def close_at(self, meeting, status):
        """Mark the item done or dropped at a later meeting of its committee (its minutes record it), or open
        again (status OPEN), which forgets the meeting."""
        if status != self.Status.OPEN and (
            meeting.committee_id != self.committee_id or meeting.starts_at <= self.meeting.starts_at
        ):
            raise ValueError("An action item is closed at a later meeting of its committee.")
        self.status = status
        self.closed_at = None if status == self.Status.OPEN else meeting
        self.save(update_fields=["status", "closed_at", "updated_at"])

    def is_overdue(self, today: datetime.date | None = None):
        return (
            self.status == self.Status.OPEN
            and self.due_on is not None
            and self.due_on < (today or timezone.localdate())
        )


def queue_packets(meeting_id):
    """meetings.packet.queue_after_commit: the packet is drawn from these models, so it is imported when needed."""
    from .packet import queue_after_commit

    queue_after_commit(meeting_id)


class MeetingDocumentQuerySet(models.QuerySet):
    def visible_to(self, viewer):
        """The documents a user may open: taskforce.permissions.document_q."""
        from taskforce import permissions

        return self.filter(permissions.document_q(viewer))


def meeting_document_upload_to(instance, filename):
    """A name the server chooses: of the uploader's name only the (checked) extension is kept."""
    return f"meeting-documents/{instance.meeting_id}/{uuid.uuid4().hex}{document_extension(filename)}"


class MeetingDocument(models.Model):
    """A file handed out for a meeting or one of its agenda items: slides, a handout, a poster, a report."""

    class Visibility(models.TextChoices):
        PRIVATE = "private", _("Private: staff and the committee's members")
        PUBLIC = "public", _("Public: anyone")

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="documents")
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,  # a deleted item leaves its documents with the meeting
        null=True,
        blank=True,
        related_name="documents",
        help_text=_("Leave empty for a document of the whole meeting."),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        storage=get_private_storage,
        upload_to=meeting_document_upload_to,
        validators=[validate_meeting_document],
        max_length=200,
        help_text=_("PDF, Word (.docx), PowerPoint (.pptx), PNG or JPEG; 25 MB at most."),
    )
    visibility = models.CharField(
        _("who may open it"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = MeetingDocumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        queue_packets(self.meeting_id)  # the packets list it, or hold its pages

    def get_absolute_url(self):
        return reverse("meetings:document", args=[self.pk])

    def delete(self, *args, **kwargs):
        meeting_id = self.meeting_id
        deleted = super().delete(*args, **kwargs)
        queue_packets(meeting_id)
        return deleted

    def clean(self):
        super().clean()
        if self.agenda_item_id and self.meeting_id and self.agenda_item.meeting_id != self.meeting_id:
            raise ValidationError({"agenda_item": _("Choose an item of this meeting's agenda.")})
        if self.is_public and self.meeting_id and not self.meeting.agenda_published:
            raise ValidationError(
                {"visibility": _("A document can be public only once the meeting's agenda is published.")}
            )

    def set_visibility(self, visibility):
        """Staff make it public (once the agenda is published: clean() says so) or private again."""
        self.visibility = visibility
        self.clean()
        self.save(update_fields=["visibility"])

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC

    @property
    def extension(self):
        return document_extension(self.file.name)

    @property
    def content_type(self):
        return DOCUMENT_TYPES.get(self.extension, ("", "application/octet-stream"))[1]

    @property
    def is_pdf(self):
        return self.extension == ".pdf"

    @property
    def download_name(self):
        return f"{self.title}{self.extension}"


class MeetingPacketPDF(StoredPDF):
    """A meeting's packet, for one fingerprint of its agenda and documents: the members' (every document) or the
    public's (public documents only), in one language (its cover's words, dates and page numbers)."""

    KEY_FIELDS = ("meeting", "public", "language")

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="packets")
    public = models.BooleanField(_("public documents only"), default=False)
    language = models.CharField(
        _("language"), max_length=10, default="en", help_text=_("A code of settings.LANGUAGES: en, es, zh-hant, tl.")
    )
    site_url = models.CharField(
        _("site address"), max_length=200, blank=True, help_text=_("Where the packet's links to other documents lead.")
    )

    class Meta(StoredPDF.Meta):
        verbose_name = _("meeting packet PDF")
        verbose_name_plural = _("meeting packet PDFs")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "public", "language", "data_version"],
                name="one_packet_pdf_per_data_version",
                violation_error_message=_("This version of the packet is already made."),
            ),
        ]

    def __str__(self):
        audience = "public" if self.public else "members"
        return f"Packet of {self.meeting_id} ({audience}, {self.language}, {self.get_state_display()})"


class CalendarTokenQuerySet(models.QuerySet):
    def live(self):
        """Links that still work: not revoked, and their owner's login is still active."""
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class CalendarToken(models.Model):
    """The secret in a member's private calendar link. Only its hash is kept: the link is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="owner", on_delete=models.CASCADE, related_name="calendar_tokens"
    )
    token_hash = models.CharField("SHA-256 of the secret", max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("created", auto_now_add=True)
    last_used_at = models.DateTimeField("last fetched", null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField("revoked", null=True, blank=True)

    objects = CalendarTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "private calendar link"
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(revoked_at__isnull=True),
                name="one_live_calendar_link_per_user",
                violation_error_message="A member has at most one private calendar link that works.",
            ),
        ]

    def __str__(self):
        return f"Calendar link of {self.user}, created {self.created_at:%Y-%m-%d}"

    @staticmethod
    def hash_of(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def issue(cls, user) -> str:
        """Revoke the user's working link, if any, and make a new one; returns the new secret (never stored)."""
        secret = secrets.token_urlsafe(32)
        with transaction.atomic():
            # Two clicks at once must not both find no working link: the owner's row orders them.
            get_user_model().objects.select_for_update().get(pk=user.pk)
            cls.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
            cls.objects.create(user=user, token_hash=cls.hash_of(secret))
        return secret

    @classmethod
    def revoke_all(cls, user) -> int:
        """Stop the user's link from working; how many links were revoked (0 or 1)."""
        return cls.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())

    @classmethod
    def owner_of(cls, secret: str):
        """The active login whose working link carries this secret (its use noted), or None."""
        token = cls.objects.live().select_related("user").filter(token_hash=cls.hash_of(secret)).first()
        if token is None:
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user
