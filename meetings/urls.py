from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/new/", views.meeting_create, name="create"),
    path("meetings/calendar.ics", views.calendar_feed, name="calendar"),
    path("meetings/calendar/<slug:slug>.ics", views.committee_calendar, name="committee_calendar"),
    path("meetings/calendar/private/<str:token>.ics", views.private_calendar, name="private_calendar"),
    path(
        "meetings/calendar/private/<str:token>/<slug:slug>.ics",
        views.private_committee_calendar,
        name="private_committee_calendar",
    ),
    path("meetings/calendar/link/", views.calendar_link_create, name="calendar_link_create"),
    path("meetings/calendar/link/revoke/", views.calendar_link_revoke, name="calendar_link_revoke"),
    path("meetings/people/", views.people_search, name="people_search"),
    path("meetings/organizations/", views.organization_search, name="organization_search"),
    path("meetings/attendance-report/", views.attendance_report, name="attendance_report"),
    path("meetings/<int:pk>/", views.meeting_detail, name="detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("meetings/<int:pk>/publish/", views.publish_agenda, name="publish_agenda"),
    path("meetings/<int:pk>/actions/<int:item_pk>/", views.close_action_item, name="close_action_item"),
    path("meetings/<int:pk>/documents/new/", views.document_add, name="document_add"),
    path("meetings/<int:pk>/packet.pdf", views.packet_pdf, name="packet"),
    path("meetings/<int:pk>/packet/status/", views.packet_status, name="packet_status"),
    path("meetings/documents/<int:pk>/", views.document_download, name="document"),
    path("meetings/documents/<int:pk>/visibility/", views.document_visibility, name="document_visibility"),
    path("meetings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("meetings/<int:pk>/attendance/guest/", views.add_guest, name="add_guest"),
    path("meetings/<int:pk>/minutes/", views.minutes, name="minutes"),
    path("meetings/<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("meetings/<int:pk>/minutes/edit/", views.minutes_edit, name="minutes_edit"),
    path("meetings/<int:pk>/minutes/items/<int:item_pk>/edit/", views.minutes_item_edit, name="minutes_item_edit"),
    path(
        "meetings/<int:pk>/minutes/items/<int:item_pk>/blank/<str:kind>/",
        views.minutes_blank_row,
        name="minutes_blank_row",
    ),
    # The meeting's action items of no agenda item: the item page's action items, without an item.
    path("meetings/<int:pk>/minutes/actions/edit/", views.minutes_item_edit, name="minutes_actions_edit"),
    path(
        "meetings/<int:pk>/minutes/actions/blank/",
        views.minutes_blank_row,
        {"kind": "actions"},
        name="minutes_actions_blank_row",
    ),
    path("actions/", views.action_items, name="actions"),
    path("actions/<int:pk>/status/", views.action_item_status, name="action_item_status"),
    path("members/eligibility/", views.eligibility, name="eligibility"),
]
