"""The daily digest sent through a real SMTP server on loopback (aiosmtpd), read as it arrived."""

import datetime
import email
import email.policy
import socket
from urllib.parse import urlparse

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from goals.models import WorkPlan, WorkPlanItem
from meetings.models import ActionItem, Meeting
from members.models import MOU, Service
from reminders.models import ReminderPreference, ReminderSent
from reports.models import AgencySubmission, ReportingYear

pytestmark = pytest.mark.django_db(transaction=False)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def to(self, address):
        return [message for recipients, message in self.messages if address in recipients]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 10},
        }
    }
    settings.SITE_URL = "https://taskforce.example.org"
    yield inbox
    controller.stop()


def _parts(message):
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


@pytest.fixture
def busy_world(world):
    """The personas with something to be reminded of, each by their role."""
    now = timezone.now()
    today = timezone.localdate()
    at = now + datetime.timedelta(days=3)
    youth_meeting = Meeting.objects.create(
        committee=world.youth,
        title="Youth committee, December",
        starts_at=at,
        ends_at=at + datetime.timedelta(hours=2),
        agenda_state=Meeting.AgendaState.PUBLISHED,
    )
    # A draft agenda of the adult committee in 3 days: its co-chair is told to publish it; the youth members are not
    # told of it at all (not their committee).
    Meeting.objects.create(
        committee=world.adult, title="Adult committee, December", starts_at=at, ends_at=at + datetime.timedelta(hours=1)
    )
    past = now - datetime.timedelta(days=90)
    old = Meeting.objects.create(
        committee=world.youth,
        title="Youth committee, September",
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=1),
    )
    # The member's own item in draft minutes (they may see it); another person's draft item (they may not).
    ActionItem.objects.create(
        meeting=old,
        description="Send the outreach list",
        owner=world.member,
        due_on=today - datetime.timedelta(days=2),
    )
    ActionItem.objects.create(
        meeting=old, description="Call the shelter", owner=world.member, due_on=today + datetime.timedelta(days=30)
    )
    ActionItem.objects.create(
        meeting=old, description="Secret chair task", owner=world.cochair, due_on=today + datetime.timedelta(days=1)
    )
    MOU.objects.create(
        organization=world.shelter,
        status=MOU.Status.SIGNED,
        signed_on=today - datetime.timedelta(days=700),
        expires_on=today + datetime.timedelta(days=20),
    )
    year = ReportingYear.objects.create(year=today.year, due_on=today + datetime.timedelta(days=10))
    AgencySubmission.objects.create(
        reporting_year=year, organization=world.shelter, state=AgencySubmission.State.SUBMITTED
    )
    # The adult committee's plan has an item at risk (its co-chair hears of it); the youth one is on track.
    D = datetime.date
    for committee, title, status in [
        (world.adult, "Draft a shelter policy", "at_risk"),
        (world.youth, "Recruit mentors", "on_track"),
    ]:
        plan = WorkPlan.objects.create(
            committee=committee, title="Priorities", starts_on=D(today.year, 1, 1), ends_on=D(today.year + 1, 6, 30)
        )
        WorkPlanItem.objects.create(
            work_plan=plan,
            title=title,
            start_on=D(today.year, 1, 1),
            due_on=today + datetime.timedelta(days=60),
            status=status,
        )
    Service.objects.create(organization=world.shelter, name="Night shelter beds")
    return world, youth_meeting


