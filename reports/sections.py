"""The annual report's content: the year's figures, its tables and chart data, each section and the CSV.

Every table goes through ``suppress_counts``. Each section returns a plain context dict naming the
partial template that draws it; the year in review and the goals come from the meetings and goals apps.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Sum
from django.utils.translation import gettext, gettext_lazy

from goals.charts import metric_chart_svg
from goals.services import goals_overview, strategic_plan
from meetings.services import year_in_review
from members.models import MOU, Committee, CommitteeRole, Organization
from taskforce import spreadsheets

from .models import AgencySubmission, BreakdownCategory, Narrative, ReportingYear
from .suppression import SuppressedTable, suppress_counts
from .unduplicated import report_section as unduplicated_section

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
    ("total_identified", gettext_lazy("People identified as trafficked")),
    ("traffickers_identified", gettext_lazy("Traffickers identified")),
    ("convictions_vacated", gettext_lazy("Convictions vacated or expunged")),
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
            (category.text(), sums[category.pk]) for category in members if category.is_active or sums[category.pk]
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
    """Per-agency figures: each column suppressed over the agencies counted toward the totals. A row's cells are
    (column heading, cell): on a phone each figure is shown under its heading."""
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
        {"agency": s.organization.name, "cells": [(label, columns[name].cells[i]) for name, label in TOTAL_FIELDS]}
        for i, s in enumerate(figures.counted)
    ]
    excluded_rows = [
        {
            "agency": s.organization.name,
            "note": s.totals_note,
            "cells": [(label, left_out[name].cells[i]) for name, label in TOTAL_FIELDS],
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
                title=gettext("People identified, by agency"), cells=identified.cells, total=identified.total, k=k
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
        "heading": gettext("Human Trafficking in San Francisco: %(year)s Report") % {"year": reporting_year.year}
        if "San Francisco" in settings.TASK_FORCE_NAME
        else gettext("Annual Report on Human Trafficking, %(year)s") % {"year": reporting_year.year},
        "template": "reports/sections/_cover.html",
        "in_contents": False,
        "task_force_name": settings.TASK_FORCE_NAME,
        "published_at": reporting_year.published_at,
        "is_draft": not reporting_year.is_published,
    }


def contents_section(*, sections: Sequence[dict]) -> dict:
    return {
        "id": "contents",
        "heading": gettext("Contents"),
        "template": "reports/sections/_contents.html",
        "in_contents": False,
        "entries": [{"id": s["id"], "heading": s["heading"]} for s in sections if s.get("in_contents", True)],
    }


def year_narratives(*, reporting_year: ReportingYear) -> dict[str, list[Narrative]]:
    """The year's texts by kind, in their order: 1 query. Case summaries only once staff cleared them."""
    grouped: dict[str, list[Narrative]] = {kind: [] for kind in Narrative.Kind.values}
    for narrative in reporting_year.narratives.exclude(
        kind=Narrative.Kind.CASE_SUMMARY, cleared_at__isnull=True
    ).select_related("organization"):
        grouped[narrative.kind].append(narrative)
    return grouped


def executive_summary_section(
    *, reporting_year: ReportingYear, narratives: dict[str, list[Narrative]], data: dict, review: dict
) -> dict:
    """The year's headline figures, from the same suppressed rows as the data section, then staff's own text."""
    totals = {row["key"]: row for row in data["totals"]}
    return {
        "id": "executive-summary",
        "heading": gettext("Executive summary"),
        "template": "reports/sections/_executive_summary.html",
        "year": reporting_year.year,
        "previous_year": data["previous_year"],
        "identified": totals["total_identified"],
        "traffickers": totals["traffickers_identified"],
        "vacated": totals["convictions_vacated"],
        "agency_count": data["agency_count"],
        "excluded_count": data["excluded_count"],
        "meetings": review["meetings"],
        "narratives": narratives[Narrative.Kind.EXECUTIVE_SUMMARY],
        "is_draft": not reporting_year.is_published,
    }


