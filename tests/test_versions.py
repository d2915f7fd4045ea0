"""Two people editing one shared record: the second save is refused, the first one's data stays (issue 13).

One table of every edit form of a versioned record (taskforce/versions.py), in the app and in the admin:
a new form is one more row. Each is opened twice, saved from the first page, then from the second.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from concurrency.exceptions import RecordModifiedError
from concurrency.middleware import ConcurrencyMiddleware
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from goals.models import StrategicPlan
from meetings.models import AgendaItem, Meeting, Motion
from members.models import Service
from reports.models import AgencySubmission
from taskforce.versions import NO_VERSION, conflict_message
from tests.goals.factories import plan_for
from tests.meetings.forms_helper import form_data
from tests.reports.helpers import default_categories, make_year

pytestmark = pytest.mark.django_db


def _meeting(world):
    # A week ago at 1:30 pm: the meeting's form holds one day, so a meeting starting "now" late at night would not save.
    start = timezone.localtime().replace(hour=13, minute=30, second=0, microsecond=0) - datetime.timedelta(days=7)
    meeting = Meeting.objects.create(
        committee=world.youth, starts_at=start, ends_at=start + datetime.timedelta(hours=2), title="Youth meeting"
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    return meeting


def _submission(world, **fields):
    default_categories()
    return AgencySubmission.objects.create(reporting_year=make_year(2025), organization=world.legal_aid, **fields)


def _service(world):
    return Service.objects.create(organization=world.legal_aid, name="Know-your-rights clinic", languages=["en"])


@dataclass(frozen=True)
class EditForm:
    """An edit page: who opens it, the record and its URL (from the world), a text field it saves, and
    what the conflict message calls the record."""

    persona: str
    record_and_url: Callable
    field: str
    kind: str
    refused: str = ""  # what the refusal says, when not conflict_message(kind) (the minutes name the item)
    prefix: str = ""  # the form's prefix on a page of several forms (an agenda item's minutes page: "item-")

    @property
    def posted(self):
        return self.prefix + self.field

    def __str__(self):
        return self.field


EDIT_FORMS = {
    "strategic plan text": EditForm(
        "staff", lambda world: (StrategicPlan.load(), reverse("goals:plan_edit")), "mission", "text"
    ),
    "goal": EditForm(
        "staff",
        lambda world: (plan_for(world).goal, reverse("goals:goal_edit", args=[plan_for(world).goal.pk])),
        "title",
        "goal",
    ),
    "objective": EditForm(
        "staff",
        lambda world: (plan_for(world).mentors, reverse("goals:objective_edit", args=[plan_for(world).mentors.pk])),
        "title",
        "objective",
    ),
    "metric": EditForm(
        "staff",
        lambda world: (
            plan_for(world).youth_metric,
            reverse("goals:metric_edit", args=[plan_for(world).youth_metric.pk]),
        ),
        "name",
        "metric",
    ),
    "measurement": EditForm(
        "cochair",
        lambda world: (
            (measurement := plan_for(world).youth_metric.measurements.get()),
            reverse("goals:measurement_edit", args=[measurement.pk]),
        ),
        "notes",
        "figure",
    ),
    "work-plan item": EditForm(
        "cochair",
        lambda world: (plan_for(world).youth_item, reverse("goals:item_edit", args=[plan_for(world).youth_item.pk])),
        "title",
        "item",
    ),
    "agency figures": EditForm(
        "data_contact",
        lambda world: (_submission(world), reverse("reports:submissions", args=[2025])),
        "definition_used",
        "agency's figures",
    ),
    "review of agency figures": EditForm(
        "staff",
        lambda world: (
            (submission := _submission(world, state=AgencySubmission.State.SUBMITTED)),
            reverse("reports:submission", args=[2025, submission.pk]),
        ),
        "totals_note",
        "agency's figures",
    ),
    "meeting and agenda": EditForm(
        "staff",
        lambda world: ((meeting := _meeting(world)), reverse("meetings:edit", args=[meeting.pk])),
        "title",
        "meeting",
    ),
    "minutes": EditForm(
        "staff",
        lambda world: ((meeting := _meeting(world)), reverse("meetings:minutes_edit", args=[meeting.pk])),
        "announcements",
        "meeting",
        refused="saved the closing part of these minutes (status, announcements, next meeting) at",
    ),
    "minutes of an agenda item": EditForm(
        "staff",
        lambda world: (
            (item := _meeting(world).agenda_items.get()),
            reverse("meetings:minutes_item_edit", args=[item.meeting_id, item.pk]),
        ),
        "minutes",
        "agenda item",
        refused="saved the agenda item “Welcome” at",
        prefix="item-",
    ),
    "admin: service": EditForm(
        "superuser",
        lambda world: ((service := _service(world)), reverse("admin:members_service_change", args=[service.pk])),
        "name_en",  # the English column of the name (members/translation.py)
        "service",
    ),
    "admin: organization": EditForm(
        "superuser",
        lambda world: (world.legal_aid, reverse("admin:members_organization_change", args=[world.legal_aid.pk])),
        "description",
        "organization",
    ),
    "admin: motion": EditForm(
        "superuser",
        lambda world: (
            (motion := Motion.objects.create(agenda_item=_meeting(world).agenda_items.get(), text="Adopt")),
            reverse("admin:meetings_motion_change", args=[motion.pk]),
        ),
        "text",
        "motion",
    ),
    "admin: goal": EditForm(
        "superuser",
        lambda world: (plan_for(world).goal, reverse("admin:goals_goal_change", args=[plan_for(world).goal.pk])),
        "title",
        "goal",
    ),
    "admin: agency submission": EditForm(
        "superuser",
        lambda world: (
            (submission := _submission(world)),
            reverse("admin:reports_agencysubmission_change", args=[submission.pk]),
        ),
        "definition_used",
        "agency submission",
    ),
}


def _client(world, persona):
    client = Client()
    if persona == "superuser":
        world.staff.user.is_superuser = True
        world.staff.user.save()
        persona = "staff"
    client.force_login(world.user(persona))
    return client


def _post(client, url, data):
    response = client.post(url, data)
    assert response.status_code != 500
    return response


@pytest.mark.parametrize("name", EDIT_FORMS)
def test_the_second_of_two_editors_is_refused_and_the_first_save_is_kept(world, name):
    form = EDIT_FORMS[name]
    record, url = form.record_and_url(world)
    first, second = _client(world, form.persona), _client(world, form.persona)
    first_data = form_data(first.get(url).content.decode(), **{form.posted: "Written by the first editor"})
    second_data = form_data(second.get(url).content.decode(), **{form.posted: "Written by the second editor"})

    saved = _post(first, url, first_data)
    assert saved.status_code == 302, saved.content.decode()[:2000]
    refused = _post(second, url, second_data)
    assert refused.status_code in (200, 400)
    body = refused.content.decode()
    assert escape(form.refused or conflict_message(form.kind)) in body
    assert "Written by the second editor" in body  # their text is still on the page to copy

    record.refresh_from_db()
    assert getattr(record, form.field) == "Written by the first editor"
    assert not record.history.filter(**{form.field: "Written by the second editor"}).exists()


@pytest.mark.parametrize("version", ["", "2", "2:forged-signature"], ids=["missing", "unsigned", "forged"])
@pytest.mark.parametrize("name", EDIT_FORMS)
def test_a_save_without_its_true_version_is_refused(world, name, version):
    form = EDIT_FORMS[name]
    record, url = form.record_and_url(world)
    client = _client(world, form.persona)
    data = form_data(client.get(url).content.decode(), **{form.posted: "Sent without a version"})
    if version:
        data[f"{form.prefix}version"] = version
    else:
        del data[f"{form.prefix}version"]
    response = _post(client, url, data)
    assert response.status_code in (200, 400)
    assert escape(NO_VERSION % {"record": form.kind}) in response.content.decode()
    record.refresh_from_db()
    assert getattr(record, form.field) != "Sent without a version"
    assert not record.history.filter(**{form.field: "Sent without a version"}).exists()


def test_a_save_from_an_older_version_is_refused_by_the_database_itself(world):
    """What closes the gap between a form's check and its save: the UPDATE only matches the version loaded."""
    goal = plan_for(world).goal
    someone_else = type(goal).objects.get(pk=goal.pk)
    someone_else.title = "Saved first"
    someone_else.save()
    assert someone_else.version == goal.version + 1
    goal.title = "Saved from the older version"
    with pytest.raises(RecordModifiedError), transaction.atomic():
        goal.save()
    goal.refresh_from_db()
    assert goal.title == "Saved first"


