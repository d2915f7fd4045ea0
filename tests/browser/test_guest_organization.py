"""The guest form's organization search on the attendance page: staff type part of an organization's name, the
matches fill the select and the first is chosen, another is chosen by keyboard; without JavaScript the same
search reloads the page with the matches listed. Screenshots go to /work/shots/orgsearch/ when that folder
exists."""

import datetime
import pathlib

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Attendance, Meeting
from members.models import Organization
from tests.browser.helpers import assert_accessible, log_in, log_in_with_session, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = pathlib.Path("/work/shots/orgsearch")


def _meeting(world):
    start = timezone.localtime().replace(hour=17, minute=30, second=0, microsecond=0) - datetime.timedelta(days=1)
    return Meeting.objects.create(
        committee=world.task_force, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )


def test_staff_add_a_guest_choosing_the_organization_by_typing_and_keyboard(page, live_server, world):
    meeting = _meeting(world)
    Organization.objects.create(name="Women's Law Center", acronym="WLC", status=Organization.Status.PROSPECT)
    log_in(page, live_server, "staff")
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/attendance/")
    page.wait_for_load_state("load")
    organizations = page.get_by_label("Organization they represent")
    expect(organizations.locator("option")).to_have_count(1)  # only the empty choice until a search
    page.get_by_label("Or a new person: given name").fill("Amani")
    page.get_by_label("Family name").fill("Wanjiru")

    search = page.get_by_label("Search the organizations by name")
    search.focus()
    page.keyboard.type("wom")
    status = page.locator("#guest-organization-search-help")
    expect(status).to_have_text("3 matches for \u201cwom\u201d.")
    expect(organizations.locator("option")).to_have_text(
        ["---------", "Asian Women's Shelter", "Department on the Status of Women", "Women's Law Center"]
    )
    expect(organizations).to_have_value(str(world.shelter.pk))  # the first match is chosen
    assert_accessible(page)
    screenshot(page, SHOTS, "01-organization-search-found")

    # By keyboard: from the search box past its button to the select, then the next match down.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Search the organizations")).to_be_focused()
    page.keyboard.press("Tab")
    expect(organizations).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(organizations).to_have_value(str(world.dosw.pk))
    screenshot(page, SHOTS, "02-organization-chosen-by-keyboard")

    # A search by acronym, started with Enter, finds the prospect; nothing is posted meanwhile.
    search.fill("")
    search.focus()
    page.keyboard.type("WLC")
    page.keyboard.press("Enter")
    expect(status).to_have_text("1 match for \u201cWLC\u201d.")
    expect(organizations.locator("option:checked")).to_have_text("Women's Law Center")
    search.fill("")
    page.keyboard.type("nothing like it")
    expect(status).to_contain_text("No organization matches \u201cnothing like it\u201d")
    expect(organizations).to_have_value("")
    assert not Attendance.objects.filter(meeting=meeting).exists()

    search.fill("status women")
    expect(organizations).to_have_value(str(world.dosw.pk))
    page.get_by_role("button", name="Add to the list as present").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Added Amani Wanjiru (guest) as present.")).to_be_visible()
    expect(page.locator("#attendance-rows tr", has_text="Wanjiru, Amani")).to_contain_text(
        "Department on the Status of Women"
    )
    # Ready for the next guest: the searches are empty again and say what to type.
    expect(search).to_have_value("")
    expect(status).to_have_text("Type part of its name or acronym; the matches fill the list below.")
    expect(organizations.locator("option")).to_have_count(1)
    guest = Attendance.objects.get(meeting=meeting, person__family_name="Wanjiru")
    assert guest.organization == world.dosw and guest.status == "present"
    assert_accessible(page)
    screenshot(page, SHOTS, "03-guest-added-with-the-organization")


def test_without_javascript_the_organization_search_reloads_the_page_with_the_matches(browser, live_server, world):
    meeting = _meeting(world)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in_with_session(page, live_server, world.user("staff"))
    page.goto(f"{live_server.url}/meetings/{meeting.pk}/attendance/")
    page.get_by_label("Or a new person: given name").fill("Gina")
    page.get_by_label("Family name").fill("Guest")
    page.get_by_label("Search the organizations by name").fill("legal")
    page.get_by_role("button", name="Search the organizations").click()
    organizations = page.get_by_label("Organization they represent")
    expect(page.locator("#guest-organization-search-help")).to_have_text('1 organization matches "legal".')
    expect(organizations.locator("option")).to_have_text(["---------", "Legal Aid Society"])
    expect(page.get_by_label("Search the organizations by name")).to_have_value("legal")
    # (axe runs on the same markup in the test above: it cannot run in a page without JavaScript.)
    screenshot(page, SHOTS, "04-no-javascript-organization-search")
    expect(organizations).to_have_value(str(world.legal_aid.pk))  # the first match is chosen, as with JavaScript
    # The page came back, so the names typed before the search are typed again.
    page.get_by_label("Or a new person: given name").fill("Gina")
    page.get_by_label("Family name").fill("Guest")
    page.get_by_role("button", name="Add to the list as present").click()
    expect(page.get_by_text("Added Gina Guest (guest) as present.")).to_be_visible()
    assert Attendance.objects.get(meeting=meeting, person__family_name="Guest").organization == world.legal_aid
    context.close()
