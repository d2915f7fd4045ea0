"""Queue the daily digest job in the background worker's queue, once: run it on every deploy (`make run` does it
before starting the worker). Running it again changes nothing while a digest job waits."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reminders.tasks import schedule_daily_digests


class Command(BaseCommand):
    help = "Queue the daily reminder digest in the background worker for the next REMINDER_HOUR (idempotent)."

    def handle(self, *args, **options):
        try:
            run_after = schedule_daily_digests()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        when = timezone.localtime(run_after).strftime("%Y-%m-%d %H:%M %Z")
        self.stdout.write(f"The daily digest runs in the background worker next at {when}.")
