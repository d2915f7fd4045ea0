from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("members/directory.csv", views.directory_csv, name="directory_csv"),
    path("members/organizations/", views.organization_list, name="organizations"),
    path("members/organizations/<int:pk>/", views.organization_detail, name="organization"),
    path("members/outreach/", views.outreach, name="outreach"),
    path("members/mous/<int:pk>/document/", views.mou_document, name="mou_document"),
    path("committees/", views.committee_list, name="committees"),
    path("committees/<slug:slug>/", views.committee_detail, name="committee"),
]
