"""Dump the whole database (pg_dump, custom format) into a timestamped file."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from ._pg import run


class Command(BaseCommand):
    help = "Back up the database with pg_dump into backups/ (or --output DIR)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "backups"))

    def handle(self, *args, output, **options):
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"taskforce-{timezone.now():%Y%m%d-%H%M%S}.dump"
        run("pg_dump", "--format=custom", "--no-owner", f"--file={target}")
        self.stdout.write(str(target))
