"""The digest as an email: text and HTML parts drawn from templates, with the one-click unsubscribe headers
(RFC 2369 and RFC 8058), sent at most once a day per login (ReminderSent)."""

from urllib.parse import urlparse

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from meetings.calendar import meeting_event

from .digest import digest_for, recipients
from .models import ReminderPreference, ReminderSent


def site_url(path):
    return settings.SITE_URL.rstrip("/") + path


def _message(user, template, context, unsubscribe):
    """An email to ``user`` from ``template``'s subject, text and HTML templates, with the one-click unsubscribe
    headers pointing at ``unsubscribe``."""
    message = EmailMultiAlternatives(
        subject=" ".join(render_to_string(f"{template}_subject.txt", context).split()),
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


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
        # A mail has no request whose query {% querystring %} could start from: its links' queries start empty.
        "no_query": {},
    }
    return _message(user, "reminders/digest", context, unsubscribe)


def send_digests(today, *, dry_run=False, out=None):
    """Send today's digest to every recipient who has something and has not had one today.
    Returns [(user, digest)] of the digests sent (or, for a dry run, that would be sent)."""
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
                sent.append((user, digest))
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
        sent.append((user, digest))
    return sent


def agenda_readers(meeting):
    """Who hears that a meeting's agenda is published: the committee's current members (for the full task force,
    every current representative) with an active login and an email address, who did not opt out, and who may
    read the agenda (taskforce.permissions.can_see_agenda)."""
    from django.contrib.auth import get_user_model

    from members.models import Committee, CommitteeRole, Membership
    from taskforce import permissions

    if meeting.committee.kind == Committee.Kind.TASK_FORCE:
        people = Membership.objects.current().values("person_id")
    else:
        people = CommitteeRole.objects.current().filter(committee_id=meeting.committee_id).values("person_id")
    users = (
        get_user_model()
        .objects.filter(is_active=True, person__in=people)
        .exclude(email="")
        .exclude(reminder_preference__agenda_published=False)
        .order_by("pk")
    )
    return [user for user in users if permissions.can_see_agenda(user, meeting)]


def invitation(meeting):
    """The meeting as an iCalendar invitation (text/calendar) to attach."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Task Force Operations//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    host = urlparse(settings.SITE_URL).hostname or "localhost"
    calendar.add_component(meeting_event(meeting, host=host, url=site_url(meeting.get_absolute_url())))
    return calendar.to_ical()


def agenda_message(meeting, user, items):
    token = ReminderPreference.unsubscribe_token(user, "agenda_published")
    unsubscribe = site_url(reverse("reminders:unsubscribe", args=[token]))
    context = {
        "meeting": meeting,
        "items": items,
        "user": user,
        "meeting_url": site_url(meeting.get_absolute_url()),
        "preferences_url": site_url(reverse("reminders:preferences")),
        "unsubscribe_url": unsubscribe,
    }
    message = _message(user, "reminders/agenda", context, unsubscribe)
    message.attach("invitation.ics", invitation(meeting), "text/calendar")
    return message


def send_agenda_published(meeting_id):
    """Tell the committee that the meeting's agenda is published: one message each, once per meeting."""
    from meetings.models import Meeting

    meeting = Meeting.objects.select_related("committee").filter(pk=meeting_id).first()
    if meeting is None or meeting.agenda_state != Meeting.AgendaState.PUBLISHED:
        return []
    items = list(meeting.agenda_items.filter(parent=None).order_by("position", "pk"))
    sent = []
    for user in agenda_readers(meeting):
        with translation.override(user.language or settings.LANGUAGE_CODE):
            message = agenda_message(meeting, user, items)
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    user=user,
                    kind=ReminderSent.Kind.AGENDA_PUBLISHED,
                    day=timezone.localdate(),
                    meeting=meeting,
                    items=len(items),
                )
                mailers.default.send_messages([message])
        except IntegrityError:
            continue
        sent.append(user)
    return sent
