from django.urls import path

from taskforce.permissions import REMINDER_PREFERENCES, UNSUBSCRIBE_LINK, access

from . import views

app_name = "reminders"

urlpatterns = [
    path("", access(REMINDER_PREFERENCES)(views.preferences), name="preferences"),
    path("unsubscribe/<str:token>/", access(UNSUBSCRIBE_LINK)(views.unsubscribe), name="unsubscribe"),
]
