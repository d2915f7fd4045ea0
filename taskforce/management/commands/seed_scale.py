"""A deterministic synthetic data set the size of ten busy years, for benchmarks."""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from members.models import Organization
from taskforce.app_modules import app_modules


class Command(BaseCommand):
    help = "Load ten years of synthetic data in bulk (--scale 0.1 for a tenth). Needs an empty database."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, scale, seed, **options):
        if Organization.objects.exists():
            raise CommandError("seed_scale loads into an empty database; this one already has organizations.")
        rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
        started = time.monotonic()
        made = {}
        with transaction.atomic():
            for module in app_modules("scale"):
                app = module.__name__.split(".")[0]
                made[app] = module.seed(scale=scale, rng=rng, made=made, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Scale data (x{scale}) loaded in {time.monotonic() - started:.1f} s."))
