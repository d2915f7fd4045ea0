"""Restore a dump made by `manage.py backup`, replacing what the database holds."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ._pg import run


class Command(BaseCommand):
    help = "Restore the database from a pg_dump file (replaces every table it contains)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        if not Path(file).is_file():
            raise CommandError(f"No backup file at {file}.")
        run(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--dbname",
            connection.settings_dict["NAME"],
            file,
        )
        self.stdout.write(self.style.SUCCESS(f"Restored {file}."))
