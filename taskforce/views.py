"""Project-wide pages: the dashboard, which gathers a panel from each app."""

from django.db import connection
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .app_modules import app_modules
from .permissions import ANYONE, access


def _app_panels(request, name="panels"):
    """Each app's dashboard.panels(request) (or, for a visitor not logged in, public_panels), in app order."""
    return [
        panel
        for module in app_modules("dashboard")
        if hasattr(module, name)
        for panel in getattr(module, name)(request)
    ]


@access(ANYONE)
def dashboard(request):
    if not request.user.is_authenticated:
        return render(request, "dashboard.html", {"panels": _app_panels(request, "public_panels")})
    return render(request, "dashboard.html", {"panels": _app_panels(request)})


@access(ANYONE)
def status(request):
    """A health check for load balancers, and the benchmark's floor: the base template and one query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        database_ok = cursor.fetchone() == (1,)
    return render(request, "status.html", {"database_ok": database_ok}, status=200 if database_ok else 503)


def conflict(request, target=None):
    """django-concurrency's HANDLER409: a save refused by the database because someone else saved the record
    after the form checked its version; the refused save wrote nothing."""
    record = target._meta.verbose_name if target is not None else _("record")
    return render(request, "409.html", {"record": record}, status=409)