def test_a_save_that_loses_the_race_gets_the_conflict_page(world, rf):
    """django-concurrency's middleware hands a RecordModifiedError raised by a view to CONCURRENCY_HANDLER409."""
    goal = plan_for(world).goal
    request = rf.post("/goals/1/edit/")
    request.user = world.staff.user
    response = ConcurrencyMiddleware(lambda request: None).process_exception(
        request, RecordModifiedError("Record has been modified", target=goal)
    )
    assert response.status_code == 409
    assert "Someone else saved this goal just before you, so your changes were not saved." in response.content.decode()


def test_new_records_start_at_version_1(world):
    service = _service(world)
    assert service.version == 1
    service.save()
    assert service.version == 2


def test_the_minutes_keep_their_words():
    assert conflict_message("meeting") == (
        "Someone else saved this meeting while you were editing, so your changes were not saved. "
        "Your text is still below: copy what you need, reload the page to see their changes, and save again."
    )


def test_the_admin_still_reverts_a_record_to_an_earlier_state(world):
    """A record rebuilt from its history has no version: the revert page carries the row's own."""
    goal = plan_for(world).goal
    earlier = goal.history.earliest()
    goal.title = "Renamed since"
    goal.save()
    client = _client(world, "superuser")
    url = reverse("admin:goals_goal_simple_history", args=[goal.pk, earlier.history_id])
    response = client.post(url, form_data(client.get(url).content.decode()))
    assert response.status_code == 302, response.content.decode()[:2000]
    goal.refresh_from_db()
    assert goal.title == earlier.title
