"""Load the demo task force from shared/seeds and one demo user per role (idempotent)."""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from taskforce.views import DASHBOARD_APPS


class Command(BaseCommand):
    help = "Load the demo data and demo users. Safe to run again: it updates, never duplicates."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app in DASHBOARD_APPS:
                try:
                    module = importlib.import_module(f"{app}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app}.demo":
                        raise
                    continue
                module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
