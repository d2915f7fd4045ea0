"""Pages of the resource list: search, a service, the pamphlet PDF, the HSDS export, staff actions."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from taskforce import stored_pdfs
from taskforce.pagination import get_counted_page
from taskforce.permissions import (
    ANYONE,
    STAFF_ONLY,
    access,
    can_see_inactive_services,
    can_see_members_only_services,
)

from . import hsds
from . import pamphlet as pamphlet_module
from .models import PamphletDistribution, PamphletPDF, Population, Service, ServiceCategory
from .pamphlet_text import TEXT as PAMPHLET_TEXT
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
    # The few categories and populations, read once: the filters' choices and every card's badges.
    categories, populations = list(ServiceCategory.objects.all()), list(Population.objects.all())
    service_filter = ServiceFilter(
        request.GET,
        queryset=services,
        language_codes=language_codes_in_use(services),
        categories=categories,
        populations=populations,
    )
    # Every column, the search document too: deferring one column costs Django more to plan the query (about
    # half a millisecond with the organization joined) than PostgreSQL takes to send it for a page of cards.
    cards = service_filter.qs.select_related("organization").with_term_ids()
    page = get_counted_page(cards, PAGE_SIZE, request.GET.get("page"))
    for service in page:
        service.category_list = [term for term in categories if term.pk in service.category_ids]
        service.population_list = [term for term in populations if term.pk in service.population_ids]
    context = {
        "filter": service_filter,
        "page": page,
        # Part of each kept card's key: a renamed category or population is drawn anew on every card.
        "terms_changed": max((term.updated_at for term in [*categories, *populations]), default=None),
        "searched": bool(request.GET.get("q", "").strip()) or service_filter.is_narrowed,
        "pamphlet_links": [(code, text["link"]) for code, text in PAMPHLET_TEXT.items()],
        "pamphlet_language": pamphlet_module.options(request)[0],
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


@access(ANYONE)
def pamphlet(request):
    """The stored pamphlet; while the current one renders, the previous copy (or staff watch its progress)."""
    language, size = pamphlet_module.options(request)
    response = stored_pdfs.serve(
        request,
        pdf=pamphlet_module.current_pdf(language=language, size=size),
        previous=lambda: pamphlet_module.previous_pdf(language=language, size=size),
        filename=f"resources-{language}-{size}.pdf",
        public=True,
        title=_("The resource pamphlet (PDF)"),
        status_url=reverse("members:pamphlet_status") + "?" + urlencode({"lang": language, "size": size}),
    )
    # Without ?lang= the language follows the browser's.
    patch_vary_headers(response, ["Accept-Language"])
    return response


@access(STAFF_ONLY)
def pamphlet_status(request):
    language, size = pamphlet_module.options(request)
    row = PamphletPDF.objects.without_content().filter(
        language=language, size=size, data_version=pamphlet_module.data_version()
    )
    url = reverse("members:pamphlet") + "?" + urlencode({"lang": language, "size": size})
    return JsonResponse(stored_pdfs.progress_json(stored_pdfs.progress(row.first()), url=url))


@access(ANYONE)
def hsds_export(request):
    services = (
        Service.objects.public()
        .select_related("organization")
        .prefetch_related("categories", "populations")
        .order_by("organization__name", "name")
    )
    # One language an export: ?lang=, else the page's (the browser's).
    language = pamphlet_module.options(request)[0]
    with translation.override(language):
        document = hsds.export(services)
    response = JsonResponse(document, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Language"] = language
    # Public data meant for other directories to import.
    response["Access-Control-Allow-Origin"] = "*"
    patch_vary_headers(response, ["Accept-Language"])
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
