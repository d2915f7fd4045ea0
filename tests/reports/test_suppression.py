"""Small-cell suppression: no published table lets a hidden count be worked out from its row."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.suppression import FEWER, HIDDEN, SHOWN, suppress_counts


def feasible_values(table, k, shown_total=None):
    """Every assignment of the hidden cells (and total) consistent with what the table publishes.

    A reader knows: shown cells exactly; a "fewer than k" cell is 1..k-1; a "not shown" cell is any
    count (bounded here by the largest total the table allows); cells add up to the total.
    """
    cells = table.cells
    total = table.total
    totals = [total.shown] if total.status == SHOWN else list(range(1, k))
    solutions = []
    hidden = [i for i, cell in enumerate(cells) if cell.suppressed]
    for t in totals:
        remainder = t - sum(cell.shown for cell in cells if not cell.suppressed)
        if remainder < 0:
            continue
        ranges = []
        for i in hidden:
            low, high = (1, k - 1) if cells[i].status == FEWER else (0, remainder)
            ranges.append(range(low, min(high, remainder) + 1))
        for combination in itertools.product(*ranges):
            if sum(combination) == remainder:
                solutions.append((t, dict(zip(hidden, combination, strict=True))))
    return solutions


rows = st.lists(st.integers(min_value=0, max_value=14), min_size=1, max_size=6)
thresholds = st.integers(min_value=3, max_value=6)


@settings(max_examples=400, deadline=None)
@given(values=rows, k=thresholds)
def test_no_hidden_count_can_be_recovered_from_its_row(values, k):
    counts = [(f"cell {i}", value) for i, value in enumerate(values)]
    table = suppress_counts(counts=counts, k=k)
    true_total = sum(values)
    # Nothing from 1 to k-1 is ever shown, and shown cells are true.
    for cell, value in zip(table.cells, values, strict=True):
        if cell.status == SHOWN:
            assert cell.shown == value and not 1 <= value < k
            assert cell.display == f"{value:,}"
        else:
            assert cell.shown is None and cell.percent == ""
    if table.total.status == SHOWN:
        assert table.total.shown == true_total and not 1 <= true_total < k
    solutions = feasible_values(table, k, true_total)
    truth = (true_total, {i: v for i, v in enumerate(values) if table.cells[i].suppressed})
    assert truth in solutions, "the published table must be consistent with the truth"
    for i, cell in enumerate(table.cells):
        if cell.suppressed:
            possible = {solution[i] for _, solution in solutions}
            assert len(possible) >= 2, f"cell {i} of {values} (k={k}) can be recovered: {table}"
    if table.total.suppressed:
        assert len({t for t, _ in solutions}) >= 2


@settings(max_examples=200, deadline=None)
@given(values=rows, k=thresholds)
def test_rows_without_a_total_hide_only_small_counts(values, k):
    table = suppress_counts(counts=[(str(i), v) for i, v in enumerate(values)], k=k, with_total=False)
    assert table.total is None
    for cell, value in zip(table.cells, values, strict=True):
        assert (cell.status == FEWER) == (1 <= value < k)
        assert cell.display == (f"fewer than {k}" if 1 <= value < k else f"{value:,}")


def test_one_small_cell_hides_the_next_smallest():
    table = suppress_counts(counts=[("Sex", 40), ("Labor", 12), ("Both", 2), ("Unknown", 0)], k=5)
    assert [c.display for c in table.cells] == ["40", "not shown", "fewer than 5", "0"]
    assert table.total.display == "54"
    assert table.cells[0].percent == "74%"  # computed before suppression, from the true total
    assert table.cells[1].percent == "" and table.cells[2].percent == ""


def test_a_small_total_hides_the_whole_table():
    table = suppress_counts(counts=[("Sex", 3), ("Labor", 0)], k=5)
    assert table.total.display == "fewer than 5"
    assert {c.display for c in table.cells} == {"not shown"}
    assert "Fewer than 5 people" in table.note


def test_zero_is_shown_and_nothing_hidden_when_all_are_large():
    table = suppress_counts(counts=[("A", 0), ("B", 7), ("C", 9)], k=5)
    assert [c.status for c in table.cells] == [SHOWN, SHOWN, SHOWN]
    assert table.note == ""


def test_all_small_cells_that_pin_each_other_fall_back_to_not_shown():
    # Six categories of 1 each add up to 6: "fewer than 5" six times would mean exactly 1 each.
    table = suppress_counts(counts=[(str(i), 1) for i in range(6)] + [("Unknown", 0)], k=5)
    assert all(c.status == HIDDEN for c in table.cells)
    assert table.total.display == "6"


def test_k_below_three_is_refused():
    with pytest.raises(ValueError):
        suppress_counts(counts=[("A", 1)], k=2)


@settings(max_examples=150, deadline=None)
@given(
    totals=st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=8),
    left_out=st.lists(st.booleans(), min_size=8, max_size=8),
    k=thresholds,
)
def test_the_agency_table_never_shows_a_small_count(totals, left_out, k):
    """The per-agency table, built from submissions as the report builds it, hides every 1..k-1."""
    from members.models import Organization
    from reports.models import AgencySubmission, ReportingYear
    from reports.sections import YearFigures, agency_table

    submissions = [
        AgencySubmission(
            organization=Organization(name=f"Agency {i}"),
            total_identified=total,
            traffickers_identified=total // 2,
            convictions_vacated=total % 4,
            counts_toward_totals=not left_out[i],
        )
        for i, total in enumerate(totals)
    ]
    figures = YearFigures(
        reporting_year=ReportingYear(year=2025, k=k),
        counted=[s for s in submissions if s.counts_toward_totals],
        excluded=[s for s in submissions if not s.counts_toward_totals],
        categories={},
        previous_totals=None,
    )
    table = agency_table(figures=figures)
    shown = [cell for row in table["rows"] + table["excluded_rows"] for _, cell in row["cells"]] + table["totals"]
    for cell in shown:
        assert cell.shown is None or not 1 <= cell.shown < k
        assert cell.display in {f"fewer than {k}", "not shown"} or not 1 <= int(cell.display.replace(",", "")) < k
    # No hidden cell of a counted column can be worked out from the column's total.
    for column in table["columns"].values():
        solutions = feasible_values(column, k, None)
        assert solutions
        for i, cell in enumerate(column.cells):
            if cell.suppressed:
                assert len({solution[i] for _, solution in solutions}) >= 2
