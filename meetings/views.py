"""Meeting pages: list, schedule, agenda, attendance, minutes (page and PDF), calendars, action items."""

import datetime

import icalendar
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from members.models import Committee, Membership, Organization, Person
from taskforce import permissions, stored_pdfs
from taskforce.pagination import get_counted_page, get_page
from taskforce.permissions import (
    AGENDA_VISIBLE,
    ANYONE,
    COCHAIR_OR_STAFF,
    DOCUMENT_PUBLISHER,
    DOCUMENT_READERS,
    MEETING_EDITOR,
    MEETING_VISIBLE,
    MEMBER_ONLY,
    MINUTES_VISIBLE,
    PRIVATE_CALENDAR,
    STAFF_ONLY,
    access,
)
from taskforce.versions import PageOpenedForm, VersionForm

from . import packet, services
from .calendar import meeting_event
from .dashboard import NEW_CALENDAR_LINK
from .forms import (
    ActionItemFilterForm,
    ActionItemFormSet,
    AgendaItemFormSet,
    AmendmentForm,
    AttendanceFilterForm,
    GuestForm,
    ItemActionFormSet,
    MeetingDocumentForm,
    MeetingFilterForm,
    MeetingForm,
    MinutesForm,
    MinutesItemForm,
    MotionFormSet,
    NewMinutesItemForm,
    NotYetHeldForm,
    minutes_choices,
    minutes_conflicts,
)
from .models import (
    ActionItem,
    AgendaItem,
    Attendance,
    CalendarToken,
    Meeting,
    MeetingDocument,
    MeetingPacketPDF,
    Motion,
)

MEETINGS_PAGE_SIZE = 25  # past meetings per page; upcoming ones are all shown on the first
ACTIONS_PAGE_SIZE = 50  # open action items per page
ELIGIBILITY_PAGE_SIZE = 100  # people per page of each eligibility table
CALENDAR_PAST = datetime.timedelta(days=365)  # how far back the calendar feeds reach
# What a row of the meeting list (templates/meetings/_meeting_table.html) shows: not the long texts (the
# announcements, the committee's purpose and standing agenda) that the list never draws.
MEETING_ROW_FIELDS = (
    "committee",
    "title",
    "starts_at",
    "ends_at",
    "location",
    "online_link",
    "status",
    "is_public",
    "agenda_state",
    "minutes_state",
    "committee__name",
)


def _get_meeting(request, pk):
    """The meeting the access rule has just read (taskforce.permissions.checked_meeting), or 404."""
    meeting = permissions.checked_meeting(request.user, pk)
    if meeting is None:
        raise Http404(_("No such meeting."))
    return meeting


@access(ANYONE)
def meeting_list(request):
    user = request.user
    meetings = Meeting.objects.visible_to(user).select_related("committee").only(*MEETING_ROW_FIELDS)
    years = (
        Meeting.objects.visible_to(user)
        .annotate(year=ExtractYear("starts_at", tzinfo=timezone.get_current_timezone()))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    filters = MeetingFilterForm(request.GET or None, years=list(years))
    committee = None
    if filters.is_valid():
        committee = filters.cleaned_data["committee"]
        if committee:
            meetings = meetings.filter(committee=committee)
        if filters.cleaned_data["year"]:
            meetings = meetings.filter(starts_at__year=filters.cleaned_data["year"])
    now = timezone.now()
    page = get_counted_page(
        meetings.past(now).order_by("-starts_at", "pk"), MEETINGS_PAGE_SIZE, request.GET.get("page")
    )
    context = {
        "filters": filters,
        "upcoming": list(meetings.upcoming(now).order_by("starts_at")) if page.number == 1 else [],
        "page": page,
        "can_schedule": permissions.COCHAIR_OR_STAFF.allows(user),
        "committee": committee,
    }
    return render(request, "meetings/meeting_list.html", context)


def _editable_committees(user):
    committees = Committee.objects.filter(is_active=True)
    if permissions.is_staff(user):
        return committees
    return committees.filter(pk__in=permissions.chaired_committee_ids(user))


@access(COCHAIR_OR_STAFF)
def meeting_create(request):
    committees = _editable_committees(request.user)
    form = MeetingForm(request.POST or None, committees=committees)
    if request.method == "GET" and "committee" in request.GET:
        committee = committees.filter(slug=request.GET["committee"]).first()
        if committee:
            form = MeetingForm(initial={"committee": committee}, committees=committees)
    if request.method == "POST" and form.is_valid():
        meeting = Meeting.schedule(**form.meeting_fields())
        messages.success(
            request,
            _("Scheduled: %(meeting)s. Its agenda starts from the committee's standing agenda.") % {"meeting": meeting},
        )
        return redirect("meetings:edit", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "heading": _("Schedule a meeting")})


