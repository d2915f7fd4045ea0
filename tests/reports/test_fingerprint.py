"""The report's data fingerprint: one ORM query, moved by every kind of data the report shows.

The body is kept and the PDF stored per fingerprint, so a change the fingerprint missed would show
stale figures; each kind of input is changed here the way the application changes it (save, delete).
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from goals.models import Objective, StrategicPlan
from meetings.models import ActionItem, Attendance, Meeting
from members.models import MOU, Organization
from reports import fingerprint
from reports.models import BreakdownCategory, Narrative, Recommendation, ReportPDF, SubmissionCount
from tests.reports.helpers import accepted_submission
from tests.reports.test_report import pdf_text

pytestmark = pytest.mark.django_db


def version(year):
    return fingerprint.data_version(reporting_year=year)


def a_meeting(world, when):
    return Meeting.objects.create(
        committee=world.task_force, starts_at=when, ends_at=when + datetime.timedelta(hours=2), location="City Hall"
    )


def test_the_fingerprint_is_one_query_without_raw_sql(world, year):
    accepted_submission(year, world.legal_aid, 12)
    with CaptureQueriesContext(connection) as queries:
        first = version(year)
    assert len(queries) == 1
    assert not queries[0]["sql"].startswith(("PREPARE", "EXECUTE"))
    assert version(year) == first


def test_every_kind_of_input_moves_the_fingerprint(world, year, goal_with_metric):
    submission = accepted_submission(year, world.legal_aid, 12)
    goal, objective, metric, measurement = goal_with_metric
    start = datetime.datetime(2025, 6, 4, 20, 30, tzinfo=datetime.UTC)
    meeting = a_meeting(world, start)
    attendance = Attendance.objects.create(meeting=meeting, person=world.member, organization=world.legal_aid)
    action = ActionItem.objects.create(meeting=meeting, committee=world.task_force, description="Write it up")
    recommendation = Recommendation.objects.create(
        reporting_year=year, number=1, description="Fund shelters", responsible_entity="City"
    )

    def save(instance, **fields):
        for name, value in fields.items():
            setattr(instance, name, value)
        instance.save()

    changes = {
        "the year's settings": lambda: save(year, about_text="New words."),
        "a submission's totals": lambda: save(submission, traffickers_identified=3),
        "a submission count": lambda: save(SubmissionCount.objects.filter(submission=submission).first(), value=5),
        "a deleted submission count": lambda: SubmissionCount.objects.filter(submission=submission).first().delete(),
        "a new narrative": lambda: Narrative.objects.create(reporting_year=year, kind="success", text="A success."),
        "an edited narrative": lambda: save(Narrative.objects.get(kind="success"), text="Another success."),
        "a recommendation": lambda: save(recommendation, progress=Recommendation.Progress.ACHIEVED),
        "a category": lambda: save(BreakdownCategory.objects.first(), name="Renamed"),
        "a committee": lambda: save(world.youth, name="Young people"),
        "a co-chair's name": lambda: save(world.cochair, family_name="Renamed"),
        "an organization": lambda: save(world.shelter, acronym="AWS2"),
        "an MOU": lambda: MOU.objects.create(
            organization=world.shelter, status=MOU.Status.SIGNED, signed_on=datetime.date(2025, 3, 1)
        ),
        "the strategic plan": lambda: StrategicPlan.objects.create(mission="End trafficking."),
        "a goal": lambda: save(goal, title="Prevention first"),
        "an objective": lambda: save(objective, status=Objective.Status.IN_PROGRESS),
        "an objective's committees": lambda: objective.committees.add(world.youth),
        "a metric": lambda: save(metric, target=100),
        "a measurement": lambda: save(measurement, value=41),
        "a deleted measurement": lambda: measurement.delete(),
        "a meeting": lambda: save(meeting, status=Meeting.Status.CANCELLED),
        "an attendance": lambda: save(attendance, status=Attendance.Status.ABSENT),
        "an action item": lambda: save(action, status=ActionItem.Status.DONE),
    }
    seen = {version(year)}
    for what, change in changes.items():
        change()
        year.refresh_from_db()
        now = version(year)
        assert now not in seen, what
        seen.add(now)


def test_meetings_of_other_years_leave_the_fingerprint_alone(world, year):
    before = version(year)
    meeting = a_meeting(world, datetime.datetime(2020, 6, 4, 20, 30, tzinfo=datetime.UTC))
    Attendance.objects.create(meeting=meeting, person=world.member)
    assert version(year) == before
    meeting.starts_at = datetime.datetime(2025, 6, 4, 20, 30, tzinfo=datetime.UTC)
    meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=2)
    meeting.save()
    assert version(year) != before


def test_the_layout_version_is_part_of_the_fingerprint(world, year, monkeypatch):
    before = version(year)
    monkeypatch.setattr(fingerprint, "REPORT_LAYOUT_VERSION", fingerprint.REPORT_LAYOUT_VERSION + 1)
    assert version(year) != before


def test_the_body_is_rendered_once_per_fingerprint(client_as, world, year):
    narrative = Narrative.objects.create(reporting_year=year, kind="success", text="First success.")
    client = client_as("staff")
    url = reverse("reports:report", args=[year.year])
    with CaptureQueriesContext(connection) as rendered:
        first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as kept:
        second = client.get(url).content.decode()
    assert len(kept) < len(rendered)
    assert "First success." in first and "First success." in second
    narrative.text = "Second success."
    narrative.save()
    page = client.get(url).content.decode()
    assert "Second success." in page and "First success." not in page


def test_a_stored_pdf_is_streamed_without_rendering(client_as, world, year, django_assert_num_queries):
    accepted_submission(year, world.legal_aid, 12)
    client = client_as("staff")
    url = reverse("reports:pdf", args=[year.year])
    first = client.get(url).content
    stored = ReportPDF.objects.get()
    # Session, user, the year (access), the fingerprint, the stored bytes: nothing is rendered.
    with django_assert_num_queries(5):
        assert client.get(url).content == first
    assert ReportPDF.objects.get().rendered_at == stored.rendered_at
    for i in range(10):
        accepted_submission(year, Organization.objects.create(name=f"Agency {i}"), 10 + i)
    client.get(url)
    with django_assert_num_queries(5):
        client.get(url)


def test_a_saved_change_makes_a_new_pdf(client_as, world, year):
    submission = accepted_submission(year, world.legal_aid, 12)
    client = client_as("staff")
    url = reverse("reports:pdf", args=[year.year])
    client.get(url)
    old = ReportPDF.objects.get()
    submission.traffickers_identified = 31
    submission.save()
    text = pdf_text(client.get(url).content)
    assert re.search(r"Traffickers identified\s+31", text)
    assert ReportPDF.objects.count() == 1 and ReportPDF.objects.get().pk != old.pk
