"""When the daily digest goes out: REMINDER_HOUR o'clock of the task force's day (TIME_ZONE), read on the wall
clock, so it stays at that hour when daylight saving time begins or ends."""

import datetime

from django.conf import settings
from django.utils import timezone


def digest_day(moment=None):
    """The local day whose digest may go out at ``moment`` (now by default): that day from REMINDER_HOUR on,
    None before it. The one place the hour is checked: the scheduled job and `send_reminders` both ask here."""
    local = timezone.localtime(moment)
    return local.date() if local.hour >= settings.REMINDER_HOUR else None


def next_digest_at(after=None):
    """The first REMINDER_HOUR:00 of the task force's day strictly after ``after`` (now by default), as an aware
    datetime. The hour is taken on the local wall clock of that day, so across a change of the clocks the gap is
    23 or 25 hours. Should the hour not exist that day (the clocks skip it), zoneinfo reads it with the offset
    before the change, which lands an hour later on the wall clock, never twice."""
    after = after or timezone.now()
    zone = timezone.get_current_timezone()
    day = timezone.localtime(after, zone).date()
    while True:
        candidate = datetime.datetime.combine(day, datetime.time(settings.REMINDER_HOUR), tzinfo=zone)
        # Compared in UTC: two datetimes of one zone compare by wall clock, which repeats an hour in the autumn.
        if candidate.astimezone(datetime.UTC) > after.astimezone(datetime.UTC):
            return candidate
        day += datetime.timedelta(days=1)
