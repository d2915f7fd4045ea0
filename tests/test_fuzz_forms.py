"""Every form the project shows, fuzzed with hypothesis: never a 500, and a refused form saves nothing.

The forms are found by walking every URL (as in test_access.py) as staff and as the persona each
app gives forms to, and reading the <form> elements of each page, so new forms are fuzzed without
being listed here.
"""

from html.parser import HTMLParser

import pytest
from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_access import URLS, all_samples

NASTY = st.one_of(
    st.text(max_size=50),
    st.text(min_size=3000, max_size=6000),
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "\x1b[31m",
            "\ud7ff\U0001f600\U00010348",
            "-1",
            "1e309",
            "NaN",
            "2024-02-30",
            "9999-99-99",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "",
            " ",
            "0",
            "99999999999999999999",
        ]
    ),
    st.integers().map(str),
    st.characters(codec="utf-8").map(lambda c: c * 20),
)
# Tables that change on any request, whatever the form does.
VOLATILE = {"django_session", "axes_accessattempt", "axes_accesslog", "axes_accessfailurelog", "django_admin_log"}


class FormFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms, self._current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action"),
                "fields": {},
            }
            self.forms.append(self._current)
        elif self._current is not None and tag in {"input", "select", "textarea"} and attrs.get("name"):
            if attrs.get("type") in {"submit", "button", "file", "image"} or attrs["name"] == "csrfmiddlewaretoken":
                return
            self._current["fields"][attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def row_counts():
    with connection.cursor() as cursor:
        tables = [t for t in connection.introspection.table_names(cursor) if t not in VOLATILE]
        cursor.execute(" UNION ALL ".join(f"SELECT '{t}', count(*) FROM \"{t}\"" for t in tables))  # noqa: S608
        return dict(cursor.fetchall())


def forms_on_pages(client, world):
    samples = all_samples()
    found = []
    for name, _pattern in URLS:
        sample = samples.get(name)
        kwargs = sample.kwargs(world) if sample else {}
        url = reverse(name, kwargs=kwargs)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        finder = FormFinder()
        finder.feed(response.content.decode())
        for form in finder.forms:
            if form["fields"] and name not in {"logout"}:
                found.append((name, form["action"] or url, form))
    return found


@pytest.mark.parametrize("persona", ["staff", "cochair", "data_contact"])
def test_no_form_answers_500_and_refused_forms_save_nothing(persona, client_as, world):
    client = client_as(persona)
    forms = forms_on_pages(client, world)
    assert forms, "the walk found no forms at all"
    for name, action, form in forms:
        fuzz_one_form(client_as, persona, name, action, form)


def fuzz_one_form(client_as, persona, name, action, form):
    client = client_as(persona)
    field_names = sorted(form["fields"])

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(values=st.fixed_dictionaries(dict.fromkeys(field_names, NASTY)))
    def fuzz(values):
        before = row_counts()
        send = client.post if form["method"] == "post" else client.get
        response = send(action, values)
        assert response.status_code < 500, f"{name} ({action}) answered {response.status_code} to {values!r}"
        if form["method"] == "post" and response.status_code == 200:
            assert row_counts() == before, f"{name} ({action}) refused the form but saved something"
        client_as(persona)  # a fuzzed form may have logged us out or changed the password

    fuzz()
