"""A visitor switches language with the switcher (never by URL) and reads, in each of the four languages: the home
page, the resource list with a search typed in that language that finds a service by its text in that language,
that service's page, the pamphlet PDF opened from the list's link (its text read with pdftotext; the Chinese one
drawn with an embedded CJK font), the meetings and a public meeting; axe passes on every page. Screenshots of the
pages and page 1 of each pamphlet (PNG, pdftoppm) go to /work/shots/i18n (or SHOTS_DIR) when that folder can be
written."""

import datetime
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import AgendaItem, Meeting
from members.pamphlet_text import TEXT as PAMPHLET_TEXT
from tests.browser.helpers import assert_accessible
from tests.resources.conftest import build_services, build_vocabulary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/work/shots/i18n"))

# What each language's pages say: the switcher's button, the home page's resource panel, the home link, the resource list's heading, a label of
# the service page, the meetings heading, the public-meeting badge, the draft notice's first words (English has none), a word of the
# meeting's date, and a search typed in the language that finds the legal service by its text in that language only.
LANGUAGES = {
    "en": {
        "button": "English",
        "help": "Help for survivors",
        "home": "Home",
        "resources": "Resources",
        "heading": "Resources for survivors",
        "how_to_refer": "How to refer",
        "meetings": "Meetings",
        "public": "Public meeting",
        "agenda": "Agenda",
        "draft": None,
        "month": "March 4, 2026",
        "search": "legal representation",
    },
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
        "search": "asesorías legales",
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
        "search": "法律",
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
        "search": "representasyon",
    },
}


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    # The pamphlet is drawn when first asked for, as the worker would (the live server runs in this process).
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def public_pages(world):
    services = build_services(world, build_vocabulary())
    # The legal service in every language (build_services gives it Spanish): each language's search finds it by its own words.
    legal = services.legal
    legal.name_zh_hant = "為成人提供的西班牙語法律協助"
    legal.description_zh_hant = "以西班牙語為勞力販運的成年倖存者提供法律諮詢與代理。"
    legal.name_tl = "Tulong legal sa Espanyol para sa matatanda"
    legal.description_tl = (
        "Payong legal at representasyon para sa mga nasa hustong gulang na nakaligtas sa labor trafficking."
    )
    legal.save()
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


def _shots_folder():
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return SHOTS


def _shot(page, name):
    if folder := _shots_folder():
        page.screenshot(path=str(folder / name), full_page=True)


def _words(text, language):
    """What pdftotext read, comparable with a text: Chinese has no spaces, and a line may break between any two characters."""
    if language == "zh-hant":
        return re.sub(r"\s+", "", text)
    return " ".join(text.split())


