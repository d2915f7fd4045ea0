"""The dashboard panel: overdue and at-risk work-plan items for co-chairs (their committees) and staff (all)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from goals.models import WorkPlanItem

D = datetime.date


def test_cochair_sees_their_committees_items_only(client_as, plan):
    body = client_as("cochair").get("/").content.decode()
    assert "Work plans: needs attention" in body
    assert "Recruit mentors" in body and "Draft a shelter policy" not in body


def test_staff_see_every_committee(client_as, plan):
    body = client_as("staff").get("/").content.decode()
    assert "Recruit mentors" in body and "Draft a shelter policy" in body


def test_members_and_former_cochairs_have_no_panel(client_as, plan):
    for persona in ["member", "data_contact", "former_cochair"]:
        assert "Work plans: needs attention" not in client_as(persona).get("/").content.decode()


def test_finished_items_leave_the_panel(client_as, plan):
    WorkPlanItem.objects.filter(pk=plan.youth_item.pk).update(status="done", percent_done=100)
    body = client_as("cochair").get("/").content.decode()
    assert "Nothing is overdue or at risk" in body


def test_panel_query_count_does_not_grow(client_as, plan):
    client = client_as("staff")
    with CaptureQueriesContext(connection) as first:
        client.get("/")
    WorkPlanItem.objects.bulk_create(
        WorkPlanItem(work_plan=plan.youth_plan, title=f"Late {i}", start_on=D(2017, 1, 1), due_on=D(2017, 2, 1))
        for i in range(40)
    )
    with CaptureQueriesContext(connection) as second:
        body = client.get("/").content.decode()
    assert len(second) == len(first)
    assert "More items need attention" in body
