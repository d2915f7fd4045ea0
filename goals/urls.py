from django.urls import path

from . import views

app_name = "goals"

urlpatterns = [
    path("goals/", views.index, name="index"),
    path("goals/plan/edit/", views.plan_edit, name="plan_edit"),
    path("goals/new/", views.goal_new, name="goal_new"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/objectives/new/", views.objective_new, name="objective_new"),
    path("goals/objectives/<int:pk>/metrics/new/", views.metric_new, name="metric_new"),
    path("goals/metrics/<int:pk>/", views.metric, name="metric"),
    path("goals/metrics/<int:pk>/measurements.csv", views.metric_csv, name="metric_csv"),
    path("goals/metrics/<int:pk>/measurements/new/", views.measurement_new, name="measurement_new"),
    path("goals/metrics/<int:pk>/edit/", views.metric_edit, name="metric_edit"),
    path("goals/metrics/<int:pk>/from-pamphlets/", views.update_from_pamphlets, name="update_from_pamphlets"),
    path("goals/measurements/<int:pk>/edit/", views.measurement_edit, name="measurement_edit"),
    path("goals/objectives/<int:pk>/edit/", views.objective_edit, name="objective_edit"),
    path("goals/items/<int:pk>/", views.item, name="item"),
    path("goals/items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("goals/items/<int:pk>/progress/", views.item_progress, name="item_progress"),
    path("committees/<slug:slug>/workplan/", views.workplan, name="workplan"),
    path("committees/<slug:slug>/workplan/new/", views.workplan_new, name="workplan_new"),
    path("committees/<slug:slug>/workplan/items/new/", views.item_new, name="item_new"),
]
