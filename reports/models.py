"""The annual trafficking-data report: reporting years, agency submissions as marginal counts, narratives.

Only aggregate counts are stored here, never anything about a single client.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.models import LocalizedText, Organization
from taskforce.dates import date_in_range, moment_in_range, validate_date, validate_year, year_in_range
from taskforce.models import StoredPDF, StoredPDFQuerySet
from taskforce.versions import Versioned

from .suppression import DEFAULT_K


class ReportingYearQuerySet(models.QuerySet):
    def readable_by(self, user):
        """The years whose report the user may read: taskforce.permissions.report_q."""
        from taskforce import permissions

        return self.filter(permissions.report_q(user))

    def strictest_k(self) -> int:
        """The largest threshold of any year (at least the default): pages outside a year's report, such as a goal
        metric's, hide a small count of people from every year's report."""
        return max(self.aggregate(k=models.Max("k"))["k"] or DEFAULT_K, DEFAULT_K)


class ReportingYear(models.Model):
    """One year of agency figures and the report published from them."""

    class State(models.TextChoices):
        COLLECTING = "collecting", _("Collecting figures")
        REVIEW = "review", _("Staff review")
        PUBLISHED = "published", _("Published")

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=[validate_year])
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.COLLECTING)
    due_on = models.DateField(
        _("figures due"),
        help_text=_("Agencies are reminded when they have not submitted by then."),
        validators=[validate_date],
    )
    k = models.PositiveSmallIntegerField(
        _("small-cell threshold (k)"),
        default=DEFAULT_K,
        help_text=_("Counts from 1 to k-1 are never published; they show as “fewer than k”. At least 3."),
    )
    public_after_publish = models.BooleanField(
        _("public once published"),
        default=False,
        help_text=_("Anyone, without logging in, may read the published report."),
    )
    definition = models.TextField(
        _("definition of human trafficking"),
        blank=True,
        help_text=_("The definition the task force asks agencies to count by; printed in the methodology."),
    )
    about_text = models.TextField(
        _("about the task force"),
        blank=True,
        help_text=_(
            "How the task force began and how it works, for the report's “About the task force” section. "
            "The mission and vision are printed from the strategic plan, so do not repeat them here. "
            "A blank line starts a new paragraph."
        ),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, validators=[validate_date])
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ReportingYearQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [
            year_in_range("year"),
            date_in_range("due_on"),
            moment_in_range("published_at"),
            # With k=2 the label "fewer than 2" would itself reveal a count of exactly 1.
            models.CheckConstraint(
                condition=Q(k__gte=3),
                name="reporting_year_k_at_least_3",
                violation_error_message="The small-cell threshold must be at least 3.",
            ),
        ]

    def __str__(self):
        return _("Annual report %(year)s") % {"year": self.year}

    def get_absolute_url(self):
        return reverse("reports:report", args=[self.year])

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    def about_paragraphs(self):
        return [part.strip() for part in self.about_text.split("\n\n") if part.strip()]


class BreakdownCategory(models.Model):
    """A category of one breakdown (for example “Labor” of trafficking type); staff can add more."""

    class Dimension(models.TextChoices):
        TRAFFICKING_TYPE = "trafficking_type", _("Type of trafficking")
        AGE_BAND = "age_band", _("Age")
        GENDER = "gender", _("Gender")
        RACE_ETHNICITY = "race_ethnicity", _("Race and ethnicity")
        NATIONALITY = "nationality", _("Nationality")
        INDUSTRY = "industry", _("Industry (Polaris typology)")
        REFERRAL_SOURCE = "referral_source", _("Referral source")

    dimension = models.CharField(_("breakdown"), max_length=20, choices=Dimension.choices)
    name = models.CharField(_("category"), max_length=100)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Retired categories keep their old counts but are not asked for.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["dimension", "position", "name"]
        verbose_name_plural = _("breakdown categories")
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "name"],
                name="breakdown_category_unique_name",
                violation_error_message="This breakdown already has a category with that name.",
            ),
        ]

    def __str__(self):
        return f"{self.get_dimension_display()}: {self.name}"

    def text(self, language=None):
        """The name in this language (the active one by default), or in English, saying which (reports/translation.py)."""
        return LocalizedText.of(self, "name", language)


class AgencySubmission(Versioned):
    """One member organization's figures for one reporting year."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned")

    reporting_year = models.ForeignKey(
        ReportingYear, verbose_name=_("reporting year"), on_delete=models.CASCADE, related_name="submissions"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="report_submissions"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    return_reason = models.TextField(
        _("why it was returned"), blank=True, help_text=_("Tell the agency what to correct.")
    )
    total_identified = models.PositiveIntegerField(
        _("people identified"), default=0, help_text=_("People identified as trafficked during the year.")
    )
    traffickers_identified = models.PositiveIntegerField(_("traffickers identified"), default=0)
    convictions_vacated = models.PositiveIntegerField(
        _("convictions vacated or expunged"),
        default=0,
        help_text=_("Convictions of survivors vacated or expunged because they were trafficked."),
    )
    definition_used = models.TextField(
        _("definition used"), blank=True, help_text=_("The definition of human trafficking your agency counted by.")
    )
    counts_toward_totals = models.BooleanField(
        _("counts toward the totals"),
        default=True,
        help_text=_("Leave an agency out of the totals when its figures are not comparable (another definition)."),
    )
    totals_note = models.TextField(
        _("note on the totals"),
        blank=True,
        help_text=_("Why the agency is left out of the totals; printed in the report."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, validators=[validate_date])
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, validators=[validate_date])
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["reporting_year", "organization__name"]
        constraints = [
            moment_in_range("submitted_at"),
            moment_in_range("accepted_at"),
            models.UniqueConstraint(
                fields=["reporting_year", "organization"],
                name="one_submission_per_organization_year",
                violation_error_message="This organization already has a submission for that year.",
            ),
            models.CheckConstraint(
                condition=~Q(state="returned") | ~Q(return_reason=""),
                name="returned_submission_has_reason",
                violation_error_message="Say why the submission is returned.",
            ),
            models.CheckConstraint(
                condition=Q(counts_toward_totals=True) | ~Q(totals_note=""),
                name="left_out_submission_has_note",
                violation_error_message="Say why the agency is left out of the totals.",
            ),
        ]

    def __str__(self):
        return _("%(organization)s for %(year)s") % {
            "organization": self.organization,
            "year": self.reporting_year.year,
        }

    @property
    def is_editable_by_agency(self):
        return self.state in (self.State.DRAFT, self.State.RETURNED) and not self.reporting_year.is_published


class SubmissionCount(models.Model):
    """How many of a submission's people fall in one breakdown category (a marginal count)."""

    submission = models.ForeignKey(
        AgencySubmission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="counts"
    )
    category = models.ForeignKey(
        BreakdownCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="counts"
    )
    value = models.PositiveIntegerField(_("people"))
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["category"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "category"],
                name="one_count_per_submission_category",
                violation_error_message="This submission already has a count for that category.",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="submission_count_not_negative",
                violation_error_message="A count cannot be negative.",
            ),
        ]

    def __str__(self):
        return f"{self.category}: {self.value}"