@access(MEETING_VISIBLE)
def meeting_detail(request, pk):
    meeting = _get_meeting(request, pk)
    can_edit = permissions.can_edit_meeting(request.user, meeting)
    items, carried = [], []
    if permissions.can_see_agenda(request.user, meeting):
        agenda = list(meeting.agenda_items.order_by("position", "pk"))
        items = services.outline(agenda)
        if any(item.kind == AgendaItem.Kind.ACTION_ITEMS for item in agenda):
            carried = services.carried_action_items(meeting, request.user)
    documents = services.attach_documents(items, meeting.documents.visible_to(request.user))
    counts = (
        Attendance.objects.visible_to(request.user)
        .filter(meeting=meeting)
        .aggregate(attended=Count("pk", filter=Q(status__in=Attendance.ATTENDED)), recorded=Count("pk"))
    )
    context = {
        "meeting": meeting,
        "items": items,
        "can_edit": can_edit,
        "can_see_agenda": permissions.can_see_agenda(request.user, meeting),
        "can_see_minutes": permissions.can_see_minutes(request.user, meeting),
        "counts": counts,
        "carried": carried,
        "may_close_items": can_edit and not meeting.not_yet_held(),
        "documents": documents,
        # Staff make each document public or private again here, once the agenda is published.
        "may_publish_documents": meeting.agenda_published and permissions.can_publish_document(request.user),
    }
    return render(request, "meetings/meeting_detail.html", context)


@access(MEETING_EDITOR)
@require_POST
def close_action_item(request, pk, item_pk):
    """Mark an earlier meeting's action item done or dropped at this meeting (its minutes record it), or open
    again. Only the items this meeting's agenda carries, once the meeting's day has come."""
    meeting = _get_meeting(request, pk)
    item = get_object_or_404(
        ActionItem.objects.carried_to(meeting).visible_to(request.user).select_related("meeting"), pk=item_pk
    )
    status = request.POST.get("status")
    if status not in ActionItem.Status.values:
        return HttpResponseBadRequest(_("Unknown status."))
    if status == ActionItem.Status.OPEN and item.closed_at_id != meeting.pk:
        return HttpResponseBadRequest(_("Only the meeting that closed an item opens it again."))
    if meeting.not_yet_held():
        messages.error(request, _("This meeting's day has not come yet: mark items done at it once it is held."))
        return redirect(f"{meeting.get_absolute_url()}#carried-items")
    item.close_at(meeting, status)
    if status == ActionItem.Status.OPEN:
        message = _("Open again: %(item)s") % {"item": item.description}
    else:
        message = _("Marked %(status)s at this meeting: %(item)s") % {
            "status": item.get_status_display().lower(),
            "item": item.description,
        }
    messages.success(request, message)
    return redirect(f"{meeting.get_absolute_url()}#carried-items")


@access(MEETING_EDITOR)
def document_add(request, pk):
    meeting = _get_meeting(request, pk)
    form = MeetingDocumentForm(
        request.POST or None,
        request.FILES or None,
        meeting=meeting,
        may_publish=permissions.can_publish_document(request.user),
    )
    if request.method == "POST" and form.is_valid():
        form.instance.added_by = request.user
        form.save()
        messages.success(request, _("The document is added."))
        return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/document_form.html", {"meeting": meeting, "form": form})


@access(DOCUMENT_PUBLISHER)
@require_POST
def document_visibility(request, pk):
    """Make a document public (once its meeting's agenda is published) or private again."""
    document = get_object_or_404(MeetingDocument.objects.select_related("meeting"), pk=pk)
    visibility = request.POST.get("visibility")
    if visibility not in MeetingDocument.Visibility.values:
        return HttpResponseBadRequest(_("Unknown visibility."))
    try:
        document.set_visibility(visibility)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if document.is_public:
            message = _("Public now: anyone may open %(title)s.") % {"title": document.title}
        else:
            message = _("Private again: only staff and the committee's members may open %(title)s.") % {
                "title": document.title
            }
        messages.success(request, message)
    return redirect("meetings:detail", pk=document.meeting_id)


@access(AGENDA_VISIBLE)
def packet_pdf(request, pk):
    meeting = _get_meeting(request, pk)
    public = not permissions.can_open_private_documents(request.user, meeting)
    pdf = packet.current_pdf(meeting, public=public, site_url=request.build_absolute_uri("/"))
    return stored_pdfs.serve(
        request,
        pdf=pdf,
        previous=lambda: packet.previous_pdf(meeting, public=public),
        filename=f"packet-{meeting.local_start:%Y-%m-%d}.pdf",
        public=public and permissions.public_to_anyone(permissions.can_see_agenda, meeting),
        title=_("Meeting packet"),
        status_url=reverse("meetings:packet_status", args=[meeting.pk]),
    )


