"""The calendar feeds, each read by an independent parser (the `ics` package, not the icalendar library that
writes them): the public feed, a committee's feed, and a member's private link, as each role."""

import ics
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from meetings.models import CalendarToken
from members.models import CommitteeRole

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(world, make_meeting):
    return {
        "public": make_meeting(world.youth, days=5, is_public=True, title="Open youth forum"),
        "youth only": make_meeting(world.youth, days=3, title="Youth committee (members only)"),
        "adult only": make_meeting(world.adult, days=4, title="Adult committee (members only)"),
        "too old": make_meeting(world.youth, days=-400, is_public=True, title="Forum long ago"),
    }


@pytest.fixture
def adult_member(world):
    """A member of the other committee (committee B): the youth committee's members-only meeting is not theirs."""
    from members.models import Membership, Person

    user = get_user_model().objects.create_user("adultmember", "adult@example.org", "x")
    person = Person.objects.create(given_name="Ada", family_name="Adult", user=user, email=user.email)
    Membership.objects.create(person=person, organization=world.shelter, start_on="2020-01-01")
    CommitteeRole.objects.create(person=person, committee=world.adult, start_on="2020-01-01")
    return person


def titles(client, url):
    """The meetings a feed lists, as the ics parser reads them; the feed must answer 200 as a calendar."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = ics.Calendar(response.content.decode())
    return {event.name for event in calendar.events}


def private_url(secret, committee=None):
    if committee is None:
        return reverse("meetings:private_calendar", args=[secret])
    return reverse("meetings:private_committee_calendar", args=[secret, committee.slug])


def test_public_and_committee_feeds_list_only_public_meetings(world, meetings, client_as):
    # The feeds are the same for everyone: a calendar app fetches them without a session.
    for persona in ("anonymous", "member", "cochair", "staff"):
        client = client_as(persona)
        assert titles(client, reverse("meetings:calendar")) == {"Open youth forum"}
        assert titles(client, reverse("meetings:committee_calendar", args=[world.youth.slug])) == {"Open youth forum"}
        assert titles(client, reverse("meetings:committee_calendar", args=[world.adult.slug])) == set()


def test_each_private_link_lists_the_meetings_its_owner_may_see_of_their_committees(
    world, meetings, adult_member, client
):
    expected = {
        world.member: {"Open youth forum", "Youth committee (members only)"},
        world.cochair: {"Open youth forum", "Youth committee (members only)"},
        adult_member: {"Open youth forum", "Adult committee (members only)"},
        world.staff: {"Open youth forum"},  # staff sit on no committee here: their own calendar is the public one
    }
    client.logout()  # calendar apps have no session: the link alone decides
    for person, shown in expected.items():
        secret = CalendarToken.issue(person.user)
        assert titles(client, private_url(secret)) == shown, person


def test_a_committee_feed_through_a_private_link_lists_its_members_only_meetings(world, meetings, adult_member, client):
    """The bug: a committee's feed was empty even for its co-chair. Through the co-chair's link it lists every
    meeting of the committee the co-chair may see (Meeting.objects.visible_to, as the meetings list)."""
    client.logout()
    cochair = CalendarToken.issue(world.cochair.user)
    youth = {"Open youth forum", "Youth committee (members only)"}
    assert titles(client, private_url(cochair, world.youth)) == youth
    assert titles(client, private_url(cochair, world.adult)) == {"Adult committee (members only)"}
    # Any login sees every meeting on the meetings list (taskforce.permissions.meeting_q), so a member of another
    # committee who asks for this committee's feed sees the same; their own calendar leaves it out (above).
    assert titles(client, private_url(CalendarToken.issue(adult_member.user), world.youth)) == youth
    assert client.get(reverse("meetings:private_committee_calendar", args=[cochair, "no-such"])).status_code == 404


def test_private_feeds_are_not_kept_by_caches_and_note_their_use(world, meetings, client):
    secret = CalendarToken.issue(world.member.user)
    for url in (private_url(secret), private_url(secret, world.youth)):
        response = client.get(url)
        assert response.status_code == 200
        assert set(response["Cache-Control"].replace(" ", "").split(",")) == {"private", "no-store"}
    assert CalendarToken.objects.get(user=world.member.user, revoked_at__isnull=True).last_used_at is not None
    assert "private" not in client.get(reverse("meetings:calendar")).get("Cache-Control", "")


def test_only_a_hash_of_the_secret_is_stored(world):
    secret = CalendarToken.issue(world.member.user)
    token = CalendarToken.objects.get(user=world.member.user)
    assert len(secret) >= 43
    assert token.token_hash == CalendarToken.hash_of(secret) != secret
    assert not CalendarToken.objects.filter(token_hash__contains=secret).exists()


def test_revoked_replaced_unknown_and_deactivated_links_answer_404(world, meetings, client):
    revoked = CalendarToken.issue(world.member.user)
    assert CalendarToken.revoke_all(world.member.user) == 1
    replaced = CalendarToken.issue(world.cochair.user)
    current = CalendarToken.issue(world.cochair.user)
    deactivated = CalendarToken.issue(world.data_contact.user)
    world.data_contact.user.is_active = False
    world.data_contact.user.save()
    for secret in (revoked, replaced, deactivated, "not-a-link"):
        for url in (private_url(secret), private_url(secret, world.youth)):
            assert client.get(url).status_code == 404, url
    assert titles(client, private_url(current)) == {"Open youth forum", "Youth committee (members only)"}
    assert CalendarToken.objects.filter(user=world.cochair.user, revoked_at__isnull=True).count() == 1


def test_the_dashboard_shows_the_new_link_once_then_offers_replace_and_revoke(world, meetings, client_as):
    client = client_as("member")
    body = client.get("/").content.decode()
    assert "Create my private calendar link" in body and "Revoke my private calendar link" not in body

    response = client.post(reverse("meetings:calendar_link_create"))
    assert response.status_code == 302
    (token,) = CalendarToken.objects.filter(user=world.member.user)
    shown = client.get(response["Location"])
    body = shown.content.decode()
    secret = next(word for word in body.split('"') if "/meetings/calendar/private/" in word).rsplit("/", 1)[1]
    secret = secret.removesuffix(".ics")
    assert CalendarToken.hash_of(secret) == token.token_hash
    assert f'value="http://testserver/meetings/calendar/private/{secret}.ics"' in body
    assert f"/meetings/calendar/private/{secret}/{world.youth.slug}.ics" in body  # the member's committee
    assert all(secret not in str(message) for message in shown.context["messages"])
    assert titles(client_as("anonymous"), private_url(secret)) == {"Open youth forum", "Youth committee (members only)"}

    client = client_as("member")
    body = client.get("/").content.decode()
    assert secret not in body  # shown once: only its hash is kept
    assert "You have a private calendar link" in body
    assert "Replace my private calendar link" in body and "Revoke my private calendar link" in body

    client.post(reverse("meetings:calendar_link_create"))  # replace
    assert client.get(private_url(secret)).status_code == 404
    client.get("/")
    client.post(reverse("meetings:calendar_link_revoke"))
    assert not CalendarToken.objects.filter(user=world.member.user, revoked_at__isnull=True).exists()
    assert "Create my private calendar link" in client.get("/").content.decode()


def test_the_link_buttons_are_post_only_and_for_logins(client_as):
    for name in ("meetings:calendar_link_create", "meetings:calendar_link_revoke"):
        anonymous = client_as("anonymous").post(reverse(name))
        assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
        assert client_as("member").get(reverse(name)).status_code == 405
    assert not CalendarToken.objects.exists()


# A private feed's queries: the link and its owner (one join), noting its use, the owner's committees (own
# calendar) or the committee (committee feed), and the meetings. No session is read.
PRIVATE_FEED_QUERIES = {"own calendar": 4, "committee feed": 4}


@pytest.mark.parametrize("feed", list(PRIVATE_FEED_QUERIES))
def test_private_feed_query_count_is_fixed(world, make_meeting, client, django_assert_num_queries, feed):
    secret = CalendarToken.issue(world.cochair.user)
    url = private_url(secret) if feed == "own calendar" else private_url(secret, world.youth)
    with django_assert_num_queries(PRIVATE_FEED_QUERIES[feed]):
        assert client.get(url).status_code == 200
    for days in range(1, 30, 3):
        make_meeting(world.youth, days=days)
        make_meeting(world.task_force, days=days + 1, is_public=True)
    with django_assert_num_queries(PRIVATE_FEED_QUERIES[feed]):
        assert client.get(url).status_code == 200


def test_the_log_never_shows_a_private_link_secret(world, client, settings):
    """Django logs the path of every 404 (a revoked link, say); the console handler hides the secret."""
    import logging

    from taskforce.logging_filters import HidePrivateCalendarLinks

    secret = CalendarToken.issue(world.member.user)
    CalendarToken.revoke_all(world.member.user)
    path = private_url(secret, world.youth)
    assert client.get(path).status_code == 404
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", (path,), None)
    assert HidePrivateCalendarLinks().filter(record)
    assert record.getMessage() == f"Not Found: /meetings/calendar/private/[hidden]/{world.youth.slug}.ics"
    assert secret not in record.getMessage()
    assert "hide_calendar_links" in settings.LOGGING["handlers"]["console"]["filters"]