def test_the_daily_job_twice_sends_one_digest_per_person_with_what_each_may_see(smtp, busy_world):
    world, youth_meeting = busy_world
    ReminderPreference.objects.create(user=world.other_data_contact.user, daily_digest=False)

    call_command("send_reminders", "--now")
    call_command("send_reminders", "--now")

    recipients = sorted(address for addresses, _message in smtp.messages for address in addresses)
    # One each; the opted-out data contact (otherdata) gets nothing, nor the former co-chair, who has nothing due.
    assert recipients == sorted(
        [
            "member@example.org",
            "cochair@example.org",
            "othercochair@example.org",
            "data_contact@example.org",
            "staff@example.org",
        ]
    )
    assert ReminderSent.objects.count() == 5

    [member_mail] = smtp.to("member@example.org")
    text, html = _parts(member_mail)
    assert member_mail["Subject"].startswith("Task Force: 2 reminders")
    assert "Send the outreach list" in text and "overdue since" in text
    assert "Call the shelter" not in text  # due in 30 days
    assert "Secret chair task" not in text  # another person's item in draft minutes
    assert "Youth committee, December" in text and f"/meetings/{youth_meeting.pk}/" in text
    assert "Adult committee, December" not in text
    assert "MOUs expiring" not in text and "Submissions waiting" not in text
    assert "Send the outreach list" in html and "https://taskforce.example.org/meetings/" in html
    assert member_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    [other_cochair_mail] = smtp.to("othercochair@example.org")
    text, _html = _parts(other_cochair_mail)
    assert "Agendas to publish" in text and "Adult committee, December" in text
    assert "Work-plan items overdue or at risk" in text and "Draft a shelter policy" in text

    [cochair_mail] = smtp.to("cochair@example.org")
    text, _html = _parts(cochair_mail)
    assert "Draft a shelter policy" not in text and "Recruit mentors" not in text
    assert "Adult committee, December" not in text

    [data_contact_mail] = smtp.to("data_contact@example.org")
    text, _html = _parts(data_contact_mail)
    assert "Figures not yet submitted" in text and "Legal Aid Society" in text
    assert "Asian Women" not in text  # not their organization

    [staff_mail] = smtp.to("staff@example.org")
    text, _html = _parts(staff_mail)
    assert "MOUs expiring within 60 days" in text and "Asian Women's Shelter" in text
    assert "Submissions waiting for review" in text
    assert "Services not verified for 12 months" in text and "Night shelter beds" in text
    assert "Minutes not approved 60 days after the meeting" in text and "Youth committee, September" in text


def test_nothing_to_say_sends_nothing_and_inactive_or_addressless_logins_get_nothing(smtp, busy_world):
    world, _meeting = busy_world
    world.member.user.is_active = False
    world.member.user.save()
    world.staff.user.email = ""
    world.staff.user.save()

    call_command("send_reminders", "--now")

    assert not smtp.to("member@example.org")
    assert not smtp.to("staff@example.org")
    assert not ReminderSent.objects.filter(user__in=[world.member.user, world.staff.user]).exists()


def test_dry_run_sends_nothing(smtp, busy_world, capsys):
    call_command("send_reminders", "--dry-run")
    assert smtp.messages == []
    assert not ReminderSent.objects.exists()
    out = capsys.readouterr().out
    assert "would send to member@example.org: 2 item(s)" in out
    assert "  action_items: Send the outreach list" in out


def test_the_unsubscribe_link_works_without_logging_in(smtp, busy_world, client):
    world, _meeting = busy_world
    call_command("send_reminders", "--now")
    [mail] = smtp.to("member@example.org")
    link = mail["List-Unsubscribe"].strip("<>")
    path = urlparse(link).path
    text, _html = _parts(mail)
    assert link in text

    page = client.get(path)  # a link scanner's GET changes nothing
    assert page.status_code == 200
    assert ReminderPreference.of(world.member.user).daily_digest is True

    done = client.post(path, {"List-Unsubscribe": "One-Click"}, follow=True)
    assert done.status_code == 200
    assert "no longer get the daily digest" in done.content.decode()
    assert ReminderPreference.of(world.member.user).daily_digest is False

    ReminderSent.objects.all().delete()
    smtp.messages.clear()
    call_command("send_reminders", "--now")
    assert not smtp.to("member@example.org")


def test_a_forged_unsubscribe_link_is_not_found(client, world):
    assert client.post("/accounts/reminders/unsubscribe/not-a-token/").status_code == 404
    assert not ReminderPreference.objects.exists()


def test_before_the_reminder_hour_nothing_is_sent(smtp, busy_world, settings, capsys):
    settings.REMINDER_HOUR = 24  # never reached
    call_command("send_reminders")
    assert smtp.messages == []
    assert "nothing sent" in capsys.readouterr().out
