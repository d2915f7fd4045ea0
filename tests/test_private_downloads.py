"""Downloads of private data (CSV, PDF, MOU files) tell browsers and proxies not to keep a copy.

A table of every view that answers with a CSV, a PDF or a file: the private ones send
Cache-Control: no-store; the ones anyone may open without logging in may be cached.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from reports.models import ReportingYear
from tests.goals.factories import plan_for
from tests.members.url_samples import _signed_mou
from tests.reports.helpers import default_categories, make_year

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def _meeting(world, *, public):
    start = timezone.now() - datetime.timedelta(days=30)
    committee = world.task_force if public else world.youth
    meeting = Meeting.objects.create(
        committee=committee,
        title="A meeting",
        is_public=public,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    if public:
        later = Meeting.objects.create(
            committee=committee,
            title="The next meeting",
            is_public=True,
            starts_at=start + datetime.timedelta(days=7),
            ends_at=start + datetime.timedelta(days=7, hours=1),
        )
        meeting.approve_minutes(at=later)
    return meeting


def _year(*, published):
    default_categories()
    if not published:
        return make_year(2025)
    return make_year(2024, state=ReportingYear.State.PUBLISHED, public_after_publish=True, published_at=timezone.now())


# (what, who asks, how to build the URL from the world, private?)
DOWNLOADS = [
    ("directory CSV", "staff", lambda world: reverse("members:directory_csv"), True),
    (
        "metric CSV",
        "member",
        lambda world: reverse("goals:metric_csv", args=[plan_for(world).youth_metric.pk]),
        True,
    ),
    (
        "MOU file",
        "staff",
        lambda world: reverse("members:mou_document", args=[_signed_mou(world)["pk"]]),
        True,
    ),
    (
        "minutes PDF of a members-only meeting",
        "cochair",
        lambda world: reverse("meetings:minutes_pdf", args=[_meeting(world, public=False).pk]),
        True,
    ),
    (
        "report PDF of a year not yet published",
        "staff",
        lambda world: reverse("reports:pdf", args=[_year(published=False).year]),
        True,
    ),
    (
        "report CSV of a year not yet published",
        "staff",
        lambda world: reverse("reports:csv", args=[_year(published=False).year]),
        True,
    ),
    (
        "approved minutes PDF of a public meeting",
        "anonymous",
        lambda world: reverse("meetings:minutes_pdf", args=[_meeting(world, public=True).pk]),
        False,
    ),
    (
        "report CSV of a public year",
        "anonymous",
        lambda world: reverse("reports:csv", args=[_year(published=True).year]),
        False,
    ),
    ("resource pamphlet", "anonymous", lambda world: reverse("members:pamphlet"), False),
]


@pytest.mark.parametrize(("what", "persona", "url", "private"), DOWNLOADS, ids=[row[0] for row in DOWNLOADS])
def test_private_downloads_are_not_kept_by_caches(client_as, world, what, persona, url, private):
    response = client_as(persona).get(url(world))
    assert response.status_code == 200, what
    assert ("no-store" in response.get("Cache-Control", "")) == private
