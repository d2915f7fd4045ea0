"""Forms of the resource list: the search and filters, the service form staff edit, pamphlet counts."""

import re

import django_filters
from django import forms
from django.conf import settings
from django.contrib.postgres.forms import SimpleArrayField
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.exceptions import ValidationError
from django.db.models import Exists, F, Func, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from taskforce.dates import DateInput
from taskforce.versions import VersionedModelForm

from . import languages
from .models import (
    PamphletDistribution,
    Service,
    content_language,
    validate_language_code,
)

# Something that reads like a street address: a number, then words, then a street type.
STREET_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Za-z0-9.'-]+\s+){1,4}(?:st|street|ave|avenue|blvd|boulevard|rd|road|way|dr|drive|ln|lane|pl|place|ct|court|ter|terrace)\b",
    re.IGNORECASE,
)


def translation_fields(*fields):
    """Each field's column in every language (members/translation.py), English first."""
    return [build_localized_fieldname(field, code) for field in fields for code, _name in settings.LANGUAGES]


# The text search configuration a language's words are stemmed with (Filipino has none in
# PostgreSQL: "simple" only lowercases). Chinese is not here: see search_services.
SEARCH_CONFIGS = {"en": "english", "es": "spanish", "tl": "simple"}
CHINESE = "zh-hant"


def search_services(queryset, words, language=None):
    """PostgreSQL full-text search across the service, its organization, categories and languages,
    in English and in the visitor's language.

    The document is the stored, indexed ``search_vector`` (migrations members 0004 and 0009 say
    its words, weights and configurations), so a search reads the GIN index instead of building
    every service's document. English words always count (a text with no translation is shown in
    English); the page's language adds its own configuration (Spanish stemming, "simple" for
    Filipino; on an English page, Spanish too, as before). Chinese is written without spaces
    between words, so a Chinese search looks for each of its terms in the Chinese name or
    description, through their pg_trgm trigram index, and ranks by trigram word similarity.
    """
    language = content_language(language or translation.get_language())
    query = SearchQuery(words, search_type="websearch", config="english")
    other = SearchQuery(words, search_type="websearch", config=SEARCH_CONFIGS.get(language, "spanish"))
    if language != "en" and language in SEARCH_CONFIGS:
        query |= other
    elif language == "en":
        query |= SearchQuery(words, search_type="websearch", config="spanish")
    matches = Q(search_vector=query)
    rank = SearchRank(F("search_vector"), query)
    if language == CHINESE:
        in_chinese = Q()
        for term in words.split():
            in_chinese &= Q(name_zh_hant__icontains=term) | Q(description_zh_hant__icontains=term)
        matches |= in_chinese
        rank = Greatest(rank, Coalesce(TrigramWordSimilarity(words, "name_zh_hant"), Value(0.0)))
    return queryset.annotate(rank=rank).filter(matches).order_by("-rank", "name", "pk")