class Narrative(models.Model):
    """A piece of the report's text: executive summary, a success, an agency note or a case summary."""

    class Kind(models.TextChoices):
        EXECUTIVE_SUMMARY = "executive_summary", _("Executive summary")
        SUCCESS = "success", _("Success of the year")
        RECOMMENDATION = "recommendation", _("Recommendations (introduction)")
        CASE_SUMMARY = "case_summary", _("Case summary")
        AGENCY_NOTE = "agency_note", _("Agency note")

    reporting_year = models.ForeignKey(
        ReportingYear, verbose_name=_("reporting year"), on_delete=models.CASCADE, related_name="narratives"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(
        _("text"), max_length=20_000, help_text=_("Plain text; a blank line starts a new paragraph.")
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_narratives",
        help_text=_("For agency notes: the agency the note is about."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    scan_flags = models.JSONField(
        _("scan findings"),
        default=list,
        blank=True,
        help_text=_("What the automatic scan found that may identify someone (case summaries)."),
    )
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cleared by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cleared_at = models.DateTimeField(
        _("cleared"),
        null=True,
        blank=True,
        help_text=_("A case summary appears in the report only once staff clear it."),
        validators=[validate_date],
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["reporting_year", "kind", "position", "pk"]
        constraints = [moment_in_range("cleared_at")]

    def __str__(self):
        return self.title or f"{self.get_kind_display()} {self.reporting_year.year}"

    def paragraphs(self):
        return [part.strip() for part in self.text.split("\n\n") if part.strip()]


class Recommendation(models.Model):
    """A numbered recommendation of the report and how far it has come."""

    class Progress(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        ONGOING = "ongoing", _("Ongoing")

    reporting_year = models.ForeignKey(
        ReportingYear, verbose_name=_("reporting year"), on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    description = models.TextField(_("recommendation"))
    responsible_entity = models.CharField(_("responsible"), max_length=200, help_text=_("Who carries it out."))
    progress = models.CharField(_("progress"), max_length=12, choices=Progress.choices, default=Progress.NOT_STARTED)
    progress_note = models.TextField(_("progress so far"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["reporting_year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["reporting_year", "number"],
                name="recommendation_number_unique",
                violation_error_message="That number is already used this year.",
            ),
        ]

    def __str__(self):
        return _("Recommendation %(number)s (%(year)s)") % {"number": self.number, "year": self.reporting_year.year}


class ReportPDFQuerySet(StoredPDFQuerySet):
    def published_copy(self, reporting_year: ReportingYear):
        """The stored file readers may get while the current one renders: one rendered since the year was
        published (an older draft may hold what review corrected), none for a year not published."""
        if not reporting_year.is_published or reporting_year.published_at is None:
            return self.none()
        return self.ready().filter(reporting_year=reporting_year, rendered_at__gte=reporting_year.published_at)


class ReportPDF(StoredPDF):
    """The rendered PDF of a year for one version of its data; served until the data changes."""

    KEY_FIELDS = ("reporting_year",)

    reporting_year = models.ForeignKey(
        ReportingYear, verbose_name=_("reporting year"), on_delete=models.CASCADE, related_name="pdfs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ReportPDFQuerySet.as_manager()

    class Meta(StoredPDF.Meta):
        verbose_name = _("report PDF")
        verbose_name_plural = _("report PDFs")
        constraints = [
            models.UniqueConstraint(
                fields=["reporting_year", "data_version"],
                name="one_pdf_per_data_version",
                violation_error_message="This version of the report is already rendered.",
            ),
        ]

    def __str__(self):
        return _("PDF of %(year)s (%(state)s)") % {"year": self.reporting_year.year, "state": self.get_state_display()}


class LinkageYear(models.Model):
    """A reporting year whose staff turned on the unduplicated count (docs/linkage.md).

    While the year is open, agencies' uploads hold their keyed digests; when the year's report is published the
    digests are deleted and only the aggregate counts below remain.
    """

    reporting_year = models.OneToOneField(
        ReportingYear, verbose_name=_("reporting year"), on_delete=models.CASCADE, related_name="linkage"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("turned on by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    people = models.PositiveIntegerField(_("distinct people"), null=True, blank=True)
    by_more_than_one = models.PositiveIntegerField(_("identified by more than one agency"), null=True, blank=True)
    agencies = models.JSONField(_("participating agencies"), default=list, blank=True)
    pairs = models.JSONField(_("people shared per pair of agencies"), default=list, blank=True)
    closed_at = models.DateTimeField(
        _("digests deleted"),
        null=True,
        blank=True,
        help_text=_("When the report was published and the digests were deleted; the counts above remain."),
        validators=[validate_date],
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("unduplicated count")
        constraints = [moment_in_range("closed_at")]

    def __str__(self):
        return _("Unduplicated count %(year)s") % {"year": self.reporting_year.year}

    @property
    def is_closed(self):
        return self.closed_at is not None


class LinkageUploadQuerySet(models.QuerySet):
    def without_digests(self):
        return self.defer("digests")


class LinkageUpload(models.Model):
    """One agency's keyed digests for a year: per row of its list, one digest per match key (or none).

    Made in the agency's browser from names and birth dates that never leave it; the server cannot turn a
    digest back into a name, nor confirm a guess without the passphrase.
    """

    linkage_year = models.ForeignKey(
        LinkageYear, verbose_name=_("unduplicated count"), on_delete=models.CASCADE, related_name="uploads"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="linkage_uploads"
    )
    rows = models.PositiveIntegerField(_("rows in the agency's list"))
    rows_without_keys = models.PositiveIntegerField(
        _("rows without keys"), default=0, help_text=_("Rows with no name, so that no key could be made.")
    )
    digests = models.JSONField(_("digests"), default=list)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("uploaded"), auto_now=True)

    objects = LinkageUploadQuerySet.as_manager()

    class Meta:
        ordering = ["organization__name"]
        verbose_name = _("linkage upload")
        constraints = [
            models.UniqueConstraint(
                fields=["linkage_year", "organization"],
                name="one_linkage_upload_per_organization_year",
                violation_error_message="This organization has already uploaded keys for that year.",
            ),
            models.CheckConstraint(
                condition=Q(rows_without_keys__lte=models.F("rows")),
                name="linkage_rows_without_keys_at_most_rows",
                violation_error_message="More rows without keys than rows.",
            ),
        ]

    def __str__(self):
        return _("Keys of %(organization)s") % {"organization": self.organization}
