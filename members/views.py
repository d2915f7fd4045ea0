"""Pages of the registry: the directory, organizations, committees, MOU files, outreach."""

import csv
import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Paginator
from django.db.models import Count, F, FilteredRelation, IntegerField, Max, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, JSONObject
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from taskforce.permissions import MEMBER_ONLY, MOU_FILE_READERS, STAFF_ONLY, access, can_see_organization_private

from .filters import OrganizationFilter, PersonFilter
from .models import MOU, Committee, CommitteeRole, Membership, Organization, Person

PAGE_SIZE = 50
ATTENDANCE_WINDOW = datetime.timedelta(days=365)


def _people_for_directory():
    return Person.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.current().select_related("organization"),
            to_attr="current_memberships",
        ),
        Prefetch(
            "committee_roles",
            queryset=CommitteeRole.objects.current().select_related("committee"),
            to_attr="current_roles",
        ),
    )


def url_template(name, marker=999999999):
    """A URL with one argument reversed once for a whole list: "{}" stands where the argument goes."""
    url = reverse(name, args=[marker])
    assert url.count(str(marker)) == 1, url
    return url.replace(str(marker), "{}")


def committee_choices(empty_label):
    """The committee filter's options in one light query, for its widget (the field would iterate models)."""
    return [("", empty_label), *Committee.objects.filter(is_active=True).values_list("slug", "name")]


def _directory_rows(people, today):
    """One page of people as plain rows, each with its current organizations and committees, in ONE
    query: the memberships and roles come as JSON arrays from correlated subqueries."""
    memberships = (
        Membership.objects.current(today)
        .filter(person=OuterRef("pk"))
        .order_by("-start_on", "pk")
        .values(row=JSONObject(id="organization_id", name="organization__name", role="role"))
    )
    roles = (
        CommitteeRole.objects.current(today)
        .filter(person=OuterRef("pk"))
        .order_by("committee__position", "committee__name", "role", "pk")
        .values(row=JSONObject(slug="committee__slug", name="committee__name", role="role"))
    )
    return people.values("pk", "honorific", "given_name", "family_name", "job_title", "email", "phone").annotate(
        organizations=ArraySubquery(memberships), committees=ArraySubquery(roles)
    )


@access(MEMBER_ONLY)
def directory(request):
    people = PersonFilter(request.GET, queryset=Person.objects.order_by("family_name", "given_name", "pk"))
    people.form.fields["committee"].widget.choices = committee_choices(people.filters["committee"].extra["empty_label"])
    today = timezone.localdate()
    page = Paginator(_directory_rows(people.qs, today), PAGE_SIZE).get_page(request.GET.get("page"))
    organization_url = url_template("members:organization")
    committee_url = url_template("members:committee", "slug-marker")
    membership_roles = {value: label.lower() for value, label in Membership.Role.choices}
    committee_roles = {value: label.lower() for value, label in CommitteeRole.Role.choices}
    rows = list(page.object_list)
    for row in rows:
        for organization in row["organizations"]:
            organization["url"] = organization_url.format(organization["id"])
            is_plain = organization["role"] == Membership.Role.REPRESENTATIVE
            organization["role_label"] = "" if is_plain else membership_roles.get(organization["role"], "")
        for committee in row["committees"]:
            committee["url"] = committee_url.format(committee["slug"])
            is_plain = committee["role"] == CommitteeRole.Role.MEMBER
            committee["role_label"] = "" if is_plain else committee_roles.get(committee["role"], "")
    return render(request, "members/directory.html", {"filter": people, "page": page, "rows": rows, "tab": "people"})


@access(MEMBER_ONLY)
def organization_list(request):
    today = timezone.localdate()
    queryset = Organization.objects.order_by("name", "pk")
    if not request.GET.get("status"):
        queryset = queryset.exclude(status=Organization.Status.FORMER)
    organizations = OrganizationFilter(request.GET, queryset=queryset)
    organizations.form.fields["committee"].widget.choices = committee_choices(
        organizations.filters["committee"].extra["empty_label"]
    )
    # The representatives are a correlated count, not a join with GROUP BY: it runs for the page's
    # rows only, and the paginator's count stays a plain count of organizations. The current MOU is
    # a LEFT JOIN: the constraint one_current_mou_per_organization allows at most one per organization.
    representatives = (
        Membership.objects.current(today)
        .filter(organization=OuterRef("pk"))
        .order_by()
        .values("organization")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        organizations.qs.annotate(current_mou=FilteredRelation("mous", condition=~Q(mous__status__in=MOU.CLOSED)))
        .values(
            "pk",
            "name",
            "acronym",
            "sector",
            "status",
            mou_status=F("current_mou__status"),
            mou_expires_on=F("current_mou__expires_on"),
        )
        .annotate(representative_count=Coalesce(Subquery(representatives, output_field=IntegerField()), 0))
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    organization_url = url_template("members:organization")
    sectors, statuses, mou_statuses = (
        dict(choices.choices) for choices in (Organization.Sector, Organization.Status, MOU.Status)
    )
    rows = list(page.object_list)
    for row in rows:
        row["url"] = organization_url.format(row["pk"])
        row["sector_label"] = sectors.get(row["sector"], row["sector"])
        row["status_label"] = statuses.get(row["status"], row["status"])
        if row["mou_status"]:
            expires_on = row["mou_expires_on"]
            row["mou"] = mou_statuses.get(row["mou_status"], row["mou_status"]) + (
                f", expires {format_date(expires_on, 'M j, Y')}" if expires_on else ""
            )
        else:
            row["mou"] = ""
    return render(
        request,
        "members/organization_list.html",
        {"filter": organizations, "page": page, "rows": rows, "tab": "organizations"},
    )


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
    # Attendance lives in the meetings app; the registry reads it through the reverse relation.
    attended = Q(
        attendances__organization=organization,
        attendances__status__in=["present", "remote"],
        attendances__meeting__starts_at__date__gte=today - ATTENDANCE_WINDOW,
    )
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
def mou_document(request, pk):
    mou = get_object_or_404(MOU, pk=pk)
    if not mou.document:
        raise Http404("This MOU has no signed document on file.")
    try:
        handle = mou.document.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing from storage.") from error
    filename = f"MOU {mou.organization.name}.pdf"
    response = FileResponse(handle, content_type="application/pdf", filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


@access(STAFF_ONLY)
def outreach(request):
    prospects = Organization.objects.prospects().order_by("outreach_stage", "name")
    stages = []
    for value, label in Organization.OutreachStage.choices:
        stages.append((label, [org for org in prospects if org.outreach_stage == value]))
    unstaged = [org for org in prospects if not org.outreach_stage]
    if unstaged:
        stages.append(("Not yet contacted", unstaged))
    return render(request, "members/outreach.html", {"stages": stages, "total": len(prospects)})


@access(STAFF_ONLY)
def directory_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="directory.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with accents correctly only with a byte-order mark.
    writer = csv.writer(response)
    writer.writerow(
        ["Family name", "Given name", "Honorific", "Job title", "Organization", "Role", "Email", "Phone", "Committees"]
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
