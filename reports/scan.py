"""Case summaries: a scan for what may identify someone, before staff clear them for the report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import re2
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Person

from .models import Narrative

# ---------------------------------------------------------------------------
# Case summaries: a scan for what may identify someone, before staff clear them.
# The patterns are RE2 (google-re2): its time grows with the text's length, never faster, whatever the
# text; Python's re backtracks, and a long run of digits took seconds. RE2 has no look-around, and its
# \w, \W and \b know only ASCII: where a pattern reads a word, any character beyond ASCII counts as a
# letter (so it flags a little more than Python's Unicode classes would, never less).
# ---------------------------------------------------------------------------

WORD = r"\w\x{80}-\x{10FFFF}"
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
SCAN_PATTERNS = [
    ("email", _("an email address"), re2.compile(rf"[{WORD}.+-]+@[{WORD}-]+\.[{WORD}.-]+")),
    ("phone", _("a phone number"), re2.compile(r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b")),
    (
        "date",
        _("a date of birth"),
        re2.compile(rf"(?i)\b(?:(?:DOB|date of birth|born(?: on| in)?)\b|D\.O\.B\.)[:\s]*[{WORD} ,/.-]{{0,20}}"),
    ),
    (
        "date",
        _("an exact date"),
        re2.compile(
            rf"\b(?:(?:{MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|\d{{1,2}} (?:{MONTHS}) \d{{4}}"
            r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})\b"
        ),
    ),
    (
        "age",
        _("an age"),
        re2.compile(
            r"(?i)\b(?:\d{1,2}[- ]years?[- ]old|aged? \d{1,2}|\d{1,2}[- ]year[- ]old|age of \d{1,2}|\d{1,2} ?y/?o)\b"
        ),
    ),
    (
        "address",
        _("a street address"),
        re2.compile(
            rf"\b\d{{1,5}}(?: [A-Z0-9][{WORD}.]*){{1,4}} (?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Lane|Ln|"
            r"Drive|Dr|Way|Place|Pl|Court|Ct|Terrace|Alley|Highway|Hwy)\b\.?"
        ),
    ),
    (
        "name",
        _("a personal name"),
        re2.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Miss|Officer|Detective|Sgt|Captain)\.? [A-Z][a-z]+(?: [A-Z][a-z]+)?"),
    ),
]
# Capitalised pairs that are places or institutions, not people.
NOT_NAMES = {
    "San",
    "Francisco",
    "Bay",
    "Area",
    "Task",
    "Force",
    "Department",
    "City",
    "County",
    "District",
    "Attorney",
    "Police",
    "Court",
    "Superior",
    "Juvenile",
    "Probation",
    "Public",
    "Health",
    "Family",
    "Children",
    "Services",
    "Legal",
    "Aid",
    "Society",
    "Human",
    "Trafficking",
    "United",
    "States",
    "California",
    "Mayor",
    "The",
    "A",
    "An",
    "In",
    "On",
    "After",
    "Before",
    "During",
    "She",
    "He",
    "They",
    "Her",
    "His",
    "Their",
    "When",
    "With",
    "Through",
    "Our",
    "This",
    "That",
    "Youth",
    "Programs",
}
# Two capitalised words side by side look like a personal name, unless they open a line or a sentence.
# RE2 has no look-behind, so this one pattern stays with Python's re; it still reads each character a
# bounded number of times: a try starts only at a capital that begins a word, and each [a-z] run it
# crosses belongs to that try alone (tests/reports/test_scan_speed.py holds it to that on 1 MB).
CAPITALISED_PAIR = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{1,})\s([A-Z][a-z]{1,})\b", re.MULTILINE)
# The text the scan reads: a case summary's title, a line break and its text, at their longest.
MAX_SCAN_LENGTH = Narrative._meta.get_field("title").max_length + 1 + Narrative._meta.get_field("text").max_length


class TextTooLong(ValueError):
    """The scan refuses text longer than MAX_SCAN_LENGTH; the forms keep what people type below it."""


# A run of word characters (one class, repeated: nothing to backtrack into). Registry names are found by
# comparing runs of words with them, not by a pattern per name: the registry holds thousands of names.
WORD_RUN = re.compile(r"(\w+)")


def _mentions(text: str, names: Iterable[str]) -> list[str]:
    """The registry names that stand in the text as whole words, ignoring case; the work grows with the text.

    A name of n words is looked up among the text's stretches of n consecutive words (as written, with
    what lies between them) that begin with one of the names' first words.
    """
    by_length: dict[int, dict[str, str]] = {}
    first_words = set()
    for name in names:
        name = name.strip()
        words = WORD_RUN.findall(name.lower())
        if len(name) >= 3 and words:
            by_length.setdefault(len(words), {})[name.lower()] = name
            first_words.add(words[0])
    # Words at the odd places, what lies between them at the even ones.
    pieces = WORD_RUN.split(text.lower())
    found = []
    for first in [place for place in range(1, len(pieces), 2) if pieces[place] in first_words]:
        for words, lookup in by_length.items():
            name = lookup.pop("".join(pieces[first : first + 2 * words - 1]), None)
            if name is not None:
                found.append(name)
    return found


def find_identifying(*, text: str, known_names: Iterable[str] = ()) -> list[dict]:
    """What in a text looks like it could identify someone; the time grows in step with the text's length."""
    flags = []
    seen = set()

    def flag(kind: str, label: str, found: str):
        key = (kind, found.strip().lower())
        if key not in seen:
            seen.add(key)
            flags.append({"kind": kind, "label": str(label), "text": found.strip()})

    # RE2 reads UTF-8: encoded once here rather than once per pattern.
    encoded = text.encode()
    for kind, label, pattern in SCAN_PATTERNS:
        for match in pattern.finditer(encoded):
            start, end = match.span()
            flag(kind, label, encoded[start:end].decode())
    for name in _mentions(text, known_names):
        flag("name", _("the name of someone in the registry"), name)
    for match in CAPITALISED_PAIR.finditer(text):
        first, second = match.groups()
        if first not in NOT_NAMES and second not in NOT_NAMES:
            flag("name", _("what looks like a personal name"), match.group(0))
    return flags


