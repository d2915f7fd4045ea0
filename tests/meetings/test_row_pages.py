"""The meetings list, attendance, eligibility, action items and attendance report: each page's exact query
count, the same with a few rows and with many, and every name, title and organization escaped."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import ActionItem, AgendaItem, Attendance
from members.models import CommitteeRole, Membership, MembershipPolicy, Organization, Person

pytestmark = pytest.mark.django_db

HOSTILE = "<script>\"'&"


def pages(world, meeting, committee_meeting):
    today = timezone.localdate()
    period = f"?start={today - datetime.timedelta(days=60)}&end={today}"
    return {
        "list": "/meetings/",
        # (A page past the end, a stale link, reads the count and the last page: two queries more.)
        "list filtered": f"/meetings/?committee={world.youth.pk}",
        "task-force attendance": reverse("meetings:attendance", args=[meeting.pk]),
        "committee attendance": reverse("meetings:attendance", args=[committee_meeting.pk]) + "?q=family",
        "eligibility": "/members/eligibility/",
        "action items": "/actions/",
        "attendance report": "/meetings/attendance-report/" + period,
        "calendar": "/meetings/calendar.ics",
        "committee calendar": f"/meetings/calendar/{world.youth.slug}.ics",
    }


# Each page's queries as staff: session, user and the access rule's reads are in every count.
QUERIES = {
    # A page of past meetings is one query, read with the list's size (the count was one more before).
    "list": 8,
    "list filtered": 9,
    # The guest form lists no organizations until its organization search asks (one query less than before).
    # The list's page is one query, read with each row's attendance, membership, committee role and the list's
    # size (three fewer than the count, the people and two prefetches before).
    "task-force attendance": 6,
    "committee attendance": 7,  # its guest search, ?q=family, is one more
    # The policy, the window's meetings, the attendance counts and the current members with their names,
    # organizations and MOU answer (one query read the names of the rows shown, another the window again).
    "eligibility": 8,
    "action items": 6,  # a page of open items, with the list's size (one query)
    "attendance report": 8,
    # The feeds never read the user themselves; taskforce.middleware.UserLanguageMiddleware does (session and
    # user, +2) for a logged-in browser without a language cookie, to apply the account's language. Calendar apps
    # fetch without a session and pay nothing.
    "calendar": 3,
    "committee calendar": 4,
}


def grow(world, make_meeting, fill_meeting, add_people, meetings):
    for days in range(-50, -10, 4):
        fill_meeting(make_meeting(world.task_force, days=days, is_public=True), 4)
        fill_meeting(make_meeting(world.youth, days=days + 1, is_public=True), 3)
    make_meeting(world.youth, days=5, is_public=True)
    pairs = add_people(12, prefix="Grown")
    Membership.objects.bulk_create(Membership(person=p, organization=o, start_on="2020-01-01") for p, o in pairs)
    CommitteeRole.objects.bulk_create(
        CommitteeRole(person=p, committee=world.youth, start_on="2020-01-01") for p, _ in pairs[:6]
    )
    for meeting in meetings:
        fill_meeting(meeting, 4)


@pytest.mark.parametrize("page", list(QUERIES))
def test_each_page_has_an_exact_query_count_whatever_it_holds(
    world, make_meeting, fill_meeting, add_people, client_as, django_assert_num_queries, page
):
    MembershipPolicy.load()  # created on first use; that is not what is measured
    meeting = make_meeting(world.task_force, days=-3, is_public=True)
    committee_meeting = make_meeting(world.youth, days=-2, is_public=True)
    fill_meeting(meeting, 1)
    fill_meeting(committee_meeting, 1)
    client = client_as("staff")
    url = pages(world, meeting, committee_meeting)[page]
    with django_assert_num_queries(QUERIES[page]):
        assert client.get(url).status_code == 200
    grow(world, make_meeting, fill_meeting, add_people, [meeting, committee_meeting])
    with django_assert_num_queries(QUERIES[page]):
        assert client.get(url).status_code == 200


ESCAPED = "&lt;script&gt;&quot;&#x27;&amp;"


def test_names_titles_and_organizations_come_back_escaped(world, make_meeting, client_as):
    from members.models import Committee

    organization = Organization.objects.create(name=f"Org {HOSTILE}")
    person = Person.objects.create(given_name=HOSTILE, family_name=f"Family {HOSTILE}")
    Membership.objects.create(person=person, organization=organization, start_on="2020-01-01")
    committee = Committee.objects.create(name=f"Committee {HOSTILE}", slug="hostile")
    CommitteeRole.objects.create(person=person, committee=committee, start_on="2020-01-01")
    meeting = make_meeting(world.task_force, days=-3, title=f"Meeting {HOSTILE}", is_public=True)
    committee_meeting = make_meeting(committee, days=-2, title=f"Committee meeting {HOSTILE}", is_public=True)
    AgendaItem.objects.create(meeting=meeting, position=1, title=f"Item {HOSTILE}")
    for each in (meeting, committee_meeting):
        Attendance.objects.create(meeting=each, person=person, organization=organization)
    ActionItem.objects.create(
        meeting=committee_meeting, committee=committee, description=f"Task {HOSTILE}", owner=person
    )
    today = timezone.localdate()
    client = client_as("staff")
    for url in (
        "/meetings/",
        reverse("meetings:attendance", args=[meeting.pk]),
        reverse("meetings:attendance", args=[committee_meeting.pk]),
        "/members/eligibility/",
        "/actions/",
        f"/meetings/attendance-report/?start={today - datetime.timedelta(days=30)}&end={today}",
    ):
        body = client.get(url).content.decode()
        assert HOSTILE not in body and '<script>"' not in body, url
        assert body.count(ESCAPED) >= 2, url
    attendance = client.get(reverse("meetings:attendance", args=[meeting.pk])).content.decode()
    assert f"Family {ESCAPED}, {ESCAPED}" in attendance and f"Org {ESCAPED}" in attendance
    assert f"Meeting {ESCAPED}" in attendance
    assert f"Meeting {ESCAPED}" in client.get("/meetings/").content.decode()
    report = client.get(
        f"/meetings/attendance-report/?start={today - datetime.timedelta(days=30)}&end={today}"
    ).content.decode()
    assert f"Family {ESCAPED}, {ESCAPED}" in report and f"Org {ESCAPED}" in report
    assert f"{ESCAPED} Family {ESCAPED}" in report  # the organization's usual representative
    eligibility = client.get("/members/eligibility/").content.decode()
    assert f"Family {ESCAPED}, {ESCAPED}" in eligibility and f"Org {ESCAPED}" in eligibility
    actions = client.get("/actions/").content.decode()
    assert f"Task {ESCAPED}" in actions and f"Committee {ESCAPED}" in actions
    assert f"{ESCAPED} Family {ESCAPED}" in actions  # the owner


def test_meeting_list_rows_escape_titles_and_read_in_the_pages_language(world, make_meeting, client):
    """The list's rows are drawn by Jinja2 (meetings/jinja2/meetings/meeting_rows.html): the title escaped in the
    link and in the minutes link's hidden words, which are in the page's language; badges and places as before."""
    from django.utils import translation

    from meetings.models import Meeting

    meeting = make_meeting(world.task_force, days=-9, title=f"Meeting {HOSTILE}", is_public=True)
    meeting.approve_minutes(at=make_meeting(world.task_force, days=-2, is_public=True))
    online = make_meeting(world.task_force, days=-4, is_public=True, online_link="https://example.org/call")
    Meeting.objects.filter(pk=online.pk).update(location="")
    make_meeting(world.task_force, days=-5, is_public=True, status=Meeting.Status.CANCELLED)
    body = client.get("/meetings/").content.decode()
    assert HOSTILE not in body
    assert f'<a href="/meetings/{meeting.pk}/">Meeting {ESCAPED}</a>' in body
    assert f'<span class="visually-hidden"> of Meeting {ESCAPED}, {meeting.date_label}</span>' in body
    assert '<td data-label="Where">https://example.org/call</td>' in body
    assert '<span class="badge text-bg-secondary">Cancelled</span>' in body
    spanish = client.get("/meetings/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    with translation.override("es"):
        of_meeting = translation.gettext("of %(meeting)s") % {"meeting": f"Meeting {ESCAPED}, {meeting.date_label}"}
    assert of_meeting.startswith("de ") and f'<span class="visually-hidden"> {of_meeting}</span>' in spanish
