"""The meetings admin opens for staff: lists, search, a change form with its inlines, and history."""

import pytest
from django.urls import reverse

from meetings.models import ActionItem, AgendaItem, Attendance, Motion

pytestmark = pytest.mark.django_db


def test_admin_pages_open(world, make_meeting, client_as):
    meeting = make_meeting()
    item = AgendaItem.objects.create(meeting=meeting, title="Review of minutes")
    motion = Motion.objects.create(agenda_item=item, text="Adopt", moved_by=world.member, seconded_by=world.cochair)
    attendance = Attendance.objects.create(meeting=meeting, person=world.member, organization=world.shelter)
    action = ActionItem.objects.create(
        meeting=meeting, committee=world.task_force, description="Call", owner=world.member
    )
    world.staff.user.is_superuser = True  # the demo's staff login; model permissions are the admin's business
    world.staff.user.save()
    client = client_as("staff")
    for model, obj in [
        ("meeting", meeting),
        ("agendaitem", item),
        ("motion", motion),
        ("attendance", attendance),
        ("actionitem", action),
    ]:
        assert client.get(reverse(f"admin:meetings_{model}_changelist") + "?q=a").status_code == 200
        assert client.get(reverse(f"admin:meetings_{model}_change", args=[obj.pk])).status_code == 200
        assert client.get(reverse(f"admin:meetings_{model}_history", args=[obj.pk])).status_code == 200
    assert client_as("member").get(reverse("admin:meetings_meeting_changelist")).status_code == 302


def test_staff_see_and_revoke_private_calendar_links_in_the_admin(world, client_as):
    from meetings.models import CalendarToken

    secret = CalendarToken.issue(world.member.user)
    token = CalendarToken.objects.get()
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client = client_as("staff")
    changelist = reverse("admin:meetings_calendartoken_changelist")
    assert client.get(changelist + "?q=member").status_code == 200
    body = client.get(reverse("admin:meetings_calendartoken_change", args=[token.pk])).content.decode()
    assert secret not in body and token.token_hash not in body
    client.post(changelist, {"action": "revoke", "_selected_action": [token.pk]})
    assert CalendarToken.owner_of(secret) is None
