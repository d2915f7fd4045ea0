"""A data contact enters and submits figures, staff accept them, and the PDF shows the new totals."""

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from reports.models import AgencySubmission
from tests.browser.helpers import assert_accessible, log_in, log_in_with_session
from tests.reports.helpers import accepted_submission, default_categories, make_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def year(world):
    default_categories()
    return make_year(2025)


def fill_breakdown(page, dimension, values):
    box = page.locator(f"#breakdown-{dimension}")
    for label, value in values.items():
        # Crispy marks required fields with an asterisk after the label.
        box.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$")).fill(str(value))


def test_figures_go_from_entry_to_review_to_the_pdf(page, live_server, world, year):
    accepted_submission(year, world.shelter, 20)
    log_in(page, live_server, "data_contact")
    page.get_by_role("link", name="Annual report").click()
    assert_accessible(page)
    page.get_by_role("link", name="Figures for 2025").click()
    expect(page.get_by_role("heading", name="Legal Aid Society")).to_be_visible()
    assert page.get_by_text("Asian Women's Shelter").count() == 0
    assert_accessible(page)

    page.get_by_label("People identified as trafficked").fill("12")
    page.get_by_label("Traffickers identified").fill("6")
    page.get_by_label("Convictions vacated or expunged").fill("0")
    fill_breakdown(page, "trafficking_type", {"Sex trafficking": 7, "Labor trafficking": 5})
    fill_breakdown(page, "age_band", {"18 to 24": 6, "25 and older": 4})  # 10: two short
    for dimension in ["gender", "race_ethnicity", "nationality", "industry", "referral_source"]:
        fill_breakdown(page, dimension, {"Unknown": 12})
    page.get_by_role("button", name="Submit to staff").click()
    expect(page.get_by_text("Nothing was saved.")).to_be_visible()
    message = "Age adds up to 10 people, 2 people fewer than the 12 people identified."
    expect(page.locator("#breakdown-age_band").get_by_text(message)).to_be_visible()
    assert_accessible(page)
    assert AgencySubmission.objects.get(organization=world.legal_aid).state == "draft"

    fill_breakdown(page, "age_band", {"Unknown": 2})
    page.get_by_role("button", name="Submit to staff").click()
    expect(page.get_by_text("your figures are submitted")).to_be_visible()
    expect(page.get_by_text("State: Submitted")).to_be_visible()
    assert_accessible(page)

    # Another organization's data contact sees only their own.
    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server, "otherdata")
    page.goto(f"{live_server.url}/reports/2025/submissions/")
    expect(page.get_by_role("heading", name="Asian Women's Shelter")).to_be_visible()
    assert page.get_by_role("heading", name="Legal Aid Society").count() == 0
    legal_aid = AgencySubmission.objects.get(organization=world.legal_aid)
    response = page.goto(f"{live_server.url}/reports/2025/submissions/{legal_aid.pk}/")
    assert response.status == 403
    assert page.goto(f"{live_server.url}/reports/2025/").status == 403

    # Staff accept it.
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server, "staff")
    expect(page.get_by_text("1 submission waiting for review")).to_be_visible()
    page.goto(f"{live_server.url}/reports/2025/submissions/")
    assert_accessible(page)
    page.get_by_role("link", name="Review Legal Aid Society").click()
    assert_accessible(page)
    page.get_by_label("Accept the figures").check()
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_text("The figures of Legal Aid Society are accepted.")).to_be_visible()

    # The report and its PDF show the new totals (20 + 12).
    page.get_by_role("link", name="Preview the report").click()
    expect(page.get_by_role("heading", name="Annual Report on Human Trafficking, 2025")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Review case summaries").click()
    page.get_by_label("Title").fill("A restaurant kitchen")
    page.get_by_label("Text").fill("She was 17 and lived at 1200 Mission Street.")
    page.get_by_role("button", name="Save and scan").click()
    expect(page.get_by_text("The scan found 2 things to check:")).to_be_visible()
    expect(page.locator("mark", has_text="1200 Mission Street")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="The 2025 report").click()
    page.get_by_role("button", name="Prepare a fresh PDF").click()
    expect(page.get_by_text("The PDF is up to date")).to_be_visible()
    assert_accessible(page)
    pdf = page.request.get(f"{live_server.url}/reports/2025/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = subprocess.run(
        [shutil.which("pdftotext"), "-layout", "-", "-"], input=pdf.body(), capture_output=True, check=True
    ).stdout.decode()
    assert re.search(r"People identified as trafficked\s+32", text)
    assert re.search(r"Legal Aid Society\s+12\s+6", text)


def test_report_index_and_a_public_report_pass_axe(page, live_server, world, year):
    accepted_submission(year, world.legal_aid, 14)
    year.state = "published"
    year.public_after_publish = True
    year.save()
    page.goto(f"{live_server.url}/reports/2025/")
    expect(page.get_by_role("heading", name="Contents")).to_be_visible()
    assert_accessible(page)
    log_in(page, live_server, "member")
    page.get_by_role("link", name="Annual report").click()
    assert_accessible(page)


def test_the_public_report_fits_a_phone(browser, live_server, world, year):
    """At 375 px the report's wide tables (objectives, figures by agency, recommendations) are stacked, each figure
    under its heading, instead of running past the screen's edge."""
    from goals.models import Goal, Objective
    from reports.models import Recommendation

    accepted_submission(year, world.legal_aid, 14)
    accepted_submission(year, world.shelter, 22)
    goal = Goal.objects.create(number=1, title="Prevention")
    Objective.objects.create(goal=goal, title="Offer a (bi)monthly in-service training in which a member presents")
    Recommendation.objects.create(
        reporting_year=year, number=1, description="Fund a shelter for youth", responsible_entity="Board of Supervisors"
    )
    year.state = "published"
    year.public_after_publish = True
    year.save()
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/reports/2025/")
    expect(page.get_by_role("heading", name="Contents")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)
    context.close()


def test_the_report_page_follows_a_background_rendering_to_the_link(page, live_server, world, year, settings):
    """With a real queue the page shows progress, then the link once the worker has rendered the PDF."""
    from reports import pdf
    from reports.models import ReportPDF

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}  # nothing runs it
    accepted_submission(year, world.legal_aid, 14)
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/reports/2025/")
    page.get_by_role("button", name="Prepare a fresh PDF").click()
    expect(page.get_by_text("Waiting to start")).to_be_visible()
    assert page.locator("progress").get_attribute("value") == "1"
    assert_accessible(page)
    pdf.run_pdf_rendering(pdf_id=ReportPDF.objects.get().pk)  # what `manage.py db_worker` does
    link = page.locator(".pdf-done").get_by_role("link", name="Open the PDF")
    link.wait_for(state="visible", timeout=10_000)
    assert page.locator("progress").get_attribute("value") == "3"
    expect(page.get_by_text("Ready")).to_be_visible()


