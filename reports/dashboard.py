"""The dashboard panel of the annual report: a data contact's submission, staff's review queue."""

from django.db.models import Count, Q

from taskforce.permissions import data_contact_organization_ids, is_staff

from .models import AgencySubmission, ReportingYear


def panels(request) -> list[dict]:
    user = request.user
    organization_ids = data_contact_organization_ids(user)
    staff = is_staff(user)
    if not organization_ids and not staff:
        return []
    open_years = ReportingYear.objects.exclude(state=ReportingYear.State.PUBLISHED).order_by("-year")
    if staff:  # the review queue's size, read with the year rather than in a query of its own
        submitted = Q(submissions__state=AgencySubmission.State.SUBMITTED)
        open_years = open_years.annotate(waiting=Count("submissions", filter=submitted))
    open_years = list(open_years[:1])
    open_year = open_years[0] if open_years else None
    panel = {"template": "reports/_dashboard_panel.html", "is_staff": staff, "open_year": open_year, "submissions": []}
    if open_year is None:
        return [panel] if staff else []
    if organization_ids:
        from members.models import Organization

        organizations = Organization.objects.filter(pk__in=organization_ids).prefetch_related(
            # One query for every organization's submission of the open year.
            _this_year(open_year)
        )
        for organization in organizations:
            submission = organization.this_year[0] if organization.this_year else None
            panel["submissions"].append(
                {
                    "organization": organization.name,
                    "year": open_year,
                    "state": submission.get_state_display() if submission else "not started",
                    "editable": submission is None or submission.is_editable_by_agency,
                }
            )
    if staff:
        panel["waiting"] = open_year.waiting
    return [panel]


def _this_year(reporting_year):
    from django.db.models import Prefetch

    return Prefetch(
        "report_submissions",
        queryset=AgencySubmission.objects.filter(reporting_year=reporting_year).select_related("reporting_year"),
        to_attr="this_year",
    )


def public_panels(request) -> list[dict]:
    """For a visitor not logged in: the published reports anyone may read, each with its PDF."""
    return [{"template": "reports/_public_panel.html", "years": list(ReportingYear.objects.readable_by(request.user))}]
