"""The minutes PDF's document, kept per fingerprint (meetings/minutes_fingerprint.py): asked for again it is read,
not drawn; every change to what the minutes show draws it again; and it is the same whoever asks."""

import datetime
import shutil
import subprocess

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from meetings import services
from meetings.models import ActionItem, AgendaItem, Attendance, Meeting, Motion
from members.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world, make_meeting, fill_meeting):
    meeting = make_meeting(world.task_force, is_public=True)
    fill_meeting(meeting, 2)
    return meeting


def _document(meeting):
    """The document as the PDF's view draws it, from the meeting as its access rule read it (a new read each time,
    as each request makes)."""
    fresh = Meeting.objects.select_related("committee", "minutes_approved_at").get(pk=meeting.pk)
    return services.render_minutes_html(fresh)


def _pdf_text(content, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(content)
    return subprocess.run(
        [shutil.which("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_document_asked_for_again_is_read_not_drawn(meeting, django_assert_num_queries):
    first = _document(meeting)
    fresh = Meeting.objects.select_related("committee", "minutes_approved_at").get(pk=meeting.pk)
    with django_assert_num_queries(1):  # the fingerprint; minutes_context reads six
        again = services.render_minutes_html(fresh)
    assert again == first
    assert "Motion 0" in again and "Do thing 1" in again


def test_the_pdf_asked_for_again_reads_the_kept_document(meeting, client_as, django_assert_num_queries, tmp_path):
    client = client_as("staff")
    url = reverse("meetings:minutes_pdf", args=[meeting.pk])
    with django_assert_num_queries(11):  # drawn: the fingerprint, then minutes_context's six
        first = client.get(url)
    with django_assert_num_queries(5):  # kept: the fingerprint alone
        again = client.get(url)
    assert first["Content-Type"] == again["Content-Type"] == "application/pdf"
    text = _pdf_text(again.content, tmp_path)
    assert text == _pdf_text(first.content, tmp_path)
    assert "Motion 0" in text and "Do thing 1" in text


def _announcements(meeting):
    meeting.announcements = "The food bank opens on Monday"
    meeting.save()
    return "The food bank opens on Monday"


def _committee_renamed(meeting):
    committee = meeting.committee
    committee.name = "Renamed Task Force"
    committee.save()
    return "Renamed Task Force"


def _item_retitled(meeting):
    item = meeting.agenda_items.order_by("position", "pk").first()
    item.title = "Budget review"
    item.save()
    return "Budget review"


def _item_added(meeting):
    AgendaItem.objects.create(meeting=meeting, position=9, title="Late addition")
    return "Late addition"


def _motion_reworded(meeting):
    motion = Motion.objects.filter(agenda_item__meeting=meeting).order_by("pk").first()
    motion.text = "Adopt the shelter budget"
    motion.save()
    return "Adopt the shelter budget"


def _attendee_added(meeting):
    person = Person.objects.create(given_name="Noor", family_name="Latecomer")
    Attendance.objects.create(meeting=meeting, person=person, status=Attendance.Status.PRESENT)
    return "Latecomer"


def _attendee_now_remote(meeting):
    attendance = meeting.attendances.order_by("pk").first()
    attendance.status = Attendance.Status.REMOTE  # as the attendance page saves it: a history record, no new person
    attendance.save()
    return "(remote)"


def _attendee_renamed(meeting):
    person = meeting.attendances.order_by("pk").first().person
    person.family_name = "Renamed-Attendee"
    person.save()
    return "Renamed-Attendee"


def _organization_renamed(meeting):
    organization = meeting.attendances.exclude(organization=None).order_by("pk").first().organization
    organization.name = "Renamed Shelter"
    organization.save()
    return "Renamed Shelter"


def _action_item_reworded(meeting):
    item = meeting.action_items.order_by("pk").first()
    item.description = "Call the shelter back"
    item.save()
    return "Call the shelter back"


def _amended(meeting):
    meeting._change_reason = services.AMENDMENT + "a name was misspelt"
    meeting.save()
    return "a name was misspelt"


@pytest.mark.parametrize(
    "change",
    [
        _announcements,
        _committee_renamed,
        _item_retitled,
        _item_added,
        _motion_reworded,
        _attendee_added,
        _attendee_now_remote,
        _attendee_renamed,
        _organization_renamed,
        _action_item_reworded,
        _amended,
    ],
)
def test_a_change_to_what_the_minutes_show_draws_the_document_again(meeting, change):
    before = _document(meeting)
    shown = change(meeting)
    assert shown not in before
    assert shown in _document(meeting)


def test_an_attendee_removed_leaves_the_document(meeting):
    person = Person.objects.create(given_name="Noor", family_name="Leaving")
    attendance = Attendance.objects.create(meeting=meeting, person=person, status=Attendance.Status.PRESENT)
    assert "Leaving" in _document(meeting)
    attendance.delete()
    assert "Leaving" not in _document(meeting)


def test_an_earlier_item_closed_here_and_its_minutes_made_private(meeting, make_meeting):
    earlier = make_meeting(meeting.committee, days=-30, is_public=True)
    earlier.approve_minutes(at=meeting)
    item = ActionItem.objects.create(meeting=earlier, committee=meeting.committee, description="Print the flyers")
    assert "Print the flyers" not in _document(meeting)
    item.close_at(meeting, ActionItem.Status.DONE)
    assert "Print the flyers" in _document(meeting)
    # The public minutes list the items of minutes the public may read: no longer, once those minutes are private.
    earlier.is_public = False
    earlier.save()
    assert "Print the flyers" not in _document(meeting)


def test_the_next_meeting_scheduled_and_moved(meeting, make_meeting):
    assert "Not yet scheduled." in _document(meeting)
    later = make_meeting(meeting.committee, days=30)
    assert later.when in _document(meeting)
    later.starts_at += datetime.timedelta(days=7)
    later.ends_at += datetime.timedelta(days=7)
    later.save()
    assert later.when in _document(meeting)


def test_the_approval_and_the_approving_meetings_day(meeting, make_meeting):
    approving = make_meeting(meeting.committee, days=-1)
    assert "Draft minutes" in _document(meeting)
    Meeting.objects.get(pk=meeting.pk).approve_minutes(at=approving)
    assert approving.date_label in _document(meeting)
    approving.starts_at -= datetime.timedelta(days=2)
    approving.ends_at -= datetime.timedelta(days=2)
    approving.save()
    assert approving.date_label in _document(meeting)


def test_each_language_has_its_own_document(meeting):
    english = _document(meeting)
    with translation.override("es"):
        spanish = _document(meeting)
    assert "Actas" in spanish and "Actas" not in english
    assert _document(meeting) == english


def test_every_reader_would_draw_the_same_document(meeting, make_meeting, client_as, tmp_path):
    """The document is kept for everyone who may read the meeting, so it must not depend on who asks: drawn afresh
    for staff, a member and a visitor, it is the same minutes (what it shows follows who may read the meeting)."""
    meeting.approve_minutes(at=make_meeting(meeting.committee, days=-1))  # approved: the public's too
    url = reverse("meetings:minutes_pdf", args=[meeting.pk])
    texts = set()
    for persona in ("staff", "member", "anonymous"):
        cache.clear()
        texts.add(_pdf_text(client_as(persona).get(url).content, tmp_path))
    assert len(texts) == 1
