"""Work kept in the cache is kept per language: the annual report's body drawn for a Spanish reader is never
served to an English one, nor laid out in the English PDF."""

from django.core.cache import cache
from django.utils import translation

from reports.pdf import report_body_html
from tests.reports.helpers import default_categories, make_year


def test_the_report_body_is_kept_per_language(db):
    default_categories()
    year = make_year(2025)
    cache.clear()
    with translation.override("zh-hant"):
        chinese = report_body_html(reporting_year=year, version="v1")
    with translation.override("en"):
        english = report_body_html(reporting_year=year, version="v1")
    # Drawn first in Chinese, the body must not come back from the cache in Chinese for an English reader.
    assert "Committees and chairs" in english
    assert "Committees and chairs" not in chinese
