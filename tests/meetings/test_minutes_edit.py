"""Writing minutes: motions, action items, approval by a later meeting, amendments and conflicts."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import ActionItem, AgendaItem, Meeting, Motion
from tests.meetings.forms_helper import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world, make_meeting):
    meeting = make_meeting(world.youth)
    for position, title in enumerate(["Welcome", "Review of minutes", "Case trends"], start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, title=title)
    return meeting


def edit_url(meeting):
    return reverse("meetings:minutes_edit", args=[meeting.pk])


def page(client, meeting):
    return client.get(edit_url(meeting)).content.decode()


def test_cochair_writes_minutes_with_a_motion_and_an_action_item(world, meeting, client_as):
    client = client_as("cochair")
    items = list(meeting.agenda_items.order_by("position"))
    data = form_data(
        page(client, meeting),
        **{
            "items-0-minutes": "- Everyone introduced themselves",
            "items-2-minutes": "- Referrals are up\n    - mostly from schools",
            "motions-0-agenda_item": items[2].pk,
            "motions-0-text": "Ask the school district to present.",
            "motions-0-moved_by": world.member.pk,
            "motions-0-seconded_by": world.cochair.pk,
            "motions-0-result": "adopted",
            "motions-0-yes_count": 7,
            "motions-0-no_count": 0,
            "actions-0-description": "Invite SFUSD",
            "actions-0-owner": world.cochair.pk,
            "actions-0-due_on": (meeting.local_start.date() + datetime.timedelta(days=14)).isoformat(),
            "actions-0-status": "open",
            "announcements": "Brown bag on civil remedies.",
        },
    )
    response = client.post(edit_url(meeting), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    body = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert "<li>Referrals are up<ul>" in body.replace("\n", "")
    assert "Ask the school district to present. (7 yes, 0 no) [Member/ Cochair]" in body
    assert "Invite SFUSD" in body and "Casey Cochair" in body
    assert ActionItem.objects.get().committee == world.youth


def test_markdown_is_sanitized(world, meeting, client_as):
    client = client_as("staff")
    data = form_data(
        page(client, meeting), **{"items-0-minutes": "<script>alert(1)</script>\n\n[x](javascript:alert(2))"}
    )
    assert client.post(edit_url(meeting), data).status_code == 302
    body = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert "<script>alert" not in body and "javascript:" not in body


def test_motion_seconded_by_its_mover_is_refused(world, meeting, client_as):
    client = client_as("staff")
    data = form_data(
        page(client, meeting),
        **{
            "motions-0-agenda_item": meeting.agenda_items.first().pk,
            "motions-0-text": "Adopt",
            "motions-0-moved_by": world.member.pk,
            "motions-0-seconded_by": world.member.pk,
            "items-0-minutes": "Should not be saved",
        },
    )
    response = client.post(edit_url(meeting), data)
    assert response.status_code == 200
    assert "A motion cannot be seconded by the person who moved it." in response.content.decode()
    assert not Motion.objects.exists()
    assert not AgendaItem.objects.filter(minutes="Should not be saved").exists()


def test_due_date_before_the_meeting_is_refused(world, meeting, client_as):
    client = client_as("staff")
    data = form_data(
        page(client, meeting),
        **{
            "actions-0-description": "Too late already",
            "actions-0-owner": world.member.pk,
            "actions-0-due_on": (meeting.local_start.date() - datetime.timedelta(days=1)).isoformat(),
        },
    )
    response = client.post(edit_url(meeting), data)
    assert "The due date cannot be before the meeting." in response.content.decode()
    assert not ActionItem.objects.exists()


def test_a_later_meeting_approves_earlier_minutes_by_motion(world, meeting, make_meeting, client_as):
    later = make_meeting(world.youth, days=-1)
    review = AgendaItem.objects.create(meeting=later, position=1, title="Review of minutes")
    motion = {
        "motions-0-agenda_item": review.pk,
        "motions-0-text": "Minutes were adopted by the group.",
        "motions-0-moved_by": world.member.pk,
        "motions-0-seconded_by": world.cochair.pk,
        "motions-0-result": "adopted",
        "motions-0-approves_minutes_of": meeting.pk,
    }
    # Co-chairs draft; only staff approve.
    response = client_as("cochair").post(edit_url(later), form_data(page(client_as("cochair"), later), **motion))
    assert "Only staff approve minutes." in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.minutes_approved

    client = client_as("staff")
    assert client.post(edit_url(later), form_data(page(client, later), **motion)).status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_approved and meeting.minutes_approved_at == later
    # Approved, so members may now read them.
    assert client_as("member").get(reverse("meetings:minutes", args=[meeting.pk])).status_code == 200


def test_approved_minutes_change_only_by_staff_amendment_with_a_reason(world, meeting, make_meeting, client_as):
    meeting.approve_minutes(at=make_meeting(world.youth, days=-1))
    cochair = client_as("cochair")
    response = cochair.post(edit_url(meeting), form_data(page(cochair, meeting), **{"items-0-minutes": "Rewritten"}))
    assert "These minutes were approved and are locked" in response.content.decode()
    assert not AgendaItem.objects.filter(minutes="Rewritten").exists()

    staff = client_as("staff")
    response = staff.post(edit_url(meeting), form_data(page(staff, meeting), **{"items-0-minutes": "Rewritten"}))
    assert "give the reason" in response.content.decode()
    assert not AgendaItem.objects.filter(minutes="Rewritten").exists()

    data = form_data(page(staff, meeting), **{"items-0-minutes": "Rewritten", "amendment_reason": "Name misspelled"})
    assert staff.post(edit_url(meeting), data).status_code == 302
    item = AgendaItem.objects.get(minutes="Rewritten")
    assert item.history.first().history_change_reason == "Amendment: Name misspelled"
    assert meeting.history.first().history_change_reason == "Amendment: Name misspelled"
    body = staff.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert "Name misspelled" in body and "Amended" in body


def test_agenda_edit_conflict_and_bad_times(world, meeting, client_as):
    from django.test import Client

    url = reverse("meetings:edit", args=[meeting.pk])
    first, second = Client(), Client()
    first.force_login(world.staff.user)
    second.force_login(world.staff.user)
    first_data = form_data(first.get(url).content.decode(), **{"items-0-title": "Welcome back"})
    second_data = form_data(second.get(url).content.decode(), **{"items-0-title": "Hello"})
    assert first.post(url, first_data).status_code == 302
    assert "Someone else saved this meeting" in second.post(url, second_data).content.decode()
    assert AgendaItem.objects.filter(title="Welcome back").exists()

    data = form_data(first.get(url).content.decode(), start_time="15:00", end_time="14:00")
    response = first.post(url, data)
    assert "The meeting must end after it starts." in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).ends_at > Meeting.objects.get(pk=meeting.pk).starts_at


def test_schedule_a_meeting(world, client_as):
    world.youth.standing_agenda = "Welcome\nCase trends"
    world.youth.save()
    client = client_as("cochair")
    assert 'value="' + str(world.adult.pk) + '"' not in client.get("/meetings/new/").content.decode()
    data = {
        "committee": world.youth.pk,
        "title": "",
        "date": "2031-03-05",
        "start_time": "10:00",
        "end_time": "09:00",
        "location": "City Hall",
        "visibility": "default",
    }
    response = client.post("/meetings/new/", data)
    assert "The meeting must end after it starts." in response.content.decode()
    assert not Meeting.objects.exists()
    data["end_time"] = "11:30"
    response = client.post("/meetings/new/", data)
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("meetings:edit", args=[meeting.pk])
    assert meeting.when == "Wednesday, March 5, 2031, 10-11:30 am"
    assert list(meeting.agenda_items.values_list("title", flat=True)) == [
        "Welcome",
        "Case trends",
        "Action items",
    ]  # the standing place of the open items
    assert not meeting.is_public  # as the youth committee's meetings usually are
    assert client_as("cochair").post("/meetings/new/", {**data, "committee": world.adult.pk}).status_code == 200
    assert Meeting.objects.count() == 1
