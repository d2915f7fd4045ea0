"""Stored PDFs (taskforce.models.StoredPDF): queued once per fingerprint, rendered by the worker, served as files.

A request never lays out a PDF: it serves the stored file of the current data, or queues its rendering
(once: the row is unique per kind and fingerprint, and only the request that creates it, or finds it
failed or stale, enqueues the task) and answers with what it has. The worker claims a queued row with
one conditional UPDATE, so two tasks for the same row never both render it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

from .models import StoredPDF
from .permissions import is_staff

# How long a browser or a proxy may keep a public PDF (the pamphlet, a public report).
PUBLIC_MAX_AGE = 5 * 60
RETRY_AFTER_SECONDS = 60


def current(model: type[StoredPDF], *, key: dict, data_version: str) -> StoredPDF | None:
    """The stored file of this fingerprint, ready to serve, or None: one query."""
    return model.objects.ready().filter(**key, data_version=data_version).first()


def queue(model: type[StoredPDF], *, key: dict, data_version: str, task, defaults: dict | None = None) -> StoredPDF:
    """The row of this fingerprint, its rendering queued unless it is stored, on its way or rendering.

    The unique constraint makes concurrent requests meet on one row (get_or_create retries the read
    when its insert loses); the row lock makes them agree on whether to enqueue. The task is enqueued
    inside the same transaction, so with the database queue the row and its task commit together.
    """
    with transaction.atomic():
        pdf, created = (
            model.objects.without_content()
            .select_for_update()
            .get_or_create(**key, data_version=data_version, defaults=defaults or {})
        )
        if not created and not pdf.needs_queueing():
            return pdf
        if not created:
            pdf.state = StoredPDF.State.QUEUED
            pdf.requested_at = timezone.now()
            pdf.started_at = None
            pdf.error = ""
            for name, value in (defaults or {}).items():
                setattr(pdf, name, value)
            pdf.save()
        task.enqueue(pdf_id=pdf.pk)
    # A backend that runs tasks at once (tests) has rendered it by now.
    with contextlib.suppress(model.DoesNotExist):  # a worker found newer data and handed it to a newer row
        pdf.refresh_from_db(fields=["state", "pages", "rendered_at", "error"])
    return pdf


def current_or_queue(
    model: type[StoredPDF], *, key: dict, data_version: str, task, defaults: dict | None = None
) -> StoredPDF:
    """The stored file of this fingerprint (with its content), or the row of its queued rendering."""
    stored = current(model, key=key, data_version=data_version)
    if stored is None:
        stored = queue(model, key=key, data_version=data_version, task=task, defaults=defaults)
        if stored.is_ready:
            stored = current(model, key=key, data_version=data_version) or stored
    return stored


def _claim(model: type[StoredPDF], pdf_id: int) -> StoredPDF | None:
    """QUEUED -> RENDERING in one conditional UPDATE: only one worker wins a row."""
    claimed = model.objects.filter(pk=pdf_id, state=StoredPDF.State.QUEUED).update(
        state=StoredPDF.State.RENDERING, started_at=timezone.now()
    )
    return model.objects.without_content().get(pk=pdf_id) if claimed else None


def _follow_the_data(pdf: StoredPDF, data_version: str) -> bool:
    """The data changed while the row waited: take the new fingerprint, unless another row has it."""
    model = type(pdf)
    try:
        with transaction.atomic():
            if model.objects.filter(**pdf.key(), data_version=data_version).exists():
                pdf.delete()
                return False
            pdf.data_version = data_version
            pdf.save(update_fields=["data_version"])
    except IntegrityError:  # a request queued the new fingerprint meanwhile; its own task renders it
        pdf.delete()
        return False
    return True


def run(
    model: type[StoredPDF],
    *,
    pdf_id: int,
    fingerprint: Callable[[StoredPDF], str],
    render_pdf: Callable[[StoredPDF], tuple[bytes, int]],
) -> None:
    """The worker's part: claim the row, lay out the PDF of the current data, store it (or record the failure)."""
    pdf = _claim(model, pdf_id)
    if pdf is None:
        return  # rendered, rendering elsewhere, or gone
    try:
        data_version = fingerprint(pdf)
        if data_version != pdf.data_version and not _follow_the_data(pdf, data_version):
            return
        content, pages = render_pdf(pdf)
    except Exception as error:
        model.objects.filter(pk=pdf.pk).update(state=StoredPDF.State.FAILED, error=str(error)[:2000] or repr(error))
        raise
    pdf.content = content
    pdf.pages = pages
    pdf.state = StoredPDF.State.READY
    pdf.rendered_at = timezone.now()
    pdf.error = ""
    with transaction.atomic():
        pdf.save(update_fields=["content", "pages", "state", "rendered_at", "error"])
        # Older files are never served again once this one is stored; renderings under way finish on their own.
        model.objects.filter(**pdf.key(), state__in=[StoredPDF.State.READY, StoredPDF.State.FAILED]).exclude(
            pk=pdf.pk
        ).delete()


def progress(pdf: StoredPDF | None) -> dict:
    """How the rendering of the current data is going, for the status page and its JSON."""
    steps = {StoredPDF.State.QUEUED: 1, StoredPDF.State.RENDERING: 2, StoredPDF.State.READY: 3}
    return {
        "pdf": pdf,
        "state": pdf.state if pdf else "missing",
        "state_label": pdf.get_state_display() if pdf else gettext("Not prepared for the current data"),
        "step": steps.get(pdf.state, 0) if pdf else 0,
        "steps": 3,
        "ready": bool(pdf and pdf.is_ready),
        "busy": bool(pdf and pdf.is_busy),
        "failed": bool(pdf and pdf.state == StoredPDF.State.FAILED),
        "pages": pdf.pages if pdf else None,
    }


def progress_json(status: dict, *, url: str) -> dict:
    return {key: status[key] for key in ("state", "step", "steps", "ready", "pages")} | {
        "label": str(status["state_label"]),
        "url": url,
    }


def pdf_response(content: bytes, *, filename: str, public: bool) -> HttpResponse:
    """The file, inline; a public one may be kept briefly by browsers and proxies, a private one never."""
    response = HttpResponse(bytes(content), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def serve(
    request,
    *,
    pdf: StoredPDF,
    previous: Callable[[], StoredPDF | None],
    filename: str,
    public: bool,
    title: str,
    status_url: str,
) -> HttpResponse:
    """The stored file of the current data; else staff watch its rendering, and others get the
    previous stored file (``previous``; None where an older copy must not be shown) or a page
    saying it is being prepared (503 with Retry-After)."""
    if pdf.is_ready:
        return pdf_response(pdf.content, filename=filename, public=public)
    context = {"title": title, "status": progress(pdf), "status_url": status_url, "pdf_url": request.get_full_path()}
    if is_staff(request.user):
        response = render(request, "pdf_preparing.html", context | {"watch": True}, status=202)
    else:
        older = previous()
        if older is not None:
            return pdf_response(older.content, filename=filename, public=public)
        response = render(request, "pdf_preparing.html", context | {"watch": False}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response
