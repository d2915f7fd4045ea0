"""The resource list in Spanish and Chinese (the browser's language): a search in that language, a service
page with its English texts marked; axe passes on every page. Screenshots go to /work/shots/content/ when
that folder exists (the closing note of issue 16 shows them)."""

from pathlib import Path

import pytest

from tests.browser.helpers import assert_accessible, screenshot
from tests.resources.conftest import build_services, build_vocabulary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/shots/content")


@pytest.fixture
def services(world):
    services = build_services(world, build_vocabulary())
    shelter = services.shelter
    shelter.name_zh_hant = "亞裔婦女保密庇護所"
    shelter.description_zh_hant = "在保密地點提供緊急庇護。"
    shelter.name_es = "Refugio confidencial para mujeres asiáticas"
    shelter.save()
    return services


def in_language(page, language):
    page.set_extra_http_headers({"Accept-Language": language})
    return page


def test_spanish_visitor_searches_in_spanish_and_opens_a_service(page, live_server, services):
    page = in_language(page, "es")
    page.goto(f"{live_server.url}/resources/")
    search = page.locator("#id_q")
    search.fill("asesorías legales")
    search.press("Enter")
    page.wait_for_load_state()
    names = page.locator(".resource-card h2").all_inner_texts()
    assert names == ["Ayuda legal en español para personas adultas"]
    # How to refer has no Spanish text: shown in English, marked, in a span the screen reader reads as English.
    card = page.locator(".resource-card").first
    assert card.locator('span[lang="en"]', has_text="Call the intake line.").is_visible()
    assert card.locator(".in-english").first.is_visible()
    assert_accessible(page)
    screenshot(page, SHOTS, "resources-es-search")
    page.get_by_role("link", name="Ayuda legal en español para personas adultas").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Ayuda legal en español para personas adultas"
    assert page.get_by_text("Asesoría y representación legal para sobrevivientes adultos").is_visible()
    assert_accessible(page)
    screenshot(page, SHOTS, "service-es")


def test_chinese_visitor_searches_in_chinese(page, live_server, services):
    page = in_language(page, "zh-TW,zh;q=0.9")
    page.goto(f"{live_server.url}/resources/")
    screenshot(page, SHOTS, "resources-zh-hant")
    search = page.locator("#id_q")
    search.fill("庇護")
    search.press("Enter")
    page.wait_for_load_state()
    assert page.locator(".resource-card h2").all_inner_texts() == ["亞裔婦女保密庇護所"]
    assert page.get_by_text("在保密地點提供緊急庇護。").is_visible()
    assert_accessible(page)
    screenshot(page, SHOTS, "resources-zh-hant-search")
    page.get_by_role("link", name="亞裔婦女保密庇護所").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "亞裔婦女保密庇護所"
    # How to refer has no Chinese text: English, marked.
    assert page.locator('span[lang="en"]', has_text="Call the 24-hour crisis line.").is_visible()
    assert_accessible(page)
    screenshot(page, SHOTS, "service-zh-hant")
