"""Everything that assembles the annual report: suppression, figures, sections, PDF, CSV, the scan.

Keyword-only, typed functions (HackSoft style). Every output (page, PDF, CSV) gets its tables from
``suppress_counts``, so a count from 1 to k-1 can never slip out through one of them.
"""

from __future__ import annotations

import csv
import datetime
import functools
import hashlib
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape as html_escape
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Prefetch, Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from goals.charts import format_number, metric_chart_svg
from goals.services import goals_overview, strategic_plan
from meetings.services import year_in_review
from members.models import MOU, Committee, CommitteeRole, Organization, Person

from .models import (
    AgencySubmission,
    BreakdownCategory,
    Narrative,
    Recommendation,
    ReportingYear,
    ReportPDF,
    SubmissionCount,
)

# ---------------------------------------------------------------------------
# Small-cell suppression: the one function every output uses.
# ---------------------------------------------------------------------------

SHOWN = "shown"
FEWER = "fewer"  # primary: a count from 1 to k-1, labelled "fewer than k"
HIDDEN = "hidden"  # complementary (or a whole small table): labelled "not shown", could be any count

NOT_SHOWN = "not shown"


@dataclass(frozen=True)
class Cell:
    """A published cell. A suppressed cell carries no value at all, so no template can leak it."""

    label: str
    shown: int | None
    display: str
    percent: str
    status: str

    @property
    def suppressed(self) -> bool:
        return self.status != SHOWN


@dataclass(frozen=True)
class SuppressedTable:
    """A breakdown (or one column of a table) ready to publish."""

    title: str
    cells: tuple[Cell, ...]
    total: Cell | None
    k: int
    note: str = ""

    @property
    def any_suppressed(self) -> bool:
        return any(cell.suppressed for cell in self.cells) or bool(self.total and self.total.suppressed)


def fewer_than(k: int) -> str:
    return f"fewer than {k}"


def _range(status: str, k: int) -> tuple[int, float]:
    """What a reader can tell about a suppressed cell from its label alone."""
    return (1, k - 1) if status == FEWER else (0, float("inf"))


def _pinned_cells(*, statuses: Sequence[str], values: Sequence[int], total: int, k: int) -> list[int]:
    """Hidden cells whose value follows from the shown cells and the total (one equation, box bounds)."""
    hidden = [i for i, status in enumerate(statuses) if status != SHOWN]
    remainder = total - sum(values[i] for i, status in enumerate(statuses) if status == SHOWN)
    bounds = {i: _range(statuses[i], k) for i in hidden}
    pinned = []
    for j in hidden:
        others_low = sum(bounds[i][0] for i in hidden if i != j)
        others_high = sum(bounds[i][1] for i in hidden if i != j)
        low = max(bounds[j][0], remainder - others_high)
        high = min(bounds[j][1], remainder - others_low)
        if low >= high:
            pinned.append(j)
    return pinned


def _percent(value: int, total: int) -> str:
    if not total:
        return ""
    share = 100 * value / total
    return "<1%" if 0 < share < 1 else f"{share:.0f}%"


def suppress_counts(
    *, counts: Sequence[tuple[str, int]], k: int, with_total: bool = True, title: str = ""
) -> SuppressedTable:
    """Publish counts safely: 1..k-1 become "fewer than k", plus what stops them being worked out.

    With a total (the counts add up to it), complementary suppression hides the next-smallest
    non-zero cell until no hidden cell can be recovered by subtraction; if that cannot be done,
    or the total itself is below k, every cell of the table is "not shown". Percentages use the
    true values, and are given only for shown cells.
    """
    if k < 3:
        raise ValueError("k must be at least 3: with k=2, “fewer than 2” would mean exactly 1.")
    labels = [label for label, _ in counts]
    values = [int(value) for _, value in counts]
    if any(value < 0 for value in values):
        raise ValueError("Counts cannot be negative.")
    statuses = [FEWER if 1 <= value < k else SHOWN for value in values]
    total_value = sum(values)
    total_status = SHOWN
    note = ""
    if with_total:
        if 1 <= total_value < k:
            total_status = FEWER
            statuses = [HIDDEN] * len(values)
            note = f"Fewer than {k} people in all, so no detail is shown."
        else:
            while pinned := _pinned_cells(statuses=statuses, values=values, total=total_value, k=k):
                candidates = [i for i, status in enumerate(statuses) if status == SHOWN and values[i] > 0]
                if not candidates:
                    statuses = [HIDDEN] * len(values)
                    note = "The counts are so small that any detail could identify people, so none is shown."
                    break
                statuses[min(candidates, key=lambda i: (values[i], i))] = HIDDEN
            del pinned

    def cell(label: str, value: int, status: str, denominator: int) -> Cell:
        if status == SHOWN:
            return Cell(label, value, f"{value:,}", _percent(value, denominator) if with_total else "", SHOWN)
        return Cell(label, None, fewer_than(k) if status == FEWER else NOT_SHOWN, "", status)

    cells = tuple(
        cell(label, value, status, total_value) for label, value, status in zip(labels, values, statuses, strict=True)
    )
    total_cell = cell("Total", total_value, total_status, 0) if with_total else None
    if not note and any(c.status == HIDDEN for c in cells):
        note = "“Not shown”: hidden so that a smaller count cannot be worked out from the total."
    return SuppressedTable(title=title, cells=cells, total=total_cell, k=k, note=note)


# ---------------------------------------------------------------------------
# Charts: horizontal SVG bars drawn from shown cells only.
# ---------------------------------------------------------------------------

CHART_WIDTH = 660
CHART_LABEL_WIDTH = 290
CHART_BAR_SPACE = 270
CHART_ROW = 22


def bar_chart(*, table: SuppressedTable, chart_id: str) -> dict:
    """Geometry of a bar chart for a suppressed table; hidden cells get a label and no bar."""
    largest = max((cell.shown for cell in table.cells if cell.shown), default=0)
    bars = []
    for index, cell in enumerate(table.cells):
        y = 8 + index * CHART_ROW
        length = round(CHART_BAR_SPACE * cell.shown / largest, 1) if cell.shown and largest else 0
        bars.append(
            {
                "label": cell.label,
                "y": y,
                "text_y": y + 13,
                "length": length,
                "value_x": CHART_LABEL_WIDTH + length + 6,
                "value": cell.display + (f" ({cell.percent})" if cell.percent else ""),
                "suppressed": cell.suppressed,
            }
        )
    shown = [f"{cell.label} {cell.display}" for cell in table.cells]
    return {
        "id": chart_id,
        "title": table.title,
        "description": "; ".join(shown),
        "width": CHART_WIDTH,
        "height": 16 + len(table.cells) * CHART_ROW,
        "label_x": CHART_LABEL_WIDTH - 8,
        "bar_x": CHART_LABEL_WIDTH,
        "bars": bars,
    }


