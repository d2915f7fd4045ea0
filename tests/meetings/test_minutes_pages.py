"""The minutes page, its PDF, the minutes form and the meeting's own pages: fixed query counts, and what
people type comes back escaped."""

import pytest
from django.urls import reverse

from meetings.models import ActionItem, AgendaItem, Attendance, Motion
from members.models import Organization, Person

pytestmark = pytest.mark.django_db

HOSTILE = "<script>\"'&"
ESCAPED = "&lt;script&gt;&quot;&#x27;&amp;"


@pytest.fixture
def meeting(world, make_meeting, fill_meeting):
    meeting = make_meeting(world.task_force, is_public=True)
    fill_meeting(meeting, 2)
    return meeting


@pytest.mark.parametrize(
    ("name", "queries"),
    [
        ("meetings:detail", 8),  # 8 since it lists the documents the reader may open: one query for all items
        ("meetings:edit", 8),
        # 12 since each item lists the documents its reader may open (as the meeting's page): one query for all
        # items (tests/meetings/test_documents.py pins it with documents on every item).
        ("meetings:minutes", 12),
        # 10 since the PDF asks whether an anonymous visitor may open it (permissions.public_to_anyone, for
        # Cache-Control: no-store); that change left the pin at 9. 11 since its document is kept per fingerprint
        # (meetings/minutes_fingerprint.py, one query): here each request finds other data, so it draws it again;
        # the document found kept costs 5 (tests/meetings/test_minutes_document.py).
        ("meetings:minutes_pdf", 11),
        # The overview of the minutes editor: the closing part and the items, each with its motions and action
        # items counted (one query), and the count of action items of no agenda item. 7 since the minutes are
        # written one item at a time (it was 10 when this page held every item's forms).
        ("meetings:minutes_edit", 7),
    ],
)
def test_query_count_is_pinned_and_does_not_grow_with_rows(
    world, meeting, make_meeting, fill_meeting, client_as, django_assert_num_queries, name, queries
):
    make_meeting(world.task_force, days=30)  # the minutes name the committee's next meeting
    client = client_as("staff")
    url = reverse(name, args=[meeting.pk])
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    fill_meeting(meeting, 25)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def _grow_item(meeting, item, add_people, count):
    """`count` more motions and action items under `item`, and as many action items of no agenda item."""
    people = [person for person, _org in add_people(count)]
    Motion.objects.bulk_create(
        Motion(agenda_item=item, text=f"More {i}", moved_by=person, seconded_by=people[i - 1])
        for i, person in enumerate(people)
    )
    for agenda_item in (item, None):
        ActionItem.objects.bulk_create(
            ActionItem(
                meeting=meeting, committee=meeting.committee, agenda_item=agenda_item, description="More", owner=person
            )
            for person in people
        )


# The page of an item's minutes: its motions and action items (each with its people), the attendees as
# mover/seconder/owner (the search finds the rest) and the earlier meetings whose minutes a motion may adopt, read
# once for all rows; the agenda, read once for the item and the next (for "Save and edit the next item"). The action items of no agenda item: the
# agenda as their select, no motions.
@pytest.mark.parametrize(
    ("name", "queries"), [("meetings:minutes_item_edit", 10), ("meetings:minutes_actions_edit", 8)]
)
def test_item_pages_query_count_is_pinned_and_does_not_grow_with_rows(
    world, meeting, fill_meeting, add_people, client_as, django_assert_num_queries, name, queries
):
    client = client_as("staff")
    item = meeting.agenda_items.order_by("position", "pk").first()
    url = reverse(name, args=[meeting.pk, item.pk] if name == "meetings:minutes_item_edit" else [meeting.pk])
    ActionItem.objects.create(meeting=meeting, committee=meeting.committee, description="Of no item")
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    fill_meeting(meeting, 25)
    _grow_item(meeting, item, add_people, 25)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


