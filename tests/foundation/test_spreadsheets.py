"""Every CSV the app writes neutralizes cells a spreadsheet would run as formulas (CSV injection)."""

import csv
import io

import pytest
import tablib
from django.urls import reverse

from members.models import Organization, Person
from reports.models import AgencySubmission
from taskforce.spreadsheets import SafeCSV, safe_cell
from tests.reports.helpers import accepted_submission, make_year

pytestmark = pytest.mark.django_db

LEADING = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("lead", LEADING)
def test_safe_cell_quotes_each_leading_character(lead):
    assert safe_cell(f"{lead}HYPERLINK(1)") == f"'{lead}HYPERLINK(1)"


def test_safe_cell_leaves_numbers_and_plain_text():
    assert safe_cell(-5) == -5
    assert safe_cell("Legal Aid Society") == "Legal Aid Society"
    assert safe_cell("") == ""


def rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("lead", LEADING)
def test_directory_csv(client_as, world, lead):
    Person.objects.filter(pk=world.member.pk).update(family_name=f"{lead}cmd|' /C calc'!A0")
    cells = [cell for row in rows(client_as("staff").get(reverse("members:directory_csv"))) for cell in row]
    assert f"'{lead}cmd|' /C calc'!A0" in cells
    assert not any(cell.startswith(lead) for cell in cells if cell)


@pytest.mark.parametrize("lead", LEADING)
def test_report_csv(client_as, world, lead):
    year = make_year(2024)
    Organization.objects.filter(pk=world.legal_aid.pk).update(name=f"{lead}SUM(A1:A9)")
    accepted_submission(year, Organization.objects.get(pk=world.legal_aid.pk), 40)
    assert AgencySubmission.objects.count() == 1
    cells = [cell for row in rows(client_as("staff").get(reverse("reports:csv", args=[2024]))) for cell in row]
    assert f"'{lead}SUM(A1:A9)" in cells
    assert not any(cell.startswith(lead) for cell in cells if cell)


def test_admin_csv_export_format():
    dataset = tablib.Dataset(headers=["name", "members"])
    dataset.append(['=HYPERLINK("x")', 3])
    dataset.append(["@SUM(1)", 4])
    exported = SafeCSV().export_data(dataset)
    assert list(csv.reader(io.StringIO(exported))) == [
        ["name", "members"],
        ['\'=HYPERLINK("x")', "3"],
        ["'@SUM(1)", "4"],
    ]
