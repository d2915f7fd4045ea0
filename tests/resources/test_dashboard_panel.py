"""The staff dashboard panel: services not verified for 12 months, with a one-click "verified today"."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from members import dashboard_resources
from members.models import Service

pytestmark = pytest.mark.django_db


def request_as(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_staff_panel_lists_stale_services_oldest_first(services, world):
    [panel] = dashboard_resources.panels(request_as(world.staff.user))
    assert panel["template"] == "resources/_dashboard_panel.html"
    assert panel["total"] == 2
    # Never verified comes first, then the one verified 400 days ago.
    assert panel["services"] == [services.youth, services.shelter]
    html = render_to_string(panel["template"], {"panel": panel}, request=request_as(world.staff.user))
    assert "Resources to verify" in html
    assert html.count("Verified today") == 2
    assert f"/resources/{services.shelter.pk}/verify/" in html


def test_panel_is_for_staff_only(services, world):
    assert dashboard_resources.panels(request_as(world.member.user)) == []
    assert dashboard_resources.panels(request_as(world.cochair.user)) == []


def test_panel_says_when_all_is_verified(services, world):
    Service.objects.update(last_verified_on=timezone.localdate())
    [panel] = dashboard_resources.panels(request_as(world.staff.user))
    html = render_to_string(panel["template"], {"panel": panel}, request=request_as(world.staff.user))
    assert "Every active service was verified in the last 12 months." in html


def test_panel_query_count_is_fixed(services, world, django_assert_num_queries):
    request = request_as(world.staff.user)
    # The context processor asks for the user's roles once per request; ask before counting.
    render_to_string("resources/_dashboard_panel.html", {"panel": {}}, request=request)
    # The oldest stale services with their organizations and, as a window count, how many there are.
    with django_assert_num_queries(1):
        [panel] = dashboard_resources.panels(request)
        render_to_string(panel["template"], {"panel": panel}, request=request)
    old = timezone.localdate() - datetime.timedelta(days=800)
    Service.objects.bulk_create(
        Service(organization=world.legal_aid, name=f"Old service {i}", last_verified_on=old) for i in range(200)
    )
    with django_assert_num_queries(1):
        [panel] = dashboard_resources.panels(request)
        html = render_to_string(panel["template"], {"panel": panel}, request=request)
    assert panel["total"] == 202 and len(panel["services"]) == dashboard_resources.SHOWN
    assert "See all 202 in the admin" in html
