"""Database constraints and model behaviour of meetings."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from meetings.models import AgendaItem, Attendance, Meeting, Motion

pytestmark = pytest.mark.django_db


def test_meeting_cannot_end_before_it_starts(world, make_meeting):
    meeting = make_meeting()
    meeting.ends_at = meeting.starts_at - datetime.timedelta(minutes=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting.save()


def test_a_person_attends_a_meeting_once(world, make_meeting):
    meeting = make_meeting()
    Attendance.objects.create(meeting=meeting, person=world.member)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=meeting, person=world.member)


def test_motion_cannot_be_seconded_by_its_mover(world, make_meeting):
    item = AgendaItem.objects.create(meeting=make_meeting(), title="Review of minutes")
    with pytest.raises(IntegrityError), transaction.atomic():
        Motion.objects.create(agenda_item=item, text="Adopt", moved_by=world.member, seconded_by=world.member)


def test_approved_minutes_name_the_approving_meeting(world, make_meeting):
    meeting = make_meeting()
    meeting.minutes_state = Meeting.MinutesState.APPROVED
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting.save()


def test_a_meeting_cannot_approve_itself(world, make_meeting):
    meeting = make_meeting()
    with pytest.raises(ValueError):
        meeting.approve_minutes(at=meeting)


def test_dates_read_the_way_people_write_them(world):
    import zoneinfo

    zone = zoneinfo.ZoneInfo("America/Los_Angeles")
    meeting = Meeting(
        committee=world.task_force,
        starts_at=datetime.datetime(2016, 12, 14, 13, 30, tzinfo=zone),
        ends_at=datetime.datetime(2016, 12, 14, 15, 30, tzinfo=zone),
    )
    assert meeting.when == "Wednesday, December 14, 2016, 1:30-3:30 pm"
    meeting.starts_at = datetime.datetime(2017, 9, 25, 11, 0, tzinfo=zone)
    meeting.ends_at = datetime.datetime(2017, 9, 25, 12, 30, tzinfo=zone)
    assert meeting.when == "Monday, September 25, 2017, 11 am-12:30 pm"


def test_scheduling_starts_from_the_standing_agenda_with_a_place_for_the_open_action_items(world, make_meeting):
    world.youth.standing_agenda = "Welcome\nReview of minutes\nCase trends"
    world.youth.save()
    last = make_meeting(world.youth, days=-20)
    last.approve_minutes(at=make_meeting(world.youth, days=-10))
    start = last.starts_at + datetime.timedelta(days=5)  # before the meeting that adopted them: still the last one
    meeting = Meeting.schedule(committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    items = list(meeting.agenda_items.values_list("title", "kind"))
    assert items == [
        ("Welcome", "standing"),
        ("Review of minutes", "standing"),
        ("Case trends", "standing"),
        ("Action items", AgendaItem.Kind.ACTION_ITEMS),
    ]


def test_a_standing_action_items_line_is_the_place_of_the_open_items(world, make_meeting):
    world.youth.standing_agenda = "Welcome\nReview of action items\nCase trends"
    world.youth.save()
    meeting = Meeting.schedule(
        committee=world.youth, starts_at=make_meeting().starts_at, ends_at=make_meeting().ends_at
    )
    assert list(meeting.agenda_items.values_list("title", "kind")) == [
        ("Welcome", "standing"),
        ("Review of action items", AgendaItem.Kind.ACTION_ITEMS),
        ("Case trends", "standing"),
    ]


def test_scheduling_after_draft_minutes_adopts_them(world, make_meeting):
    world.youth.standing_agenda = "Welcome\nReview of minutes\nCase trends"
    world.youth.save()
    last = make_meeting(world.youth, days=-20)
    start = last.starts_at + datetime.timedelta(days=30)
    meeting = Meeting.schedule(committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    assert meeting.agenda_items.get(position=2).description == f"Adopt the minutes of {last.date_label}."


def test_history_is_kept(world, make_meeting):
    meeting = make_meeting()
    meeting.announcements = "Changed"
    meeting.save()
    assert meeting.history.count() == 2


def test_upcoming_and_past(world, make_meeting):
    past = make_meeting(days=-3)
    future = make_meeting(days=3)
    cancelled = make_meeting(days=4, status=Meeting.Status.CANCELLED)
    assert list(Meeting.objects.upcoming()) == [future]
    assert past in Meeting.objects.past() and cancelled not in Meeting.objects.upcoming()


def test_minutes_to_approve_are_earlier_drafts_of_the_same_committee(world, make_meeting):
    earlier_draft = make_meeting(world.youth, days=-30)
    earlier_approved = make_meeting(world.youth, days=-25)
    other_committee = make_meeting(world.adult, days=-20)
    meeting = make_meeting(world.youth, days=-10)
    earlier_approved.approve_minutes(at=make_meeting(world.youth, days=-15))
    later = make_meeting(world.youth, days=-5)
    choices = set(Meeting.objects.minutes_to_approve_at(meeting))
    assert earlier_draft in choices and earlier_approved not in choices and other_committee not in choices
    assert later not in choices
    earlier_draft.approve_minutes(at=meeting)
    assert earlier_draft in set(Meeting.objects.minutes_to_approve_at(meeting))