# ---------------------------------------------------------------------------
# The year's figures, loaded once per report with a fixed number of queries.
# ---------------------------------------------------------------------------

TOTAL_FIELDS = [
    ("total_identified", "People identified as trafficked"),
    ("traffickers_identified", "Traffickers identified"),
    ("convictions_vacated", "Convictions vacated or expunged"),
]


@dataclass
class YearFigures:
    reporting_year: ReportingYear
    counted: list[AgencySubmission]
    excluded: list[AgencySubmission]
    categories: dict[str, list[BreakdownCategory]]
    previous_totals: dict[str, int] | None
    breakdown_sums: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def active_categories() -> dict[str, list[BreakdownCategory]]:
    grouped: dict[str, list[BreakdownCategory]] = {dimension: [] for dimension in BreakdownCategory.Dimension.values}
    for category in BreakdownCategory.objects.all():
        grouped[category.dimension].append(category)
    return grouped


def year_figures(*, reporting_year: ReportingYear) -> YearFigures:
    """Accepted submissions of the year (with their counts), categories and last year's totals: 4 queries."""
    accepted = list(
        AgencySubmission.objects.filter(reporting_year=reporting_year, state=AgencySubmission.State.ACCEPTED)
        .select_related("organization")
        .prefetch_related("counts")
        .order_by("organization__name")
    )
    categories = active_categories()
    previous = AgencySubmission.objects.filter(
        reporting_year__year=reporting_year.year - 1,
        state=AgencySubmission.State.ACCEPTED,
        counts_toward_totals=True,
    ).aggregate(agencies=Count("pk"), **{name: Sum(name) for name, _ in TOTAL_FIELDS})
    previous_totals = {name: previous[name] or 0 for name, _ in TOTAL_FIELDS} if previous["agencies"] else None
    figures = YearFigures(
        reporting_year=reporting_year,
        counted=[s for s in accepted if s.counts_toward_totals],
        excluded=[s for s in accepted if not s.counts_toward_totals],
        categories=categories,
        previous_totals=previous_totals,
    )
    sums: dict[int, int] = defaultdict(int)
    for submission in figures.counted:
        for count in submission.counts.all():
            sums[count.category_id] += count.value
    for dimension, members in categories.items():
        figures.breakdown_sums[dimension] = [
            (category.name, sums[category.pk]) for category in members if category.is_active or sums[category.pk]
        ]
    return figures


def totals_rows(*, figures: YearFigures) -> list[dict]:
    k = figures.reporting_year.k
    rows = []
    for name, label in TOTAL_FIELDS:
        this_year = sum(getattr(s, name) for s in figures.counted)
        current = suppress_counts(counts=[(label, this_year)], k=k, with_total=False).cells[0]
        previous = None
        change = ""
        if figures.previous_totals is not None:
            previous = suppress_counts(counts=[(label, figures.previous_totals[name])], k=k, with_total=False).cells[0]
            if not current.suppressed and not previous.suppressed:
                difference = current.shown - previous.shown
                change = f"{difference:+,}"
                if previous.shown:
                    change += f" ({difference / previous.shown:+.0%})"
        rows.append({"key": name, "label": label, "current": current, "previous": previous, "change": change})
    return rows


def breakdown_tables(*, figures: YearFigures) -> list[dict]:
    k = figures.reporting_year.k
    tables = []
    for dimension, label in BreakdownCategory.Dimension.choices:
        table = suppress_counts(counts=figures.breakdown_sums[dimension], k=k, title=label)
        tables.append(
            {
                "id": f"breakdown-{dimension}",
                "table": table,
                "chart": bar_chart(table=table, chart_id=f"chart-{dimension}"),
            }
        )
    return tables


def agency_table(*, figures: YearFigures) -> dict:
    """Per-agency figures: each column suppressed over the agencies counted toward the totals."""
    k = figures.reporting_year.k
    columns = {}
    left_out = {}
    for name, label in TOTAL_FIELDS:
        columns[name] = suppress_counts(
            counts=[(s.organization.name, getattr(s, name)) for s in figures.counted], k=k, title=label
        )
        left_out[name] = suppress_counts(
            counts=[(s.organization.name, getattr(s, name)) for s in figures.excluded], k=k, with_total=False
        )
    counted_rows = [
        {"agency": s.organization.name, "cells": [columns[name].cells[i] for name, _ in TOTAL_FIELDS]}
        for i, s in enumerate(figures.counted)
    ]
    excluded_rows = [
        {
            "agency": s.organization.name,
            "note": s.totals_note,
            "cells": [left_out[name].cells[i] for name, _ in TOTAL_FIELDS],
        }
        for i, s in enumerate(figures.excluded)
    ]
    identified = columns["total_identified"]
    return {
        "headings": [label for _, label in TOTAL_FIELDS],
        "rows": counted_rows,
        "totals": [columns[name].total for name, _ in TOTAL_FIELDS],
        "excluded_rows": excluded_rows,
        "columns": columns,
        "left_out": left_out,
        "notes": sorted({table.note for table in columns.values() if table.note}),
        "chart": bar_chart(
            table=SuppressedTable(
                title="People identified, by agency", cells=identified.cells, total=identified.total, k=k
            ),
            chart_id="chart-agencies",
        ),
    }


# ---------------------------------------------------------------------------
# Sections of the report. Each returns its own context; the template includes one partial per
# section, in the order of report_sections(). The year in review and the goals come from the
# meetings and goals apps.
# ---------------------------------------------------------------------------


