"""Forms of the resource list: the search and filters, the service form staff edit, pamphlet counts."""

import re

import django_filters
from django import forms
from django.contrib.postgres.forms import SimpleArrayField
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import ValidationError
from django.db.models import Exists, F, Func, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taskforce.dates import DateInput
from taskforce.versions import VersionedModelForm

from . import languages
from .filters import FilterForm
from .models import PamphletDistribution, Population, Service, ServiceCategory, validate_language_code

# Something that reads like a street address: a number, then words, then a street type.
STREET_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Za-z0-9.'-]+\s+){1,4}(?:st|street|ave|avenue|blvd|boulevard|rd|road|way|dr|drive|ln|lane|pl|place|ct|court|ter|terrace)\b",
    re.IGNORECASE,
)


def search_services(queryset, words):
    """PostgreSQL full-text search across the service, its organization, categories and languages.

    The document is the stored, indexed ``search_vector`` (see migration members 0004 for its words
    and weights), so a search reads the GIN index instead of building every service's document.
    """
    # Services may also be described in Spanish: a search in either language finds them.
    query = SearchQuery(words, search_type="websearch", config="english") | SearchQuery(
        words, search_type="websearch", config="spanish"
    )
    return (
        queryset.annotate(rank=SearchRank(F("search_vector"), query))
        .filter(search_vector=query)
        .order_by("-rank", "name", "pk")
    )


class ServiceFilter(django_filters.FilterSet):
    """What a member or visitor narrows the list by; every choice fits on a phone."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_words")
    # Categories and populations filter through EXISTS, not a join: a join multiplies the rows
    # the full-text expression is computed on, which PostgreSQL can turn into a very slow plan.
    category = django_filters.ModelChoiceFilter(
        label=_("Kind of help"),
        method="filter_category",
        to_field_name="slug",
        queryset=ServiceCategory.objects.all(),
        empty_label=_("Any kind of help"),
    )
    population = django_filters.ModelChoiceFilter(
        label=_("For"),
        method="filter_population",
        to_field_name="slug",
        queryset=Population.objects.all(),
        empty_label=_("Anyone"),
    )
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
        form = FilterForm

    def __init__(self, *args, language_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
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
        links = Service.categories.through.objects.filter(service=OuterRef("pk"), servicecategory=value)
        return queryset.filter(Exists(links))

    def filter_population(self, queryset, name, value):
        links = Service.populations.through.objects.filter(service=OuterRef("pk"), population=value)
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
            "name",
            "description",
            "name_es",
            "description_es",
            "how_to_refer_es",
            "categories",
            "populations",
            "languages",
            "eligibility",
            "minimum_age",
            "maximum_age",
            "fees",
            "how_to_refer",
            "phone",
            "is_24_hour",
            "email",
            "url",
            "location_is_confidential",
            "street_address",
            "city",
            "state",
            "postal_code",
            "hours",
            "visibility",
            "status",
            "last_verified_on",
            "last_verified_by",
        ]

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
            for field in ("description", "description_es", "how_to_refer", "how_to_refer_es", "hours", "eligibility"):
                if STREET_ADDRESS.search(cleaned.get(field) or ""):
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
