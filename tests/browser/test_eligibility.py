"""Staff change the voting rule in the admin and the eligibility page follows, with reasons."""

import pytest
from playwright.sync_api import expect

from members.models import MOU, MembershipPolicy
from tests.browser.helpers import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_changing_the_voting_rule_changes_who_can_vote(page, live_server, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    MOU.objects.create(
        organization=world.legal_aid, status=MOU.Status.SIGNED, signed_on="2025-01-10", expires_on="2030-01-10"
    )
    policy = MembershipPolicy.load()
    policy.voting_rule = MembershipPolicy.VotingRule.MOU_ONLY
    policy.save()

    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/members/eligibility/")
    can_vote = page.locator("table").nth(0)
    cannot_vote = page.locator("table").nth(1)
    expect(can_vote.get_by_text("Datacontact, Dana")).to_be_visible()
    expect(cannot_vote.get_by_role("row", name="Member, Morgan")).to_contain_text("no signed MOU")
    assert_accessible(page)

    page.get_by_role("link", name="Change the policy").click()
    page.get_by_role("link", name="Membership and voting policy").last.click()
    page.get_by_label("Who can vote:").select_option(MembershipPolicy.VotingRule.ATTENDANCE_ONLY)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")

    page.goto(f"{live_server.url}/members/eligibility/")
    expect(page.get_by_text("Under the current policy, voting needs: Attendance")).to_be_visible()
    expect(page.locator("table").nth(0).get_by_text("Member, Morgan")).to_be_visible()
    assert_accessible(page)
    assert MembershipPolicy.load().history.count() >= 2
