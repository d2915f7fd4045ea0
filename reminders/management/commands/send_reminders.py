"""The daily digest: run it every hour (cron, a systemd timer); it sends from REMINDER_HOUR on, once a day."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from reminders.mail import send_digests


class Command(BaseCommand):
    help = "Send each person's daily reminder digest (at most one a day; from REMINDER_HOUR, local time)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print who would get a digest; send nothing.")
        parser.add_argument(
            "--now", action="store_true", help="Send even before REMINDER_HOUR (still at most one digest a day)."
        )

    def handle(self, *args, dry_run=False, now=False, **options):
        moment = timezone.localtime()
        if not (now or dry_run) and moment.hour < settings.REMINDER_HOUR:
            self.stdout.write(f"Before {settings.REMINDER_HOUR}:00; nothing sent.")
            return
        sent = send_digests(moment.date(), dry_run=dry_run)
        for user, digest in sent:
            self.stdout.write(f"{'would send' if dry_run else 'sent'} to {user.email}: {len(digest)} item(s)")
            if dry_run:
                for name in digest.LISTS:
                    for entry in getattr(digest, name):
                        self.stdout.write(f"  {name}: {entry[1] if isinstance(entry, tuple) else entry}")
        self.stdout.write(f"{len(sent)} digest(s) {'to send' if dry_run else 'sent'}.")
