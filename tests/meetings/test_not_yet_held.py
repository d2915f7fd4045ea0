"""Minutes of a meeting whose day is still ahead are saved only once confirmed (attendance: test_attendance.py)."""

import pytest
from django.urls import reverse

from meetings.forms import NotYetHeldForm
from meetings.models import AgendaItem, Meeting
from tests.meetings.forms_helper import form_data

pytestmark = pytest.mark.django_db


def edit_url(meeting):
    return reverse("meetings:minutes_item_edit", args=[meeting.pk, meeting.agenda_items.get().pk])


def test_minutes_of_a_meeting_not_yet_held_are_saved_only_once_confirmed(world, make_meeting, client_as):
    meeting = make_meeting(world.youth, days=10)
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    client = client_as("cochair")
    body = client.get(edit_url(meeting)).content.decode()
    question = NotYetHeldForm(meeting=meeting, record="minutes").fields["confirm_not_yet_held"].label
    assert question.startswith(f"This meeting is on {meeting.local_start:%A, %B} {meeting.local_start.day}")
    assert question.endswith("; record minutes anyway?") and question in body
    data = form_data(body, **{"item-minutes": "- Everyone introduced themselves"})
    response = client.post(edit_url(meeting), data)
    assert response.status_code == 200
    assert "Nothing was saved: tick the box to confirm" in response.content.decode()
    assert "Everyone introduced themselves" in response.content.decode()  # what was typed is kept
    assert not Meeting.objects.get(pk=meeting.pk).agenda_items.filter(minutes__contains="introduced").exists()
    data["confirm_not_yet_held"] = "on"
    assert client.post(edit_url(meeting), data).status_code == 302
    assert meeting.agenda_items.get().minutes == "- Everyone introduced themselves"


def test_the_overview_asks_too_for_the_closing_part_and_an_added_item(world, make_meeting, client_as):
    meeting = make_meeting(world.youth, days=10)
    client = client_as("cochair")
    url = reverse("meetings:minutes_edit", args=[meeting.pk])
    body = client.get(url).content.decode()
    question = NotYetHeldForm(meeting=meeting, record="minutes").fields["confirm_not_yet_held"].label
    assert body.count(question) == 2  # the closing part's form and the form adding an item
    data = form_data(body, announcements="Brown bag", **{"new-title": "Welcome"})
    for adding in (False, True):
        posted = {**data, "add_item": "1"} if adding else data
        response = client.post(url, posted)
        assert "Nothing was saved: tick the box to confirm" in response.content.decode()
    assert not meeting.agenda_items.exists() and Meeting.objects.get(pk=meeting.pk).announcements == ""
    assert client.post(url, {**data, "confirm_not_yet_held": "on"}).status_code == 302
    assert client.post(url, {**data, "add_item": "1", "new-confirm_not_yet_held": "on"}).status_code == 302
    assert meeting.agenda_items.get().title == "Welcome"
    assert Meeting.objects.get(pk=meeting.pk).announcements == "Brown bag"


def test_a_meeting_held_today_or_before_asks_nothing(world, make_meeting):
    for days in (0, -3):
        meeting = make_meeting(world.youth, days=days, hours=1)
        form = NotYetHeldForm({}, meeting=meeting, record="minutes")
        assert form.is_valid() and "confirm_not_yet_held" not in form.fields


def test_a_meeting_is_marked_held_only_once_it_has_started(world, make_meeting, client_as):
    """Staff editing next week's meeting cannot mark it held: the message stands beside the status and nothing
    changes; once started it can be."""
    ahead, past = make_meeting(world.youth, days=7), make_meeting(world.youth, days=-1)
    client = client_as("staff")
    for meeting, expected in ((ahead, 200), (past, 302)):
        edit = reverse("meetings:edit", args=[meeting.pk])
        response = client.post(edit, form_data(client.get(edit).content.decode(), status="held"))
        assert response.status_code == expected
        assert ("A meeting can be marked held once it has started." in response.content.decode()) is (expected == 200)
    assert Meeting.objects.get(pk=ahead.pk).status == "scheduled" and Meeting.objects.get(pk=past.pk).status == "held"
