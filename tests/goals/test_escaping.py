"""Titles holding markup come back escaped on the goals pages, their charts included."""

import pytest
from django.urls import reverse

MARKUP = "<script>\"'&"
ESCAPED = "&lt;script&gt;&quot;&#x27;&amp;"


@pytest.fixture
def hostile(plan):
    for record, field in [
        (plan.goal, "title"),
        (plan.mentors, "title"),
        (plan.youth_plan, "title"),
        (plan.youth_item, "title"),
        (plan.youth_metric, "name"),
    ]:
        setattr(record, field, f"{getattr(record, field)} {MARKUP}")
        record.save()
    return plan


@pytest.mark.parametrize("page", ["index", "workplan", "item", "metric"])
def test_titles_are_escaped(client_as, hostile, page):
    url = {
        "index": reverse("goals:index"),
        "workplan": reverse("goals:workplan", args=["youth"]),
        "item": reverse("goals:item", args=[hostile.youth_item.pk]),
        "metric": reverse("goals:metric", args=[hostile.youth_metric.pk]),
    }[page]
    body = client_as("staff").get(url).content.decode()
    assert ESCAPED in body
    assert MARKUP not in body
