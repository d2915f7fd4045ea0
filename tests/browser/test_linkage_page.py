"""A data contact uploads keys from a CSV of synthetic people; no request the page makes carries a name, a
birth date or the passphrase, only digests and counts. Staff then see the count, on the page and in the report."""

import csv
import json
import re
from urllib.parse import parse_qs, unquote_plus

import pytest
from playwright.sync_api import expect

from reports import linkage, unduplicated
from reports.linkage_population import population
from reports.models import LinkageUpload
from tests.browser.helpers import assert_accessible, log_in
from tests.reports.helpers import make_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSPHRASE = "a linkage passphrase for tests"
SHOTS = "/work/shots/linkage"


@pytest.fixture
def records():
    """Two agencies' rows from the synthetic population, sharing some people."""
    rows = population(people=300, agencies=2, seed=5)
    return {agency: [r.row for r in rows if r.agency == agency] for agency in ("Agency 01", "Agency 02")}


def test_the_upload_carries_only_digests_and_staff_see_the_count(page, live_server, world, records, tmp_path):
    year = make_year(2025)
    linkage_year = unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    secret = linkage.derive_secret(passphrase=PASSPHRASE, year=2025)
    shelter_rows = [linkage.row_digests(p, secret=secret) for p in records["Agency 02"]]
    unduplicated.save_upload(
        linkage_year=linkage_year,
        organization=world.shelter,
        digests=[row for row in shelter_rows if any(row)],
        rows=len(shelter_rows),
        rows_without_keys=sum(1 for row in shelter_rows if not any(row)),
        user=world.other_data_contact.user,
    )
    ours = records["Agency 01"]
    path = tmp_path / "people.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["given_name", "family_name", "birth_date", "sex"])
        writer.writerows([p.given, p.family, p.birth, p.sex] for p in ours)

    log_in(page, live_server, "data_contact")
    sent = []
    page.on("request", lambda request: sent.append((request.url, request.method, request.post_data_buffer or b"")))
    page.goto(f"{live_server.url}/reports/2025/unduplicated/")
    expect(page.get_by_role("heading", name="Keys of Legal Aid Society")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Linkage passphrase").fill(PASSPHRASE)
    page.get_by_label("Your list (CSV file)").set_input_files(str(path))
    page.screenshot(path=f"{SHOTS}/01-data-contact-before-upload.png", full_page=True)
    page.get_by_role("button", name="Make the keys and upload them").click()
    expect(page.get_by_text("No name or date left your computer")).to_be_visible(timeout=60_000)
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/02-data-contact-after-upload.png", full_page=True)

    # Every request: no name (as typed or normalized), no birth date, no passphrase.
    forbidden = {PASSPHRASE}
    for person in ours:
        for name in (person.given, person.family):
            if len(linkage.normalize_name(name)) >= 4:
                forbidden |= {name, linkage.normalize_name(name)}
        if re.fullmatch(r"\d{4}-\d\d-\d\d", person.birth):
            forbidden.add(person.birth)
    posts = [body for _url, method, body in sent if method == "POST"]
    assert len(posts) == 1
    for url, _method, body in sent:
        # The CSRF token is random letters: a short name could turn up in it by chance.
        text = unquote_plus(url + re.sub(r"csrfmiddlewaretoken=\w+", "", body.decode("utf-8", "replace")))
        leaks = [secret for secret in forbidden if secret in text]
        assert not leaks, (url, leaks[:5])
    # The form's fields are these and no other, and the keys are digests.
    posted = parse_qs(posts[0].decode())
    assert set(posted) == {"csrfmiddlewaretoken", "action", "organization", "rows", "rows_without_keys", "digests"}
    uploaded = json.loads(posted["digests"][0])
    assert all(value is None or re.fullmatch(r"[0-9a-f]{64}", value) for row in uploaded for value in row)
    assert posted["rows"] == [str(len(ours))]

    # The browser made the keys the Python reference makes.
    saved = LinkageUpload.objects.get(organization=world.legal_aid)
    expected = [linkage.row_digests(p, secret=secret) for p in ours]
    assert saved.rows == len(ours)
    assert sorted(map(tuple, saved.digests), key=str) == sorted((tuple(r) for r in expected if any(r)), key=str)

    # Staff see the count, suppressed, and the report says it.
    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/reports/2025/unduplicated/")
    count = unduplicated.count_year(linkage_year=linkage_year)
    sentence = f"{count.people} people were identified by at least one participating agency; {count.by_more_than_one} of them by more than one."
    expect(page.get_by_text(sentence)).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=f"{SHOTS}/03-staff-count.png", full_page=True)
    page.goto(f"{live_server.url}/reports/2025/#unduplicated")
    expect(page.locator("#unduplicated").get_by_text(sentence)).to_be_visible()
    assert_accessible(page)
    page.locator("#unduplicated").screenshot(path=f"{SHOTS}/04-report-section.png")
    page.locator("#methodology").screenshot(path=f"{SHOTS}/05-report-methodology.png")


def test_a_missing_passphrase_sends_nothing(page, live_server, world):
    year = make_year(2025)
    unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    log_in(page, live_server, "data_contact")
    page.goto(f"{live_server.url}/reports/2025/unduplicated/")
    posts = []
    page.on("request", lambda request: posts.append(request) if request.method == "POST" else None)
    page.get_by_label("Or type the rows").fill("Maria,Garcia,1990-04-07,F")
    page.get_by_role("button", name="Make the keys and upload them").click()
    expect(page.get_by_text("Enter the linkage passphrase first.")).to_be_visible()
    assert not posts
    assert not LinkageUpload.objects.exists()
