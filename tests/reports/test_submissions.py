"""Agency data entry and staff review at /reports/<year>/submissions/."""

import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse

from members.models import Organization
from reports.models import AgencySubmission, BreakdownCategory, ReportingYear, SubmissionCount
from reports.sections import active_categories
from tests.reports.helpers import accepted_submission, make_year
from tests.versions import version_of

pytestmark = pytest.mark.django_db


def entry_data(organization, total, *, overrides=None, action="save", traffickers=2, vacated=0, version=None):
    """A complete POST: everyone under Unknown, except the overrides {category: people}; with the version the
    page shows now (the page creates the submission on the first view) unless one is given."""
    overrides = overrides or {}
    if version is None:
        submission = AgencySubmission.objects.filter(organization=organization).first()
        version = version_of(submission)["version"] if submission else ""
    data = {
        "organization": str(organization.pk),
        "action": action,
        "total_identified": str(total),
        "traffickers_identified": str(traffickers),
        "convictions_vacated": str(vacated),
        "definition_used": "TVPA",
        "version": version,
    }
    for dimension, members in active_categories().items():
        given = sum(v for c, v in overrides.items() if c.dimension == dimension)
        for category in members:
            if category in overrides:
                value = overrides[category]
            elif category.name == "Unknown":
                value = total - given
            else:
                value = 0
            data[f"count_{category.pk}"] = str(value)
    return data


def url(year):
    return reverse("reports:submissions", args=[year.year])


def test_data_contact_sees_only_their_own_organization(client_as, world, year):
    body = client_as("data_contact").get(url(year)).content.decode()
    assert "Legal Aid Society" in body
    assert "Asian Women&#x27;s Shelter" not in body and "Asian Women's Shelter" not in body
    assert "Review" not in body  # the staff table is not there


def test_a_draft_is_saved_then_submitted(client_as, world, year):
    client = client_as("data_contact")
    client.get(url(year))
    sex = BreakdownCategory.objects.get(dimension="trafficking_type", name="Sex trafficking")
    response = client.post(url(year), entry_data(world.legal_aid, 12, overrides={sex: 7}))
    assert response.status_code == 302
    submission = AgencySubmission.objects.get(reporting_year=year, organization=world.legal_aid)
    assert submission.state == AgencySubmission.State.DRAFT
    assert submission.total_identified == 12
    assert submission.counts.get(category=sex).value == 7
    assert submission.history.count() == 2  # created on first view, then saved

    response = client.post(url(year), entry_data(world.legal_aid, 12, overrides={sex: 8}, action="submit"))
    submission.refresh_from_db()
    assert submission.state == AgencySubmission.State.SUBMITTED
    assert submission.submitted_by == world.data_contact.user
    assert submission.counts.get(category=sex).value == 8
    # Submitted figures are no longer the agency's to change.
    response = client.post(url(year), entry_data(world.legal_aid, 20))
    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.total_identified == 12


