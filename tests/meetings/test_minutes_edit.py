"""Writing minutes: the overview (closing part, agenda items, adding an item), each item's page (its minutes,
motions and action items), approval by a later meeting, amendments and conflicts."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import ActionItem, AgendaItem, Attendance, Meeting, Motion
from tests.meetings.forms_helper import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world, make_meeting):
    meeting = make_meeting(world.youth)
    for position, title in enumerate(["Welcome", "Review of minutes", "Case trends"], start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, title=title)
    return meeting


def edit_url(meeting):
    return reverse("meetings:minutes_edit", args=[meeting.pk])


def item_url(meeting, position):
    return reverse("meetings:minutes_item_edit", args=[meeting.pk, meeting.agenda_items.get(position=position).pk])


def page(client, url):
    """The page as drawn; an item's page with a blank motion and action item (as "Add a motion" and "Add an
    action item" open it without JavaScript)."""
    return client.get(f"{url}?add=motions&add=actions" if "/items/" in url else url).content.decode()


def test_cochair_writes_minutes_with_a_motion_and_an_action_item(world, meeting, client_as):
    client = client_as("cochair")
    url = item_url(meeting, 1)
    response = client.post(url, form_data(page(client, url), **{"item-minutes": "- Everyone introduced themselves"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == edit_url(meeting)  # "Save": back to the overview
    url = item_url(meeting, 3)
    data = form_data(
        page(client, url),
        **{
            "item-minutes": "- Referrals are up\n    - mostly from schools",
            "motions-0-text": "Ask the school district to present.",
            "motions-0-moved_by": world.member.pk,
            "motions-0-seconded_by": world.cochair.pk,
            "motions-0-result": "adopted",
            "motions-0-yes_count": 7,
            "motions-0-no_count": 0,
            "actions-0-description": "Invite SFUSD",
            "actions-0-owner": world.cochair.pk,
            "actions-0-due_on": (meeting.local_start.date() + datetime.timedelta(days=14)).isoformat(),
            "actions-0-status": "open",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    overview = page(client, edit_url(meeting))
    assert "The minutes of “Case trends” are saved." in overview
    data = form_data(overview, announcements="Brown bag on civil remedies.")
    assert client.post(edit_url(meeting), data)["Location"] == reverse("meetings:minutes", args=[meeting.pk])
    body = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert "<li>Referrals are up<ul>" in body.replace("\n", "")
    assert "Ask the school district to present. (7 yes, 0 no) [Member/ Cochair]" in body
    assert "Invite SFUSD" in body and "Casey Cochair" in body and "Brown bag on civil remedies." in body
    action = ActionItem.objects.get()
    assert action.committee == world.youth and action.meeting == meeting
    assert action.agenda_item == Motion.objects.get().agenda_item == meeting.agenda_items.get(position=3)


def test_the_overview_lists_each_item_with_its_minutes_and_counts(world, meeting, client_as):
    trends = meeting.agenda_items.get(position=3)
    trends.minutes = "Referrals are up. " * 30
    trends.save()
    Motion.objects.create(agenda_item=trends, text="Invite the district.")
    Motion.objects.create(agenda_item=trends, text="Invite the schools.")
    ActionItem.objects.create(meeting=meeting, committee=world.youth, agenda_item=trends, description="Write")
    body = page(client_as("cochair"), edit_url(meeting))
    assert body.count("No minutes yet") == 2
    assert "Referrals are up. Referrals are up." in body and ("Referrals are up. " * 30) not in body  # its start
    assert "2 motions, 1 action item" in body and body.count("0 motions, 0 action items") == 2
    for item in meeting.agenda_items.all():
        link = reverse("meetings:minutes_item_edit", args=[meeting.pk, item.pk])
        assert (
            f'<a href="{link}" aria-label="Edit the minutes of this item: {item.title}">Edit the minutes of this item</a>'
            in body
        )
    # The closing part is the overview's own form.
    assert 'name="announcements"' in body and 'name="item-minutes"' not in body and 'name="motions-0-text"' not in body


def test_save_and_edit_the_next_item(world, meeting, client_as):
    client = client_as("cochair")
    url = item_url(meeting, 1)
    body = client.get(url).content.decode()
    assert "Save and edit the next item" in body
    response = client.post(url, {**form_data(body, **{"item-minutes": "Hello"}), "save_next": "1"})
    assert response["Location"] == item_url(meeting, 2)
    assert "The minutes of “Welcome” are saved: now “Review of minutes”." in page(client, response["Location"])
    assert meeting.agenda_items.get(position=1).minutes == "Hello"
    assert "Save and edit the next item" not in page(client, item_url(meeting, 3))  # the last item


def test_an_item_of_another_meeting_is_not_found(world, meeting, make_meeting, client_as):
    other = make_meeting(world.youth, days=7)
    theirs = AgendaItem.objects.create(meeting=other, position=1, title="Theirs")
    client = client_as("staff")
    assert client.get(reverse("meetings:minutes_item_edit", args=[meeting.pk, theirs.pk])).status_code == 404
    assert client.get(reverse("meetings:minutes_item_edit", args=[meeting.pk, 999999])).status_code == 404
    assert client.get(reverse("meetings:minutes_blank_row", args=[meeting.pk, theirs.pk, "motions"])).status_code == 404


def test_an_item_is_added_from_the_overview(world, meeting, client_as):
    client = client_as("cochair")
    data = form_data(page(client, edit_url(meeting)), **{"new-title": ""})
    data["add_item"] = "1"
    response = client.post(edit_url(meeting), data)
    assert response.status_code == 200
    assert 'id="error_1_id_new-title"' in response.content.decode()
    assert meeting.agenda_items.count() == 3
    data.update({"new-title": "Any other business", "announcements": "Not saved by adding an item"})
    response = client.post(edit_url(meeting), data)
    item = meeting.agenda_items.get(title="Any other business")
    assert item.position == 4  # after the last, unless said otherwise
    assert response["Location"] == reverse("meetings:minutes_item_edit", args=[meeting.pk, item.pk])
    assert Meeting.objects.get(pk=meeting.pk).announcements == ""


def test_action_items_of_no_agenda_item_have_their_own_page(world, meeting, client_as):
    action = ActionItem.objects.create(meeting=meeting, committee=world.youth, description="Book a room")
    client = client_as("cochair")
    overview = page(client, edit_url(meeting))
    url = reverse("meetings:minutes_actions_edit", args=[meeting.pk])
    assert "1 action item" in overview and f'href="{url}"' in overview
    trends = meeting.agenda_items.get(position=3)
    data = form_data(page(client, url), **{"actions-0-agenda_item": trends.pk, "actions-0-status": "done"})
    assert "item-minutes" not in data and "motions-TOTAL_FORMS" not in data  # only action items
    assert client.post(url, data)["Location"] == edit_url(meeting)
    action.refresh_from_db()
    assert (action.agenda_item, action.status) == (trends, "done")
    assert f'href="{url}"' not in page(client, edit_url(meeting))  # none left without an item


def test_markdown_is_sanitized(world, meeting, client_as):
    client = client_as("staff")
    url = item_url(meeting, 1)
    data = form_data(page(client, url), **{"item-minutes": "<script>alert(1)</script>\n\n[x](javascript:alert(2))"})
    assert client.post(url, data).status_code == 302
    body = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert "<script>alert" not in body and "javascript:" not in body


def test_motion_seconded_by_its_mover_is_refused(world, meeting, client_as):
    client = client_as("staff")
    url = item_url(meeting, 1)
    data = form_data(
        page(client, url),
        **{
            "motions-0-text": "Adopt",
            "motions-0-moved_by": world.member.pk,
            "motions-0-seconded_by": world.member.pk,
            "item-minutes": "Should not be saved",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "A motion cannot be seconded by the person who moved it." in response.content.decode()
    assert not Motion.objects.exists()
    assert not AgendaItem.objects.filter(minutes="Should not be saved").exists()


def test_a_motion_counts_no_more_votes_than_people_attended(world, meeting, client_as):
    """Once the meeting's attendance is taken, 70 typed for 7 is refused beside the counts, and nothing is saved;
    before it is taken, or within it, the counts are saved."""
    client = client_as("cochair")
    url = item_url(meeting, 1)

    def post(yes, no, abstaining=""):
        data = form_data(
            page(client, url),
            **{
                "motions-0-text": "Adopt the outreach plan",
                "motions-0-result": "adopted",
                "motions-0-yes_count": yes,
                "motions-0-no_count": no,
                "motions-0-abstain_count": abstaining,
                "item-minutes": "Discussed the plan",
            },
        )
        return client.post(url, data)

    for person, status in ((world.member, "present"), (world.cochair, "remote"), (world.staff, "absent")):
        Attendance.objects.create(meeting=meeting, person=person, status=status)
    response = post(2, 1)
    assert response.status_code == 200
    assert "3 votes are counted, but 2 people attended this meeting: check the counts, or the attendance." in (
        response.content.decode()
    )
    assert not Motion.objects.exists() and not AgendaItem.objects.filter(minutes="Discussed the plan").exists()
    assert post(1, 0, 1).status_code == 302
    assert Motion.objects.get().votes_counted == 2
    # A meeting whose attendance is not taken yet has nothing to check against.
    Attendance.objects.filter(meeting=meeting).delete()
    Motion.objects.all().delete()
    assert post(70, 0).status_code == 302


def test_due_date_before_the_meeting_is_refused(world, meeting, client_as):
    client = client_as("staff")
    url = item_url(meeting, 1)
    data = form_data(
        page(client, url),
        **{
            "actions-0-description": "Too late already",
            "actions-0-owner": world.member.pk,
            "actions-0-due_on": (meeting.local_start.date() - datetime.timedelta(days=1)).isoformat(),
        },
    )
    response = client.post(url, data)
    assert "The due date cannot be before the meeting." in response.content.decode()
    assert not ActionItem.objects.exists()


def test_a_later_meeting_approves_earlier_minutes_by_motion(world, meeting, make_meeting, client_as):
    later = make_meeting(world.youth, days=-1)
    review = AgendaItem.objects.create(meeting=later, position=1, title="Review of minutes")
    url = reverse("meetings:minutes_item_edit", args=[later.pk, review.pk])
    motion = {
        "motions-0-text": "Minutes were adopted by the group.",
        "motions-0-moved_by": world.member.pk,
        "motions-0-seconded_by": world.cochair.pk,
        "motions-0-result": "adopted",
        "motions-0-approves_minutes_of": meeting.pk,
    }
    # Co-chairs draft; only staff approve.
    response = client_as("cochair").post(url, form_data(page(client_as("cochair"), url), **motion))
    assert "Only staff approve minutes." in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.minutes_approved

    client = client_as("staff")
    assert client.post(url, form_data(page(client, url), **motion)).status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_approved and meeting.minutes_approved_at == later
    # Approved, so members may now read them.
    assert client_as("member").get(reverse("meetings:minutes", args=[meeting.pk])).status_code == 200


def _approving_motion(world, meeting, later, result="adopted"):
    review = AgendaItem.objects.create(meeting=later, position=1, title="Review of minutes")
    motion = Motion.objects.create(
        agenda_item=review, text="Minutes were adopted by the group.", result=result, approves_minutes_of=meeting
    )
    if result == "adopted":
        meeting.approve_minutes(at=later)
    return reverse("meetings:minutes_item_edit", args=[later.pk, review.pk]), motion


@pytest.mark.parametrize(
    ("result", "change", "message"),
    [
        ("failed", {"motions-0-result": "adopted"}, "Only staff approve minutes."),
        ("adopted", {"motions-0-result": "failed"}, "Only staff approve minutes."),
        ("adopted", {"motions-0-DELETE": "on"}, "Only staff delete a motion that approves minutes."),
    ],
)
def test_a_cochair_cannot_approve_or_reopen_minutes_by_changing_the_motion(
    world, meeting, make_meeting, client_as, result, change, message
):
    """The motion's result decides the approval as much as the minutes it names: a co-chair who turns a failed
    approving motion into an adopted one would approve (and lock) the minutes; only staff may."""
    later = make_meeting(world.youth, days=-1)
    url, motion = _approving_motion(world, meeting, later, result)
    cochair = client_as("cochair")
    response = cochair.post(url, form_data(page(cochair, url), **change))
    assert message in response.content.decode()
    meeting.refresh_from_db()
    motion.refresh_from_db()
    assert motion.result == result
    assert meeting.minutes_approved == (result == "adopted")


@pytest.mark.parametrize("change", [{"motions-0-result": "failed"}, {"motions-0-DELETE": "on"}])
def test_minutes_follow_their_approving_motion_when_staff_change_it(world, meeting, make_meeting, client_as, change):
    """Staff correcting the approving motion (it failed, or was never made) open the minutes again; adopting it
    again approves them. Minutes approved at another meeting stay approved."""
    later = make_meeting(world.youth, days=-1)
    url, motion = _approving_motion(world, meeting, later)
    other = make_meeting(world.youth, days=-30)
    other.approve_minutes(at=make_meeting(world.youth, days=-20))
    Motion.objects.create(agenda_item=motion.agenda_item, text="Adopt other minutes", approves_minutes_of=other)
    staff = client_as("staff")
    data = form_data(page(staff, url), **change)
    data["motions-1-result"] = "failed"  # a motion of this meeting naming minutes approved elsewhere
    assert staff.post(url, data).status_code == 302
    meeting.refresh_from_db()
    other.refresh_from_db()
    assert not meeting.minutes_approved and meeting.minutes_approved_at is None
    assert other.minutes_approved
    # Open again: their co-chair may write them again.
    cochair, reopened = client_as("cochair"), item_url(meeting, 1)
    assert cochair.post(reopened, form_data(page(cochair, reopened), **{"item-minutes": "Welcome"})).status_code == 302
    staff = client_as("staff")  # the same test client, logged in as each in turn
    if "motions-0-result" in change:
        assert staff.post(url, form_data(page(staff, url), **{"motions-0-result": "adopted"})).status_code == 302
        meeting.refresh_from_db()
        assert meeting.minutes_approved and meeting.minutes_approved_at == later


NO_REASON = "Approved minutes change only by an amendment: give the reason."


def test_approved_minutes_change_only_by_staff_amendment_with_a_reason(world, meeting, make_meeting, client_as):
    meeting.approve_minutes(at=make_meeting(world.youth, days=-1))
    url = item_url(meeting, 1)
    cochair = client_as("cochair")
    response = cochair.post(url, form_data(page(cochair, url), **{"item-minutes": "Rewritten"}))
    assert "These minutes were approved and are locked" in response.content.decode()
    assert not AgendaItem.objects.filter(minutes="Rewritten").exists()

    staff = client_as("staff")
    response = staff.post(url, form_data(page(staff, url), **{"item-minutes": "Rewritten"}))
    assert NO_REASON in response.content.decode()
    assert not AgendaItem.objects.filter(minutes="Rewritten").exists()

    data = form_data(page(staff, url), **{"item-minutes": "Rewritten", "amendment_reason": "Name misspelled"})
    assert staff.post(url, data).status_code == 302
    item = AgendaItem.objects.get(minutes="Rewritten")
    assert item.history.first().history_change_reason == "Amendment: Name misspelled"
    assert meeting.history.first().history_change_reason == "Amendment: Name misspelled"
    body = staff.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert "Name misspelled" in body and "Amended" in body

    # The closing part (the overview) and an added item are amendments too.
    overview = edit_url(meeting)
    cochair = client_as("cochair")  # the same test client, logged in as each in turn
    response = cochair.post(overview, form_data(page(cochair, overview), announcements="Rewritten"))
    assert "These minutes were approved and are locked" in response.content.decode()
    staff = client_as("staff")
    response = staff.post(overview, form_data(page(staff, overview), announcements="Rewritten"))
    assert NO_REASON in response.content.decode()
    data = form_data(page(staff, overview), announcements="Rewritten", amendment_reason="Announcement added")
    assert staff.post(overview, data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.announcements == "Rewritten"
    assert meeting.history.first().history_change_reason == "Amendment: Announcement added"
    adding = {**form_data(page(staff, overview), **{"new-title": "Late item"}), "add_item": "1"}
    assert NO_REASON in staff.post(overview, adding).content.decode()
    adding["new-amendment_reason"] = "Item forgotten"
    assert staff.post(overview, adding).status_code == 302
    late = meeting.agenda_items.get(title="Late item")
    assert late.history.first().history_change_reason == "Amendment: Item forgotten"
    assert meeting.history.first().history_change_reason == "Amendment: Item forgotten"
    adding["new-title"] = "Cochair's item"
    cochair = client_as("cochair")
    assert "These minutes were approved and are locked" in cochair.post(overview, adding).content.decode()
    assert not meeting.agenda_items.filter(title="Cochair's item").exists()


def test_agenda_edit_conflict_and_bad_times(world, meeting, client_as):
    from django.test import Client

    url = reverse("meetings:edit", args=[meeting.pk])
    first, second = Client(), Client()
    first.force_login(world.staff.user)
    second.force_login(world.staff.user)
    first_data = form_data(first.get(url).content.decode(), **{"items-0-title": "Welcome back"})
    second_data = form_data(second.get(url).content.decode(), **{"items-0-title": "Hello"})
    assert first.post(url, first_data).status_code == 302
    assert "Someone else saved this meeting" in second.post(url, second_data).content.decode()
    assert AgendaItem.objects.filter(title="Welcome back").exists()

    data = form_data(first.get(url).content.decode(), start_time="15:00", end_time="14:00")
    response = first.post(url, data)
    assert "The meeting must end after it starts." in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).ends_at > Meeting.objects.get(pk=meeting.pk).starts_at


def test_schedule_a_meeting(world, client_as):
    world.youth.standing_agenda = "Welcome\nCase trends"
    world.youth.save()
    client = client_as("cochair")
    assert 'value="' + str(world.adult.pk) + '"' not in client.get("/meetings/new/").content.decode()
    data = {
        "committee": world.youth.pk,
        "title": "",
        "date": "2031-03-05",
        "start_time": "10:00",
        "end_time": "09:00",
        "location": "City Hall",
        "visibility": "default",
    }
    response = client.post("/meetings/new/", data)
    assert "The meeting must end after it starts." in response.content.decode()
    assert not Meeting.objects.exists()
    data["end_time"] = "11:30"
    response = client.post("/meetings/new/", data)
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("meetings:edit", args=[meeting.pk])
    assert meeting.when == "Wednesday, March 5, 2031, 10-11:30 am"
    assert list(meeting.agenda_items.values_list("title", flat=True)) == [
        "Welcome",
        "Case trends",
        "Action items",
    ]  # the standing place of the open items
    assert not meeting.is_public  # as the youth committee's meetings usually are
    assert client_as("cochair").post("/meetings/new/", {**data, "committee": world.adult.pk}).status_code == 200
    assert Meeting.objects.count() == 1


def test_locked_minutes_show_their_forms_disabled_to_those_who_cannot_amend_them(
    world, meeting, make_meeting, client_as
):
    """A co-chair opening approved minutes sees them in forms that cannot be used (a disabled fieldset), so
    nothing is typed only to be refused; staff, who amend them, get working forms."""
    meeting.approve_minutes(at=make_meeting(world.youth, days=-1))
    pages = [
        item_url(meeting, 1),
        edit_url(meeting),
        reverse("meetings:attendance", args=[meeting.pk]),
        reverse("meetings:edit", args=[meeting.pk]),
    ]
    locked = '<fieldset class="locked-form" disabled>'
    for url in pages:
        assert locked in client_as("cochair").get(url).content.decode(), url
        assert "locked-form" not in client_as("staff").get(url).content.decode(), url
