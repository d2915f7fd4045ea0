"""Roster import in the admin: all-or-nothing, every bad row named with its line, UTF-8 with a BOM."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from members.imports import PersonResource
from members.models import Membership, Organization, Person


def upload(client, model, text, encoding="utf-8-sig"):
    csv_file = SimpleUploadedFile(f"{model}.csv", text.encode(encoding), content_type="text/csv")
    return client.post(f"/admin/members/{model}/import/", {"resource": "0", "format": "0", "import_file": csv_file})


def confirm(client, response):
    form = response.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(f"/admin/members/{response.request['PATH_INFO'].split('/')[3]}/process_import/", data)


def staff_client(client, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    return client


def test_people_import_with_bom_and_accents(client, world):
    client = staff_client(client, world)
    text = (
        "honorific,given_name,family_name,job_title,email,phone,organization\n"
        "Dr.,Rosalía,López,Counselor,rosalia@example.org,415-555-0100,Legal Aid Society\n"
        ",Zoë,Nguyễn,,zoe@example.org,,Asian Women's Shelter\n"
    )
    response = upload(client, "person", text)
    assert response.status_code == 200
    assert "confirm_form" in response.context and response.context["confirm_form"] is not None
    assert not Person.objects.filter(family_name="López").exists()  # a preview saves nothing
    response = confirm(client, response)
    assert response.status_code == 302
    rosalia = Person.objects.get(family_name="López")
    assert rosalia.given_name == "Rosalía" and rosalia.honorific == "Dr."
    assert Membership.objects.filter(person=rosalia, organization=world.legal_aid).exists()
    assert Person.objects.filter(given_name="Zoë", family_name="Nguyễn").exists()


def error_lines(body):
    """The import page's error list, as readable text: one "Line N: message" per entry."""
    return [" ".join(item.split()) for item in re.findall(r"<li>(Line \d+:.*?)</li>", body, flags=re.S)]


def test_people_import_with_bad_rows_saves_nothing_and_names_each_row(client, world):
    client = staff_client(client, world)
    before = Person.objects.count()
    text = (
        "given_name,family_name,email,organization\n"
        "Ana,Reyes,ana@example.org,Legal Aid Society\n"
        "Bo,Chen,not-an-email,Legal Aid Society\n"
        "Cy,Diaz,cy@example.org,Nowhere Agency\n"
        ",Evans,,\n"
    )
    response = upload(client, "person", text)
    assert response.context.get("confirm_form") is None
    # Lines are the file's, counting the header as line 1; an unknown organization is one error, not also
    # a false complaint about the name.
    assert error_lines(response.content.decode()) == [
        "Line 3: Email: Enter a valid email address.",
        "Line 4: No organization called “Nowhere Agency”. Import the organization first, or check its spelling.",
        "Line 5: The given name is missing.",
    ]
    assert Person.objects.count() == before


MESSY_ROSTER = (
    "given_name,family_name,email,organization,role\n"
    "Hédiana,Núñez,hediana@example.org,Legal Aid Society,Representative\n"  # line 2: new, accents kept
    "Zoë,O’Brien,,Asian Women’s Shelter,alternate\n"  # line 3: curly apostrophes match the registry's straight one
    "Tomás,Ruiz,,Legal Aid Society,chairperson\n"  # line 4: unknown role
    "Lin,Wu,,District Attorneys Office,\n"  # line 5: unknown organization, close to one that exists
    ",,nobody@example.org,Legal Aid Society,\n"  # line 6: no name at all
    "hediana,NUNEZ,,Legal Aid Society,\n"  # line 7: line 2's person again
    '"Mira","Patel, Jr.",mira@example.org,Legal Aid Society,\n'
)


def test_a_messy_roster_lists_every_problem_by_line_and_saves_nothing(client, world):
    client = staff_client(client, world)
    Organization.objects.create(name="District Attorney's Office", sector=Organization.Sector.PROSECUTION)
    before = (Person.objects.count(), Membership.objects.count())
    response = upload(client, "person", MESSY_ROSTER)
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert error_lines(response.content.decode()) == [
        "Line 4: “chairperson” is not a role. Use one of: Representative, Alternate, Staff liaison.",
        "Line 5: No organization called “District Attorneys Office”. Did you mean “District Attorney&#x27;s Office”?",
        "Line 6: The name is missing: a person needs a given name and a family name.",
        "Line 7: hediana NUNEZ is already on line 2 of this file: list each person once.",
    ]
    assert (Person.objects.count(), Membership.objects.count()) == before


