from django.contrib import admin

from .models import ReminderPreference, ReminderSent


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "daily_digest", "agenda_published"]
    search_fields = ["user__username", "user__email"]


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "day", "items", "sent_at"]
    list_filter = ["kind", "day"]
    date_hierarchy = "day"
