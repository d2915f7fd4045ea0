"""Texts staff enter per language (django-modeltranslation): a column per language beside the English one.

``name`` stays the English text's column for the unique constraints and the search document; the
descriptors read the active language's column and fall back to English (settings.MODELTRANSLATION_*).
Pages that show such a text use ``Service.texts()`` / ``Term.text()``, which also say when it fell back.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Population, Service, ServiceCategory


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = Service.TRANSLATED_FIELDS
    # The name is unique per organization in each language: a missing name is NULL, never "".
    empty_values = {"name": None}


# The history (django-simple-history) keeps every language's texts, as it kept the Spanish ones.
register(Service.history.model)(ServiceTranslation)


class TermTranslation(TranslationOptions):
    fields = ("name",)
    # The name is unique: a language without a name stores NULL (never "", which only one row could hold).
    empty_values = None


register(ServiceCategory)(TermTranslation)
register(Population)(TermTranslation)
