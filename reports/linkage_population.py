"""A synthetic population for the unduplicated count: people seen by one or several agencies, with the noise
real lists have, and the truth of who is whom, so bench/linkage.py can measure how well the keys link.

Names come from Faker's locale lists (their own frequencies: many Nguyễn, many Garcías), birth dates are
spread over fifty years, and each agency's copy of a person is written down independently: typos, given and
family names swapped, a date or only a year or nothing, sex unknown, a nickname, the second family name left
off, and one agency that drops every accent and writes in capitals.
"""

from __future__ import annotations

import datetime
import random
import string
import unicodedata
from dataclasses import dataclass

from .linkage import Person

LOCALES = {"en_US": 45, "es_MX": 30, "vi_VN": 10, "pt_BR": 5, "fr_FR": 5, "pl_PL": 5}
# How many agencies identified a person: most one, some two, a few many.
AGENCIES_PER_PERSON = {1: 65, 2: 22, 3: 9, 4: 2, 5: 1, 6: 1}
NICKNAMES = {
    "ROBERT": ["Bob", "Rob", "Bobby"],
    "WILLIAM": ["Bill", "Will", "Billy"],
    "RICHARD": ["Dick", "Rick"],
    "JAMES": ["Jim", "Jimmy"],
    "JOSEPH": ["Joe", "Joey"],
    "MICHAEL": ["Mike", "Mikey"],
    "CHRISTOPHER": ["Chris"],
    "MARGARET": ["Peggy", "Maggie"],
    "ELIZABETH": ["Liz", "Betty", "Beth"],
    "KATHERINE": ["Kate", "Katie"],
    "JENNIFER": ["Jen", "Jenny"],
    "JESSICA": ["Jess"],
    "PATRICIA": ["Patty", "Trish"],
    "ANTHONY": ["Tony"],
    "DANIEL": ["Dan", "Danny"],
    "ALEXANDER": ["Alex"],
    "NICHOLAS": ["Nick"],
    "JOSE": ["Pepe"],
    "FRANCISCO": ["Paco", "Pancho"],
    "GUADALUPE": ["Lupe"],
    "ALEJANDRO": ["Alex"],
    "ALEJANDRA": ["Ale"],
    "JESUS": ["Chuy"],
    "ROSARIO": ["Chayo"],
    "ENRIQUE": ["Kike"],
    "REBECCA": ["Becky"],
    "SAMANTHA": ["Sam"],
    "STEPHANIE": ["Steph"],
    "VICTORIA": ["Vicky"],
}


@dataclass(frozen=True)
class Record:
    """One agency's row about one person, with the truth (person) the count never sees."""

    agency: str
    person: int
    row: Person


@dataclass
class Truth:
    given: str
    family: str
    second_family: str
    birth: datetime.date
    sex: str


def _typo(name: str, rng: random.Random) -> str:
    if len(name) < 3:
        return name
    i = rng.randrange(1, len(name) - 1)
    kind = rng.choice(["substitute", "delete", "insert", "transpose"])
    letter = rng.choice(string.ascii_lowercase)
    if kind == "substitute":
        return name[:i] + letter + name[i + 1 :]
    if kind == "delete":
        return name[:i] + name[i + 1 :]
    if kind == "insert":
        return name[:i] + letter + name[i:]
    return name[: i - 1] + name[i] + name[i - 1] + name[i + 1 :]


def _plain(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).upper()


def _people(count: int, rng: random.Random) -> list[Truth]:
    from faker import Faker

    fakers = {}
    for locale in LOCALES:
        fakers[locale] = Faker(locale)
        fakers[locale].seed_instance(rng.randrange(2**32))
    locales, weights = list(LOCALES), list(LOCALES.values())
    people = []
    start = datetime.date(1955, 1, 1)
    for _ in range(count):
        faker = fakers[rng.choices(locales, weights)[0]]
        sex = rng.choices(["F", "M", "X"], [70, 28, 2])[0]
        given = faker.first_name_female() if sex == "F" else faker.first_name_male()
        second = faker.last_name() if faker is fakers["es_MX"] and rng.random() < 0.4 else ""
        birth = start + datetime.timedelta(days=rng.randrange(365 * 56))
        people.append(Truth(given=given, family=faker.last_name(), second_family=second, birth=birth, sex=sex))
    return people


def _birth_text(birth: datetime.date, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.04:
        return rng.choice(["", "unknown"])
    if roll < 0.08:
        return str(birth.year)
    if roll < 0.10:  # a slip of the pen: day and month swapped, or the day next to it
        if birth.day <= 12 and birth.day != birth.month:
            return f"{birth.year}-{birth.day:02d}-{birth.month:02d}"
        shifted = birth + datetime.timedelta(days=rng.choice([-1, 1]))
        return shifted.isoformat()
    return birth.isoformat()


def _copy(truth: Truth, *, agency: str, plain: bool, rng: random.Random) -> Person:
    """One agency's writing-down of a person."""
    given, family = truth.given, truth.family
    if truth.second_family and rng.random() < 0.6:
        family = f"{family} {truth.second_family}"
    if rng.random() < 0.05 and _plain(given) in NICKNAMES:
        given = rng.choice(NICKNAMES[_plain(given)])
    if rng.random() < 0.05:
        if rng.random() < 0.5:
            given = _typo(given, rng)
        else:
            family = _typo(family, rng)
    if rng.random() < 0.02:
        given, family = family, given
    sex = truth.sex if rng.random() >= 0.03 else rng.choice(["", "unknown"])
    if plain:
        given, family = _plain(given), _plain(family)
    return Person(given=given, family=family, birth=_birth_text(truth.birth, rng), sex=sex)


def population(*, people: int = 10_000, agencies: int = 25, seed: int = 17) -> list[Record]:
    """Every agency's rows about a population, in no particular order; the last agency drops accents."""
    rng = random.Random(seed)  # noqa: S311 (a repeatable synthetic population, no secret)
    names = [f"Agency {number:02d}" for number in range(1, agencies + 1)]
    # Some agencies see many more people than others (a police department, a large shelter).
    sizes = [rng.choice([1, 1, 2, 3, 6]) for _ in names]
    plain_agency = names[-1]
    counts, count_weights = list(AGENCIES_PER_PERSON), list(AGENCIES_PER_PERSON.values())
    records = []
    for number, truth in enumerate(_people(people, rng)):
        how_many = min(rng.choices(counts, count_weights)[0], agencies)
        chosen: set[str] = set()
        while len(chosen) < how_many:
            chosen.add(rng.choices(names, sizes)[0])
        for agency in sorted(chosen):
            row = _copy(truth, agency=agency, plain=agency == plain_agency, rng=rng)
            records.append(Record(agency=agency, person=number, row=row))
    rng.shuffle(records)
    return records
