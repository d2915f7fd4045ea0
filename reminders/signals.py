"""Reminders listen to the apps below them (docs/architecture.md: dependencies run one way)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from meetings.models import Meeting

from .tasks import announce_agenda


@receiver(post_save, sender=Meeting, dispatch_uid="reminders.agenda_published")
def agenda_published(sender, instance, update_fields=None, **kwargs):
    """Meeting.publish_agenda saves the agenda state alone: then the committee gets its email (once per meeting)."""
    if update_fields and "agenda_state" in update_fields and instance.agenda_state == Meeting.AgendaState.PUBLISHED:
        announce_agenda(instance)
