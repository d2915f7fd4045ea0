"""Pages of the resource list: search, a service, the pamphlet PDF, the HSDS export, staff actions."""

from django.conf import settings
from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from taskforce import pdf as weasy
from taskforce.permissions import (
    ANYONE,
    STAFF_ONLY,
    access,
    can_see_inactive_services,
    can_see_members_only_services,
)

from . import hsds
from .models import PamphletDistribution, Service, ServiceCategory
from .pamphlet import kept_pdf
from .pamphlet_text import PAPER_SIZES, TEXT, ages_in, language_name_in
from .resource_forms import PamphletDistributionForm, ServiceFilter, language_codes_in_use

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


@access(ANYONE)
def resource_list(request):
    services = Service.objects.listed(include_members_only=can_see_members_only_services(request.user))
    service_filter = ServiceFilter(request.GET, queryset=services, language_codes=language_codes_in_use(services))
    cards = (
        service_filter.qs.select_related("organization")
        .defer("search_vector")
        .prefetch_related(
            Prefetch("categories", to_attr="category_list"), Prefetch("populations", to_attr="population_list")
        )
    )
    page = Paginator(cards, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filter": service_filter,
        "page": page,
        "searched": bool(request.GET.get("q", "").strip()) or service_filter.is_narrowed,
    }
    return render(request, "resources/list.html", context)


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
    messages.success(request, _("“%(name)s” is marked verified today.") % {"name": service.name})
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


def pamphlet_options(request):
    """The language and paper size the visitor asked for (?lang=, ?size=), or the defaults."""
    size = request.GET.get("size", "letter") if request.GET.get("size") in PAPER_SIZES else "letter"
    return _pamphlet_language(request), size


def pamphlet_document(request):
    """The pamphlet's HTML and its page CSS (paper size, margins), with the language and paper size chosen."""
    language, size = pamphlet_options(request)
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


def render_pamphlet(request) -> bytes:
    document = pamphlet_document(request)
    return weasy.html(string=document["html"], base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=[weasy.css(filename=finders.find("css/pamphlet.css")), weasy.css(string=document["page_css"])],
        pdf_variant="pdf/ua-1",
    )


@access(ANYONE)
def pamphlet(request):
    language, size = pamphlet_options(request)
    pdf = kept_pdf(language=language, size=size, render=lambda: render_pamphlet(request))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="resources-{language}-{size}.pdf"'
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
            request,
            _("Recorded %(quantity)s pamphlets handed out by %(organization)s.")
            % {"quantity": distribution.quantity, "organization": distribution.organization},
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
