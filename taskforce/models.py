"""What the apps share but none owns: the stored PDF (an abstract model; each app keeps its own table), and which
languages' translations a qualified translator has reviewed.

Its migrations created and then removed the old data-version table (0001, 0002).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .dates import date_in_range, validate_date


class StoredPDFQuerySet(models.QuerySet):
    def ready(self):
        return self.filter(state=StoredPDF.State.READY)

    def without_content(self):
        """The row's state and dates, not the file: for status pages."""
        return self.defer("content")


class StoredPDF(models.Model):
    """A PDF rendered once per fingerprint of its data by the background worker, and kept in the database.

    The state machine: QUEUED (a task is on its way) -> RENDERING (a worker claimed it) -> READY or
    FAILED. A FAILED row, or a QUEUED or RENDERING one left for longer than ``STALE_AFTER`` (its
    worker died), is queued again by the next request. Each concrete model names the fields that,
    with ``data_version``, pick one PDF (``KEY_FIELDS``) and makes them unique together.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RENDERING = "rendering", _("Laying out pages")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    KEY_FIELDS: tuple[str, ...] = ()
    # Longer than the slowest rendering (minutes for ten years of data), short enough to recover the same hour.
    STALE_AFTER = datetime.timedelta(minutes=15)

    data_version = models.CharField(
        _("data version"), max_length=64, help_text=_("A fingerprint of the document's content when it was rendered.")
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    content = models.BinaryField(_("PDF"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    objects = StoredPDFQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-requested_at"]

    @property
    def is_ready(self) -> bool:
        return self.state == self.State.READY

    @property
    def is_busy(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RENDERING)

    def key(self) -> dict:
        """The lookup of this PDF's kind without its fingerprint (the year; the language and paper size)."""
        return {
            self._meta.get_field(name).attname: getattr(self, self._meta.get_field(name).attname)
            for name in self.KEY_FIELDS
        }

    def needs_queueing(self, now: datetime.datetime | None = None) -> bool:
        """Failed, or waiting or rendering so long that its worker must have died."""
        if self.state == self.State.FAILED:
            return True
        if self.is_busy:
            since = self.started_at if self.state == self.State.RENDERING else self.requested_at
            return since is None or since < (now or timezone.now()) - self.STALE_AFTER
        return False


class TranslationReviewQuerySet(models.QuerySet):
    def is_reviewed(self, language: str) -> bool:
        return self.filter(language=language).exists()


class TranslationReview(models.Model):
    """A language whose translation a qualified translator has reviewed. Until a language has one, its pages say
    that their translation is a draft (templates/_draft_translation.html)."""

    language = models.CharField(
        _("language"),
        max_length=10,
        unique=True,
        choices=[(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE],
    )
    reviewed_by = models.CharField(
        _("reviewed by"), max_length=200, help_text=_("The qualified translator: name, and credential or agency.")
    )
    reviewed_on = models.DateField(_("reviewed on"), default=datetime.date.today, validators=[validate_date])
    note = models.TextField(_("note"), blank=True, help_text=_("What was reviewed, for instance the public pages."))

    objects = TranslationReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation review")
        verbose_name_plural = _("translation reviews")
        ordering = ["language"]
        constraints = [date_in_range("reviewed_on")]

    def __str__(self):
        return _("%(language)s, reviewed by %(name)s") % {
            "language": self.get_language_display(),
            "name": self.reviewed_by,
        }
