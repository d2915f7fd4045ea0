"""Pages of a long list: every paginated view reads the page number from the address through here.

A number the address gives is bounded before any query sees it: past a list's end Django's
Paginator.get_page shows the last page, but a number too large for the database's OFFSET (page
9223372036854775807 of fifty rows) would fail there instead.
"""

from django.core.paginator import Paginator

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
