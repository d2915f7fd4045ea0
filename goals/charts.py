"""Hand-made SVG charts that render the same in the browser and in WeasyPrint (no client script)."""

import datetime
import math
from collections import OrderedDict
from decimal import Decimal

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
    has_breakdown = any(m.breakdown for m in measurements)
    if has_breakdown and all(m.breakdown for m in measurements):
        # The target is for the whole, so the whole is drawn too: the sum of the groups.
        totals = OrderedDict()
        for m in sorted(measurements, key=lambda m: m.period_end):
            name, total = totals.get(m.period_end, (m.period_name, Decimal(0)))
            totals[m.period_end] = (name, total + Decimal(m.value))
        groups["Total"] = [(end, name, total) for end, (name, total) in totals.items()]
    for m in sorted(measurements, key=lambda m: (m.breakdown != "", m.breakdown, m.period_end)):
        label = m.breakdown or ("Total" if has_breakdown else metric.unit or metric.name)
        groups.setdefault(label, []).append((m.period_end, m.period_name, Decimal(m.value)))
    return groups


def metric_chart_svg(metric, measurements, *, width: int = 720, height: int = 320) -> str:
    """An SVG line chart of a metric's measurements over time, with its target as a dashed line.

    One line per breakdown group (or one line when the figures are not split). The
    markup is self-contained (no CSS, no script) so WeasyPrint renders it in the report.
    """
    measurements = list(measurements)
    title_id = f"metric-{metric.pk}-chart-title"
    desc_id = f"metric-{metric.pk}-chart-desc"
    title = f"{metric.name}, over time"
    groups = _series(metric, measurements)
    legend_rows = math.ceil(len(groups) / 3) if len(groups) > 1 else 0
    left, right, top = 64, 24, 20
    total_height = height + 20 * legend_rows
    plot_w, plot_h = width - left - right, height - top - 44

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="metric-chart" role="img" '
        f'viewBox="0 0 {width} {total_height}" width="{width}" height="{total_height}" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f'<title id="{title_id}">{escape(title)}</title>',
    ]
    if not measurements:
        parts.append(f'<desc id="{desc_id}">No measurements have been recorded yet.</desc>')
        parts.append(
            f'<rect x="0.5" y="0.5" width="{width - 1}" height="{total_height - 1}" fill="#fff" stroke="{GRID}"/>'
        )
        parts.append(
            f'<text x="{width / 2}" y="{total_height / 2}" text-anchor="middle" fill="{INK}">'
            "No measurements recorded yet.</text></svg>"
        )
        return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped

    values = [value for points in groups.values() for _, _, value in points]
    ceiling, steps = _nice_scale(float(max([*values, metric.target or 0, metric.baseline or 0])) * 1.05)
    days = sorted({end for points in groups.values() for end, _, _ in points})
    first, last = days[0], days[-1]
    span = (last - first).days

    def x_of(day: datetime.date) -> float:
        if span == 0:
            return left + plot_w / 2
        return left + 12 + (plot_w - 24) * (day - first).days / span

    def y_of(value) -> float:
        return top + plot_h - plot_h * float(value) / ceiling

    summary = []
    for label, points in groups.items():
        _, name, value = points[-1]
        summary.append(f"{label}: {format_number(value)} in {name}")
    target_text = ""
    if metric.target is not None:
        by = f" by {metric.target_on:%B %-d, %Y}" if metric.target_on else ""
        target_text = f" Target: {format_number(metric.target)}{by}."
    parts.append(f'<desc id="{desc_id}">Latest figures: {escape("; ".join(summary))}.{escape(target_text)}</desc>')

    # Axes and horizontal grid lines.
    parts.append(f'<rect x="0" y="0" width="{width}" height="{total_height}" fill="#fff"/>')
    for step in range(steps + 1):
        value = ceiling * step / steps
        y = y_of(value)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" fill="{INK}">{format_number(round(value, 2))}</text>'
        )
    parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="{INK}"/>')
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="{INK}"/>')

    # Period labels under the axis, thinned so they never overlap.
    names = {}
    for points in groups.values():
        for end, name, _ in points:
            names.setdefault(end, name)
    every = max(1, math.ceil(len(days) / max(1, plot_w // 90)))
    for index, day in enumerate(days):
        x = x_of(day)
        parts.append(f'<line x1="{x:.1f}" y1="{top + plot_h}" x2="{x:.1f}" y2="{top + plot_h + 5}" stroke="{INK}"/>')
        if index % every == 0 or index == len(days) - 1:
            parts.append(
                f'<text x="{x:.1f}" y="{top + plot_h + 20}" text-anchor="middle" fill="{INK}">{escape(names[day])}</text>'
            )

    if metric.target is not None:
        y = y_of(metric.target)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#8a1c1c" '
            f'stroke-width="1.5" stroke-dasharray="8 4"/>'
        )
        parts.append(
            f'<text x="{left + plot_w - 4}" y="{y - 6:.1f}" text-anchor="end" fill="#8a1c1c">'
            f"Target {escape(format_number(metric.target))}</text>"
        )

    for index, (label, points) in enumerate(groups.items()):
        colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
        coords = " ".join(f"{x_of(end):.1f},{y_of(value):.1f}" for end, _, value in points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if len(points) > 1:
            parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        for end, name, value in points:
            parts.append(
                f'<circle cx="{x_of(end):.1f}" cy="{y_of(value):.1f}" r="4" fill="{colour}">'
                f"<title>{escape(label)}, {escape(name)}: {format_number(value)}</title></circle>"
            )
        if len(groups) == 1:
            end, _, value = points[-1]
            parts.append(
                f'<text x="{x_of(end):.1f}" y="{y_of(value) - 10:.1f}" text-anchor="middle" fill="{INK}" '
                f'font-weight="bold">{format_number(value)}</text>'
            )

    # Legend, three groups to a row.
    if len(groups) > 1:
        column_w = plot_w / 3
        for index, label in enumerate(groups):
            colour, dash = COLOURS[index % len(COLOURS)], DASHES[index % len(DASHES)]
            x = left + column_w * (index % 3)
            y = height + 4 + 20 * (index // 3)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + 24:.1f}" y2="{y:.1f}" stroke="{colour}" '
                f'stroke-width="2.5"{dash_attr}/>'
            )
            parts.append(f'<text x="{x + 30:.1f}" y="{y + 4:.1f}" fill="{INK}">{escape(label[:32])}</text>')

    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


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


def work_plan_timeline_svg(work_plan, items, *, today=None, width: int = 960) -> str:
    """A Gantt-style timeline of a work plan: one bar per item, filled as far as it is done.

    Overdue items get a red outline and the word “overdue”; a line marks today when it
    falls inside the period shown.
    """
    items = list(items)
    today = today or timezone.localdate()
    title_id = f"work-plan-{work_plan.pk}-timeline-title"
    label_w, right, top, row_h = 260, 16, 34, 30
    height = top + row_h * max(1, len(items)) + 12
    plot_w = width - label_w - right
    first = min([work_plan.starts_on, *(item.start_on for item in items)])
    last = max([work_plan.ends_on, *(item.due_on for item in items)])
    span = max(1, (last - first).days)

    def x_of(day: datetime.date) -> float:
        return label_w + plot_w * (day - first).days / span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{title_id}" '
        f'font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f'<title id="{title_id}">Timeline of {escape(work_plan.title)}, {first:%B %Y} to {last:%B %Y}; '
        "the list of items gives the same dates.</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
    ]
    months = list(_month_starts(first, last))
    every = max(1, math.ceil(len(months) / max(1, plot_w // 70)))
    for index, month in enumerate(months):
        if month < first:
            continue
        x = x_of(month)
        parts.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 8}" stroke="{GRID}"/>')
        if index % every == 0:
            parts.append(f'<text x="{x + 3:.1f}" y="{top - 12}" fill="{INK}">{month:%b %Y}</text>')
    for row, item in enumerate(items):
        y = top + row * row_h
        overdue = item.is_overdue(today)
        label = item.title if len(item.title) <= 38 else item.title[:37] + "…"
        parts.append(f'<text x="4" y="{y + 19}" fill="{INK}">{escape(label)}</text>')
        x1, x2 = x_of(item.start_on), x_of(item.due_on)
        bar_w = max(4.0, x2 - x1)
        stroke = ' stroke="#8a1c1c" stroke-width="2.5"' if overdue else f' stroke="{STATUS_BAR[item.status]}"'
        parts.append(
            f'<rect x="{x1:.1f}" y="{y + 6}" width="{bar_w:.1f}" height="{row_h - 12}" rx="3" '
            f'fill="{STATUS_FILL[item.status]}"{stroke}>'
            f"<title>{escape(item.title)}: {item.start_on:%b %-d, %Y} to {item.due_on:%b %-d, %Y}, "
            f"{escape(item.get_status_display())}, {item.percent_done}% done{', overdue' if overdue else ''}</title></rect>"
        )
        if item.percent_done:
            parts.append(
                f'<rect x="{x1:.1f}" y="{y + 12}" width="{bar_w * item.percent_done / 100:.1f}" '
                f'height="{row_h - 24}" fill="{STATUS_BAR[item.status]}"/>'
            )
        if overdue:
            text_x = x1 + bar_w + 6
            anchor = "start"
            if text_x > width - 60:
                text_x, anchor = x1 - 6, "end"
            parts.append(
                f'<text x="{text_x:.1f}" y="{y + 19}" text-anchor="{anchor}" fill="#8a1c1c" font-weight="bold">'
                "overdue</text>"
            )
    if first <= today <= last:
        x = x_of(today)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 8}" stroke="{INK}" stroke-width="2" '
            'stroke-dasharray="4 3"/>'
        )
        parts.append(f'<text x="{x + 3:.1f}" y="{height - 1}" fill="{INK}">today</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
