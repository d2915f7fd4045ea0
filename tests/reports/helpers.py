"""Builders the report tests share (the browser tests too)."""

import datetime
import importlib

from django.apps import apps

from reports.models import AgencySubmission, BreakdownCategory, ReportingYear, SubmissionCount


def default_categories():
    """The migration's default categories (transactional tests flush them away)."""
    if not BreakdownCategory.objects.exists():
        migration = importlib.import_module("reports.migrations.0002_default_breakdown_categories")
        migration.add_defaults(apps, None)
    return BreakdownCategory.objects.all()


def make_year(year=2025, **fields):
    fields.setdefault("due_on", datetime.date(year + 1, 1, 31))
    reporting_year, _ = ReportingYear.objects.get_or_create(year=year, defaults=fields)
    return reporting_year


def unknown_of(dimension):
    return BreakdownCategory.objects.get(dimension=dimension, name="Unknown")


def accepted_submission(reporting_year, organization, total, *, spread=None, counts=True, **fields):
    """An accepted submission whose breakdowns all add up: `spread` maps category -> people, rest is Unknown."""
    default_categories()
    spread = spread or {}
    submission = AgencySubmission.objects.create(
        reporting_year=reporting_year,
        organization=organization,
        state=AgencySubmission.State.ACCEPTED,
        total_identified=total,
        counts_toward_totals=counts,
        totals_note="" if counts else "Used another definition.",
        **fields,
    )
    rows = []
    for dimension in BreakdownCategory.Dimension.values:
        given = {c: v for c, v in spread.items() if c.dimension == dimension}
        rows.extend(SubmissionCount(submission=submission, category=c, value=v) for c, v in given.items())
        rows.append(
            SubmissionCount(submission=submission, category=unknown_of(dimension), value=total - sum(given.values()))
        )
    SubmissionCount.objects.bulk_create(rows)
    return submission
