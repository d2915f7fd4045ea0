"""The minutes PDF's data fingerprint: which version of its data the kept document of a meeting's minutes shows.

The PDF is laid out on each request from a document (meetings/minutes_pdf.html) that is kept per fingerprint
(services.render_minutes_html), so a minutes PDF asked for again costs one query and WeasyPrint, not six queries
and the template. The fingerprint names every row the document reads (services.minutes_context), each by its
count and latest change (taskforce/fingerprints.py): the meeting; its committee; its agenda items, motions,
attendance and action items; the earlier action items closed at it; the people and organizations those name; and
the meetings whose dates it prints (the one that approved it, those of the items closed at it, and the committee's
later meetings, one of which is its "next meeting"). Then the language and ``MINUTES_LAYOUT_VERSION``.

Bump ``MINUTES_LAYOUT_VERSION`` by hand when a change to the minutes' templates or their translations should replace
the documents already kept in a shared cache (each process's own cache starts empty when the new code starts; the
development server reloads templates without restarting, so restart it, or bump the number, to see a change).
"""

from __future__ import annotations

import datetime
import functools

from django.db.models import Q, QuerySet
from django.utils import translation

from members.models import Committee, Organization, Person
from taskforce.fingerprints import digest, history_model, rows_and_history, rows_changed

from .models import ActionItem, AgendaItem, Attendance, Meeting, Motion

MINUTES_LAYOUT_VERSION = 1


def minutes_version(meeting: Meeting) -> str:
    """A fingerprint of everything the meeting's minutes document shows. One query."""
    row = _parts_query(meeting.pk, meeting.committee_id, meeting.starts_at).get()
    return digest(row, translation.get_language() or "", str(MINUTES_LAYOUT_VERSION))


@functools.lru_cache(maxsize=256)
def _parts_query(pk: int, committee_id: int, starts_at: datetime.datetime) -> QuerySet:
    """The fingerprint's query for one meeting, built once per process (as the report's, reports/fingerprint.py:
    building its subqueries through the ORM takes longer than the database takes to answer them) and evaluated
    afresh at each call (``get()`` works on a clone). Its inputs are the meeting, its committee and its start: a
    meeting moved to another day has other later meetings."""
    items = AgendaItem.objects.filter(meeting_id=pk)
    motions = Motion.objects.filter(agenda_item__meeting_id=pk)
    attendance = Attendance.objects.filter(meeting_id=pk)
    # Its own action items and the earlier ones closed at it (whichever its readers may see: the rule reads the
    # items' meetings, counted below).
    actions = ActionItem.objects.filter(Q(meeting_id=pk) | Q(closed_at_id=pk))
    named = (
        Q(pk__in=attendance.values("person"))
        | Q(pk__in=motions.values("moved_by"))
        | Q(pk__in=motions.values("seconded_by"))
        | Q(pk__in=actions.values("owner"))
    )
    dated = (
        Q(committee_id=committee_id, starts_at__gt=starts_at)
        | Q(pk__in=Meeting.objects.filter(pk=pk).values("minutes_approved_at"))
        | Q(pk__in=actions.values("meeting"))
    )
    parts = {
        "meeting": rows_changed(Meeting.objects.filter(pk=pk)),
        "committee": rows_and_history(
            Committee.objects.filter(pk=committee_id), history_model(Committee).objects.filter(id=committee_id)
        ),
        "items": rows_and_history(items, history_model(AgendaItem).objects.filter(meeting_id=pk)),
        "motions": rows_and_history(motions, history_model(Motion).objects.filter(agenda_item__meeting_id=pk)),
        "attendance": rows_and_history(attendance, history_model(Attendance).objects.filter(meeting_id=pk)),
        "action_items": rows_changed(actions),
        "people": rows_changed(Person.objects.filter(named)),
        "organizations": rows_changed(Organization.objects.filter(pk__in=attendance.values("organization"))),
        "dated_meetings": rows_changed(Meeting.objects.filter(dated)),
    }
    # Prefixed, so that no name meets one of the meeting's own fields or relations.
    return Meeting.objects.filter(pk=pk).order_by().values(**{f"input_{name}": part for name, part in parts.items()})
