"""Admin for fixes and bulk entry; the weekly work happens on the meeting pages."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from taskforce.admin import NamedAutocompleteMixin, TabularInline, VersionedAdmin

from .models import ActionItem, AgendaItem, Attendance, CalendarToken, Meeting, MeetingDocument, Motion
from .packet import queue_after_commit


class AgendaItemInline(NamedAutocompleteMixin, admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = [("position", "title", "kind"), ("presenters", "duration_minutes"), "description", "minutes"]
    show_change_link = True


class AttendanceInline(TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person", "organization"]
    fields = ["person", "organization", "status", "role"]


class ActionItemInline(TabularInline):
    model = ActionItem
    extra = 0
    fk_name = "meeting"
    autocomplete_fields = ["owner"]
    fields = ["description", "owner", "committee", "due_on", "status"]


@admin.register(Meeting)
class MeetingAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "committee", "starts_at", "status", "is_public", "agenda_state", "minutes_state"]
    list_filter = ["committee", "status", "is_public", "agenda_state", "minutes_state"]
    search_fields = ["title", "committee__name", "location"]
    date_hierarchy = "starts_at"
    list_select_related = ["committee"]
    autocomplete_fields = ["minutes_approved_at"]
    inlines = [AgendaItemInline, AttendanceInline, ActionItemInline]
    fieldsets = [
        (None, {"fields": ["committee", "title", ("starts_at", "ends_at"), "status", "is_public", "version"]}),
        (_("Place"), {"fields": ["location", "address", "online_link"]}),
        (_("Agenda and minutes"), {"fields": ["agenda_state", "minutes_state", "minutes_approved_at"]}),
        (_("Closing"), {"fields": ["announcements", "next_meeting_note"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        queue_after_commit(form.instance.pk)  # a published agenda's packets follow what staff fix here


class MotionInline(TabularInline):
    model = Motion
    extra = 0
    autocomplete_fields = ["moved_by", "seconded_by", "approves_minutes_of"]
    fields = [
        "text",
        "moved_by",
        "seconded_by",
        "result",
        "yes_count",
        "no_count",
        "abstain_count",
        "approves_minutes_of",
    ]


@admin.register(AgendaItem)
class AgendaItemAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["title", "meeting", "position", "kind"]
    list_filter = ["kind", "meeting__committee"]
    search_fields = ["title", "minutes"]
    list_select_related = ["meeting__committee"]
    raw_id_fields = ["meeting", "parent"]
    inlines = [MotionInline]


@admin.register(Motion)
class MotionAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["text", "agenda_item", "moved_by", "seconded_by", "result"]
    list_filter = ["result"]
    search_fields = ["text"]
    list_select_related = ["agenda_item", "moved_by", "seconded_by"]
    raw_id_fields = ["agenda_item"]
    autocomplete_fields = ["moved_by", "seconded_by", "approves_minutes_of"]


@admin.register(Attendance)
class AttendanceAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["person", "organization", "meeting", "status", "role"]
    list_filter = ["status", "role", "meeting__committee"]
    search_fields = ["person__given_name", "person__family_name", "organization__name"]
    list_select_related = ["person", "organization", "meeting__committee"]
    autocomplete_fields = ["person", "organization", "meeting"]


@admin.register(ActionItem)
class ActionItemAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["description", "owner", "committee", "due_on", "status"]
    list_filter = ["status", "committee"]
    search_fields = ["description", "owner__given_name", "owner__family_name"]
    list_select_related = ["owner", "committee"]
    autocomplete_fields = ["owner", "meeting"]
    raw_id_fields = ["agenda_item"]


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    """Who has a private calendar link, and revoking one (a member who leaves); links are made on the dashboard."""

    list_display = ["user", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    fields = readonly_fields = ["user", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Revoke the selected links")
    def revoke(self, request, queryset):
        queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


@admin.register(MeetingDocument)
class MeetingDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "meeting", "agenda_item", "visibility", "added_at"]
    list_filter = ["visibility"]
    search_fields = ["title"]
    raw_id_fields = ["meeting", "agenda_item", "added_by"]
    readonly_fields = ["file", "added_by", "added_at"]

    def delete_queryset(self, request, queryset):
        """The bulk delete skips MeetingDocument.delete: the packets of the meetings are queued here instead."""
        meeting_ids = set(queryset.values_list("meeting_id", flat=True))
        super().delete_queryset(request, queryset)
        for meeting_id in meeting_ids:
            queue_after_commit(meeting_id)

    def has_add_permission(self, request):
        return False  # added from the meeting's page, whose form checks the file's content and the uploader
