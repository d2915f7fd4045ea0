"""Service texts per language (members/translation.py): pages, search and the HSDS export in the visitor's
language, each text without a translation shown in English and marked "(in English)"."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from jsonschema import Draft202012Validator, FormatChecker

from members.models import Service
from members.resource_forms import search_services
from tests.resources.test_hsds_export import schema_dir

pytestmark = pytest.mark.django_db
LIST = reverse("members:resources")
HSDS = reverse("members:hsds")


@pytest.fixture
def translated(services, vocabulary):
    """The legal service in Chinese too, with fees that only exist in English."""
    legal = services.legal
    legal.name_zh_hant = "為成人提供的西班牙語法律協助"
    legal.description_zh_hant = "為勞力販運的成年倖存者提供法律諮詢與代理。"
    legal.fees_en = "Free"
    legal.save()
    vocabulary.categories["Legal"].name_zh_hant = "法律協助"
    vocabulary.categories["Legal"].save()
    for name in ["Adults", "Labor-trafficking survivors"]:
        vocabulary.populations[name].name_zh_hant = None
        vocabulary.populations[name].save()
    return services


def page(client, url, language, **params):
    response = client.get(url, params, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_a_text_without_a_translation_falls_back_to_english_and_says_so(translated):
    legal = Service.objects.get(pk=translated.legal.pk)
    spanish = legal.texts("es")
    assert spanish["name"] == "Ayuda legal en español para personas adultas" and not spanish["name"].in_english
    assert spanish["fees"] == "Free" and spanish["fees"].in_english
    assert legal.texts("tl")["name"] == "Spanish-speaking legal help for adults"
    assert legal.texts("tl")["name"].in_english
    # English is never "in English" as a fallback, and an empty text stays empty everywhere.
    assert not legal.texts("en")["fees"].in_english
    assert legal.texts("zh-hant")["eligibility"] == "" and not legal.texts("zh-hant")["eligibility"].in_english


def test_service_page_in_spanish_marks_the_english_texts(client, translated):
    body = page(client, translated.legal.get_absolute_url(), "es")
    assert "<title>Ayuda legal en español para personas adultas" in body
    assert "Asesoría y representación legal para sobrevivientes adultos" in body
    # How to refer has no Spanish text: shown in English, marked, and read out as English.
    assert '<span lang="en">Call the intake line.</span> <small class="in-english">' in body
    assert '<span lang="en">Free</span> <small class="in-english">' in body


def test_service_page_in_chinese(client, translated):
    body = page(client, translated.legal.get_absolute_url(), "zh-hant")
    assert "為成人提供的西班牙語法律協助" in body and "為勞力販運的成年倖存者提供法律諮詢與代理。" in body
    assert ">法律協助</span>" in body


def test_service_page_in_english_has_no_marker(client, translated):
    body = page(client, translated.legal.get_absolute_url(), "en")
    assert "Spanish-speaking legal help for adults" in body and "in-english" not in body.split("<main", 1)[-1]


def test_resource_list_in_chinese_shows_chinese_names_and_english_ones_marked(client, translated):
    body = page(client, LIST, "zh-hant")
    assert "為成人提供的西班牙語法律協助" in body
    # The shelter has no Chinese name: its English name, marked.
    assert '<span lang="en">Confidential shelter for Asian women</span></a> <small class="in-english">' in body


@pytest.mark.parametrize(
    ("language", "words", "found"),
    [
        # Spanish stemming: "asesorías" finds "Asesoría" in the Spanish description.
        ("es", "asesorías legales", "legal"),
        # Chinese: characters of the Chinese name or description, found through pg_trgm's index.
        ("zh-hant", "法律", "legal"),
        ("zh-hant", "勞力 倖存者", "legal"),
        # English words still find services on a page in another language (their texts may be English only).
        ("es", "shelter", "shelter"),
        ("zh-hant", "shelter", "shelter"),
    ],
)
def test_search_in_the_visitors_language(client, translated, language, words, found):
    body = page(client, LIST, language, q=words)
    assert f'id="service-{getattr(translated, found).pk}-name"' in body
    assert body.count('class="card resource-card') == 1


def test_filipino_search_uses_the_simple_configuration(translated):
    legal = translated.legal
    legal.description_tl = "Libreng tulong legal para sa mga nakaligtas sa trafficking."
    legal.save()
    with translation.override("tl"):
        found = list(search_services(Service.objects.public(), "tulong"))
    assert found == [legal]
    # "simple" does not stem: a Filipino word is matched as written (lowercased), never cut by English rules.
    with translation.override("tl"):
        assert list(search_services(Service.objects.public(), "NAKALIGTAS")) == [legal]


def test_chinese_search_finds_nothing_for_characters_no_text_has(client, translated):
    body = page(client, LIST, "zh-hant", q="廚房")
    assert "resource-card" not in body


@pytest.mark.parametrize("language", ["es", "zh-hant", "tl"])
def test_hsds_export_in_each_language_validates_against_the_schema(client, translated, language):
    response = client.get(HSDS, {"lang": language})
    assert response.status_code == 200 and response["Content-Language"] == language
    schema = json.loads((schema_dir() / "service_with_definitions.json").read_text())
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    document = response.json()
    assert document["total_items"] == 3
    for service in document["contents"]:
        errors = sorted(validator.iter_errors(service), key=lambda error: list(error.path))
        assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors)


def test_hsds_export_in_chinese_has_chinese_rows_and_marks_english_ones(client, translated):
    document = client.get(HSDS, {"lang": "zh-hant"}).json()
    legal = next(row for row in document["contents"] if row["id"] == str(translated.legal.hsds_id))
    assert legal["name"] == "為成人提供的西班牙語法律協助"
    # The marker is the catalogue's, in the export's language, like the export's other fixed words.
    assert legal["fees_description"] == "Free （英文）"
    term = legal["attributes"][0]["taxonomy_term"]
    assert (term["name"], term["language"]) == ("法律協助", "zh-hant")
    english = client.get(HSDS, {"lang": "en"}).json()
    english_legal = next(row for row in english["contents"] if row["id"] == legal["id"])
    english_term = english_legal["attributes"][0]["taxonomy_term"]
    assert (english_term["name"], english_term["language"]) == ("Legal", "en")
    # A term in another language is its own row: its own identifier, the English one unchanged.
    assert english_term["id"] != term["id"]
    populations = [row["taxonomy_term"] for row in legal["attributes"] if row["link_type"] == "population"]
    # Populations without a Chinese name stay English rows, said to be English.
    assert {term["language"] for term in populations} == {"en"}


@pytest.mark.parametrize(("language", "separator"), [("en", ", "), ("es", ", "), ("zh-hant", "、"), ("tl", ", ")])
def test_lists_of_names_are_joined_as_the_language_writes_a_list(client, services, language, separator):
    """The populations and languages on the list and the service page: Chinese joins them with "、", as the
    pamphlet does (members.pamphlet_text.list_separator), the other languages with ", "."""
    legal = Service.objects.get(pk=services.legal.pk)
    with translation.override(language):
        languages = separator.join(legal.language_labels)
        populations = separator.join(str(population.text()) for population in legal.populations.order_by("pk"))
    assert "、" not in languages + populations or language == "zh-hant"
    for url in [LIST, legal.get_absolute_url()]:
        body = page(client, url, language)
        assert f"<dd>{languages}</dd>" in body
    assert populations.split(separator)[0] + separator in page(client, LIST, language)


@pytest.mark.parametrize(("language", "before_ages"), [("en", "; "), ("es", "; "), ("zh-hant", "；"), ("tl", "; ")])
def test_the_age_range_follows_the_populations_as_the_language_punctuates(client, services, language, before_ages):
    """On a resource card, "Minors; 11-24": Chinese sets its full-width semicolon, with no space, before the ages."""
    youth = Service.objects.get(pk=services.youth.pk)
    with translation.override(language):
        expected = f"{youth.populations.get().text()}{before_ages}{youth.age_range}</dd>"
    assert expected in page(client, LIST, language)
