"""Staff data entry in the admin: bad input gets a message next to the field and saves nothing."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from members.models import MOU, CommitteeRole, Organization
from members.validators import MAX_MOU_BYTES
from tests.members.url_samples import MINIMAL_PDF, make_pdf


def org_form(**overrides):
    data = {
        "name": "Freedom House",
        "acronym": "",
        "sector": "community",
        "status": "member",
        "website": "",
        "description": "",
        "joined_on": "2024-01-01",
        "left_on": "",
        "outreach_stage": "",
        "outreach_notes": "",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "services-TOTAL_FORMS": "0",
        "services-INITIAL_FORMS": "0",
        "mous-TOTAL_FORMS": "1",
        "mous-INITIAL_FORMS": "0",
        "mous-0-status": "signed",
        "mous-0-sent_on": "",
        "mous-0-signed_on": "2024-02-01",
        "mous-0-expires_on": "2026-02-01",
        "mous-0-signatory": "Director",
        "mous-0-notes": "",
    }
    data.update(overrides)
    return data


def post_org(client, data, files=None):
    return client.post("/admin/members/organization/add/", {**data, **(files or {})})


def test_staff_registers_an_organization_with_a_signed_mou(client, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    upload = SimpleUploadedFile("mou.pdf", MINIMAL_PDF, content_type="application/pdf")
    response = post_org(client, org_form(), {"mous-0-document": upload})
    assert response.status_code == 302, response.context["errors"] if response.context else response
    mou = MOU.objects.get(organization__name="Freedom House")
    assert mou.is_signed and mou.document.name.startswith(f"mous/{mou.organization_id}/")
    assert mou.history.count() == 1


def test_signed_mou_without_date_is_refused(client, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    response = post_org(client, org_form(**{"mous-0-signed_on": ""}))
    assert response.status_code == 200
    assert "A signed MOU needs the date it was signed." in response.content.decode()
    assert not Organization.objects.filter(name="Freedom House").exists()


def test_expiry_before_signing_is_refused(client, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    response = post_org(client, org_form(**{"mous-0-expires_on": "2023-01-01"}))
    assert "The expiry date must be after the date it was signed." in response.content.decode()
    assert not Organization.objects.filter(name="Freedom House").exists()


def test_upload_that_is_not_a_pdf_is_refused(client, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    fake = SimpleUploadedFile("mou.pdf", b"MZ\x90\x00 this is a program", content_type="application/pdf")
    response = post_org(client, org_form(), {"mous-0-document": fake})
    assert "Only PDF files can be uploaded" in response.content.decode()
    assert not Organization.objects.filter(name="Freedom House").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "mou.pdf",
            b"<html><body><!-- %PDF-1.4 --><script>alert(1)</script></body></html>",
            "this file is not a PDF that opens",
        ),
        ("mou.pdf", MINIMAL_PDF[: len(MINIMAL_PDF) // 2], "this file is not a PDF that opens"),
        ("mou.pdf", make_pdf(pages=0), "This PDF has no pages."),
        ("mou.pdf", make_pdf(password="secret"), "This PDF is protected by a password."),
    ],
    ids=["html with a PDF marker", "truncated", "no pages", "encrypted"],
)
def test_an_upload_must_open_as_a_pdf_with_pages(client, world, name, content, message):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = post_org(client, org_form(), {"mous-0-document": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organization.objects.filter(name="Freedom House").exists()


def test_an_upload_is_stored_under_a_name_the_server_chooses(client, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    upload = SimpleUploadedFile("x.html", MINIMAL_PDF, content_type="text/html")
    response = post_org(client, org_form(), {"mous-0-document": upload})
    assert response.status_code == 302
    mou = MOU.objects.get(organization__name="Freedom House")
    folder, stored = mou.document.name.rsplit("/", 1)
    assert folder == f"mous/{mou.organization_id}"
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", stored)
    with mou.document.open("rb") as handle:
        assert handle.read() == MINIMAL_PDF


def test_upload_that_is_too_large_is_refused(client, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    big = SimpleUploadedFile("mou.pdf", MINIMAL_PDF + b"0" * MAX_MOU_BYTES, content_type="application/pdf")
    response = post_org(client, org_form(), {"mous-0-document": big})
    assert "the limit is 10.0\xa0MB" in response.content.decode()
    assert not Organization.objects.filter(name="Freedom House").exists()


def test_duplicate_committee_role_is_refused_with_a_message(client, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    response = client.post(
        "/admin/members/committeerole/add/",
        {
            "person": world.cochair.pk,
            "committee": world.youth.pk,
            "role": "co_chair",
            "start_on": "2024-03-01",
            "end_on": "",
        },
    )
    assert response.status_code == 200
    assert "already holds this role on this committee" in response.content.decode()
    assert CommitteeRole.objects.filter(person=world.cochair, committee=world.youth).count() == 1


def test_dates_out_of_order_are_refused(client, world):
    world.staff.user.is_superuser = True
    world.staff.user.save()
    client.force_login(world.staff.user)
    response = client.post(
        "/admin/members/committeerole/add/",
        {
            "person": world.member.pk,
            "committee": world.adult.pk,
            "role": "member",
            "start_on": "2024-03-01",
            "end_on": "2024-01-01",
        },
    )
    assert "The end date must be on or after the start date." in response.content.decode()
    assert not CommitteeRole.objects.filter(person=world.member, committee=world.adult).exists()
