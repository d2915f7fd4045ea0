"""Pages of the resource list: search, a service, the pamphlet PDF, the HSDS export, staff actions."""

import functools

from django.conf import settings
from django.contrib import messages
from django.contrib.postgres.fields import ArrayField
from django.contrib.staticfiles import finders
from django.db import connection
from django.db.models import F, IntegerField
from django.db.models.expressions import RawSQL
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from taskforce import dataversion
from taskforce import pdf as weasy
from taskforce.permissions import (
    ANYONE,
    STAFF_ONLY,
    access,
    can_see_inactive_services,
    can_see_members_only_services,
    is_staff,
)

from . import hsds, paging
from .models import PamphletDistribution, Service, ServiceCategory
from .pamphlet_text import PAPER_SIZES, TEXT, ages_in, language_name_in
from .resource_forms import PamphletDistributionForm, ServiceFilter
from .views import url_template

PAGE_SIZE = 20


def get_visible_service(user, pk):
    """A service the visitor may open; staff also open inactive ones. Others get 404, not a hint."""
    if can_see_inactive_services(user):
        services = Service.objects.all()
    else:
        services = Service.objects.listed(include_members_only=can_see_members_only_services(user))
    return get_object_or_404(
        services.select_related("organization", "last_verified_by").prefetch_related("categories", "populations"), pk=pk
    )


# Categories, populations (in their lists' order), then the language codes in use among the services
# a visitor may see, as Service.objects.listed() selects them: keyed by include_members_only.
_VOCABULARIES_SQL = """
SELECT 0, position, name, id, slug FROM members_servicecategory
UNION ALL SELECT 1, position, name, id, slug FROM members_population
UNION ALL (SELECT DISTINCT 2, 0, unnest(languages), 0, '' FROM members_service
"""
FILTER_OPTIONS_SQL = {
    True: _VOCABULARIES_SQL + "WHERE status = 'active') ORDER BY 1, 2, 3",
    False: _VOCABULARIES_SQL + "WHERE status = 'active' AND visibility = 'public') ORDER BY 1, 2, 3",
}


def _filter_options(*, include_members_only):
    """Categories and populations (pk, slug, name) in their own order, and the language codes used
    by the services the visitor may see (Service.objects.listed()), in ONE plain SQL statement.

    Written out because the three ORM queries it replaces cost twice as much to compile as to run.
    tests/resources/test_resource_list.py checks it against the ORM's answers.
    """
    options = {0: [], 1: [], 2: []}
    with connection.cursor() as cursor:
        cursor.execute(FILTER_OPTIONS_SQL[include_members_only])
        for kind, _position, name, pk, slug in cursor.fetchall():
            options[kind].append((pk, slug, name))
    return options[0], options[1], [name for _pk, _slug, name in options[2]]


def _first_words(count, text):
    """What the truncatewords filter gives (Truncator.words): the first words, then " …" if any were cut."""
    words = text.split()
    shown = " ".join(words[:count])
    return f"{shown} …" if len(words) > count and not shown.endswith(" …") else shown


def _service_rows(services, categories, populations):
    """The page's services with what each card shows worked out once: links, the names of its
    categories and populations (from the vocabularies the filters read, through arrays of ids,
    instead of two prefetch queries), and the texts the card would otherwise build per row."""
    service_url = url_template("members:service")
    verify_url = url_template("members:service_verify")
    summaries = functools.partial(_first_words, 30)
    verified_text = functools.cache(
        lambda day: f"Last verified {format_date(day, 'F j, Y')}" if day else "Not verified yet"
    )
    for service in services:
        service.url = service_url.format(service.pk)
        service.verify_url = verify_url.format(service.pk)
        category_ids, population_ids = set(service.category_ids), set(service.population_ids)
        service.category_names = [name for pk, _slug, name in categories if pk in category_ids]
        population_names = ", ".join(name for pk, _slug, name in populations if pk in population_ids)
        service.for_whom = "; ".join(part for part in (population_names, service.age_range) if part)
        service.summary = summaries(service.description)
        service.language_text = ", ".join(service.language_labels)
        if service.location_is_confidential:
            service.location = f"Confidential location in {service.city}" if service.city else "Confidential location"
        else:
            service.location = ", ".join(service.address_lines) or "Not given"
        service.stale = service.is_stale
        service.verified = verified_text(service.last_verified_on)
    return services