def cover_section(*, reporting_year: ReportingYear) -> dict:
    return {
        "id": "cover",
        "heading": f"Human Trafficking in San Francisco: {reporting_year.year} Report"
        if "San Francisco" in settings.TASK_FORCE_NAME
        else f"Annual Report on Human Trafficking, {reporting_year.year}",
        "template": "reports/sections/_cover.html",
        "in_contents": False,
        "task_force_name": settings.TASK_FORCE_NAME,
        "published_at": reporting_year.published_at,
        "is_draft": not reporting_year.is_published,
    }


def contents_section(*, sections: Sequence[dict]) -> dict:
    return {
        "id": "contents",
        "heading": "Contents",
        "template": "reports/sections/_contents.html",
        "in_contents": False,
        "entries": [{"id": s["id"], "heading": s["heading"]} for s in sections if s.get("in_contents", True)],
    }


def executive_summary_section(*, reporting_year: ReportingYear) -> dict:
    narratives = list(reporting_year.narratives.filter(kind=Narrative.Kind.EXECUTIVE_SUMMARY))
    return {
        "id": "executive-summary",
        "heading": "Executive summary",
        "template": "reports/sections/_narratives.html",
        "narratives": narratives,
        "empty": "Staff have not written the executive summary yet.",
    }


def about_section(*, reporting_year: ReportingYear) -> dict:
    chairs = CommitteeRole.objects.current().filter(role__in=CommitteeRole.CHAIR_ROLES).select_related("person")
    committees = Committee.objects.filter(is_active=True).prefetch_related(
        Prefetch("roles", queryset=chairs.order_by("role", "person__family_name"), to_attr="chairs")
    )
    members = Organization.objects.filter(status=Organization.Status.MEMBER).prefetch_related(
        Prefetch("mous", queryset=MOU.objects.filter(status=MOU.Status.SIGNED), to_attr="signed_mous")
    )
    organizations = [{"name": org.name, "acronym": org.acronym, "signed_mou": bool(org.signed_mous)} for org in members]
    plan = strategic_plan()
    return {
        "id": "about",
        "heading": "About the task force",
        "template": "reports/sections/_about.html",
        "task_force_name": settings.TASK_FORCE_NAME,
        "paragraphs": reporting_year.about_paragraphs(),
        "mission": plan.mission if plan else "",
        "vision": plan.vision if plan else "",
        "definition": reporting_year.definition or (plan.definition if plan else ""),
        "committees": list(committees),
        "organizations": organizations,
        "mou_count": sum(1 for org in organizations if org["signed_mou"]),
    }


def _metric_figure(value, k: int) -> str:
    """A metric's figure for the report, with the same small-cell rule as the data tables."""
    if value is None:
        return "not recorded"
    if 0 < value < k:
        return fewer_than(k)
    return format_number(value)


def year_in_review_section(*, reporting_year: ReportingYear) -> dict:
    """Meetings held and attendance over the year, from the meetings app."""
    review = year_in_review(year=reporting_year.year)
    return {
        "id": "year-in-review",
        "heading": f"The year in review: {reporting_year.year}",
        "template": "reports/sections/_year_in_review.html",
        **review,
    }


def goals_section(*, reporting_year: ReportingYear) -> dict:
    """The strategic goals, their objectives and progress, and each success metric against its target.

    A metric whose figures include a count from 1 to k-1 gets no chart, since the chart would show it.
    """
    k = reporting_year.k
    goals = goals_overview()
    entries = []
    for goal in goals:
        metrics = []
        for objective in goal.objective_list:
            for metric in objective.metric_list:
                values = [m.value for m in metric.measurement_list]
                has_small = any(0 < value < k for value in values)
                latest = metric.latest
                metrics.append(
                    {
                        "metric": metric,
                        "latest": _metric_figure(latest["value"] if latest else None, k),
                        "latest_label": latest["label"] if latest else "",
                        "baseline": _metric_figure(metric.baseline, k) if metric.baseline is not None else "",
                        "target": _metric_figure(metric.target, k) if metric.target is not None else "",
                        "met": metric.latest_meets_target if not has_small else None,
                        "chart": metric_chart_svg(metric, metric.measurement_list) if values and not has_small else "",
                        "chart_withheld": has_small,
                        "is_sample": metric.is_sample,
                    }
                )
        entries.append({"goal": goal, "objectives": goal.objective_list, "metrics": metrics})
    return {
        "id": "goals",
        "heading": "Goals and success metrics",
        "template": "reports/sections/_goals.html",
        "goals": entries,
        "k": k,
    }


def data_section(*, reporting_year: ReportingYear, figures: YearFigures) -> dict:
    return {
        "id": "data",
        "heading": f"The data: human trafficking in {reporting_year.year}",
        "template": "reports/sections/_data.html",
        "k": reporting_year.k,
        "year": reporting_year.year,
        "previous_year": reporting_year.year - 1 if figures.previous_totals is not None else None,
        "agency_count": len(figures.counted),
        "excluded_count": len(figures.excluded),
        "totals": totals_rows(figures=figures),
        "breakdowns": breakdown_tables(figures=figures),
        "agencies": agency_table(figures=figures),
    }


def expungements_section(*, reporting_year: ReportingYear, figures: YearFigures, data: dict) -> dict:
    totals = {row["key"]: row for row in data["totals"]}
    column = data["agencies"]["columns"]["convictions_vacated"]
    return {
        "id": "expungements",
        "heading": "Expungements and vacated convictions",
        "template": "reports/sections/_expungements.html",
        "row": totals["convictions_vacated"],
        "previous_year": data["previous_year"],
        "table": column,
        "rows": [cell for cell in column.cells if cell.shown != 0],
    }


def recommendations_section(*, reporting_year: ReportingYear) -> dict:
    return {
        "id": "recommendations",
        "heading": "Recommendations",
        "template": "reports/sections/_recommendations.html",
        "introduction": list(reporting_year.narratives.filter(kind=Narrative.Kind.RECOMMENDATION)),
        "recommendations": list(reporting_year.recommendations.all()),
    }


def successes_section(*, reporting_year: ReportingYear) -> dict:
    return {
        "id": "successes",
        "heading": "Successes of the year",
        "template": "reports/sections/_narratives.html",
        "narratives": list(reporting_year.narratives.filter(kind=Narrative.Kind.SUCCESS)),
        "empty": "No successes have been written up for this year yet.",
    }


