"""The standing "Action items" item of an agenda lists the committee's open action items, grouped by owner, and
a later meeting closes them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import ActionItem, AgendaItem, Meeting
from tests.conftest import count_queries

pytestmark = pytest.mark.django_db


def _schedule(world, days):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return Meeting.schedule(committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=2))


def _item(meeting, description, owner=None, due_days=None, **fields):
    due = meeting.local_start.date() + datetime.timedelta(days=due_days) if due_days is not None else None
    return ActionItem.objects.create(
        meeting=meeting, committee=meeting.committee, description=description, owner=owner, due_on=due, **fields
    )


@pytest.fixture
def history(world, make_meeting):
    """Two earlier youth meetings (draft minutes), another committee's, and the next youth meeting scheduled."""
    first = make_meeting(world.youth, days=-60)
    second = make_meeting(world.youth, days=-30)
    other = make_meeting(world.adult, days=-20)
    _item(first, "Call the shelter", owner=world.member, due_days=10)  # due long before the next meeting
    _item(first, "Finished already", owner=world.member, status=ActionItem.Status.DONE)
    _item(second, "Draft the flyer", owner=world.cochair, due_days=90)  # due after the next meeting
    _item(second, "Find a room")  # nobody yet
    _item(other, "Another committee's item", owner=world.member)
    upcoming = _schedule(world, days=3)
    return first, second, upcoming


def test_the_agenda_lists_every_open_item_of_the_committee_grouped_by_owner(world, history, client_as):
    first, _second, upcoming = history
    # Added to the earlier minutes after the new meeting was scheduled: still carried.
    _item(first, "Send the minutes around", owner=world.member, due_days=40)
    groups = services.carried_action_items(upcoming, world.cochair.user)
    listed = [(group.owner_name, [item.description for item in group.items]) for group in groups]
    assert listed == [
        ("Casey Cochair", ["Draft the flyer"]),
        ("Morgan Member", ["Call the shelter", "Send the minutes around"]),
        ("Unassigned", ["Find a room"]),
    ]
    overdue = {item.description for group in groups for item in group.items if item.overdue}
    assert overdue == {"Call the shelter", "Send the minutes around"}  # due before today; the flyer is not

    body = client_as("cochair").get(upcoming.get_absolute_url()).content.decode()
    assert body.index("Casey Cochair") < body.index("Draft the flyer") < body.index("Morgan Member")
    assert body.index("Morgan Member") < body.index("Call the shelter") < body.index("Unassigned")
    assert body.count(">Overdue<") == 2
    assert "Finished already" not in body and "Another committee" not in body


def test_a_later_meeting_does_not_carry_into_an_earlier_agenda(world, history):
    _first, second, _upcoming = history
    groups = services.carried_action_items(second, world.staff.user)
    assert [item.description for group in groups for item in group.items] == ["Call the shelter"]


