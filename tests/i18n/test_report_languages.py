"""The published annual report as a visitor reads it in Spanish, Chinese and Filipino: the words that come from
Python (the suppression labels and notes, the breakdowns' titles, the progress of objectives), from the metric
charts' SVG template and from the data (the breakdown categories' names, a column per language) are in the
page's language, not English."""

import importlib
import io
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from reports.models import BreakdownCategory
from tests.reports.helpers import default_categories

# Words the demo's 2024 report shows (members/demo, reports/demo, goals/demo): English, then each language's.
EXPECTED = {
    # reports/suppression.py: Gender's "Transgender male" and more are from 1 to 4.
    "fewer than 5": {"es": "menos de 5", "zh-hant": "少於 5", "tl": "mas kaunti sa 5"},
    # reports/suppression.py: Industry hides a second cell so the first cannot be worked out.
    "not shown": {"es": "no se muestra", "zh-hant": "不公布", "tl": "hindi ipinapakita"},
    # reports/models.py: BreakdownCategory.Dimension, the breakdown's title.
    "Race and ethnicity": {"es": "Raza y etnia", "zh-hant": "種族與族裔", "tl": "Lahi at etnisidad"},
    # A breakdown category: data, with its name per language (reports/translation.py).
    "Female": {"es": "Mujer", "zh-hant": "女性", "tl": "Babae"},
    "18 to 24": {"es": "De 18 a 24", "zh-hant": "18 至 24 歲", "tl": "18 hanggang 24"},
    # templates/goals/_metric_chart.svg: the target line of "# of new housing units and rooms made available".
    "Target 60": {"es": "Meta 60", "zh-hant": "目標值 60", "tl": "Tunguhin 60"},
    "Latest figures:": {"es": "Cifras más recientes:", "zh-hant": "最新數字：", "tl": "Pinakabagong bilang:"},
    # goals/models.py: an objective's status.
    "In progress": {"es": "En curso", "zh-hant": "進行中", "tl": "Isinasagawa"},
}
SHIPPED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def visible_text(body):
    """The page's text and its SVG titles and descriptions, without tags, scripts or styles."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


@pytest.fixture
def demo_report(db):
    # Transactional tests flush the migrations' rows: put back the default categories and their names.
    default_categories()
    importlib.import_module("reports.migrations.0010_breakdown_category_names_per_language").names_per_language(
        apps, None
    )
    call_command("seed_demo", stdout=io.StringIO())
    return reverse("reports:report", args=[2024])


def test_the_english_report_shows_the_english_words(client, demo_report):
    text = visible_text(client.get(demo_report, HTTP_ACCEPT_LANGUAGE="en").content.decode())
    for english in EXPECTED:
        assert english in text, english


@pytest.mark.parametrize("language", SHIPPED)
def test_the_report_for_a_visitor_is_in_the_visitors_language(client, demo_report, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(demo_report)
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    missing = [words[language] for words in EXPECTED.values() if words[language] not in text]
    still_english = [english for english in EXPECTED if english in text]
    assert missing == [], f"{language}: not on the page"
    assert still_english == [], f"{language}: still in English"


def test_a_category_with_no_name_in_the_language_is_shown_in_english_and_says_so(client, demo_report):
    category = BreakdownCategory.objects.get(dimension="gender", name_en="Female")
    category.name_es = None
    category.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    body = client.get(demo_report).content.decode()
    assert '<th scope="row" lang="en">Female</th>' in body
    assert '<th scope="row">Hombre</th>' in body
