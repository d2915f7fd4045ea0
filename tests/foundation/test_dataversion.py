"""The data version: it moves once per committed change, never inside one, and cached pages follow it.

These tests commit (transaction=True): the version moves at commit, which a test wrapped in a
rolled-back transaction never reaches.
"""

import datetime

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from goals.models import Goal
from members.models import MembershipPolicy, Organization, Service
from taskforce import dataversion

pytestmark = pytest.mark.django_db(transaction=True)


def triggers():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE t.tgname LIKE 'taskforce_data_%%'"
        )
        return set(cursor.fetchall())


def test_every_table_of_the_four_apps_has_both_triggers():
    tables = dataversion.tracked_tables()
    models = [
        model
        for label in dataversion.TRACKED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model.__name__.startswith("Historical")
    ]
    assert sorted({model._meta.db_table for model in models}) == tables
    assert "members_service_categories" in tables and "meetings_attendance" in tables
    present = triggers()
    for table in tables:
        assert (table, dataversion.CHANGED_TRIGGER) in present
        assert (table, dataversion.VERSION_TRIGGER) in present
    assert not any(table.startswith("accounts_") for table, _ in present)
    assert dataversion.install_triggers() == []  # already there: nothing to add


def test_the_version_moves_once_per_committed_transaction_and_never_inside_one():
    start = dataversion.current()
    assert start is not None
    with transaction.atomic():
        Organization.objects.create(name="First")
        Organization.objects.create(name="Second")
        assert dataversion.current() is None  # this transaction's changes are not committed yet
    assert dataversion.current() == start + 1
    with transaction.atomic():
        assert dataversion.current() == start + 1  # reading alone changes nothing
    with pytest.raises(RuntimeError), transaction.atomic():
        Organization.objects.filter(name="First").delete()
        raise RuntimeError("rolled back")
    assert dataversion.current() == start + 1
    with connection.cursor() as cursor:  # a change made outside Django's models counts too
        cursor.execute("UPDATE members_organization SET name = 'Renamed' WHERE name = 'Second'")
    assert dataversion.current() == start + 2


def test_an_entry_is_drawn_again_once_its_moment_passes():
    drawn = []

    def draw(valid_until):
        def inner():
            drawn.append(1)
            return f"<p>{len(drawn)}</p>", valid_until

        return inner

    later = timezone.now() + datetime.timedelta(hours=1)
    assert dataversion.cached_html("test:later", (), draw(later)) == "<p>1</p>"
    assert dataversion.cached_html("test:later", (), draw(later)) == "<p>1</p>"
    past = timezone.now() - datetime.timedelta(seconds=1)
    assert dataversion.cached_html("test:past", (), draw(past)) == "<p>2</p>"
    assert dataversion.cached_html("test:past", (), draw(past)) == "<p>3</p>"
    assert dataversion.next_midnight() > timezone.now()


def test_eligibility_follows_a_policy_change(world, client_as):
    client = client_as("member")
    policy = MembershipPolicy.load()
    policy.voting_rule = MembershipPolicy.VotingRule.MOU_ONLY
    policy.save()
    assert "A signed MOU</strong>" in client.get("/members/eligibility/").content.decode()
    with CaptureQueriesContext(connection) as kept:
        assert "A signed MOU</strong>" in client.get("/members/eligibility/").content.decode()
    policy.voting_rule = MembershipPolicy.VotingRule.ATTENDANCE_ONLY
    policy.save()
    body = client.get("/members/eligibility/").content.decode()
    assert "A signed MOU</strong>" not in body and "Attendance" in body
    # Kept: session, user, roles and the version, whatever the size of the table.
    assert len(kept) <= 6


def test_goals_are_kept_apart_for_staff_and_everyone_else(world, client_as):
    Goal.objects.create(number=1, title="Prevent trafficking")
    staff_body = client_as("staff").get("/goals/").content.decode()
    member_body = client_as("member").get("/goals/").content.decode()
    assert "Edit the mission" in staff_body and "Edit the mission" not in member_body
    Goal.objects.filter(number=1).update(title="Prevent labor trafficking")
    assert "Prevent labor trafficking" in client_as("member").get("/goals/").content.decode()


def test_dashboards_are_kept_per_person_and_their_forms_still_post(world):
    service = Service.objects.create(organization=world.legal_aid, name="Drop-in legal clinic")
    staff, member = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    staff.force_login(world.user("staff"))
    member.force_login(world.user("member"))
    first = staff.get("/").content.decode()
    assert "Drop-in legal clinic" in first and "Drop-in legal clinic" not in member.get("/").content.decode()

    def verify_token(body):
        form = body.split(f'action="/resources/{service.pk}/verify/"')[1]
        return form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]

    token = verify_token(staff.get("/").content.decode())
    assert token == verify_token(first)  # the panels were kept: the same masked token
    response = staff.post(f"/resources/{service.pk}/verify/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.last_verified_on == timezone.localdate()
    assert f"/resources/{service.pk}/verify/" not in staff.get("/").content.decode()  # the change shows at once


def test_kept_resource_lists_are_kept_apart_by_viewer(world, client_as):
    Service.objects.create(organization=world.legal_aid, name="Open legal clinic")
    Service.objects.create(
        organization=world.legal_aid, name="Referral-only shelter", visibility=Service.Visibility.MEMBERS
    )
    assert "Referral-only shelter" in client_as("member").get("/resources/").content.decode()
    visitor = client_as("anonymous").get("/resources/").content.decode()
    assert "Open legal clinic" in visitor and "Referral-only shelter" not in visitor
    assert "Referral-only shelter" not in client_as("anonymous").get("/resources/?q=shelter").content.decode()


def test_kept_meeting_lists_and_work_plans_are_kept_apart_by_viewer(world, client_as):
    from goals.models import WorkPlanItem
    from meetings.models import Meeting
    from tests.goals.factories import plan_for

    start = timezone.now() + datetime.timedelta(days=3)
    Meeting.objects.create(
        committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=1), title="Closed session"
    )
    assert "Closed session" in client_as("member").get("/meetings/").content.decode()
    assert "Closed session" not in client_as("anonymous").get("/meetings/").content.decode()

    plan = plan_for(world)
    url = f"/committees/{world.youth.slug}/workplan/"
    assert "Add an item" in client_as("cochair").get(url).content.decode()
    assert "Add an item" not in client_as("member").get(url).content.decode()
    WorkPlanItem.objects.filter(pk=plan.youth_item.pk).update(title="Recruit twelve mentors")
    assert "Recruit twelve mentors" in client_as("member").get(url).content.decode()


def test_the_kept_minutes_form_follows_each_save(world, client_as):
    from meetings.models import AgendaItem, Meeting
    from tests.meetings.forms_helper import form_data

    start = timezone.now() - datetime.timedelta(days=2)
    meeting = Meeting.objects.create(
        committee=world.task_force, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    client = client_as("staff")
    url = f"/meetings/{meeting.pk}/minutes/edit/"
    for text in ["First draft.", "Second draft."]:
        data = form_data(client.get(url).content.decode(), **{"items-0-minutes": text})
        assert client.post(url, data).status_code == 302  # the kept form carries the current version
    assert "Second draft." in client.get(url).content.decode()
    stale = form_data(client.get(url).content.decode(), **{"items-0-minutes": "Third."})
    Meeting.objects.filter(pk=meeting.pk).update(version=meeting.version + 10)
    body = client.post(url, stale).content.decode()
    assert "Third." in body and "Second draft." in AgendaItem.objects.get(meeting=meeting).minutes
