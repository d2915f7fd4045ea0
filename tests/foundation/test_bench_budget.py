"""The benchmark's budget checks (bench/run.py): which rows pass, and what a missing row is told."""

from bench import run


def page(**changes):
    row = {
        "name": "directory",
        "p95_vs_floor": 2.0,
        "queries_small": 6,
        "queries_full": 6,
        "html_kb": 120.0,
        "content_type": "text/html",
    }
    return {**row, **changes}


def test_a_page_within_the_budget_passes():
    assert run.page_misses(page()) == []
    assert run.page_misses(page(p95_vs_floor=4.0, queries_small=15, queries_full=15, html_kb=300.0)) == []


def test_a_page_is_told_each_part_of_the_budget_it_misses():
    misses = run.page_misses(page(p95_vs_floor=5.5, queries_small=6, queries_full=17, html_kb=986.0))
    assert misses == ["p95 5.5x floor", "queries 6 at 0.1x, 17 at 1x", "17 queries", "986.0 KB of HTML"]


def test_the_html_limit_applies_to_html_only():
    assert run.page_misses(page(html_kb=900.0, content_type="application/pdf")) == []


def test_pdfs_against_weasyprint_alone_and_the_pamphlet_per_page():
    minutes = {"name": "minutes", "ratio": 1.1, "seconds_per_page": 0.5}
    assert run.pdf_misses(minutes) == []  # no per-page target of its own
    assert run.pdf_misses({**minutes, "ratio": 1.2}) == ["1.2x WeasyPrint alone"]
    assert run.pdf_misses({"name": "pamphlet", "ratio": 0.9, "seconds_per_page": 0.34}) == ["0.34 s a page"]


def test_the_summary_names_the_rows_that_miss():
    report = {"pages": [page(), page(name="attendance recent", html_kb=986.0)], "pdfs": []}
    run.check_budget(report)
    assert report["summary"] == {"checked": 2, "passed": 1, "missed": ["attendance recent"]}


def test_the_floor_is_every_slice_together():
    # Two slices of the floor, one before each page: a quiet one and one with a pause of the machine in it.
    quiet = {"p95_ms": 6.0, "latencies": [5.0] * 19 + [6.0], "html_kb": 4.0}
    paused = {"p95_ms": 40.0, "latencies": [5.0] * 18 + [30.0, 40.0], "html_kb": 4.0}
    floor = run.pooled_floor([quiet, paused])
    assert floor["requests"] == 40 and floor["p50_ms"] == 5.0
    assert floor["p95_ms"] == 6.0  # the 38th of 40: one pause does not set the ratio of every page after it
    assert floor["slice_p95_ms"] == {"lowest": 6.0, "median": 23.0, "highest": 40.0}
