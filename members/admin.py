"""Admin for staff data entry in the registry: search, filters, autocomplete, inlines, history."""

import datetime

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from modeltranslation.utils import build_localized_fieldname
from simple_history.admin import SimpleHistoryAdmin

from taskforce.admin import NamedAutocompleteMixin, TabularInline, VersionedAdmin
from taskforce.spreadsheets import SafeCSV, UnreadableCSV

from .imports import OrganizationResource, PersonResource
from .models import (
    MOU,
    Committee,
    CommitteeRole,
    Membership,
    MembershipPolicy,
    Organization,
    PamphletDistribution,
    Person,
    Population,
    Service,
    ServiceCategory,
)
from .resource_forms import ServiceForm


class MembershipInline(TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["person", "organization"]
    fields = ["person", "organization", "role", "start_on", "end_on", "is_data_contact"]


class MOUInline(NamedAutocompleteMixin, admin.StackedInline):
    model = MOU
    extra = 0
    fields = ["status", ("sent_on", "signed_on", "expires_on"), "signatory", "document", "notes"]


class CommitteeRoleInline(TabularInline):
    model = CommitteeRole
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "start_on", "end_on"]


class RosterImportMixin(ImportExportMixin):
    """CSV import and export; a file that is not well-formed CSV is refused with the row and what to fix, and
    the preview lists each row by its line in the file with what the import would do."""

    import_template_name = "admin/members/import.html"

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, UnreadableCSV):
            form.add_error("import_file", str(e))
        elif isinstance(e, UnicodeDecodeError):
            # Guessing another encoding could change the letters of a name without anyone noticing.
            form.add_error(
                "import_file",
                _(
                    "This file is not saved as UTF-8 (Excel's plain “CSV” is Windows-1252), so accented names "
                    "could not be read. In Excel choose File > Save As > “CSV UTF-8 (comma delimited)”, "
                    "or in LibreOffice tick “Edit filter settings” and choose Unicode (UTF-8), then import "
                    "the new file. Nothing was imported."
                ),
            )
        else:
            super().add_data_read_fail_error_to_form(form, e)


@admin.register(Organization)
class OrganizationAdmin(RosterImportMixin, VersionedAdmin, SimpleHistoryAdmin):
    resource_classes = [OrganizationResource]
    formats = [SafeCSV]
    list_display = ["name", "acronym", "sector", "status", "outreach_stage", "joined_on"]
    list_filter = ["status", "sector", "outreach_stage"]
    search_fields = ["name", "acronym"]
    inlines = [MembershipInline, MOUInline]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "sector", "status", "website", "description", "version"]}),
        (_("Membership"), {"fields": ["joined_on", "left_on"]}),
        (_("Outreach (prospects)"), {"fields": ["outreach_stage", "outreach_notes"]}),
    ]


@admin.register(Person)
class PersonAdmin(RosterImportMixin, NamedAutocompleteMixin, SimpleHistoryAdmin):
    resource_classes = [PersonResource]
    formats = [SafeCSV]
    list_display = ["family_name", "given_name", "job_title", "email", "oriented_on", "user"]
    list_display_links = ["family_name", "given_name"]
    list_filter = ["oriented_on", "has_lived_experience"]
    search_fields = ["given_name", "family_name", "email", "memberships__organization__name"]
    autocomplete_fields = ["user"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["person", "organization", "role", "start_on", "end_on", "is_data_contact"]
    list_filter = ["role", "is_data_contact"]
    search_fields = ["person__given_name", "person__family_name", "organization__name"]
    autocomplete_fields = ["person", "organization"]
    list_select_related = ["person", "organization"]


@admin.register(Committee)
class CommitteeAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "meetings_are_public", "is_active", "position"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CommitteeRoleInline]


@admin.register(CommitteeRole)
class CommitteeRoleAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["person", "committee", "role", "start_on", "end_on"]
    list_filter = ["committee", "role"]
    search_fields = ["person__given_name", "person__family_name", "committee__name"]
    autocomplete_fields = ["person", "committee"]
    list_select_related = ["person", "committee"]


@admin.register(MOU)
class MOUAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["organization", "status", "sent_on", "signed_on", "expires_on", "signatory"]
    list_filter = ["status"]
    search_fields = ["organization__name", "signatory"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]
    date_hierarchy = "expires_on"


@admin.register(MembershipPolicy)
class MembershipPolicyAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "required_meetings", "window_meetings", "committee_meetings_count", "voting_rule"]

    def has_add_permission(self, request):
        return not MembershipPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


