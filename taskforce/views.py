"""Project-wide pages: the dashboard, which gathers a panel from each app."""

from django.db import connection
from django.shortcuts import render
from django.template.loader import render_to_string

from . import dataversion
from .app_modules import app_modules
from .permissions import ANYONE, access, roles_of


def _app_panels(request):
    """Each app's dashboard.panels(request), in app order."""
    return [panel for module in app_modules("dashboard") for panel in module.panels(request)]


@access(ANYONE)
def dashboard(request):
    user = request.user
    if not user.is_authenticated:
        return render(request, "dashboard.html")

    def draw():
        panels = _app_panels(request)
        html = render_to_string("_dashboard_panels.html", {"panels": panels}, request=request)
        # A panel that changes with time (a meeting ends) says when; dates move on at midnight.
        moments = [panel["valid_until"] for panel in panels if panel.get("valid_until")]
        return html, min([*moments, dataversion.next_midnight()])

    # The panels hold a form whose CSRF token is tied to this browser's secret (get_token makes one if
    # the browser has none yet): the secret is part of the key, so nobody gets another's token.
    variant = (user.pk, user.is_staff, user.is_superuser, sorted(roles_of(user)), dataversion.csrf_secret(request))
    panels_html = dataversion.cached_html("dashboard", variant, draw)
    return render(request, "dashboard.html", {"panels_html": panels_html})


@access(ANYONE)
def status(request):
    """A health check for load balancers, and the benchmark's floor: the base template and one query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        database_ok = cursor.fetchone() == (1,)
    return render(request, "status.html", {"database_ok": database_ok}, status=200 if database_ok else 503)
