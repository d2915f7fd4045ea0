"""members.paging: a page of rows and the total in one query, with Paginator's forgiving page numbers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members import paging
from members.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizations():
    Organization.objects.bulk_create(Organization(name=f"Paged org {i:02}") for i in range(45))
    return Organization.objects.filter(name__startswith="Paged org").order_by("name")


def test_a_page_and_its_total_in_one_query(organizations):
    with CaptureQueriesContext(connection) as queries:
        page = paging.get_page(organizations, "2", 20)
        names = [organization.name for organization in page.object_list]
        assert (page.paginator.count, page.paginator.num_pages) == (45, 3)
    assert len(queries) == 1
    assert names == [f"Paged org {i:02}" for i in range(20, 40)]
    assert (page.number, page.start_index(), page.end_index()) == (2, 21, 40)
    assert page.has_previous() and page.has_next()


def test_rows_as_dicts_carry_the_total_too(organizations):
    page = paging.get_page(organizations.values("name"), None, 20)
    assert page.paginator.count == 45 and page.number == 1
    assert page.object_list[0]["name"] == "Paged org 00"


@pytest.mark.parametrize("number", [None, "", "abc", "0", "-3", "1"])
def test_a_missing_or_invalid_number_gives_the_first_page(organizations, number):
    page = paging.get_page(organizations, number, 20)
    assert page.number == 1 and len(page.object_list) == 20


def test_a_number_past_the_end_gives_the_last_page(organizations):
    page = paging.get_page(organizations, "999", 20)
    assert page.number == 3 and len(page.object_list) == 5 and not page.has_next()


def test_no_rows_is_one_empty_page(organizations):
    for number in (None, "4"):
        page = paging.get_page(organizations.none() if number else organizations.filter(name="none"), number, 20)
        assert page.paginator.count == 0 and page.number == 1 and list(page.object_list) == []
