"""Case summaries: a scan for what may identify someone, before staff clear them for the report."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Person

from .models import Narrative

# ---------------------------------------------------------------------------
# Case summaries: a scan for what may identify someone, before staff clear them.
# ---------------------------------------------------------------------------

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
SCAN_PATTERNS = [
    ("email", _("an email address"), re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")),
    ("phone", _("a phone number"), re.compile(r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b")),
    (
        "date",
        _("a date of birth"),
        re.compile(r"\b(?:DOB|D\.O\.B\.|date of birth|born (?:on|in)?)\b[:\s]*[\w ,/.-]{0,20}", re.IGNORECASE),
    ),
    (
        "date",
        _("an exact date"),
        re.compile(
            rf"\b(?:(?:{MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|\d{{1,2}} (?:{MONTHS}) \d{{4}}"
            r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})\b"
        ),
    ),
    (
        "age",
        _("an age"),
        re.compile(
            r"\b(?:\d{1,2}[- ]years?[- ]old|aged? \d{1,2}|\d{1,2}[- ]year[- ]old|age of \d{1,2}|\d{1,2} ?y/?o)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "address",
        _("a street address"),
        re.compile(
            r"\b\d{1,5}(?: [A-Z0-9][\w.]*){1,4} (?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Lane|Ln|Drive|Dr|"
            r"Way|Place|Pl|Court|Ct|Terrace|Alley|Highway|Hwy)\b\.?"
        ),
    ),
    (
        "name",
        _("a personal name"),
        re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Miss|Officer|Detective|Sgt|Captain)\.? [A-Z][a-z]+(?: [A-Z][a-z]+)?"),
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
CAPITALISED_PAIR = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{1,})\s([A-Z][a-z]{1,})\b", re.MULTILINE)


def scan_case_summary(*, text: str, known_names: Iterable[str] = ()) -> list[dict]:
    """What in a case summary looks like it could identify someone; staff clear it before it is shown."""
    flags = []
    seen = set()

    def flag(kind: str, label: str, found: str):
        key = (kind, found.strip().lower())
        if key not in seen:
            seen.add(key)
            flags.append({"kind": kind, "label": str(label), "text": found.strip()})

    for kind, label, pattern in SCAN_PATTERNS:
        for match in pattern.finditer(text):
            flag(kind, label, match.group(0))
    for name in known_names:
        name = name.strip()
        if len(name) >= 3 and re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE):
            flag("name", _("the name of someone in the registry"), name)
    for match in CAPITALISED_PAIR.finditer(text):
        first, second = match.groups()
        if first not in NOT_NAMES and second not in NOT_NAMES:
            flag("name", _("what looks like a personal name"), match.group(0))
    return flags


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
    pattern = re.compile("|".join(re.escape(finding) for finding in found), re.IGNORECASE)
    pieces = []
    start = 0
    for match in pattern.finditer(text):
        if match.start() > start:
            pieces.append((text[start : match.start()], False))
        pieces.append((match.group(0), True))
        start = match.end()
    if start < len(text):
        pieces.append((text[start:], False))
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
