"""The unduplicated count on the server: opting a year in, uploads, withdrawal, the count, suppression,
the report and its PDF text, and deleting the digests on publication."""

import datetime
import json

import pytest
from django.urls import reverse

from reports import linkage, unduplicated
from reports.linkage import Person
from reports.models import LinkageUpload, LinkageYear, ReportingYear
from reports.submissions import publish_year
from tests.reports.helpers import accepted_submission, make_year

pytestmark = pytest.mark.django_db

SECRET = linkage.derive_secret(passphrase="test passphrase", year=2025)


def rows_of(people):
    return [linkage.row_digests(person, secret=SECRET) for person in people]


def people(prefix, count):
    """Different people: each its own names and date of birth."""
    born = datetime.date(1980, 1, 1)
    return [
        Person(f"{prefix}{i}given", f"{prefix}{i}family", (born + datetime.timedelta(days=37 * i)).isoformat(), "F")
        for i in range(count)
    ]


@pytest.fixture
def year(world):
    return make_year(2025)


def shelter_contact(client_as, world):
    """The shelter's data contact (not one of the walk's personas)."""
    client = client_as("anonymous")
    client.force_login(world.other_data_contact.user)
    return client


def keys_file(rows):
    return json.dumps(rows)


def upload(client, year, organization, rows, *, without=0, total=None):
    return client.post(
        reverse("reports:unduplicated", args=[year.year]),
        {
            "action": "upload",
            "organization": organization.pk,
            "rows": len(rows) + without if total is None else total,
            "rows_without_keys": without,
            "digests": keys_file(rows),
        },
    )


def test_staff_turn_the_count_on_and_off(client_as, world, year):
    client = client_as("staff")
    url = reverse("reports:unduplicated", args=[year.year])
    assert "Turn on the unduplicated count" in client.get(url).text
    assert client.post(url, {"action": "open"}).status_code == 302
    assert LinkageYear.objects.filter(reporting_year=year).exists()
    client.post(url, {"action": "close"})
    assert not LinkageYear.objects.exists()


def test_only_staff_turn_it_on(client_as, world, year):
    client = client_as("data_contact")
    url = reverse("reports:unduplicated", args=[year.year])
    assert client.post(url, {"action": "open"}).status_code == 403
    assert not LinkageYear.objects.exists()
    assert client_as("member").get(url).status_code == 403


def test_a_data_contact_uploads_digests_and_staff_see_the_count_with_small_cells_suppressed(client_as, world, year):
    unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    shared = people("both", 4)  # 4 people both agencies saw: fewer than k=5
    legal_aid = rows_of(people("legal", 30) + shared)
    shelter = rows_of(people("shelter", 20) + [Person(p.given.upper(), p.family.upper(), p.birth, "") for p in shared])
    client = client_as("data_contact")
    response = upload(client, year, world.legal_aid, legal_aid, without=2)
    assert response.status_code == 302
    saved = LinkageUpload.objects.get(organization=world.legal_aid)
    assert (saved.rows, saved.rows_without_keys, len(saved.digests)) == (36, 2, 34)
    page = client.get(reverse("reports:unduplicated", args=[year.year])).text
    assert "of which 2 without keys" in page
    assert "people were identified" not in page  # data contacts do not see the result

    assert upload(shelter_contact(client_as, world), year, world.shelter, shelter).status_code == 302
    count = unduplicated.count_year(linkage_year=year.linkage)
    assert (count.people, count.by_more_than_one) == (54, 4)
    assert count.pairs == [("Asian Women's Shelter", "Legal Aid Society", 4)]
    page = client_as("staff").get(reverse("reports:unduplicated", args=[year.year])).text
    # 36 + 24 - 54 would give the 4 back: the number of people is not shown (see test_the_shared_count_...).
    assert "Fewer than 5 people were identified by more than one participating agency." in page
    assert "54 people" not in page and ">54<" not in page


def test_an_upload_of_anything_but_digests_is_refused_next_to_the_field(client_as, world, year):
    unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    client = client_as("data_contact")
    names = [["Maria Garcia"] + [None] * (len(linkage.CHOSEN) - 1)]
    response = upload(client, year, world.legal_aid, names)
    assert response.status_code == 400
    assert "Each row must hold 9 digests" in response.text
    response = upload(client, year, world.legal_aid, rows_of(people("x", 3)), total=7)
    assert "The row counts do not add up" in response.text
    bad_json = client.post(
        reverse("reports:unduplicated", args=[year.year]),
        {
            "action": "upload",
            "organization": world.legal_aid.pk,
            "rows": 1,
            "rows_without_keys": 0,
            "digests": "{not json",
        },
    )
    assert "The keys are not JSON." in bad_json.text
    assert not LinkageUpload.objects.exists()


