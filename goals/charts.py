"""The geometry of the goals' SVG charts; templates/goals/_metric_chart.svg and _timeline.svg draw them
the same in the browser and in WeasyPrint (no client script)."""

import datetime
import math
from collections import OrderedDict
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

# A calm palette with enough contrast on white; dashes tell lines apart without colour.
COLOURS = ["#23415c", "#a34700", "#1d6b6b", "#8a1c1c", "#5b3f8c", "#4d6b1d", "#7a4f00", "#36454f"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3", "8 3 2 3"]
INK = "#1f2d3a"
GRID = "#d5dbe1"


def format_number(value) -> str:
    """1234 -> "1,234"; 12.5 -> "12.5"."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _nice_scale(value: float) -> tuple[float, int]:
    """(ceiling, number of steps): round steps of 1, 2 or 5 times a power of ten, four steps at most."""
    if value <= 0:
        return 1.0, 4
    raw = value / 4
    exponent = math.floor(math.log10(raw))
    step = next(m * 10**exponent for m in (1, 2, 5, 10) if m * 10**exponent >= raw)
    steps = max(1, math.ceil(value / step))
    return step * steps, steps


def _series(metric, measurements):
    """Lines to draw: label -> [(period end, period name, value)], in time order."""
    groups = OrderedDict()
    total_label = gettext("Total")  # the sum of the groups, or a figure recorded for no group
    has_breakdown = any(m.breakdown for m in measurements)
    if has_breakdown and all(m.breakdown for m in measurements):
        # The target is for the whole, so the whole is drawn too: the sum of the groups.
        totals = OrderedDict()
        for m in sorted(measurements, key=lambda m: m.period_end):
            name, total = totals.get(m.period_end, (m.period_name, Decimal(0)))
            totals[m.period_end] = (name, total + Decimal(m.value))
        groups[total_label] = [(end, name, total) for end, (name, total) in totals.items()]
    for m in sorted(measurements, key=lambda m: (m.breakdown != "", m.breakdown, m.period_end)):
        label = m.breakdown or (total_label if has_breakdown else metric.unit or metric.name)
        groups.setdefault(label, []).append((m.period_end, m.period_name, Decimal(m.value)))
    return groups


def metric_chart(metric, measurements, *, width: int = 720, height: int = 320) -> dict:
    """What the SVG line chart of a metric's measurements shows, for templates/goals/_metric_chart.svg.

    One line per breakdown group (or one line when the figures are not split), the target as a
    dashed line. The template's markup is self-contained (no CSS, no script) so WeasyPrint renders it.
    """
    measurements = list(measurements)
    groups = _series(metric, measurements)
    legend_rows = math.ceil(len(groups) / 3) if len(groups) > 1 else 0
    left, right, top = 64, 24, 20
    total_height = height + 20 * legend_rows
    plot_w, plot_h = width - left - right, height - top - 44
    chart = {
        "metric": metric,
        "id": f"metric-{metric.pk}-chart",
        "width": width,
        "height": total_height,
        "colours": {"ink": INK, "grid": GRID},
    }
    if not measurements:
        return {**chart, "empty": True, "middle_x": width / 2, "middle_y": total_height / 2}

    values = [value for points in groups.values() for _, _, value in points]
    ceiling, steps = _nice_scale(float(max([*values, metric.target or 0, metric.baseline or 0])) * 1.05)
    days = sorted({end for points in groups.values() for end, _, _ in points})
    first, last = days[0], days[-1]
    span = (last - first).days

    def x_of(day: datetime.date) -> float:
        if span == 0:
            return round(left + plot_w / 2, 1)
        return round(left + 12 + (plot_w - 24) * (day - first).days / span, 1)

    def y_of(value) -> float:
        return round(top + plot_h - plot_h * float(value) / ceiling, 1)

    names = {}
    for points in groups.values():
        for end, name, _ in points:
            names.setdefault(end, name)
    every = max(1, math.ceil(len(days) / max(1, plot_w // 90)))
    series = []
    for index, (label, points) in enumerate(groups.items()):
        colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
        end, latest_name, latest = points[-1]
        series.append(
            {
                "label": label,
                "colour": colour,
                "dash": dash,
                "coords": " ".join(f"{x_of(end)},{y_of(value)}" for end, _, value in points),
                "is_line": len(points) > 1,
                "points": [
                    {"x": x_of(end), "y": y_of(value), "name": name, "value": format_number(value)}
                    for end, name, value in points
                ],
                "latest": {"x": x_of(end), "y": round(y_of(latest) - 10, 1), "name": latest_name},
                "latest_value": format_number(latest),
                "legend_x": round(left + plot_w / 3 * (index % 3), 1),
                "legend_x2": round(left + plot_w / 3 * (index % 3) + 24, 1),
                "legend_text_x": round(left + plot_w / 3 * (index % 3) + 30, 1),
                "legend_y": height + 4 + 20 * (index // 3),
                "short_label": label[:32],
            }
        )
    return {
        **chart,
        "left": left,
        "top": top,
        "right_edge": left + plot_w,
        "bottom": top + plot_h,
        "grid": [
            {
                "y": y_of(ceiling * step / steps),
                "label_y": round(y_of(ceiling * step / steps) + 4, 1),
                "label": format_number(round(ceiling * step / steps, 2)),
            }
            for step in range(steps + 1)
        ],
        "ticks": [
            {"x": x_of(day), "label": names[day] if index % every == 0 or index == len(days) - 1 else ""}
            for index, day in enumerate(days)
        ],
        "target_y": y_of(metric.target) if metric.target is not None else None,
        "target_label_y": round(y_of(metric.target) - 6, 1) if metric.target is not None else None,
        "target": format_number(metric.target),
        "series": series,
        "has_legend": len(groups) > 1,
    }


def metric_chart_svg(metric, measurements, **size) -> str:
    """The metric's chart drawn by its template (for pages and the annual report)."""
    return render_to_string("goals/_metric_chart.svg", {"chart": metric_chart(metric, measurements, **size)})


STATUS_FILL = {
    "not_started": "#e9ecef",
    "on_track": "#cfe3e3",
    "at_risk": "#f6dcb4",
    "done": "#d3e4cd",
    "dropped": "#f1f3f5",
}
STATUS_BAR = {
    "not_started": "#6c757d",
    "on_track": "#1d6b6b",
    "at_risk": "#a34700",
    "done": "#3d5a1a",
    "dropped": "#adb5bd",
}


def _month_starts(first: datetime.date, last: datetime.date):
    day = first.replace(day=1)
    while day <= last:
        yield day
        day = datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def work_plan_timeline(work_plan, items, *, today=None, width: int = 960) -> dict:
    """What the Gantt-style timeline of a work plan shows, for templates/goals/_timeline.svg: one bar
    per item, filled as far as it is done; overdue items outlined in red; a line marks today."""
    items = list(items)
    today = today or timezone.localdate()
    label_w, right, top, row_h = 260, 16, 34, 30
    height = top + row_h * max(1, len(items)) + 12
    plot_w = width - label_w - right
    first = min([work_plan.starts_on, *(item.start_on for item in items)])
    last = max([work_plan.ends_on, *(item.due_on for item in items)])
    span = max(1, (last - first).days)

    def x_of(day: datetime.date) -> float:
        return round(label_w + plot_w * (day - first).days / span, 1)

    months = list(_month_starts(first, last))
    every = max(1, math.ceil(len(months) / max(1, plot_w // 70)))
    rows = []
    for row, item in enumerate(items):
        y = top + row * row_h
        overdue = item.is_overdue(today)
        x1, x2 = x_of(item.start_on), x_of(item.due_on)
        bar_w = round(max(4.0, x2 - x1), 1)
        text_x, anchor = round(x1 + bar_w + 6, 1), "start"
        if text_x > width - 60:
            text_x, anchor = round(x1 - 6, 1), "end"
        rows.append(
            {
                "item": item,
                "label": item.title if len(item.title) <= 38 else item.title[:37] + "…",
                "overdue": overdue,
                "text_y": y + 19,
                "bar_y": y + 6,
                "bar_h": row_h - 12,
                "x": x1,
                "width": bar_w,
                "fill": STATUS_FILL[item.status],
                "stroke": STATUS_BAR[item.status],
                "done_y": y + 12,
                "done_h": row_h - 24,
                "done_width": round(bar_w * item.percent_done / 100, 1),
                "note_x": text_x,
                "note_anchor": anchor,
            }
        )
    return {
        "id": f"work-plan-{work_plan.pk}-timeline",
        "plan": work_plan,
        "first": first,
        "last": last,
        "width": width,
        "height": height,
        "top": top,
        "colours": {"ink": INK, "grid": GRID},
        "months": [
            {"x": x_of(month), "label_x": round(x_of(month) + 3, 1), "month": month, "labelled": index % every == 0}
            for index, month in enumerate(months)
            if month >= first
        ],
        "rows": rows,
        "today_x": x_of(today) if first <= today <= last else None,
        "today_label_x": round(x_of(today) + 3, 1),
        "month_line_top": top - 6,
        "month_label_y": top - 12,
        "line_bottom": height - 8,
        "today_label_y": height - 1,
    }


def work_plan_timeline_svg(work_plan, items, *, today=None, width: int = 960) -> str:
    """The work plan's timeline drawn by its template."""
    chart = work_plan_timeline(work_plan, items, today=today, width=width)
    return render_to_string("goals/_timeline.svg", {"chart": chart})
