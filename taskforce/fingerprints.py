"""Data fingerprints: which version of its data a kept document shows, read in one query.

A document kept under a fingerprint (the annual report's body and PDF, reports/fingerprint.py; the minutes' PDF
document, meetings/minutes_fingerprint.py) names every input it reads. For each input, a queryset, the fingerprint
takes how many rows it holds and when the latest of them changed: its ``updated_at``, or, for a model without one, the
date of its newest history record, which simple-history writes on every save and delete. Any change made through the
ORM's ``save()``/``delete()`` (forms, the admin, the services) moves it; a queryset ``update()`` that does not set
``updated_at`` does not, so code that changes such rows in bulk must set ``updated_at`` too. A row deleted, or added
and another deleted, changes the count or the latest date.
"""

from __future__ import annotations

import functools
import hashlib

from django.db.models import Count, Max, QuerySet, Subquery, Value
from django.db.models.functions import JSONObject


def whole(queryset: QuerySet, **aggregates) -> Subquery:
    """The aggregates of the whole queryset as one JSON value (grouped by a constant: one row even when empty)."""
    return Subquery(
        queryset.order_by()
        .annotate(whole=Value(1))
        .values("whole")
        .annotate(summary=JSONObject(**aggregates))
        .values("summary")
    )


def rows_changed(queryset: QuerySet) -> Subquery:
    """How many rows, and the latest ``updated_at`` among them."""
    return whole(queryset, rows=Count("pk"), latest=Max("updated_at"))


def rows_and_history(live: QuerySet, history: QuerySet) -> JSONObject:
    """For a model without ``updated_at``: how many live rows, and the date of the newest history record."""
    return JSONObject(live=whole(live, rows=Count("pk")), history=whole(history, latest=Max("history_date")))


@functools.cache
def history_model(model):
    """The model's historical model, whose own manager reads every history row. ``Model.history`` builds a
    new manager class at each access (0.4 ms apiece)."""
    return model.history.model


def digest(parts: dict, *extra: str) -> str:
    """The fingerprint: a hash of every input's summary (by name) and of the extra words (language, layout)."""
    hashed = hashlib.sha256()
    for name in sorted(parts):
        hashed.update(f"{name}={parts[name]};".encode())
    for word in extra:
        hashed.update(word.encode())
    return hashed.hexdigest()
