"""Admin for the annual report: years, categories, narratives (with the case-summary scan), recommendations."""

from django.contrib import admin, messages
from django.template.loader import render_to_string
from django.utils.translation import gettext, gettext_lazy, ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from taskforce.admin import NamedAutocompleteMixin, TabularInline, VersionedAdmin

from .models import AgencySubmission, BreakdownCategory, Narrative, Recommendation, ReportingYear, SubmissionCount
from .scan import clear_case_summaries, rescan_narrative


@admin.register(ReportingYear)
class ReportingYearAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["year", "state", "due_on", "k", "public_after_publish", "published_at"]
    list_filter = ["state"]
    fields = ["year", "state", "due_on", "k", "public_after_publish", "definition", "about_text", "published_at"]


@admin.register(BreakdownCategory)
# TranslationAdmin: the English name is required, the other languages optional (docs/translations.md).
class BreakdownCategoryAdmin(NamedAutocompleteMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "dimension", "position", "is_active"]
    list_filter = ["dimension", "is_active"]
    list_editable = ["position", "is_active"]
    search_fields = ["name"]


class SubmissionCountInline(TabularInline):
    model = SubmissionCount
    extra = 0
    fields = ["category", "value"]
    autocomplete_fields = ["category"]


@admin.register(AgencySubmission)
class AgencySubmissionAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["organization", "reporting_year", "state", "total_identified", "counts_toward_totals"]
    list_filter = ["reporting_year", "state", "counts_toward_totals"]
    search_fields = ["organization__name"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization", "reporting_year"]
    readonly_fields = ["submitted_by", "submitted_at", "accepted_by", "accepted_at"]
    inlines = [SubmissionCountInline]


@admin.register(Recommendation)
class RecommendationAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["number", "reporting_year", "responsible_entity", "progress"]
    list_filter = ["reporting_year", "progress"]
    search_fields = ["description", "responsible_entity"]


@admin.register(Narrative)
class NarrativeAdmin(NamedAutocompleteMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "reporting_year", "kind", "flag_count", "cleared_at"]
    list_filter = ["reporting_year", "kind", ("cleared_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "text"]
    autocomplete_fields = ["organization"]
    readonly_fields = ["scan_findings", "cleared_by", "cleared_at"]
    fields = [
        "reporting_year",
        "kind",
        "title",
        "text",
        "organization",
        "position",
        "scan_findings",
        "cleared_by",
        "cleared_at",
    ]
    actions = ["clear_for_report"]

    @admin.display(description=gettext_lazy("scan findings"))
    def flag_count(self, obj):
        return len(obj.scan_flags) if obj.kind == Narrative.Kind.CASE_SUMMARY else "–"

    @admin.display(description=gettext_lazy("scan findings"))
    def scan_findings(self, obj):
        if not obj.scan_flags:
            return gettext("Nothing found.") if obj.pk else gettext("Scanned when saved.")
        return render_to_string("admin/reports/narrative/_scan_findings.html", {"flags": obj.scan_flags})

    def save_model(self, request, obj, form, change):
        rescan_narrative(narrative=obj, text_changed="text" in form.changed_data or "title" in form.changed_data)
        super().save_model(request, obj, form, change)
        if obj.scan_flags:
            found = len(obj.scan_flags)
            messages.warning(
                request,
                ngettext(
                    "The scan found %(found)d thing that may identify someone.",
                    "The scan found %(found)d things that may identify someone.",
                    found,
                )
                % {"found": found},
            )

    @admin.action(description=gettext_lazy("Clear the selected case summaries for the report"))
    def clear_for_report(self, request, queryset):
        cleared = clear_case_summaries(narratives=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%(count)d case summary cleared.", "%(count)d case summaries cleared.", cleared)
            % {"count": cleared},
        )
