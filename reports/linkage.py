"""Statistical linkage keys: the Python reference of what static/js/linkage.js does in the agency's browser.

The browser normalizes each name, builds the match keys of a person, and uploads only the keyed digests
(HMAC-SHA-256 with a secret derived from the linkage passphrase and the year by PBKDF2). The server joins
the records of every participating agency wherever two share a digest. This module is the rule both sides
follow (tests/reports/test_linkage_js.py runs the script against it on thousands of generated names);
the server itself only ever calls ``count_people``. docs/linkage.md explains the rules with examples.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

PBKDF2_ITERATIONS = 600_000
SALT_LABEL = "taskforce-unduplicated-count"
# Letters that NFKD does not take apart into a base letter and marks.
SPECIAL_LETTERS = {"Ø": "O", "Ł": "L", "Đ": "D", "Ð": "D", "Æ": "AE", "Œ": "OE", "Þ": "TH", "Ħ": "H", "Ŧ": "T"}
NOT_LETTERS = re.compile(r"[^A-Z]")
SEX_CODES = {"M": "1", "MALE": "1", "F": "2", "FEMALE": "2", "X": "3", "OTHER": "3"}
UNKNOWN_SEX = "9"


def normalize_name(text: str | None) -> str:
    """NFKD, marks dropped, upper case, the few letters NFKD keeps whole spelled out, then A-Z only.

    "José" -> "JOSE", "O'Brien-Smith" -> "OBRIENSMITH", "Łukasz" -> "LUKASZ", "Straße" -> "STRASSE".
    A name in a script other than Latin gives "" (docs/linkage.md: it cannot be linked).
    """
    if not text:
        return ""
    return NOT_LETTERS.sub("", _spelled_upper(text))


APOSTROPHES = re.compile(r"['\u2019\u2018`\u02bc]")
WORDS = re.compile(r"[A-Z]+")
MAIN_WORD_LETTERS = 4


def _spelled_upper(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    return "".join(SPECIAL_LETTERS.get(ch, ch) for ch in without_marks.upper())


def main_family_name(text: str | None) -> str:
    """The first word of a family name with at least four letters, or the whole name if none has.

    "García López" and "Garcia" -> "GARCIA"; "da Cunha" -> "CUNHA"; "O'Brien" -> "OBRIEN"; "Lê" -> "LE".
    Agencies differ on whether they write a second family name and a particle; they rarely differ on the first.
    """
    words = WORDS.findall(_spelled_upper(APOSTROPHES.sub("", text or "")))
    return next((word for word in words if len(word) >= MAIN_WORD_LETTERS), "".join(words))


def normalize_sex(text: str | None) -> str:
    """1 male, 2 female, 3 another, 9 unknown (the SLK-581 codes)."""
    return SEX_CODES.get((text or "").strip(" \t").upper(), UNKNOWN_SEX)


@dataclass(frozen=True)
class BirthDate:
    """A full date, a year alone, or nothing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def full(self) -> bool:
        return self.day is not None

    def ddmmyyyy(self) -> str:
        return f"{self.day:02d}{self.month:02d}{self.year:04d}"


# ASCII digits and blanks only, as in the browser (Python's \d and \s would take other scripts' digits and spaces).
DATE_PATTERN = re.compile(r"[ \t]*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})[ \t]*")
YEAR_PATTERN = re.compile(r"[ \t]*([0-9]{4})[ \t]*")


def parse_birth(text: str | None) -> BirthDate:
    """ "1990-04-07" is a date, "1990" a year; anything else (blank, "unknown", an impossible date) is unknown."""
    text = text or ""
    if match := DATE_PATTERN.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        try:
            datetime.date(year, month, day)
        except ValueError:
            return BirthDate()
        if 1900 <= year <= 2100:
            return BirthDate(year, month, day)
        return BirthDate()
    if (match := YEAR_PATTERN.fullmatch(text)) and 1900 <= int(match.group(1)) <= 2100:
        return BirthDate(int(match.group(1)))
    return BirthDate()


