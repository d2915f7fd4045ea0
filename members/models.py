"""The registry: organizations, people, who represents whom, committees, MOUs, policy."""

import datetime
import uuid

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField, DateRangeField, RangeOperators
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Func, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import build_localized_fieldname
from simple_history.models import HistoricalRecords

from taskforce.choices import choice_label
from taskforce.dates import date_in_range, validate_date
from taskforce.models import StoredPDF
from taskforce.versions import Versioned

from . import languages as iso_languages
from .names import name_key
from .storage import get_private_storage
from .validators import validate_pdf


class DateRange(Func):
    """PostgreSQL daterange(start, end, '[]'), open-ended when end is null."""

    function = "daterange"
    output_field = DateRangeField()


class CurrentQuerySet(models.QuerySet):
    """Rows with a start and an optional end date; 'current' means today falls inside."""

    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(start_on__lte=on) & (Q(end_on__isnull=True) | Q(end_on__gte=on)))


class MembershipQuerySet(CurrentQuerySet):
    def represented_on(self, day):
        """The memberships current on the day, the one a person represents first (by start, then id) first: the
        organization their attendance records unless they say otherwise."""
        return self.current(day).order_by("start_on", "pk")


class CurrentMixin:
    """The same test as CurrentQuerySet.current(), on one row already loaded."""

    def is_current(self, on=None):
        on = on or timezone.localdate()
        return self.start_on <= on and (self.end_on is None or self.end_on >= on)


SEARCH_WORDS = 5  # words of a name search used: more narrow nothing a person types, only make the query longer


def containing(word, *fields):
    """Rows where one of ``fields`` holds ``word``, whatever the case and accents ("jose" finds "José", "José"
    finds "Jose"): the rule of every name search (PostgreSQL's unaccent, migration members/0011)."""
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__unaccent__icontains": word})
    return condition


class OrganizationQuerySet(models.QuerySet):
    def matching(self, text):
        """The organizations whose name or acronym contains every word of `text` (the organization list's search
        and the guest form's); every organization when `text` has no words."""
        matches = self
        for word in text.split()[:SEARCH_WORDS]:
            matches = matches.filter(containing(word, "name", "acronym"))
        return matches

    def members(self):
        return self.filter(status=Organization.Status.MEMBER)

    def by_name_key(self):
        """Every organization under its name_key, for matching names typed in a file."""
        return {name_key(organization.name): organization for organization in self}

    def prospects(self):
        return self.filter(status=Organization.Status.PROSPECT)

    def without_signed_mou(self):
        return self.exclude(mous__status=MOU.Status.SIGNED)

    def with_representative_count(self, on=None):
        """Each organization's ``representative_count``: its current memberships, as a correlated count
        (not a join), so filters that join other relations cannot multiply it."""
        current = (
            Membership.objects.current(on)
            .filter(organization=models.OuterRef("pk"))
            .order_by()
            .values("organization")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(
            representative_count=Coalesce(models.Subquery(current, output_field=models.IntegerField()), 0)
        )


class Organization(Versioned):
    """A member agency or community organization, or a prospect being invited."""

    class Sector(models.TextChoices):
        CITY_DEPARTMENT = "city", _("City department")
        LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
        PROSECUTION = "prosecution", _("Prosecution")
        PUBLIC_HEALTH = "public_health", _("Public health")
        EDUCATION = "education", _("Education")
        CHILD_WELFARE = "child_welfare", _("Child welfare")
        COMMUNITY_BASED = "community", _("Community-based organization")
        LEGAL_SERVICES = "legal", _("Legal services")
        LABOR = "labor", _("Labor")
        BUSINESS = "business", _("Business")
        FAITH = "faith", _("Faith community")
        ACADEMIC = "academic", _("Academic and research")
        FEDERAL_STATE = "federal_state", _("Federal or state agency")
        SURVIVOR_LED = "survivor_led", _("Survivor-led")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PROSPECT = "prospect", _("Prospect")
        MEMBER = "member", _("Member")
        FORMER = "former", _("Former member")

    class OutreachStage(models.TextChoices):
        IDENTIFIED = "identified", _("Identified")
        CONTACTED = "contacted", _("Contacted")
        INVITED = "invited", _("Invited to a meeting")
        ATTENDING = "attending", _("Attending")
        DECLINED = "declined", _("Declined")

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, default=Sector.OTHER)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.MEMBER)
    outreach_stage = models.CharField(
        _("outreach stage"),
        max_length=12,
        choices=OutreachStage.choices,
        blank=True,
        help_text=_("For prospects: how far the invitation has gone."),
    )
    outreach_notes = models.TextField(_("outreach notes"), blank=True)
    joined_on = models.DateField(_("joined"), null=True, blank=True, validators=[validate_date])
    left_on = models.DateField(_("left"), null=True, blank=True, validators=[validate_date])
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["name"]
        constraints = [
            date_in_range("joined_on"),
            date_in_range("left_on"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(joined_on__isnull=True) | Q(left_on__gte=F("joined_on")),
                name="organization_left_after_joined",
                violation_error_message="An organization cannot leave before it joined.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:organization", args=[self.pk])

    def clean(self):
        if self.joined_on and self.left_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("The date it left must be on or after the date it joined.")})

    @property
    def sector_label(self):
        return choice_label(self.Sector, self.sector)

    @property
    def status_label(self):
        return choice_label(self.Status, self.status)


