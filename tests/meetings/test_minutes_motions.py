"""Minutes name each motion's result, list attendees without a trailing separator, take anyone in the registry
as mover, seconder or owner (attendees listed first), and save several new motions and action items at once."""

import datetime
import re
import shutil
import subprocess

import pytest
from django.urls import reverse

from meetings.forms import MAX_ROWS
from meetings.models import ActionItem, AgendaItem, Attendance, Motion
from members.models import Person
from tests.conftest import count_queries
from tests.meetings.forms_helper import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world, make_meeting):
    meeting = make_meeting(world.youth)
    for position, title in enumerate(["Welcome", "Review of minutes", "Case trends"], start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, title=title)
    return meeting


def edit_url(meeting, position=3):
    """The page of an agenda item's minutes (its motions and action items)."""
    return reverse("meetings:minutes_item_edit", args=[meeting.pk, meeting.agenda_items.get(position=position).pk])


def blank_url(meeting):
    """The item's page with a blank motion and action item, as "Add a motion" and "Add an action item" open it
    without JavaScript."""
    return f"{edit_url(meeting)}?add=motions&add=actions"


def pdf_text(client, meeting, tmp_path):
    response = client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert response.status_code == 200
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run([shutil.which("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(text.stdout.split())


def test_each_motions_result_shows_on_the_page_and_in_the_pdf(world, meeting, client_as, tmp_path):
    item = meeting.agenda_items.get(position=3)
    for text, result in [
        ("Invite the school district.", Motion.Result.ADOPTED),
        ("Buy a boat.", Motion.Result.FAILED),
        ("Rename the committee.", Motion.Result.TABLED),
        ("Meet on Sundays.", Motion.Result.WITHDRAWN),
    ]:
        Motion.objects.create(agenda_item=item, text=text, result=result, moved_by=world.member, yes_count=3)
    client = client_as("staff")
    body = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", "", body).split())
    pdf = pdf_text(client, meeting, tmp_path)
    for expected in [
        "Invite the school district. (3 yes) [Member] Result: Adopted.",
        "Buy a boat. (3 yes) [Member] Result: Failed.",
        "Rename the committee. (3 yes) [Member] Result: Tabled.",
        "Meet on Sundays. (3 yes) [Member] Result: Withdrawn.",
    ]:
        assert expected in text
        assert expected in pdf


def test_attendee_list_has_no_trailing_separator(world, meeting, add_people, client_as, tmp_path):
    (first, org), (second, _) = add_people(2)
    Attendance.objects.create(meeting=meeting, person=first, organization=org)
    Attendance.objects.create(meeting=meeting, person=second, status=Attendance.Status.REMOTE)
    client = client_as("staff")
    body = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    line = f"{first.full_name}, {org.name}; {second.full_name} (remote)</p>"
    assert f'<p class="attendees">{line}' in body
    pdf = pdf_text(client, meeting, tmp_path)
    assert f"{first.full_name}, {org.name}; {second.full_name} (remote)" in pdf and "(remote);" not in pdf


def test_person_selects_list_the_attendees_and_a_search_finds_anyone_else(world, meeting, add_people, client_as):
    (attendee, org), (stranger, _), (excused, _) = add_people(3)
    Attendance.objects.create(meeting=meeting, person=attendee, organization=org)
    Attendance.objects.create(meeting=meeting, person=excused, status=Attendance.Status.EXCUSED)
    client = client_as("staff")
    page = client.get(blank_url(meeting)).content.decode()
    for name in ("motions-0-moved_by", "motions-0-seconded_by", "actions-0-owner"):
        select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group(0)
        assert re.findall(r'<optgroup label="([^"]+)">', select) == ["Attended this meeting"]
        # Excused is not attended; the rest of the registry is not drawn into every row.
        assert re.findall(r'<option value="(\d+)"', select) == [str(attendee.pk)]
        # Beside it, a labelled search of the whole registry (shown by static/js/person_picker.js).
        assert f'<label class="form-label small" for="id_{name}_search">' in page
    assert page.count('type="search"') == 3  # three rows' pickers (a blank row fetched by "Add another" has its own)
    assert f'data-people-search-url="{reverse("meetings:people_search")}"' in page
    assert "js/person_picker.js" in page
    found = client.get(reverse("meetings:people_search"), {"q": stranger.family_name}).json()["results"]
    assert {"id": stranger.pk, "label": stranger.sort_name} in found


def test_person_search_is_for_those_who_write_minutes(world, client_as):
    url = reverse("meetings:people_search")
    assert client_as("cochair").get(url, {"q": "Member"}).status_code == 200
    assert client_as("member").get(url, {"q": "Member"}).status_code == 403


def test_before_attendance_the_selects_offer_only_the_empty_choice(world, meeting, client_as):
    page = client_as("staff").get(blank_url(meeting)).content.decode()
    select = re.search(r'<select name="actions-0-owner".*?</select>', page, re.S).group(0)
    assert re.findall(r"<option[^>]*>", select) == ['<option value="" selected>']


def test_someone_not_recorded_as_attending_can_move_second_and_own(world, meeting, add_people, client_as):
    (attendee, org), (mover, _), (seconder, _), (owner, _) = add_people(4)
    Attendance.objects.create(meeting=meeting, person=attendee, organization=org)
    client = client_as("cochair")
    data = form_data(
        client.get(blank_url(meeting)).content.decode(),
        **{
            "motions-0-text": "Invite the school district.",
            "motions-0-moved_by": mover.pk,
            "motions-0-seconded_by": seconder.pk,
            "motions-0-result": "failed",
            "actions-0-description": "Write to the district",
            "actions-0-owner": owner.pk,
            "actions-0-status": "open",
        },
    )
    response = client.post(edit_url(meeting), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    motion = Motion.objects.get()
    assert (motion.moved_by, motion.seconded_by, motion.result) == (mover, seconder, "failed")
    assert ActionItem.objects.get().owner == owner
    # Shown chosen when the form is opened again.
    again = client.get(edit_url(meeting)).content.decode()
    assert f'<option value="{mover.pk}" selected>' in again and f'<option value="{owner.pk}" selected>' in again


@pytest.mark.parametrize("field", ["motions-0-moved_by", "motions-0-seconded_by", "actions-0-owner"])
@pytest.mark.parametrize("hostile", [False, True])
def test_an_unknown_person_is_refused_next_to_the_field(world, meeting, client_as, field, hostile):
    client = client_as("staff")
    unknown = Person.objects.order_by("-pk").first().pk + 1000
    unknown = f'{unknown}"><script>' if hostile else unknown
    data = form_data(
        client.get(blank_url(meeting)).content.decode(),
        **{
            "motions-0-text": "Adopt",
            "actions-0-description": "Do it",
            "item-minutes": "Should not be saved",
            field: unknown,
        },
    )
    response = client.post(edit_url(meeting), data)
    assert response.status_code == 200
    body = response.content.decode()
    message = "Nobody in the registry has this id: choose a person from the list."
    # The message is the field's own (crispy draws it under the select whose id it names).
    assert re.search(rf'id="error_1_id_{field}"[^>]*>\s*<strong>{message}</strong>', body)
    assert not Motion.objects.exists() and not ActionItem.objects.exists()
    assert not AgendaItem.objects.filter(minutes="Should not be saved").exists()
    assert (
        "<script>" not in body and " selected>" not in re.search(rf'<select name="{field}".*?</select>', body, re.S)[0]
    )


def add_rows(data, prefix, rows):
    """What the "add another" button posts: more rows after the blank one, and TOTAL_FORMS counting them."""
    start = int(data[f"{prefix}-TOTAL_FORMS"]) - 1
    for offset, row in enumerate(rows):
        data.update({f"{prefix}-{start + offset}-{name}": str(value) for name, value in row.items()})
    data[f"{prefix}-TOTAL_FORMS"] = str(start + len(rows))
    return data


def test_several_motions_and_action_items_are_saved_in_one_post(world, meeting, client_as):
    client = client_as("cochair")
    item = meeting.agenda_items.get(position=3)
    due = (meeting.local_start.date() + datetime.timedelta(days=7)).isoformat()
    data = form_data(client.get(blank_url(meeting)).content.decode())
    add_rows(
        data,
        "motions",
        [
            {"text": f"Motion {i}", "moved_by": world.member.pk, "result": result}
            for i, result in enumerate(["adopted", "failed", "tabled"])
        ],
    )
    add_rows(
        data,
        "actions",
        [{"description": f"Task {i}", "owner": world.cochair.pk, "due_on": due, "status": "open"} for i in range(3)],
    )
    response = client.post(edit_url(meeting), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(Motion.objects.order_by("pk").values_list("text", "result")) == [
        ("Motion 0", "adopted"),
        ("Motion 1", "failed"),
        ("Motion 2", "tabled"),
    ]
    assert list(ActionItem.objects.order_by("pk").values_list("description", flat=True)) == [
        "Task 0",
        "Task 1",
        "Task 2",
    ]
    # All of them the item's (and its meeting's and committee's).
    assert {motion.agenda_item for motion in Motion.objects.all()} == {item}
    assert set(ActionItem.objects.values_list("agenda_item", "meeting", "committee")) == {
        (item.pk, meeting.pk, world.youth.pk)
    }


def test_the_page_offers_a_blank_row_to_clone_and_the_script(world, meeting, add_people, client_as):
    """The blank row "Add another" clones is fetched once from its own address (not drawn on every load): the
    formset's empty form, its selects listing what the page's rows list."""
    ((attendee, org),) = add_people(1)
    Attendance.objects.create(meeting=meeting, person=attendee, organization=org)
    item = meeting.agenda_items.get(position=3)
    client = client_as("staff")
    page = client.get(edit_url(meeting)).content.decode()
    assert "__prefix__" not in page
    # The page opens without blank rows: the links open it with one (without JavaScript), the script turns
    # them into buttons that add a fetched blank row in place.
    assert 'name="motions-0-text"' not in page and 'name="actions-0-description"' not in page
    assert "No motions are recorded under this item." in page
    for prefix, label in (("motions", "Add a motion"), ("actions", "Add an action item")):
        assert f'data-add-row="{prefix}" href="?add={prefix}#{prefix}-rows">{label}</a>' in page
    with_rows = client.get(blank_url(meeting)).content.decode()
    assert 'name="motions-0-text"' in with_rows and 'name="actions-0-description"' in with_rows
    assert 'name="motions-0-DELETE"' not in with_rows  # a blank row is left blank, not deleted
    for prefix, legend in (("motions", "Record a motion"), ("actions", "Add an action item")):
        url = reverse("meetings:minutes_blank_row", args=[meeting.pk, item.pk, prefix])
        assert f'data-formset="{prefix}" data-row-kind="{prefix[:-1]}" data-blank-url="{url}"' in page
        assert f'name="{prefix}-MAX_NUM_FORMS" value="{MAX_ROWS}"' in page
        row = client.get(url).content.decode()
        assert row.startswith(f'<fieldset class="card card-body mb-3"><legend class="h6">{legend}</legend>')
        assert f'name="{prefix}-__prefix__-' in row and f'name="{prefix}-0-' not in row
        assert "<html" not in row and "csrfmiddlewaretoken" not in row
        people = "moved_by" if prefix == "motions" else "owner"
        select = re.search(rf'<select name="{prefix}-__prefix__-{people}".*?</select>', row, re.S).group(0)
        assert re.findall(r'<option value="(\d+)"', select) == [str(attendee.pk)]
        assert f'for="id_{prefix}-__prefix__-{people}_search"' in row
        # The row is the item's: its agenda item is fixed, not a choice.
        assert f'<input type="hidden" name="{prefix}-__prefix__-agenda_item" value="{item.pk}"' in row
        assert f'<select name="{prefix}-__prefix__-agenda_item"' not in row
    # The action items of no agenda item have their blank row too, where the agenda item is a choice.
    unassigned = client.get(reverse("meetings:minutes_actions_edit", args=[meeting.pk])).content.decode()
    url = reverse("meetings:minutes_actions_blank_row", args=[meeting.pk])
    assert f'data-formset="actions" data-row-kind="action" data-blank-url="{url}"' in unassigned
    row = client.get(url).content.decode()
    assert '<select name="actions-__prefix__-agenda_item"' in row and ">3. Case trends</option>" in row
    assert client.get(reverse("meetings:minutes_blank_row", args=[meeting.pk, item.pk, "items"])).status_code == 404
    assert (
        client_as("member")
        .get(reverse("meetings:minutes_blank_row", args=[meeting.pk, item.pk, "motions"]))
        .status_code
        == 403
    )
    assert reverse("javascript-catalog") in page and "js/minutes_rows.js" in page
    assert 'aria-live="polite"' in page


def test_a_huge_row_count_is_a_form_error_not_a_slow_request(world, meeting, client_as):
    client = client_as("staff")
    data = form_data(client.get(edit_url(meeting)).content.decode(), **{"item-minutes": "Not saved"})
    data["motions-TOTAL_FORMS"] = "1000000"
    data["actions-TOTAL_FORMS"] = str(MAX_ROWS + 1)
    response = client.post(edit_url(meeting), data)
    assert response.status_code == 200
    assert len(response.context["motions"].forms) <= MAX_ROWS
    body = response.content.decode()
    assert body.count(f"At most {MAX_ROWS} rows can be saved at once: save, then add the rest.") == 2
    assert not AgendaItem.objects.filter(minutes="Not saved").exists()


def test_minutes_edit_query_count_does_not_grow_with_the_registry(world, meeting, add_people, client_as):
    client = client_as("staff")
    urls = [edit_url(meeting), reverse("meetings:minutes_edit", args=[meeting.pk])]
    first = [count_queries(client, url) for url in urls]
    people = add_people(40)
    Attendance.objects.bulk_create(Attendance(meeting=meeting, person=person) for person, _ in people[:10])
    assert [count_queries(client, url) for url in urls] == first