@access(STAFF_ONLY)
def packet_status(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    public = not permissions.can_open_private_documents(request.user, meeting)
    row = MeetingPacketPDF.objects.without_content().filter(
        meeting=meeting,
        public=public,
        language=packet.reader_language(),
        data_version=packet.data_version(meeting, public=public),
    )
    url = reverse("meetings:packet", args=[meeting.pk])
    return JsonResponse(stored_pdfs.progress_json(stored_pdfs.progress(row.first()), url=url))


@access(DOCUMENT_READERS)
def document_download(request, pk):
    document = permissions.checked_document(request.user, pk)
    if document is None:
        raise Http404(_("No such document."))
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The file is missing from storage.")) from error
    response = FileResponse(handle, content_type=document.content_type, filename=document.download_name)
    if not document.is_public:
        add_never_cache_headers(response)  # no-store: no browser or proxy keeps a private copy
    return response


@access(MEETING_EDITOR)
def meeting_edit(request, pk):
    meeting = _get_meeting(request, pk)
    data = request.POST or None
    form = MeetingForm(data, instance=meeting)
    amendment = AmendmentForm(data, meeting=meeting, may_amend=permissions.can_approve_minutes(request.user))
    version = VersionForm(data, record=meeting)
    main_items = list(meeting.agenda_items.filter(parent__isnull=True).order_by("position", "pk"))
    agenda = AgendaItemFormSet(data, instance=meeting, prefix="items", form_kwargs={"main_items": main_items})
    valid = request.method == "POST" and [part.is_valid() for part in (amendment, form, version, agenda)]
    if valid and all(valid):
        # The meeting is saved first, from the version its editor saw: if someone saved it since, nothing is.
        with transaction.atomic():
            for name, value in form.meeting_fields().items():
                setattr(meeting, name, value)
            meeting._change_reason = amendment.change_reason
            meeting.save()
            for item in agenda.save(commit=False):
                item._change_reason = amendment.change_reason
                item.save()
            for item in agenda.deleted_objects:
                item.delete()
            packet.queue_after_commit(meeting.pk)  # a published agenda's packets follow its edits
        messages.success(request, _("The meeting and its agenda are saved."))
        return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/meeting_edit.html",
        {"meeting": meeting, "form": form, "amendment": amendment, "version": version, "agenda": agenda},
    )


@access(MEETING_EDITOR)
@require_POST
def publish_agenda(request, pk):
    meeting = _get_meeting(request, pk)
    meeting.publish_agenda()
    messages.success(request, _("The agenda is published."))
    return redirect("meetings:detail", pk=meeting.pk)


def _status_labels():
    """The attendance statuses with their labels translated once: each row of the list prints every label twice."""
    return [(value, str(label)) for value, label in Attendance.Status.choices]


def _rows_context(rows, *, added=None) -> dict:
    """What the attendance list's rows (meetings/jinja2/meetings/attendance_rows.html, drawn by Jinja2: why in
    docs/architecture.md) read besides the (attendance, status shown) pairs: their words translated once, since
    each row prints every status label twice, the column names label its cells on a narrow screen, and a role's
    name (get_role_display() translated it again for every row) is looked up in ``roles``."""
    return {
        "rows": rows,
        "statuses": _status_labels(),
        "roles": {value: str(label) for value, label in Attendance.Role.choices},
        "labels": {"name": _("Name"), "organization": _("Organization")},
        "added": added,
    }


CANCELLED_NO_ATTENDANCE = gettext_lazy(
    "This meeting was cancelled, so it takes no attendance: nothing was saved. If it took place, change its status "
    "on the meeting's page first."
)


