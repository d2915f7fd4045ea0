"""taskforce.pagination.get_counted_page: the same page as Django's Paginator.get_page, read in one query."""

import pytest

from members.models import Membership, Organization, Person
from taskforce.pagination import get_counted_page, get_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    Person.objects.bulk_create(Person(given_name="Given", family_name=f"Family {i:02d}") for i in range(23))
    return Person.objects.order_by("family_name", "pk")


def _shown(page):
    return [row.pk for row in page], page.number, page.paginator.count, page.paginator.num_pages


@pytest.mark.parametrize("number", [None, "", "1", "2", "3", "4", "99", "-1", "abc", str(2**63)])
def test_the_same_page_as_paginator(people, number):
    assert _shown(get_counted_page(people, 10, number)) == _shown(get_page(people, 10, number))


def test_a_page_and_its_count_are_one_query(people, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = get_counted_page(people, 10, "2")
        assert (page.paginator.count, page.paginator.num_pages, page.has_next(), len(page)) == (23, 3, True, 10)
        assert (page.start_index(), page.end_index()) == (11, 20)


def test_an_empty_list_is_one_page_of_nothing(django_assert_num_queries):
    with django_assert_num_queries(1):
        page = get_counted_page(Person.objects.order_by("pk"), 10, "1")
        assert (list(page), page.paginator.count, page.paginator.num_pages) == ([], 0, 1)


def test_past_the_end_shows_the_last_page(people):
    page = get_counted_page(people, 10, "7")
    assert page.number == 3 and len(page) == 3 and page.paginator.count == 23


def test_a_distinct_list_counts_each_row_once():
    """Two memberships join the person twice: the window would count 2, DISTINCT shows one row."""
    person = Person.objects.create(given_name="Twice", family_name="Listed")
    for name in ("One", "Two"):
        organization = Organization.objects.create(name=name)
        Membership.objects.create(person=person, organization=organization, start_on="2020-01-01")
    twice = Person.objects.filter(memberships__isnull=False).distinct().order_by("pk")
    page = get_counted_page(twice, 10, "1")
    assert [row.pk for row in page] == [person.pk] and page.paginator.count == 1