def test_an_unknown_role_suggests_the_closest_one(client, world):
    client = staff_client(client, world)
    response = upload(
        client, "person", "given_name,family_name,organization,role\nAna,Reyes,Legal Aid Society,alternat\n"
    )
    assert error_lines(response.content.decode()) == [
        "Line 2: “alternat” is not a role. Use one of: Representative, Alternate, Staff liaison. Did you mean “Alternate”?"
    ]


def test_line_numbers_follow_the_file_past_blank_lines_and_values_over_two_lines(client, world):
    client = staff_client(client, world)
    text = 'given_name,family_name,job_title,organization\nAna,Reyes,"Director,\nLegal",Legal Aid Society\n\nBo,Chen,,Nowhere\n'
    response = upload(client, "person", text)
    assert error_lines(response.content.decode()) == [
        "Line 5: No organization called “Nowhere”. Import the organization first, or check its spelling."
    ]


def test_preview_shows_what_is_new_changed_and_left_alone_then_the_import_does_it(client, world):
    client = staff_client(client, world)
    rosalia = Person.objects.create(given_name="Rosalía", family_name="López", job_title="Counselor")
    Membership.objects.create(person=rosalia, organization=world.legal_aid)
    hediana = Person.objects.create(given_name="Hédiana", family_name="Ortiz")
    text = (
        "given_name,family_name,job_title,organization,role\n"
        "Rosalía,López,Counselor,Legal Aid Society,representative\n"  # already so: left alone
        "hediana,ORTIZ,Advocate,Asian Women’s Shelter,Staff liaison\n"  # the registry's Hédiana Ortiz
        "Zoë,Nguyễn,,Legal Aid Society,\n"  # new
    )
    response = upload(client, "person", text)
    body = response.content.decode()
    assert response.context["confirm_form"] is not None
    assert "This import would create 1, change 1 and leave 1 as they are." in " ".join(body.split())
    rows = {row.line: row for row in response.context["result"].valid_rows()}
    assert {line: row.import_type for line, row in rows.items()} == {2: "skip", 3: "update", 4: "new"}
    assert "Same person as “Hédiana Ortiz” in the registry (spelled differently here); that spelling is kept." in (
        rows[3].notes
    )
    assert "Will represent Asian Women's Shelter as Staff liaison." in rows[3].notes
    assert not Person.objects.filter(given_name="Zoë").exists()  # the preview saved nothing
    assert not Membership.objects.filter(person=hediana).exists()

    assert confirm(client, response).status_code == 302
    hediana.refresh_from_db()
    assert (hediana.given_name, hediana.family_name, hediana.job_title) == ("Hédiana", "Ortiz", "Advocate")
    assert Membership.objects.get(person=hediana).role == Membership.Role.STAFF_LIAISON
    assert Membership.objects.get(person=hediana).organization == world.shelter
    assert Person.objects.filter(given_name="Rosalía").count() == 1
    assert Person.objects.get(given_name="Zoë", family_name="Nguyễn").memberships.get().role == "representative"


def test_a_changed_role_is_a_change(client, world):
    client = staff_client(client, world)
    ana = Person.objects.create(given_name="Ana", family_name="Reyes")
    Membership.objects.create(person=ana, organization=world.legal_aid)
    response = upload(
        client, "person", "given_name,family_name,organization,role\nAna,Reyes,Legal Aid Society,alternate\n"
    )
    (row,) = response.context["result"].valid_rows()
    assert row.import_type == "update"
    assert row.notes == ["Role for Legal Aid Society changes from Representative to Alternate."]
    confirm(client, response)
    assert Membership.objects.get(person=ana).role == Membership.Role.ALTERNATE


def test_a_name_like_one_in_the_registry_is_shown_to_check(client, world):
    client = staff_client(client, world)
    Person.objects.create(given_name="Rosalía", family_name="López")
    response = upload(client, "person", "given_name,family_name\nRosalia,Lopes\n")
    (row,) = response.context["result"].valid_rows()
    assert row.import_type == "new"
    assert row.notes == [
        "New person, with a name like “Rosalía López” already in the registry: check it is someone else."
    ]