def test_a_breakdown_that_does_not_add_up_is_named_with_its_difference_and_nothing_is_saved(client_as, world, year):
    client = client_as("data_contact")
    age = BreakdownCategory.objects.get(dimension="age_band", name="Under 18")
    data = entry_data(world.legal_aid, 12)
    data[f"count_{age.pk}"] = "3"  # Age now adds up to 15
    gender_unknown = BreakdownCategory.objects.get(dimension="gender", name="Unknown")
    data[f"count_{gender_unknown.pk}"] = "10"  # Gender adds up to 10
    response = client.post(url(year), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Nothing was saved." in body
    assert "Age adds up to 15 people, 3 people more than the 12 people identified." in body
    assert "Gender adds up to 10 people, 2 people fewer than the 12 people identified." in body
    assert not SubmissionCount.objects.exists()
    submission = AgencySubmission.objects.get(reporting_year=year, organization=world.legal_aid)
    assert submission.total_identified == 0


def test_negative_counts_are_refused_next_to_the_field(client_as, world, year):
    data = entry_data(world.legal_aid, 5)
    data["traffickers_identified"] = "-1"
    response = client_as("data_contact").post(url(year), data)
    assert response.status_code == 400
    assert "Ensure this value is greater than or equal to 0." in response.content.decode()


def test_two_people_saving_the_same_figures_get_a_conflict_message(client_as, world, year):
    client = client_as("data_contact")
    client.get(url(year))
    stale = entry_data(world.legal_aid, 30)["version"]
    client.post(url(year), entry_data(world.legal_aid, 12, version=stale))
    response = client.post(url(year), entry_data(world.legal_aid, 30, version=stale))
    assert response.status_code == 400
    assert "Someone else saved this agency&#x27;s figures while you were editing" in response.content.decode()
    submission = AgencySubmission.objects.get(reporting_year=year, organization=world.legal_aid)
    assert submission.total_identified == 12


def test_a_data_contact_cannot_post_for_another_organization(client_as, world, year):
    response = client_as("data_contact").post(url(year), entry_data(world.shelter, 5))
    assert response.status_code == 403
    assert not AgencySubmission.objects.filter(organization=world.shelter).exists()


def test_published_years_are_locked(client_as, world, year):
    year.state = ReportingYear.State.PUBLISHED
    year.save()
    client = client_as("data_contact")
    assert "the figures are locked" in client.get(url(year)).content.decode()
    assert client.post(url(year), entry_data(world.legal_aid, 5)).status_code == 403


def test_staff_see_every_member_organization_and_who_has_not_submitted(client_as, world, year):
    Organization.objects.create(name="Prospect Org", status=Organization.Status.PROSPECT)
    AgencySubmission.objects.create(
        reporting_year=year, organization=world.shelter, state=AgencySubmission.State.SUBMITTED
    )
    body = client_as("staff").get(url(year)).content.decode()
    for name in ["Legal Aid Society", "Department on the Status of Women"]:
        assert name in body
    assert "Prospect Org" not in body
    assert "Not started" in body and "Submitted" in body
    assert "Not submitted yet (2)" in body


def test_the_review_table_escapes_names_and_links_each_submission(client_as, world, year):
    """The review table's partial escapes names and links each submission that is not a draft."""
    odd = Organization.objects.create(name="A & <b>B</b> Services", status=Organization.Status.MEMBER)
    submitted = AgencySubmission.objects.create(
        reporting_year=year,
        organization=odd,
        state=AgencySubmission.State.SUBMITTED,
        submitted_by=world.data_contact.user,
        submitted_at=datetime.datetime(2026, 1, 10, 20, 0, tzinfo=datetime.UTC),
    )
    AgencySubmission.objects.create(reporting_year=year, organization=world.shelter)  # a draft: no link
    body = client_as("staff").get(url(year)).content.decode()
    assert "<b>B</b>" not in body and "A &amp; &lt;b&gt;B&lt;/b&gt; Services" in body
    link = reverse("reports:submission", args=[year.year, submitted.pk])
    assert (
        f'<a href="{link}">Review<span class="visually-hidden"> A &amp; &lt;b&gt;B&lt;/b&gt; Services</span></a>'
        in body
    )
    assert "Jan 10, 2026 by" in body
    drafts = list(AgencySubmission.objects.filter(state="draft").values_list("pk", flat=True))
    assert all(reverse("reports:submission", args=[year.year, pk]) not in body for pk in drafts)
    assert "<li>Asian Women&#x27;s Shelter (draft)</li>" in body


def test_overdue_organizations_are_marked(client_as, world, year):
    import datetime

    year.due_on = datetime.date(2000, 1, 1)
    year.save()
    body = client_as("staff").get(url(year)).content.decode()
    assert "overdue" in body and "The due date has passed" in body


def test_staff_accept_or_return_with_a_reason(client_as, world, year):
    submission = AgencySubmission.objects.create(
        reporting_year=year, organization=world.legal_aid, state=AgencySubmission.State.SUBMITTED
    )
    client = client_as("staff")
    review = reverse("reports:submission", args=[year.year, submission.pk])
    response = client.post(
        review, {"decision": "return", "return_reason": "", "counts_toward_totals": "on", **version_of(submission)}
    )
    assert response.status_code == 400
    assert "Say why the figures are returned." in response.content.decode()
    response = client.post(review, {"decision": "accept", "totals_note": "", **version_of(submission)})
    assert "Say why the agency is left out of the totals." in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == AgencySubmission.State.SUBMITTED

    data = {"decision": "return", "return_reason": "Check the ages.", "counts_toward_totals": "on"}
    client.post(review, {**data, **version_of(submission)})
    submission.refresh_from_db()
    assert submission.state == AgencySubmission.State.RETURNED
    assert submission.return_reason == "Check the ages."
    assert "Check the ages." in client_as("data_contact").get(url(year)).content.decode()

    submission.state = AgencySubmission.State.SUBMITTED
    submission.save()
    client = client_as("staff")
    client.post(review, {"decision": "accept", "totals_note": "Counted cases, not people.", **version_of(submission)})
    submission.refresh_from_db()
    assert submission.state == AgencySubmission.State.ACCEPTED
    assert submission.accepted_by == world.staff.user
    assert not submission.counts_toward_totals
    assert submission.totals_note == "Counted cases, not people."


def test_staff_change_the_stage_and_publish(client_as, world, year):
    client = client_as("staff")
    client.post(
        reverse("reports:year_settings", args=[year.year]), {"state": "published", "public_after_publish": "on"}
    )
    year.refresh_from_db()
    assert year.is_published and year.public_after_publish and year.published_at


# Session, user, the user's organizations, the year, the categories and the organizations to enter
# figures for; then for staff the member organizations and their submissions, for a data contact the
# submission (with its year) and its counts; and the navigation. The same at any number of rows.
SUBMISSIONS_PAGE_STAFF = 8
SUBMISSIONS_PAGE_DATA_CONTACT = 10
# The review page: 7, plus the previous year's figures and the submission's history (reports.submissions.
# review_figures); plus the counts at the return once it was returned and submitted again.
SUBMISSION_PAGE = 9
SUBMISSION_PAGE_RESUBMITTED = 10


def test_the_submissions_page_has_a_fixed_query_count(client_as, world, year, django_assert_num_queries):
    client = client_as("staff")
    client.get(url(year))
    with django_assert_num_queries(SUBMISSIONS_PAGE_STAFF):
        client.get(url(year))
    for i in range(20):
        org = Organization.objects.create(name=f"Agency {i}")
        AgencySubmission.objects.create(reporting_year=year, organization=org, state=AgencySubmission.State.SUBMITTED)
    with django_assert_num_queries(SUBMISSIONS_PAGE_STAFF):
        client.get(url(year))

    data_client = client_as("data_contact")
    data_client.get(url(year))
    with django_assert_num_queries(SUBMISSIONS_PAGE_DATA_CONTACT):
        data_client.get(url(year))
    BreakdownCategory.objects.create(dimension="industry", name="Shipping")
    with django_assert_num_queries(SUBMISSIONS_PAGE_DATA_CONTACT):
        data_client.get(url(year))


def test_the_review_page_has_a_fixed_query_count(client_as, world, year, django_assert_num_queries):
    submission = AgencySubmission.objects.create(
        reporting_year=year, organization=world.legal_aid, state=AgencySubmission.State.SUBMITTED
    )
    client = client_as("staff")
    review = reverse("reports:submission", args=[year.year, submission.pk])
    with django_assert_num_queries(SUBMISSION_PAGE):
        client.get(review)
    for category in BreakdownCategory.objects.all():
        SubmissionCount.objects.create(submission=submission, category=category, value=0)
    with django_assert_num_queries(SUBMISSION_PAGE):
        client.get(review)
    accepted_submission(make_year(2024), world.legal_aid, 3)
    submission.state = AgencySubmission.State.RETURNED
    submission.return_reason = "Check the ages."
    submission.save()
    for count in submission.counts.all():
        count.value = 1
        count.save()
    submission.state = AgencySubmission.State.SUBMITTED
    submission.save()
    with django_assert_num_queries(SUBMISSION_PAGE_RESUBMITTED):
        client.get(review)


def test_database_constraints_hold(world, year):
    AgencySubmission.objects.create(reporting_year=year, organization=world.legal_aid)
    with pytest.raises(IntegrityError):
        AgencySubmission.objects.create(reporting_year=year, organization=world.legal_aid)


def test_a_returned_submission_needs_a_reason(world, year):
    with pytest.raises(IntegrityError):
        AgencySubmission.objects.create(
            reporting_year=year, organization=world.shelter, state=AgencySubmission.State.RETURNED
        )


def test_k_must_be_at_least_three(db):
    import datetime

    with pytest.raises(IntegrityError):
        ReportingYear.objects.create(year=2030, due_on=datetime.date(2031, 1, 1), k=2)


def test_default_categories_exist_in_a_fresh_database(categories):
    dimensions = set(BreakdownCategory.objects.values_list("dimension", flat=True))
    assert dimensions == set(BreakdownCategory.Dimension.values)
    assert BreakdownCategory.objects.filter(dimension="industry").count() == 27  # Polaris's 25, other, unknown
    for dimension in BreakdownCategory.Dimension.values:
        assert BreakdownCategory.objects.filter(dimension=dimension, name="Unknown").exists()


REVIEWING = "Staff are reviewing your figures"
ACCEPTED = "Staff accepted your figures"
RETURNED = "Staff returned your figures:"


@pytest.mark.parametrize(
    ("state", "shown", "not_shown"),
    [
        ("draft", ["State: <strong>Draft</strong>", "Submit to staff"], [REVIEWING, ACCEPTED, RETURNED]),
        ("submitted", ["State: <strong>Submitted</strong>", REVIEWING], [ACCEPTED, RETURNED, "Submit to staff"]),
        ("returned", ["State: <strong>Returned</strong>", RETURNED, "Submit to staff"], [REVIEWING, ACCEPTED]),
        ("accepted", ["State: <strong>Accepted</strong>", ACCEPTED], [REVIEWING, RETURNED, "Submit to staff"]),
    ],
)
def test_the_data_contact_page_says_what_state_the_figures_are_in(client_as, world, year, state, shown, not_shown):
    AgencySubmission.objects.create(
        reporting_year=year, organization=world.legal_aid, state=state, return_reason="Check the ages."
    )
    body = client_as("data_contact").get(url(year)).content.decode()
    for text in shown:
        assert text in body
    for text in not_shown:
        assert text not in body


def test_the_review_page_shows_last_years_figures_and_what_changed_since_the_return(client_as, world, year):
    sex = BreakdownCategory.objects.get(dimension="trafficking_type", name="Sex trafficking")
    accepted_submission(make_year(2024), world.legal_aid, 9, spread={sex: 4}, traffickers_identified=3)
    client = client_as("data_contact")
    client.get(url(year))
    client.post(url(year), entry_data(world.legal_aid, 12, overrides={sex: 7}, action="submit", traffickers=5))
    submission = AgencySubmission.objects.get(reporting_year=year, organization=world.legal_aid)
    review = reverse("reports:submission", args=[year.year, submission.pk])
    staff = client_as("staff")

    rows = figure_rows(staff.get(review))
    assert rows["People identified"] == ["12", "9"]
    assert rows["Traffickers identified"] == ["5", "3"]
    assert rows["Sex trafficking"] == ["7", "4"]
    assert "When returned" not in staff.get(review).content.decode()

    staff.post(
        review,
        {
            "decision": "return",
            "return_reason": "Check the types.",
            "counts_toward_totals": "on",
            **version_of(submission),
        },
    )
    client = client_as("data_contact")
    client.post(url(year), entry_data(world.legal_aid, 12, overrides={sex: 6}, traffickers=5))  # a draft first
    client.post(url(year), entry_data(world.legal_aid, 12, overrides={sex: 8}, action="submit", traffickers=5))

    staff = client_as("staff")
    response = staff.get(review)
    assert "When returned" in response.content.decode()
    rows = figure_rows(response)
    assert rows["People identified"] == ["12", "9", "unchanged"]
    assert rows["Sex trafficking"] == ["8 changed", "4", "7"]
    assert rows["Labor trafficking"] == ["0", "0", "unchanged"]


def test_the_review_page_without_a_previous_year_says_so(client_as, world, year):
    submission = accepted_submission(year, world.legal_aid, 5)
    body = client_as("staff").get(reverse("reports:submission", args=[year.year, submission.pk])).content.decode()
    assert "No accepted figures from this agency for 2024." in body


def figure_rows(response) -> dict[str, list[str]]:
    """The review page's figure tables as {row heading: [cell texts]} (the last table wins a repeated name)."""
    from html.parser import HTMLParser

    rows, current, cell = {}, None, None

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            nonlocal current, cell
            if tag == "tr":
                current = []
            elif tag in ("th", "td") and current is not None:
                cell = []

        def handle_endtag(self, tag):
            nonlocal current, cell
            if tag in ("th", "td") and cell is not None and current is not None:
                current.append(" ".join("".join(cell).split()))
                cell = None
            elif tag == "tr" and current:
                rows[current[0]] = current[1:]
                current = None

        def handle_data(self, data):
            if cell is not None:
                cell.append(data)

    Parser().feed(response.content.decode())
    return rows