def case_summaries_section(*, reporting_year: ReportingYear) -> dict:
    cleared = reporting_year.narratives.filter(kind=Narrative.Kind.CASE_SUMMARY, cleared_at__isnull=False)
    return {
        "id": "case-summaries",
        "heading": "Case summaries",
        "template": "reports/sections/_case_summaries.html",
        "narratives": list(cleared),
    }


def methodology_section(*, reporting_year: ReportingYear, figures: YearFigures) -> dict:
    notes = reporting_year.narratives.filter(kind=Narrative.Kind.AGENCY_NOTE).select_related("organization")
    definitions = [
        {"agency": s.organization.name, "definition": s.definition_used}
        for s in figures.counted + figures.excluded
        if s.definition_used
    ]
    return {
        "id": "methodology",
        "heading": "Methodology",
        "template": "reports/sections/_methodology.html",
        "k": reporting_year.k,
        "definition": reporting_year.definition,
        "agencies": [s.organization.name for s in figures.counted],
        "excluded": [{"agency": s.organization.name, "note": s.totals_note} for s in figures.excluded],
        "definitions": definitions,
        "agency_notes": list(notes),
        "categories": [
            {"dimension": label, "names": [c.name for c in figures.categories[dimension] if c.is_active]}
            for dimension, label in BreakdownCategory.Dimension.choices
        ],
    }


def report_sections(*, reporting_year: ReportingYear) -> list[dict]:
    """Every section of the report, in order, each a context dict naming its partial template."""
    figures = year_figures(reporting_year=reporting_year)
    data = data_section(reporting_year=reporting_year, figures=figures)
    body = [
        executive_summary_section(reporting_year=reporting_year),
        about_section(reporting_year=reporting_year),
        year_in_review_section(reporting_year=reporting_year),
        goals_section(reporting_year=reporting_year),
        data,
        expungements_section(reporting_year=reporting_year, figures=figures, data=data),
        recommendations_section(reporting_year=reporting_year),
        successes_section(reporting_year=reporting_year),
        case_summaries_section(reporting_year=reporting_year),
        methodology_section(reporting_year=reporting_year, figures=figures),
    ]
    return [cover_section(reporting_year=reporting_year), contents_section(sections=body), *body]


def report_title(*, reporting_year: ReportingYear) -> str:
    return f"Annual Report on Human Trafficking {reporting_year.year}"


# ---------------------------------------------------------------------------
# CSV: every published table, suppressed by the same function.
# ---------------------------------------------------------------------------


def report_csv(*, reporting_year: ReportingYear) -> str:
    figures = year_figures(reporting_year=reporting_year)
    data = data_section(reporting_year=reporting_year, figures=figures)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["year", "table", "row", "count", "percent"])
    year = reporting_year.year
    for row in data["totals"]:
        writer.writerow([year, "Totals", row["label"], row["current"].display, ""])
        if row["previous"] is not None:
            writer.writerow([year - 1, "Totals", row["label"], row["previous"].display, ""])
    for breakdown in data["breakdowns"]:
        table = breakdown["table"]
        for cell in table.cells:
            writer.writerow([year, table.title, cell.label, cell.display, cell.percent])
        writer.writerow([year, table.title, "Total", table.total.display, ""])
    agencies = data["agencies"]
    for name, label in TOTAL_FIELDS:
        column = agencies["columns"][name]
        for cell in column.cells:
            writer.writerow([year, f"{label}, by agency", cell.label, cell.display, cell.percent])
        writer.writerow([year, f"{label}, by agency", "Total", column.total.display, ""])
        for cell in agencies["left_out"][name].cells:
            writer.writerow([year, f"{label}, agencies left out of the totals", cell.label, cell.display, ""])
    return out.getvalue()


# ---------------------------------------------------------------------------
# The PDF: rendered once per version of the report's content, stored in the database.
# ---------------------------------------------------------------------------

PDF_STYLESHEET = "css/report_pdf.css"


def report_body_html(*, reporting_year: ReportingYear, version: str | None = None) -> str:
    """The report's sections as HTML, shared by the page and the PDF.

    The body depends only on the data ``data_version`` fingerprints, so it is rendered once per
    version and then read from the cache.
    """
    version = version or data_version(reporting_year=reporting_year)
    # One entry per year, holding the latest version only: an old body is replaced, never kept.
    key = f"reports:body:{reporting_year.pk}"
    cached = cache.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    body = render_to_string(
        "reports/_report_body.html",
        {"reporting_year": reporting_year, "sections": report_sections(reporting_year=reporting_year)},
    )
    cache.set(key, (version, body), BODY_CACHE_SECONDS)
    return body


def report_pdf_html(*, reporting_year: ReportingYear, body: str) -> str:
    """The document WeasyPrint lays out: the shared body in a print wrapper."""
    return render_to_string(
        "reports/report_pdf.html",
        {
            "reporting_year": reporting_year,
            "title": report_title(reporting_year=reporting_year),
            "body": body,
            "task_force_name": settings.TASK_FORCE_NAME,
        },
    )


def _stylesheet_text() -> str:
    with open(finders.find(PDF_STYLESHEET), encoding="utf-8") as handle:
        return handle.read()


BODY_CACHE_SECONDS = 24 * 60 * 60


def _row_sums(table: str, where: str = "TRUE", ints: Sequence[str] = (), texts: Sequence[str] = ()) -> str:
    """SQL for "how many rows, and a sum of hashes of their content": any insert, change or delete moves it.

    The whole row's text is hashed; or, for the large tables of which the report reads a few
    columns, only those: integer columns hashed as integers (no text conversion, the costly part),
    the others as text, each with its own seed and a stand-in for NULL, combined with xor.
    Only our models' table names go into the text (S608 below); values are bound parameters.
    """
    if ints or texts:
        parts = [f"coalesce(hashint8extended(t.{column}, {seed}), {seed})" for seed, column in enumerate(ints)]
        parts += [
            f"coalesce(hashtextextended(t.{column}::text, {seed}), {seed})"
            for seed, column in enumerate(texts, start=len(ints))
        ]
        row_hash = " # ".join(parts)
    else:
        row_hash = "hashtextextended(t::text, 0)"
    return f"(SELECT count(*) || ':' || coalesce(sum({row_hash}), 0) FROM {table} t WHERE {where})"  # noqa: S608


