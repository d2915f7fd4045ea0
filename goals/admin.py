"""Admin for staff: the plan's goals and objectives, work plans with their items, metrics with figures."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from taskforce.admin import NamedAutocompleteMixin, TabularInline, VersionedAdmin
from taskforce.versions import VersionedModelForm

from .models import Goal, Measurement, Metric, Objective, ProgressUpdate, StrategicPlan, WorkPlan, WorkPlanItem


class ObjectiveInline(NamedAutocompleteMixin, admin.StackedInline):
    model = Objective
    form = VersionedModelForm
    fk_name = "goal"
    extra = 0
    fields = [
        "version",
        "position",
        "title",
        "committees",
        "also_serves",
        ("ease", "importance", "status"),
        ("start_on", "due_on"),
    ]
    filter_horizontal = ["committees", "also_serves"]


@admin.register(Goal)
class GoalAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["number", "title"]
    search_fields = ["title", "description"]
    inlines = [ObjectiveInline]


class MetricInline(TabularInline):
    model = Metric
    form = VersionedModelForm
    extra = 0
    fields = [
        "version",
        "position",
        "name",
        "unit",
        "counts_people",
        "direction",
        "breakdown_by",
        "baseline",
        "target",
        "target_on",
    ]


@admin.register(Objective)
class ObjectiveAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["title", "goal", "ease", "importance", "status", "due_on"]
    list_filter = ["goal", "ease", "importance", "status", "committees"]
    search_fields = ["title", "description"]
    filter_horizontal = ["committees", "also_serves"]
    list_select_related = ["goal"]
    inlines = [MetricInline]


class WorkPlanItemInline(TabularInline):
    model = WorkPlanItem
    form = VersionedModelForm
    extra = 1
    autocomplete_fields = ["owner"]
    fields = ["version", "position", "title", "objective", "owner", "start_on", "due_on", "status", "percent_done"]


@admin.register(WorkPlan)
class WorkPlanAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["title", "committee", "starts_on", "ends_on"]
    list_filter = ["committee"]
    search_fields = ["title", "committee__name"]
    list_select_related = ["committee"]
    inlines = [WorkPlanItemInline]


class ProgressUpdateInline(TabularInline):
    model = ProgressUpdate
    extra = 0
    fields = ["text", "author", "created_at"]
    autocomplete_fields = ["author"]


@admin.register(WorkPlanItem)
class WorkPlanItemAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["title", "work_plan", "owner", "due_on", "status", "percent_done"]
    list_filter = ["status", "work_plan__committee"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["owner"]
    list_select_related = ["work_plan__committee", "owner"]
    inlines = [ProgressUpdateInline]


class MeasurementInline(TabularInline):
    model = Measurement
    form = VersionedModelForm
    extra = 1
    autocomplete_fields = ["source"]
    fields = ["version", "period_start", "period_end", "period_label", "breakdown", "value", "source", "is_sample"]


@admin.register(Metric)
class MetricAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["name", "objective", "unit", "counts_people", "direction", "target", "target_on"]
    list_filter = ["direction", "counts_people"]
    search_fields = ["name", "unit"]
    list_select_related = ["objective"]
    inlines = [MeasurementInline]


@admin.register(StrategicPlan)
class StrategicPlanAdmin(VersionedAdmin, SimpleHistoryAdmin):
    fields = ["mission", "vision", "definition", "version"]

    def has_add_permission(self, request):
        return not StrategicPlan.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
