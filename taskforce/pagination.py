"""Pages of a long list: every paginated view reads the page number from the address through here.

A number the address gives is bounded before any query sees it: past a list's end Django's
Paginator.get_page shows the last page, but a number too large for the database's OFFSET (page
9223372036854775807 of fifty rows) would fail there instead.
"""

from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

LAST_PAGE_ASKED = 1_000_000  # past any list's end; every larger number asks for this one


def page_number(value) -> int:
    """The page asked for, from 1 to LAST_PAGE_ASKED: a number that is not a whole number is page 1,
    as in Paginator.get_page, and a larger one asks for the last page."""
    text = str(value or "").strip()
    if not text.isdecimal():
        return 1
    if len(text) > len(str(LAST_PAGE_ASKED)):
        return LAST_PAGE_ASKED
    return min(max(int(text), 1), LAST_PAGE_ASKED)


def get_page(object_list, per_page, number):
    """Paginator(object_list, per_page).get_page(number), with the number bounded (page_number)."""
    return Paginator(object_list, per_page).get_page(page_number(number))


class CountedPaginator(Paginator):
    """A Paginator told its count: the count came with the page's rows."""

    def __init__(self, count, per_page):
        super().__init__([], per_page)
        self.total = count

    @cached_property
    def count(self):
        return self.total


def get_counted_page(queryset, per_page, number) -> Page:
    """get_page for a queryset of model instances, read in one query: each row of the page carries the list's
    size (a window count over the filtered or grouped rows), so the filter or aggregation runs once, not once
    for Paginator's count and again for the page, and an empty list costs the same query as a full one. A
    number past the end shows the last page, as get_page does (two more queries, for a stale link only). A
    ``distinct()`` queryset is counted by Paginator: the window would count its rows before DISTINCT."""
    if queryset.query.distinct:
        return get_page(queryset, per_page, number)
    number = page_number(number)
    start = (number - 1) * per_page
    found = list(queryset.annotate(table_size=Window(Count("pk")))[start : start + per_page])
    if not found and number > 1:
        return get_page(queryset, per_page, number)
    return Page(found, number, CountedPaginator(found[0].table_size if found else 0, per_page))