def _data_fingerprint_sql() -> str:
    """One statement over every row the report body reads (its parameters: FINGERPRINT_PARAMETERS)."""
    from goals.models import Goal, Measurement, Metric, Objective, StrategicPlan, WorkPlanItem
    from meetings.models import ActionItem, Attendance, Meeting

    # The year's meetings, this and last year's submissions: looked up once, used by several parts.
    ctes = (
        f"WITH meetings AS MATERIALIZED (SELECT m.id FROM {Meeting._meta.db_table} m"  # noqa: S608
        " WHERE m.starts_at >= %(start)s AND m.starts_at < %(end)s),"
        f" submissions AS MATERIALIZED (SELECT s.id FROM {AgencySubmission._meta.db_table} s"
        f" JOIN {ReportingYear._meta.db_table} y ON y.id = s.reporting_year_id"
        " WHERE y.year IN (%(year)s, %(previous)s))"
    )
    parts = [
        _row_sums(ReportingYear._meta.db_table, "t.year IN (%(year)s, %(previous)s)"),
        _row_sums(AgencySubmission._meta.db_table, "t.id IN (SELECT id FROM submissions)"),
        _row_sums(
            SubmissionCount._meta.db_table,
            "t.submission_id IN (SELECT id FROM submissions)",
            ints=["id", "submission_id", "category_id", "value"],
        ),
        _row_sums(BreakdownCategory._meta.db_table),
        _row_sums(Narrative._meta.db_table, "t.reporting_year_id = %(year_id)s"),
        _row_sums(Recommendation._meta.db_table, "t.reporting_year_id = %(year_id)s"),
        _row_sums(Committee._meta.db_table),
        _row_sums(CommitteeRole._meta.db_table),
        # Co-chairs appear by name.
        _row_sums(
            Person._meta.db_table,
            f"t.id IN (SELECT r.person_id FROM {CommitteeRole._meta.db_table} r)",  # noqa: S608
            ints=["id"],
            texts=["given_name", "family_name"],
        ),
        _row_sums(Organization._meta.db_table),
        _row_sums(MOU._meta.db_table),
        _row_sums(StrategicPlan._meta.db_table),
        _row_sums(Goal._meta.db_table),
        _row_sums(Objective._meta.db_table),
        _row_sums(Objective.committees.through._meta.db_table),
        _row_sums(Objective.also_serves.through._meta.db_table),
        _row_sums(WorkPlanItem._meta.db_table, ints=["id", "objective_id", "percent_done"], texts=["status"]),
        _row_sums(Metric._meta.db_table),
        _row_sums(Measurement._meta.db_table),
        # The year in review counts meetings, attendance and action items by these columns only.
        _row_sums(
            Meeting._meta.db_table,
            "t.id IN (SELECT id FROM meetings)",
            ints=["id", "committee_id"],
            texts=["starts_at", "status"],
        ),
        _row_sums(
            Attendance._meta.db_table,
            "t.meeting_id IN (SELECT id FROM meetings)",
            ints=["id", "meeting_id", "person_id", "organization_id"],
            texts=["status"],
        ),
        _row_sums(
            ActionItem._meta.db_table,
            "t.meeting_id IN (SELECT id FROM meetings)",
            ints=["id", "meeting_id"],
            texts=["status"],
        ),
    ]
    return f"{ctes} SELECT " + " || '|' || ".join(parts)


FINGERPRINT_PARAMETERS = [("year_id", "bigint"), ("year", "integer"), ("previous", "integer")]
FINGERPRINT_PARAMETERS += [("start", "timestamptz"), ("end", "timestamptz")]


@functools.cache
def _fingerprint_statement() -> tuple[str, str]:
    """The fingerprint as a PREPARE statement and its name (named after its text, so new code prepares anew)."""
    sql = _data_fingerprint_sql()
    for number, (name, _) in enumerate(FINGERPRINT_PARAMETERS, start=1):
        sql = sql.replace(f"%({name})s", f"${number}")
    name = "reports_fingerprint_" + hashlib.sha256(sql.encode()).hexdigest()[:12]
    types = ", ".join(kind for _, kind in FINGERPRINT_PARAMETERS)
    return name, f"PREPARE {name}({types}) AS {sql}"


def _prepared_fingerprint(cursor) -> str:
    """Prepare the fingerprint once per database connection: planning its 22 parts cost more than running them.

    A prepared statement lives as long as the connection (CONN_MAX_AGE keeps it) and survives a
    rolled-back transaction; a new connection has no mark and prepares it again.
    """
    name, statement = _fingerprint_statement()
    raw = connection.connection
    if getattr(raw, "reports_prepared", None) != name:
        cursor.execute(statement)
        raw.reports_prepared = name
    return name


