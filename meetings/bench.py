"""Pages and the PDF of the meetings app that the benchmark (bench/run.py) measures."""

from django.conf import settings
from django.db.models import Count, F
from django.test import Client

from members.models import Committee

from . import packet, services
from .models import AgendaItem, Meeting


def _busiest_task_force_meeting():
    """The task-force meeting with the most attendance rows, its minutes approved (the same one at every scale)."""
    return (
        Meeting.objects.filter(committee__kind=Committee.Kind.TASK_FORCE, minutes_state=Meeting.MinutesState.APPROVED)
        .annotate(rows=Count("attendances"))
        .order_by("-rows", "pk")
        .first()
    )


def _recent_meeting(kind):
    """The latest meeting of this kind of committee with approved minutes (ties: the most people recorded).

    A recent meeting's attendance page is the one that grows with the data: a task-force meeting lists
    every current representative (about 800 at ten years, so it is paged)."""
    return (
        Meeting.objects.filter(committee__kind=kind, minutes_state=Meeting.MinutesState.APPROVED)
        .annotate(rows=Count("attendances"))
        .order_by("-starts_at", "-rows", "pk")
        .first()
    )


def _fullest_item(meeting):
    """The meeting's agenda item whose minutes hold the most motions and action items (ties: the first)."""
    return (
        AgendaItem.objects.with_minutes_counts()
        .filter(meeting=meeting)
        .order_by((F("motion_count") + F("action_count")).desc(), "position", "pk")
        .first()
    )


def pages():
    meeting = _busiest_task_force_meeting()
    item = _fullest_item(meeting)
    recent_task_force = _recent_meeting(Committee.Kind.TASK_FORCE)
    recent = _recent_meeting(Committee.Kind.STANDING)
    return [
        ("meetings", "/meetings/"),
        ("meeting", f"/meetings/{meeting.pk}/"),
        ("attendance", f"/meetings/{meeting.pk}/attendance/"),
        ("minutes", f"/meetings/{meeting.pk}/minutes/"),
        ("minutes edit", f"/meetings/{meeting.pk}/minutes/edit/"),
        ("minutes item edit", f"/meetings/{meeting.pk}/minutes/items/{item.pk}/edit/"),
        ("attendance recent", f"/meetings/{recent_task_force.pk}/attendance/"),
        ("attendance committee", f"/meetings/{recent.pk}/attendance/"),
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

    def render_packet():
        return packet.render_pdf(meeting, public=True)[0]  # what the background worker does

    def packet_documents():
        """The two documents the packet lays out: its cover, tagged, and its page numbers (a page per packet page,
        stamped on the packet's pages)."""
        cover = packet.cover_html(meeting, *packet.contents(meeting, public=True))
        pages = packet.render_pdf(meeting, public=True)[1]
        return [
            (cover, {"base_url": None, "write": {"pdf_variant": packet.PDF_VARIANT}}),
            (packet.numbers_html(pages), {"base_url": None}),
        ]

    options = {"base_url": str(settings.BASE_DIR), "write": {"pdf_variant": services.PDF_VARIANT}}
    return [
        ("minutes", render_pdf, lambda: services.render_minutes_html(meeting), options),
        # Against WeasyPrint alone on both its documents: the rest is pikepdf joining the uploaded documents to the
        # cover, stamping the numbers and writing the file.
        ("packet", render_packet, packet_documents, {}),
    ]