def scan_case_summary(*, text: str, known_names: Iterable[str] = ()) -> list[dict]:
    """What in a case summary looks like it could identify someone; staff clear it before it is shown."""
    if len(text) > MAX_SCAN_LENGTH:
        raise TextTooLong(f"The scan reads at most {MAX_SCAN_LENGTH} characters; this text has {len(text)}.")
    return find_identifying(text=text, known_names=known_names)


def registry_names() -> list[str]:
    """Full and family names of everyone in the registry: 1 query."""
    names = set()
    for given, family in Person.objects.values_list("given_name", "family_name"):
        names.add(f"{given} {family}".strip())
        if len(family) >= 4:
            names.add(family)
    return sorted(names)


def rescan_narrative(*, narrative: Narrative, text_changed: bool) -> Narrative:
    """Scan a case summary; a changed text must be cleared again."""
    if narrative.kind == Narrative.Kind.CASE_SUMMARY:
        narrative.scan_flags = scan_case_summary(
            text=f"{narrative.title}\n{narrative.text}", known_names=registry_names()
        )
        if text_changed:
            narrative.cleared_at = None
            narrative.cleared_by = None
    else:
        narrative.scan_flags = []
    return narrative


def clear_case_summaries(*, narratives: Iterable[Narrative], user) -> int:
    cleared = 0
    for narrative in narratives:
        if narrative.kind == Narrative.Kind.CASE_SUMMARY and narrative.cleared_at is None:
            narrative.cleared_at = timezone.now()
            narrative.cleared_by = user
            narrative.save(update_fields=["cleared_at", "cleared_by", "updated_at"])
            cleared += 1
    return cleared


def highlight_findings(*, text: str, flags: Sequence[dict]) -> list[tuple[str, bool]]:
    """The text cut into pieces, each with whether it is a scan finding; the template marks the findings.

    Longer findings win where two overlap; the search ignores case, as the scan does.
    """
    found = sorted({flag["text"] for flag in flags if flag.get("text")}, key=len, reverse=True)
    if not found:
        return [(text, False)] if text else []
    pattern = re2.compile("(?i)" + "|".join(re2.escape(finding) for finding in found))
    encoded = text.encode()
    pieces = []
    start = 0
    for match in pattern.finditer(encoded):
        found_start, found_end = match.span()
        if found_start > start:
            pieces.append((encoded[start:found_start].decode(), False))
        pieces.append((encoded[found_start:found_end].decode(), True))
        start = found_end
    if start < len(encoded):
        pieces.append((encoded[start:].decode(), False))
    return pieces


def save_case_summary(*, narrative: Narrative) -> Narrative:
    """Scan and save a case summary written by staff; any change must be cleared again."""
    text_changed = True
    if narrative.pk:
        old = Narrative.objects.filter(pk=narrative.pk).values_list("title", "text").first()
        text_changed = old != (narrative.title, narrative.text)
    narrative.kind = Narrative.Kind.CASE_SUMMARY
    rescan_narrative(narrative=narrative, text_changed=text_changed)
    narrative.save()
    return narrative


def set_case_summary_cleared(*, narrative: Narrative, user, cleared: bool) -> Narrative:
    narrative.cleared_by = user if cleared else None
    narrative.cleared_at = timezone.now() if cleared else None
    narrative.save(update_fields=["cleared_by", "cleared_at", "updated_at"])
    return narrative
