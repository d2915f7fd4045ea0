"""The daily digest as a job of the background worker (django-tasks' database queue): it runs at REMINDER_HOUR on
the task force's wall clock (across daylight saving changes too), queues its next run itself, at most one waits,
and a worker that was down past the hour runs it late once. Mail goes through loopback SMTP (aiosmtpd)."""

import datetime
import io
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reminders.digest import digest_for, recipients
from reminders.models import ReminderPreference, ReminderSent
from reminders.schedule import digest_day, next_digest_at
from reminders.tasks import pending_digest_jobs, schedule_daily_digests, send_daily_digests
from tests.reminders.test_digest_mail import _parts, busy_world, smtp  # noqa: F401  (fixtures)

LA = zoneinfo.ZoneInfo("America/Los_Angeles")
UTC = datetime.UTC


@pytest.fixture
def los_angeles(settings):
    settings.TIME_ZONE = "America/Los_Angeles"
    settings.REMINDER_HOUR = 7


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """What `manage.py db_worker` does, until no job is due."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=io.StringIO())


def at(*args):
    return datetime.datetime(*args, tzinfo=LA)


def test_the_next_run_is_at_the_hour_of_the_local_day(los_angeles):
    assert next_digest_at(at(2026, 12, 1, 6, 59)) == at(2026, 12, 1, 7)  # later the same day
    assert next_digest_at(at(2026, 12, 1, 7)) == at(2026, 12, 2, 7)  # just ran: tomorrow
    assert next_digest_at(at(2026, 12, 1, 23, 30)) == at(2026, 12, 2, 7)
    # An aware moment in another zone is read on the task force's clock: 16:00 UTC is 08:00 in Los Angeles.
    assert next_digest_at(datetime.datetime(2026, 12, 1, 16, tzinfo=UTC)) == at(2026, 12, 2, 7)


def test_the_next_run_keeps_the_hour_when_the_clocks_change(los_angeles):
    # Spring forward (8 March 2026): 07:00 PST to 07:00 PDT is 23 hours, 15:00 UTC then 14:00 UTC.
    ran = at(2026, 3, 7, 7, 0, 5)
    after = next_digest_at(ran)
    assert after.astimezone(UTC) == datetime.datetime(2026, 3, 8, 14, tzinfo=UTC)
    assert timezone.localtime(after).hour == 7
    assert after.astimezone(UTC) - ran.astimezone(UTC) < datetime.timedelta(hours=23)
    # Fall back (1 November 2026): 07:00 PDT to 07:00 PST is 25 hours, 14:00 UTC then 15:00 UTC.
    ran = at(2026, 10, 31, 7, 0, 5)
    after = next_digest_at(ran)
    assert after.astimezone(UTC) == datetime.datetime(2026, 11, 1, 15, tzinfo=UTC)
    assert timezone.localtime(after).hour == 7


def test_an_hour_the_clocks_repeat_or_skip_runs_once(los_angeles, settings):
    # 01:00 happens twice on 1 November 2026: run at the first, and next on 2 November, not at the second.
    settings.REMINDER_HOUR = 1
    first = next_digest_at(at(2026, 11, 1, 0, 30))
    assert first.astimezone(UTC) == datetime.datetime(2026, 11, 1, 8, tzinfo=UTC)  # 01:00 PDT
    second_one_oclock = datetime.datetime(2026, 11, 1, 9, 0, 5, tzinfo=UTC)  # 01:00 PST, the repeat
    assert next_digest_at(first + datetime.timedelta(seconds=5)).date() == datetime.date(2026, 11, 2)
    assert next_digest_at(second_one_oclock).astimezone(UTC) == datetime.datetime(2026, 11, 2, 9, tzinfo=UTC)
    # 02:00 does not happen on 8 March 2026: the run is at 03:00 PDT (10:00 UTC), once; next on 9 March at 02:00.
    settings.REMINDER_HOUR = 2
    skipped = next_digest_at(at(2026, 3, 8, 1, 30))
    assert skipped.astimezone(UTC) == datetime.datetime(2026, 3, 8, 10, tzinfo=UTC)
    assert next_digest_at(skipped + datetime.timedelta(seconds=5)).astimezone(UTC) == datetime.datetime(
        2026, 3, 9, 9, tzinfo=UTC
    )


def test_the_digest_day_starts_at_the_hour(los_angeles):
    assert digest_day(at(2026, 12, 1, 6, 59)) is None
    assert digest_day(at(2026, 12, 1, 7)) == datetime.date(2026, 12, 1)
    # 02:00 UTC on 2 December is still 1 December, 18:00, in Los Angeles.
    assert digest_day(datetime.datetime(2026, 12, 2, 2, tzinfo=UTC)) == datetime.date(2026, 12, 1)


@pytest.mark.django_db
def test_scheduling_twice_leaves_one_waiting_job(database_queue, los_angeles):
    out = io.StringIO()
    call_command("schedule_reminders", stdout=out)
    call_command("schedule_reminders", stdout=out)

    [job] = pending_digest_jobs()
    assert job.run_after == next_digest_at()
    assert job.task_path == "reminders.tasks.send_daily_digests"
    assert out.getvalue().count(f"next at {timezone.localtime(job.run_after):%Y-%m-%d} 07:00") == 2


@pytest.mark.django_db
def test_scheduling_drops_a_second_waiting_job(database_queue, los_angeles):
    soon = timezone.now() + datetime.timedelta(hours=1)
    send_daily_digests.using(run_after=soon).enqueue()
    send_daily_digests.using(run_after=soon + datetime.timedelta(days=1)).enqueue()

    assert schedule_daily_digests() == soon
    assert [job.run_after for job in pending_digest_jobs()] == [soon]


@pytest.mark.django_db
def test_scheduling_needs_the_database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with pytest.raises(CommandError, match="database queue"):
        call_command("schedule_reminders", stdout=io.StringIO())


# The worker closes its database connection: these need real transactions.
@pytest.mark.django_db(transaction=True)
def test_the_job_sends_the_digests_over_smtp_and_queues_the_next_one(smtp, busy_world, database_queue, settings):  # noqa: F811
    settings.REMINDER_HOUR = 0  # any time of the test's day is after the hour
    # The worker was down for three days past the hour: the one waiting job is long due.
    send_daily_digests.using(run_after=timezone.now() - datetime.timedelta(days=3)).enqueue()

    run_worker()
    run_worker()  # back again: the next job is not due, nothing is sent twice

    recipients = sorted(address for addresses, _message in smtp.messages for address in addresses)
    assert recipients == sorted(
        [
            "member@example.org",
            "cochair@example.org",
            "othercochair@example.org",
            "data_contact@example.org",
            "staff@example.org",
        ]
    )
    [member_mail] = smtp.to("member@example.org")
    text, html = _parts(member_mail)
    assert "Send the outreach list" in text and "Youth committee, December" in text
    assert "Send the outreach list" in html

    ran = DBTaskResult.objects.get(status="SUCCESSFUL")
    assert ran.return_value == 5
    [waiting] = pending_digest_jobs()
    assert waiting.run_after == next_digest_at(ran.started_at)
    assert timezone.localtime(waiting.run_after).date() == timezone.localdate() + datetime.timedelta(days=1)
    assert timezone.localtime(waiting.run_after).hour == 0
    assert DBTaskResult.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_job_twice_on_demo_data_sends_one_digest_per_person(smtp, database_queue, settings):  # noqa: F811
    settings.REMINDER_HOUR = 0
    call_command("seed_demo", stdout=io.StringIO())
    opted_out = get_user_model().objects.get(username="datacontact")
    ReminderPreference.objects.create(user=opted_out, daily_digest=False)
    day = timezone.localdate()
    expected = {user.email: digest_for(user, day) for user in recipients() if digest_for(user, day)}
    assert {"staff@example.org", "cochair@example.org"} <= set(expected)

    call_command("schedule_reminders", stdout=io.StringIO())
    pending_digest_jobs().update(run_after=timezone.now())  # the hour has come
    run_worker()
    # The same day the job runs again (a second copy queued by hand, a clock set back): nobody hears twice.
    pending_digest_jobs().update(run_after=timezone.now())
    run_worker()

    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    assert pending_digest_jobs().count() == 1
    recipients_seen = sorted(address for addresses, _message in smtp.messages for address in addresses)
    assert recipients_seen == sorted(expected)
    assert "datacontact@example.org" not in recipients_seen
    for address, digest in expected.items():
        [mail] = smtp.to(address)
        assert mail["Subject"].startswith(f"Task Force: {len(digest)} reminder")
        text, _html = _parts(mail)
        for item in digest.work_plan_items:
            assert item.title in text
        for meeting in digest.meetings:
            assert meeting.get_absolute_url() in text
        sent = ReminderSent.objects.get(user__email=address, kind=ReminderSent.Kind.DAILY_DIGEST)
        assert (sent.day, sent.items) == (day, len(digest))
    assert ReminderSent.objects.count() == len(expected)


@pytest.mark.django_db(transaction=True)
def test_a_job_run_before_the_hour_sends_nothing_and_waits_for_the_hour(smtp, busy_world, database_queue, settings):  # noqa: F811
    # A zone where it is now 03:something, the digest at 12:00: a worker back from a night off, before the hour.
    offset = (3 - timezone.now().hour + 12) % 24 - 12
    settings.TIME_ZONE = f"Etc/GMT{-offset:+d}" if offset else "Etc/GMT"
    settings.REMINDER_HOUR = 12
    assert timezone.localtime().hour == 3
    send_daily_digests.using(run_after=timezone.now() - datetime.timedelta(hours=20)).enqueue()

    run_worker()

    assert smtp.messages == [] and not ReminderSent.objects.exists()
    [waiting] = pending_digest_jobs()
    assert timezone.localtime(waiting.run_after) == timezone.localtime().replace(
        hour=12, minute=0, second=0, microsecond=0
    )
