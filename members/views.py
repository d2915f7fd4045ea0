"""Pages of the registry: the directory, organizations, committees, MOU files, outreach."""

import datetime

from django.db.models import Count, Max, Prefetch, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from taskforce import permissions, spreadsheets
from taskforce.pagination import get_counted_page
from taskforce.permissions import MEMBER_ONLY, MOU_FILE_READERS, STAFF_ONLY, access, can_see_organization_private

from .filters import OrganizationFilter, PersonFilter
from .models import MOU, Committee, CommitteeRole, Membership, Organization, Person

PAGE_SIZE = 50
ATTENDANCE_WINDOW = datetime.timedelta(days=365)


def _people_for_directory(people=None):
    """People with their current memberships (newest first) and committee roles, prefetched."""
    people = Person.objects.all() if people is None else people
    return people.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.current().select_related("organization").order_by("-start_on", "pk"),
            to_attr="current_memberships",
        ),
        Prefetch(
            "committee_roles",
            queryset=CommitteeRole.objects.current()
            .select_related("committee")
            .order_by("committee__position", "committee__name", "role", "pk"),
            to_attr="current_roles",
        ),
    )


@access(MEMBER_ONLY)
def directory(request):
    people = PersonFilter(request.GET, queryset=Person.objects.order_by("family_name", "given_name", "pk"))
    page = get_counted_page(_people_for_directory(people.qs), PAGE_SIZE, request.GET.get("page"))
    context = {"filter": people, "page": page, "people": page.object_list, "tab": "people"}
    return render(request, "members/directory.html", context)


@access(MEMBER_ONLY)
def organization_list(request):
    queryset = Organization.objects.order_by("name", "pk")
    if not request.GET.get("status"):
        queryset = queryset.exclude(status=Organization.Status.FORMER)
    organizations = OrganizationFilter(request.GET, queryset=queryset)
    rows = organizations.qs.with_representative_count().prefetch_related(
        Prefetch("mous", queryset=MOU.objects.current(), to_attr="current_mous")
    )
    page = get_counted_page(rows, PAGE_SIZE, request.GET.get("page"))
    context = {"filter": organizations, "page": page, "organizations": page.object_list, "tab": "organizations"}
    return render(request, "members/organization_list.html", context)


@access(MEMBER_ONLY)
def organization_detail(request, pk):
    organization = get_object_or_404(
        Organization.objects.prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("person").order_by("-start_on")),
            Prefetch("mous", queryset=MOU.objects.order_by("-signed_on", "-id")),
        ),
        pk=pk,
    )
    today = timezone.localdate()
    memberships = organization.memberships.all()
    # Attendance lives in the meetings app; the registry reads it through the reverse relation, and only
    # where the viewer may read the meeting's minutes (the permission module's rule, in the same filter).
    attended = Q(
        attendances__organization=organization,
        attendances__status__in=["present", "remote"],
        attendances__meeting__starts_at__date__gte=today - ATTENDANCE_WINDOW,
    ) & permissions.minutes_q(request.user, via="attendances__meeting__")
    attendance = (
        Person.objects.filter(attended)
        .annotate(times=Count("attendances"), last_attended=Max("attendances__meeting__starts_at"))
        .order_by("-times", "family_name")
    )
    context = {
        "organization": organization,
        "current_memberships": [m for m in memberships if m.is_current(today)],
        "past_memberships": [m for m in memberships if m.end_on is not None and m.end_on < today],
        "mous": organization.mous.all(),
        "can_see_private": can_see_organization_private(request.user, organization),
        "attendance": attendance,
        "services": organization.services.active().order_by("name"),
        "attendance_window_months": ATTENDANCE_WINDOW.days // 30,
    }
    return render(request, "members/organization_detail.html", context)


@access(MEMBER_ONLY)
def committee_detail(request, slug):
    committee = get_object_or_404(
        Committee.objects.prefetch_related(
            Prefetch(
                "roles",
                queryset=CommitteeRole.objects.current().select_related("person").order_by("person__family_name"),
                to_attr="current_roles",
            )
        ),
        slug=slug,
    )
    chairs = [role for role in committee.current_roles if role.is_chair]
    others = [role for role in committee.current_roles if not role.is_chair]
    # Meetings live in the meetings app; the registry reads them through the reverse relation.
    now = timezone.now()
    meetings = committee.meetings.exclude(status="cancelled")
    context = {
        "committee": committee,
        "chairs": chairs,
        "others": others,
        "upcoming_meetings": meetings.filter(starts_at__gte=now).order_by("starts_at")[:5],
        "recent_meetings": meetings.filter(starts_at__lt=now).order_by("-starts_at")[:5],
    }
    return render(request, "members/committee_detail.html", context)


@access(MEMBER_ONLY)
def committee_list(request):
    committees = Committee.objects.filter(is_active=True).prefetch_related(
        Prefetch(
            "roles",
            queryset=CommitteeRole.objects.current()
            .filter(role__in=CommitteeRole.CHAIR_ROLES)
            .select_related("person"),
            to_attr="current_chairs",
        )
    )
    return render(request, "members/committee_list.html", {"committees": committees})


@access(MOU_FILE_READERS)
@never_cache
def mou_document(request, pk):
    mou = get_object_or_404(MOU, pk=pk)
    if not mou.document:
        raise Http404(_("This MOU has no signed document on file."))
    try:
        handle = mou.document.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The file is missing from storage.")) from error
    filename = f"MOU {mou.organization.name}.pdf"
    return FileResponse(handle, content_type="application/pdf", filename=filename)


@access(STAFF_ONLY)
def outreach(request):
    prospects = Organization.objects.prospects().order_by("outreach_stage", "name")
    stages = []
    for value, label in Organization.OutreachStage.choices:
        stages.append((label, [org for org in prospects if org.outreach_stage == value]))
    unstaged = [org for org in prospects if not org.outreach_stage]
    if unstaged:
        stages.append((_("Not yet contacted"), unstaged))
    return render(request, "members/outreach.html", {"stages": stages, "total": len(prospects)})


@access(STAFF_ONLY)
@never_cache
def directory_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="directory.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with accents correctly only with a byte-order mark.
    writer = spreadsheets.writer(response)
    writer.writerow(
        [
            _("Family name"),
            _("Given name"),
            _("Honorific"),
            _("Job title"),
            _("Organization"),
            _("Role"),
            _("Email"),
            _("Phone"),
            _("Committees"),
        ]
    )
    for person in _people_for_directory():
        organizations = "; ".join(m.organization.name for m in person.current_memberships)
        roles = "; ".join(m.get_role_display() for m in person.current_memberships)
        committees = "; ".join(f"{r.committee.name} ({r.get_role_display()})" for r in person.current_roles)
        writer.writerow(
            [
                person.family_name,
                person.given_name,
                person.honorific,
                person.job_title,
                organizations,
                roles,
                person.email,
                person.phone,
                committees,
            ]
        )
    return response
