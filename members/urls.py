from django.urls import path

from . import resource_views, views

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
    # The resource list of services for survivors.
    path("resources/", resource_views.resource_list, name="resources"),
    path("resources/pamphlet.pdf", resource_views.pamphlet, name="pamphlet"),
    path("resources/pamphlet/status/", resource_views.pamphlet_status, name="pamphlet_status"),
    path("resources/hsds.json", resource_views.hsds_export, name="hsds"),
    path("resources/pamphlets/", resource_views.pamphlet_distributions, name="pamphlet_distributions"),
    path("resources/<int:pk>/", resource_views.service_detail, name="service"),
    path("resources/<int:pk>/verify/", resource_views.service_verify, name="service_verify"),
]
