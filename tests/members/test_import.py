"""Roster import in the admin: all-or-nothing, every bad row named with its line, UTF-8 with a BOM."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

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
    body = response.content.decode()
    assert response.context.get("confirm_form") is None
    assert "Enter a valid email address." in body
    assert "No organization is named “Nowhere Agency”" in body
    assert "Both the given name and the family name are needed." in body
    # Each bad row is named by its number (data rows counted from 1, after the header).
    error_rows = re.findall(r"<tr>\s*<td>\s*(\d+)\s*</td>\s*<td class=\"errors\">", body)
    assert error_rows == ["2", "3", "4"]
    assert Person.objects.count() == before


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
