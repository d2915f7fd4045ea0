"""The reminder choices page: each login's own, saved, and its query count pinned."""

import pytest
from django.urls import reverse

from reminders.models import ReminderPreference

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["member", "data_contact", "cochair", "staff"])
def test_each_login_chooses_its_own_reminders(client_as, world, persona):
    client = client_as(persona)
    page = client.get(reverse("reminders:preferences"))
    assert page.status_code == 200
    assert "Daily digest" in page.content.decode()

    response = client.post(reverse("reminders:preferences"), {"agenda_published": "on"})
    assert response.status_code == 302
    choice = ReminderPreference.objects.get(user=world.user(persona))
    assert choice.daily_digest is False and choice.agenda_published is True
    assert not ReminderPreference.objects.exclude(user=world.user(persona)).exists()


def test_a_visitor_is_sent_to_log_in(client_as):
    response = client_as("anonymous").get(reverse("reminders:preferences"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_preferences_query_count(client_as, django_assert_num_queries):
    client = client_as("member")
    # The 5 of any member page (password_change) and the login's preference row.
    with django_assert_num_queries(6):
        assert client.get(reverse("reminders:preferences")).status_code == 200


def test_unsubscribe_page_query_count(client, world, django_assert_num_queries):
    token = ReminderPreference.unsubscribe_token(world.member.user)
    # The login the token names and its choices; a visitor has no session to read.
    with django_assert_num_queries(2):
        assert client.get(reverse("reminders:unsubscribe", args=[token])).status_code == 200
