app_name = "members"

urlpatterns = []

# --- Resource list ---
from django.urls import path  # noqa: E402

from . import resource_views  # noqa: E402

urlpatterns += [
    path("resources/", resource_views.resource_list, name="resources"),
    path("resources/pamphlet.pdf", resource_views.pamphlet, name="pamphlet"),
    path("resources/hsds.json", resource_views.hsds_export, name="hsds"),
    path("resources/pamphlets/", resource_views.pamphlet_distributions, name="pamphlet_distributions"),
    path("resources/<int:pk>/", resource_views.service_detail, name="service"),
    path("resources/<int:pk>/verify/", resource_views.service_verify, name="service_verify"),
]
