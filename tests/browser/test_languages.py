"""An anonymous visitor switches language on the home page and reads the resource list, a service and a public
meeting in it; axe passes on every page. Screenshots of the resource list in each language go to /work/shots/i18n
(or SHOTS_DIR) when that folder can be written."""

import datetime
import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import AgendaItem, Meeting
from tests.browser.helpers import assert_accessible
from tests.resources.conftest import build_services, build_vocabulary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/work/shots/i18n"))

# What each language's pages say: the switcher's button, the home page's resource panel, the home link, the resource list's heading, a label of
# the service page, the meetings heading, the public-meeting badge and the draft notice's first words.
LANGUAGES = {
    "es": {
        "button": "Español",
        "help": "Ayuda para sobrevivientes",
        "home": "Inicio",
        "resources": "Recursos",
        "heading": "Recursos para sobrevivientes",
        "how_to_refer": "Cómo referir",
        "meetings": "Reuniones",
        "public": "Reunión pública",
        "agenda": "Agenda",
        "draft": "La traducción de esta página es un borrador",
        "month": "de 2026",
    },
    "zh-hant": {
        "button": "繁體中文",
        "help": "倖存者協助",
        "home": "首頁",
        "resources": "資源",
        "heading": "倖存者資源",
        "how_to_refer": "如何轉介",
        "meetings": "會議",
        "public": "公開會議",
        "agenda": "議程",
        "draft": "本頁的翻譯是草稿",
        "month": "2026年",
    },
    "tl": {
        "button": "Filipino",
        "help": "Tulong para sa mga survivor",
        "home": "Home",
        "resources": "Mga mapagkukunan",
        "heading": "Mga mapagkukunan para sa mga survivor",
        "how_to_refer": "Paano mag-refer",
        "meetings": "Mga pulong",
        "public": "Pampublikong pulong",
        "agenda": "Agenda",
        "draft": "Borador ang salin ng pahinang ito",
        "month": "2026",
    },
}


@pytest.fixture(autouse=True)
def _no_animations(page):
    page.emulate_media(reduced_motion="reduce")


@pytest.fixture
def public_pages(world):
    services = build_services(world, build_vocabulary())
    start = timezone.make_aware(datetime.datetime(2026, 3, 4, 13, 30))
    meeting = Meeting.objects.create(
        committee=world.task_force,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        location="City Hall, Room 201",
        is_public=True,
        agenda_state=Meeting.AgendaState.PUBLISHED,
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome and introductions", duration_minutes=10)
    return services, meeting


def _shot(page, name):
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    page.screenshot(path=str(SHOTS / name), full_page=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visitor_reads_the_public_pages_in_their_language(page, live_server, public_pages, language):
    words = LANGUAGES[language]
    services, meeting = public_pages
    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switcher = page.get_by_role("form", name="Show the pages in:")
    choice = switcher.get_by_role("button", name=words["button"], exact=True)
    expect(choice).to_have_attribute("lang", language)
    # With the keyboard: Tab reaches the button, Enter presses it.
    choice.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("link", name=words["home"], exact=True)).to_be_visible()
    expect(page.get_by_text(words["draft"])).to_be_visible()
    expect(page.get_by_role("button", name=words["button"], exact=True)).to_have_attribute("aria-pressed", "true")
    assert_accessible(page)
    expect(page.get_by_role("heading", name=words["help"], level=2)).to_be_visible()
    _shot(page, f"home-{language}.png")

    page.locator("#main-nav").get_by_role("link", name=words["resources"], exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=words["heading"], level=1)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
    _shot(page, f"resources-{language}.png")

    # The service's name as the visitor reads it: its own text in that language where staff gave one.
    name = str(services.legal.texts(language)["name"])
    page.get_by_role("link", name=name).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    expect(page.get_by_text(words["how_to_refer"], exact=True)).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/meetings/")
    expect(page.get_by_role("heading", name=words["meetings"], level=1)).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_text(words["public"], exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=words["agenda"], level=2)).to_be_visible()
    expect(page.locator(".lead")).to_contain_text(words["month"])
    assert_accessible(page)
    _shot(page, f"meeting-{language}.png")

    # And back to English from any page.
    page.get_by_role("button", name="English", exact=True).click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("Public meeting", exact=True)).to_be_visible()
    expect(page.locator(".draft-translation")).to_have_count(0)


def test_the_english_resource_list(page, live_server, public_pages):
    page.goto(f"{live_server.url}/resources/")
    expect(page.get_by_role("heading", name="Resources for survivors", level=1)).to_be_visible()
    _shot(page, "resources-en.png")


def test_the_browsers_language_is_honoured(browser, live_server, public_pages):
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    page.goto(f"{live_server.url}/resources/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", name="Recursos para sobrevivientes", level=1)).to_be_visible()
    assert_accessible(page)
    context.close()
