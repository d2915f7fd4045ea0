"""The case-summary scan, and clearing: a case summary shows only once staff clear it."""

import pytest
from django.urls import reverse

from members.models import Person
from reports.models import Narrative
from reports.scan import clear_case_summaries, rescan_narrative, scan_case_summary

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("She wrote to help.me@example.org for advice.", "email"),
        ("Call (415) 555-0100 after hours.", "phone"),
        ("Reached at 415.555.0199.", "phone"),
        ("DOB: 4/12/2001 according to the file.", "date"),
        ("Identified on March 3, 2025 at the clinic.", "date"),
        ("The intake was 2025-03-03.", "date"),
        ("A 16-year-old girl was referred.", "age"),
        ("He was aged 17 at the time.", "age"),
        ("She lived near 1200 Mission Street.", "address"),
        ("Officer Jones took the report.", "name"),
        ("The girl met Rosa Alvarez at a party.", "name"),
    ],
)
def test_the_scan_flags_what_may_identify_someone(text, kind):
    assert kind in {flag["kind"] for flag in scan_case_summary(text=text)}


def test_the_scan_leaves_an_anonymous_summary_alone():
    text = (
        "A young woman who came to the city on a work visa was made to work long hours in a restaurant kitchen. "
        "A community organization referred her to Legal Aid Society, which helped her apply for a T visa in San Francisco."
    )
    assert scan_case_summary(text=text) == []


def test_the_scan_knows_the_names_in_the_registry(world, year):
    Person.objects.create(given_name="Hediana", family_name="Utarti")
    narrative = Narrative(reporting_year=year, kind="case_summary", text="She was helped by utarti's team.")
    rescan_narrative(narrative=narrative, text_changed=True)
    assert any(flag["text"] == "Utarti" for flag in narrative.scan_flags)


def test_only_cleared_case_summaries_appear_and_an_edit_needs_clearing_again(client_as, world, year):
    narrative = Narrative.objects.create(reporting_year=year, kind="case_summary", text="An anonymous story.")
    client = client_as("staff")
    report = reverse("reports:report", args=[year.year])
    assert "An anonymous story." not in client.get(report).content.decode()
    assert clear_case_summaries(narratives=[narrative], user=world.staff.user) == 1
    assert "An anonymous story." in client.get(report).content.decode()
    narrative.text = "An anonymous story, changed."
    rescan_narrative(narrative=narrative, text_changed=True)
    narrative.save()
    assert narrative.cleared_at is None
    assert "changed" not in client.get(report).content.decode()


def test_staff_clear_in_the_admin_and_see_the_findings(client_as, world, year):
    narrative = Narrative.objects.create(reporting_year=year, kind="case_summary", text="Call 415-555-0100.")
    world.staff.user.is_superuser = True  # the admin's model permissions
    world.staff.user.save()
    client = client_as("staff")
    response = client.post(
        reverse("admin:reports_narrative_change", args=[narrative.pk]),
        {"reporting_year": year.pk, "kind": "case_summary", "title": "", "text": "Call 415-555-0100.", "position": 0},
    )
    assert response.status_code == 302
    narrative.refresh_from_db()
    assert narrative.scan_flags and narrative.scan_flags[0]["kind"] == "phone"
    page = client.get(reverse("admin:reports_narrative_change", args=[narrative.pk])).content.decode()
    assert "a phone number" in page
    client.post(
        reverse("admin:reports_narrative_changelist"),
        {"action": "clear_for_report", "_selected_action": [narrative.pk]},
    )
    narrative.refresh_from_db()
    assert narrative.cleared_by == world.staff.user


def test_staff_write_scan_and_clear_case_summaries_on_their_page(client_as, world, year):
    client = client_as("staff")
    page = reverse("reports:case_summaries", args=[year.year])
    response = client.post(page, {"action": "add", "title": "A story", "text": "Call 415-555-0100 on May 5, 2025."})
    assert response.status_code == 302
    narrative = Narrative.objects.get(kind="case_summary")
    assert {flag["kind"] for flag in narrative.scan_flags} == {"phone", "date"}
    body = client.get(page).content.decode()
    assert "<mark>415-555-0100</mark>" in body and "A phone number" in body
    report = reverse("reports:report", args=[year.year])
    assert "A story" not in client.get(report).content.decode()

    client.post(page, {"action": "clear", "narrative": narrative.pk})
    narrative.refresh_from_db()
    assert narrative.cleared_by == world.staff.user
    assert "A story" in client.get(report).content.decode()
    client.post(page, {"action": "withdraw", "narrative": narrative.pk})
    assert "A story" not in client.get(report).content.decode()


def test_an_empty_case_summary_is_refused_next_to_the_field(client_as, world, year):
    response = client_as("staff").post(
        reverse("reports:case_summaries", args=[year.year]), {"action": "add", "title": "", "text": ""}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Narrative.objects.exists()


# Session, user, the year, the case summaries (with who cleared them) and the navigation (2).
CASE_SUMMARIES_PAGE = 6


def test_the_case_summaries_page_has_a_fixed_query_count(client_as, world, year, django_assert_num_queries):
    client = client_as("staff")
    page = reverse("reports:case_summaries", args=[year.year])
    Narrative.objects.create(reporting_year=year, kind="case_summary", text="One.")
    client.get(page)
    with django_assert_num_queries(CASE_SUMMARIES_PAGE):
        client.get(page)
    for i in range(10):
        narrative = Narrative.objects.create(reporting_year=year, kind="case_summary", text=f"Story {i}.")
        clear_case_summaries(narratives=[narrative], user=world.staff.user)
    with django_assert_num_queries(CASE_SUMMARIES_PAGE):
        client.get(page)


def test_highlighting_escapes_the_text():
    from reports.scan import highlight_findings

    pieces = highlight_findings(text="<b>Call</b> 415-555-0100", flags=[{"text": "415-555-0100"}])
    assert pieces == [("<b>Call</b> ", False), ("415-555-0100", True)]
    assert highlight_findings(text="No findings.", flags=[]) == [("No findings.", False)]


def test_the_case_summaries_page_marks_findings_in_escaped_text(client_as, world, year):
    client = client_as("staff")
    client.post(
        reverse("reports:case_summaries", args=[year.year]),
        {"action": "add", "title": "A case", "text": "<script>\"'& Call 415-555-0100"},
    )
    body = client.get(reverse("reports:case_summaries", args=[year.year])).content.decode()
    assert '<p class="case-text">&lt;script&gt;&quot;&#x27;&amp; Call <mark>415-555-0100</mark></p>' in body
