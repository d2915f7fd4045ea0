"""Taking attendance: one submit for the whole list, guests added inline, the organization of the day kept."""

import pathlib
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import Attendance, Meeting
from members.models import CommitteeRole, Membership, Organization, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def thirty_representatives(world, add_people):
    pairs = add_people(23, prefix="Rep")
    Membership.objects.bulk_create(
        Membership(person=person, organization=org, start_on="2020-01-01") for person, org in pairs
    )
    return pairs


def url(meeting):
    return reverse("meetings:attendance", args=[meeting.pk])


def test_committee_roster_lists_its_members_chairs_and_guests_by_family_name(world, make_meeting, client_as):
    meeting = make_meeting(world.youth)
    outsider = Person.objects.create(given_name="Zed", family_name="Aaronson")
    CommitteeRole.objects.create(person=outsider, committee=world.youth, start_on="2020-01-01")
    guest = Person.objects.create(given_name="Gina", family_name="Guest")
    Attendance.objects.create(meeting=meeting, person=guest, organization=world.dosw, role="guest")
    body = client_as("staff").get(url(meeting)).content.decode()
    names = ["Aaronson, Zed", "Cochair, Casey", "Guest, Gina", "Member, Morgan"]
    positions = [body.index(f'data-label="Name">{name}') for name in names]
    assert positions == sorted(positions)
    assert body.count('data-label="Name">Member, Morgan') == 1
    # A committee member who represents an organization is listed with it; the guest with theirs.
    assert 'Member, Morgan</th>\n  <td data-label="Organization">Asian Women&#x27;s Shelter</td>' in body
    assert '<span class="badge text-bg-light border">Guest</span>' in body
    # Not every task-force representative: not the committee's, and a past co-chair no longer.
    for name in ("Datacontact, Dana", "Staffer, Sam", "Other, Olive", "Former, Frances"):
        assert f'data-label="Name">{name}' not in body
    assert "(4 people)" in body


def test_task_force_roster_lists_the_current_representatives(world, make_meeting, client_as):
    meeting = make_meeting(world.task_force)
    Membership.objects.filter(person=world.former_cochair).update(end_on="2021-01-01")
    body = client_as("staff").get(url(meeting)).content.decode()
    for name in ("Cochair, Casey", "Datacontact, Dana", "Member, Morgan", "Staffer, Sam", "Other, Olive"):
        assert f'data-label="Name">{name}' in body
    assert 'data-label="Name">Former, Frances' not in body


def test_mark_all_present_marks_only_the_committee_list(world, make_meeting, client_as):
    meeting = make_meeting(world.youth)
    guest = Person.objects.create(given_name="Gina", family_name="Guest")
    Attendance.objects.create(meeting=meeting, person=guest, role="guest", status="excused")
    client = client_as("staff")
    # A radio for someone not on the list is ignored, too.
    response = client.post(url(meeting), {"all_present": "1", f"status-{world.staff.pk}": "present"})
    assert response.status_code == 302
    marked = dict(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status"))
    assert marked == {world.cochair.pk: "present", world.member.pk: "present", guest.pk: "present"}
    assert Attendance.objects.get(meeting=meeting, person=world.member).organization == world.shelter


def test_thirty_people_in_one_submit(world, make_meeting, client_as, thirty_representatives):
    meeting = make_meeting(world.task_force)
    client = client_as("staff")
    body = client.get(url(meeting)).content.decode()
    people = Membership.objects.current().values_list("person_id", flat=True).distinct()
    assert len(people) == 30
    data = {f"status-{pk}": "present" for pk in people}
    data[f"status-{world.member.pk}"] = "excused"
    data[f"status-{world.staff.pk}"] = "remote"
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url(meeting), data)
    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=meeting).count() == 30
    assert Attendance.objects.get(meeting=meeting, person=world.member).status == "excused"
    assert Attendance.objects.get(meeting=meeting, person=world.member).organization == world.shelter
    assert Attendance.objects.get(meeting=meeting, person=world.staff).status == "remote"
    assert len(queries) < 20  # one insert for all rows, not one per person
    assert "Mark all present" in body

    # Saving again changes only what changed.
    data[f"status-{world.member.pk}"] = "present"
    client.post(url(meeting), data)
    assert Attendance.objects.get(meeting=meeting, person=world.member).status == "present"
    assert Attendance.objects.filter(meeting=meeting).count() == 30


