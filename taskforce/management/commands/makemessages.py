"""Django's makemessages, also reading the SVG templates (templates/goals/_metric_chart.svg, _timeline.svg).

Django reads only .html, .txt and .py files unless told ``--extension``; the charts' SVG templates mark their
words with {% translate %} like any template, and the published annual report draws the metric charts, so
their words must reach the catalogues with the command as docs/architecture.md gives it.
"""

from django.core.management.commands import makemessages

EXTENSIONS = ["html", "txt", "py", "svg"]


class Command(makemessages.Command):
    def handle(self, *args, **options):
        if options.get("domain", "django") == "django" and not options.get("extensions"):
            options["extensions"] = EXTENSIONS
        return super().handle(*args, **options)