class NamedMixin:
    """How a person is named, for anything with given_name and family_name (the model, lighter rows)."""

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def sort_name(self):
        return f"{self.family_name}, {self.given_name}"


class PersonQuerySet(models.QuerySet):
    def named(self, text):
        """The people whose given or family name contains every word of `text` (the guest form's search); everyone
        when `text` has no words."""
        matches = self
        for word in text.split()[:SEARCH_WORDS]:
            matches = matches.filter(containing(word, "given_name", "family_name"))
        return matches

    def by_name_key(self):
        """Every person under the name_key of their full name (a list: two people may share a name)."""
        people = {}
        for person in self:
            people.setdefault(name_key(person.full_name), []).append(person)
        return people


class Person(NamedMixin, models.Model):
    """Someone who works with the task force; lists sort by family name."""

    honorific = models.CharField(
        _("honorific"), max_length=40, blank=True, help_text=_("For example Captain, Dr., Supervisor.")
    )
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    oriented_on = models.DateField(
        _("oriented on"),
        null=True,
        blank=True,
        help_text=_("New members are oriented before they attend."),
        validators=[validate_date],
    )
    has_lived_experience = models.BooleanField(
        _("compensated for lived experience"),
        default=False,
        help_text=_("Staff only: a person with lived experience who is paid for their time."),
    )
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["family_name", "given_name"], name="person_name_idx")]
        constraints = [date_in_range("oriented_on")]

    def __str__(self):
        return self.full_name


class Membership(CurrentMixin, models.Model):
    """A person representing an organization on the task force, over a period."""

    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("Representative")
        ALTERNATE = "alternate", _("Alternate")
        STAFF_LIAISON = "staff_liaison", _("Staff liaison")

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("on behalf of"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.REPRESENTATIVE)
    start_on = models.DateField(_("from"), default=timezone.localdate, validators=[validate_date])
    end_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Leave empty while current."), validators=[validate_date]
    )
    is_data_contact = models.BooleanField(
        _("data contact"), default=False, help_text=_("Enters this organization's figures for the annual report.")
    )

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_on"]
        constraints = [
            date_in_range("start_on"),
            date_in_range("end_on"),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=F("start_on")),
                name="membership_ends_after_start",
                violation_error_message="A membership cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return _("%(person)s for %(organization)s") % {"person": self.person, "organization": self.organization}

    def clean(self):
        if self.start_on and self.end_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": _("The end date must be on or after the start date.")})


