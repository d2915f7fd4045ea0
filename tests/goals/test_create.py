"""Staff add goals, objectives and success metrics on the goals pages (no admin needed)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goals.models import Goal, Metric, Objective
from members.models import Committee
from tests.goals.factories import plan_for
from tests.versions import version_of

pytestmark = pytest.mark.django_db


def test_staff_add_a_goal_an_objective_and_a_metric(world, client_as):
    plan = plan_for(world)
    client = client_as("staff")
    page = client.get("/goals/").content.decode()
    assert 'href="/goals/new/"' in page and f'href="/goals/{plan.goal.pk}/objectives/new/"' in page
    assert f'href="/goals/objectives/{plan.mentors.pk}/metrics/new/"' in page
    assert 'value="4"' in client.get("/goals/new/").content.decode()  # the next number is offered

    response = client.post("/goals/new/", {"number": 4, "title": "Protection", "description": "Protect survivors."})
    goal = Goal.objects.get(number=4)
    assert response.status_code == 302 and response["Location"] == "/goals/#goal-4"

    response = client.post(
        f"/goals/{goal.pk}/objectives/new/",
        {
            "title": "Train shelter staff",
            "committees": [world.youth.pk, world.adult.pk],
            "also_serves": [plan.goal.pk],
            "ease": "easier",
            "importance": 2,
            "status": "not_started",
        },
    )
    objective = Objective.objects.get(title="Train shelter staff")
    assert response["Location"] == f"/goals/#objective-{objective.pk}"
    assert objective.goal == goal and set(objective.committees.all()) == {world.youth, world.adult}

    response = client.post(
        f"/goals/objectives/{objective.pk}/metrics/new/",
        {"name": "# of staff trained", "unit": "staff", "direction": "increase", "target": "40"},
    )
    metric = Metric.objects.get(name="# of staff trained")
    assert response["Location"] == f"/goals/metrics/{metric.pk}/" and metric.objective == objective
    page = client.get("/goals/").content.decode()
    assert "Goal 4: Protection" in page and "Train shelter staff" in page and "# of staff trained" in page


def test_bad_input_is_refused_next_to_the_field_and_nothing_is_saved(world, client_as):
    plan = plan_for(world)
    client = client_as("staff")
    before = (Goal.objects.count(), Objective.objects.count(), Metric.objects.count())
    body = client.post("/goals/new/", {"number": 3, "title": "Again"}).content.decode()
    assert "Goal with this Number already exists." in body and 'id="error_1_id_number"' in body
    body = client.post(f"/goals/{plan.goal.pk}/objectives/new/", {"title": "Nobody's", "ease": "easier"}).content
    assert "Name at least one committee responsible." in body.decode()
    body = client.post(f"/goals/objectives/{plan.mentors.pk}/metrics/new/", {"name": "", "unit": "x"}).content
    assert 'id="error_1_id_name"' in body.decode()
    assert (Goal.objects.count(), Objective.objects.count(), Metric.objects.count()) == before


def test_a_goal_can_be_renamed(world, client_as):
    plan = plan_for(world)
    client_as("staff").post(
        f"/goals/{plan.goal.pk}/edit/", {"number": 3, "title": "Prevention first", **version_of(plan.goal)}
    )
    plan.goal.refresh_from_db()
    assert plan.goal.title == "Prevention first" and plan.goal.history.count() == 2


@pytest.mark.parametrize("persona", ["cochair", "member", "data_contact"])
def test_only_staff_may_add(world, client_as, persona):
    plan = plan_for(world)
    client = client_as(persona)
    for url in [
        "/goals/new/",
        f"/goals/{plan.goal.pk}/objectives/new/",
        f"/goals/objectives/{plan.mentors.pk}/metrics/new/",
    ]:
        assert client.post(url, {"number": 9, "title": "x", "name": "x"}).status_code == 403
    assert not Goal.objects.filter(number=9).exists()
    assert 'href="/goals/new/"' not in client.get("/goals/").content.decode()


def test_the_forms_query_counts_do_not_grow(world, client_as):
    plan = plan_for(world)
    client = client_as("staff")
    urls = [
        "/goals/new/",
        f"/goals/{plan.goal.pk}/objectives/new/",
        f"/goals/objectives/{plan.mentors.pk}/metrics/new/",
    ]
    first = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        first[url] = len(queries)
    for number in range(10, 30):
        Goal.objects.create(number=number, title=f"Goal {number}")
        Committee.objects.create(name=f"Workgroup {number}", slug=f"workgroup-{number}")
        Objective.objects.create(goal=plan.goal, title=f"Objective {number}")
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) == first[url], url
