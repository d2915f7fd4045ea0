"""The daily digest by hand. The background worker sends it every day on its own (reminders/tasks.py, queued by
`manage.py schedule_reminders`); this command sends the same digests, through the same rules, now."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from reminders.mail import send_digests
from reminders.schedule import digest_day


class Command(BaseCommand):
    help = "Send each person's daily reminder digest (at most one a day; from REMINDER_HOUR, local time)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print who would get a digest; send nothing.")
        parser.add_argument(
            "--now", action="store_true", help="Send even before REMINDER_HOUR (still at most one digest a day)."
        )

    def handle(self, *args, dry_run=False, now=False, **options):
        day = timezone.localdate() if (now or dry_run) else digest_day()
        if day is None:
            self.stdout.write(f"Before {settings.REMINDER_HOUR}:00; nothing sent.")
            return
        sent = send_digests(day, dry_run=dry_run)
        for user, digest in sent:
            self.stdout.write(f"{'would send' if dry_run else 'sent'} to {user.email}: {len(digest)} item(s)")
            if dry_run:
                for name in digest.LISTS:
                    for entry in getattr(digest, name):
                        self.stdout.write(f"  {name}: {entry[1] if isinstance(entry, tuple) else entry}")
        self.stdout.write(f"{len(sent)} digest(s) {'to send' if dry_run else 'sent'}.")