class Committee(models.Model):
    """The full task force, a standing committee or a workgroup."""

    class Kind(models.TextChoices):
        TASK_FORCE = "task_force", _("Full task force")
        STANDING = "standing", _("Standing committee")
        WORKGROUP = "workgroup", _("Workgroup")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.STANDING)
    purpose = models.TextField(_("purpose"), blank=True)
    standing_agenda = models.TextField(
        _("standing agenda"),
        blank=True,
        help_text=_("One item per line; new meetings start from these."),
    )
    meetings_are_public = models.BooleanField(
        _("meetings are public"), default=False, help_text=_("New meetings default to public.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("order in lists"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:committee", args=[self.slug])

    def standing_agenda_items(self):
        return [line.strip() for line in self.standing_agenda.splitlines() if line.strip()]


class CommitteeRole(CurrentMixin, models.Model):
    """A person's role on a committee for a term: chairs rotate."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        CO_CHAIR = "co_chair", _("Co-chair")
        MEMBER = "member", _("Member")
        STAFF = "staff", _("Staff")

    CHAIR_ROLES = (Role.CHAIR, Role.CO_CHAIR)

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="committee_roles"
    )
    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    start_on = models.DateField(_("from"), default=timezone.localdate, validators=[validate_date])
    end_on = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Leave empty while current."), validators=[validate_date]
    )

    objects = CurrentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["committee", "role", "person__family_name"]
        constraints = [
            date_in_range("start_on"),
            date_in_range("end_on"),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=F("start_on")),
                name="committee_role_ends_after_start",
                violation_error_message="A term cannot end before it starts.",
            ),
            ExclusionConstraint(
                name="committee_role_no_overlap",
                expressions=[
                    ("person", RangeOperators.EQUAL),
                    ("committee", RangeOperators.EQUAL),
                    ("role", RangeOperators.EQUAL),
                    (DateRange("start_on", "end_on", models.Value("[]")), RangeOperators.OVERLAPS),
                ],
                violation_error_message="This person already holds this role on this committee for part of that term.",
            ),
        ]

    def __str__(self):
        return _("%(person)s, %(role)s of %(committee)s") % {
            "person": self.person,
            "role": self.get_role_display(),
            "committee": self.committee,
        }

    def clean(self):
        if self.start_on and self.end_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": _("The end date must be on or after the start date.")})

    @property
    def is_chair(self):
        return self.role in self.CHAIR_ROLES


class MOUQuerySet(models.QuerySet):
    def current(self):
        return self.exclude(status__in=MOU.CLOSED)

    def expiring_within(self, days):
        today = timezone.localdate()
        return self.filter(
            status=MOU.Status.SIGNED, expires_on__gte=today, expires_on__lte=today + datetime.timedelta(days=days)
        )


def mou_upload_to(instance, filename):
    """A name the server chooses: the uploader's name (an .html, a path) is never kept."""
    return f"mous/{instance.organization_id}/{uuid.uuid4().hex}.pdf"


class MOU(models.Model):
    """A memorandum of understanding between an organization and the task force."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        DRAFTED = "drafted", _("Drafted")
        SENT = "sent", _("Sent")
        SIGNED = "signed", _("Signed")
        EXPIRED = "expired", _("Expired")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    CLOSED = (Status.EXPIRED, Status.DECLINED, Status.WITHDRAWN)

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="mous"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    sent_on = models.DateField(_("sent"), null=True, blank=True, validators=[validate_date])
    signed_on = models.DateField(_("signed"), null=True, blank=True, validators=[validate_date])
    expires_on = models.DateField(_("expires"), null=True, blank=True, validators=[validate_date])
    signatory = models.CharField(
        _("signed by"), max_length=200, blank=True, help_text=_("Name and title of who signed.")
    )
    document = models.FileField(
        _("signed document"),
        storage=get_private_storage,
        upload_to=mou_upload_to,
        validators=[validate_pdf],
        blank=True,
        help_text=_("The signed PDF. Only staff and the organization's own representatives can open it."),
    )
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MOUQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("MOU")
        verbose_name_plural = _("MOUs")
        ordering = ["organization__name", "-signed_on"]
        constraints = [
            date_in_range("sent_on"),
            date_in_range("signed_on"),
            date_in_range("expires_on"),
            models.UniqueConstraint(
                fields=["organization"],
                condition=~Q(status__in=["expired", "declined", "withdrawn"]),
                name="one_current_mou_per_organization",
                violation_error_message="This organization already has a current MOU; close that one first.",
            ),
            models.CheckConstraint(
                condition=~Q(status="signed") | Q(signed_on__isnull=False),
                name="signed_mou_has_signed_date",
                violation_error_message="A signed MOU needs the date it was signed.",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(signed_on__isnull=True) | Q(expires_on__gt=F("signed_on")),
                name="mou_expires_after_signing",
                violation_error_message="An MOU must expire after it was signed.",
            ),
        ]

    def __str__(self):
        return _("MOU with %(organization)s (%(status)s)") % {
            "organization": self.organization,
            "status": self.get_status_display(),
        }

    @property
    def status_label(self):
        return choice_label(self.Status, self.status)

    def clean(self):
        errors = {}
        if self.status == self.Status.SIGNED and not self.signed_on:
            errors["signed_on"] = _("A signed MOU needs the date it was signed.")
        if self.expires_on and self.signed_on and self.expires_on <= self.signed_on:
            errors["expires_on"] = _("The expiry date must be after the date it was signed.")
        if self.sent_on and self.signed_on and self.signed_on < self.sent_on:
            errors["signed_on"] = _("It cannot be signed before it was sent.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_signed(self):
        return self.status == self.Status.SIGNED


class MembershipPolicy(models.Model):
    """The one row that says how members keep their vote."""

    class VotingRule(models.TextChoices):
        MOU_ONLY = "mou", _("A signed MOU")
        ATTENDANCE_ONLY = "attendance", _("Attendance")
        BOTH = "both", _("A signed MOU and attendance")
        EITHER = "either", _("A signed MOU or attendance")

    required_meetings = models.PositiveSmallIntegerField(
        _("meetings required"), default=3, help_text=_("N: how many of the last M meetings a member must attend.")
    )
    window_meetings = models.PositiveSmallIntegerField(
        _("out of the last"),
        default=6,
        validators=[MinValueValidator(1)],
        help_text=_("M: how many recent task-force meetings count."),
    )
    committee_meetings_count = models.BooleanField(
        _("committee meetings count toward it"),
        default=True,
        help_text=_("Attending a committee meeting in the same period counts as attending."),
    )
    voting_rule = models.CharField(
        _("who can vote"), max_length=12, choices=VotingRule.choices, default=VotingRule.BOTH
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership and voting policy")
        verbose_name_plural = _("membership and voting policy")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="membership_policy_single_row"),
            models.CheckConstraint(
                condition=Q(required_meetings__lte=F("window_meetings")),
                name="policy_required_within_window",
                violation_error_message="The meetings required cannot exceed the meetings counted.",
            ),
            models.CheckConstraint(condition=Q(window_meetings__gte=1), name="policy_window_positive"),
        ]

    def __str__(self):
        return str(_("Membership and voting policy"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    def clean(self):
        if (
            self.required_meetings is not None
            and self.window_meetings is not None
            and self.required_meetings > self.window_meetings
        ):
            raise ValidationError({"required_meetings": _("The meetings required cannot exceed the meetings counted.")})

    @classmethod
    def load(cls):
        policy, _created = cls.objects.get_or_create(pk=1)
        return policy

    @property
    def needs_mou(self):
        return self.voting_rule in (self.VotingRule.MOU_ONLY, self.VotingRule.BOTH, self.VotingRule.EITHER)

    @property
    def needs_attendance(self):
        return self.voting_rule in (
            self.VotingRule.ATTENDANCE_ONLY,
            self.VotingRule.BOTH,
            self.VotingRule.EITHER,
        )


# --- Resource list ---
# Imported here, not at the top, so this section merges cleanly with the registry above.


def validate_language_code(value):
    if value not in iso_languages.ISO_639_1:
        raise ValidationError(
            _("“%(value)s” is not an ISO 639-1 language code: use two letters such as en, es, zh or vi."),
            code="invalid_language",
            params={"value": value},
        )


def content_language(language):
    """The code of settings.LANGUAGES a language code stands for (es-MX: es), or English."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = (language or "").lower()
    if language in codes:
        return language
    base = language.split("-")[0]
    return base if base in codes else settings.MODELTRANSLATION_DEFAULT_LANGUAGE


class LocalizedText(str):
    """A text in the language asked for, or its English text where it has none (``in_english`` then True).

    A ``str``, so it prints as the text; pages add the "(in English)" marker and ``lang="en"`` when
    ``in_english`` is set.
    """

    in_english = False

    @classmethod
    def of(cls, instance, field, language=None):
        language = content_language(language or translation.get_language())
        own = getattr(instance, build_localized_fieldname(field, language), None) or ""
        if own or language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            text = cls(own)
        else:
            english = getattr(
                instance, build_localized_fieldname(field, settings.MODELTRANSLATION_DEFAULT_LANGUAGE), None
            )
            text = cls(english or "")
            text.in_english = bool(english)
        text.language = language
        return text


class Term(models.Model):
    """A name staff can add to a list the resource list filters on, with its Spanish name."""

    # A column per language beside it (members/translation.py): name_en, name_es, name_zh_hant, name_tl.
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("order in lists"), default=0)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def text(self, language=None):
        """The name in this language (the active one by default), or in English, saying which."""
        return LocalizedText.of(self, "name", language)