class ServiceFilter(django_filters.FilterSet):
    """What a member or visitor narrows the list by; every choice fits on a phone."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_words")
    # Categories and populations filter through EXISTS, not a join: a join multiplies the rows
    # the full-text expression is computed on, which PostgreSQL can turn into a very slow plan.
    # Their choices are the terms the page reads once for its cards too (see __init__).
    category = django_filters.ChoiceFilter(
        label=_("Kind of help"), method="filter_category", empty_label=_("Any kind of help")
    )
    population = django_filters.ChoiceFilter(label=_("For"), method="filter_population", empty_label=_("Anyone"))
    language = django_filters.ChoiceFilter(label=_("Language"), method="filter_language", empty_label=_("Any language"))
    age = django_filters.NumberFilter(
        label=_("Age of the person"),
        method="filter_age",
        min_value=0,
        max_value=120,
    )
    open_24_hours = django_filters.BooleanFilter(
        label=_("Answers 24 hours a day"),
        method="filter_24_hours",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Service
        fields = []

    def __init__(self, *args, language_codes=(), categories=(), populations=(), **kwargs):
        """``categories`` and ``populations``: every ServiceCategory and Population, in their order (the
        page reads them once, for these choices and for its cards)."""
        super().__init__(*args, **kwargs)
        self.terms = {"category": {term.slug: term for term in categories}}
        self.terms["population"] = {term.slug: term for term in populations}
        for name, terms in self.terms.items():
            self.filters[name].extra["choices"] = [(slug, str(term)) for slug, term in terms.items()]
        self.filters["language"].extra["choices"] = sorted(
            ((code, languages.label(code)) for code in language_codes), key=lambda choice: choice[1]
        )
        search = self.form.fields["q"].widget
        search.input_type = "search"
        search.attrs.update(
            {"class": "form-control", "placeholder": _("Try: Spanish legal help"), "enterkeyhint": "search"}
        )
        self.form.fields["age"].widget.attrs.update({"inputmode": "numeric"})

    def filter_words(self, queryset, name, value):
        return search_services(queryset, value) if value.strip() else queryset

    def filter_category(self, queryset, name, value):
        category = self.terms[name][value]
        links = Service.categories.through.objects.filter(service=OuterRef("pk"), servicecategory=category)
        return queryset.filter(Exists(links))

    def filter_population(self, queryset, name, value):
        population = self.terms[name][value]
        links = Service.populations.through.objects.filter(service=OuterRef("pk"), population=population)
        return queryset.filter(Exists(links))

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages__contains=[value])

    def filter_age(self, queryset, name, value):
        return queryset.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=value),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=value),
        )

    def filter_24_hours(self, queryset, name, value):
        return queryset.filter(is_24_hour=True) if value else queryset

    @property
    def is_narrowed(self):
        """Whether any filter beyond the words is in use (the filters then start open)."""
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return any(data.get(name) for name in ("category", "population", "language", "age", "open_24_hours"))


def language_codes_in_use(queryset):
    """Distinct language codes among the services a visitor can see, in one query."""
    codes = queryset.order_by().annotate(code=Func(F("languages"), function="unnest")).values_list("code", flat=True)
    return sorted(set(codes.distinct()))


class ServiceForm(VersionedModelForm):
    """A service as staff edit it (in the admin): ages, languages and a confidential location checked, and
    the version it was loaded at (taskforce/versions.py)."""

    languages = SimpleArrayField(
        forms.CharField(max_length=10),
        required=False,
        label=_("Languages"),
        help_text=_("ISO 639-1 codes separated by commas, for example: en, es, zh, vi."),
    )

    class Meta:
        model = Service
        fields = [
            "organization",
            *translation_fields("name", "description"),
            "categories",
            "populations",
            "languages",
            *translation_fields("eligibility"),
            "minimum_age",
            "maximum_age",
            *translation_fields("fees", "how_to_refer"),
            "phone",
            "is_24_hour",
            "email",
            "url",
            "location_is_confidential",
            "street_address",
            "city",
            "state",
            "postal_code",
            *translation_fields("hours"),
            "visibility",
            "status",
            "last_verified_on",
            "last_verified_by",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The English name is the service's name: required, as the plain name was.
        english_name = build_localized_fieldname("name", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        if english_name in self.fields:
            self.fields[english_name].required = True

    def clean_languages(self):
        codes = []
        for raw in self.cleaned_data.get("languages") or []:
            code = raw.strip().lower()
            if not code:
                continue
            try:
                validate_language_code(code)
            except ValidationError as error:
                raise ValidationError(error.messages[0], code="invalid_language") from None
            if code not in codes:
                codes.append(code)
        return codes

    def clean(self):
        # Ages and the confidential street address are checked by Service.clean(), next to their fields.
        cleaned = super().clean()
        if cleaned.get("location_is_confidential"):
            for field in translation_fields("description", "how_to_refer", "hours", "eligibility"):
                if field in self.fields and STREET_ADDRESS.search(cleaned.get(field) or ""):
                    self.add_error(
                        field,
                        ValidationError(
                            _(
                                "This looks like a street address, and the location is confidential: remove it, "
                                "this text is shown on the resource list."
                            ),
                            code="confidential_address_in_text",
                        ),
                    )
        return cleaned


class PamphletDistributionForm(forms.ModelForm):
    """Staff record how many pamphlets an agency handed out."""

    class Meta:
        model = PamphletDistribution
        fields = ["organization", "distributed_on", "quantity", "language", "where"]
        widgets = {"distributed_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].empty_label = _("Choose the agency")

    def clean_distributed_on(self):
        day = self.cleaned_data["distributed_on"]
        if day > timezone.localdate():
            raise ValidationError(
                _("That date is in the future: record pamphlets once they are handed out."), code="future"
            )
        return day

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        if quantity < 1:
            raise ValidationError(_("Enter how many pamphlets were handed out: at least 1."), code="too_few")
        return quantity
