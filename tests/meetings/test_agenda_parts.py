"""Agenda items with parts (3a, 3b): entered on the meeting's edit page, shown nested on the agenda,
the minutes page and the PDF."""

import shutil
import subprocess

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from meetings.models import AgendaItem, Meeting
from meetings.services import _letters, outline
from tests.meetings.forms_helper import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(make_meeting):
    meeting = make_meeting(is_public=True, agenda_state=Meeting.AgendaState.PUBLISHED)
    titles = ["Welcome", "Committee reports", "Announcements"]
    items = {
        title: AgendaItem.objects.create(meeting=meeting, position=n, title=title) for n, title in enumerate(titles, 1)
    }
    return meeting, items


def edit_page_data(client, meeting, **changes):
    return form_data(client.get(f"/meetings/{meeting.pk}/edit/").content.decode(), **changes)


def form_index(data, item):
    return next(key.split("-")[1] for key, value in data.items() if key.endswith("-id") and value == str(item.pk))


def test_numbering():
    assert [_letters(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["a", "b", "z", "aa", "ab", "az", "ba"]
    items = [
        AgendaItem(pk=pk, title=str(pk), parent_id=parent)
        for pk, parent in [(1, None), (2, None), (3, 2), (4, 2), (5, None), (6, 99)]
    ]
    main = outline(items)
    assert [(item.number, [part.number for part in item.parts]) for item in main] == [
        ("1", []),
        ("2", ["2a", "2b"]),
        ("3", []),
        ("4", []),  # its main item is not in the list: shown as a main item
    ]


def test_staff_make_items_parts_and_every_view_nests_them(world, client_as, agenda):
    meeting, items = agenda
    client = client_as("staff")
    AgendaItem.objects.create(meeting=meeting, position=4, title="Youth committee")
    youth = AgendaItem.objects.get(title="Youth committee")
    data = edit_page_data(client, meeting)
    data[f"items-{form_index(data, youth)}-parent"] = str(items["Committee reports"].pk)
    response = client.post(f"/meetings/{meeting.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    youth.refresh_from_db()
    assert youth.parent == items["Committee reports"]

    detail = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert '<ol class="agenda-parts" type="a">' in detail and "Youth committee" in detail
    minutes = client.get(f"/meetings/{meeting.pk}/minutes/").content.decode()
    assert "<h3>2. Committee reports</h3>" in minutes and "<h4>2a. Youth committee</h4>" in minutes
    assert "<h3>3. Announcements</h3>" in minutes
    pdf = client.get(f"/meetings/{meeting.pk}/minutes.pdf").content
    text = subprocess.run(
        [shutil.which("pdftotext"), "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "2a. Youth committee" in text and "3. Announcements" in text


def test_parts_have_no_parts_and_a_main_item_with_parts_stays_main(world, client_as, agenda):
    meeting, items = agenda
    AgendaItem.objects.create(meeting=meeting, position=4, title="Youth", parent=items["Committee reports"])
    client = client_as("staff")
    data = edit_page_data(client, meeting)
    options = client.get(f"/meetings/{meeting.pk}/edit/").content.decode()
    assert ">2. Committee reports</option>" in options
    assert ">4. Youth</option>" not in options  # a part is never offered as a main item
    data[f"items-{form_index(data, items['Committee reports'])}-parent"] = str(items["Welcome"].pk)
    body = client.post(f"/meetings/{meeting.pk}/edit/", data).content.decode()
    assert "This item has parts of its own, so it cannot be part of another." in body
    items["Committee reports"].refresh_from_db()
    assert items["Committee reports"].parent is None


def test_the_database_refuses_an_item_that_is_its_own_part(agenda):
    _, items = agenda
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.filter(pk=items["Welcome"].pk).update(parent=items["Welcome"].pk)


def test_deleting_a_main_item_keeps_its_parts(agenda):
    meeting, items = agenda
    part = AgendaItem.objects.create(meeting=meeting, position=4, title="Youth", parent=items["Committee reports"])
    items["Committee reports"].delete()
    part.refresh_from_db()
    assert part.parent is None


def test_the_edit_page_query_count_does_not_grow_with_the_agenda(world, client_as, agenda):
    meeting, items = agenda
    client = client_as("staff")
    url = f"/meetings/{meeting.pk}/edit/"
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    for n in range(20):
        AgendaItem.objects.create(
            meeting=meeting, position=10 + n, title=f"Item {n}", parent=items["Welcome"] if n % 2 else None
        )
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(second) == len(first)
