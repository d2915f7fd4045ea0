"""Meetings fixtures: a way to build meetings with attendees, items, motions and action items."""

import datetime
import itertools

import pytest
from django.utils import timezone

from members.models import Organization, Person

_counter = itertools.count()


@pytest.fixture
def make_meeting(world):
    from meetings.models import Meeting

    def make(committee=None, *, days=-7, hours=2, **fields):
        start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
        if timezone.localtime(start).date() != timezone.localtime(start + datetime.timedelta(hours=hours)).date():
            # Late in the evening: end by midnight, since the meeting's form (a day, two times) holds one day.
            start -= datetime.timedelta(hours=hours)
        return Meeting.objects.create(
            committee=committee or world.task_force,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=hours),
            location="City Hall, Room 201",
            **fields,
        )

    return make


@pytest.fixture
def add_people():
    """add_people(n) makes n people, each with their own organization."""

    def add(count, prefix="Person"):
        number = next(_counter)
        organizations = Organization.objects.bulk_create(
            Organization(name=f"{prefix} org {number}-{i}") for i in range(count)
        )
        people = Person.objects.bulk_create(
            Person(given_name=f"{prefix}{i}", family_name=f"Family{number}-{i:03d}") for i in range(count)
        )
        return list(zip(people, organizations, strict=True))

    return add


@pytest.fixture
def fill_meeting(add_people):
    """fill_meeting(meeting, n): n attendees, n agenda items each with a motion, n action items."""
    from meetings.models import ActionItem, AgendaItem, Attendance, Motion

    def fill(meeting, count):
        pairs = add_people(count * 2)
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, person=person, organization=org, status=Attendance.Status.PRESENT)
            for person, org in pairs[:count]
        )
        items = AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, position=i, title=f"Item {i}", minutes=f"- point {i}\n- another")
            for i in range(count)
        )
        Motion.objects.bulk_create(
            Motion(agenda_item=item, text=f"Motion {i}", moved_by=pairs[i][0], seconded_by=pairs[i + 1][0])
            for i, item in enumerate(items)
        )
        ActionItem.objects.bulk_create(
            ActionItem(
                meeting=meeting,
                committee=meeting.committee,
                agenda_item=items[i],
                description=f"Do thing {i}",
                owner=pairs[i][0],
                due_on=meeting.local_start.date() + datetime.timedelta(days=i),
            )
            for i in range(count)
        )

    return fill
