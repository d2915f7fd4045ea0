"""Forms of the annual report: an agency's figures, staff review, the year's state."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from taskforce.versions import VersionedForm

from .models import AgencySubmission, BreakdownCategory, Narrative, ReportingYear
from .submissions import RECORD_KIND, SubmissionFigures, breakdown_differences

# The largest figure the count columns (PositiveIntegerField: PostgreSQL's integer) hold; a larger one is
# a typo, and would otherwise fail on save instead of next to its field.
MAX_COUNT = 2_147_483_647


def _people(count: int) -> str:
    return ngettext("%(count)s person", "%(count)s people", count) % {"count": f"{count:,}"}


class SubmissionForm(VersionedForm, forms.Form):
    """An agency's totals and one field per breakdown category; every breakdown must add up.
    ``record=`` the submission: the form carries its version (taskforce/versions.py)."""

    record_kind = RECORD_KIND

    total_identified = forms.IntegerField(
        label=_("People identified as trafficked"),
        min_value=0,
        max_value=MAX_COUNT,
        help_text=_("Everyone your agency identified during the year. Counts only: never names or case details."),
    )
    traffickers_identified = forms.IntegerField(label=_("Traffickers identified"), min_value=0, max_value=MAX_COUNT)
    convictions_vacated = forms.IntegerField(
        label=_("Convictions vacated or expunged"),
        min_value=0,
        max_value=MAX_COUNT,
        help_text=_("Convictions of survivors vacated or expunged because they were trafficked."),
    )
    definition_used = forms.CharField(
        label=_("Definition of human trafficking you used"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("For example the federal TVPA definition, or California Penal Code 236.1."),
    )

    def __init__(self, *args, categories: dict[str, list[BreakdownCategory]], **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = {dimension: [c for c in members if c.is_active] for dimension, members in categories.items()}
        self.breakdown_errors: dict[str, str] = {}
        labels = dict(BreakdownCategory.Dimension.choices)
        self.fieldsets = []
        for dimension, members in self.categories.items():
            names = []
            for category in members:
                name = f"count_{category.pk}"
                self.fields[name] = forms.IntegerField(label=category.name, min_value=0, max_value=MAX_COUNT, initial=0)
                names.append(name)
            if names:
                self.fieldsets.append({"dimension": dimension, "legend": labels[dimension], "names": names})

    def fieldset_rows(self):
        """The breakdowns as (legend, error, bound fields) for the template."""
        return [
            {
                "dimension": fieldset["dimension"],
                "legend": fieldset["legend"],
                "error": self.breakdown_errors.get(fieldset["dimension"], ""),
                "fields": [self[name] for name in fieldset["names"]],
            }
            for fieldset in self.fieldsets
        ]

    def clean(self):
        cleaned = super().clean()
        total = cleaned.get("total_identified")
        if total is None:
            return cleaned
        counts = {
            category.pk: cleaned.get(f"count_{category.pk}") or 0
            for members in self.categories.values()
            for category in members
        }
        labels = dict(BreakdownCategory.Dimension.choices)
        differences = breakdown_differences(total=total, counts=counts, categories=self.categories)
        for dimension, difference in differences.items():
            added = total + difference
            if difference > 0:
                message = _(
                    "%(breakdown)s adds up to %(added)s, %(difference)s more than the %(total)s identified. "
                    "Correct it, or count the rest as “Unknown”."
                )
            else:
                message = _(
                    "%(breakdown)s adds up to %(added)s, %(difference)s fewer than the %(total)s identified. "
                    "Correct it, or count the rest as “Unknown”."
                )
            message = message % {
                "breakdown": labels[dimension],
                "added": _people(added),
                "difference": _people(abs(difference)),
                "total": _people(total),
            }
            self.breakdown_errors[dimension] = message
            self.add_error(None, ValidationError(message, code="breakdown"))
        return cleaned

    def figures(self) -> SubmissionFigures:
        data = self.cleaned_data
        return SubmissionFigures(
            total_identified=data["total_identified"],
            traffickers_identified=data["traffickers_identified"],
            convictions_vacated=data["convictions_vacated"],
            definition_used=data["definition_used"],
            counts={
                category.pk: data.get(f"count_{category.pk}") or 0
                for members in self.categories.values()
                for category in members
            },
        )

    @classmethod
    def initial_for(cls, submission: AgencySubmission) -> dict:
        initial = {
            "total_identified": submission.total_identified,
            "traffickers_identified": submission.traffickers_identified,
            "convictions_vacated": submission.convictions_vacated,
            "definition_used": submission.definition_used,
        }
        for count in submission.counts.all():
            initial[f"count_{count.category_id}"] = count.value
        return initial


class ReviewForm(VersionedForm, forms.Form):
    """Staff accept or return an agency's figures and decide whether they count toward totals
    (``record=`` the submission, whose version the form carries)."""

    record_kind = RECORD_KIND

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept the figures")), ("return", _("Return them to the agency"))],
        widget=forms.RadioSelect,
    )
    return_reason = forms.CharField(
        label=_("Why they are returned"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("The agency sees this; say what to correct."),
    )
    counts_toward_totals = forms.BooleanField(
        label=_("Counts toward the totals"),
        required=False,
        initial=True,
        help_text=_("Untick when the agency's figures are not comparable (for example another definition)."),
    )
    totals_note = forms.CharField(
        label=_("Why it is left out of the totals"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Printed in the report's methodology."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return" and not cleaned.get("return_reason", "").strip():
            self.add_error("return_reason", ValidationError(_("Say why the figures are returned."), code="required"))
        if not cleaned.get("counts_toward_totals") and not cleaned.get("totals_note", "").strip():
            self.add_error(
                "totals_note", ValidationError(_("Say why the agency is left out of the totals."), code="required")
            )
        return cleaned


class YearSettingsForm(forms.ModelForm):
    """The year's stage and who may read it once published."""

    class Meta:
        model = ReportingYear
        fields = ["state", "public_after_publish"]


