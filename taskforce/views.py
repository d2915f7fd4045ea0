"""Project-wide pages: the dashboard, which gathers a panel from each app."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.shortcuts import render
from django.utils.translation import check_for_language
from django.utils.translation import gettext_lazy as _
from django.views import i18n
from django.views.decorators.http import require_POST

from . import permissions
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
    # The viewer's roles in the order Role declares them (a frozenset's order changes from process to process).
    roles = permissions.roles_of(request.user)
    viewer_roles = [role for role in permissions.Role if role in roles]
    return render(request, "dashboard.html", {"panels": _app_panels(request), "viewer_roles": viewer_roles})


@access(ANYONE)
def status(request):
    """A health check for load balancers, and the benchmark's floor: the base template and one round trip to the
    database (Django's own connection check, which the query log does not count)."""
    try:
        connection.ensure_connection()
        database_ok = connection.is_usable()
    except DatabaseError:
        database_ok = False
    return render(request, "status.html", {"database_ok": database_ok}, status=200 if database_ok else 503)


@access(ANYONE)
@require_POST
def set_language(request):
    """Django's set_language (the language cookie, then back to the page), and for a logged-in user the choice is
    also kept on the account, so that it follows them to another browser (accounts.User.language)."""
    language = request.POST.get("language", "")
    offered = language in dict(settings.LANGUAGES) and check_for_language(language)
    if not offered:
        # Django's view accepts any language it has a catalogue for (French, say); only the offered ones count here.
        request.POST = request.POST.copy()
        request.POST.pop("language", None)
    response = i18n.set_language(request)
    if offered and request.user.is_authenticated:
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response


def conflict(request, target=None):
    """django-concurrency's HANDLER409: a save refused by the database because someone else saved the record
    after the form checked its version; the refused save wrote nothing."""
    record = target._meta.verbose_name if target is not None else _("record")
    return render(request, "409.html", {"record": record}, status=409)
