"""Staff return an agency's figures, the data contact corrects one and submits again, and staff see the change
beside the figure at the return and the agency's figure of the previous year."""

import re

import pytest
from playwright.sync_api import expect

from reports.models import AgencySubmission, BreakdownCategory, SubmissionCount
from tests.browser.helpers import assert_accessible, log_in
from tests.reports.helpers import accepted_submission, default_categories, make_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def submitted(world):
    """Legal Aid's accepted 2024 figures, and its 2025 figures as submitted: 12 people, 5 traffickers."""
    default_categories()
    accepted_submission(make_year(2024), world.legal_aid, 9, traffickers_identified=3)
    submission = AgencySubmission.objects.create(
        reporting_year=make_year(2025),
        organization=world.legal_aid,
        state=AgencySubmission.State.SUBMITTED,
        total_identified=12,
        traffickers_identified=5,
    )
    SubmissionCount.objects.bulk_create(
        SubmissionCount(submission=submission, category=category, value=12)
        for category in BreakdownCategory.objects.filter(name="Unknown")
    )
    return submission


def log_out(page, live_server):
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Log out").click()


def figure_row(page, caption, name):
    table = page.locator("table").filter(has=page.locator("caption", has_text=caption))
    return table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True))


def test_staff_see_what_changed_since_they_returned_the_figures(page, live_server, world, submitted):
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/reports/2025/submissions/")
    page.get_by_role("link", name="Review Legal Aid Society").click()
    totals = figure_row(page, "Totals", "Traffickers identified")
    expect(totals.get_by_role("cell")).to_have_text(["5", "3"])
    assert_accessible(page)
    page.get_by_label("Return them to the agency").check()
    page.get_by_label("Why they are returned").fill("Five traffickers? The police counted four.")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_text("The figures of Legal Aid Society are returned.")).to_be_visible()
    assert_accessible(page)
    log_out(page, live_server)

    log_in(page, live_server, "data_contact")
    page.goto(f"{live_server.url}/reports/2025/submissions/")
    expect(page.get_by_text("Five traffickers? The police counted four.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Traffickers identified").fill("4")
    page.get_by_role("button", name="Submit to staff").click()
    expect(page.get_by_text("your figures are submitted")).to_be_visible()
    expect(page.get_by_text("Staff are reviewing your figures")).to_be_visible()
    assert_accessible(page)
    log_out(page, live_server)

    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/reports/2025/submissions/")
    page.get_by_role("link", name="Review Legal Aid Society").click()
    expect(page.get_by_text(re.compile(r"Returned on .* and submitted again"))).to_be_visible()
    changed = figure_row(page, "Totals", "Traffickers identified")
    expect(changed.get_by_role("cell")).to_have_text(["4 changed", "3", "5"])
    expect(changed).to_have_class(re.compile("table-warning"))
    expect(figure_row(page, "Totals", "People identified").get_by_role("cell")).to_have_text(["12", "9", "unchanged"])
    # Counts loaded without history (sample data) are taken as unchanged, not as new.
    unknown = figure_row(page, "Type of trafficking", "Unknown")
    expect(unknown.get_by_role("cell")).to_have_text(["12", "9", "unchanged"])
    assert_accessible(page)
    page.get_by_label("Accept the figures").check()
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_text("The figures of Legal Aid Society are accepted.")).to_be_visible()
    log_out(page, live_server)

    log_in(page, live_server, "data_contact")
    page.goto(f"{live_server.url}/reports/2025/submissions/")
    expect(page.get_by_text("Staff accepted your figures")).to_be_visible()
    expect(page.get_by_text("Staff are reviewing your figures")).to_have_count(0)
    assert_accessible(page)
