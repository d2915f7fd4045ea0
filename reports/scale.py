"""The reports part of `seed_scale`: ten reporting years with 25 agency submissions each, in bulk."""

import datetime

from .models import AgencySubmission, BreakdownCategory, Narrative, Recommendation, ReportingYear, SubmissionCount

FIRST_YEAR, YEARS, AGENCIES = 2016, 10, 25


def _split(total, parts, rng):
    """total people spread over the categories of one breakdown, so the breakdown adds up."""
    cuts = sorted(rng.randrange(0, total + 1) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def seed(*, scale, rng, made, stdout=None):
    organizations = made["members"]["organizations"][:AGENCIES]
    categories = {}
    for category in BreakdownCategory.objects.filter(is_active=True).order_by("dimension", "position"):
        categories.setdefault(category.dimension, []).append(category)
    years = ReportingYear.objects.bulk_create(
        ReportingYear(
            year=year,
            state=ReportingYear.State.PUBLISHED if year < FIRST_YEAR + YEARS - 1 else ReportingYear.State.REVIEW,
            due_on=datetime.date(year + 1, 1, 31),
            public_after_publish=True,
        )
        for year in range(FIRST_YEAR, FIRST_YEAR + YEARS)
    )
    submissions = []
    for reporting_year in years:
        for organization in organizations:
            submissions.append(
                AgencySubmission(
                    reporting_year=reporting_year,
                    organization=organization,
                    state=AgencySubmission.State.ACCEPTED,
                    total_identified=rng.choice([0, 2, 3, rng.randrange(5, 120)]),
                    traffickers_identified=rng.randrange(0, 30),
                    convictions_vacated=rng.randrange(0, 12),
                    definition_used="Synthetic: the federal definition.",
                )
            )
    AgencySubmission.objects.bulk_create(submissions)
    counts = []
    for submission in submissions:
        for members in categories.values():
            for category, value in zip(members, _split(submission.total_identified, len(members), rng), strict=True):
                if value:
                    counts.append(SubmissionCount(submission=submission, category=category, value=value))
    SubmissionCount.objects.bulk_create(counts, batch_size=5000)
    Narrative.objects.bulk_create(
        Narrative(reporting_year=y, kind=Narrative.Kind.EXECUTIVE_SUMMARY, text="Synthetic summary.") for y in years
    )
    Recommendation.objects.bulk_create(
        Recommendation(reporting_year=y, number=n, description=f"Recommendation {n}", responsible_entity="Staff")
        for y in years
        for n in range(1, 6)
    )
    if stdout:
        stdout.write(f"Reports: {len(years)} years, {len(submissions)} submissions, {len(counts)} counts.")
    return {"years": years}
