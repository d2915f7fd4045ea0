"""Voting eligibility under each of the four voting rules, with the reason for everyone who cannot vote."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Attendance
from meetings.services import voting_eligibility
from members.models import MOU, Membership, MembershipPolicy

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(world, make_meeting):
    """Seven task-force meetings (the oldest outside the window of six) and youth committee meetings between."""
    task_force = [make_meeting(world.task_force, days=-10 * n) for n in range(7, 0, -1)]  # oldest first
    youth = [make_meeting(world.youth, days=-10 * n + 5) for n in (6, 5)]  # each between two task-force meetings
    MOU.objects.create(organization=world.shelter, status=MOU.Status.SIGNED, signed_on="2024-01-01")

    def attend(person, meetings):
        Attendance.objects.bulk_create(Attendance(meeting=m, person=person) for m in meetings)

    attend(world.member, task_force[1:5])  # 4 of the last 6
    attend(world.data_contact, task_force[0:3])  # the oldest does not count: 2 of the last 6
    attend(world.cochair, [task_force[6], *youth])  # 1, plus two committee meetings in other periods
    Attendance.objects.create(meeting=task_force[5], person=world.other_cochair, status=Attendance.Status.EXCUSED)
    return task_force


def set_policy(rule, *, committee_meetings_count=True):
    policy = MembershipPolicy.load()
    policy.voting_rule = rule
    policy.required_meetings, policy.window_meetings = 3, 6
    policy.committee_meetings_count = committee_meetings_count
    policy.save()


def outcome(world):
    report = voting_eligibility()
    rows = {row.person_id: row for row in report.rows}
    return {
        name: (rows[getattr(world, name).pk].can_vote, rows[getattr(world, name).pk].reasons)
        for name in ("member", "data_contact", "cochair", "other_cochair", "staff")
    }


def attendance(n):
    return f"attended {n} of the last 6 task-force meetings, 3 required"


def test_mou_only(world, history):
    set_policy(MembershipPolicy.VotingRule.MOU_ONLY)
    result = outcome(world)
    assert result["member"] == (True, [])
    assert result["other_cochair"] == (True, [])
    assert result["data_contact"] == (False, ["no signed MOU"])
    assert result["staff"] == (False, ["no signed MOU"])


def test_attendance_only(world, history):
    set_policy(MembershipPolicy.VotingRule.ATTENDANCE_ONLY)
    result = outcome(world)
    assert result["member"] == (True, [])
    assert result["cochair"] == (True, [])  # committee meetings count for their periods
    assert result["data_contact"] == (False, [attendance(2)])
    assert result["other_cochair"] == (False, [attendance(0)])  # excused is not attended


def test_attendance_without_committee_meetings(world, history):
    set_policy(MembershipPolicy.VotingRule.ATTENDANCE_ONLY, committee_meetings_count=False)
    assert outcome(world)["cochair"] == (False, [attendance(1)])


def test_both(world, history):
    set_policy(MembershipPolicy.VotingRule.BOTH)
    result = outcome(world)
    assert result["member"] == (True, [])
    assert result["data_contact"] == (False, ["no signed MOU", attendance(2)])
    assert result["other_cochair"] == (False, [attendance(0)])
    assert result["staff"] == (False, ["no signed MOU", attendance(0)])


def test_either(world, history):
    set_policy(MembershipPolicy.VotingRule.EITHER)
    result = outcome(world)
    assert result["other_cochair"] == (True, [])  # signed MOU is enough
    assert result["member"] == (True, [])
    assert result["data_contact"] == (False, ["no signed MOU", attendance(2)])


def test_expired_mou_does_not_count(world, history):
    set_policy(MembershipPolicy.VotingRule.MOU_ONLY)
    MOU.objects.filter(organization=world.shelter).update(expires_on="2024-06-01")
    assert outcome(world)["member"] == (False, ["no signed MOU"])


def test_fewer_meetings_than_the_window(world, make_meeting):
    set_policy(MembershipPolicy.VotingRule.ATTENDANCE_ONLY)
    meeting = make_meeting(world.task_force)
    Attendance.objects.create(meeting=meeting, person=world.member)
    report = voting_eligibility()
    assert report.required == 1
    rows = {row.person_id: row for row in report.rows}
    assert rows[world.member.pk].can_vote
    assert rows[world.staff.pk].reasons == ["attended 0 of the last 1 task-force meetings, 1 required"]


def test_page_shows_reasons_and_changes_with_the_policy(world, history, client_as):
    set_policy(MembershipPolicy.VotingRule.BOTH)
    body = client_as("member").get("/members/eligibility/").content.decode()
    assert "Datacontact, Dana" in body and "no signed MOU; " + attendance(2) in body
    set_policy(MembershipPolicy.VotingRule.MOU_ONLY)
    body = client_as("member").get("/members/eligibility/").content.decode()
    assert attendance(2) not in body
    assert client_as("anonymous").get("/members/eligibility/").status_code == 302


def test_query_count_is_fixed(world, history, client_as, add_people, make_meeting):
    client = client_as("member")
    MembershipPolicy.load()
    with CaptureQueriesContext(connection) as first:
        client.get("/members/eligibility/")
    pairs = add_people(40)
    Membership.objects.bulk_create(Membership(person=p, organization=o, start_on="2020-01-01") for p, o in pairs)
    MOU.objects.bulk_create(
        MOU(organization=o, status=MOU.Status.SIGNED, signed_on="2024-01-01") for _, o in pairs[::2]
    )
    for meeting in history:
        Attendance.objects.bulk_create(Attendance(meeting=meeting, person=p) for p, _ in pairs[::3])
    with CaptureQueriesContext(connection) as second:
        response = client.get("/members/eligibility/")
    assert response.status_code == 200
    assert len(second) == len(first)


def test_each_table_pages_and_the_counts_cover_everyone(world, client_as, add_people):
    set_policy(MembershipPolicy.VotingRule.MOU_ONLY)
    pairs = add_people(120, prefix="Paged")
    Membership.objects.bulk_create(Membership(person=p, organization=o, start_on="2020-01-01") for p, o in pairs)
    everyone = len(voting_eligibility().rows)
    client = client_as("member")
    first = client.get("/members/eligibility/").content.decode()
    assert f"Cannot vote ({everyone})" in first
    assert first.count("<tr>") == 1 + 100  # the header row and a page of people
    assert 'aria-label="Pages of the people who cannot vote"' in first and "?others_page=2" in first
    second = client.get("/members/eligibility/?others_page=2").content.decode()
    assert f"Cannot vote ({everyone})" in second
    assert second.count("<tr>") == 1 + everyone - 100
    assert "?others_page=1" in second


def test_each_row_names_the_organizations_represented_now_once_each(world, client_as):
    set_policy(MembershipPolicy.VotingRule.MOU_ONLY)
    # A second current membership at the same organization (an alternate too), one at another, one ended.
    Membership.objects.create(
        person=world.member, organization=world.shelter, role=Membership.Role.ALTERNATE, start_on="2021-01-01"
    )
    Membership.objects.create(person=world.member, organization=world.dosw, start_on="2021-01-01")
    Membership.objects.create(
        person=world.member, organization=world.legal_aid, start_on="2020-01-01", end_on="2020-12-31"
    )
    rows = {row.person_id: row for row in voting_eligibility().rows}
    assert rows[world.member.pk].representing == "Asian Women's Shelter; Department on the Status of Women"
    assert rows[world.member.pk].sort_name == "Member, Morgan"
    assert len([row for row in voting_eligibility().rows if row.person_id == world.member.pk]) == 1
    body = client_as("member").get("/members/eligibility/").content.decode()
    assert '<th scope="row" data-label="Name">Member, Morgan</th>' in body
    assert "Asian Women&#x27;s Shelter; Department on the Status of Women" in body
