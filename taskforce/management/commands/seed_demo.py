"""Load the demo task force from shared/seeds and one demo user per role (idempotent)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from taskforce.app_modules import app_modules


class Command(BaseCommand):
    help = "Load the demo data and demo users. Safe to run again: it updates, never duplicates."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module in app_modules("demo"):
                module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