class ServiceCategory(Term):
    """A kind of help in the resource list (housing, legal, 24-hour response...); staff can add more."""

    class Meta(Term.Meta):
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")


class Population(Term):
    """A group of people a service is for (minors, adults, immigrants regardless of status...)."""

    class Meta(Term.Meta):
        verbose_name = _("population served")
        verbose_name_plural = _("populations served")


class ServiceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Service.Status.ACTIVE)

    def public(self):
        return self.active().filter(visibility=Service.Visibility.PUBLIC)

    def listed(self, *, include_members_only):
        """Active services a visitor may see: members see members-only ones too."""
        return self.active() if include_members_only else self.public()

    def stale(self, on=None):
        """Active services nobody has verified in the last 12 months."""
        cutoff = (on or timezone.localdate()) - datetime.timedelta(days=365)
        return self.active().filter(Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=cutoff))

    def with_term_ids(self):
        """Each service's category and population ids, two arrays in its own row (in id order: the resource
        list's kept cards name them in their key): for a list that reads the few terms once anyway (the
        resource list, for its filters) instead of prefetching them per page."""
        links = Service.categories.through.objects.filter(service=OuterRef("pk"))
        people = Service.populations.through.objects.filter(service=OuterRef("pk"))
        return self.annotate(
            category_ids=ArraySubquery(links.order_by("servicecategory_id").values("servicecategory_id")),
            population_ids=ArraySubquery(people.order_by("population_id").values("population_id")),
        )


