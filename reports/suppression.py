"""Small-cell suppression: the one function every output of the report (page, PDF, CSV) publishes counts through.

A count from 1 to k-1 can never slip out, neither directly nor by subtraction from a total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_lazy

SHOWN = "shown"
FEWER = "fewer"  # primary: a count from 1 to k-1, labelled "fewer than k"
HIDDEN = "hidden"  # complementary (or a whole small table): labelled "not shown", could be any count

NOT_SHOWN = gettext_lazy("not shown")
DEFAULT_K = 5  # a reporting year's threshold unless staff set another (``ReportingYear.k``)


def is_small(value, k: int) -> bool:
    """The rule itself: a count from 1 to k-1 is never published (0 and k or more are)."""
    return value is not None and 0 < value < k


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
    return gettext("fewer than %(k)s") % {"k": k}


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


def percent(value: int, total: int) -> str:
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
    statuses = [FEWER if is_small(value, k) else SHOWN for value in values]
    total_value = sum(values)
    total_status = SHOWN
    note = ""
    if with_total:
        if is_small(total_value, k):
            total_status = FEWER
            statuses = [HIDDEN] * len(values)
            note = gettext("Fewer than %(k)s people in all, so no detail is shown.") % {"k": k}
        else:
            while pinned := _pinned_cells(statuses=statuses, values=values, total=total_value, k=k):
                candidates = [i for i, status in enumerate(statuses) if status == SHOWN and values[i] > 0]
                if not candidates:
                    statuses = [HIDDEN] * len(values)
                    note = gettext("The counts are so small that any detail could identify people, so none is shown.")
                    break
                statuses[min(candidates, key=lambda i: (values[i], i))] = HIDDEN
            del pinned

    def cell(label: str, value: int, status: str, denominator: int) -> Cell:
        if status == SHOWN:
            return Cell(label, value, f"{value:,}", percent(value, denominator) if with_total else "", SHOWN)
        return Cell(label, None, fewer_than(k) if status == FEWER else NOT_SHOWN, "", status)

    cells = tuple(
        cell(label, value, status, total_value) for label, value, status in zip(labels, values, statuses, strict=True)
    )
    total_cell = cell(gettext("Total"), total_value, total_status, 0) if with_total else None
    if not note and any(c.status == HIDDEN for c in cells):
        note = gettext("“Not shown”: hidden so that a smaller count cannot be worked out from the total.")
    return SuppressedTable(title=title, cells=cells, total=total_cell, k=k, note=note)
