"""Staff register an organization with two representatives and a signed MOU; members browse the directory."""

import pytest
from playwright.sync_api import expect

from members.models import MOU, Organization
from tests.browser.helpers import assert_accessible, log_in
from tests.members.url_samples import MINIMAL_PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pick_autocomplete(page, field_id, text):
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    page.locator(".select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_staff_registers_an_organization_with_two_representatives_and_a_signed_mou(page, live_server, world, tmp_path):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/members/organizations/")
    page.get_by_role("link", name="Register an organization").click()
    # The organization form also holds the services inline, whose forms have a "Name:" too.
    page.locator("#id_name").fill("Bay Area Freedom Coalition")
    page.get_by_label("Sector:").select_option("community")
    page.get_by_label("Joined:").fill("2026-01-15")

    page.get_by_text("Add another Membership").click()
    pick_autocomplete(page, "id_memberships-0-person", "Member")
    pick_autocomplete(page, "id_memberships-1-person", "Datacontact")
    page.locator("#id_memberships-1-is_data_contact").check()

    page.get_by_text("Add another MOU").click()
    page.locator("#id_mous-0-status").select_option("signed")
    page.locator("#id_mous-0-signed_on").fill("2026-02-01")
    page.locator("#id_mous-0-expires_on").fill("2028-02-01")
    page.locator("#id_mous-0-signatory").fill("Jane Doe, Executive Director")
    pdf = tmp_path / "signed-mou.pdf"
    pdf.write_bytes(MINIMAL_PDF)
    page.locator("#id_mous-0-document").set_input_files(str(pdf))
    page.get_by_role("button", name="Save", exact=True).click()
    assert "added successfully" in page.locator(".messagelist").inner_text()

    organization = Organization.objects.get(name="Bay Area Freedom Coalition")
    assert organization.memberships.count() == 2
    assert MOU.objects.get(organization=organization).is_signed

    page.goto(f"{live_server.url}/members/organizations/?q=Freedom+Coalition")
    assert_accessible(page)
    page.get_by_role("link", name="Bay Area Freedom Coalition").click()
    expect(page.get_by_text("Morgan Member")).to_be_visible()
    expect(page.get_by_text("Dana Datacontact")).to_be_visible()
    expect(page.get_by_role("link", name="Open the signed MOU (PDF)")).to_be_visible()
    assert_accessible(page)
    # The file opens through the checked view.
    href = page.get_by_role("link", name="Open the signed MOU (PDF)").get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.status == 200 and response.body() == MINIMAL_PDF


def test_member_browses_the_directory_and_committees(page, live_server, world):
    log_in(page, live_server, "member")
    page.get_by_role("link", name="Directory").click()
    expect(page.get_by_role("heading", name="Directory")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Search by name, title or organization").fill("Legal Aid")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("Datacontact, Dana")).to_be_visible()
    expect(page.get_by_text("Staffer, Sam")).not_to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Legal Aid Society").first.click()
    expect(page.get_by_role("heading", name="Legal Aid Society")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/members/organizations/")
    assert_accessible(page)
    page.get_by_role("link", name="Committees").click()
    page.get_by_role("link", name="Youth Trafficking Committee").click()
    expect(page.get_by_text("Casey Cochair")).to_be_visible()
    assert_accessible(page)


def test_staff_pages_pass_axe(page, live_server, world):
    Organization.objects.create(name="Golden Gate Restaurant Association", status="prospect", outreach_stage="invited")
    log_in(page, live_server, "staff")
    assert_accessible(page)  # the staff dashboard
    page.goto(f"{live_server.url}/members/outreach/")
    expect(page.get_by_text("Golden Gate Restaurant Association")).to_be_visible()
    assert_accessible(page)


def test_phone_sized_directory_is_readable(browser, live_server, world):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    log_in(page, live_server, "member")
    page.goto(f"{live_server.url}/members/")
    expect(page.get_by_text("Cochair, Casey")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert_accessible(page)
    context.close()
