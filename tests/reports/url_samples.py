from tests.reports.helpers import make_year
from tests.url_samples import Sample


def _year(world):
    return {"year": make_year(2025).year}


def _submission(world):
    from reports.models import AgencySubmission

    reporting_year = make_year(2025)
    submission, _ = AgencySubmission.objects.get_or_create(reporting_year=reporting_year, organization=world.legal_aid)
    return {"year": reporting_year.year, "pk": submission.pk}


SAMPLES = {
    "reports:report": Sample(kwargs=_year),
    # Rendered by the worker, which the walk does not run: staff watch it (202), readers come back (503).
    "reports:pdf": Sample(kwargs=_year, ok=frozenset({200, 202, 503})),
    "reports:csv": Sample(kwargs=_year),
    "reports:pdf_status": Sample(kwargs=_year),
    "reports:pdf_prepare": Sample(kwargs=_year, ok=frozenset({405})),
    "reports:year_settings": Sample(kwargs=_year, ok=frozenset({405})),
    "reports:submissions": Sample(kwargs=_year),
    "reports:case_summaries": Sample(kwargs=_year),
    "reports:submission": Sample(kwargs=_submission),
    "reports:unduplicated": Sample(kwargs=_year),
}