def test_a_data_contact_uploads_and_withdraws_only_for_their_own_agency(client_as, world, year):
    unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    client = client_as("data_contact")
    response = upload(client, year, world.shelter, rows_of(people("x", 3)))
    assert "only for your own organization" in response.text
    assert not LinkageUpload.objects.exists()
    upload(shelter_contact(client_as, world), year, world.shelter, rows_of(people("x", 3)))
    url = reverse("reports:unduplicated", args=[year.year])
    assert (
        client_as("data_contact").post(url, {"action": "withdraw", "organization": world.shelter.pk}).status_code == 403
    )
    assert (
        shelter_contact(client_as, world)
        .post(url, {"action": "withdraw", "organization": world.shelter.pk})
        .status_code
        == 302
    )
    assert not LinkageUpload.objects.exists()


def test_no_upload_before_staff_turn_it_on(client_as, world, year):
    response = upload(client_as("data_contact"), year, world.legal_aid, rows_of(people("x", 3)))
    assert response.status_code == 404


def test_the_report_shows_the_count_and_the_method_and_publishing_deletes_the_digests(client_as, world, year):
    accepted_submission(year, world.legal_aid, 40)
    unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    shared = people("both", 6)
    upload(client_as("data_contact"), year, world.legal_aid, rows_of(people("legal", 30) + shared))
    upload(shelter_contact(client_as, world), year, world.shelter, rows_of(people("shelter", 20) + shared))
    report_url = reverse("reports:report", args=[year.year])
    assert LinkageUpload.objects.count() == 2
    page = client_as("staff").get(report_url).text
    sentence = "56 people were identified by at least one participating agency; 6 of them by more than one."
    assert sentence in page
    assert "What it cannot catch" in page
    assert "Agencies that took part: Asian Women&#x27;s Shelter; Legal Aid Society." in page

    publish_year(reporting_year=year, state=ReportingYear.State.PUBLISHED, public=True)
    assert not LinkageUpload.objects.exists()
    kept = LinkageYear.objects.get()
    assert (kept.people, kept.by_more_than_one, kept.closed_at is not None) == (56, 6, True)
    assert sentence in client_as("anonymous").get(report_url).text
    response = upload(client_as("data_contact"), year, world.legal_aid, rows_of(people("late", 3)))
    assert response.status_code == 400 and "no longer be uploaded" in response.text


def test_the_pair_table_suppresses_small_counts_and_their_complement():
    result = unduplicated.YearCount(
        agencies=["A", "B", "C"], people=120, by_more_than_one=13, pairs=[("A", "B", 3), ("A", "C", 10), ("B", "C", 9)]
    )
    published = unduplicated.publishable(result=result, k=5)
    displays = [cell.display for cell in published.pairs.cells]
    assert displays == ["fewer than 5", "10", "not shown"]  # 9 hidden too, or 3 = 22 - 10 - 9
    assert all(cell.shown is None for cell in published.pairs.cells if cell.suppressed)
    small = unduplicated.publishable(
        result=unduplicated.YearCount(agencies=["A", "B"], people=4, by_more_than_one=0, pairs=[]), k=5
    )
    assert (small.people.display, small.by_more_than_one.display) == ("fewer than 5", "0")


def test_the_admin_never_shows_digests(client_as, world):
    from django.contrib import admin

    assert LinkageUpload not in admin.site._registry


def test_the_page_has_a_fixed_query_count(client_as, world, year, django_assert_num_queries):
    """Whatever the number of uploads and rows: staff read the uploads once and the digests once."""
    linkage_year = unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    url = reverse("reports:unduplicated", args=[year.year])
    staff, data_contact = client_as("staff"), None

    def pinned():
        # Session, user, the year, the count's year, data contacts (access), the uploads, the digests, and the
        # navigation's committee roles.
        with django_assert_num_queries(8):
            assert staff.get(url).status_code == 200

    pinned()
    for organization, prefix in ((world.legal_aid, "a"), (world.shelter, "b")):
        unduplicated.save_upload(
            linkage_year=linkage_year,
            organization=organization,
            digests=rows_of(people(prefix, 40)),
            rows=40,
            rows_without_keys=0,
            user=None,
        )
    pinned()
    data_contact = client_as("data_contact")
    # Session, user, the year, the count's year, data contacts (access), the organization, the uploads, the
    # navigation's committee roles.
    with django_assert_num_queries(8):
        assert data_contact.get(url).status_code == 200