@functools.cache
def _code_fingerprint() -> str:
    """The code, templates and stylesheet the report is drawn with, read once per process."""
    import goals.charts
    import goals.services
    import meetings.services

    digest = hashlib.sha256()
    folder = Path(settings.BASE_DIR) / "templates" / "reports"
    modules = [Path(module.__file__) for module in (goals.charts, goals.services, meetings.services)]
    for path in [Path(__file__), *modules, *sorted(folder.rglob("*.html"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(_stylesheet_text().encode())
    return digest.hexdigest()


def data_version(*, reporting_year: ReportingYear) -> str:
    """A fingerprint of everything the report shows, in one query; equal fingerprints never render twice.

    It covers every row the body reads (the year, its and last year's submissions and counts, the
    categories, narratives, recommendations, registry, goals, and the year's meetings, attendance
    and action items), today's date (current co-chairs), the task force's name, and the templates
    and stylesheet. Rows are fingerprinted by their whole text in the database, so a change made
    anywhere (a form, the admin, a bulk update) gives a new version.
    """
    year = reporting_year.year
    zone = timezone.get_default_timezone()
    # The year in review counts meetings by local date; a day either side keeps every time zone in.
    start = datetime.datetime(year, 1, 1, tzinfo=zone) - datetime.timedelta(days=1)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=zone) + datetime.timedelta(days=1)
    with connection.cursor() as cursor:
        cursor.execute(
            f"EXECUTE {_prepared_fingerprint(cursor)}(%s, %s, %s, %s, %s)",
            [reporting_year.pk, year, year - 1, start, end],
        )
        rows = cursor.fetchone()[0]
    digest = hashlib.sha256(rows.encode())
    digest.update(timezone.localdate().isoformat().encode())
    digest.update(settings.TASK_FORCE_NAME.encode())
    digest.update(_code_fingerprint().encode())
    return digest.hexdigest()


def render_pdf(*, html: str) -> tuple[bytes, int]:
    """Lay out the report with WeasyPrint as tagged PDF/UA; returns the file and its page count."""
    from taskforce import pdf

    document = pdf.html(string=html, base_url=str(settings.BASE_DIR)).render(
        stylesheets=[pdf.css(string=_stylesheet_text())], pdf_variant="pdf/ua-1"
    )
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)


def stored_pdf(*, reporting_year: ReportingYear, version: str) -> ReportPDF | None:
    return (
        ReportPDF.objects.filter(reporting_year=reporting_year, data_version=version, state=ReportPDF.State.READY)
        .only("pk", "data_version", "pages", "rendered_at", "state")
        .first()
    )


def _store(*, pdf: ReportPDF, content: bytes, pages: int) -> ReportPDF:
    pdf.content = content
    pdf.pages = pages
    pdf.state = ReportPDF.State.READY
    pdf.rendered_at = timezone.now()
    pdf.error = ""
    pdf.save()
    # Older versions are never served again; renderings still under way finish on their own.
    ReportPDF.objects.filter(
        reporting_year=pdf.reporting_year_id, state__in=[ReportPDF.State.READY, ReportPDF.State.FAILED]
    ).exclude(pk=pdf.pk).delete()
    return pdf


def current_pdf_bytes(*, reporting_year: ReportingYear) -> bytes:
    """The PDF of the current data: the stored one, or rendered now (and stored) when there is none."""
    version = data_version(reporting_year=reporting_year)
    stored = (
        ReportPDF.objects.filter(reporting_year=reporting_year, data_version=version, state=ReportPDF.State.READY)
        .values_list("content", flat=True)
        .first()
    )
    if stored is not None:
        return bytes(stored)
    body = report_body_html(reporting_year=reporting_year, version=version)
    content, pages = render_pdf(html=report_pdf_html(reporting_year=reporting_year, body=body))
    pdf, _ = ReportPDF.objects.get_or_create(reporting_year=reporting_year, data_version=version)
    _store(pdf=pdf, content=content, pages=pages)
    return content


def pdf_status(*, reporting_year: ReportingYear, version: str) -> dict:
    """Whether the stored PDF matches the current data, and how a requested rendering is going: 1 query."""
    latest = (
        ReportPDF.objects.filter(reporting_year=reporting_year)
        .only("pk", "data_version", "state", "pages", "rendered_at", "requested_at", "error")
        .first()
    )
    current = latest if latest and latest.data_version == version else None
    steps = {ReportPDF.State.QUEUED: 1, ReportPDF.State.RENDERING: 2, ReportPDF.State.READY: 3}
    return {
        "version": version,
        "pdf": current,
        "state": current.state if current else "missing",
        "state_label": current.get_state_display() if current else "Not prepared for the current data",
        "step": steps.get(current.state, 0) if current else 0,
        "steps": 3,
        "ready": bool(current and current.state == ReportPDF.State.READY),
        "busy": bool(current and current.state in (ReportPDF.State.QUEUED, ReportPDF.State.RENDERING)),
        "failed": bool(current and current.state == ReportPDF.State.FAILED),
        "pages": current.pages if current else None,
    }


def request_fresh_pdf(*, reporting_year: ReportingYear, user) -> ReportPDF:
    """Queue a rendering of the current data, unless it is stored or already under way."""
    from .tasks import render_report_pdf

    version = data_version(reporting_year=reporting_year)
    with transaction.atomic():
        pdf, created = ReportPDF.objects.select_for_update().get_or_create(
            reporting_year=reporting_year, data_version=version, defaults={"requested_by": user}
        )
        if not created and pdf.state != ReportPDF.State.FAILED:
            return pdf
        pdf.state = ReportPDF.State.QUEUED
        pdf.requested_by = user
        pdf.error = ""
        pdf.save()
    render_report_pdf.enqueue(pdf_id=pdf.pk)
    pdf.refresh_from_db()
    return pdf


def run_pdf_rendering(*, pdf_id: int) -> None:
    """The background task's work: lay out the PDF the row asks for and store it."""
    pdf = ReportPDF.objects.select_related("reporting_year").get(pk=pdf_id)
    pdf.state = ReportPDF.State.RENDERING
    pdf.save(update_fields=["state"])
    try:
        version = data_version(reporting_year=pdf.reporting_year)
        body = report_body_html(reporting_year=pdf.reporting_year, version=version)
        content, pages = render_pdf(html=report_pdf_html(reporting_year=pdf.reporting_year, body=body))
    except Exception as error:
        pdf.state = ReportPDF.State.FAILED
        pdf.error = str(error)[:2000]
        pdf.save(update_fields=["state", "error"])
        raise
    if version != pdf.data_version:
        # The data changed while it waited: store under the version actually rendered.
        ReportPDF.objects.filter(reporting_year=pdf.reporting_year, data_version=version).exclude(pk=pdf.pk).delete()
        pdf.data_version = version
    _store(pdf=pdf, content=content, pages=pages)


# ---------------------------------------------------------------------------
# Agency submissions: entry and review.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SubmissionFigures:
    total_identified: int
    traffickers_identified: int
    convictions_vacated: int
    definition_used: str
    counts: dict[int, int]  # category id -> people


def breakdown_differences(*, total: int, counts: dict[int, int], categories: dict[str, list]) -> dict[str, int]:
    """For each breakdown that does not add up to the total: its sum minus the total."""
    differences = {}
    for dimension, members in categories.items():
        asked = [c for c in members if c.is_active]
        if not asked:
            continue
        difference = sum(counts.get(c.pk, 0) for c in asked) - total
        if difference:
            differences[dimension] = difference
    return differences


def submission_for(*, reporting_year: ReportingYear, organization: Organization) -> AgencySubmission:
    submission, _ = AgencySubmission.objects.get_or_create(reporting_year=reporting_year, organization=organization)
    return submission


def save_submission(
    *, submission: AgencySubmission, figures: SubmissionFigures, user, submit: bool, loaded_version: str = ""
) -> AgencySubmission:
    """Save an agency's figures as a draft, or submit them; refuses locked or concurrently changed ones."""
    with transaction.atomic():
        locked = AgencySubmission.objects.select_for_update().select_related("reporting_year").get(pk=submission.pk)
        if not locked.is_editable_by_agency:
            raise ValidationError("These figures can no longer be changed.", code="locked")
        if loaded_version and loaded_version != version_of(submission=locked):
            raise ValidationError(
                "Someone else saved these figures while you were editing. Reload the page to see them.",
                code="conflict",
            )
        categories = active_categories()
        if differences := breakdown_differences(
            total=figures.total_identified, counts=figures.counts, categories=categories
        ):
            raise ValidationError(f"Breakdowns do not add up: {sorted(differences)}", code="breakdown")
        locked.total_identified = figures.total_identified
        locked.traffickers_identified = figures.traffickers_identified
        locked.convictions_vacated = figures.convictions_vacated
        locked.definition_used = figures.definition_used
        if submit:
            locked.state = AgencySubmission.State.SUBMITTED
            locked.submitted_by = user
            locked.submitted_at = timezone.now()
        locked.save()
        existing = {count.category_id: count for count in locked.counts.all()}
        for category_id, value in figures.counts.items():
            count = existing.get(category_id)
            if count is None:
                SubmissionCount.objects.create(submission=locked, category_id=category_id, value=value)
            elif count.value != value:
                count.value = value
                count.save()
    return locked


def version_of(*, submission: AgencySubmission) -> str:
    return submission.updated_at.isoformat() if submission.updated_at else ""


def review_submission(
    *, submission: AgencySubmission, user, decision: str, reason: str, counts_toward_totals: bool, totals_note: str
) -> AgencySubmission:
    """Staff accept or return a submitted agency's figures and decide whether they count toward totals."""
    with transaction.atomic():
        locked = AgencySubmission.objects.select_for_update().select_related("reporting_year").get(pk=submission.pk)
        if locked.reporting_year.is_published:
            raise ValidationError("This year is published; its figures are locked.", code="locked")
        if locked.state not in (AgencySubmission.State.SUBMITTED, AgencySubmission.State.ACCEPTED):
            raise ValidationError("Only submitted figures can be reviewed.", code="state")
        locked.counts_toward_totals = counts_toward_totals
        locked.totals_note = totals_note
        if decision == "accept":
            locked.state = AgencySubmission.State.ACCEPTED
            locked.accepted_by = user
            locked.accepted_at = timezone.now()
            locked.return_reason = ""
        else:
            locked.state = AgencySubmission.State.RETURNED
            locked.return_reason = reason
            locked.accepted_by = None
            locked.accepted_at = None
        locked.save()
    return locked


def review_rows(*, reporting_year: ReportingYear) -> list[dict]:
    """Every member organization with its submission's state for the year: 2 queries.

    Plain values, not model instances, each row with its cells ready to print (state, submitted,
    in totals, link), so hundreds of organizations cost little.
    """
    from django.utils.formats import date_format

    organizations = Organization.objects.filter(status=Organization.Status.MEMBER).values_list("pk", "name")
    submissions = {
        row["organization_id"]: row
        for row in AgencySubmission.objects.filter(reporting_year=reporting_year).values(
            "pk",
            "organization_id",
            "state",
            "submitted_at",
            "counts_toward_totals",
            "submitted_by__username",
            "submitted_by__first_name",
            "submitted_by__last_name",
        )
    }
    states = dict(AgencySubmission.State.choices)
    overdue = timezone.localdate() > reporting_year.due_on
    # One reverse() for the year; each row only appends its submission's id.
    link_prefix = reverse("reports:submission", args=[reporting_year.year, 0]).removesuffix("0/")
    rows = []
    for organization_id, name in organizations:
        submission = submissions.get(organization_id)
        state = submission["state"] if submission else ""
        waiting = submission is None or state in (AgencySubmission.State.DRAFT, AgencySubmission.State.RETURNED)
        submitted = "–"
        if submission and submission["submitted_at"]:
            submitted = date_format(timezone.localtime(submission["submitted_at"]), "M j, Y")
            if submission["submitted_by__username"]:
                full_name = f"{submission['submitted_by__first_name']} {submission['submitted_by__last_name']}".strip()
                submitted += f" by {full_name or submission['submitted_by__username']}"
        label = states[state] if submission else "Not started"
        rows.append(
            {
                "organization_id": organization_id,
                "name": name,
                "submission_id": submission["pk"] if submission else None,
                "state": label,
                "state_lower": label.lower(),
                "state_class": state or "none",
                "waiting": waiting,
                "overdue": waiting and overdue,
                "submitted": submitted,
                "in_totals": ("Yes" if submission["counts_toward_totals"] else "No") if submission else "–",
                "url": f"{link_prefix}{submission['pk']}/"
                if submission and state != AgencySubmission.State.DRAFT
                else "",
                "link_text": "Review" if state == AgencySubmission.State.SUBMITTED else "Open",
            }
        )
    return rows


def review_table_html(*, rows: Sequence[dict]) -> dict[str, str]:
    """The review table's body rows and the list of who has not submitted, as escaped HTML.

    Built here rather than in a template loop: with hundreds of member organizations the
    template engine's per-cell cost (and format_html's) was most of the page's time.
    Every value goes through html.escape.
    """
    overdue = ' <span class="badge text-bg-danger">overdue</span>'
    table = []
    waiting = []
    for row in rows:
        name = html_escape(row["name"])
        link = (
            f'<a href="{html_escape(row["url"])}">{row["link_text"]}<span class="visually-hidden"> {name}</span></a>'
            if row["url"]
            else ""
        )
        table.append(
            f'<tr><th scope="row">{name}</th><td><span class="state state-{html_escape(row["state_class"])}">'
            f"{html_escape(row['state'])}</span>{overdue if row['overdue'] else ''}</td>"
            f"<td>{html_escape(row['submitted'])}</td><td>{row['in_totals']}</td><td>{link}</td></tr>"
        )
        if row["waiting"]:
            waiting.append(f"<li>{name} ({html_escape(row['state_lower'])})</li>")
    return {"table": mark_safe("\n".join(table)), "waiting": mark_safe("".join(waiting))}  # noqa: S308 - escaped above


def publish_year(*, reporting_year: ReportingYear, state: str, public: bool) -> ReportingYear:
    reporting_year.state = state
    reporting_year.public_after_publish = public
    if state == ReportingYear.State.PUBLISHED and not reporting_year.published_at:
        reporting_year.published_at = timezone.now()
    if state != ReportingYear.State.PUBLISHED:
        reporting_year.published_at = None
    reporting_year.save()
    return reporting_year


# ---------------------------------------------------------------------------
# Case summaries: a scan for what may identify someone, before staff clear them.
# ---------------------------------------------------------------------------

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
SCAN_PATTERNS = [
    ("email", "an email address", re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")),
    ("phone", "a phone number", re.compile(r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b")),
    (
        "date",
        "a date of birth",
        re.compile(r"\b(?:DOB|D\.O\.B\.|date of birth|born (?:on|in)?)\b[:\s]*[\w ,/.-]{0,20}", re.IGNORECASE),
    ),
    (
        "date",
        "an exact date",
        re.compile(
            rf"\b(?:(?:{MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|\d{{1,2}} (?:{MONTHS}) \d{{4}}"
            r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})\b"
        ),
    ),
    (
        "age",
        "an age",
        re.compile(
            r"\b(?:\d{1,2}[- ]years?[- ]old|aged? \d{1,2}|\d{1,2}[- ]year[- ]old|age of \d{1,2}|\d{1,2} ?y/?o)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "address",
        "a street address",
        re.compile(
            r"\b\d{1,5}(?: [A-Z0-9][\w.]*){1,4} (?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Lane|Ln|Drive|Dr|"
            r"Way|Place|Pl|Court|Ct|Terrace|Alley|Highway|Hwy)\b\.?"
        ),
    ),
    (
        "name",
        "a personal name",
        re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Miss|Officer|Detective|Sgt|Captain)\.? [A-Z][a-z]+(?: [A-Z][a-z]+)?"),
    ),
]
# Capitalised pairs that are places or institutions, not people.
NOT_NAMES = {
    "San",
    "Francisco",
    "Bay",
    "Area",
    "Task",
    "Force",
    "Department",
    "City",
    "County",
    "District",
    "Attorney",
    "Police",
    "Court",
    "Superior",
    "Juvenile",
    "Probation",
    "Public",
    "Health",
    "Family",
    "Children",
    "Services",
    "Legal",
    "Aid",
    "Society",
    "Human",
    "Trafficking",
    "United",
    "States",
    "California",
    "Mayor",
    "The",
    "A",
    "An",
    "In",
    "On",
    "After",
    "Before",
    "During",
    "She",
    "He",
    "They",
    "Her",
    "His",
    "Their",
    "When",
    "With",
    "Through",
    "Our",
    "This",
    "That",
    "Youth",
    "Programs",
}
CAPITALISED_PAIR = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{1,})\s([A-Z][a-z]{1,})\b", re.MULTILINE)


def scan_case_summary(*, text: str, known_names: Iterable[str] = ()) -> list[dict]:
    """What in a case summary looks like it could identify someone; staff clear it before it is shown."""
    flags = []
    seen = set()

    def flag(kind: str, label: str, found: str):
        key = (kind, found.strip().lower())
        if key not in seen:
            seen.add(key)
            flags.append({"kind": kind, "label": label, "text": found.strip()})

    for kind, label, pattern in SCAN_PATTERNS:
        for match in pattern.finditer(text):
            flag(kind, label, match.group(0))
    for name in known_names:
        name = name.strip()
        if len(name) >= 3 and re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE):
            flag("name", "the name of someone in the registry", name)
    for match in CAPITALISED_PAIR.finditer(text):
        first, second = match.groups()
        if first not in NOT_NAMES and second not in NOT_NAMES:
            flag("name", "what looks like a personal name", match.group(0))
    return flags