@access(MEETING_EDITOR)
def attendance(request, pk):
    meeting = _get_meeting(request, pk)
    roster = services.attendance_roster(meeting, page=request.GET.get("page"))
    errors = []
    amendment = AmendmentForm(
        request.POST or None, meeting=meeting, may_amend=permissions.can_approve_minutes(request.user)
    )
    not_yet_held = NotYetHeldForm(request.POST or None, meeting=meeting, record="attendance")
    if request.method == "POST":
        amendment_ok = amendment.is_valid()  # its errors show beside its field
        confirmed = not_yet_held.is_valid()
        valid = set(Attendance.Status.values)
        statuses = {}
        # Only the people the posted page listed: "Mark all present" marks them and nobody else.
        listed = [int(pk) for pk in request.POST.getlist("listed") if pk.isdecimal()]
        posted_rows = services.posted_roster(meeting, listed) if listed else roster.object_list
        for row in posted_rows:
            value = (
                Attendance.Status.PRESENT
                if "all_present" in request.POST
                else request.POST.get(f"status-{row.person_id}", "")
            )
            if value in valid:
                statuses[row.person_id] = value
            elif value:
                errors.append(
                    _("%(name)s: choose present, remote, excused or absent.") % {"name": row.person.full_name}
                )
        if meeting.is_cancelled:
            errors = [CANCELLED_NO_ATTENDANCE]
        if amendment_ok and confirmed and not errors:
            saved = services.record_attendance(
                meeting=meeting, statuses=statuses, roster=posted_rows, change_reason=amendment.change_reason
            )
            messages.success(request, _("Attendance saved (%(saved)d changed).") % {"saved": saved})
            same_page = request.GET.copy()
            same_page["page"] = roster.number
            return redirect(f"{reverse('meetings:attendance', args=[meeting.pk])}?{same_page.urlencode()}")
    posted = request.POST if request.method == "POST" else {}
    rows = [(row, posted.get(f"status-{row.person_id}", row.status)) for row in roster]
    query = request.GET.get("q", "")[:100]
    found = services.search_people(query)
    organization_query = request.GET.get("organization_q", "")[:100]
    found_organizations = services.search_organizations(organization_query)
    # The pickers offer what their searches found (without JavaScript, the search form reloads the page with
    # it); any person or organization in the registry is still accepted.
    guest_form = GuestForm(
        meeting=meeting,
        choices={
            "person": [("", "---------"), *found],
            "organization": [("", "---------"), *found_organizations],
        },
        # As with JavaScript, the first match is chosen.
        initial={
            "person": found[0][0] if found else None,
            "organization": found_organizations[0][0] if found_organizations else None,
        },
    )
    if not meeting.minutes_approved:
        del guest_form.fields["amendment_reason"]
    guest_confirm = NotYetHeldForm(meeting=meeting, record="attendance", prefix="guest")
    context = {
        "meeting": meeting,
        "roster": roster,
        **_rows_context(rows),
        "errors": errors,
        "guest_form": guest_form,
        "amendment": amendment,
        # Approved minutes lock the list for those who cannot amend them; a cancelled meeting takes none.
        "closed": amendment.locked or meeting.is_cancelled,
        "not_yet_held": not_yet_held,
        "guest_confirm": guest_confirm,
        "query": query,
        "found": found,
        "organization_query": organization_query,
        "found_organizations": found_organizations,
        "search_limit": services.SEARCH_LIMIT,
    }
    return render(request, "meetings/attendance.html", context)


@access(COCHAIR_OR_STAFF)
def people_search(request):
    """The guest picker's search: up to twenty people matching every word typed, as JSON."""
    found = services.search_people(request.GET.get("q", "")[:100])
    return JsonResponse({"results": [{"id": pk, "label": label} for pk, label in found]})


@access(COCHAIR_OR_STAFF)
def organization_search(request):
    """The guest form's organization search: up to twenty organizations whose name or acronym holds every word
    typed, as JSON. Every organization, as on the organization list (a former member may still send a guest)."""
    found = services.search_organizations(request.GET.get("q", "")[:100])
    return JsonResponse({"results": [{"id": pk, "label": label} for pk, label in found]})


@access(MEETING_EDITOR)
@require_POST
def add_guest(request, pk):
    meeting = _get_meeting(request, pk)
    form = GuestForm(request.POST, meeting=meeting, may_amend=permissions.can_approve_minutes(request.user))
    wants_fragment = request.headers.get("X-Requested-With") == "fetch"
    # A guest is attendance too: at a meeting whose day is ahead, the guest form's own box confirms it.
    confirm = NotYetHeldForm(request.POST, meeting=meeting, record="attendance", prefix="guest")
    if form.is_valid() and not confirm.is_valid():
        form.add_error(None, confirm.errors["confirm_not_yet_held"])
    if meeting.is_cancelled:
        form.add_error(None, CANCELLED_NO_ATTENDANCE)
    if not form.is_valid():
        if wants_fragment:
            return render(request, "meetings/_guest_errors.html", {"form": form}, status=400)
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect("meetings:attendance", pk=meeting.pk)
    data = form.cleaned_data
    with transaction.atomic():
        organization = data["organization"]
        if organization is None and data["person"]:
            # Someone from the registry represents what they represent that day, as on the list, unless told.
            represented = Membership.objects.represented_on(meeting.local_start.date()).filter(person=data["person"])
            membership = represented.select_related("organization").first()
            organization = membership.organization if membership else None
        if data["new_organization"]:
            organization = Organization.objects.create(
                name=data["new_organization"].strip(), status=Organization.Status.PROSPECT
            )
        person = data["person"] or Person.objects.create(
            given_name=data["given_name"].strip(), family_name=data["family_name"].strip()
        )
        row = Attendance(
            meeting=meeting,
            person=person,
            organization=organization,
            role=data["role"],
            status=Attendance.Status.PRESENT,
        )
        row._change_reason = form.change_reason
        row.save()
        if form.change_reason:
            meeting._change_reason = form.change_reason
            meeting.save(update_fields=["updated_at"])
    added = _("Added %(name)s (%(role)s) as present.") % {
        "name": person.full_name,
        "role": row.get_role_display().lower(),
    }
    if wants_fragment:
        return render(
            request, "meetings/attendance_rows.html", _rows_context([(row, row.status)], added=added), using="jinja2"
        )
    messages.success(request, added)
    return redirect("meetings:attendance", pk=meeting.pk)


