"""The case-summary scan's time grows with the text's length only: 1 MB of hostile text scans in under 2 s.

A benchmark-style test: it times the scan (the CPU time of this process, so other work on the machine does
not count) on shapes that made the old backtracking patterns quadratic
(a run of digits, of spaces, of letters, "DOB" repeated, a mix of every kind of finding).
"""

import time

import pytest
from django.urls import reverse

from reports.models import Narrative
from reports.scan import MAX_SCAN_LENGTH, TextTooLong, find_identifying, highlight_findings, scan_case_summary

MEGABYTE = 1_000_000
SECONDS_PER_MEGABYTE = 2.0
SHAPES = {
    "digits": "7",
    "spaces": " ",
    "letters": "a",
    "capitalised words": "Aa ",
    "DOB repeated": "DOB ",
    "email-like": "a.",
    "at signs": "a@",
    "digits and spaces": "1 ",
    "titles": "Mr. Aa ",
    "accented letters": "é",
    "mixed": "Rosa Alvarez, DOB: 4/12/2001, 16-year-old, 1200 Mission Street, 415-555-0100, x@y.org. ",
}
# A registry of the benchmark's size (members/scale.py: 3,000 people at full scale).
REGISTRY = [f"Given{i} Family{i}" for i in range(3000)] + [f"Family{i}" for i in range(3000)]


def repeat_to(unit, length):
    return (unit * (length // len(unit) + 1))[:length]


@pytest.mark.parametrize("shape", SHAPES)
def test_a_megabyte_of_hostile_text_scans_in_linear_time(shape):
    text = repeat_to(SHAPES[shape], MEGABYTE)
    started = time.process_time()
    flags = find_identifying(text=text, known_names=REGISTRY)
    highlight_findings(text=text, flags=flags)
    assert time.process_time() - started < SECONDS_PER_MEGABYTE


@pytest.mark.parametrize("shape", SHAPES)
def test_the_longest_case_summary_scans_at_once(shape):
    text = repeat_to(SHAPES[shape], MAX_SCAN_LENGTH)
    started = time.process_time()
    scan_case_summary(text=text, known_names=REGISTRY)
    assert time.process_time() - started < SECONDS_PER_MEGABYTE * MAX_SCAN_LENGTH / MEGABYTE * 10


def test_the_scan_refuses_longer_text():
    scan_case_summary(text="7" * MAX_SCAN_LENGTH)
    with pytest.raises(TextTooLong):
        scan_case_summary(text="7" * (MAX_SCAN_LENGTH + 1))


@pytest.mark.django_db
def test_a_too_long_case_summary_gets_a_message_next_to_the_field(client_as, world, year):
    response = client_as("staff").post(
        reverse("reports:case_summaries", args=[year.year]), {"action": "add", "title": "Long", "text": "7" * 20_001}
    )
    assert response.status_code == 400
    assert "Ensure this value has at most 20000 characters (it has 20001)." in response.content.decode()
    assert not Narrative.objects.exists()


@pytest.mark.django_db
def test_a_too_long_case_summary_is_refused_in_the_admin_too(client_as, world, year):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    response = client_as("staff").post(
        reverse("admin:reports_narrative_add"),
        {"reporting_year": year.pk, "kind": "case_summary", "title": "", "text": "7" * 20_001, "position": 0},
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 20000 characters" in response.content.decode()
    assert not Narrative.objects.exists()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("She met Rosa Alvarez. Maria Lopez Smith too.", {"Rosa Alvarez", "Lopez Smith"}),
        ("José’s friend called.", {"José"}),
        ("She was born Élodie.", {"born Élodie."}),
        ("D.O.B.: 1/2/03", {"D.O.B.: 1/2/03", "1/2/03"}),
    ],
)
def test_the_scan_reads_sentences_and_letters_beyond_ascii(text, found):
    flags = scan_case_summary(text=text, known_names=["José"])
    assert found <= {flag["text"] for flag in flags}
