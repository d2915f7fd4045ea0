"""The unduplicated count on the server: staff turn it on for a year, agencies upload keyed digests (made in
their browsers, static/js/linkage.js), the year's count joins them (reports/linkage.py), and publishing
the report keeps the counts and deletes the digests. Everything published goes through ``suppress_counts``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from members.models import Organization

from . import linkage
from .models import LinkageUpload, LinkageYear, ReportingYear
from .suppression import HIDDEN, NOT_SHOWN, Cell, SuppressedTable, suppress_counts

MAX_ROWS = 3_000  # rows an upload holds: about 600 bytes each, under Django's 2.5 MB cap on a request
HEX_DIGEST = re.compile(r"^[0-9a-f]{64}$")
MINIMUM_AGENCIES = 2


def read_digests(data: bytes) -> list[list[str | None]]:
    """The uploaded file: a JSON list of rows, each one digest (64 hex characters) or null per match key."""
    try:
        rows = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise ValidationError(gettext_lazy("The keys are not JSON."), code="not_json") from error
    if not isinstance(rows, list):
        raise ValidationError(gettext_lazy("The keys must be a list of rows."), code="not_list")
    if len(rows) > MAX_ROWS:
        raise ValidationError(
            gettext_lazy("At most %(max)s rows can be uploaded at once.") % {"max": f"{MAX_ROWS:,}"}, code="too_many"
        )
    width = len(linkage.CHOSEN)
    for row in rows:
        if (
            not isinstance(row, list)
            or len(row) != width
            or not all(value is None or (isinstance(value, str) and HEX_DIGEST.match(value)) for value in row)
            or all(value is None for value in row)
        ):
            raise ValidationError(
                gettext_lazy("Each row must hold %(width)s digests (64 hexadecimal characters) or nulls.")
                % {"width": width},
                code="bad_row",
            )
    return rows


@transaction.atomic
def open_year(*, reporting_year: ReportingYear, user) -> LinkageYear:
    linkage_year, _created = LinkageYear.objects.get_or_create(
        reporting_year=reporting_year, defaults={"opened_by": user}
    )
    return linkage_year


@transaction.atomic
def close_without_publishing(*, linkage_year: LinkageYear) -> None:
    """Staff turn the count off before publication: every upload goes with it."""
    if linkage_year.is_closed:
        raise ValidationError(gettext_lazy("The report is published: the count is kept."), code="published")
    linkage_year.delete()


@transaction.atomic
def save_upload(
    *, linkage_year: LinkageYear, organization: Organization, digests: list, rows: int, rows_without_keys: int, user
) -> LinkageUpload:
    """An agency's upload replaces the one it made before."""
    if linkage_year.is_closed:
        raise ValidationError(gettext_lazy("The report is published: keys can no longer be uploaded."), code="closed")
    upload, _created = LinkageUpload.objects.update_or_create(
        linkage_year=linkage_year,
        organization=organization,
        defaults={"digests": digests, "rows": rows, "rows_without_keys": rows_without_keys, "uploaded_by": user},
    )
    return upload


@transaction.atomic
def withdraw_upload(*, linkage_year: LinkageYear, organization: Organization) -> int:
    deleted, _ = LinkageUpload.objects.filter(linkage_year=linkage_year, organization=organization).delete()
    return deleted


@dataclass(frozen=True)
class YearCount:
    agencies: list[str]
    people: int
    by_more_than_one: int
    pairs: list[tuple[str, str, int]]


def count_year(*, linkage_year: LinkageYear) -> YearCount | None:
    """The year's count: from the stored aggregate once published, otherwise joined now from the uploads (1 query).
    None until at least two agencies have uploaded."""
    if linkage_year.is_closed:
        if linkage_year.people is None:
            return None
        return YearCount(
            agencies=list(linkage_year.agencies),
            people=linkage_year.people,
            by_more_than_one=linkage_year.by_more_than_one,
            pairs=[tuple(pair) for pair in linkage_year.pairs],
        )
    uploads = list(
        LinkageUpload.objects.filter(linkage_year=linkage_year)
        .select_related("organization")
        .only("digests", "organization__name")
    )
    if len(uploads) < MINIMUM_AGENCIES:
        return None
    records = [(upload.organization.name, row) for upload in uploads for row in upload.digests]
    counted = linkage.count_people(records)
    return YearCount(
        agencies=sorted(upload.organization.name for upload in uploads),
        people=counted.people,
        by_more_than_one=counted.by_more_than_one,
        pairs=[(a, b, n) for (a, b), n in sorted(counted.pairs.items())],
    )


@transaction.atomic
def close_on_publication(*, reporting_year: ReportingYear) -> None:
    """Keep the counts, delete the digests: called when the year's report is published."""
    linkage_year = LinkageYear.objects.select_for_update().filter(reporting_year=reporting_year).first()
    if linkage_year is None or linkage_year.is_closed:
        return
    result = count_year(linkage_year=linkage_year)
    if result is not None:
        linkage_year.people = result.people
        linkage_year.by_more_than_one = result.by_more_than_one
        linkage_year.agencies = result.agencies
        linkage_year.pairs = [list(pair) for pair in result.pairs]
    linkage_year.closed_at = timezone.now()
    linkage_year.save()
    linkage_year.uploads.all().delete()


@dataclass(frozen=True)
class PublishedCount:
    """What the report and the staff page show: every figure a suppressed cell."""

    agencies: list[str]
    people: Cell
    by_more_than_one: Cell
    pairs: SuppressedTable
    k: int


def publishable(*, result: YearCount, k: int) -> PublishedCount:
    """Counts from 1 to k-1 never appear; the pair table is suppressed as a table (complementary suppression
    against its total, the sum over the pairs).

    The people counted once are the rows uploaded less the repeats: with two agencies, rows(A) + rows(B) - people
    is exactly the number identified by both, and the rows are the agencies' own lists, whose lengths the report's
    by-agency table may publish. So when that number is suppressed, the number of people is "not shown" as well
    (complementary suppression: docs/linkage.md gives the arithmetic).
    """
    by_more = suppress_counts(
        counts=[(gettext("By more than one agency"), result.by_more_than_one)], k=k, with_total=False
    ).cells[0]
    people = suppress_counts(counts=[(gettext("People"), result.people)], k=k, with_total=False).cells[0]
    if by_more.suppressed and not people.suppressed:
        people = Cell(people.label, None, str(NOT_SHOWN), "", HIDDEN)
    pairs = suppress_counts(
        counts=[(gettext("%(first)s and %(second)s") % {"first": a, "second": b}, n) for a, b, n in result.pairs if n],
        k=k,
        title=gettext("People identified by both agencies of a pair"),
    )
    return PublishedCount(agencies=result.agencies, people=people, by_more_than_one=by_more, pairs=pairs, k=k)


def report_figures(*, reporting_year: ReportingYear) -> PublishedCount | None:
    """The year's unduplicated count ready to publish, or None when it is off or fewer than two agencies took part."""
    linkage_year = LinkageYear.objects.filter(reporting_year=reporting_year).first()
    if linkage_year is None:
        return None
    result = count_year(linkage_year=linkage_year)
    return None if result is None else publishable(result=result, k=reporting_year.k)


def report_section(*, reporting_year: ReportingYear) -> dict | None:
    """The report's section on the unduplicated count (after the data), or None when the year has none."""
    figures = report_figures(reporting_year=reporting_year)
    if figures is None:
        return None
    return {
        "id": "unduplicated",
        "heading": gettext("People counted once: the unduplicated count"),
        "template": "reports/sections/_unduplicated.html",
        "figures": figures,
    }
