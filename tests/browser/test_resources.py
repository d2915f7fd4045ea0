"""The resource list on a phone: search, filters, a service, staff actions; axe passes on every page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, log_in
from tests.resources.conftest import build_services, build_vocabulary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
VERIFY_SHELTER = re.compile(r"Verified today\W+Confidential shelter for Asian women")


@pytest.fixture
def services(world):
    return build_services(world, build_vocabulary())


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def result_names(page):
    return page.locator(".resource-card h2").all_inner_texts()


def test_member_finds_spanish_legal_help_for_adults_in_two_interactions(phone, live_server, services):
    log_in(phone, live_server, "member")
    phone.goto(f"{live_server.url}/resources/")
    assert_accessible(phone)
    search = phone.get_by_role("searchbox", name="Search by words")
    search.fill("spanish legal adults")  # 1
    search.press("Enter")  # 2
    phone.wait_for_load_state()
    assert result_names(phone)[0] == "Spanish-speaking legal help for adults"
    card = phone.locator(".resource-card").first
    assert card.get_by_text("Call the intake line.").is_visible()
    assert card.get_by_text("Last verified").is_visible()
    # Readable on a phone: nothing wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(phone)


def test_filters_on_a_phone(phone, live_server, services):
    phone.goto(f"{live_server.url}/resources/")
    phone.get_by_text("Filters: kind of help").click()
    assert_accessible(phone)
    phone.get_by_label("Kind of help").select_option(label="Housing and shelter")
    phone.get_by_label("Answers 24 hours a day").check()
    phone.get_by_role("button", name="Show results").click()
    phone.wait_for_load_state()
    assert result_names(phone) == ["Confidential shelter for Asian women"]
    assert phone.get_by_text("1 service found").is_visible()
    # The filters stay open and keep their values after the search.
    assert phone.get_by_label("Kind of help").input_value() == "housing-and-shelter"
    assert phone.get_by_text("Confidential location in San Francisco").is_visible()
    assert_accessible(phone)

    phone.get_by_label("Kind of help").select_option(label="Any kind of help")
    phone.get_by_label("Answers 24 hours a day").uncheck()
    phone.get_by_label("Language").select_option("es")
    phone.get_by_label("Age of the person").fill("15")
    phone.get_by_role("button", name="Show results").click()
    phone.wait_for_load_state()
    assert result_names(phone) == ["24-hour response for sexually exploited youth"]
    # Anonymous visitors never see the members-only service.
    phone.get_by_role("link", name="Clear search and filters").click()
    phone.wait_for_load_state()
    assert "Restoration housing by member referral" not in result_names(phone)
    assert len(result_names(phone)) == 3
    assert_accessible(phone)


def test_nav_leads_to_resources_and_a_service(phone, live_server, services):
    phone.goto(f"{live_server.url}/")
    phone.get_by_role("button", name="Show or hide the menu").click()
    phone.get_by_role("link", name="Resources").click()
    phone.wait_for_load_state()
    assert phone.get_by_role("heading", name="Resources for survivors").is_visible()
    phone.get_by_role("link", name="Confidential shelter for Asian women").click()
    phone.wait_for_load_state()
    assert phone.get_by_role("heading", name="Confidential shelter for Asian women").is_visible()
    assert phone.get_by_text("Confidential location in San Francisco: refer by phone").is_visible()
    assert_accessible(phone)


def test_staff_mark_a_stale_service_verified_today(phone, live_server, services):
    log_in(phone, live_server, "staff")
    phone.goto(f"{live_server.url}/resources/?q=shelter")
    assert_accessible(phone)
    phone.get_by_role("button", name=VERIFY_SHELTER).click()
    phone.wait_for_load_state()
    assert phone.get_by_text("“Confidential shelter for Asian women” is marked verified today.").is_visible()
    assert phone.get_by_role("button", name=VERIFY_SHELTER).count() == 0
    assert_accessible(phone)


def test_staff_record_pamphlets_and_see_a_clear_message_for_bad_input(phone, live_server, services):
    log_in(phone, live_server, "staff")
    phone.goto(f"{live_server.url}/resources/pamphlets/")
    assert_accessible(phone)
    phone.get_by_label("Agency").select_option(label="Legal Aid Society")
    phone.get_by_label("Distributed on").fill("2026-01-15")
    phone.get_by_role("spinbutton", name="Pamphlets").fill("0")
    phone.get_by_role("button", name="Record").click()
    phone.wait_for_load_state()
    assert phone.get_by_text("Enter how many pamphlets were handed out: at least 1.").is_visible()
    assert_accessible(phone)
    phone.get_by_role("spinbutton", name="Pamphlets").fill("40")
    phone.get_by_role("button", name="Record").click()
    phone.wait_for_load_state()
    assert phone.get_by_text("Recorded 40 pamphlets handed out by Legal Aid Society.").is_visible()
    assert_accessible(phone)


def test_the_pamphlet_being_prepared_page_and_the_staff_progress_page(phone, live_server, services, settings):
    """Nothing stored yet and a queue no worker runs: visitors are asked to come back, staff follow the rendering."""
    from members import pamphlet
    from members.models import PamphletPDF

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    response = phone.goto(f"{live_server.url}/resources/pamphlet.pdf?lang=en")
    assert response.status == 503 and response.headers["retry-after"] == "60"
    expect(phone.get_by_text("The PDF is being prepared. Try again in a minute.")).to_be_visible()
    assert_accessible(phone)

    log_in(phone, live_server, "staff")
    response = phone.goto(f"{live_server.url}/resources/pamphlet.pdf?lang=en")
    assert response.status == 202
    expect(phone.get_by_text("Waiting to start")).to_be_visible()
    assert_accessible(phone)
    pamphlet.run_pdf_rendering(pdf_id=PamphletPDF.objects.get().pk)  # what `manage.py db_worker` does
    link = phone.locator(".pdf-done").get_by_role("link", name="Open the PDF")
    link.wait_for(state="visible", timeout=10_000)
    assert phone.locator("progress").get_attribute("value") == "3"
    assert_accessible(phone)
    pdf = phone.request.get(f"{live_server.url}{link.get_attribute('href')}")
    assert pdf.headers["content-type"] == "application/pdf"
