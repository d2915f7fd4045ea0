"""The demo reports load twice without duplicates; the dashboard panel; the navigation line."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Organization
from reports.models import AgencySubmission, Narrative, Recommendation, ReportingYear, SubmissionCount

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_labelled_sample(categories):
    call_command("seed_demo", stdout=io.StringIO())
    counts = [m.objects.count() for m in (ReportingYear, AgencySubmission, SubmissionCount, Narrative, Recommendation)]
    call_command("seed_demo", stdout=io.StringIO())
    assert [
        m.objects.count() for m in (ReportingYear, AgencySubmission, SubmissionCount, Narrative, Recommendation)
    ] == counts
    year = ReportingYear.objects.get(year=2025)
    assert year.submissions.count() == 15
    assert year.submissions.filter(total_identified__range=(1, year.k - 1)).exists()  # shows suppression
    assert "sample data" in year.narratives.get(kind="executive_summary").text
    assert year.narratives.filter(kind="case_summary", cleared_at__isnull=False).count() == 1
    assert year.narratives.filter(kind="success").count() >= 5


def test_data_contact_panel_shows_their_submission_and_due_date(client_as, world, year):
    AgencySubmission.objects.create(reporting_year=year, organization=world.legal_aid)
    body = client_as("data_contact").get("/").content.decode()
    assert "Legal Aid Society: figures for 2025 are <strong>draft</strong>" in body
    assert "Saturday, January 31, 2026" in body


def test_staff_panel_counts_submissions_waiting_for_review(client_as, world, year):
    AgencySubmission.objects.create(reporting_year=year, organization=world.legal_aid, state="submitted")
    AgencySubmission.objects.create(reporting_year=year, organization=world.shelter, state="submitted")
    body = client_as("staff").get("/").content.decode()
    assert "<strong>2</strong> submissions waiting for review" in body


def test_members_have_no_panel_and_see_the_nav_line_only_once_published(client_as, world, year):
    client = client_as("member")
    body = client.get("/").content.decode()
    assert "Annual report" not in body
    year.state = "published"
    year.save()
    assert "Annual report" in client.get("/").content.decode()
    assert "Annual report" in client_as("data_contact").get("/").content.decode()


def test_dashboard_panel_query_count_is_fixed(client_as, world, year):
    client = client_as("staff")
    client.get("/")
    with CaptureQueriesContext(connection) as first:
        client.get("/")
    for i in range(10):
        org = Organization.objects.create(name=f"Agency {i}")
        AgencySubmission.objects.create(reporting_year=year, organization=org, state="submitted")
    with CaptureQueriesContext(connection) as second:
        client.get("/")
    assert len(second) == len(first)


def test_index_lists_years_by_role(client_as, world, year):
    ReportingYear.objects.create(year=2024, due_on="2025-01-31", state="published")
    body = client_as("data_contact").get("/reports/").content.decode()
    assert "Figures for 2025" in body and "2024 report" in body and "2025 report" not in body
    assert "2025 report" in client_as("staff").get("/reports/").content.decode()
    assert client_as("member").get("/reports/").status_code == 200