def test_mark_all_present_without_javascript(world, make_meeting, client_as):
    meeting = make_meeting(world.task_force)
    client_as("staff").post(url(meeting), {"all_present": "1"})
    statuses = set(Attendance.objects.filter(meeting=meeting).values_list("status", flat=True))
    assert statuses == {"present"} and Attendance.objects.filter(meeting=meeting).count() == 7


def test_unknown_status_is_refused_and_nothing_saved(world, make_meeting, client_as):
    meeting = make_meeting(world.task_force)
    response = client_as("staff").post(
        url(meeting), {f"status-{world.member.pk}": "asleep", f"status-{world.staff.pk}": "present"}
    )
    assert "Morgan Member: choose present, remote, excused or absent." in response.content.decode()
    assert not Attendance.objects.exists()


def test_add_an_existing_guest_then_refuse_them_twice(world, make_meeting, client_as):
    meeting = make_meeting(world.task_force)
    guest = Person.objects.create(given_name="Gina", family_name="Guest")
    add = reverse("meetings:add_guest", args=[meeting.pk])
    client = client_as("staff")
    response = client.post(
        add, {"person": guest.pk, "organization": world.dosw.pk, "role": "guest"}, HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 200 and "Guest, Gina" in response.content.decode()
    row = Attendance.objects.get(meeting=meeting, person=guest)
    assert row.role == "guest" and row.organization == world.dosw and row.status == "present"
    response = client.post(add, {"person": guest.pk, "role": "guest"}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400
    assert "This person is already on the attendance list." in response.content.decode()
    assert Attendance.objects.filter(meeting=meeting, person=guest).count() == 1
    assert "Guest, Gina" in client.get(url(meeting)).content.decode()


def test_a_guest_from_the_registry_represents_their_organization_unless_told(world, make_meeting, client_as):
    """Picked from the registry with no organization chosen, a guest is recorded for the organization they
    represent on the meeting's day (the one the list shows for members); one chosen on the form wins."""
    meeting = make_meeting(world.youth)
    add = reverse("meetings:add_guest", args=[meeting.pk])
    client = client_as("cochair")
    assert client.post(add, {"person": world.data_contact.pk, "role": "guest"}).status_code == 302
    assert Attendance.objects.get(meeting=meeting, person=world.data_contact).organization == world.legal_aid
    client.post(add, {"person": world.member.pk, "organization": world.dosw.pk, "role": "guest"})
    assert Attendance.objects.get(meeting=meeting, person=world.member).organization == world.dosw
    stranger = Person.objects.create(given_name="Gina", family_name="Guest")  # represents no one
    client.post(add, {"person": stranger.pk, "role": "guest"})
    assert Attendance.objects.get(meeting=meeting, person=stranger).organization is None


def test_create_a_new_guest_with_a_new_organization(world, make_meeting, client_as):
    meeting = make_meeting(world.task_force)
    add = reverse("meetings:add_guest", args=[meeting.pk])
    client = client_as("cochair")
    assert client.post(add, {"given_name": "Nia", "role": "guest"}).status_code == 403  # not their committee
    client = client_as("staff")
    response = client.post(add, {"given_name": "Nia", "role": "guest"})
    assert response.status_code == 302 and not Person.objects.filter(given_name="Nia").exists()
    response = client.post(
        add,
        {
            "given_name": "Nia",
            "family_name": "Newcomer",
            "new_organization": "Bay Area Workers Center",
            "role": "guest",
        },
    )
    assert response.status_code == 302
    row = Attendance.objects.get(person__family_name="Newcomer")
    assert row.organization.name == "Bay Area Workers Center"
    assert row.organization.status == Organization.Status.PROSPECT
    response = client.post(
        add, {"given_name": "Other", "family_name": "Person", "new_organization": "legal aid society", "role": "guest"}
    )
    assert not Person.objects.filter(given_name="Other").exists()


def test_approved_minutes_lock_attendance_unless_staff_amend_with_a_reason(world, make_meeting, client_as):
    meeting = make_meeting(world.task_force)
    meeting.approve_minutes(at=make_meeting(world.task_force, days=-1))
    from members.models import CommitteeRole

    CommitteeRole.objects.create(
        person=world.cochair, committee=world.task_force, role="co_chair", start_on="2020-01-01"
    )
    data = {f"status-{world.member.pk}": "present"}
    body = client_as("cochair").post(url(meeting), data).content.decode()
    assert "These minutes were approved and are locked; only staff can amend them." in body
    staff = client_as("staff")
    body = staff.post(url(meeting), data).content.decode()
    assert "Approved minutes change only by an amendment: give the reason." in body
    assert not Attendance.objects.exists()
    response = staff.post(url(meeting), {**data, "amendment_reason": "Morgan signed in late"})
    assert response.status_code == 302
    assert Attendance.objects.get().history.first().history_change_reason == "Amendment: Morgan signed in late"
    minutes = staff.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert "Amended" in minutes and "Morgan signed in late" in minutes

    add = reverse("meetings:add_guest", args=[meeting.pk])
    guest = Person.objects.create(given_name="Gina", family_name="Guest")
    response = staff.post(add, {"person": guest.pk, "role": "guest"}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400 and "give the reason" in response.content.decode()
    response = staff.post(
        add, {"person": guest.pk, "role": "guest", "amendment_reason": "Guest missed"}, HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 200
    assert Attendance.objects.filter(person=guest).exists()


def test_approved_minutes_lock_the_agenda_too(world, make_meeting, client_as):
    from meetings.models import AgendaItem
    from tests.meetings.forms_helper import form_data

    meeting = make_meeting(world.task_force)
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome")
    meeting.approve_minutes(at=make_meeting(world.task_force, days=-1))
    edit = reverse("meetings:edit", args=[meeting.pk])
    staff = client_as("staff")
    data = form_data(staff.get(edit).content.decode(), **{"items-0-title": "Welcome, introductions"})
    assert "give the reason" in staff.post(edit, data).content.decode()
    assert AgendaItem.objects.get().title == "Welcome"
    data["amendment_reason"] = "Title as announced"
    assert staff.post(edit, data).status_code == 302
    assert AgendaItem.objects.get().title == "Welcome, introductions"


@pytest.fixture
def pages_of_ten(monkeypatch):
    from meetings import services

    monkeypatch.setattr(services, "ROSTER_PAGE_SIZE", 10)


def listed(body):
    """The names of the attendance list's rows, in order."""
    return re.findall(r'<th scope="row" data-label="Name">([^<]+?)(?: <span|</th>)', body)


def test_a_long_list_comes_a_page_at_a_time_by_family_name(
    world, make_meeting, client_as, thirty_representatives, pages_of_ten
):
    meeting = make_meeting(world.task_force)
    everyone = [person.sort_name for person in meeting.expected_people()]
    assert len(everyone) == 30 and everyone == sorted(everyone, key=str.lower)
    client = client_as("staff")
    first = client.get(url(meeting)).content.decode()
    assert listed(first) == everyone[:10]
    assert "(30 people)" in first
    assert 'aria-label="Pages of the attendance list"' in first and "Page 1 of 3" in first
    assert 'href="?page=2"' in first
    assert "Marks only the people listed on this page" in first
    second = client.get(url(meeting) + "?page=2&q=gina").content.decode()
    assert listed(second) == everyone[10:20]
    assert 'href="?page=1&amp;q=gina"' in second and 'href="?page=3&amp;q=gina"' in second
    assert '<input type="hidden" name="page" value="2">' in second  # a guest search stays on this page


def test_saving_a_page_records_only_its_people_and_comes_back_to_it(
    world, make_meeting, client_as, thirty_representatives, pages_of_ten
):
    meeting = make_meeting(world.task_force)
    people = list(meeting.expected_people().values_list("pk", flat=True))
    client = client_as("staff")
    # "Mark all present" on page 2; a radio for someone on page 1 is ignored.
    response = client.post(url(meeting) + "?page=2", {"all_present": "1", f"status-{people[0]}": "absent"})
    assert response.status_code == 302 and response.url == url(meeting) + "?page=2"
    recorded = dict(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status"))
    assert recorded == dict.fromkeys(people[10:20], "present")
    # Page 1 saved later changes only its own people.
    response = client.post(url(meeting), {f"status-{people[0]}": "excused", f"status-{people[10]}": "absent"})
    assert response.url == url(meeting) + "?page=1"
    assert Attendance.objects.get(meeting=meeting, person_id=people[0]).status == "excused"
    assert Attendance.objects.get(meeting=meeting, person_id=people[10]).status == "present"
    assert Attendance.objects.filter(meeting=meeting).count() == 11


def test_saving_a_page_saves_whom_it_listed_even_if_a_guest_moved_the_pages_since(
    world, make_meeting, client_as, thirty_representatives, pages_of_ten
):
    meeting = make_meeting(world.task_force)
    client = client_as("staff")
    shown = [int(pk) for pk in re.findall(r'name="listed" value="(\d+)"', client.get(url(meeting)).content.decode())]
    assert shown == list(meeting.expected_people().values_list("pk", flat=True)[:10])
    # Meanwhile a guest who sorts first is added (in place, as attendance.js does): page 1 now ends earlier.
    guest = Person.objects.create(given_name="Abe", family_name="Aardvark")
    Attendance.objects.create(meeting=meeting, person=guest, role="guest", status="excused")
    response = client.post(url(meeting), {"all_present": "1", "listed": shown})
    assert response.status_code == 302
    recorded = dict(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status"))
    assert recorded == {guest.pk: "excused", **dict.fromkeys(shown, "present")}
    # Someone listed who is no longer expected (nor recorded) is not saved.
    Membership.objects.filter(person_id=shown[-1]).update(end_on="2020-06-01")
    Attendance.objects.filter(person_id=shown[-1]).delete()
    client.post(url(meeting), {"all_present": "1", "listed": [*shown, "x", "²"]})
    assert not Attendance.objects.filter(meeting=meeting, person_id=shown[-1]).exists()


# Six: the session, the user, the meeting, the list's page (read with each row's attendance, membership and
# committee role and the list's size in one query; it was four: the count, the people and two prefetches),
# and the viewer's committee roles and data-contact organizations. The guest form lists no organizations
# until its search asks (the search itself is a seventh query).
@pytest.mark.parametrize(("committee", "queries"), [("task_force", 6), ("youth", 6)])
def test_the_list_reads_the_same_queries_for_few_or_many_people(
    world, make_meeting, add_people, client_as, django_assert_num_queries, pages_of_ten, committee, queries
):
    from members.models import MembershipPolicy

    MembershipPolicy.load()
    meeting = make_meeting(getattr(world, committee))
    client = client_as("staff")
    with django_assert_num_queries(queries):
        assert client.get(url(meeting)).status_code == 200
    with django_assert_num_queries(queries + 1):
        assert client.get(url(meeting), {"organization_q": "shelter"}).status_code == 200
    pairs = add_people(35, prefix="Many")
    Membership.objects.bulk_create(Membership(person=p, organization=o, start_on="2020-01-01") for p, o in pairs)
    CommitteeRole.objects.bulk_create(
        CommitteeRole(person=p, committee=world.youth, start_on="2020-01-01") for p, _ in pairs
    )
    Attendance.objects.bulk_create(Attendance(meeting=meeting, person=p, status="present") for p, _ in pairs[:5])
    for page in ("", "?page=2", "?page=3"):
        with django_assert_num_queries(queries):
            body = client.get(url(meeting) + page).content.decode()
        assert len(listed(body)) == 10


def test_committee_roster_lists_the_people_recorded_at_its_last_three_meetings(world, make_meeting, client_as):
    def came(meeting, given, family):
        person = Person.objects.create(given_name=given, family_name=family)
        Attendance.objects.create(meeting=meeting, person=person, role="guest", status="present")
        return person

    came(make_meeting(world.youth, days=-50), "Olga", "Oldest")  # four meetings back: no longer listed
    came(make_meeting(world.youth, days=-40), "Tess", "Thirdback")
    came(make_meeting(world.youth, days=-35, status="cancelled"), "Cass", "Cancelled")  # never took place
    came(make_meeting(world.youth, days=-30), "Sid", "Secondback")
    came(make_meeting(world.adult, days=-25), "Adam", "Adultonly")  # another committee's
    came(make_meeting(world.youth, days=-20), "Lee", "Lastone")
    meeting = make_meeting(world.youth, days=-10)
    came(make_meeting(world.youth, days=-5), "Lou", "Later")  # after this meeting
    body = client_as("staff").get(url(meeting)).content.decode()
    for name in ("Thirdback, Tess", "Secondback, Sid", "Lastone, Lee", "Cochair, Casey", "Member, Morgan"):
        assert f'data-label="Name">{name}' in body
    for name in ("Oldest, Olga", "Cancelled, Cass", "Adultonly, Adam", "Later, Lou"):
        assert f'data-label="Name">{name}' not in body
    # Not on the committee: listed as a guest, and "Mark all present" marks exactly the listed people.
    assert 'data-label="Name">Lastone, Lee <span class="badge text-bg-light border">Guest</span>' in body
    client_as("staff").post(url(meeting), {"all_present": "1", "listed": listed(body)})
    marked = set(Attendance.objects.filter(meeting=meeting).values_list("person__family_name", flat=True))
    assert marked == {"Thirdback", "Secondback", "Lastone", "Cochair", "Member"}
    assert set(meeting.expected_people().values_list("family_name", flat=True)) == marked


def test_adding_a_guest_says_who_was_added_and_as_what(world, make_meeting, client_as):
    meeting = make_meeting(world.youth)
    add = reverse("meetings:add_guest", args=[meeting.pk])
    client = client_as("cochair")
    amani = Person.objects.create(given_name="Amani", family_name="Wanjiru")
    response = client.post(add, {"person": amani.pk, "role": "guest"}, HTTP_X_REQUESTED_WITH="fetch")
    assert 'data-added="Added Amani Wanjiru (guest) as present."' in response.content.decode()
    response = client.post(add, {"given_name": "Pat", "family_name": "Presenter", "role": "presenter"}, follow=True)
    assert "Added Pat Presenter (presenter) as present." in response.content.decode()
    # The rows the page draws carry no message.
    assert "data-added" not in client.get(url(meeting)).content.decode()


def test_the_attendance_rows_show_where_the_keyboard_is(world, make_meeting, client_as):
    """The focus ring and row highlight are CSS: the page loads the stylesheet that draws them."""
    from django.contrib.staticfiles import finders

    body = client_as("staff").get(url(make_meeting(world.youth))).content.decode()
    assert "css/meetings.css" in body
    css = pathlib.Path(finders.find("css/meetings.css")).read_text()
    assert ".attendance-table tbody tr:focus-within" in css
    assert ".attendance-table .form-check-input:focus-visible" in css


def test_attendance_of_a_meeting_not_yet_held_is_saved_only_once_confirmed(world, make_meeting, client_as):
    from django.utils import formats

    meeting = make_meeting(world.youth, days=10)
    client = client_as("cochair")
    question = (
        f"This meeting is on {formats.date_format(meeting.local_start.date(), 'l, F j')}"
        if meeting.local_start.year == timezone.localdate().year
        else f"This meeting is on {formats.date_format(meeting.local_start.date(), 'l, F j, Y')}"
    ) + "; record attendance anyway?"
    assert question in client.get(url(meeting)).content.decode()
    response = client.post(url(meeting), {f"status-{world.member.pk}": "present", "listed": [world.member.pk]})
    body = response.content.decode()
    assert response.status_code == 200 and question in body
    assert "Nothing was saved: tick the box to confirm" in body
    assert f'value="present" id="status-{world.member.pk}-present" checked' in body  # what was typed is kept
    assert not Attendance.objects.exists()
    response = client.post(
        url(meeting),
        {f"status-{world.member.pk}": "present", "listed": [world.member.pk], "confirm_not_yet_held": "on"},
    )
    assert response.status_code == 302
    assert Attendance.objects.get(meeting=meeting).person == world.member
    # A meeting already held asks nothing.
    held = make_meeting(world.youth, days=-1)
    assert "record attendance anyway" not in client.get(url(held)).content.decode()
    client.post(url(held), {f"status-{world.member.pk}": "present", "listed": [world.member.pk]})
    assert Attendance.objects.filter(meeting=held).count() == 1


def test_a_guest_at_a_meeting_not_yet_held_is_added_only_once_confirmed(world, make_meeting, client_as):
    meeting = make_meeting(world.youth, days=10)
    add = reverse("meetings:add_guest", args=[meeting.pk])
    client = client_as("cochair")
    assert 'name="guest-confirm_not_yet_held"' in client.get(url(meeting)).content.decode()
    amani = Person.objects.create(given_name="Amani", family_name="Wanjiru")
    response = client.post(add, {"person": amani.pk, "role": "guest"}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400
    assert "Nothing was saved: tick the box to confirm" in response.content.decode()
    assert not Attendance.objects.exists()
    response = client.post(
        add,
        {"person": amani.pk, "role": "guest", "guest-confirm_not_yet_held": "on"},
        HTTP_X_REQUESTED_WITH="fetch",
    )
    assert response.status_code == 200 and Attendance.objects.get().person == amani


HOSTILE = "<script>\"'&"


def test_the_rows_escape_names_and_organizations_on_the_page_and_in_the_added_row(world, make_meeting, client_as):
    meeting = make_meeting(world.youth)
    hostile_org = Organization.objects.create(name=f"Org {HOSTILE}")
    listed = Person.objects.create(given_name=f"Gil {HOSTILE}", family_name=f"Hostile {HOSTILE}")
    Attendance.objects.create(meeting=meeting, person=listed, organization=hostile_org, role="guest")
    client = client_as("staff")
    body = client.get(url(meeting)).content.decode()
    rows = body[body.index('<tbody id="attendance-rows">') : body.index("</tbody>")]
    assert "<script>" not in rows
    assert "Hostile &lt;script&gt;&quot;&#x27;&amp;, Gil &lt;script&gt;&quot;&#x27;&amp; <span" in rows
    assert '<td data-label="Organization">Org &lt;script&gt;&quot;&#x27;&amp;</td>' in rows
    assert f'for="status-{listed.pk}-present">Present: Gil &lt;script&gt;' in rows
    added = Person.objects.create(given_name=HOSTILE, family_name="Added")
    response = client.post(
        reverse("meetings:add_guest", args=[meeting.pk]),
        {"person": added.pk, "organization": hostile_org.pk, "role": "guest"},
        HTTP_X_REQUESTED_WITH="fetch",
    )
    row = response.content.decode()
    assert response.status_code == 200 and "<script>" not in row
    assert 'data-added="Added &lt;script&gt;&quot;&#x27;&amp; Added (guest) as present."' in row
    assert "Added, &lt;script&gt;&quot;&#x27;&amp; <span" in row


def test_the_rows_words_are_in_the_pages_language(world, make_meeting, client_as):
    """The rows' column labels come translated from the view: the rows' template has no words of its own."""
    meeting = make_meeting(world.youth)
    guest = Person.objects.create(given_name="Gina", family_name="Guest")
    Attendance.objects.create(meeting=meeting, person=guest, organization=world.dosw, role="guest")
    client = client_as("staff")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    body = client.get(url(meeting)).content.decode()
    rows = body[body.index('<tbody id="attendance-rows">') : body.index("</tbody>")]
    assert '<td data-label="Organización">' in rows
    assert 'data-label="Organization"' not in rows


def test_a_cancelled_meeting_takes_no_attendance_nor_guests(world, make_meeting, client_as):
    """Nobody attends a cancelled meeting (the policy counts none of it): its list says so, its forms are shown
    disabled, and a post saves nothing, for co-chairs and staff alike."""
    meeting = make_meeting(world.youth, days=-1)
    meeting.status = Meeting.Status.CANCELLED
    meeting.save()
    amani = Person.objects.create(given_name="Amani", family_name="Wanjiru")
    cancelled = "This meeting was cancelled, so it takes no attendance"
    for role in ("cochair", "staff"):
        client = client_as(role)
        page = client.get(url(meeting)).content.decode()
        assert cancelled in page
        assert page.count('<fieldset class="locked-form" disabled>') == 2  # the list and the guest form
        response = client.post(url(meeting), {f"status-{world.member.pk}": "present", "listed": [world.member.pk]})
        assert response.status_code == 200
        assert f"{cancelled}: nothing was saved." in response.content.decode()
        add = reverse("meetings:add_guest", args=[meeting.pk])
        response = client.post(add, {"person": amani.pk, "role": "guest"}, HTTP_X_REQUESTED_WITH="fetch")
        assert response.status_code == 400 and cancelled in response.content.decode()
        assert not Attendance.objects.filter(meeting=meeting).exists()
    # Held after all: staff change its status, and the list takes attendance again.
    meeting.status = Meeting.Status.HELD
    meeting.save()
    client = client_as("cochair")
    assert "locked-form" not in client.get(url(meeting)).content.decode()
    client.post(url(meeting), {f"status-{world.member.pk}": "present", "listed": [world.member.pk]})
    assert Attendance.objects.get(meeting=meeting).person == world.member
