from tests.url_samples import Sample


def _token(world):
    from reminders.models import ReminderPreference

    return {"token": ReminderPreference.unsubscribe_token(world.member.user)}


SAMPLES = {
    "reminders:unsubscribe": Sample(kwargs=_token),
}
