"""The SVG charts: well-formed, labelled for screen readers, and rendered by WeasyPrint for the annual report."""

import datetime
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from weasyprint import HTML

from goals.charts import format_number, metric_chart_svg, work_plan_timeline_svg
from goals.models import Measurement, Metric

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup):
    return ET.fromstring(str(markup))  # noqa: S314 - our own markup


def test_metric_chart_is_labelled_and_draws_a_line_per_group_and_the_total(plan):
    metric = Metric.objects.with_measurements().get(pk=plan.adult_metric.pk)
    Measurement.objects.create(
        metric=metric,
        period_start=datetime.date(2018, 1, 1),
        period_end=datetime.date(2018, 12, 31),
        value=30,
        breakdown="Shelter A",
    )
    metric = Metric.objects.with_measurements().get(pk=plan.adult_metric.pk)
    svg = parse(metric_chart_svg(metric, metric.measurement_list))
    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    assert title.text == "# shelter beds, over time"
    assert title.get("id") in svg.get("aria-labelledby")
    desc = svg.find(f"{SVG}desc").text
    assert "Total: 30 in 2018" in desc and "Target: 100" in desc
    legend = [t.text for t in svg.iter(f"{SVG}text")]
    assert {"Total", "Shelter A", "Shelter B", "Target 100"} <= set(legend)
    assert len(svg.findall(f"{SVG}polyline")) == 2  # Total and Shelter A have two periods


def test_metric_chart_escapes_names_and_handles_no_figures(plan):
    plan.youth_metric.name = "<script>alert(1)</script>"
    svg = metric_chart_svg(plan.youth_metric, [])
    assert "<script>" not in svg and "No measurements recorded yet." in svg
    parse(svg)


def test_single_figure_is_a_point_with_its_value(plan):
    svg = parse(metric_chart_svg(plan.youth_metric, plan.youth_metric.measurements.all()))
    assert len(svg.findall(f"{SVG}circle")) == 1
    assert "9" in [t.text for t in svg.iter(f"{SVG}text")]


def test_timeline_bars_use_svg_attributes(plan):
    items = [plan.youth_item]
    svg = parse(work_plan_timeline_svg(plan.youth_plan, items, today=datetime.date(2018, 5, 1)))
    bars = [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(bars) == 1 and float(bars[0].get("width")) > 0
    assert bars[0].get("stroke") == "#8a1c1c"  # overdue on May 1, 2018
    assert "overdue" in [t.text for t in svg.iter(f"{SVG}text")]
    assert "today" in [t.text for t in svg.iter(f"{SVG}text")]


def test_format_number():
    assert format_number(1234) == "1,234" and format_number(12.5) == "12.5" and format_number(None) == ""


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_metric_chart_renders_in_weasyprint(plan, tmp_path):
    metric = Metric.objects.with_measurements().get(pk=plan.adult_metric.pk)
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chart</title></head><body>'
        f"<h1>Goals</h1>{metric_chart_svg(metric, metric.measurement_list)}</body></html>"
    )
    pdf = tmp_path / "chart.pdf"
    HTML(string=html).write_pdf(pdf, pdf_variant="pdf/ua-1")
    text = subprocess.run([shutil.which("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Target 100" in text and "Shelter B" in text and "2017" in text
