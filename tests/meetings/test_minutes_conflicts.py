"""Two people writing the same minutes (issue 14, "a conflict loses less"): every agenda item's minutes, motion,
action item and the closing part carry their own version, so a save that changes only what the other person
did not change goes through; a change to the same item is refused, naming the item and who saved it. (Each
agenda item's minutes, motions and action items are saved on its own page; the closing part on the overview.)"""

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
    ActionItem.objects.create(
        meeting=meeting, committee=world.youth, agenda_item=trends, description="Write to SFUSD", owner=world.member
    )
    return meeting


@pytest.fixture
def editors(world):
    """Sam Staffer and Casey Cochair, each with a page of the minutes open."""
    staff, cochair = Client(), Client()
    staff.force_login(world.staff.user)
    cochair.force_login(world.cochair.user)
    return staff, cochair


def url(meeting, position=None):
    """The overview (the closing part), or the page of the agenda item at this position."""
    if position is None:
        return reverse("meetings:minutes_edit", args=[meeting.pk])
    return reverse("meetings:minutes_item_edit", args=[meeting.pk, meeting.agenda_items.get(position=position).pk])


def opened(client, address, **changes):
    return form_data(client.get(address).content.decode(), **changes)


def test_changes_to_different_items_are_both_saved(world, meeting, editors):
    staff, cochair = editors
    first = opened(staff, url(meeting, 1), **{"item-minutes": "Staff's welcome notes"})
    closing = opened(staff, url(meeting), announcements="Brown bag")
    second = opened(
        cochair,
        url(meeting, 3),
        **{"item-minutes": "Cochair's notes on trends", "motions-0-result": "failed", "actions-0-status": "done"},
    )
    assert staff.post(url(meeting, 1), first).status_code == 302
    assert staff.post(url(meeting), closing).status_code == 302
    response = cochair.post(url(meeting, 3), second)
    assert response.status_code == 302, response.content.decode()[:3000]

    items = dict(meeting.agenda_items.values_list("position", "minutes"))
    assert items == {1: "Staff's welcome notes", 2: "", 3: "Cochair's notes on trends"}
    assert Motion.objects.get().result == "failed" and ActionItem.objects.get().status == "done"
    meeting.refresh_from_db()
    assert meeting.announcements == "Brown bag"  # the item's page does not write back the closing part
    # Only the rows each one changed were saved: one version step each.
    assert dict(meeting.agenda_items.values_list("position", "version")) == {1: 2, 2: 1, 3: 2}
    assert meeting.version == 2


def test_a_change_to_the_same_item_is_refused_naming_it_and_who_saved_it(world, meeting, editors):
    staff, cochair = editors
    first = opened(staff, url(meeting, 3), **{"item-minutes": "Staff's trends notes"})
    second = opened(
        cochair, url(meeting, 3), **{"item-minutes": "Cochair's trends notes", "motions-0-text": "Invite them"}
    )
    assert staff.post(url(meeting, 3), first).status_code == 302
    response = cochair.post(url(meeting, 3), second)
    assert response.status_code == 200
    body = response.content.decode()
    assert escape("Sam Staffer saved the agenda item “Case trends” at") in body
    assert REFUSED in body
    assert "Nothing was saved: someone else saved an item you changed while you were editing." in body
    assert "Cochair&#x27;s trends notes" in body and "\nInvite them</textarea>" in body  # all they typed, to keep
    assert dict(meeting.agenda_items.values_list("position", "minutes")) == {1: "", 2: "", 3: "Staff's trends notes"}
    assert Motion.objects.get().text == "Invite the school district."
    # Told, they save again from the page they got back: their version now replaces the other.
    again = cochair.post(url(meeting, 3), form_data(body))
    assert again.status_code == 302, again.content.decode()[:3000]
    assert dict(meeting.agenda_items.values_list("position", "minutes")) == {1: "", 2: "", 3: "Cochair's trends notes"}
    assert Motion.objects.get().text == "Invite them"


