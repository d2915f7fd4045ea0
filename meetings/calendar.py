"""A meeting as an iCalendar event: the feeds (meetings/views.py) and the agenda invitation (reminders/mail.py)
draw it here, so a calendar app sees one event whichever way the meeting reached it."""

import icalendar


def meeting_event(meeting, *, host, url):
    """The event of ``meeting``: its uid is stable per site (``host``), ``url`` is the meeting page's address."""
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("summary", meeting.name)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("dtstamp", meeting.updated_at)
    if meeting.place:
        event.add("location", meeting.place)
    event.add("url", url)
    return event