def _letters(name: str, positions: Sequence[int]) -> str:
    """SLK-581's letters at 1-based positions, "2" where the name is too short."""
    return "".join(name[p - 1] if len(name) >= p else "2" for p in positions)


def slk581(*, given: str, family: str, birth: BirthDate, sex: str) -> str | None:
    """The Australian SLK-581: family letters 2, 3, 5; given 2, 3; DDMMYYYY; sex. Needs a full date."""
    if not (given and family and birth.full):
        return None
    return _letters(family, (2, 3, 5)) + _letters(given, (2, 3)) + birth.ddmmyyyy() + sex


@dataclass(frozen=True)
class Fields:
    """A row's normalized fields, what every key is made of."""

    given: str
    family: str  # main_family_name
    full_family: str  # normalize_name, for SLK-581 as its specification says
    birth: BirthDate
    sex: str

    @property
    def names(self) -> bool:
        return bool(self.given and self.family)

    @property
    def known_sex(self) -> bool:
        return self.sex != UNKNOWN_SEX


def fields_of(person: Person) -> Fields:
    return Fields(
        given=normalize_name(person.given),
        family=main_family_name(person.family),
        full_family=normalize_name(person.family),
        birth=parse_birth(person.birth),
        sex=normalize_sex(person.sex),
    )


def _date_and_month_any_order(b: BirthDate) -> str:
    return "".join(sorted((f"{b.day:02d}", f"{b.month:02d}"))) + f"{b.year:04d}"


# Each key: a function of the normalized fields giving the key's text, or None when a field it needs is missing.
# Why each is there, measured by bench/linkage.py --explore, is in docs/linkage.md.
KEYS = {
    # Australia's statistical linkage key, as specified.
    "slk581": lambda f: slk581(given=f.given, family=f.full_family, birth=f.birth, sex=f.sex),
    # A nickname or a typo after the first letter of the given name; sex unknown.
    "family_initial_date": lambda f: (
        f"{f.family}|{f.given[0]}|{f.birth.ddmmyyyy()}" if f.names and f.birth.full else None
    ),
    # Given and family names swapped.
    "names_any_order_date": lambda f: (
        "|".join(sorted((f.given, f.family))) + f"|{f.birth.ddmmyyyy()}" if f.names and f.birth.full else None
    ),
    # Any change to the given name (Robert and Bob).
    "family_date_sex": lambda f: (
        f"{f.family}|{f.birth.ddmmyyyy()}|{f.sex}" if f.family and f.birth.full and f.known_sex else None
    ),
    # A typo in the family name.
    "given_date_sex": lambda f: (
        f"{f.given}|{f.birth.ddmmyyyy()}|{f.sex}" if f.given and f.birth.full and f.known_sex else None
    ),
    # A slip in the day of birth.
    "names_year_month": lambda f: (
        f"{f.given}|{f.family}|{f.birth.year:04d}{f.birth.month:02d}" if f.names and f.birth.full else None
    ),
    # Day and month swapped.
    "names_date_any_order": lambda f: (
        f"{f.given}|{f.family}|{_date_and_month_any_order(f.birth)}" if f.names and f.birth.full else None
    ),
    # Weak keys: they join only a row without a full birth date, and only to one group (see clusters()).
    "names_year": lambda f: f"{f.given}|{f.family}|{f.birth.year:04d}" if f.names and f.birth.year else None,
    "names": lambda f: f"{f.given}|{f.family}" if f.names else None,
}
SLK_ONLY = ("slk581",)
WEAK_KEYS = {"names_year", "names"}
CHOSEN = tuple(KEYS)


@dataclass(frozen=True)
class Person:
    """One row as an agency holds it (never leaves the browser; in Python only for tests and the bench)."""

    given: str
    family: str
    birth: str
    sex: str


def match_keys(person: Person, *, keys: Iterable[str] = CHOSEN) -> list[str | None]:
    """The person's keys in the order asked, each prefixed with its name so two keys never collide; None for a key
    whose fields are missing. The order is kept in the upload: the server needs to know which key is the weak one."""
    fields = fields_of(person)
    made = []
    for name in keys:
        text = KEYS[name](fields)
        made.append(None if text is None else f"{name}:{text}")
    return made


