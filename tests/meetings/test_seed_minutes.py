"""The seeded 2016-12-14 and 2017-09-25 meetings read like the original minutes in shared/seeds."""

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings.models import ActionItem, Meeting

pytestmark = pytest.mark.django_db

SEEDS = Path("/work/shared/seeds")
if not SEEDS.exists():
    SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def normalize(text):
    """Typographic apostrophes and whitespace do not matter for the comparison."""
    return re.sub(r"\s+", " ", html.unescape(text).replace("’", "'"))


@pytest.fixture
def seeded(db):
    call_command("seed_demo")


def seed_text(name):
    return (SEEDS / name).read_text(encoding="utf-8")


def attendees_from_seed():
    text = seed_text("task-force-minutes-2016-12-14.txt")
    line = text.split("Attendees:", 1)[1].strip().splitlines()[0]
    return [tuple(part.strip().split(", ", 1)) for part in line.split(";") if part.strip()]


def agenda_titles_from_seed():
    lines = seed_text("task-force-minutes-2016-12-14.txt").splitlines()
    # The export numbers every agenda item "1." as a list of its own; real lists go on with "2.".
    return [
        line[5:].strip()
        for line, following in zip(lines, [*lines[1:], ""], strict=True)
        if line.startswith("  1. ") and not following.startswith("  2. ")
    ]


def test_2016_12_14_minutes_page_has_every_attendee_organization_and_item_in_order(seeded, client):
    meeting = Meeting.objects.get(starts_at__date="2016-12-14")
    response = client.get(reverse("meetings:minutes", args=[meeting.pk]))  # public and approved: anonymous
    assert response.status_code == 200
    body = normalize(response.content.decode())
    attendees = attendees_from_seed()
    assert len(attendees) == 29
    for name, organization in attendees:
        # "; " between attendees, none after the last.
        assert re.search(rf"{re.escape(normalize(name))}, {re.escape(normalize(organization))}(; |</p>)", body), name
    assert "; </p>" not in body
    titles = agenda_titles_from_seed()
    assert len(titles) == 6
    positions = [body.index(f"{number}. {normalize(title)}") for number, title in enumerate(titles, start=1)]
    assert positions == sorted(positions)
    assert "Minutes were adopted by the group. [Utarti/ Dieterich]" in body
    assert "Email Antonia with your events." in body
    assert "Next meeting" in body and "2/22/2017, 1:30 – 3:30 pm, City Hall, Room 305" in body
    assert "Wednesday, December 14, 2016, 1:30-3:30 pm" in body
    # Attendees sorted by family name.
    assert body.index("Mana Barari") < body.index("Doug Bloch") < body.index("Eli Zigas")
    # The adopted motion approved the October meeting's minutes.
    october = Meeting.objects.get(starts_at__date="2016-10-26")
    assert october.minutes_approved and october.minutes_approved_at == meeting


def test_2017_09_25_committee_meeting_has_its_action_items(seeded, client):
    from django.contrib.auth import get_user_model

    meeting = Meeting.objects.get(starts_at__date="2017-09-25")
    assert client.get(reverse("meetings:minutes", args=[meeting.pk])).status_code == 302  # members only
    client.force_login(get_user_model().objects.get(username="staff"))
    body = normalize(client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode())
    for name in ["Minouche Kandel", "Katherine Chu", "Alix Lutnik", "Carol Leigh"]:
        assert name in body
    for title in [
        "Prioritizing Safety for Sex Worker Policy",
        "SFPD Data",
        "Committee Structure",
        "Priorities for 2017-2018",
    ]:
        assert title in body
    assert ActionItem.objects.filter(meeting=meeting).count() == 5
    assert "Ask Dianna to check with Chief Scott" in body and "MK update on outreach in Mission." in body


def test_minutes_pdf_is_tagged_and_reads_like_the_page(seeded, client, tmp_path):
    meeting = Meeting.objects.get(starts_at__date="2016-12-14")
    response = client.get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(response.content)
    text = normalize(
        subprocess.run([shutil.which("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )
    assert "Mayor's Task Force on Anti-Human Trafficking" in text
    assert "Wednesday, December 14, 2016, 1:30-3:30 pm" in text
    assert "Captain Una Bailey, SFPD Special Victims Unit;" in text
    assert "Minutes were adopted by the group. [Utarti/ Dieterich]" in text
    assert "Humane treatment of animals" in text
    info = subprocess.run([shutil.which("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Tagged:\s+yes", info)
    assert "Minutes: Mayor's Task Force" in info


def test_seeding_twice_does_not_duplicate(seeded):
    from meetings.models import AgendaItem, Attendance, Motion

    counts = [model.objects.count() for model in (Meeting, AgendaItem, Attendance, Motion, ActionItem)]
    call_command("seed_demo")
    assert [model.objects.count() for model in (Meeting, AgendaItem, Attendance, Motion, ActionItem)] == counts