# What a card shows (see _service_rows and templatetags/resource_cards.py): the rest of a service's
# columns, its search document above all, are not read for the list.
CARD_FIELDS = [
    "name",
    "description",
    "how_to_refer",
    "phone",
    "is_24_hour",
    "visibility",
    "languages",
    "minimum_age",
    "maximum_age",
    "location_is_confidential",
    "street_address",
    "city",
    "state",
    "postal_code",
    "last_verified_on",
]


# A service's categories and populations as arrays of ids, one correlated subquery each. Plain SQL:
# the ORM's ArraySubquery costs more to compile than these cost to run (test_resource_list checks them).
CATEGORY_IDS = RawSQL(
    'ARRAY(SELECT servicecategory_id FROM members_service_categories WHERE service_id = "members_service"."id")',
    [],
    output_field=ArrayField(IntegerField()),
)
POPULATION_IDS = RawSQL(
    'ARRAY(SELECT population_id FROM members_service_populations WHERE service_id = "members_service"."id")',
    [],
    output_field=ArrayField(IntegerField()),
)


@access(ANYONE)
def resource_list(request):
    user = request.user
    include_members_only = can_see_members_only_services(user)
    staff = is_staff(user)

    def body_context():
        services = Service.objects.listed(include_members_only=include_members_only)
        # The filters' options and the names shown on each card come from the same light query.
        categories, populations, language_codes = _filter_options(include_members_only=include_members_only)
        service_filter = ServiceFilter(request.GET, queryset=services, language_codes=language_codes)
        for name, terms in (("category", categories), ("population", populations)):
            empty = ("", service_filter.filters[name].extra["empty_label"])
            service_filter.form.fields[name].widget.choices = [empty, *((slug, label) for _pk, slug, label in terms)]
        rows = service_filter.qs.only(*CARD_FIELDS).annotate(
            organization_name=F("organization__name"),
            category_ids=CATEGORY_IDS,
            population_ids=POPULATION_IDS,
        )
        page = paging.get_page(rows, request.GET.get("page"), PAGE_SIZE)
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "filter": service_filter,
            "page": page,
            "services": _service_rows(list(page.object_list), categories, populations),
            "query_string": query.urlencode(),
            "searched": bool(request.GET.get("q", "").strip()) or service_filter.is_narrowed,
        }

    # Kept per data version for each kind of viewer and each search; staff cards hold a form (CSRF).
    variant = (user.is_authenticated, include_members_only, staff, request.get_full_path())
    if staff:
        variant += (dataversion.csrf_secret(request),)
    return dataversion.render_kept(
        request,
        "resources/list.html",
        name="resources:list",
        variant=variant,
        body_template="resources/_list_body.html",
        body_context=body_context,
        valid_until=dataversion.next_midnight,  # "needs checking" moves with the date
    )


@access(ANYONE)
def service_detail(request, pk):
    service = get_visible_service(request.user, pk)
    return render(request, "resources/detail.html", {"service": service})