# The blank row "Add another" fetches (meetings:minutes_blank_row): its selects' lists, read once as the editor
# reads them (attendees); a motion's also lists the earlier meetings whose minutes it may adopt: one more. The
# action items of no agenda item list the agenda.
@pytest.mark.parametrize(("kind", "queries"), [("motions", 9), ("actions", 8), (None, 8)])
def test_blank_row_query_count_is_pinned(
    world, meeting, fill_meeting, client_as, django_assert_num_queries, kind, queries
):
    client = client_as("staff")
    item = meeting.agenda_items.order_by("position", "pk").first()
    if kind is None:
        url = reverse("meetings:minutes_actions_blank_row", args=[meeting.pk])
    else:
        url = reverse("meetings:minutes_blank_row", args=[meeting.pk, item.pk, kind])
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    fill_meeting(meeting, 25)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_names_and_titles_come_back_escaped(world, make_meeting, client_as):
    meeting = make_meeting(world.task_force)
    person = Person.objects.create(honorific=HOSTILE, given_name=HOSTILE, family_name=HOSTILE)
    organization = Organization.objects.create(name=HOSTILE)
    Attendance.objects.create(meeting=meeting, person=person, organization=organization)
    item = AgendaItem.objects.create(meeting=meeting, position=1, title=HOSTILE, presenters=HOSTILE, minutes=HOSTILE)
    Motion.objects.create(agenda_item=item, text=HOSTILE, moved_by=person)
    meeting.action_items.create(committee=meeting.committee, description=HOSTILE, owner=person)
    client = client_as("staff")
    minutes = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert HOSTILE not in minutes
    # The attendee line names the person and their organization; the agenda item, its motion and action item.
    assert f"{ESCAPED} {ESCAPED} {ESCAPED}, {ESCAPED}</p>" in minutes
    assert f"1. {ESCAPED}</h3>" in minutes and f"[{ESCAPED}]" in minutes
    overview = client.get(reverse("meetings:minutes_edit", args=[meeting.pk])).content.decode()
    assert HOSTILE not in overview
    assert f">1. {ESCAPED}</h3>" in overview and f">{ESCAPED}</p>" in overview  # the item, the start of its minutes
    assert f'aria-label="Edit the minutes of this item: {ESCAPED}"' in overview  # its link's name
    form = client.get(reverse("meetings:minutes_item_edit", args=[meeting.pk, item.pk])).content.decode()
    assert HOSTILE not in form
    assert f'value="{ESCAPED}"' in form  # the item's title in its input
    assert f"Minutes of 1. {ESCAPED}</h1>" in form
    assert f">{ESCAPED}, {ESCAPED}</option>" in form  # the person as mover, seconder and owner
    meeting.action_items.update(agenda_item=None)
    form = client.get(reverse("meetings:minutes_actions_edit", args=[meeting.pk])).content.decode()
    assert HOSTILE not in form
    assert f">1. {ESCAPED}</option>" in form  # the item in the action items' selects
    edit = client.get(reverse("meetings:edit", args=[meeting.pk])).content.decode()
    assert HOSTILE not in edit and f'value="{ESCAPED}"' in edit


def test_minutes_list_who_attended_and_the_next_meeting(world, make_meeting, client_as):
    meeting = make_meeting(world.task_force)
    ada = Person.objects.create(honorific="Dr.", given_name="Ada", family_name="Lovelace")
    bo = Person.objects.create(given_name="Bo", family_name="Remote")
    absent = Person.objects.create(given_name="Cy", family_name="Absent")
    legal = Organization.objects.create(name="Bay Area Legal Clinic")
    Attendance.objects.create(meeting=meeting, person=ada, organization=legal)
    Attendance.objects.create(meeting=meeting, person=bo, status=Attendance.Status.REMOTE)
    Attendance.objects.create(meeting=meeting, person=absent, status=Attendance.Status.ABSENT)
    make_meeting(world.task_force, days=3, status="cancelled")
    following = make_meeting(world.task_force, days=10)
    make_meeting(world.youth, days=5)  # another committee's
    client = client_as("staff")
    url = reverse("meetings:minutes", args=[meeting.pk])
    body = client.get(url).content.decode()
    assert '<p class="attendees">Dr. Ada Lovelace, Bay Area Legal Clinic; Bo Remote (remote)</p>' in body
    assert f"<p>{following.when}, City Hall, Room 201</p>" in body
    meeting.next_meeting_note = "In the spring (date to be set)."
    meeting.save()
    assert "<p>In the spring (date to be set).</p>" in client.get(url).content.decode()


