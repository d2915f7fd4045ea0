"""The meetings part of `seed_scale`: ten years of meetings with agendas, minutes, attendance and action items.

At scale 1: about 1,500 meetings, 9,000 agenda items, 45,000 attendance rows and 4,500 action
items (the size of ten busy years), every meeting's minutes adopted
by the committee's next meeting, in bulk (no edit history: synthetic data).
"""

import datetime
import zoneinfo

from django.conf import settings

from members.models import Committee, Membership

from .models import ActionItem, AgendaItem, Attendance, Meeting, Motion

FIRST_YEAR, YEARS = 2016, 10
MEETINGS_PER_YEAR = 19  # per committee, at scale 1
ACTION_ITEMS_PER_MEETING = 3
AGENDA = [
    "Welcome and introductions",
    "Review of minutes",
    "Presentation",
    "Work plan check-in",
    "Discussion",
    "Announcements",
]


def meetings_per_year(scale):
    return max(2, int(MEETINGS_PER_YEAR * scale))


def seed(*, scale, rng, made, stdout=None):
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    committees = made["members"]["committees"]
    people = made["members"]["people"]
    organization_of = dict(
        Membership.objects.filter(person__in=people)
        .order_by("person_id", "start_on")
        .values_list("person_id", "organization_id")
    )
    per_year = meetings_per_year(scale)

    meetings = []
    for committee in committees:
        task_force = committee.kind == Committee.Kind.TASK_FORCE
        for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
            for n in range(per_year):
                day = datetime.date(year, 1, 1) + datetime.timedelta(days=int(n * 365 / per_year) + rng.randrange(0, 7))
                start = datetime.datetime.combine(day, datetime.time(13 if task_force else 10, 30), tzinfo=zone)
                meetings.append(
                    Meeting(
                        committee=committee,
                        starts_at=start,
                        ends_at=start + datetime.timedelta(hours=2),
                        location="City Hall, Room 201" if task_force else "25 Van Ness Avenue, Suite 240",
                        status=Meeting.Status.HELD,
                        is_public=committee.meetings_are_public,
                        agenda_state=Meeting.AgendaState.PUBLISHED,
                        announcements="Synthetic meeting for benchmarks.",
                    )
                )
    Meeting.objects.bulk_create(meetings)

    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            position=position,
            title=title,
            kind=AgendaItem.Kind.STANDING,
            minutes=f"- Discussion of {title.lower()}\n    - a follow-up point" if position > 1 else "",
        )
        for meeting in meetings
        for position, title in enumerate(AGENDA, start=1)
    )
    review_item = {item.meeting_id: item for item in items if item.position == 2}

    attendance, actions, motions = [], [], []
    for meeting in meetings:
        size = max(5, int((60 if meeting.committee.kind == Committee.Kind.TASK_FORCE else 28) * min(scale * 2, 1)))
        present = rng.sample(people, min(size, len(people)))
        for person in present:
            attendance.append(
                Attendance(
                    meeting=meeting,
                    person=person,
                    organization_id=organization_of.get(person.pk),
                    status=rng.choices(Attendance.Status.values, weights=[14, 3, 2, 1])[0],
                )
            )
        for owner in present[:ACTION_ITEMS_PER_MEETING]:
            due = meeting.starts_at.date() + datetime.timedelta(days=rng.randrange(14, 90))
            actions.append(
                ActionItem(
                    meeting=meeting,
                    committee_id=meeting.committee_id,
                    description=f"Follow up on the work plan ({meeting.starts_at:%B %Y})",
                    owner=owner,
                    due_on=due,
                    status=rng.choices(ActionItem.Status.values, weights=[1, 8, 1])[0],
                )
            )
    Attendance.objects.bulk_create(attendance, batch_size=5000)
    ActionItem.objects.bulk_create(actions, batch_size=5000)

    # Each meeting adopts the minutes of the committee's meeting before it.
    approved = []
    by_committee = {}
    for meeting in sorted(meetings, key=lambda m: (m.committee_id, m.starts_at)):
        earlier = by_committee.get(meeting.committee_id)
        if earlier is not None:
            mover, seconder = rng.sample(people, 2)
            motions.append(
                Motion(
                    agenda_item=review_item[meeting.pk],
                    text="Minutes were adopted by the group.",
                    moved_by=mover,
                    seconded_by=seconder,
                    approves_minutes_of=earlier,
                )
            )
            earlier.minutes_state = Meeting.MinutesState.APPROVED
            earlier.minutes_approved_at = meeting
            approved.append(earlier)
        by_committee[meeting.committee_id] = meeting
    Motion.objects.bulk_create(motions, batch_size=5000)
    Meeting.objects.bulk_update(approved, ["minutes_state", "minutes_approved_at"], batch_size=1000)

    if stdout:
        stdout.write(
            f"Meetings: {len(meetings)} meetings, {len(attendance)} attendance rows, {len(actions)} action items."
        )
    return {"meetings": meetings}
