"""Two people writing the same minutes (issue 14, "a conflict loses less"): every agenda item's minutes, motion,
action item and the closing part carry their own version, so a save that changes only what the other person
did not change goes through; a change to the same item is refused, naming the item and who saved it."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from meetings.models import ActionItem, AgendaItem, Meeting, Motion
from taskforce.versions import PAGE_OPENED
from tests.meetings.forms_helper import form_data

pytestmark = pytest.mark.django_db

REFUSED = "after you opened this page, so nothing was saved"


@pytest.fixture
def meeting(world, make_meeting):
    meeting = make_meeting(world.youth)
    *_earlier, trends = (
        AgendaItem.objects.create(meeting=meeting, position=position, title=title)
        for position, title in enumerate(["Welcome", "Review of minutes", "Case trends"], start=1)
    )
    Motion.objects.create(agenda_item=trends, text="Invite the school district.", moved_by=world.member)
    ActionItem.objects.create(meeting=meeting, committee=world.youth, description="Write to SFUSD", owner=world.member)
    return meeting


@pytest.fixture
def editors(world):
    """Sam Staffer and Casey Cochair, each with the minutes page open."""
    staff, cochair = Client(), Client()
    staff.force_login(world.staff.user)
    cochair.force_login(world.cochair.user)
    return staff, cochair


def url(meeting):
    return reverse("meetings:minutes_edit", args=[meeting.pk])


def opened(client, meeting, **changes):
    return form_data(client.get(url(meeting)).content.decode(), **changes)


def test_changes_to_different_items_are_both_saved(world, meeting, editors):
    staff, cochair = editors
    first = opened(staff, meeting, **{"items-0-minutes": "Staff's welcome notes", "announcements": "Brown bag"})
    second = opened(
        cochair,
        meeting,
        **{
            "items-2-minutes": "Cochair's notes on trends",
            "motions-0-result": "failed",
            "actions-0-status": "done",
        },
    )
    assert staff.post(url(meeting), first).status_code == 302
    response = cochair.post(url(meeting), second)
    assert response.status_code == 302, response.content.decode()[:3000]

    items = dict(meeting.agenda_items.values_list("position", "minutes"))
    assert items == {1: "Staff's welcome notes", 2: "", 3: "Cochair's notes on trends"}
    assert Motion.objects.get().result == "failed" and ActionItem.objects.get().status == "done"
    meeting.refresh_from_db()
    assert meeting.announcements == "Brown bag"  # the second save did not write back what it had loaded
    # Only the rows each one changed were saved: one version step each.
    assert dict(meeting.agenda_items.values_list("position", "version")) == {1: 2, 2: 1, 3: 2}
    assert meeting.version == 2


def test_a_change_to_the_same_item_is_refused_naming_it_and_who_saved_it(world, meeting, editors):
    staff, cochair = editors
    first = opened(staff, meeting, **{"items-0-minutes": "Staff's welcome notes"})
    second = opened(cochair, meeting, **{"items-0-minutes": "Cochair's welcome notes", "items-2-minutes": "Trends"})
    assert staff.post(url(meeting), first).status_code == 302
    response = cochair.post(url(meeting), second)
    assert response.status_code == 200
    body = response.content.decode()
    assert escape("Sam Staffer saved the agenda item “Welcome” at") in body
    assert REFUSED in body
    assert "Nothing was saved: someone else saved an item you changed while you were editing." in body
    assert "Cochair&#x27;s welcome notes" in body and "\nTrends</textarea>" in body  # all they typed, to keep
    assert dict(meeting.agenda_items.values_list("position", "minutes")) == {
        1: "Staff's welcome notes",
        2: "",
        3: "",
    }
    # Told, they save again from the page they got back: their version now replaces the other.
    again = cochair.post(url(meeting), form_data(body))
    assert again.status_code == 302, again.content.decode()[:3000]
    assert dict(meeting.agenda_items.values_list("position", "minutes")) == {
        1: "Cochair's welcome notes",
        2: "",
        3: "Trends",
    }


@pytest.mark.parametrize(
    ("field", "first_value", "second_value", "named"),
    [
        ("motions-0-text", "Invite the district.", "Invite the district again.", "the motion “Invite the district.”"),
        (
            "actions-0-description",
            "Write to the district",
            "Phone the district",
            "the action item “Write to the district”",
        ),
        (
            "next_meeting_note",
            "Next: in January",
            "Next: in February",
            "the closing part of these minutes (status, announcements, next meeting)",
        ),
    ],
)
def test_each_kind_of_item_is_versioned_on_its_own(world, meeting, editors, field, first_value, second_value, named):
    staff, cochair = editors
    first = opened(staff, meeting, **{field: first_value})
    second = opened(cochair, meeting, **{field: second_value})
    assert staff.post(url(meeting), first).status_code == 302
    body = cochair.post(url(meeting), second).content.decode()
    assert escape(f"Sam Staffer saved {named}") in body
    assert Motion.objects.filter(text="Invite the district again.").count() == 0
    assert not ActionItem.objects.filter(description="Phone the district").exists()
    assert Meeting.objects.get(pk=meeting.pk).next_meeting_note != "Next: in February"


def test_deleting_an_item_someone_else_changed_is_refused(world, meeting, editors):
    staff, cochair = editors
    first = opened(staff, meeting, **{"motions-0-result": "tabled"})
    second = opened(cochair, meeting, **{"motions-0-DELETE": "on"})
    assert staff.post(url(meeting), first).status_code == 302
    response = cochair.post(url(meeting), second)
    assert response.status_code == 200
    assert escape("Sam Staffer saved the motion “Invite the school district.”") in response.content.decode()
    assert Motion.objects.get().result == "tabled"


def test_an_item_someone_else_changed_is_left_as_they_saved_it(world, meeting, editors):
    """The second editor changed the action item's due date only; the first changed the motion: both stay."""
    staff, cochair = editors
    due = (meeting.local_start.date() + datetime.timedelta(days=30)).isoformat()
    first = opened(staff, meeting, **{"motions-0-text": "Invite the district."})
    second = opened(cochair, meeting, **{"actions-0-due_on": due})
    assert staff.post(url(meeting), first).status_code == 302
    assert cochair.post(url(meeting), second).status_code == 302
    assert Motion.objects.get().text == "Invite the district."
    assert ActionItem.objects.get().due_on.isoformat() == due
    # Its history says who saved what.
    assert Motion.objects.get().history.first().history_user == world.staff.user
    assert ActionItem.objects.get().history.first().history_user == world.cochair.user


@pytest.mark.parametrize("opened_value", [None, "", "1700000000.0", "forged:signature"])
def test_a_save_without_a_signed_opening_moment_is_refused(world, meeting, editors, opened_value):
    staff, _cochair = editors
    data = opened(staff, meeting, **{"items-0-minutes": "Not saved"})
    if opened_value is None:
        del data["opened"]
    else:
        data["opened"] = opened_value
    response = staff.post(url(meeting), data)
    assert response.status_code == 200
    assert escape(str(PAGE_OPENED)) in response.content.decode()
    assert not AgendaItem.objects.filter(minutes="Not saved").exists()
