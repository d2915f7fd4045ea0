"""Background work of the reminders (Django's tasks framework; `manage.py db_worker` runs it)."""

from django.db import transaction
from django.tasks import task

from . import mail


@task
def send_agenda_published(meeting_id: int) -> None:
    mail.send_agenda_published(meeting_id)


def announce_agenda(meeting):
    """Queue the committee's message about the meeting's published agenda, once the publishing is saved."""
    transaction.on_commit(lambda: send_agenda_published.enqueue(meeting_id=meeting.pk))
