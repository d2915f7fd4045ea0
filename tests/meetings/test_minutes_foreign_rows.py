"""A minutes page posted with another meeting's (or another item's) row ids is refused with a message; nothing
is saved."""

import pytest
from django.urls import reverse

from meetings.models import ActionItem, AgendaItem, Motion
from tests.meetings.forms_helper import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_meetings(world, make_meeting):
    ours = make_meeting(world.youth)
    theirs = make_meeting(world.adult, days=10)
    for meeting in (ours, theirs):
        AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    other_item = theirs.agenda_items.get()
    motion = Motion.objects.create(agenda_item=other_item, text="Their motion", result="adopted")
    action = ActionItem.objects.create(
        meeting=theirs, committee=world.adult, description="Their action", owner=world.member
    )
    return ours, theirs, motion, action


def edit_url(meeting):
    """The page of the meeting's one agenda item."""
    return reverse("meetings:minutes_item_edit", args=[meeting.pk, meeting.agenda_items.get().pk])


MESSAGE = "A row of this form is not one of this meeting&#x27;s, or no longer exists."


def foreign_row(world, ours, theirs, motion, action):
    """Per formset of an item's minutes page: the fields that post the other meeting's row as if it were ours."""
    return {
        "motions": {
            "motions-INITIAL_FORMS": "1",
            "motions-TOTAL_FORMS": "1",
            "motions-0-id": motion.pk,
            "motions-0-agenda_item": ours.agenda_items.get().pk,
            "motions-0-text": "Hijacked",
            "motions-0-result": "adopted",
        },
        "actions": {
            "actions-INITIAL_FORMS": "1",
            "actions-TOTAL_FORMS": "1",
            "actions-0-id": action.pk,
            "actions-0-agenda_item": ours.agenda_items.get().pk,
            "actions-0-description": "Hijacked",
            "actions-0-owner": world.member.pk,
            "actions-0-status": "open",
        },
    }


def assert_nothing_saved(ours, theirs, motion, action):
    motion.refresh_from_db()
    action.refresh_from_db()
    assert (motion.text, action.description, theirs.agenda_items.get().title) == (
        "Their motion",
        "Their action",
        "Welcome",
    )
    assert not Motion.objects.filter(agenda_item__meeting=ours).exists()
    assert not ActionItem.objects.filter(meeting=ours).exists()
    assert ours.agenda_items.get().minutes == ""


@pytest.mark.parametrize("formset", ["motions", "actions"])
def test_another_meetings_row_is_refused_on_the_minutes_page(world, two_meetings, client_as, formset):
    ours, theirs, motion, action = two_meetings
    client = client_as("staff")
    data = form_data(client.get(edit_url(ours)).content.decode(), **{"item-minutes": "Not saved"})
    data.update({key: str(value) for key, value in foreign_row(world, *two_meetings)[formset].items()})
    response = client.post(edit_url(ours), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert MESSAGE in body and "are saved." not in body
    assert_nothing_saved(ours, theirs, motion, action)


def test_another_meetings_row_is_refused_on_the_page_of_action_items_of_no_item(world, two_meetings, client_as):
    ours, theirs, motion, action = two_meetings
    ActionItem.objects.filter(pk=action.pk).update(agenda_item=None)
    client = client_as("staff")
    url = reverse("meetings:minutes_actions_edit", args=[ours.pk])
    data = form_data(client.get(url).content.decode())
    data.update({key: str(value) for key, value in foreign_row(world, *two_meetings)["actions"].items()})
    response = client.post(url, data)
    assert MESSAGE in response.content.decode()
    assert_nothing_saved(ours, theirs, motion, action)


def test_another_meetings_item_is_not_found_on_the_minutes_pages(world, two_meetings, client_as):
    """An item's page is found through its own meeting: another meeting's item under ours is no page at all."""
    ours, theirs, motion, action = two_meetings
    client = client_as("staff")
    data = form_data(client.get(edit_url(ours)).content.decode(), **{"item-title": "Hijacked", "item-minutes": "x"})
    url = reverse("meetings:minutes_item_edit", args=[ours.pk, theirs.agenda_items.get().pk])
    assert client.post(url, data).status_code == 404
    assert_nothing_saved(ours, theirs, motion, action)


def test_a_row_of_another_item_of_the_meeting_is_refused(world, two_meetings, client_as):
    """A motion moves to another item only by being recorded there: posted on another item's page, it is
    refused (its item is the page's, fixed)."""
    ours, _theirs, _motion, _action = two_meetings
    second = AgendaItem.objects.create(meeting=ours, position=2, title="Trends")
    mine = Motion.objects.create(agenda_item=ours.agenda_items.get(position=1), text="Ours")
    client = client_as("staff")
    url = reverse("meetings:minutes_item_edit", args=[ours.pk, second.pk])
    data = form_data(client.get(url).content.decode())
    data.update(
        {"motions-INITIAL_FORMS": "1", "motions-TOTAL_FORMS": "1", "motions-0-id": str(mine.pk)}
        | {"motions-0-agenda_item": str(second.pk), "motions-0-text": "Moved", "motions-0-result": "adopted"}
    )
    assert MESSAGE in client.post(url, data).content.decode()
    mine.refresh_from_db()
    assert (mine.text, mine.agenda_item.position) == ("Ours", 1)
    # Nor may a new row name another item than the page's.
    data = form_data(
        client.get(f"{url}?add=motions").content.decode(),
        **{"motions-0-text": "New", "motions-0-agenda_item": mine.pk},
    )
    response = client.post(url, data)
    assert response.status_code == 200 and not Motion.objects.filter(text="New").exists()


def test_another_meetings_agenda_item_is_refused_on_the_meeting_page(world, two_meetings, client_as):
    ours, theirs, _motion, _action = two_meetings
    client = client_as("staff")
    url = reverse("meetings:edit", args=[ours.pk])
    data = form_data(client.get(url).content.decode())
    data.update({"items-0-id": str(theirs.agenda_items.get().pk), "items-0-title": "Hijacked"})
    response = client.post(url, data)
    assert MESSAGE in response.content.decode()
    assert theirs.agenda_items.get().title == "Welcome"
    assert ours.agenda_items.get().title == "Welcome"


def test_a_row_deleted_meanwhile_is_refused_too(world, two_meetings, client_as):
    ours, _theirs, _motion, _action = two_meetings
    client = client_as("staff")
    mine = ActionItem.objects.create(meeting=ours, committee=world.youth, description="Ours", owner=world.member)
    mine.agenda_item = ours.agenda_items.get()
    mine.save()
    data = form_data(client.get(edit_url(ours)).content.decode(), **{"actions-0-description": "Changed"})
    mine.delete()
    response = client.post(edit_url(ours), data)
    assert MESSAGE in response.content.decode()
    assert not ActionItem.objects.filter(meeting=ours).exists()