def registry_names() -> list[str]:
    """Full and family names of everyone in the registry: 1 query."""
    names = set()
    for given, family in Person.objects.values_list("given_name", "family_name"):
        names.add(f"{given} {family}".strip())
        if len(family) >= 4:
            names.add(family)
    return sorted(names)


def rescan_narrative(*, narrative: Narrative, text_changed: bool) -> Narrative:
    """Scan a case summary; a changed text must be cleared again."""
    if narrative.kind == Narrative.Kind.CASE_SUMMARY:
        narrative.scan_flags = scan_case_summary(
            text=f"{narrative.title}\n{narrative.text}", known_names=registry_names()
        )
        if text_changed:
            narrative.cleared_at = None
            narrative.cleared_by = None
    else:
        narrative.scan_flags = []
    return narrative


def clear_case_summaries(*, narratives: Iterable[Narrative], user) -> int:
    cleared = 0
    for narrative in narratives:
        if narrative.kind == Narrative.Kind.CASE_SUMMARY and narrative.cleared_at is None:
            narrative.cleared_at = timezone.now()
            narrative.cleared_by = user
            narrative.save(update_fields=["cleared_at", "cleared_by", "updated_at"])
            cleared += 1
    return cleared


def highlight_findings(*, text: str, flags: Sequence[dict]) -> str:
    """The text, HTML-escaped, with each scan finding wrapped in <mark> for the staff who clear it."""
    html = escape(text)
    for found in sorted({flag["text"] for flag in flags}, key=len, reverse=True):
        pattern = re.compile(re.escape(escape(found)), re.IGNORECASE)
        html = pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", html)
    return mark_safe(html)  # noqa: S308 - built from escaped text


def save_case_summary(*, narrative: Narrative) -> Narrative:
    """Scan and save a case summary written by staff; any change must be cleared again."""
    text_changed = True
    if narrative.pk:
        old = Narrative.objects.filter(pk=narrative.pk).values_list("title", "text").first()
        text_changed = old != (narrative.title, narrative.text)
    narrative.kind = Narrative.Kind.CASE_SUMMARY
    rescan_narrative(narrative=narrative, text_changed=text_changed)
    narrative.save()
    return narrative


def set_case_summary_cleared(*, narrative: Narrative, user, cleared: bool) -> Narrative:
    narrative.cleared_by = user if cleared else None
    narrative.cleared_at = timezone.now() if cleared else None
    narrative.save(update_fields=["cleared_by", "cleared_at", "updated_at"])
    return narrative
