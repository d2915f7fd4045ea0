"""Forms co-chairs and staff use between meetings: work-plan items, progress notes, measurements."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models import Organization, Person
from taskforce.dates import DateInput
from taskforce.versions import VersionedModelForm

from .models import Goal, Measurement, Metric, Objective, ProgressUpdate, StrategicPlan, WorkPlan, WorkPlanItem


class ObjectiveChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, objective):
        return f"Goal {objective.goal.number}: {objective.title}"


class WorkPlanItemForm(VersionedModelForm):
    """An item of a committee's work plan."""

    record_kind = _("item")
    objective = ObjectiveChoiceField(
        queryset=Objective.objects.none(),
        required=False,
        label=_("Objective"),
        help_text=_("The strategic-plan objective this item works toward, if any."),
    )

    class Meta:
        model = WorkPlanItem
        fields = ["title", "description", "objective", "owner", "start_on", "due_on", "status", "percent_done"]
        widgets = {
            "start_on": DateInput(),
            "due_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "percent_done": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }
        help_texts = {"percent_done": _("0 to 100. Marking it done sets 100.")}

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = Objective.objects.select_related("goal").order_by(
            "goal__number", "position", "pk"
        )
        people = Q(committee_roles__committee=committee)
        if self.instance.owner_id:
            people |= Q(pk=self.instance.owner_id)
        self.fields["owner"].queryset = Person.objects.filter(people).distinct().order_by("family_name", "given_name")
        self.fields["owner"].help_text = _("Someone on this committee.")
        if self.instance.pk:
            # Between meetings a co-chair mostly moves the status and the percent.
            self.order_fields(["status", "percent_done"])

    def clean_percent_done(self):
        percent = self.cleaned_data["percent_done"]
        if percent is not None and not 0 <= percent <= 100:
            raise ValidationError(_("Enter a percent from 0 to 100."), code="percent_range")
        return percent

    def clean(self):
        # The model's clean() says so when the due date is before the start.
        cleaned = super().clean()
        if cleaned.get("status") == WorkPlanItem.Status.DONE:
            cleaned["percent_done"] = 100
        return cleaned


class ProgressUpdateForm(forms.ModelForm):
    class Meta:
        model = ProgressUpdate
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Progress update")}
        help_texts = {"text": _("What happened since the last update, and what comes next.")}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise ValidationError(_("Write what happened."), code="empty")
        return text


class MeasurementForm(VersionedModelForm):
    """A metric's value for one period (and group); a period already recorded is refused."""

    record_kind = _("figure")

    class Meta:
        model = Measurement
        fields = ["period_start", "period_end", "period_label", "breakdown", "value", "source", "is_sample", "notes"]
        widgets = {"period_start": DateInput(), "period_end": DateInput()}

    def __init__(self, *args, metric, **kwargs):
        super().__init__(*args, **kwargs)
        self.metric = self.instance.metric = metric  # the model's clean() checks the value against its metric
        self.fields["source"].queryset = Organization.objects.order_by("name")
        self.fields["source"].required = True
        if metric.breakdown_by:
            self.fields["breakdown"].label = _("Group (%(groups)s)") % {"groups": metric.breakdown_by}
        self.fields["value"].label = _("Value (%(unit)s)") % {"unit": metric.unit}

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value is not None and value < 0:
            raise ValidationError(_("A count cannot be negative."), code="negative")
        return value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        # An inverted period is the model's clean() to report; only a valid one can be taken.
        if start and end and start <= end:
            breakdown = cleaned.get("breakdown", "").strip()
            cleaned["breakdown"] = breakdown
            taken = Measurement.objects.filter(
                metric=self.metric, period_start=start, period_end=end, breakdown=breakdown
            ).exclude(pk=self.instance.pk)
            if taken.exists():
                if breakdown:
                    message = _(
                        "A figure for “%(group)s” is already recorded for this period. Correct that one instead."
                    )
                else:
                    message = _("A figure is already recorded for this period. Correct that one instead.")
                self.add_error("period_start", ValidationError(message, code="duplicate", params={"group": breakdown}))
        return cleaned


class StrategicPlanForm(VersionedModelForm):
    record_kind = _("text")

    class Meta:
        model = StrategicPlan
        fields = ["mission", "vision", "definition"]
        widgets = {field: forms.Textarea(attrs={"rows": 6}) for field in fields}


class WorkPlanForm(forms.ModelForm):
    class Meta:
        model = WorkPlan
        fields = ["title", "starts_on", "ends_on", "notes"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.committee = committee

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("starts_on")
        if start and WorkPlan.objects.filter(committee=self.committee, starts_on=start).exists():
            self.add_error(
                "starts_on",
                ValidationError(_("This committee already has a plan starting that day."), code="duplicate"),
            )
        return cleaned


class GoalForm(VersionedModelForm):
    """Staff enter the strategic plan's goals (a new plan, or a goal added at a retreat)."""

    class Meta:
        model = Goal
        fields = ["number", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ObjectiveForm(VersionedModelForm):
    """Staff keep an objective's owners, placement, status and dates current."""

    class Meta:
        model = Objective
        fields = [
            "title",
            "description",
            "committees",
            "also_serves",
            "ease",
            "importance",
            "status",
            "start_on",
            "due_on",
        ]
        widgets = {
            "committees": forms.CheckboxSelectMultiple,
            "also_serves": forms.CheckboxSelectMultiple,
            "start_on": DateInput(),
            "due_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["also_serves"].queryset = self.fields["also_serves"].queryset.exclude(pk=self.instance.goal_id)

    def clean_committees(self):
        committees = self.cleaned_data["committees"]
        if not committees:
            raise ValidationError(_("Name at least one committee responsible."), code="no_committee")
        return committees


class MetricForm(VersionedModelForm):
    class Meta:
        model = Metric
        fields = [
            "name",
            "unit",
            "counts_people",
            "direction",
            "breakdown_by",
            "baseline",
            "target",
            "target_on",
            "notes",
        ]
        widgets = {"target_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
