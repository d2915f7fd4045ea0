"""Pages and the PDF of the meetings app that the benchmark (bench/run.py) measures."""

from django.conf import settings
from django.db.models import Count
from django.test import Client

from members.models import Committee

from . import services
from .models import Meeting


def _busiest_task_force_meeting():
    """The task-force meeting with the most attendance rows, its minutes approved (the same one at every scale)."""
    return (
        Meeting.objects.filter(committee__kind=Committee.Kind.TASK_FORCE, minutes_state=Meeting.MinutesState.APPROVED)
        .annotate(rows=Count("attendances"))
        .order_by("-rows", "pk")
        .first()
    )


def _recent_committee_meeting():
    """The latest standing-committee meeting with approved minutes (ties: the most people recorded).

    A recent committee meeting's attendance page is the one that grew with the data (about 1 MB of
    HTML at ten years); the first task-force meeting alone would not show it."""
    return (
        Meeting.objects.filter(committee__kind=Committee.Kind.STANDING, minutes_state=Meeting.MinutesState.APPROVED)
        .annotate(rows=Count("attendances"))
        .order_by("-starts_at", "-rows", "pk")
        .first()
    )


def pages():
    meeting = _busiest_task_force_meeting()
    recent = _recent_committee_meeting()
    return [
        ("meetings", "/meetings/"),
        ("meeting", f"/meetings/{meeting.pk}/"),
        ("attendance", f"/meetings/{meeting.pk}/attendance/"),
        ("minutes", f"/meetings/{meeting.pk}/minutes/"),
        ("minutes edit", f"/meetings/{meeting.pk}/minutes/edit/"),
        ("attendance recent", f"/meetings/{recent.pk}/attendance/"),
        ("minutes recent", f"/meetings/{recent.pk}/minutes/"),
        ("action items", "/actions/"),
        ("eligibility", "/members/eligibility/"),
        ("attendance report", "/meetings/attendance-report/"),
        ("calendar", "/meetings/calendar.ics"),
    ]


def pdfs():
    """(name, render through the app, the same HTML, WeasyPrint options) for bench/django_side.time_pdfs."""
    meeting = _busiest_task_force_meeting()
    url = f"/meetings/{meeting.pk}/minutes.pdf"  # public and approved: no login needed
    client = Client()  # made once, as a running server loads its middleware once

    def render_pdf():
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return response.content

    return [
        (
            "minutes",
            render_pdf,
            lambda: services.render_minutes_html(meeting),
            {"base_url": str(settings.BASE_DIR), "write": {"pdf_variant": services.PDF_VARIANT}},
        )
    ]