class Service(Versioned):
    """One service an organization offers survivors: a row of the resource list (HSDS 3 "service")."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")

    hsds_id = models.UUIDField(
        _("identifier in exports"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Stays the same in every HSDS export."),
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="services"
    )
    # These texts have a column per language beside them (members/translation.py: name_en, name_es,
    # name_zh_hant, name_tl...); the plain column keeps the English text.
    TRANSLATED_FIELDS = ("name", "description", "how_to_refer", "eligibility", "fees", "hours")

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    categories = models.ManyToManyField(
        ServiceCategory, verbose_name=_("categories"), blank=True, related_name="services"
    )
    populations = models.ManyToManyField(
        Population, verbose_name=_("populations served"), blank=True, related_name="services"
    )
    languages = ArrayField(
        models.CharField(max_length=2, validators=[validate_language_code]),
        verbose_name=_("languages"),
        default=list,
        blank=True,
        help_text=_("ISO 639-1 codes, separated by commas: en, es, zh."),
    )
    language_names = models.CharField(
        _("language names"),
        max_length=500,
        blank=True,
        editable=False,
        help_text=_("Filled from the codes, for search."),
    )
    eligibility = models.TextField(_("who can use it"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    fees = models.CharField(_("fees"), max_length=200, blank=True, help_text=_("For example “Free”."))
    how_to_refer = models.TextField(
        _("how to refer"), blank=True, help_text=_("What a member or survivor does to get this help.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_24_hour = models.BooleanField(_("answers 24 hours a day"), default=False)
    email = models.EmailField(_("email"), blank=True)
    url = models.URLField(_("website"), blank=True)
    location_is_confidential = models.BooleanField(
        _("confidential location"),
        default=False,
        help_text=_("For shelters: the address is never stored or shown; people are referred by phone."),
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True, default="San Francisco")
    state = models.CharField(_("state"), max_length=40, blank=True, default="CA")
    postal_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    hours = models.CharField(
        _("hours"), max_length=200, blank=True, help_text=_("For example “Monday to Friday, 9 am-5 pm”.")
    )
    visibility = models.CharField(
        _("who can see it"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_("Public services are on the public list, the pamphlet and the HSDS export."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    last_verified_on = models.DateField(_("last verified"), null=True, blank=True, validators=[validate_date])
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verified_services",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    search_vector = SearchVectorField(
        _("search document"),
        null=True,
        editable=False,
        help_text=_(
            "Kept by the database (triggers of migration 0004) from the service, its organization, "
            "categories and populations."
        ),
    )

    objects = ServiceQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[categories, populations], excluded_fields=["search_vector", "version"])

    class Meta:
        ordering = ["organization__name", "name"]
        constraints = [
            date_in_range("last_verified_on"),
            models.UniqueConstraint(
                fields=["organization", "name"],
                name="service_name_unique_per_organization",
                violation_error_message="This organization already has a service with this name.",
            ),
            models.CheckConstraint(
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(maximum_age__gte=F("minimum_age")),
                name="service_max_age_not_below_min",
                violation_error_message="The maximum age cannot be below the minimum age.",
            ),
            models.CheckConstraint(
                condition=Q(location_is_confidential=False) | Q(street_address="", postal_code=""),
                name="service_confidential_has_no_address",
                violation_error_message="A confidential location must not have a street address or ZIP code.",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "visibility"], name="service_listed_idx"),
            GinIndex(fields=["search_vector"], name="service_search_idx"),
            # Chinese has no spaces between words for a text search configuration to split on: a search
            # in Chinese looks for the characters in the Chinese texts, which these trigrams (pg_trgm) index.
            GinIndex(
                fields=["name_zh_hant", "description_zh_hant"],
                opclasses=["gin_trgm_ops", "gin_trgm_ops"],
                name="service_zh_hant_trigram_idx",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.organization})" if self.organization_id else self.name

    def save(self, *args, **kwargs):
        self.language_names = self.compute_language_names()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "languages" in update_fields:
            kwargs["update_fields"] = {*update_fields, "language_names"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:service", args=[self.pk])

    def clean(self):
        errors = {}
        if self.minimum_age is not None and self.maximum_age is not None and self.maximum_age < self.minimum_age:
            errors["maximum_age"] = ValidationError(
                _("The maximum age (%(max)s) is below the minimum age (%(min)s)."),
                code="age_range",
                params={"max": self.maximum_age, "min": self.minimum_age},
            )
        if self.location_is_confidential and (self.street_address or self.postal_code):
            errors["street_address"] = ValidationError(
                _(
                    "This location is confidential: leave the street address and ZIP code empty so they are never shown."
                ),
                code="confidential_address",
            )
        if errors:
            raise ValidationError(errors)

    def texts(self, language=None):
        """The translated texts in this language (the active one by default), each saying if it fell back
        to English: ``service.texts.description`` in a template."""
        language = content_language(language or translation.get_language())
        kept = getattr(self, "_texts", None)
        if kept is None or kept[0] != language:
            kept = self._texts = (
                language,
                {field: LocalizedText.of(self, field, language) for field in self.TRANSLATED_FIELDS},
            )
        return kept[1]

    def categories_in_order(self):
        """The service's categories in the list's order (from a prefetch of ``categories``)."""
        return sorted(self.categories.all(), key=lambda category: (category.position, category.name))

    def main_category(self):
        """The category a service is listed under once (the pamphlet): the first of its categories in the list's order."""
        ordered = self.categories_in_order()
        return ordered[0] if ordered else None

    def compute_language_names(self):
        return iso_languages.search_words(self.languages)

    @property
    def language_labels(self):
        return [iso_languages.label(code) for code in self.languages]

    @property
    def address_lines(self):
        """What may be shown of the location: never the street of a confidential one."""
        if self.location_is_confidential:
            return []
        if not self.street_address:
            return []
        place = " ".join(part for part in [f"{self.city}," if self.city else "", self.state, self.postal_code] if part)
        return [self.street_address, place.rstrip(",")]

    @property
    def phone_href(self):
        """The phone number as a tel: link a phone can dial."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""

    @property
    def is_stale(self):
        cutoff = timezone.localdate() - datetime.timedelta(days=365)
        return self.last_verified_on is None or self.last_verified_on < cutoff

    @property
    def age_range(self):
        if self.minimum_age is not None and self.maximum_age is not None:
            return _("Ages %(minimum)s-%(maximum)s") % {"minimum": self.minimum_age, "maximum": self.maximum_age}
        if self.minimum_age is not None:
            return _("Ages %(minimum)s and up") % {"minimum": self.minimum_age}
        if self.maximum_age is not None:
            return _("Up to age %(maximum)s") % {"maximum": self.maximum_age}
        return ""

    def mark_verified(self, *, by, on=None):
        self.last_verified_on = on or timezone.localdate()
        self.last_verified_by = by
        self.save(update_fields=["last_verified_on", "last_verified_by", "updated_at"])


class PamphletDistributionQuerySet(models.QuerySet):
    def totals_by_organization(self, start=None, end=None):
        """Pamphlets handed out per agency in a period: the strategic plan's distribution metric."""
        rows = self
        if start:
            rows = rows.filter(distributed_on__gte=start)
        if end:
            rows = rows.filter(distributed_on__lte=end)
        return (
            rows.values("organization_id", "organization__name")
            .annotate(pamphlets=models.Sum("quantity"), entries=models.Count("id"))
            .order_by("-pamphlets", "organization__name")
        )