def _read_pamphlet(path, language, tmp_path):
    """The pamphlet's text (pdftotext), its fonts (pdffonts) and page 1 as a PNG in the shots folder (pdftoppm)."""
    text = subprocess.run(
        [shutil.which("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    fonts = subprocess.run([shutil.which("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    prefix = tmp_path / f"pamphlet-{language}"
    subprocess.run(
        [shutil.which("pdftoppm"), "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(path), str(prefix)],
        check=True,
    )
    if folder := _shots_folder():
        shutil.copy(f"{prefix}.png", folder / f"pamphlet-{language}-page-1.png")
    return _words(text, language), fonts


def _switch_to(page, live_server, language):
    """Open the home page in another language than the one wanted, then press the wanted one's button by keyboard."""
    if language == "en":
        page.set_extra_http_headers({"Accept-Language": "es"})  # an English reader on a Spanish browser
    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "es" if language == "en" else "en")
    switcher = page.locator("form.language-switcher")
    choice = switcher.get_by_role("button", name=LANGUAGES[language]["button"], exact=True)
    expect(choice).to_have_attribute("lang", language)
    # With the keyboard: Tab reaches the button, Enter presses it.
    choice.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visitor_reads_the_public_pages_in_their_language(page, live_server, public_pages, language, tmp_path):
    words = LANGUAGES[language]
    services, meeting = public_pages
    _switch_to(page, live_server, language)

    # The home page.
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("link", name=words["home"], exact=True)).to_be_visible()
    if words["draft"]:
        expect(page.get_by_text(words["draft"])).to_be_visible()
    else:
        expect(page.locator(".draft-translation")).to_have_count(0)
    expect(page.get_by_role("button", name=words["button"], exact=True)).to_have_attribute("aria-pressed", "true")
    assert_accessible(page)
    expect(page.get_by_role("heading", name=words["help"], level=2)).to_be_visible()
    _shot(page, f"home-{language}.png")

    # The resource list, and a search typed in the language that finds the service by its text in that language.
    page.locator("#main-nav").get_by_role("link", name=words["resources"], exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=words["heading"], level=1)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
    _shot(page, f"resources-{language}.png")
    name = str(services.legal.texts(language)["name"])
    description = str(services.legal.texts(language)["description"])
    assert not services.legal.texts(language)["name"].in_english
    search = page.locator("#id_q")
    search.fill(words["search"])
    search.press("Enter")
    page.wait_for_load_state()
    assert page.locator(".resource-card h2").all_inner_texts() == [name]
    expect(page.locator(".resource-card").get_by_text(description)).to_be_visible()
    assert_accessible(page)
    _shot(page, f"resources-{language}-search.png")

    # The service's page, in the language.
    page.get_by_role("link", name=name).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    expect(page.get_by_text(words["how_to_refer"], exact=True)).to_be_visible()
    assert_accessible(page)
    _shot(page, f"service-{language}.png")

    # The pamphlet in the language, opened from the list's link: the browser shows the PDF.
    page.go_back()
    page.wait_for_load_state()
    link = page.get_by_role("link", name=PAMPHLET_TEXT[language]["link"], exact=True)
    expect(link).to_have_attribute("hreflang", language)
    with page.expect_response(lambda response: "/resources/pamphlet.pdf" in response.url) as opened:
        link.click()
    response = opened.value
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    # Chromium's viewer hands back its own page as the body: the same address again, through the browser's context.
    pdf = tmp_path / "pamphlet.pdf"
    pdf.write_bytes(page.request.get(response.url).body())
    assert pdf.read_bytes().startswith(b"%PDF-")
    page.go_back()
    page.wait_for_load_state()
    text, fonts = _read_pamphlet(pdf, language, tmp_path)
    for expected in (PAMPHLET_TEXT[language]["title"], PAMPHLET_TEXT[language]["services_heading"], name):
        assert _words(expected, language) in text, expected
    if language == "zh-hant":
        # Chinese drawn with the CJK font, embedded: characters, not empty boxes (page 1's PNG shows them).
        assert re.search(r"\+Noto-Sans-CJK-TC\s.*\byes yes\b", fonts), fonts

    # The meetings and a public meeting.
    page.locator("#main-nav").get_by_role("link", name=words["meetings"], exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=words["meetings"], level=1)).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_text(words["public"], exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=words["agenda"], level=2)).to_be_visible()
    expect(page.locator(".lead")).to_contain_text(words["month"])
    assert_accessible(page)
    _shot(page, f"meeting-{language}.png")

    # And to another language from any page: English, or Spanish from English.
    other = "es" if language == "en" else "en"
    page.get_by_role("button", name=LANGUAGES[other]["button"], exact=True).click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.get_by_text(LANGUAGES[other]["public"], exact=True)).to_be_visible()
    if other == "en":
        expect(page.locator(".draft-translation")).to_have_count(0)


def test_the_browsers_language_is_honoured(browser, live_server, public_pages):
    context = browser.new_context(locale="es-ES")
    page = context.new_page()
    page.goto(f"{live_server.url}/resources/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", name="Recursos para sobrevivientes", level=1)).to_be_visible()
    assert_accessible(page)
    context.close()
