"""The project's URLs: each app owns its own paths (see DESIGN.md, Pages)."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from . import views
from .permissions import ANYONE, access

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("status/", views.status, name="status"),
    # gettext() and friends for static/js, from the djangojs catalogues of the installed apps.
    # The language switcher in every page's header posts here (Django's set_language, which also keeps the choice
    # on a logged-in user's account).
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("jsi18n/", access(ANYONE)(JavaScriptCatalog.as_view()), name="javascript-catalog"),
    path("accounts/reminders/", include("reminders.urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("members.urls")),
    path("", include("meetings.urls")),
    path("", include("goals.urls")),
    path("", include("reports.urls")),
]

admin.site.site_header = "Task Force Operations"
admin.site.site_title = "Task Force Operations"
admin.site.index_title = "Registry and data entry"