def test_an_item_page_without_rows_reads_no_people(world, meeting, fill_meeting, client_as, django_assert_num_queries):
    """An item with no motions or action items yet (most of an agenda): its page draws no person select, so it
    reads neither the attendees nor the earlier meetings (8 queries), however many the meeting has."""
    client = client_as("staff")
    item = AgendaItem.objects.create(meeting=meeting, position=99, title="Any other business")
    url = reverse("meetings:minutes_item_edit", args=[meeting.pk, item.pk])
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200
    fill_meeting(meeting, 25)
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200


def test_the_attendee_line_in_the_page_and_the_pdf_and_in_the_pages_language(world, make_meeting, client_as):
    """The attendee line is drawn by Jinja2 (meetings/jinja2/meetings/minutes_attendees.html) for the page and the
    PDF: by family name, "; " between people, the honorific and organization when there is one, "(remote)" in the
    page's language, the absent left out."""
    from django.utils import translation

    from meetings.services import render_minutes_html

    meeting = make_meeting(world.task_force)
    first = Person.objects.create(honorific="Dr.", given_name="Ada", family_name="Alpha")
    second = Person.objects.create(given_name="Bo", family_name="Beta")
    absent = Person.objects.create(given_name="Cy", family_name="Gamma")
    Attendance.objects.create(meeting=meeting, person=first, organization=world.shelter)
    Attendance.objects.create(meeting=meeting, person=second, status=Attendance.Status.REMOTE)
    Attendance.objects.create(meeting=meeting, person=absent, status=Attendance.Status.ABSENT)
    line = '<p class="attendees">Dr. Ada Alpha, Asian Women&#x27;s Shelter; Bo Beta (remote)</p>'
    client = client_as("staff")
    assert line in client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert line in render_minutes_html(meeting)
    spanish = client.get(reverse("meetings:minutes", args=[meeting.pk]), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    with translation.override("es"):
        remote = translation.gettext("(remote)")
    assert remote != "(remote)" and f"; Bo Beta {remote}</p>" in spanish


def test_the_minutes_pdf_numbers_its_pages_in_the_readers_language(meeting, client_as):
    """The footer "Page 1 of 1" is translated as the rest of the PDF (taskforce_pdf's {% page_of_pages %})."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    url = reverse("meetings:minutes_pdf", args=[meeting.pk])
    for language, footer in (("en", "Page 1 of 1"), ("es", "Página 1 de 1")):
        drawn = client_as("staff").get(url, HTTP_ACCEPT_LANGUAGE=language).content
        text = subprocess.run(
            [shutil.which("pdftotext"), "-", "-"], input=drawn, capture_output=True, check=True
        ).stdout.decode()
        assert footer in text


def test_a_meeting_with_its_own_title_still_names_its_committee(world, make_meeting, client_as):
    """ "Retreat" alone does not say whose meeting it is: the page, the minutes and the packet's cover name the
    committee under the title."""
    from meetings import packet
    from meetings.services import render_minutes_html

    meeting = make_meeting(world.youth, title="Retreat", is_public=True)
    line = '<p class="meeting-committee">Youth Trafficking Committee</p>'
    client = client_as("staff")
    assert line in client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert line in client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert line in render_minutes_html(meeting)
    assert line in packet.cover_html(meeting, *packet.contents(meeting, public=False))
    untitled = make_meeting(world.youth)
    assert "meeting-committee" not in client.get(reverse("meetings:detail", args=[untitled.pk])).content.decode()


def test_a_motions_counts_read_in_the_readers_language(world, make_meeting, client_as):
    """'7 yes, 0 no, 1 abstaining' was English on every page: the counts are words of the catalogue, plural
    included."""
    from meetings.models import AgendaItem, Motion

    meeting = make_meeting(world.task_force)
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Outreach plan")
    Motion.objects.create(agenda_item=item, text="Adopt the plan.", yes_count=7, no_count=0, abstain_count=1)
    url = reverse("meetings:minutes", args=[meeting.pk])
    client = client_as("staff")
    assert "Adopt the plan. (7 yes, 0 no, 1 abstaining)" in client.get(url).content.decode()
    for language, counts in (
        ("es", "7 a favor, 0 en contra, 1 abstención"),
        ("zh-hant", "7 票贊成, 0 票反對, 1 票棄權"),
        ("tl", "7 oo, 0 hindi, 1 nag-abstain"),
    ):
        assert f"Adopt the plan. ({counts})" in client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
