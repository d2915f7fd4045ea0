"""The report at page speed: the body is rendered once per data version and the stored PDF streamed.

The version is a fingerprint of the rows the report reads, taken in one query; these tests change
rows behind the application's back (queryset updates, no save()) and expect the page and the PDF
to follow at once.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Committee, Organization
from reports import services
from reports.models import AgencySubmission, Narrative, ReportPDF, SubmissionCount
from tests.reports.helpers import accepted_submission
from tests.reports.test_report import pdf_text

pytestmark = pytest.mark.django_db


def test_the_data_version_is_one_query_and_follows_every_change(world, year):
    submission = accepted_submission(year, world.legal_aid, 12)
    services.data_version(reporting_year=year)  # prepares the statement on this connection
    with CaptureQueriesContext(connection) as queries:
        version = services.data_version(reporting_year=year)
    assert len(queries) == 1 and queries[0]["sql"].startswith("EXECUTE reports_fingerprint_")
    assert services.data_version(reporting_year=year) == version
    changes = [
        lambda: AgencySubmission.objects.filter(pk=submission.pk).update(traffickers_identified=3),
        lambda: SubmissionCount.objects.filter(submission=submission).first().delete(),
        lambda: Narrative.objects.create(reporting_year=year, kind="success", text="A success."),
        lambda: Committee.objects.filter(pk=world.youth.pk).update(name="Young people"),
        lambda: Organization.objects.filter(pk=world.shelter.pk).update(acronym="AWS2"),
    ]
    seen = {version}
    for change in changes:
        change()
        version = services.data_version(reporting_year=year)
        assert version not in seen
        seen.add(version)


def test_the_year_in_review_changes_the_version(client_as, world, year):
    """Meetings and attendance are fingerprinted by the columns the year in review counts."""
    from meetings.models import Attendance, Meeting

    start = datetime.datetime(2025, 6, 4, 20, 30, tzinfo=datetime.UTC)
    meeting = Meeting.objects.create(
        committee=world.task_force, starts_at=start, ends_at=start + datetime.timedelta(hours=2), location="City Hall"
    )
    attendance = Attendance.objects.create(meeting=meeting, person=world.member, organization=world.legal_aid)
    url = reverse("reports:report", args=[year.year])
    client = client_as("staff")
    client.get(url)
    before = services.data_version(reporting_year=year)
    Attendance.objects.filter(pk=attendance.pk).update(status=Attendance.Status.ABSENT)
    after = services.data_version(reporting_year=year)
    assert after != before
    Attendance.objects.filter(pk=attendance.pk).update(organization=None)
    assert services.data_version(reporting_year=year) not in {before, after}
    # A meeting of another year leaves this year's report alone.
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=start.replace(year=2020))
    moved = services.data_version(reporting_year=year)
    Meeting.objects.filter(pk=meeting.pk).update(location="Elsewhere")
    assert services.data_version(reporting_year=year) == moved


def test_a_new_connection_prepares_the_fingerprint_again(world, year):
    first = services.data_version(reporting_year=year)
    # What a new connection looks like: no prepared statement, no mark on the connection.
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    del connection.connection.reports_prepared
    with CaptureQueriesContext(connection) as queries:
        assert services.data_version(reporting_year=year) == first
    assert [q["sql"].split()[0] for q in queries] == ["PREPARE", "EXECUTE"]


def test_the_body_is_rendered_once_per_data_version(client_as, world, year):
    narrative = Narrative.objects.create(reporting_year=year, kind="success", text="First success.")
    client = client_as("staff")
    url = reverse("reports:report", args=[year.year])
    with CaptureQueriesContext(connection) as rendered:
        first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as cached:
        second = client.get(url).content.decode()
    assert len(cached) <= 8 < len(rendered)
    body = services.report_body_html(reporting_year=year)
    assert "First success." in body and body in first and body in second
    # A change made without save() still reaches the page on the next request.
    Narrative.objects.filter(pk=narrative.pk).update(text="Second success.")
    page = client.get(url).content.decode()
    assert "Second success." in page and "First success." not in page


def test_a_stored_pdf_is_streamed_without_rendering(client_as, world, year):
    accepted_submission(year, world.legal_aid, 12)
    client = client_as("staff")
    url = reverse("reports:pdf", args=[year.year])
    first = client.get(url).content
    stored = ReportPDF.objects.get()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).content == first
    # Session, user, year, data version and the stored bytes: nothing is rendered.
    assert len(queries) <= 5
    # None of the queries that build the body (the ORM quotes table names; the fingerprint does not).
    assert not [q for q in queries if '"members_committee"' in q["sql"] or '"goals_' in q["sql"]]
    assert ReportPDF.objects.get().rendered_at == stored.rendered_at
    for i in range(10):
        accepted_submission(year, Organization.objects.create(name=f"Agency {i}"), 10 + i)
    client.get(url)
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more) == len(queries)


def test_a_change_behind_the_application_makes_a_new_pdf(client_as, world, year):
    submission = accepted_submission(year, world.legal_aid, 12)
    client = client_as("staff")
    url = reverse("reports:pdf", args=[year.year])
    client.get(url)
    old = ReportPDF.objects.get()
    AgencySubmission.objects.filter(pk=submission.pk).update(traffickers_identified=31)
    text = pdf_text(client.get(url).content)
    assert re.search(r"Traffickers identified\s+31", text)
    assert ReportPDF.objects.count() == 1 and ReportPDF.objects.get().pk != old.pk
