"""Log filters: a private calendar link's secret never reaches a log line (Django logs the path of every 404)."""

import logging
import re

# The secret is the path segment after /meetings/calendar/private/ (meetings/urls.py), URL-safe base64.
PRIVATE_CALENDAR_SECRET = re.compile(r"(/meetings/calendar/private/)[A-Za-z0-9_-]+")


class HidePrivateCalendarLinks(logging.Filter):
    """Replace the secret of a private calendar link in a record's message with "[hidden]"."""

    def filter(self, record):
        message = record.getMessage()
        hidden = PRIVATE_CALENDAR_SECRET.sub(r"\1[hidden]", message)
        if hidden != message:
            record.msg, record.args = hidden, ()
        return True