def test_staff_opening_the_pdf_follow_its_rendering_and_readers_are_asked_to_come_back(
    page, live_server, world, year, settings
):
    """The PDF link before anything is stored: a page that passes axe for both."""
    from reports import pdf
    from reports.models import ReportPDF

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}  # nothing runs it
    accepted_submission(year, world.legal_aid, 14)
    year.state = "published"
    year.public_after_publish = True
    year.save()
    response = page.goto(f"{live_server.url}/reports/2025/report.pdf")
    assert response.status == 503
    expect(page.get_by_text("The PDF is being prepared. Try again in a minute.")).to_be_visible()
    assert_accessible(page)

    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/reports/2025/")
    page.get_by_role("link", name="Download the PDF").click()
    expect(page.get_by_role("heading", name="The 2025 annual report (PDF)")).to_be_visible()
    expect(page.get_by_text("Waiting to start")).to_be_visible()
    assert_accessible(page)
    pdf.run_pdf_rendering(pdf_id=ReportPDF.objects.get().pk)  # what `manage.py db_worker` does
    link = page.locator(".pdf-done").get_by_role("link", name="Open the PDF")
    link.wait_for(state="visible", timeout=10_000)
    assert_accessible(page)


def test_the_review_table_and_a_meetings_badges_fit_a_phone_in_filipino(browser, live_server, world, year):
    """Filipino's longer words widened the page at 375 px: the review table's visually hidden link words hung past
    its scrolling box (596 px), a meeting's "Katitikan: inaprubahan noong ..." badge did not wrap (454 px), the
    minutes' action items ran past the edge (434 px: now stacked, each cell under its heading)."""
    import datetime

    from django.utils import timezone

    from meetings.models import ActionItem, Meeting

    accepted_submission(year, world.legal_aid, 14)
    meeting, later = (
        Meeting.objects.create(
            committee=world.task_force,
            starts_at=timezone.now() - datetime.timedelta(days=days),
            ends_at=timezone.now() - datetime.timedelta(days=days, hours=-1),
        )
        for days in (30, 2)
    )
    meeting.approve_minutes(at=later)
    ActionItem.objects.create(
        meeting=meeting,
        committee=world.task_force,
        description="Ask the Police Commission for its data",
        owner=world.member,
    )
    context = browser.new_context(viewport={"width": 375, "height": 800}, extra_http_headers={"Accept-Language": "tl"})
    page = context.new_page()
    log_in_with_session(page, live_server, world.staff.user)
    for path in (f"/reports/{year.year}/submissions/", f"/meetings/{meeting.pk}/", f"/meetings/{meeting.pk}/minutes/"):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("html")).to_have_attribute("lang", "tl")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
        assert_accessible(page)
    context.close()