@pytest.mark.parametrize(
    ("position", "field", "first_value", "second_value", "named"),
    [
        (3, "item-title", "Trends", "Case trends and data", "the agenda item “Trends”"),
        (
            3,
            "motions-0-text",
            "Invite the district.",
            "Invite the district again.",
            "the motion “Invite the district.”",
        ),
        (
            3,
            "actions-0-description",
            "Write to the district",
            "Phone the district",
            "the action item “Write to the district”",
        ),
        (
            None,
            "next_meeting_note",
            "Next: in January",
            "Next: in February",
            "the closing part of these minutes (status, announcements, next meeting)",
        ),
    ],
)
def test_each_kind_of_item_is_versioned_on_its_own(
    world, meeting, editors, position, field, first_value, second_value, named
):
    staff, cochair = editors
    address = url(meeting, position)
    first = opened(staff, address, **{field: first_value})
    second = opened(cochair, address, **{field: second_value})
    assert staff.post(address, first).status_code == 302
    body = cochair.post(address, second).content.decode()
    assert escape(f"Sam Staffer saved {named}") in body
    assert not AgendaItem.objects.filter(title="Case trends and data").exists()
    assert Motion.objects.filter(text="Invite the district again.").count() == 0
    assert not ActionItem.objects.filter(description="Phone the district").exists()
    assert Meeting.objects.get(pk=meeting.pk).next_meeting_note != "Next: in February"


def test_action_items_of_no_agenda_item_are_versioned_too(world, meeting, editors):
    ActionItem.objects.update(agenda_item=None)
    staff, cochair = editors
    address = reverse("meetings:minutes_actions_edit", args=[meeting.pk])
    first = opened(staff, address, **{"actions-0-description": "Write to the district"})
    second = opened(cochair, address, **{"actions-0-description": "Phone the district"})
    assert staff.post(address, first).status_code == 302
    body = cochair.post(address, second).content.decode()
    assert escape("Sam Staffer saved the action item “Write to the district”") in body
    assert ActionItem.objects.get().description == "Write to the district"


def test_deleting_an_item_someone_else_changed_is_refused(world, meeting, editors):
    staff, cochair = editors
    first = opened(staff, url(meeting, 3), **{"motions-0-result": "tabled"})
    second = opened(cochair, url(meeting, 3), **{"motions-0-DELETE": "on"})
    assert staff.post(url(meeting, 3), first).status_code == 302
    response = cochair.post(url(meeting, 3), second)
    assert response.status_code == 200
    assert escape("Sam Staffer saved the motion “Invite the school district.”") in response.content.decode()
    assert Motion.objects.get().result == "tabled"


def test_an_item_someone_else_changed_is_left_as_they_saved_it(world, meeting, editors):
    """The second editor changed the action item's due date only; the first changed the motion: both stay."""
    staff, cochair = editors
    due = (meeting.local_start.date() + datetime.timedelta(days=30)).isoformat()
    first = opened(staff, url(meeting, 3), **{"motions-0-text": "Invite the district."})
    second = opened(cochair, url(meeting, 3), **{"actions-0-due_on": due})
    assert staff.post(url(meeting, 3), first).status_code == 302
    assert cochair.post(url(meeting, 3), second).status_code == 302
    assert Motion.objects.get().text == "Invite the district."
    assert ActionItem.objects.get().due_on.isoformat() == due
    # Its history says who saved what.
    assert Motion.objects.get().history.first().history_user == world.staff.user
    assert ActionItem.objects.get().history.first().history_user == world.cochair.user


@pytest.mark.parametrize("position", [None, 1])
@pytest.mark.parametrize("opened_value", [None, "", "1700000000.0", "forged:signature"])
def test_a_save_without_a_signed_opening_moment_is_refused(world, meeting, editors, opened_value, position):
    staff, _cochair = editors
    field = "announcements" if position is None else "item-minutes"
    data = opened(staff, url(meeting, position), **{field: "Not saved"})
    if opened_value is None:
        del data["opened"]
    else:
        data["opened"] = opened_value
    response = staff.post(url(meeting, position), data)
    assert response.status_code == 200
    assert escape(str(PAGE_OPENED)) in response.content.decode()
    assert not AgendaItem.objects.filter(minutes="Not saved").exists()
    assert Meeting.objects.get(pk=meeting.pk).announcements == ""