class PamphletDistribution(models.Model):
    """How many resource pamphlets an agency handed out, and when."""

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")
        BOTH = "mixed", _("English and Spanish")

    organization = models.ForeignKey(
        Organization, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="pamphlet_distributions"
    )
    distributed_on = models.DateField(
        _("distributed on"), help_text=_("The day, or the last day of the period."), validators=[validate_date]
    )
    quantity = models.PositiveIntegerField(_("pamphlets"), help_text=_("How many pamphlets were handed out."))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH)
    where = models.CharField(_("where or at what event"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pamphlet_distributions_recorded",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = PamphletDistributionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-distributed_on", "-recorded_at"]
        constraints = [
            date_in_range("distributed_on"),
            models.CheckConstraint(
                condition=Q(quantity__gte=1),
                name="pamphlet_distribution_quantity_positive",
                violation_error_message="Record at least one pamphlet.",
            ),
        ]

    def __str__(self):
        return ngettext(
            "%(quantity)s pamphlet by %(organization)s on %(date)s",
            "%(quantity)s pamphlets by %(organization)s on %(date)s",
            self.quantity,
        ) % {"quantity": self.quantity, "organization": self.organization, "date": self.distributed_on}


class PamphletPDF(StoredPDF):
    """The resource pamphlet in one language and paper size, rendered for one fingerprint of what it prints."""

    KEY_FIELDS = ("language", "size")

    language = models.CharField(
        _("language"), max_length=10, help_text=_("A code of settings.LANGUAGES: en, es, zh-hant, tl.")
    )
    size = models.CharField(_("paper size"), max_length=10)

    class Meta(StoredPDF.Meta):
        verbose_name = _("pamphlet PDF")
        verbose_name_plural = _("pamphlet PDFs")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "size", "data_version"],
                name="one_pamphlet_pdf_per_data_version",
                violation_error_message=_("This version of the pamphlet is already rendered."),
            ),
        ]

    def __str__(self):
        return f"Pamphlet ({self.language}, {self.size}, {self.get_state_display()})"
