"""Agency submissions: data entry by the agencies, review by staff, and the year's stage."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.aggregates import JSONBAgg
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from members.models import Organization
from taskforce.versions import conflict_message

from .models import AgencySubmission, BreakdownCategory, ReportingYear, SubmissionCount
from .sections import active_categories
from .unduplicated import close_on_publication

# ---------------------------------------------------------------------------
# Agency submissions: entry and review.
# ---------------------------------------------------------------------------

RECORD_KIND = gettext_lazy("agency's figures")  # "Someone else saved this agency's figures while ..."


@dataclass(frozen=True)
class SubmissionFigures:
    total_identified: int
    traffickers_identified: int
    convictions_vacated: int
    definition_used: str
    counts: dict[int, int]  # category id -> people


def breakdown_differences(*, total: int, counts: dict[int, int], categories: dict[str, list]) -> dict[str, int]:
    """For each breakdown that does not add up to the total: its sum minus the total."""
    differences = {}
    for dimension, members in categories.items():
        asked = [c for c in members if c.is_active]
        if not asked:
            continue
        difference = sum(counts.get(c.pk, 0) for c in asked) - total
        if difference:
            differences[dimension] = difference
    return differences


def submission_for(*, reporting_year: ReportingYear, organization: Organization) -> AgencySubmission:
    submission, _created = AgencySubmission.objects.get_or_create(
        reporting_year=reporting_year, organization=organization
    )
    return submission


def save_submission(
    *, submission: AgencySubmission, figures: SubmissionFigures, user, submit: bool, seen_version: int
) -> AgencySubmission:
    """Save an agency's figures as a draft, or submit them, from the version its editor saw; refuses locked
    ones and ones someone else saved since."""
    with transaction.atomic():
        locked = _locked(submission=submission, seen_version=seen_version)
        if not locked.is_editable_by_agency:
            raise ValidationError(gettext("These figures can no longer be changed."), code="locked")
        categories = active_categories()
        if differences := breakdown_differences(
            total=figures.total_identified, counts=figures.counts, categories=categories
        ):
            raise ValidationError(
                gettext("Breakdowns do not add up: %(breakdowns)s") % {"breakdowns": sorted(differences)},
                code="breakdown",
            )
        locked.total_identified = figures.total_identified
        locked.traffickers_identified = figures.traffickers_identified
        locked.convictions_vacated = figures.convictions_vacated
        locked.definition_used = figures.definition_used
        if submit:
            locked.state = AgencySubmission.State.SUBMITTED
            locked.submitted_by = user
            locked.submitted_at = timezone.now()
        locked.save()
        existing = {count.category_id: count for count in locked.counts.all()}
        for category_id, value in figures.counts.items():
            count = existing.get(category_id)
            if count is None:
                SubmissionCount.objects.create(submission=locked, category_id=category_id, value=value)
            elif count.value != value:
                count.value = value
                count.save()
    return locked


def _locked(*, submission: AgencySubmission, seen_version: int) -> AgencySubmission:
    """The submission, locked for this transaction; refused if it is no longer the version its editor saw."""
    locked = AgencySubmission.objects.select_for_update().select_related("reporting_year").get(pk=submission.pk)
    if locked.version != seen_version:
        raise ValidationError(conflict_message(RECORD_KIND), code="conflict")
    return locked


def review_submission(
    *,
    submission: AgencySubmission,
    user,
    decision: str,
    reason: str,
    counts_toward_totals: bool,
    totals_note: str,
    seen_version: int,
) -> AgencySubmission:
    """Staff accept or return a submitted agency's figures and decide whether they count toward totals."""
    with transaction.atomic():
        locked = _locked(submission=submission, seen_version=seen_version)
        if locked.reporting_year.is_published:
            raise ValidationError(gettext("This year is published; its figures are locked."), code="locked")
        if locked.state not in (AgencySubmission.State.SUBMITTED, AgencySubmission.State.ACCEPTED):
            raise ValidationError(gettext("Only submitted figures can be reviewed."), code="state")
        locked.counts_toward_totals = counts_toward_totals
        locked.totals_note = totals_note
        if decision == "accept":
            locked.state = AgencySubmission.State.ACCEPTED
            locked.accepted_by = user
            locked.accepted_at = timezone.now()
            locked.return_reason = ""
        else:
            locked.state = AgencySubmission.State.RETURNED
            locked.return_reason = reason
            locked.accepted_by = None
            locked.accepted_at = None
        locked.save()
    return locked


@dataclass(frozen=True)
class FigureRow:
    """One figure of a submission on the review page, with what it is compared to."""

    label: str
    value: int | str
    previous: int | str | None  # the agency's figure of the previous year; None when it sent none
    at_return: int | str | None  # the figure when staff last returned the form; None when never returned

    @property
    def changed(self) -> bool:
        return self.at_return is not None and self.at_return != self.value


TOTALS = [
    ("total_identified", gettext_lazy("People identified")),
    ("traffickers_identified", gettext_lazy("Traffickers identified")),
    ("convictions_vacated", gettext_lazy("Convictions vacated or expunged")),
    ("definition_used", gettext_lazy("Definition used")),
]


