"""Staff import a messy roster in the admin: every problem listed by line, nothing saved; the fixed file previews
what would be created, changed and left alone, and only the confirmation saves it."""

import pytest
from playwright.sync_api import expect

from members.models import Membership, Organization, Person
from tests.browser.helpers import assert_accessible, log_in
from tests.members.test_import import MESSY_ROSTER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "/work/shots/roster"

FIXED_ROSTER = (
    "given_name,family_name,email,organization,role\n"
    "Hédiana,Núñez,hediana@example.org,Legal Aid Society,Representative\n"
    "Zoë,O’Brien,,Asian Women’s Shelter,alternate\n"
    "Tomás,Ruiz,,Legal Aid Society,staff liaison\n"
    "Lin,Wu,,District Attorney’s Office,\n"
    "rosalia,LOPEZ,rosalia@example.org,Legal Aid Society,\n"
)


def import_file(page, live_server, path):
    page.goto(f"{live_server.url}/admin/members/person/")
    page.get_by_role("link", name="Import").click()
    page.get_by_label("File to import").set_input_files(str(path))
    page.get_by_role("button", name="Submit").click()
    page.wait_for_load_state()


def test_staff_import_a_messy_roster_fix_it_and_confirm(page, live_server, world, tmp_path):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    Organization.objects.create(name="District Attorney's Office", sector=Organization.Sector.PROSECUTION)
    rosalia = Person.objects.create(given_name="Rosalía", family_name="López")
    Membership.objects.create(person=rosalia, organization=world.legal_aid)
    people = Person.objects.count()
    log_in(page, live_server, "staff")

    messy = tmp_path / "roster.csv"
    messy.write_bytes(MESSY_ROSTER.encode("utf-8-sig"))
    import_file(page, live_server, messy)
    errors = page.locator(".import-errors li")
    expect(errors).to_have_count(4)
    expect(errors.nth(0)).to_have_text(
        "Line 4: “chairperson” is not a role. Use one of: Representative, Alternate, Staff liaison."
    )
    expect(errors.nth(1)).to_contain_text("Did you mean “District Attorney's Office”?")
    expect(errors.nth(3)).to_contain_text("is already on line 2 of this file")
    page.screenshot(path=f"{SHOTS}/import-errors.png", full_page=True)
    assert_accessible(page)
    assert Person.objects.count() == people

    fixed = tmp_path / "roster-fixed.csv"
    fixed.write_bytes(FIXED_ROSTER.encode("utf-8-sig"))
    import_file(page, live_server, fixed)
    expect(page.locator(".import-summary")).to_contain_text("would create 4, change 1 and leave 0 as they are")
    expect(page.get_by_text("Same person as “Rosalía López” in the registry")).to_be_visible()
    page.screenshot(path=f"{SHOTS}/import-preview.png", full_page=True)
    assert_accessible(page)
    assert Person.objects.count() == people  # the preview saved nothing

    page.get_by_role("button", name="Confirm import").click()
    expect(page.locator(".messagelist")).to_contain_text("Import finished")
    assert Person.objects.count() == people + 4
    assert (
        Person.objects.get(given_name="Hédiana", family_name="Núñez").memberships.get().organization == world.legal_aid
    )
    assert Person.objects.get(family_name="O’Brien").memberships.get().role == Membership.Role.ALTERNATE
    rosalia.refresh_from_db()
    assert (rosalia.given_name, rosalia.family_name, rosalia.email) == ("Rosalía", "López", "rosalia@example.org")
    page.screenshot(path=f"{SHOTS}/import-done.png", full_page=True)
    assert_accessible(page)