class CaseSummaryForm(forms.ModelForm):
    """A case summary written by staff; it is scanned when saved and must be cleared to appear."""

    class Meta:
        model = Narrative
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "text": _(
                "Describe what happened without anything that could identify the person: "
                "no names, exact dates, ages, places or contact details."
            )
        }


class CaseSummaryDecisionForm(forms.Form):
    """Staff clear one of the year's case summaries for the report, or withdraw it (the buttons under each)."""

    narrative = forms.ModelChoiceField(queryset=Narrative.objects.none())
    action = forms.ChoiceField(choices=[("clear", "Clear for the report"), ("withdraw", "Withdraw from the report")])

    def __init__(self, *args, reporting_year: ReportingYear, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["narrative"].queryset = reporting_year.narratives.filter(kind=Narrative.Kind.CASE_SUMMARY)


class LinkageUploadForm(forms.Form):
    """What an agency's browser sends for the unduplicated count: digests and row counts, nothing else.

    The page's script (static/js/linkage.js) fills these fields from the list it reads in the browser; the
    names, dates and passphrase sit in inputs outside this form, without a name, so they are never posted.
    """

    organization = forms.IntegerField(widget=forms.HiddenInput)
    # A text field, not a file: the whole request is then what a browser's request log shows (the leak test reads
    # it). Django's 2.5 MB cap on a request's fields bounds an upload to about 3,000 rows (MAX_ROWS).
    digests = forms.CharField(widget=forms.HiddenInput, strip=False)
    rows = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_COUNT)
    rows_without_keys = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_COUNT)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organizations = {organization.pk: organization for organization in organizations}

    def clean_organization(self):
        organization = self.organizations.get(self.cleaned_data["organization"])
        if organization is None:
            raise ValidationError(_("You can upload keys only for your own organization."), code="not_yours")
        return organization

    def clean_digests(self):
        from .unduplicated import read_digests

        return read_digests(self.cleaned_data["digests"].encode())

    def clean(self):
        cleaned = super().clean()
        digests, rows, without = (cleaned.get(name) for name in ("digests", "rows", "rows_without_keys"))
        if digests is not None and rows is not None and without is not None and len(digests) + without != rows:
            raise ValidationError(
                _("The row counts do not add up to the keys sent: choose the file again."), code="counts"
            )
        return cleaned
