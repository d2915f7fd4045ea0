"""Pages of a long list read in ONE query: the page's rows carry the total as a window count.

Django's Paginator counts first (one query), then reads the page (another). Here the page's rows
come with ``COUNT(*) OVER ()``, which PostgreSQL computes over every matching row before the
LIMIT, so the count and the rows cost one query and one scan. Only a page number past the end
(an old link after rows were removed) costs a count, to show the last page instead, as
``Paginator.get_page`` does.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

TOTAL = "window_total"


def _number(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def _rows(queryset, number, per_page):
    start = (number - 1) * per_page
    return list(queryset.annotate(**{TOTAL: Window(Count("*"))})[start : start + per_page])


def _total(row):
    return row[TOTAL] if isinstance(row, dict) else getattr(row, TOTAL)


def get_page(queryset, number, per_page):
    """The page numbered ``number`` (any text: invalid numbers give the first page) as a Page."""
    number = _number(number)
    paginator = Paginator(queryset, per_page)
    rows = _rows(queryset, number, per_page)
    if rows:
        paginator.count = _total(rows[0])  # the cached property, filled without a query
    elif number > 1:
        number = paginator.num_pages  # past the end: count, then read the last page
        rows = _rows(queryset, number, per_page) if paginator.count else []
    else:
        paginator.count = 0
    return Page(rows, number, paginator)