# --- Resource list ---


class VerifiedFilter(admin.SimpleListFilter):
    title = _("verified")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [("stale", _("Not in the last 12 months")), ("recent", _("In the last 12 months"))]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - datetime.timedelta(days=365)
        stale = Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=cutoff)
        if self.value() == "stale":
            return queryset.filter(stale)
        if self.value() == "recent":
            return queryset.exclude(stale)
        return queryset


def _in_each_language(*fields):
    """Per-language fieldsets, folded: staff fill in a language's texts where they have them."""
    return [
        (
            _("In %(language)s") % {"language": name},
            {
                "fields": [build_localized_fieldname(field, code) for field in fields],
                "description": _("Leave a text empty to show the English one, marked “(in English)”."),
                "classes": ["collapse"],
            },
        )
        for code, name in settings.LANGUAGES
        if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    ]


def _english(field):
    return build_localized_fieldname(field, settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


SERVICE_FIELDSETS = [
    (
        None,
        {
            "fields": [
                "organization",
                _english("name"),
                _english("description"),
                "categories",
                "populations",
                "languages",
                "version",
            ]
        },
    ),
    (_("Who it is for"), {"fields": [_english("eligibility"), ("minimum_age", "maximum_age"), _english("fees")]}),
    (
        _("How to reach it"),
        {"fields": [_english("how_to_refer"), "phone", "is_24_hour", "email", "url", _english("hours")]},
    ),
    (
        _("Location"),
        {
            "fields": ["location_is_confidential", "street_address", ("city", "state", "postal_code")],
            "description": _("Shelters: tick “confidential location” and leave the street address empty."),
        },
    ),
    (_("Publishing"), {"fields": ["visibility", "status", ("last_verified_on", "last_verified_by")]}),
    *_in_each_language(*Service.TRANSLATED_FIELDS),
]


class ServiceInline(NamedAutocompleteMixin, TranslationStackedInline):
    model = Service
    form = ServiceForm
    extra = 0
    show_change_link = True
    filter_horizontal = ["categories", "populations"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    _english("name"),
                    _english("description"),
                    "categories",
                    "populations",
                    "languages",
                    "version",
                ]
            },
        ),
        *SERVICE_FIELDSETS[1:],
    ]
    autocomplete_fields = ["last_verified_by"]


# TranslationAdmin: the English text is required where the field is, the other languages optional.
@admin.register(Service)
class ServiceAdmin(VersionedAdmin, TranslationAdmin, SimpleHistoryAdmin):
    form = ServiceForm
    list_display = ["name", "organization", "visibility", "status", "is_24_hour", "last_verified_on"]
    list_filter = ["categories", "populations", "visibility", "status", VerifiedFilter, "is_24_hour"]
    search_fields = ["name", "description", "organization__name"]
    autocomplete_fields = ["organization", "last_verified_by"]
    filter_horizontal = ["categories", "populations"]
    list_select_related = ["organization"]
    fieldsets = SERVICE_FIELDSETS
    actions = ["mark_verified_today"]

    @admin.action(description=_("Mark the selected services verified today"))
    def mark_verified_today(self, request, queryset):
        for service in queryset:
            service.mark_verified(by=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(count)d service marked verified today.", "%(count)d services marked verified today.", count)
            % {"count": count},
        )


TERM_FIELDS = [_english("name"), *(build_localized_fieldname("name", code) for code, _name in settings.LANGUAGES[1:])]


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(TranslationAdmin):
    list_display = ["name", "name_es", "name_zh_hant", "position"]
    list_editable = ["position"]
    search_fields = TERM_FIELDS
    prepopulated_fields = {"slug": [_english("name")]}


@admin.register(Population)
class PopulationAdmin(TranslationAdmin):
    list_display = ["name", "name_es", "name_zh_hant", "position"]
    list_editable = ["position"]
    search_fields = TERM_FIELDS
    prepopulated_fields = {"slug": [_english("name")]}


@admin.register(PamphletDistribution)
class PamphletDistributionAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["distributed_on", "organization", "quantity", "language", "where", "recorded_by"]
    list_filter = ["language", "distributed_on"]
    search_fields = ["organization__name", "where"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization", "recorded_by"]
    date_hierarchy = "distributed_on"
    readonly_fields = ["recorded_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


# Services are entered on their organization's page too.
OrganizationAdmin.inlines = [*OrganizationAdmin.inlines, ServiceInline]