def derive_secret(*, passphrase: str, year: int) -> bytes:
    """PBKDF2-HMAC-SHA-256 of the passphrase, salted by the year and a fixed label: 32 bytes."""
    salt = f"{SALT_LABEL}:{year}".encode()
    secret = unicodedata.normalize("NFC", passphrase).encode()  # the same passphrase typed on any keyboard
    return hashlib.pbkdf2_hmac("sha256", secret, salt, PBKDF2_ITERATIONS, dklen=32)


def digest(secret: bytes, key: str) -> str:
    return hmac.new(secret, key.encode(), hashlib.sha256).hexdigest()


def row_digests(person: Person, *, secret: bytes, keys: Iterable[str] = CHOSEN) -> list[str | None]:
    return [None if key is None else digest(secret, key) for key in match_keys(person, keys=keys)]


# ---------------------------------------------------------------------------
# Counting: what the server does with the uploaded digests.
# ---------------------------------------------------------------------------


class UnionFind:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def clusters(rows: Sequence[Sequence[str | None]], *, keys: Sequence[str] = CHOSEN) -> list[int]:
    """For each row (its digests, one place per key, None where the key could not be made), the id of the group
    of rows joined to it.

    Two rows join when they share the digest of a strong key. Then each weak key in turn (names and birth
    year, then names alone) joins the rows for which it is the best key they have (no full birth date; then no
    year either) to the one group of better-keyed rows that holds the same digest. Where rows of two or more
    groups hold it, the key cannot tell who is whom and joins nobody; where none does, the rows stay apart.
    """
    found = UnionFind(len(rows))
    strong = [place for place, name in enumerate(keys) if name not in WEAK_KEYS]
    weak = [place for place, name in enumerate(keys) if name in WEAK_KEYS]
    first_row: dict[str, int] = {}
    for index, digests in enumerate(rows):
        for place in strong:
            if (value := digests[place]) is not None:
                other = first_row.setdefault(value, index)
                if other != index:
                    found.union(index, other)
    # The place of each row's best key: the first strong one it has, else the first weak one.
    best = [next((p for p in [*strong, *weak] if digests[p] is not None), None) for digests in rows]
    for rank, place in enumerate(weak):
        better = {*strong, *weak[:rank]}
        holders: dict[str, list[int]] = {}
        for index, digests in enumerate(rows):
            if (value := digests[place]) is not None:
                holders.setdefault(value, []).append(index)
        for holding in holders.values():
            partial = [index for index in holding if best[index] == place]
            groups = {found.find(index) for index in holding if best[index] in better}
            if partial and len(groups) == 1:
                anchor = groups.pop()
                for index in partial:
                    found.union(anchor, index)
    return [found.find(index) for index in range(len(rows))]


@dataclass(frozen=True)
class Count:
    people: int  # distinct people over every participating agency
    by_more_than_one: int  # of them, identified by two or more agencies
    pairs: dict[tuple[str, str], int]  # per pair of agencies (sorted), people both identified


def count_people(records: Sequence[tuple[str, Sequence[str | None]]], *, keys: Sequence[str] = CHOSEN) -> Count:
    """Records are (agency, digests of one row): distinct people, how many by more than one agency, per pair."""
    groups = clusters([digests for _, digests in records], keys=keys)
    agencies_of: dict[int, set[str]] = {}
    for (agency, _), group in zip(records, groups, strict=True):
        agencies_of.setdefault(group, set()).add(agency)
    pairs: dict[tuple[str, str], int] = {}
    for agencies in agencies_of.values():
        for pair in combinations(sorted(agencies), 2):
            pairs[pair] = pairs.get(pair, 0) + 1
    return Count(
        people=len(agencies_of),
        by_more_than_one=sum(1 for agencies in agencies_of.values() if len(agencies) > 1),
        pairs=pairs,
    )