def test_closing_an_item_at_a_meeting_records_the_meeting(world, history, client_as, make_meeting):
    _first, _second, upcoming = history
    held = Meeting.schedule(
        committee=world.youth,
        starts_at=upcoming.starts_at - datetime.timedelta(days=5),  # this one is today-ish: already begun
        ends_at=upcoming.starts_at - datetime.timedelta(days=5, hours=-2),
    )
    item = ActionItem.objects.get(description="Call the shelter")
    client = client_as("cochair")
    response = client.post(reverse("meetings:close_action_item", args=[held.pk, item.pk]), {"status": "done"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.closed_at) == (ActionItem.Status.DONE, held)
    body = client.get(held.get_absolute_url()).content.decode()
    assert "Call the shelter" in body and "done at this meeting" in body
    # The next meeting no longer carries it.
    assert "Call the shelter" not in client.get(upcoming.get_absolute_url()).content.decode()
    # Open again: carried again, and no meeting closed it.
    client.post(reverse("meetings:close_action_item", args=[held.pk, item.pk]), {"status": "open"})
    item.refresh_from_db()
    assert (item.status, item.closed_at) == (ActionItem.Status.OPEN, None)
    assert "Call the shelter" in client.get(upcoming.get_absolute_url()).content.decode()


def test_closing_is_refused_where_it_does_not_belong(world, history, client_as, make_meeting):
    first, second, upcoming = history
    item = ActionItem.objects.get(description="Call the shelter")
    other = ActionItem.objects.get(description="Another committee's item")
    url = reverse("meetings:close_action_item", args=[second.pk, item.pk])
    assert client_as("member").post(url, {"status": "done"}).status_code == 403
    assert client_as("cochair").get(url).status_code == 405
    assert client_as("cochair").post(url, {"status": "finished"}).status_code == 400
    assert client_as("cochair").post(url, {"status": "open"}).status_code == 400  # this meeting did not close it
    # Not carried by this meeting: another committee's item, or one from a later meeting.
    assert (
        client_as("staff")
        .post(reverse("meetings:close_action_item", args=[second.pk, other.pk]), {"status": "done"})
        .status_code
        == 404
    )
    later = ActionItem.objects.get(description="Draft the flyer")
    assert (
        client_as("staff")
        .post(reverse("meetings:close_action_item", args=[first.pk, later.pk]), {"status": "done"})
        .status_code
        == 404
    )
    # A meeting that has not happened closes nothing yet.
    response = client_as("cochair").post(
        reverse("meetings:close_action_item", args=[upcoming.pk, item.pk]), {"status": "done"}, follow=True
    )
    assert "This meeting&#x27;s day has not come yet" in response.content.decode()
    item.refresh_from_db()
    assert item.status == ActionItem.Status.OPEN and item.closed_at is None


def test_the_agenda_with_carried_items_has_a_fixed_query_count(world, history, client_as, add_people):
    first, second, upcoming = history
    client = client_as("cochair")
    url = upcoming.get_absolute_url()
    before = count_queries(client, url)
    # As the co-chair: two of them are the carried items and the viewer's person (their own items they see);
    # one is the meeting's documents (the packet issue).
    assert before == 11
    AgendaItem.objects.filter(meeting=upcoming, kind=AgendaItem.Kind.ACTION_ITEMS).update(kind="standing")
    assert count_queries(client, url) == before - 2
    AgendaItem.objects.filter(meeting=upcoming, title="Action items").update(kind=AgendaItem.Kind.ACTION_ITEMS)
    for index, (person, _organization) in enumerate(add_people(15)):
        _item(first if index % 2 else second, f"More work {index}", owner=person, due_days=index)
    assert count_queries(client, url) == before
    assert AgendaItem.objects.filter(meeting=upcoming, kind=AgendaItem.Kind.ACTION_ITEMS).count() == 1


def test_the_minutes_record_the_earlier_items_the_meeting_closed(world, history, client_as, make_meeting):
    first, second, _upcoming = history
    first.approve_minutes(at=second)
    held = make_meeting(world.youth, days=-2)
    shelter = ActionItem.objects.get(description="Call the shelter")
    flyer = ActionItem.objects.get(description="Draft the flyer")  # its minutes are still a draft
    client = client_as("cochair")
    for item, status in ((shelter, "done"), (flyer, "dropped")):
        client.post(reverse("meetings:close_action_item", args=[held.pk, item.pk]), {"status": status}, follow=True)
    assert ActionItem.objects.get(pk=flyer.pk).closed_at == held
    minutes = client.get(reverse("meetings:minutes", args=[held.pk])).content.decode()
    assert "Earlier action items closed at this meeting" in minutes
    assert "Call the shelter" in minutes and first.date_label in minutes
    # The minutes are for every member once approved: a draft's item is not theirs to read.
    assert "Draft the flyer" not in minutes
    assert "Call the shelter" in services.render_minutes_html(held)
