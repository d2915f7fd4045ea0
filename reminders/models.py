"""Which reminders each login gets by email, and which digests were sent (so a day's digest goes out once)."""

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils.translation import gettext_lazy as _

UNSUBSCRIBE_SALT = "reminders.unsubscribe"


class ReminderPreference(models.Model):
    """One login's choices; a login without a row gets every reminder (the defaults)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.CASCADE,
        related_name="reminder_preference",
    )
    daily_digest = models.BooleanField(
        _("daily digest"),
        default=True,
        help_text=_(
            "One email a day, only when there is something to say: your action items, your committees' meetings "
            "and, by your role, what waits for you."
        ),
    )
    agenda_published = models.BooleanField(
        _("agenda published"),
        default=True,
        help_text=_("An email when an agenda of one of your committees' meetings is published."),
    )

    class Meta:
        verbose_name = _("reminder preference")

    def __str__(self):
        return str(self.user)

    @classmethod
    def of(cls, user):
        """The user's choices, or the defaults (unsaved) for a user who never chose."""
        return cls.objects.filter(user=user).first() or cls(user=user)

    @staticmethod
    def unsubscribe_token(user, kind="daily_digest"):
        """A signed token that turns off one kind of reminder for one login, without logging in."""
        return signing.dumps({"user": user.pk, "kind": kind}, salt=UNSUBSCRIBE_SALT)

    @classmethod
    def from_token(cls, token):
        """(user id, kind) of a valid unsubscribe token, or None."""
        try:
            data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        except signing.BadSignature:
            return None
        if not isinstance(data, dict) or data.get("kind") not in ("daily_digest", "agenda_published"):
            return None
        return data.get("user"), data["kind"]


class ReminderSent(models.Model):
    """A reminder that went to a login: a digest at most once a (local) day, an agenda's announcement once per
    meeting."""

    class Kind(models.TextChoices):
        DAILY_DIGEST = "daily_digest", _("daily digest")
        AGENDA_PUBLISHED = "agenda_published", _("agenda published")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("login"), on_delete=models.CASCADE, related_name="reminders_sent"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DAILY_DIGEST)
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    items = models.PositiveSmallIntegerField(_("items"), default=0)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The meeting whose published agenda was announced."),
    )

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-day", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "day"], condition=models.Q(kind="daily_digest"), name="one_digest_a_day"
            ),
            models.UniqueConstraint(
                fields=["user", "meeting"],
                condition=models.Q(kind="agenda_published"),
                name="one_agenda_announcement_per_meeting",
            ),
        ]

    def __str__(self):
        return f"{self.user} {self.kind} {self.day}"
