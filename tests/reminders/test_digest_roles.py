"""The digest never names what its reader could not see in the app, tested as each role: every entry of every
persona's digest links to a page of the app that the persona may open, and that page shows the entry."""

import datetime
import html
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from django.utils import timezone

from goals.models import WorkPlan, WorkPlanItem
from meetings.models import ActionItem, Meeting
from reminders.digest import digest_for
from reminders.mail import digest_message
from tests.reminders.test_digest_mail import busy_world  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

PERSONAS = ["staff", "cochair", "other_cochair", "former_cochair", "data_contact", "other_data_contact", "member"]


class Links(HTMLParser):
    """The (address, text) of each link in the list entries of an HTML part."""

    def __init__(self):
        super().__init__()
        self.links, self._href, self._text, self._in_item = [], None, [], False

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self._in_item = True
        if tag == "a" and self._in_item:
            self._href, self._text = dict(attrs)["href"], []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None
        if tag == "li":
            self._in_item = False


def entries(digest):
    message = digest_message(digest)
    [(body, _type)] = message.alternatives
    parser = Links()
    parser.feed(body)
    return parser.links


@pytest.fixture
def crowded_world(busy_world, settings):  # noqa: F811
    """busy_world and more that some roles may not see: a private meeting of the adult committee with its agenda
    published, a cancelled youth meeting, a full task force meeting whose agenda is a draft, and an overdue item in
    an earlier work plan of the adult committee."""
    settings.SITE_URL = "https://taskforce.example.org"
    world, _meeting = busy_world
    now = timezone.now()
    today = timezone.localdate()

    def meeting(committee, title, days, **fields):
        at = now + datetime.timedelta(days=days)
        return Meeting.objects.create(
            committee=committee, title=title, starts_at=at, ends_at=at + datetime.timedelta(hours=1), **fields
        )

    private = meeting(world.adult, "Adult committee, closed session", 4, agenda_state=Meeting.AgendaState.PUBLISHED)
    ActionItem.objects.create(
        meeting=private, description="Adult committee follow-up", owner=world.other_cochair, due_on=today
    )
    meeting(world.youth, "Youth committee, cancelled", 2, status=Meeting.Status.CANCELLED)
    meeting(world.task_force, "Task force, December", 5, is_public=True)
    earlier = WorkPlan.objects.create(
        committee=world.adult,
        title="Last year's priorities",
        starts_on=datetime.date(today.year - 1, 1, 1),
        ends_on=datetime.date(today.year - 1, 12, 31),
    )
    WorkPlanItem.objects.create(
        work_plan=earlier,
        title="Finish the referral guide",
        start_on=datetime.date(today.year - 1, 1, 1),
        due_on=datetime.date(today.year - 1, 6, 30),
    )
    return world


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_entry_of_the_digest_opens_in_the_app_for_its_reader(crowded_world, client, persona):
    user = getattr(crowded_world, persona).user
    digest = digest_for(user)
    links = entries(digest)
    assert len(digest) > 0 and len(links) >= len(digest)  # each entry is a link (a published agenda adds one)
    client.force_login(user)
    for address, text in links:
        url = urlparse(address)
        page = client.get(f"{url.path}?{url.query}" if url.query else url.path)
        assert page.status_code == 200, (persona, address, text)
        shown = " ".join(html.unescape(page.content.decode()).split())
        # The entry's name: an organization before ", 2026" or " for 2026", a meeting's title before its date.
        name = "Agenda" if text == "agenda" else text.split(", ")[0].split(" for ")[0]
        assert name in shown, (persona, address, text)


def test_each_role_hears_only_of_its_own(crowded_world):
    world = crowded_world
    said = {persona: {text for _a, text in entries(digest_for(getattr(world, persona).user))} for persona in PERSONAS}
    everything = set().union(*said.values())

    def has(persona, words):
        return any(words in text for text in said[persona])

    # The private adult meeting: its committee's co-chair and staff, not the youth committee's people.
    assert has("other_cochair", "Adult committee, closed session")
    assert not any(has(persona, "closed session") for persona in ["member", "cochair", "data_contact"])
    assert not any("cancelled" in text for text in everything)
    # The task force meeting: every representative, with no agenda link while it is a draft.
    assert all(has(persona, "Task force, December") for persona in ["member", "cochair", "data_contact"])
    # Work-plan items: the co-chairs of their committee only.
    assert has("other_cochair", "Finish the referral guide") and has("other_cochair", "Draft a shelter policy")
    assert not any(has(persona, "Finish the referral guide") for persona in PERSONAS if persona != "other_cochair")
    # Action items: their owner only.
    assert has("other_cochair", "Adult committee follow-up")
    assert not any(has(persona, "follow-up") for persona in PERSONAS if persona != "other_cochair")
    # Staff lists: staff only.
    for words in ["Night shelter beds", "Youth committee, September"]:
        assert has("staff", words)
        assert not any(has(persona, words) for persona in PERSONAS if persona != "staff")
    # The former co-chair, whose role ended, hears nothing of the committee.
    assert not has("former_cochair", "Youth committee")
