"""Project-wide pages: the dashboard, which gathers a panel from each app."""

import importlib

from django.db import connection
from django.shortcuts import render

from .permissions import ANYONE, access

# Apps, in the order their panels appear; each may offer dashboard.panels(request).
DASHBOARD_APPS = ["members", "meetings", "goals", "reports"]


def _app_panels(request):
    panels = []
    for app in DASHBOARD_APPS:
        try:
            module = importlib.import_module(f"{app}.dashboard")
        except ModuleNotFoundError as error:
            if error.name != f"{app}.dashboard":
                raise
            continue
        panels.extend(module.panels(request))
    return panels


@access(ANYONE)
def dashboard(request):
    panels = _app_panels(request) if request.user.is_authenticated else []
    return render(request, "dashboard.html", {"panels": panels})


@access(ANYONE)
def status(request):
    """A health check for load balancers, and the benchmark's floor: the base template and one query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        database_ok = cursor.fetchone() == (1,)
    return render(request, "status.html", {"database_ok": database_ok}, status=200 if database_ok else 503)