def test_a_name_two_registry_people_share_is_refused_rather_than_guessed(client, world):
    client = staff_client(client, world)
    Person.objects.create(given_name="Ana", family_name="Reyes", email="ana1@example.org")
    Person.objects.create(given_name="Ána", family_name="Reyes", email="ana2@example.org")
    response = upload(client, "person", "given_name,family_name,job_title\nAna,Reyes,Director\n")
    assert error_lines(response.content.decode()) == [
        "Line 2: 2 people in the registry are called Ana Reyes, so this row cannot say which one it means. "
        "Change that person in the admin instead."
    ]


def test_a_windows_1252_file_is_refused_with_what_to_do(client, world):
    client = staff_client(client, world)
    response = upload(client, "person", "given_name,family_name\nHédiana,Núñez\n", encoding="cp1252")
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert "This file is not saved as UTF-8" in response.content.decode()
    assert not Person.objects.filter(family_name__startswith="N").exists()


def test_plain_utf8_without_a_bom_keeps_accents(client, world):
    client = staff_client(client, world)
    response = confirm(
        client, upload(client, "person", "given_name,family_name\nJosé,Muñoz-Ó’Hara\n", encoding="utf-8")
    )
    assert response.status_code == 302
    assert Person.objects.filter(given_name="José", family_name="Muñoz-Ó’Hara").exists()


def test_the_roster_exports_role_and_imports_back_unchanged(world):
    export = PersonResource().export()
    assert "role" in export.headers
    row = dict(
        zip(export.headers, export[[p.pk for p in Person.objects.all()].index(world.data_contact.pk)], strict=True)
    )
    assert (row["organization"], row["role"]) == ("Legal Aid Society", "representative")
    result = PersonResource().import_data(export, dry_run=True)
    assert not result.has_validation_errors() and not result.has_errors()
    assert {r.import_type for r in result.valid_rows()} == {"skip"}


def test_organization_names_match_ignoring_accents_and_apostrophes(client, world):
    client = staff_client(client, world)
    response = upload(client, "organization", "name,sector,status\nasian women’s shelter,community,member\n")
    (row,) = response.context["result"].valid_rows()
    assert row.import_type == "skip"
    assert row.notes == ["Already in the registry as “Asian Women's Shelter”; that spelling is kept."]


def test_organization_import_reports_bad_sector(client, world):
    client = staff_client(client, world)
    text = "name,acronym,sector,status\nSafe Harbor,SH,Community-based organization,member\nOdd Org,,spaceship,member\n"
    response = upload(client, "organization", text)
    body = response.content.decode()
    assert "“spaceship” is not a sector" in body
    assert response.context.get("confirm_form") is None
    assert not Organization.objects.filter(name="Safe Harbor").exists()


def test_malformed_csv_is_refused_with_a_message(client, world):
    client = staff_client(client, world)
    response = upload(client, "person", "\x00\x01binary garbage", encoding="latin-1")
    assert response.status_code == 200
    assert not Person.objects.filter(family_name="").exists()
    body = response.content.decode()
    assert "errornote" in body or "error" in body.lower()


def test_an_unterminated_quote_is_refused_naming_its_row(client, world):
    client = staff_client(client, world)
    before = Organization.objects.count()
    text = (
        "name,acronym,sector,status\n"
        "Safe Harbor,SH,community,member\n"
        '"Broken Org,BO,community,member\n'
        "Another Org,AO,community,member\n"
    )
    response = upload(client, "organization", text)
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    body = response.content.decode()
    assert "Row 2 (line 3 of the file): a quote opens there and is never closed." in body
    assert Organization.objects.count() == before


def test_text_after_a_closing_quote_is_refused_too(client, world):
    client = staff_client(client, world)
    text = 'given_name,family_name\nAna,Reyes\n"Bo"x,Chen\n'
    response = upload(client, "person", text)
    assert "Row 2 (line 3 of the file): its quotes do not pair up" in response.content.decode()
    assert not Person.objects.filter(family_name__in=["Reyes", "Chen"]).exists()


def test_a_quoted_value_over_two_lines_is_still_one_value(client, world):
    client = staff_client(client, world)
    text = 'name,sector,status,description\nSafe Harbor,community,member,"Shelter,\nand legal help"\n'
    response = confirm(client, upload(client, "organization", text))
    assert response.status_code == 302
    assert Organization.objects.get(name="Safe Harbor").description == "Shelter,\nand legal help"
