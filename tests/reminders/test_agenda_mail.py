"""Publishing an agenda emails the committee: the agenda, time and place, and an .ics invitation that an
independent parser (ics) reads; sent over loopback SMTP, once per meeting."""

import datetime

import ics
import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Meeting
from reminders.mail import send_agenda_published
from reminders.models import ReminderPreference, ReminderSent
from tests.reminders.test_digest_mail import _parts, smtp  # noqa: F401  (the loopback SMTP fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def youth_meeting(world):
    at = timezone.now() + datetime.timedelta(days=10)
    meeting = Meeting.objects.create(
        committee=world.youth,
        title="Youth committee, December",
        starts_at=at,
        ends_at=at + datetime.timedelta(hours=2),
        location="City Hall, Room 201",
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome and introductions")
    AgendaItem.objects.create(meeting=meeting, position=2, title="Mentor recruitment")
    return meeting


def test_publishing_an_agenda_emails_the_committee_with_an_invitation(
    smtp,  # noqa: F811
    world,
    youth_meeting,
    client_as,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    ReminderPreference.objects.create(user=world.former_cochair.user, agenda_published=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("cochair").post(reverse("meetings:publish_agenda", args=[youth_meeting.pk]))
    assert response.status_code == 302

    # The youth committee's current members: the co-chair and the member (the former co-chair's role ended).
    assert sorted(address for addresses, _m in smtp.messages for address in addresses) == [
        "cochair@example.org",
        "member@example.org",
    ]
    [mail] = smtp.to("member@example.org")
    assert mail["Subject"].startswith("Agenda published: Youth committee, December")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = _parts(mail)
    assert "1. Welcome and introductions" in text and "2. Mentor recruitment" in text
    assert "City Hall, Room 201" in text and f"https://taskforce.example.org/meetings/{youth_meeting.pk}/" in text
    assert "<li>Mentor recruitment</li>" in html

    [attachment] = [part for part in mail.iter_attachments() if part.get_content_type() == "text/calendar"]
    assert attachment.get_filename() == "invitation.ics"
    [event] = ics.Calendar(attachment.get_content()).events
    assert event.name == "Youth committee, December"
    assert event.location == "City Hall, Room 201"
    assert event.begin.datetime == youth_meeting.starts_at.replace(microsecond=0)

    # Once per meeting: the worker running the task again sends nothing more.
    send_agenda_published(youth_meeting.pk)
    assert len(smtp.messages) == 2
    assert ReminderSent.objects.filter(kind=ReminderSent.Kind.AGENDA_PUBLISHED).count() == 2


def test_a_draft_agenda_is_never_announced(smtp, youth_meeting):  # noqa: F811
    assert send_agenda_published(youth_meeting.pk) == []
    assert smtp.messages == []
