"""Admin for staff data entry in the registry: search, filters, autocomplete, inlines, history."""

from django.contrib import admin
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV
from simple_history.admin import SimpleHistoryAdmin

from .imports import OrganizationResource, PersonResource
from .models import MOU, Committee, CommitteeRole, Membership, MembershipPolicy, Organization, Person


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["person", "organization"]
    fields = ["person", "organization", "role", "start_on", "end_on", "is_data_contact"]


class MOUInline(admin.StackedInline):
    model = MOU
    extra = 0
    fields = ["status", ("sent_on", "signed_on", "expires_on"), "signatory", "document", "notes"]


class CommitteeRoleInline(admin.TabularInline):
    model = CommitteeRole
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "start_on", "end_on"]


@admin.register(Organization)
class OrganizationAdmin(ImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [OrganizationResource]
    formats = [CSV]
    list_display = ["name", "acronym", "sector", "status", "outreach_stage", "joined_on"]
    list_filter = ["status", "sector", "outreach_stage"]
    search_fields = ["name", "acronym"]
    inlines = [MembershipInline, MOUInline]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "sector", "status", "website", "description"]}),
        ("Membership", {"fields": ["joined_on", "left_on"]}),
        ("Outreach (prospects)", {"fields": ["outreach_stage", "outreach_notes"]}),
    ]


@admin.register(Person)
class PersonAdmin(ImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [PersonResource]
    formats = [CSV]
    list_display = ["family_name", "given_name", "job_title", "email", "oriented_on", "user"]
    list_display_links = ["family_name", "given_name"]
    list_filter = ["oriented_on", "has_lived_experience"]
    search_fields = ["given_name", "family_name", "email", "memberships__organization__name"]
    autocomplete_fields = ["user"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "organization", "role", "start_on", "end_on", "is_data_contact"]
    list_filter = ["role", "is_data_contact"]
    search_fields = ["person__given_name", "person__family_name", "organization__name"]
    autocomplete_fields = ["person", "organization"]
    list_select_related = ["person", "organization"]


@admin.register(Committee)
class CommitteeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "meetings_are_public", "is_active", "position"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CommitteeRoleInline]


@admin.register(CommitteeRole)
class CommitteeRoleAdmin(SimpleHistoryAdmin):
    list_display = ["person", "committee", "role", "start_on", "end_on"]
    list_filter = ["committee", "role"]
    search_fields = ["person__given_name", "person__family_name", "committee__name"]
    autocomplete_fields = ["person", "committee"]
    list_select_related = ["person", "committee"]


@admin.register(MOU)
class MOUAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "status", "sent_on", "signed_on", "expires_on", "signatory"]
    list_filter = ["status"]
    search_fields = ["organization__name", "signatory"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]
    date_hierarchy = "expires_on"


@admin.register(MembershipPolicy)
class MembershipPolicyAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "required_meetings", "window_meetings", "committee_meetings_count", "voting_rule"]

    def has_add_permission(self, request):
        return not MembershipPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
