"""The annual report's data fingerprint: which version of its data a kept body or a stored PDF shows.

For every model the report reads, the fingerprint takes how many rows of it the report can see and
when the latest of them changed (its ``updated_at``, or for models without one the date of its newest
history record, which simple-history writes on every save and delete, many-to-many changes included).
All of it is one query of scalar subqueries. Any change made through the ORM's ``save()``/``delete()``
(forms, the admin, the services) moves it; a queryset ``update()`` that does not set ``updated_at``
does not, so code that changes report data in bulk must set ``updated_at`` too.

The layout is not read from the files: bump ``REPORT_LAYOUT_VERSION`` by hand whenever a change to the
report's templates, stylesheet or section code should replace the bodies and PDFs already kept.
"""

from __future__ import annotations

import datetime
import functools

from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import OuterRef, QuerySet
from django.utils import timezone, translation

from goals.models import Goal, Measurement, Metric, Objective, StrategicPlan, WorkPlanItem
from meetings.models import ActionItem, Attendance, Meeting
from members.models import MOU, Committee, CommitteeRole, Organization, Person
from taskforce.fingerprints import digest, history_model, rows_and_history, rows_changed, whole

from .models import (
    AgencySubmission,
    BreakdownCategory,
    LinkageUpload,
    LinkageYear,
    Narrative,
    Recommendation,
    ReportingYear,
    SubmissionCount,
)

# Bump when the report's templates, stylesheet or section code change what it shows.
REPORT_LAYOUT_VERSION = 4  # 3: chart coordinates never localized, wide tables stacked on phones; 4: words from Python and the charts translated


def _year_window(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The year in review counts meetings by local date; a day either side keeps every time zone in."""
    zone = timezone.get_default_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=zone) - datetime.timedelta(days=1)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=zone) + datetime.timedelta(days=1)
    return start, end


def data_parts(*, reporting_year: ReportingYear) -> dict:
    """Each input of the report with its row count and latest change: one query."""
    row = _parts_query(reporting_year.pk, reporting_year.year, timezone.localdate()).get()
    return {name.removeprefix("input_"): value for name, value in row.items()}


@functools.lru_cache(maxsize=32)
def _parts_query(pk: int, year: int, today: datetime.date) -> QuerySet:
    """The fingerprint's query, built once per year and day and evaluated afresh at each call.

    Building its 28 subqueries through the ORM took longer than the database took to answer them
    (17 ms of Python a request for the stored PDF and the report page); the QuerySet is never evaluated
    in place (``get()`` works on a clone), so each call still reads the current rows. Its inputs are the
    year (its window), the year's row and today's date (who chairs today).
    """
    years = [year, year - 1]
    window = _year_window(year)
    meetings = Meeting.objects.filter(starts_at__range=window)
    by_history = {
        # Models without updated_at: live rows counted, history dated.
        "committees": (Committee.objects.all(), history_model(Committee).objects.all()),
        "committee_roles": (CommitteeRole.objects.all(), history_model(CommitteeRole).objects.all()),
        "goals": (Goal.objects.all(), history_model(Goal).objects.all()),
        "objectives": (Objective.objects.all(), history_model(Objective).objects.all()),
        "metrics": (Metric.objects.all(), history_model(Metric).objects.all()),
        "measurements": (Measurement.objects.all(), history_model(Measurement).objects.all()),
        "attendances": (
            Attendance.objects.filter(meeting__starts_at__range=window),
            history_model(Attendance).objects.filter(meeting__starts_at__range=window),
        ),
    }
    by_updated_at = {
        "years": ReportingYear.objects.filter(year__in=years),
        "submissions": AgencySubmission.objects.filter(reporting_year__year__in=years),
        "submission_counts": SubmissionCount.objects.filter(submission__reporting_year=OuterRef("pk")),
        "categories": BreakdownCategory.objects.all(),
        "narratives": Narrative.objects.filter(reporting_year=OuterRef("pk")),
        "recommendations": Recommendation.objects.filter(reporting_year=OuterRef("pk")),
        # The unduplicated count: turned on or off, an upload made, replaced or withdrawn, the year closed.
        "linkage": LinkageYear.objects.filter(reporting_year=OuterRef("pk")),
        "linkage_uploads": LinkageUpload.objects.filter(linkage_year__reporting_year=OuterRef("pk")),
        # Co-chairs appear by name.
        "people": Person.objects.filter(pk__in=CommitteeRole.objects.values("person")),
        "organizations": Organization.objects.all(),
        "mous": MOU.objects.all(),
        "plans": StrategicPlan.objects.all(),
        "work_plan_items": WorkPlanItem.objects.all(),
        "meetings": meetings,
        "action_items": ActionItem.objects.filter(meeting__starts_at__range=window),
    }
    parts = {name: rows_changed(queryset) for name, queryset in by_updated_at.items()}
    # "About the task force" names who chairs each committee today: a term that starts or ends moves it.
    chairs_today = CommitteeRole.objects.current(on=today).filter(role__in=CommitteeRole.CHAIR_ROLES)
    parts["chairs_today"] = whole(chairs_today, ids=ArrayAgg("pk", order_by="pk"))
    for name, (live, history) in by_history.items():
        parts[name] = rows_and_history(live, history)
    # Prefixed, so that no name meets one of the year's own fields or relations.
    return ReportingYear.objects.filter(pk=pk).values(**{f"input_{n}": e for n, e in parts.items()})


def data_version(*, reporting_year: ReportingYear) -> str:
    """A fingerprint of everything the report shows; equal fingerprints never render twice. One query.

    Besides the rows (``data_parts``, which name today's chairs, not today's date: the report prints
    no date, so an unchanged report keeps its stored PDF from one day to the next): the task force's
    name, the language and ``REPORT_LAYOUT_VERSION``.
    """
    return digest(
        data_parts(reporting_year=reporting_year),
        settings.TASK_FORCE_NAME,
        translation.get_language() or "",
        str(REPORT_LAYOUT_VERSION),
    )