def test_the_pdf_says_it_too(client_as, world, year):
    import io
    import re

    from pypdf import PdfReader

    from reports import pdf

    unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    shared = people("both", 7)
    upload(client_as("data_contact"), year, world.legal_aid, rows_of(people("legal", 12) + shared))
    upload(shelter_contact(client_as, world), year, world.shelter, rows_of(people("shelter", 3) + shared))
    body = pdf.report_body_html(reporting_year=year)
    document, _pages = pdf.render_pdf(html=pdf.report_pdf_html(reporting_year=year, body=body))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)
    text = re.sub(r"\s+", " ", text)
    assert "22 people were identified by at least one participating agency; 7 of them by more than one." in text
    assert "What it cannot catch" in text
    assert "Agencies that took part: Asian Women's Shelter; Legal Aid Society." in text


def qa_uploads(client_as, world, year):
    """The QA pass's lists: 23 rows (Legal Aid) and 17 (the shelter), 2 people on both."""
    unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    shared = people("both", 2)
    upload(client_as("data_contact"), year, world.legal_aid, rows_of(people("legal", 21) + shared))
    upload(shelter_contact(client_as, world), year, world.shelter, rows_of(people("shelter", 15) + shared))
    count = unduplicated.count_year(linkage_year=year.linkage)
    assert (count.people, count.by_more_than_one) == (38, 2)


def test_the_shared_count_cannot_be_worked_out_from_the_rows_and_the_distinct_total(client_as, world, year):
    """23 + 17 - 38 = 2: with "fewer than 5" shared, the 38 is not printed, on the staff page or in the report,
    whose by-agency table may publish each agency's total (here the same as its list)."""
    accepted_submission(year, world.legal_aid, 23)
    accepted_submission(year, world.shelter, 17)
    qa_uploads(client_as, world, year)
    staff = client_as("staff")
    page = staff.get(reverse("reports:unduplicated", args=[year.year])).text
    summary = (
        "Fewer than 5 people were identified by more than one participating agency. How many different people they "
        "identified in all is not shown"
    )
    assert summary in page and "38 people" not in page and ">38<" not in page
    assert ">23</td>" in page and ">17</td>" in page  # staff still see each upload's rows: the sum alone gives nothing
    report = staff.get(reverse("reports:report", args=[year.year])).text
    assert summary in report and "38 people" not in report and ">38<" not in report

    publish_year(reporting_year=year, state=ReportingYear.State.PUBLISHED, public=True)
    for persona in ("anonymous", "member", "data_contact", "cochair", "staff"):
        public = client_as(persona).get(reverse("reports:report", args=[year.year])).text
        assert summary in public and "38 people" not in public and ">38<" not in public, persona


def test_the_count_is_shown_to_staff_only(client_as, world, year):
    qa_uploads(client_as, world, year)
    url = reverse("reports:unduplicated", args=[year.year])
    assert "not shown" not in client_as("data_contact").get(url).text
    assert "identified by more than one" not in client_as("data_contact").get(url).text
    assert client_as("member").get(url).status_code == 403
    assert client_as("cochair").get(url).status_code == 403
    assert client_as("anonymous").get(url).status_code == 302


def test_a_shown_shared_count_leaves_the_distinct_total_shown():
    shown = unduplicated.publishable(
        result=unduplicated.YearCount(agencies=["A", "B"], people=38, by_more_than_one=5, pairs=[("A", "B", 5)]), k=5
    )
    assert (shown.people.display, shown.by_more_than_one.display) == ("38", "5")
    none = unduplicated.publishable(
        result=unduplicated.YearCount(agencies=["A", "B"], people=40, by_more_than_one=0, pairs=[]), k=5
    )
    assert (none.people.display, none.by_more_than_one.display) == ("40", "0")  # 0 is no secret
    hidden = unduplicated.publishable(
        result=unduplicated.YearCount(agencies=["A", "B"], people=38, by_more_than_one=2, pairs=[("A", "B", 2)]), k=5
    )
    assert (hidden.people.display, hidden.people.shown, hidden.by_more_than_one.display) == (
        "not shown",
        None,
        "fewer than 5",
    )


def test_a_tiny_count_starts_its_sentence_with_a_capital(client_as, world, year):
    unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    shared = people("both", 1)
    upload(client_as("data_contact"), year, world.legal_aid, rows_of(people("legal", 1) + shared))
    upload(shelter_contact(client_as, world), year, world.shelter, rows_of(people("shelter", 1) + shared))
    page = client_as("staff").get(reverse("reports:unduplicated", args=[year.year])).text
    assert "Fewer than 5 people were identified by at least one participating agency; fewer than 5" in page
    assert '<p class="unduplicated-summary">fewer' not in page


def test_the_upload_help_gives_the_row_limit(client_as, world, year):
    unduplicated.open_year(reporting_year=year, user=world.user("staff"))
    page = client_as("data_contact").get(reverse("reports:unduplicated", args=[year.year])).text
    assert f"at most {unduplicated.MAX_ROWS} rows." in page and "max_rows" not in page.replace("data-max-rows", "")