def _safe_next(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


@access(STAFF_ONLY)
@require_POST
def service_verify(request, pk):
    service = get_object_or_404(Service, pk=pk)
    service.mark_verified(by=request.user)
    messages.success(request, f"“{service.name}” is marked verified today.")
    return redirect(_safe_next(request, service.get_absolute_url()))


def _pamphlet_sections(services, language):
    """Public services grouped by category in the categories' order; a service is listed under each of its kinds."""
    sections = {category.pk: (category.name_in(language), []) for category in ServiceCategory.objects.all()}
    other = []
    for service in services:
        categories = list(service.categories.all())
        for category in categories:
            sections[category.pk][1].append(service)
        if not categories:
            other.append(service)
    groups = [(name, rows) for name, rows in sections.values() if rows]
    if other:
        groups.append((TEXT[language]["other_services"], other))
    return groups


def _css_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _page_css(size, text, today):
    """Paper size, and the task force's name, the date and page numbers in the page margins."""
    return (
        f"@page {{ size: {size};"
        f" @top-left {{ content: {_css_string(settings.TASK_FORCE_NAME)}; }}"
        f" @top-right {{ content: {_css_string(text['updated'] + ' ' + today)}; }}"
        f" @bottom-center {{ content: {_css_string(text['page'] + ' ')} counter(page) {_css_string(' ' + text['of'] + ' ')} counter(pages); }} }}"
    )


def _pamphlet_language(request):
    """?lang= when given, else the browser's preferred language if the pamphlet has it, else English."""
    chosen = request.GET.get("lang")
    if chosen is None:
        chosen = translation.get_language_from_request(request)[:2]
    return chosen if chosen in TEXT else "en"


def pamphlet_document(request):
    """The pamphlet's HTML and its page CSS (paper size, margins), with the language and paper size chosen."""
    language = _pamphlet_language(request)
    size = request.GET.get("size", "letter") if request.GET.get("size") in PAPER_SIZES else "letter"
    text = TEXT[language]
    services = list(
        Service.objects.public()
        .select_related("organization")
        .prefetch_related("categories", "populations")
        .order_by("organization__name", "name")
    )
    for service in services:
        service.language_list = ", ".join(language_name_in(code, language) for code in service.languages)
        service.shown_name, service.shown_description, service.shown_how_to_refer = service.in_language(language)
        service.shown_populations = ", ".join(population.name_in(language) for population in service.populations.all())
        service.shown_ages = ages_in(service, text)
    with translation.override(language):
        today = format_date(timezone.localdate(), text["date_format"])
    html = render_to_string(
        "resources/pamphlet.html",
        {
            "text": text,
            "language": language,
            "sections": _pamphlet_sections(services, language),
            "task_force_name": settings.TASK_FORCE_NAME,
            "today": today,
            "services": services,
        },
        request=request,
    )
    return {"html": html, "page_css": _page_css(PAPER_SIZES[size], text, today), "language": language, "size": size}


@access(ANYONE)
def pamphlet(request):
    document = pamphlet_document(request)
    pdf = weasy.html(string=document["html"], base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=[weasy.css(filename=finders.find("css/pamphlet.css")), weasy.css(string=document["page_css"])],
        pdf_variant="pdf/ua-1",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="resources-{document["language"]}-{document["size"]}.pdf"'
    return response


@access(ANYONE)
def hsds_export(request):
    services = (
        Service.objects.public()
        .select_related("organization")
        .prefetch_related("categories", "populations")
        .order_by("organization__name", "name")
    )
    response = JsonResponse(hsds.export(services), json_dumps_params={"indent": 2, "ensure_ascii": False})
    # Public data meant for other directories to import.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@access(STAFF_ONLY)
def pamphlet_distributions(request):
    form = PamphletDistributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        distribution = form.save(commit=False)
        distribution.recorded_by = request.user
        distribution.save()
        messages.success(
            request, f"Recorded {distribution.quantity} pamphlets handed out by {distribution.organization}."
        )
        return redirect("members:pamphlet_distributions")
    year = timezone.localdate().year
    totals = list(PamphletDistribution.objects.filter(distributed_on__year=year).totals_by_organization())
    return render(
        request,
        "resources/distributions.html",
        {
            "form": form,
            "year": year,
            "totals": totals,
            "year_total": sum(row["pamphlets"] for row in totals),
            "recent": PamphletDistribution.objects.select_related("organization", "recorded_by")[:50],
        },
    )