def review_figures(*, submission: AgencySubmission, counts: dict[int, int], categories: dict[str, list]) -> dict:
    """Each figure of a submission beside the agency's accepted figure of the previous year and, once staff
    returned it, the figure at the (last) return: 2 queries, 3 when it was returned, at any number of figures.
    """
    previous = (
        AgencySubmission.objects.filter(
            organization_id=submission.organization_id,
            reporting_year__year=submission.reporting_year.year - 1,
            state=AgencySubmission.State.ACCEPTED,
        )
        .annotate(
            previous_counts=JSONBAgg(
                JSONObject(category="counts__category_id", value="counts__value"),
                filter=Q(counts__isnull=False),
                default=Value([]),
            )
        )
        .values(*(field for field, _label in TOTALS), "previous_counts")
        .first()
    )
    previous_counts = {count["category"]: count["value"] for count in (previous or {}).get("previous_counts", [])}
    returned = _state_at_last_return(submission)
    counts_at_return = _counts_at(submission=submission, moment=returned["history_date"]) if returned else {}
    totals = [
        FigureRow(
            label=label,
            value=getattr(submission, field),
            previous=previous[field] if previous else None,
            at_return=returned[field] if returned else None,
        )
        for field, label in TOTALS
    ]
    breakdowns = [
        {
            "legend": legend,
            "rows": [
                FigureRow(
                    label=category.name,
                    value=counts.get(category.pk, 0),
                    previous=previous_counts.get(category.pk, 0) if previous else None,
                    at_return=counts_at_return.get(category.pk, counts.get(category.pk, 0)) if returned else None,
                )
                for category in categories[dimension]
                if category.is_active or counts.get(category.pk)
            ],
        }
        for dimension, legend in BreakdownCategory.Dimension.choices
    ]
    return {
        "previous_year": submission.reporting_year.year - 1,
        "has_previous": previous is not None,
        "returned_at": returned["history_date"] if returned else None,
        "totals": totals,
        "breakdowns": breakdowns,
    }


def _counts_at(*, submission: AgencySubmission, moment) -> dict[int, int]:
    """The submission's counts at a moment, from their history: category id -> people (0 when the count did not
    exist yet). A count with no history (bulk-loaded sample data) is left out: the caller takes it as unchanged.
    """
    at_moment = {}
    for category_id, value, history_date, history_type in (
        SubmissionCount.history.filter(submission_id=submission.pk)
        .order_by("category_id", "history_date", "history_id")
        .values_list("category_id", "value", "history_date", "history_type")
    ):
        if history_date <= moment:
            at_moment[category_id] = 0 if history_type == "-" else value
        elif category_id not in at_moment and history_type == "+":
            at_moment[category_id] = 0  # created after the moment
    return at_moment


def _state_at_last_return(submission: AgencySubmission) -> dict | None:
    """The submission's history record made when staff last returned it, if it was resubmitted since."""
    if submission.state not in (AgencySubmission.State.SUBMITTED, AgencySubmission.State.ACCEPTED):
        return None
    records = submission.history.order_by("history_date", "history_id").values(
        "state", "history_date", *(field for field, _label in TOTALS)
    )
    at_return = None
    before = None
    for record in records:
        if record["state"] == AgencySubmission.State.RETURNED and before != AgencySubmission.State.RETURNED:
            at_return = record
        before = record["state"]
    return at_return


def review_rows(*, reporting_year: ReportingYear) -> list[dict]:
    """Every member organization with its submission's state for the year, as plain values: 2 queries.

    ``templates/reports/_review_table.html`` draws them; a row links to its submission unless it is a draft.
    """
    organizations = Organization.objects.filter(status=Organization.Status.MEMBER).values_list("pk", "name")
    submissions = {
        row["organization_id"]: row
        for row in AgencySubmission.objects.filter(reporting_year=reporting_year).values(
            "pk",
            "organization_id",
            "state",
            "submitted_at",
            "counts_toward_totals",
            "submitted_by__username",
            "submitted_by__first_name",
            "submitted_by__last_name",
        )
    }
    states = dict(AgencySubmission.State.choices)
    overdue = timezone.localdate() > reporting_year.due_on
    rows = []
    for organization_id, name in organizations:
        submission = submissions.get(organization_id) or {}
        state = submission.get("state", "")
        waiting = not submission or state in (AgencySubmission.State.DRAFT, AgencySubmission.State.RETURNED)
        submitted_by = ""
        if submission.get("submitted_by__username"):
            full_name = f"{submission['submitted_by__first_name']} {submission['submitted_by__last_name']}".strip()
            submitted_by = full_name or submission["submitted_by__username"]
        rows.append(
            {
                "organization_id": organization_id,
                "name": name,
                "submission_id": submission.get("pk"),
                "state": state,
                "state_label": states.get(state, ""),
                "waiting": waiting,
                "overdue": waiting and overdue,
                "submitted_at": submission.get("submitted_at"),
                "submitted_by": submitted_by,
                "in_totals": submission.get("counts_toward_totals"),
                "linked": bool(submission) and state != AgencySubmission.State.DRAFT,
                "to_review": state == AgencySubmission.State.SUBMITTED,
            }
        )
    return rows


def publish_year(*, reporting_year: ReportingYear, state: str, public: bool) -> ReportingYear:
    reporting_year.state = state
    reporting_year.public_after_publish = public
    if state == ReportingYear.State.PUBLISHED and not reporting_year.published_at:
        reporting_year.published_at = timezone.now()
    if state != ReportingYear.State.PUBLISHED:
        reporting_year.published_at = None
    reporting_year.save()
    if state == ReportingYear.State.PUBLISHED:
        close_on_publication(reporting_year=reporting_year)  # the digests go; the counts stay (issue 17)
    return reporting_year
