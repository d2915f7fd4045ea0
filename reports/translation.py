"""Texts staff enter per language (django-modeltranslation, as members/translation.py): a breakdown category's
name has a column per language beside the English one, and the published report shows it in the reader's
language (docs/translations.md).

``name`` stays the English text's column for the unique constraint (a breakdown's categories differ in English).
"""

from modeltranslation.translator import TranslationOptions, register

from .models import BreakdownCategory


class BreakdownCategoryTranslation(TranslationOptions):
    fields = ("name",)
    # A language without a name stores NULL, never "" (names are unique per breakdown only in English).
    empty_values = None


register(BreakdownCategory)(BreakdownCategoryTranslation)
# The history (django-simple-history) keeps every language's name.
register(BreakdownCategory.history.model)(BreakdownCategoryTranslation)
