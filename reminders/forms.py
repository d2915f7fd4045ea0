from django import forms

from .models import ReminderPreference


class ReminderPreferenceForm(forms.ModelForm):
    """Which reminders the login gets by email (drawn with crispy-bootstrap5 in the template)."""

    class Meta:
        model = ReminderPreference
        fields = ["daily_digest", "agenda_published"]
