"""Background work of the reminders (Django's tasks framework; `manage.py db_worker` runs it).

The daily digest is a job in the worker's database queue that, each time it runs, first queues itself again for the
next REMINDER_HOUR (reminders/schedule.py), then sends the day's digests. `manage.py schedule_reminders` queues the
first one (on deploy; `make run` does it before starting the worker). At most one digest job waits in the queue: a
job that finds one waiting queues nothing. A worker that was down past the hour runs the waiting job once when it
comes back; the record per login and day (ReminderSent) keeps a second run on the same day from sending again."""

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from . import mail, schedule


@task
def send_agenda_published(meeting_id: int) -> None:
    mail.send_agenda_published(meeting_id)


def announce_agenda(meeting):
    """Queue the committee's message about the meeting's published agenda, once the publishing is saved."""
    transaction.on_commit(lambda: send_agenda_published.enqueue(meeting_id=meeting.pk))


@task
def send_daily_digests() -> int:
    """The daily job: queue tomorrow's run first (so a failed send never ends the chain), then send the day's
    digests, or nothing if the worker runs it before REMINDER_HOUR (back from a night off). Returns how many went."""
    schedule_daily_digests()
    day = schedule.digest_day()
    if day is None:
        return 0
    return len(mail.send_digests(day))


def pending_digest_jobs():
    """The digest jobs waiting in the queue, the first to run first."""
    return DBTaskResult.objects.filter(
        task_path=send_daily_digests.module_path, status=TaskResultStatus.READY
    ).order_by("run_after", "enqueued_at")


def schedule_daily_digests(after=None):
    """Make sure one digest job waits in the queue, and return when it runs. If one waits already, nothing is
    queued (should two ever wait, the later ones are dropped); otherwise one is queued for the next REMINDER_HOUR
    after ``after`` (now by default)."""
    if not isinstance(send_daily_digests.get_backend(), DatabaseBackend):
        raise ImproperlyConfigured("The daily digest is scheduled in the database queue (django_tasks_db).")
    with transaction.atomic():
        # Locking the waiting jobs keeps a concurrent call from dropping the one this call keeps.
        waiting = list(pending_digest_jobs().select_for_update())
        if waiting:
            DBTaskResult.objects.filter(pk__in=[job.pk for job in waiting[1:]]).delete()
            return waiting[0].run_after
        run_after = schedule.next_digest_at(after)
        send_daily_digests.using(run_after=run_after).enqueue()
    return run_after
