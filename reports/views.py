"""Pages of the annual report: agency data entry, staff review, the report as HTML, PDF and CSV."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from members.models import Organization
from taskforce import stored_pdfs
from taskforce.permissions import (
    DATA_CONTACT_OR_STAFF,
    LINKAGE_PAGE,
    REPORT_INDEX,
    REPORT_READERS,
    STAFF_ONLY,
    access,
    can_enter_data_for,
    can_see_linkage_result,
    can_see_report,
    can_upload_linkage_keys,
    data_contact_organization_ids,
    is_staff,
    public_to_anyone,
    reporting_year_for,
)

from . import linkage, pdf, scan, sections
from . import submissions as agency
from . import unduplicated as undup
from .fingerprint import data_version
from .forms import (
    CaseSummaryDecisionForm,
    CaseSummaryForm,
    LinkageUploadForm,
    ReviewForm,
    SubmissionForm,
    YearSettingsForm,
)
from .models import AgencySubmission, LinkageUpload, LinkageYear, Narrative, ReportingYear, ReportPDF


def _year_or_404(user, year: int) -> ReportingYear:
    reporting_year = reporting_year_for(user, year)
    if reporting_year is None:
        raise Http404(gettext("No report for that year."))
    return reporting_year


@access(REPORT_INDEX)
def index(request):
    years = ReportingYear.objects.readable_by(request.user)
    return render(
        request,
        "reports/index.html",
        {
            "years": years,
            "open_years": ReportingYear.objects.exclude(state=ReportingYear.State.PUBLISHED)
            if data_contact_organization_ids(request.user) or is_staff(request.user)
            else [],
        },
    )


@access(REPORT_READERS)
def report(request, year):
    reporting_year = _year_or_404(request.user, year)
    version = data_version(reporting_year=reporting_year)
    # Template output, kept per fingerprint (pdf.report_body_html): already safe.
    context = {
        "reporting_year": reporting_year,
        "body": pdf.report_body_html(reporting_year=reporting_year, version=version),
    }
    if is_staff(request.user):
        context["pdf"] = pdf.pdf_status(reporting_year=reporting_year, version=version)
        context["settings_form"] = YearSettingsForm(instance=reporting_year)
    return render(request, "reports/report.html", context)


@access(REPORT_READERS)
def report_pdf(request, year):
    """The stored PDF; while the current data's renders in the background, readers of a published year
    get the copy stored since publication, staff its progress, anyone else a page saying it is coming."""
    reporting_year = _year_or_404(request.user, year)
    return stored_pdfs.serve(
        request,
        pdf=pdf.current_pdf(reporting_year=reporting_year, user=request.user),
        previous=lambda: ReportPDF.objects.published_copy(reporting_year).first(),
        filename=f"annual-report-{year}.pdf",
        public=reporting_year.is_published and reporting_year.public_after_publish,
        title=gettext("The %(year)s annual report (PDF)") % {"year": year},
        status_url=reverse("reports:pdf_status", args=[year]),
    )


@access(REPORT_READERS)
def report_csv(request, year):
    reporting_year = _year_or_404(request.user, year)
    response = HttpResponse(sections.report_csv(reporting_year=reporting_year), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="annual-report-{year}.csv"'
    if not public_to_anyone(can_see_report, reporting_year):
        add_never_cache_headers(response)
    return response


@access(STAFF_ONLY)
@require_POST
def pdf_prepare(request, year):
    reporting_year = _year_or_404(request.user, year)
    pdf.request_fresh_pdf(reporting_year=reporting_year, user=request.user)
    return redirect(reverse("reports:report", args=[year]) + "#pdf")


@access(STAFF_ONLY)
def pdf_status(request, year):
    reporting_year = _year_or_404(request.user, year)
    status = pdf.pdf_status(reporting_year=reporting_year, version=data_version(reporting_year=reporting_year))
    return JsonResponse(stored_pdfs.progress_json(status, url=reverse("reports:pdf", args=[year])))


@access(STAFF_ONLY)
@require_POST
def year_settings(request, year):
    reporting_year = get_object_or_404(ReportingYear, year=year)
    form = YearSettingsForm(request.POST, instance=reporting_year)
    if form.is_valid():
        agency.publish_year(
            reporting_year=reporting_year,
            state=form.cleaned_data["state"],
            public=form.cleaned_data["public_after_publish"],
        )
        messages.success(
            request,
            gettext("The %(year)s report is now: %(stage)s.")
            % {"year": year, "stage": reporting_year.get_state_display().lower()},
        )
    else:
        messages.error(request, gettext("Choose a stage for the report."))
    return redirect("reports:submissions", year=year)


def _entry_form(request, reporting_year, organization, categories):
    """The data-entry form of one organization, bound on POST; returns (submission, form, done)."""
    submission = agency.submission_for(reporting_year=reporting_year, organization=organization)
    is_post = request.method == "POST" and request.POST.get("organization") == str(organization.pk)
    if not is_post:
        initial = SubmissionForm.initial_for(submission)
        return submission, SubmissionForm(initial=initial, categories=categories, record=submission), False
    if not submission.is_editable_by_agency:
        raise PermissionDenied(gettext("These figures can no longer be changed."))
    form = SubmissionForm(request.POST, categories=categories, record=submission)
    if form.is_valid():
        submit = request.POST.get("action") == "submit"
        try:
            agency.save_submission(
                submission=submission,
                figures=form.figures(),
                user=request.user,
                submit=submit,
                seen_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if submit:
                messages.success(request, gettext("Thank you: your figures are submitted. Staff will review them."))
            else:
                messages.success(request, gettext("Draft saved. Submit when your figures are complete."))
            return submission, form, True
    return submission, form, False


@access(DATA_CONTACT_OR_STAFF)
def submissions(request, year):
    reporting_year = get_object_or_404(ReportingYear, year=year)
    categories = sections.active_categories()
    entries = []
    organizations = Organization.objects.filter(pk__in=data_contact_organization_ids(request.user))
    for organization in organizations:
        if not can_enter_data_for(request.user, organization):
            continue
        submission, form, done = _entry_form(request, reporting_year, organization, categories)
        if done:
            return redirect("reports:submissions", year=year)
        entries.append({"organization": organization, "submission": submission, "form": form})
    if request.method == "POST" and not any(
        request.POST.get("organization") == str(entry["organization"].pk) for entry in entries
    ):
        raise PermissionDenied(gettext("You can enter figures only for your own organization."))
    context = {"reporting_year": reporting_year, "entries": entries}
    if is_staff(request.user):
        rows = agency.review_rows(reporting_year=reporting_year)
        context["rows"] = rows
        context["waiting"] = [row for row in rows if row["waiting"]]
        context["settings_form"] = YearSettingsForm(instance=reporting_year)
    return render(request, "reports/submissions.html", context, status=400 if request.method == "POST" else 200)


@access(STAFF_ONLY)
def submission(request, year, pk):
    submission = get_object_or_404(
        AgencySubmission.objects.select_related("organization", "reporting_year", "submitted_by", "accepted_by"),
        reporting_year__year=year,
        pk=pk,
    )
    initial = {
        "decision": "accept",
        "counts_toward_totals": submission.counts_toward_totals,
        "totals_note": submission.totals_note,
    }
    form = ReviewForm(request.POST or None, initial=initial, record=submission)
    if request.method == "POST" and form.is_valid():
        try:
            agency.review_submission(
                submission=submission,
                user=request.user,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["return_reason"],
                counts_toward_totals=form.cleaned_data["counts_toward_totals"],
                totals_note=form.cleaned_data["totals_note"],
                seen_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if form.cleaned_data["decision"] == "accept":
                done = gettext("The figures of %(organization)s are accepted.")
            else:
                done = gettext("The figures of %(organization)s are returned.")
            messages.success(request, done % {"organization": submission.organization})
            return redirect("reports:submissions", year=year)
    counts = {count.category_id: count.value for count in submission.counts.all()}
    figures = agency.review_figures(submission=submission, counts=counts, categories=sections.active_categories())
    return render(
        request,
        "reports/submission.html",
        {"submission": submission, "form": form, "figures": figures},
        status=400 if request.method == "POST" else 200,
    )


@access(STAFF_ONLY)
def case_summaries(request, year):
    """Staff write case summaries, read what the scan found, and clear them for the report."""
    reporting_year = get_object_or_404(ReportingYear, year=year)
    form = CaseSummaryForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        if request.POST.get("action") == "add":
            if form.is_valid():
                narrative = form.save(commit=False)
                narrative.reporting_year = reporting_year
                scan.save_case_summary(narrative=narrative)
                found = len(narrative.scan_flags)
                messages.success(
                    request,
                    ngettext(
                        "Case summary saved. The scan found %(found)d thing to check.",
                        "Case summary saved. The scan found %(found)d things to check.",
                        found,
                    )
                    % {"found": found}
                    if found
                    else gettext("Case summary saved. The scan found nothing that looks identifying."),
                )
                return redirect("reports:case_summaries", year=year)
        else:
            decision = CaseSummaryDecisionForm(request.POST, reporting_year=reporting_year)
            if decision.is_valid():
                clear = decision.cleaned_data["action"] == "clear"
                scan.set_case_summary_cleared(
                    narrative=decision.cleaned_data["narrative"], user=request.user, cleared=clear
                )
                messages.success(
                    request,
                    gettext("Cleared: it now appears in the report.")
                    if clear
                    else gettext("Withdrawn from the report."),
                )
                return redirect("reports:case_summaries", year=year)
            messages.error(
                request, gettext("That is not one of this year's case summaries: reload the page and try again.")
            )
    summaries = [
        {"narrative": n, "pieces": scan.highlight_findings(text=n.text, flags=n.scan_flags)}
        for n in reporting_year.narratives.filter(kind=Narrative.Kind.CASE_SUMMARY).select_related("cleared_by")
    ]
    return render(
        request,
        "reports/case_summaries.html",
        {"reporting_year": reporting_year, "summaries": summaries, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@access(LINKAGE_PAGE)
def unduplicated(request, year):
    """The unduplicated count of a year: staff turn it on and read the count; data contacts upload their keys."""
    reporting_year = get_object_or_404(ReportingYear, year=year)
    linkage_year = LinkageYear.objects.filter(reporting_year=reporting_year).first()
    organizations = [
        organization
        for organization in Organization.objects.filter(pk__in=data_contact_organization_ids(request.user))
        if can_upload_linkage_keys(request.user, organization)
    ]
    form = LinkageUploadForm(organizations=organizations)
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("open", "close"):
            if not can_see_linkage_result(request.user):
                raise PermissionDenied(gettext("Only staff turn the unduplicated count on or off."))
            try:
                if action == "open":
                    undup.open_year(reporting_year=reporting_year, user=request.user)
                    messages.success(request, gettext("The unduplicated count is on for %(year)s.") % {"year": year})
                elif linkage_year is not None:
                    undup.close_without_publishing(linkage_year=linkage_year)
                    messages.success(request, gettext("The unduplicated count is off; every upload is deleted."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            return redirect("reports:unduplicated", year=year)
        if linkage_year is None:
            raise Http404(gettext("The unduplicated count is not on for this year."))
        if action == "withdraw":
            organization = next((o for o in organizations if str(o.pk) == request.POST.get("organization")), None)
            if organization is None:
                raise PermissionDenied(gettext("You can withdraw only your own organization's keys."))
            undup.withdraw_upload(linkage_year=linkage_year, organization=organization)
            messages.success(request, gettext("Your keys are withdrawn and deleted."))
            return redirect("reports:unduplicated", year=year)
        if not organizations:
            raise PermissionDenied(gettext("Only an agency's data contact uploads its keys."))
        form = LinkageUploadForm(request.POST, request.FILES, organizations=organizations)
        if form.is_valid():
            try:
                undup.save_upload(
                    linkage_year=linkage_year,
                    organization=form.cleaned_data["organization"],
                    digests=form.cleaned_data["digests"],
                    rows=form.cleaned_data["rows"],
                    rows_without_keys=form.cleaned_data["rows_without_keys"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    gettext("Thank you: the keys of %(rows)s rows are uploaded. No name or date left your computer.")
                    % {"rows": f"{form.cleaned_data['rows']:,}"},
                )
                return redirect("reports:unduplicated", year=year)
    uploads = (
        list(LinkageUpload.objects.without_digests().filter(linkage_year=linkage_year).select_related("organization"))
        if linkage_year
        else []
    )
    context = {
        "reporting_year": reporting_year,
        "linkage_year": linkage_year,
        "form": form,
        "entries": [
            {"organization": o, "upload": next((u for u in uploads if u.organization_id == o.pk), None)}
            for o in organizations
        ],
        "key_count": len(linkage.CHOSEN),
        "iterations": linkage.PBKDF2_ITERATIONS,
        "salt_label": linkage.SALT_LABEL,
        "max_rows": undup.MAX_ROWS,
    }
    if can_see_linkage_result(request.user):
        context["uploads"] = uploads
        result = undup.count_year(linkage_year=linkage_year) if linkage_year else None
        context["published"] = undup.publishable(result=result, k=reporting_year.k) if result else None
    return render(request, "reports/unduplicated.html", context, status=400 if request.method == "POST" else 200)
