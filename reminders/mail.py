"""The digest as an email: text and HTML parts drawn from templates, with the one-click unsubscribe headers
(RFC 2369 and RFC 8058), sent at most once a day per login (ReminderSent)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .digest import digest_for, recipients
from .models import ReminderPreference, ReminderSent


def site_url(path):
    return settings.SITE_URL.rstrip("/") + path


def digest_message(digest):
    """The email of a non-empty digest."""
    user = digest.user
    token = ReminderPreference.unsubscribe_token(user)
    unsubscribe = site_url(reverse("reminders:unsubscribe", args=[token]))
    context = {
        "digest": digest,
        "user": user,
        "site_url": settings.SITE_URL.rstrip("/"),
        "preferences_url": site_url(reverse("reminders:preferences")),
        "unsubscribe_url": unsubscribe,
    }
    subject = " ".join(render_to_string("reminders/digest_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("reminders/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string("reminders/digest.html", context), "text/html")
    return message


def send_digests(today, *, dry_run=False, out=None):
    """Send today's digest to every recipient who has something and has not had one today.
    Returns [(user, number of items)] of the digests sent (or, for a dry run, that would be sent)."""
    sent = []
    for user in recipients():
        if ReminderSent.objects.filter(user=user, kind=ReminderSent.Kind.DAILY_DIGEST, day=today).exists():
            continue
        language = user.language or settings.LANGUAGE_CODE
        with translation.override(language):
            digest = digest_for(user, today)
            if not digest:
                continue
            if dry_run:
                sent.append((user, len(digest)))
                continue
            message = digest_message(digest)
        try:
            # The record and the sending succeed together: a failed send leaves no record, so the next run retries;
            # a second run the same day finds the record (or loses the race on the unique constraint).
            with transaction.atomic():
                ReminderSent.objects.create(
                    user=user, kind=ReminderSent.Kind.DAILY_DIGEST, day=today, items=len(digest)
                )
                mailers.default.send_messages([message])
        except IntegrityError:
            continue
        sent.append((user, len(digest)))
    return sent