@access(MINUTES_VISIBLE)
def minutes(request, pk):
    meeting = _get_meeting(request, pk)
    context = services.minutes_context(meeting)
    context["can_edit"] = permissions.can_edit_meeting(request.user, meeting)
    # As on the meeting's page: each item lists the documents this reader may open (the PDF lists none).
    context["documents"] = services.attach_documents(context["items"], meeting.documents.visible_to(request.user))
    return render(request, "meetings/minutes.html", context)


@access(MINUTES_VISIBLE)
def minutes_pdf(request, pk):
    meeting = _get_meeting(request, pk)
    pdf = services.render_minutes_pdf(meeting, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{meeting.local_start:%Y-%m-%d}.pdf"'
    if not permissions.public_to_anyone(permissions.can_see_minutes, meeting):
        add_never_cache_headers(response)
    return response


@access(MEETING_EDITOR)
def minutes_edit(request, pk):
    """The minutes' overview: the closing part (status, announcements, next meeting), every agenda item with the
    start of its minutes and how many motions and action items it holds, each written on its own page
    (minutes_item_edit), and a form to add an item."""
    meeting = _get_meeting(request, pk)
    data = request.POST if request.method == "POST" else None
    adding = data is not None and "add_item" in data
    may_approve = permissions.can_approve_minutes(request.user)
    version = PageOpenedForm(None if adding else data)
    parts = {
        "meeting": meeting,
        "version": version,
        "form": MinutesForm(None if adding else data, instance=meeting, opened=version.moment),
        "amendment": AmendmentForm(None if adding else data, meeting=meeting, may_amend=may_approve),
        "not_yet_held": NotYetHeldForm(None if adding else data, meeting=meeting, record="minutes"),
    }
    items = list(AgendaItem.objects.with_minutes_counts().filter(meeting=meeting).order_by("position", "pk"))
    new = {
        "new_item": NewMinutesItemForm(
            data if adding else None,
            prefix="new",
            # After the last item: its page sets another place.
            instance=AgendaItem(meeting=meeting, position=max((item.position for item in items), default=0) + 1),
        ),
        "new_amendment": AmendmentForm(data if adding else None, prefix="new", meeting=meeting, may_amend=may_approve),
        "new_not_yet_held": NotYetHeldForm(data if adding else None, prefix="new", meeting=meeting, record="minutes"),
    }
    # Validate every part (no short-circuit) so each shows its own errors.
    if adding and all([form.is_valid() for form in new.values()]):  # noqa: C419
        reason = new["new_amendment"].change_reason
        item = new["new_item"].save(commit=False)
        item._change_reason = reason
        with transaction.atomic():
            item.save()
            if reason:  # an amendment is recorded in the meeting's history too (the minutes list it)
                meeting._change_reason = reason
                meeting.save(update_fields=["updated_at"])
        messages.success(request, _("The item “%(title)s” is added: write its minutes.") % {"title": item.title})
        return redirect("meetings:minutes_item_edit", pk=meeting.pk, item_pk=item.pk)
    closing = ("amendment", "not_yet_held", "form", "version")
    if data is not None and not adding and all([parts[name].is_valid() for name in closing]):  # noqa: C419
        with transaction.atomic():
            _save_closing(parts["amendment"].change_reason, parts["form"])
        messages.success(request, _("The minutes are saved."))
        return redirect("meetings:minutes", pk=meeting.pk)
    unassigned = meeting.action_items.filter(agenda_item=None).count()
    context = {**parts, **new, "items": items, "unassigned_actions": unassigned}
    context["conflicts"] = minutes_conflicts([parts["form"]])
    return render(request, "meetings/minutes_edit.html", context)


def _save_closing(reason, form):
    """The closing part is saved only when the editor changed it, so what others saved meanwhile keeps its
    version (and its text)."""
    meeting = form.save(commit=False)
    meeting._change_reason = reason
    if form.has_changed():
        meeting.save()
    elif reason:  # an amendment is recorded in the meeting's history even when nothing else changed
        meeting.save(update_fields=["updated_at"])


@access(MEETING_EDITOR)
def minutes_item_edit(request, pk, item_pk=None):
    """One agenda item's minutes: its position, title and text, its motions and its action items. Without
    ``item_pk``: the meeting's action items that belong to no agenda item."""
    meeting = _get_meeting(request, pk)
    item, agenda = None, []
    if item_pk is not None:
        # The meeting's agenda, read once: the item, and the next one for "Save and edit the next item".
        agenda = list(meeting.agenda_items.order_by("position", "pk"))
        item = next((row for row in agenda if row.pk == item_pk), None)
        if item is None:
            raise Http404("No such agenda item in this meeting.")
        item.meeting = meeting
    data = request.POST if request.method == "POST" else None
    parts = _minutes_item_forms(meeting, item, data, permissions.can_approve_minutes(request.user))
    # The page opens with the item's own rows; a blank motion or action item comes with "Add another" (fetched
    # by static/js/minutes_rows.js), or without JavaScript from the same button's link, ?add=motions.
    for kind in set(request.GET.getlist("add")) & {"motions", "actions"}:
        if parts[kind] is not None:
            parts[kind].extra = 1
    names = [
        name
        for name in ("amendment", "not_yet_held", "version", "item_form", "motions", "actions")
        if parts[name] is not None
    ]
    if data is not None and all([parts[name].is_valid() for name in names]):  # noqa: C419 (every part's errors)
        with transaction.atomic():
            _save_minutes_item(meeting, parts)
        following = item and "save_next" in data and _next_item(agenda, item)
        if following:
            messages.success(
                request,
                _("The minutes of “%(title)s” are saved: now “%(next)s”.")
                % {"title": item.title, "next": following.title},
            )
            return redirect("meetings:minutes_item_edit", pk=meeting.pk, item_pk=following.pk)
        if item:
            messages.success(request, _("The minutes of “%(title)s” are saved.") % {"title": item.title})
        else:
            messages.success(request, _("The action items are saved."))
        return redirect("meetings:minutes_edit", pk=meeting.pk)
    parts["next_item"] = item and _next_item(agenda, item)
    parts["conflicts"] = minutes_conflicts(
        [parts[name] for name in ("item_form", "motions", "actions") if parts[name] is not None]
    )
    return render(request, "meetings/minutes_item_edit.html", parts)


def _next_item(agenda, item):
    """The agenda item after ``item`` (as it is now: its position may just have changed) in the minutes' order
    (position, then when it was added), or None."""
    after = [row for row in agenda if row.pk != item.pk and (row.position, row.pk) > (item.position, item.pk)]
    return min(after, key=lambda row: (row.position, row.pk), default=None)


@access(MEETING_EDITOR)
def minutes_blank_row(request, pk, kind, item_pk=None):
    """A blank motion or action item of an item's minutes page (its formset's empty form, ids holding
    __prefix__), fetched by "Add another" (static/js/minutes_rows.js) the first time it is pressed, so the page
    does not draw two blank rows on every load. Without ``item_pk``: a blank action item of no agenda item."""
    if kind not in ("motions", "actions") or (item_pk is None and kind != "actions"):
        raise Http404("No such row.")
    meeting = _get_meeting(request, pk)
    item = None
    if item_pk is not None:
        item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
        item.meeting = meeting
    formset = _minutes_item_forms(meeting, item, None, permissions.can_approve_minutes(request.user))[kind]
    return render(request, "meetings/minutes_item_edit.html#blank-row", {"kind": kind, "blank": formset.empty_form})


def _minutes_item_forms(meeting, item, data, may_approve):
    """The forms of an agenda item's minutes page (bound to ``data`` when posted), as the template's context:
    the item itself, its motions and its action items (``item`` None: the meeting's action items of no agenda
    item, and nothing else). Each row carries its own version; ``version`` says when the page was opened
    (taskforce/versions.py)."""
    version = PageOpenedForm(data)
    opened = version.moment
    if item is None:
        agenda = list(meeting.agenda_items.order_by("position", "pk").only("position", "title"))
        choices = minutes_choices(meeting, agenda)
        actions = ActionItemFormSet(
            data,
            instance=meeting,
            queryset=ActionItem.objects.filter(agenda_item=None).select_related("owner"),
            prefix="actions",
            choices=choices,
            opened=opened,
        )
        motions = item_form = None
    else:
        choices = minutes_choices(meeting)
        item_form = MinutesItemForm(data, instance=item, prefix="item", opened=opened)
        motions = MotionFormSet(
            data,
            instance=item,
            queryset=Motion.objects.select_related("moved_by", "seconded_by"),
            prefix="motions",
            choices=choices,
            may_approve=may_approve,
            opened=opened,
        )
        actions = ItemActionFormSet(
            data,
            instance=item,
            queryset=ActionItem.objects.select_related("owner"),  # each row's select names its owner
            prefix="actions",
            choices=choices,
            opened=opened,
        )
    return {
        "meeting": meeting,
        "item": item,
        "version": version,
        "amendment": AmendmentForm(data, meeting=meeting, may_amend=may_approve),
        "not_yet_held": NotYetHeldForm(data, meeting=meeting, record="minutes"),
        "item_form": item_form,
        "motions": motions,
        "actions": actions,
    }


def _save_minutes_item(meeting, parts):
    """Saves only what the editor changed, so rows others saved meanwhile keep their version (and their text)."""
    reason = parts["amendment"].change_reason
    if reason:  # an amendment is recorded in the meeting's history too
        meeting._change_reason = reason
        meeting.save(update_fields=["updated_at"])
    if parts["item_form"] is not None and parts["item_form"].has_changed():
        item = parts["item_form"].save(commit=False)
        item._change_reason = reason
        item.save()
    saved_motions, approved_minutes = [], set()
    if parts["motions"] is not None:
        # The minutes the changed motions approved before this save: a motion may stop approving them.
        approved_minutes = {
            form.initial.get("approves_minutes_of") for form in parts["motions"].initial_forms if form.has_changed()
        }
        for motion in parts["motions"].save(commit=False):
            motion._change_reason = reason
            motion.save()
            saved_motions.append(motion)
        for motion in parts["motions"].deleted_objects:
            motion.delete()
    for action in parts["actions"].save(commit=False):
        action._change_reason = reason
        action.save()
    for action in parts["actions"].deleted_objects:
        action.delete()
    approved_minutes |= {motion.approves_minutes_of_id for motion in saved_motions}
    for earlier in Meeting.objects.filter(pk__in=approved_minutes - {None}):
        earlier.settle_minutes_approval(at=meeting, reason=reason)


@access(ANYONE)
def calendar_feed(request):
    meetings = Meeting.objects.visible_to(permissions.PUBLIC)
    return _calendar(
        request, meetings, _("Task force meetings"), _("Public meetings of the task force and its committees.")
    )


@access(ANYONE)
def committee_calendar(request, slug):
    """A committee's public meetings; its members-only ones are in the private link's version of this feed."""
    committee = get_object_or_404(Committee, slug=slug)
    meetings = Meeting.objects.visible_to(permissions.PUBLIC).filter(committee=committee)
    return _calendar(
        request,
        meetings,
        committee.name,
        _("Public meetings of the %(committee)s.") % {"committee": committee.name},
    )


def _calendar_owner(token):
    owner = permissions.calendar_link_owner(token)
    if owner is None:
        raise Http404("No such calendar.")
    return owner


@access(PRIVATE_CALENDAR)
@cache_control(private=True, no_store=True)
def private_calendar(request, token):
    """A member's own calendar, fetched by a calendar app through the secret link instead of a session."""
    owner = _calendar_owner(token)
    meetings = Meeting.objects.in_calendar_of(owner)
    return _calendar(
        request,
        meetings,
        _("My task force meetings"),
        _("Public meetings, and the members-only meetings of your committees and the full task force."),
    )


@access(PRIVATE_CALENDAR)
@cache_control(private=True, no_store=True)
def private_committee_calendar(request, token, slug):
    """Every meeting of one committee that the link's owner may see, members-only ones included."""
    owner = _calendar_owner(token)
    committee = get_object_or_404(Committee, slug=slug)
    meetings = Meeting.objects.visible_to(owner).filter(committee=committee)
    return _calendar(
        request,
        meetings,
        committee.name,
        _("Meetings of the %(committee)s, members-only ones included.") % {"committee": committee.name},
    )


def _calendar(request, meetings, name, description):
    """An iCalendar feed, the last twelve months and everything upcoming (older meetings stay on the meetings
    list); calendar apps subscribe without logging in."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Task Force Operations//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", description)
    host = request.get_host()
    since = timezone.now() - CALENDAR_PAST
    members_only = _("Members-only meeting: please do not share its details.")
    for meeting in meetings.filter(ends_at__gte=since).select_related("committee").order_by("starts_at"):
        event = meeting_event(meeting, host=host, url=request.build_absolute_uri(meeting.get_absolute_url()))
        if not meeting.is_public:
            event.add("description", members_only)
        event.add("status", "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED")
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response


@access(MEMBER_ONLY)
@require_POST
def calendar_link_create(request):
    """Make the member's private calendar link (replacing any earlier one) and show it once on the dashboard."""
    secret = CalendarToken.issue(request.user)
    # Only the hash is kept: the dashboard shows the link from the session once, then forgets it.
    request.session[NEW_CALENDAR_LINK] = secret
    messages.success(request, _("Your private calendar link is ready. Copy it now: it is shown only once."))
    return redirect(f"{reverse('dashboard')}#calendar-link-heading")


@access(MEMBER_ONLY)
@require_POST
def calendar_link_revoke(request):
    CalendarToken.revoke_all(request.user)
    request.session.pop(NEW_CALENDAR_LINK, None)
    messages.success(request, _("Your private calendar link no longer works. Calendars that used it stop updating."))
    return redirect(f"{reverse('dashboard')}#calendar-link-heading")


@access(MEMBER_ONLY)
def action_items(request):
    user = request.user
    staff = permissions.is_staff(user)
    items = ActionItem.objects.visible_to(user).open()
    filters = ActionItemFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    committee, mine = chosen.get("committee"), chosen.get("mine", False)
    person = permissions.person_of(user) if mine or not staff else None  # staff may update every item
    if committee:
        items = items.filter(committee=committee)
    if mine:
        items = items.filter(owner=person) if person else items.none()
    items = (
        items.select_related("owner", "meeting", "committee")
        .only(
            "description",
            "due_on",
            "status",
            "owner__given_name",
            "owner__family_name",
            "meeting__starts_at",
            "committee__name",
        )
        .order_by("owner__family_name", "owner__given_name", "committee__position", "due_on", "pk")
    )
    page = get_counted_page(items, ACTIONS_PAGE_SIZE, request.GET.get("page"))
    today = timezone.localdate()
    chaired = permissions.chaired_committee_ids(user) if not staff else frozenset()
    for item in page:
        item.overdue = item.is_overdue(today)
        item.may_update = staff or item.committee_id in chaired or (person is not None and item.owner_id == person.pk)
        if item.may_update:  # what the row's buttons name for a screen reader (Django's truncatechars:40)
            item.short_description = Truncator(item.description).chars(40)
        # The row's two phrases are worded here: a {% blocktranslate %} per row cost a tenth of the page.
        item.from_meeting = _("from %(meeting)s") % {"meeting": item.meeting.date_label}
        if item.overdue:
            item.due_label = _("%(due)s (overdue)") % {"due": date_format(item.due_on, "DATE_FORMAT")}
    context = {
        "page": page,
        "filters": filters,
        "mine": mine,
        # Each row's buttons say "Mark done", "Mark dropped": worded once here, not once a row.
        "status_buttons": [
            (value, _("Mark %(status)s") % {"status": str(label).lower()})
            for value, label in ActionItem.Status.choices
            if value != ActionItem.Status.OPEN
        ],
    }
    return render(request, "meetings/action_items.html", context)


@access(MEMBER_ONLY)
@require_POST
def action_item_status(request, pk):
    item = get_object_or_404(ActionItem.objects.visible_to(request.user).select_related("committee"), pk=pk)
    if not permissions.can_update_action_item(request.user, item):
        raise PermissionDenied(_("Only its owner, the committee's co-chairs and staff can change this action item."))
    status = request.POST.get("status")
    if status not in ActionItem.Status.values:
        return HttpResponseBadRequest(_("Unknown status."))
    item.status = status
    if status == ActionItem.Status.OPEN:
        item.closed_at = None
    item.save(update_fields=["status", "closed_at", "updated_at"])
    messages.success(
        request,
        _("Marked %(status)s: %(item)s") % {"status": item.get_status_display().lower(), "item": item.description},
    )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("meetings:actions")
    return redirect(next_url)


@access(MEMBER_ONLY)
def eligibility(request):
    # The counts cover everyone; each table shows a page of its people.
    report = services.voting_eligibility()
    voters = get_page(report.voters, ELIGIBILITY_PAGE_SIZE, request.GET.get("page"))
    others = get_page(report.non_voters, ELIGIBILITY_PAGE_SIZE, request.GET.get("others_page"))
    return render(request, "meetings/eligibility.html", {"report": report, "voters": voters, "others": others})


@access(STAFF_ONLY)
def attendance_report(request):
    today = timezone.localdate()
    # The last twelve months unless a period is given; the page links carry the period either way.
    query = request.GET.copy()
    query.setdefault("start", today.replace(year=today.year - 1).isoformat())
    query.setdefault("end", today.isoformat())
    form = AttendanceFilterForm(query)
    report = None
    if form.is_valid():
        report = services.attendance_report(
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            people_page=request.GET.get("page"),
            organizations_page=request.GET.get("organizations_page"),
        )
    return render(request, "meetings/attendance_report.html", {"form": form, "report": report, "query": query})