def about_section(*, reporting_year: ReportingYear) -> dict:
    chairs = CommitteeRole.objects.current().filter(role__in=CommitteeRole.CHAIR_ROLES).select_related("person")
    committees = Committee.objects.filter(is_active=True).prefetch_related(
        Prefetch("roles", queryset=chairs.order_by("role", "person__family_name"), to_attr="chairs")
    )
    signed = MOU.objects.filter(organization=OuterRef("pk"), status=MOU.Status.SIGNED)
    organizations = list(
        Organization.objects.filter(status=Organization.Status.MEMBER)
        .annotate(signed_mou=Exists(signed))
        .values("name", "acronym", "signed_mou")
    )
    plan = strategic_plan()
    return {
        "id": "about",
        "heading": gettext("About the task force"),
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


def year_in_review_section(*, reporting_year: ReportingYear, review: dict) -> dict:
    """Meetings held and attendance over the year (``review`` from meetings.services.year_in_review)."""
    return {
        "id": "year-in-review",
        "heading": gettext("The year in review: %(year)s") % {"year": reporting_year.year},
        "template": "reports/sections/_year_in_review.html",
        **review,
    }


def metric_entry(*, metric, year: int, k: int) -> dict:
    """One success metric as a year's report shows it: that year's figure, or the latest earlier one with its year.

    Measurements of later years are left out. A metric counting people whose figures include a count from
    1 to k-1 gets no chart, since the chart would show it, and a figure shown as "fewer than k" gets no
    verdict on its target, which could narrow it down.
    """
    measurements = metric.measurements_through(year)
    values = [m.value for m in measurements]
    has_small = metric.publish(k, measurements)  # a small figure, or a group the total would give away
    figure = metric.year_figure(year)

    def shown(value):  # Metric.shown_figure: the rule of reports.suppression, as on the metric's own page
        return metric.shown_figure(value, k)

    return {
        "metric": metric,
        "figure": shown(figure["value"]) if figure else "",
        "figure_label": figure["label"] if figure else "",
        "figure_year": figure["year"] if figure else None,
        "is_current": bool(figure and figure["is_current"]),
        "year": year,
        "baseline": shown(metric.baseline),
        "target": shown(metric.target),
        "met": metric.shown_verdict(figure["value"], k) if figure else None,
        "chart": metric_chart_svg(metric, measurements) if values and not has_small else "",
        "chart_withheld": has_small,
        "counts_people": metric.counts_people,
        "is_sample": metric.is_sample,
    }


def goals_section(*, reporting_year: ReportingYear) -> dict:
    """The strategic goals, their objectives and progress, and each success metric as of the report's year."""
    k = reporting_year.k
    entries = []
    for goal in goals_overview():
        metrics = [
            metric_entry(metric=metric, year=reporting_year.year, k=k)
            for objective in goal.objective_list
            for metric in objective.metric_list
        ]
        entries.append({"goal": goal, "objectives": goal.objective_list, "metrics": metrics})
    return {
        "id": "goals",
        "heading": gettext("Goals and success metrics"),
        "template": "reports/sections/_goals.html",
        "goals": entries,
        "k": k,
        "year": reporting_year.year,
    }


def data_section(*, reporting_year: ReportingYear, figures: YearFigures) -> dict:
    return {
        "id": "data",
        "heading": gettext("The data: human trafficking in %(year)s") % {"year": reporting_year.year},
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
        "heading": gettext("Expungements and vacated convictions"),
        "template": "reports/sections/_expungements.html",
        "row": totals["convictions_vacated"],
        "previous_year": data["previous_year"],
        "table": column,
        "rows": [cell for cell in column.cells if cell.shown != 0],
    }


def recommendations_section(*, reporting_year: ReportingYear, narratives: dict[str, list[Narrative]]) -> dict:
    return {
        "id": "recommendations",
        "heading": gettext("Recommendations"),
        "template": "reports/sections/_recommendations.html",
        "introduction": narratives[Narrative.Kind.RECOMMENDATION],
        "recommendations": list(reporting_year.recommendations.all()),
    }


def successes_section(*, narratives: dict[str, list[Narrative]]) -> dict:
    return {
        "id": "successes",
        "heading": gettext("Successes of the year"),
        "template": "reports/sections/_narratives.html",
        "narratives": narratives[Narrative.Kind.SUCCESS],
        "empty": gettext("No successes have been written up for this year yet."),
    }


def case_summaries_section(*, narratives: dict[str, list[Narrative]]) -> dict:
    return {
        "id": "case-summaries",
        "heading": gettext("Case summaries"),
        "template": "reports/sections/_case_summaries.html",
        "narratives": narratives[Narrative.Kind.CASE_SUMMARY],
    }


def methodology_section(
    *, reporting_year: ReportingYear, figures: YearFigures, narratives: dict[str, list[Narrative]]
) -> dict:
    definitions = [
        {"agency": s.organization.name, "definition": s.definition_used}
        for s in figures.counted + figures.excluded
        if s.definition_used
    ]
    return {
        "id": "methodology",
        "heading": gettext("Methodology"),
        "template": "reports/sections/_methodology.html",
        "k": reporting_year.k,
        "definition": reporting_year.definition,
        "agencies": [s.organization.name for s in figures.counted],
        "excluded": [{"agency": s.organization.name, "note": s.totals_note} for s in figures.excluded],
        "definitions": definitions,
        "agency_notes": narratives[Narrative.Kind.AGENCY_NOTE],
        "categories": [
            {"dimension": label, "names": [c.text() for c in figures.categories[dimension] if c.is_active]}
            for dimension, label in BreakdownCategory.Dimension.choices
        ],
    }


def report_sections(*, reporting_year: ReportingYear) -> list[dict]:
    """Every section of the report, in order, each a context dict naming its partial template."""
    figures = year_figures(reporting_year=reporting_year)
    narratives = year_narratives(reporting_year=reporting_year)
    data = data_section(reporting_year=reporting_year, figures=figures)
    review = year_in_review(year=reporting_year.year)
    unduplicated = unduplicated_section(reporting_year=reporting_year)  # issue 17; None when the year has none
    body = [
        executive_summary_section(reporting_year=reporting_year, narratives=narratives, data=data, review=review),
        about_section(reporting_year=reporting_year),
        year_in_review_section(reporting_year=reporting_year, review=review),
        goals_section(reporting_year=reporting_year),
        data,
        *([unduplicated] if unduplicated else []),
        expungements_section(reporting_year=reporting_year, figures=figures, data=data),
        recommendations_section(reporting_year=reporting_year, narratives=narratives),
        successes_section(narratives=narratives),
        case_summaries_section(narratives=narratives),
        methodology_section(reporting_year=reporting_year, figures=figures, narratives=narratives)
        | {"unduplicated": unduplicated},
    ]
    return [cover_section(reporting_year=reporting_year), contents_section(sections=body), *body]


def report_title(*, reporting_year: ReportingYear) -> str:
    return gettext("Annual Report on Human Trafficking %(year)s") % {"year": reporting_year.year}


# ---------------------------------------------------------------------------
# CSV: every published table, suppressed by the same function.
# ---------------------------------------------------------------------------


def report_csv(*, reporting_year: ReportingYear) -> str:
    figures = year_figures(reporting_year=reporting_year)
    data = data_section(reporting_year=reporting_year, figures=figures)
    out = io.StringIO()
    writer = spreadsheets.writer(out)
    writer.writerow(["year", "table", "row", "count", "percent"])
    year = reporting_year.year
    totals = gettext("Totals")
    total = gettext("Total")
    for row in data["totals"]:
        writer.writerow([year, totals, row["label"], row["current"].display, ""])
        if row["previous"] is not None:
            writer.writerow([year - 1, totals, row["label"], row["previous"].display, ""])
    for breakdown in data["breakdowns"]:
        table = breakdown["table"]
        for cell in table.cells:
            writer.writerow([year, table.title, cell.label, cell.display, cell.percent])
        writer.writerow([year, table.title, total, table.total.display, ""])
    agencies = data["agencies"]
    for name, label in TOTAL_FIELDS:
        column = agencies["columns"][name]
        by_agency = gettext("%(table)s, by agency") % {"table": label}
        left_out = gettext("%(table)s, agencies left out of the totals") % {"table": label}
        for cell in column.cells:
            writer.writerow([year, by_agency, cell.label, cell.display, cell.percent])
        writer.writerow([year, by_agency, total, column.total.display, ""])
        for cell in agencies["left_out"][name].cells:
            writer.writerow([year, left_out, cell.label, cell.display, ""])
    return out.getvalue()
