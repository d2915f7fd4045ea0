"""The project's URLs: each app owns its own paths (see DESIGN.md, Pages)."""

from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("status/", views.status, name="status"),
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
