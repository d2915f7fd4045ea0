"""The browser's linkage keys (static/js/linkage.js) against the Python reference (reports/linkage.py).

Thousands of generated names, dates and sexes go through both; every normalized field, every key and (for a
sample) every digest must be the same, so a key made in any browser matches one made in another.
"""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports import linkage
from reports.linkage import Person
from taskforce.settings import BASE_DIR

pytestmark = pytest.mark.browser

SCRIPT = BASE_DIR / "static" / "js" / "linkage.js"

# Letters of many kinds: plain, accented (precomposed and as combining marks), the few NFKD keeps whole,
# ligatures, other scripts, and what sits between the parts of a name.
NAME_CHARACTERS = st.one_of(
    st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    st.characters(min_codepoint=0xC0, max_codepoint=0x24F),  # Latin-1 and Latin Extended-A/B
    st.characters(min_codepoint=0x300, max_codepoint=0x36F),  # combining marks
    st.characters(min_codepoint=0x1E00, max_codepoint=0x1EFF),  # Latin Extended Additional (Vietnamese)
    st.sampled_from("ßøØłŁđĐðÐæÆœŒþÞħĦŧŦıﬀﬁﬂ"),
    st.sampled_from("αβγΔЖжя王李김"),
    st.sampled_from(" -'’‘`ʼ.,\t0123"),
)
NAMES = st.text(NAME_CHARACTERS, max_size=14)


@st.composite
def births(draw):
    kind = draw(st.integers(0, 5))
    if kind <= 2:
        day = draw(st.dates(datetime.date(1890, 1, 1), datetime.date(2110, 12, 31)))
        return day.isoformat() if kind < 2 else f" {day.year}-{day.month}-{day.day}\t"
    if kind == 3:
        return str(draw(st.integers(1880, 2120)))
    if kind == 4:
        return f"{draw(st.integers(1900, 2100))}-{draw(st.integers(0, 13))}-{draw(st.integers(0, 32))}"
    return draw(st.sampled_from(["", "unknown", "07/04/1990", "1990-04-07\n", "１９９０", "٢٠٠٠"]))


PEOPLE = st.builds(
    Person,
    given=NAMES,
    family=NAMES,
    birth=births(),
    sex=st.one_of(st.sampled_from(["F", "m", " female ", "MALE", "x", "other", "", "unknown"]), st.text(max_size=3)),
)


@pytest.fixture
def script_page(page):
    page.goto("about:blank")
    page.add_script_tag(path=str(SCRIPT))
    return page


def _python(person: Person) -> dict:
    return {
        "given": linkage.normalize_name(person.given),
        "family": linkage.main_family_name(person.family),
        "fullFamily": linkage.normalize_name(person.family),
        "sex": linkage.normalize_sex(person.sex),
        "keys": linkage.match_keys(person),
    }


BROWSER = """people => people.map(p => ({
    given: TaskforceLinkage.normalizeName(p.given),
    family: TaskforceLinkage.mainFamilyName(p.family),
    fullFamily: TaskforceLinkage.normalizeName(p.family),
    sex: TaskforceLinkage.normalizeSex(p.sex),
    keys: TaskforceLinkage.matchKeys(p),
}))"""


@settings(
    max_examples=60,  # batches of 50 to 100: about 4,500 people in all
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.large_base_example,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(people=st.lists(PEOPLE, min_size=50, max_size=100))
def test_browser_keys_match_the_python_reference(script_page, people):
    batch = [{"given": p.given, "family": p.family, "birth": p.birth, "sex": p.sex} for p in people]
    made = script_page.evaluate(BROWSER, batch)
    for person, browser in zip(people, made, strict=True):
        assert browser == _python(person), person


@pytest.fixture
def secure_page(page, live_server):
    """WebCrypto's subtle API exists only in a secure context: a page of the (local) server, not about:blank."""
    url = f"{live_server.url}/static/js/linkage.js"
    page.goto(url)
    page.add_script_tag(url=url)
    return page


def test_browser_digests_match_the_python_reference(secure_page):
    people = [
        Person("José", "García López", "1990-04-07", "M"),
        Person("Thảo", "Đặng", "1996", "F"),
        Person("Łukasz", "O'Brien", "", ""),
        Person("", "", "1980-01-01", "F"),
    ]
    made = secure_page.evaluate(
        """async people => {
            const secret = await TaskforceLinkage.deriveSecret("pass phrase é", 2025, 600000, "taskforce-unduplicated-count");
            return TaskforceLinkage.digestRows(people, secret);
        }""",
        [{"given": p.given, "family": p.family, "birth": p.birth, "sex": p.sex} for p in people],
    )
    secret = linkage.derive_secret(passphrase="pass phrase e\u0301", year=2025)  # the same passphrase, decomposed
    assert made == [linkage.row_digests(person, secret=secret) for person in people]
    assert linkage.PBKDF2_ITERATIONS == 600_000 and linkage.SALT_LABEL == "taskforce-unduplicated-count"


def test_the_csv_reader(script_page):
    text = '\ufeffgiven_name,family_name,birth_date,sex\r\n"Maria ""Mary""",García,1990-04-07,F\r\n\r\nAna,"de la Cruz, Jr",,\n'
    people = script_page.evaluate("text => TaskforceLinkage.peopleFrom(TaskforceLinkage.parseCSV(text))", text)
    assert people == [
        {"given": 'Maria "Mary"', "family": "García", "birth": "1990-04-07", "sex": "F"},
        {"given": "Ana", "family": "de la Cruz, Jr", "birth": "", "sex": ""},
    ]
