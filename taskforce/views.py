"""Project-wide pages: the dashboard, which gathers a panel from each app."""

from django.db import connection
from django.shortcuts import render

from .app_modules import app_modules
from .permissions import ANYONE, access


def _app_panels(request):
    """Each app's dashboard.panels(request), in app order."""
    return [panel for module in app_modules("dashboard") for panel in module.panels(request)]


@access(ANYONE)
def dashboard(request):
    if not request.user.is_authenticated:
        return render(request, "dashboard.html")
    return render(request, "dashboard.html", {"panels": _app_panels(request)})


@access(ANYONE)
def status(request):
    """A health check for load balancers, and the benchmark's floor: the base template and one query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        database_ok = cursor.fetchone() == (1,)
    return render(request, "status.html", {"database_ok": database_ok}, status=200 if database_ok else 503)
