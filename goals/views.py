"""Pages of the strategic plan: goals, committee work plans, metrics, and the forms that update them."""

from django.contrib import messages
from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from members.models import Committee
from reports.models import ReportingYear
from taskforce import spreadsheets
from taskforce.permissions import (
    COMMITTEE_CHAIR_OR_STAFF,
    MEASUREMENT_EDITOR,
    MEMBER_ONLY,
    METRIC_RECORDER,
    STAFF_ONLY,
    WORK_PLAN_ITEM_EDITOR,
    access,
    can_edit_committee,
    can_record_measurement,
    is_staff,
)

from . import services
from .charts import format_number, metric_chart, work_plan_timeline
from .forms import (
    GoalForm,
    MeasurementForm,
    MetricForm,
    ObjectiveForm,
    ProgressUpdateForm,
    StrategicPlanForm,
    WorkPlanForm,
    WorkPlanItemForm,
)
from .models import Goal, Measurement, Metric, Objective, StrategicPlan, WorkPlanItem
from .services import ease_importance_grid, goals_overview


@access(MEMBER_ONLY)
def index(request):
    goals = goals_overview(latest_figures_only=True)  # the page shows each metric's latest figure
    objectives = [objective for goal in goals for objective in goal.objective_list]
    committees = list(Committee.objects.filter(is_active=True).order_by("position", "name").only("name", "slug"))
    # Each committee's work-plan link is reversed once, not once for every objective it shares and again in
    # the list of work plans.
    workplan_urls = {}
    for committee in committees:
        committee.workplan_url = workplan_urls[committee.slug] = reverse("goals:workplan", args=[committee.slug])
    for objective in objectives:
        for committee in objective.committee_list:
            if committee["slug"] not in workplan_urls:
                workplan_urls[committee["slug"]] = reverse("goals:workplan", args=[committee["slug"]])
            committee["workplan_url"] = workplan_urls[committee["slug"]]
    if is_staff(request.user):
        # Staff change each objective and add its metrics from its row: both links reversed here, and only for
        # staff (a {% url %} tag in each row also looked up the request's namespace again, 120 times).
        for objective in objectives:
            objective.edit_url = reverse("goals:objective_edit", args=[objective.pk])
            objective.new_metric_url = reverse("goals:metric_new", args=[objective.pk])
    # The progress bar's name is worded once for the page (not a {% blocktranslate %} per row), and each
    # metric's latest figure worked out once, not again for the target badge.
    # A count of people from 1 to k-1 reads "fewer than k", with no verdict on its target (as on the metric's page).
    progress_of = _("Progress of %(title)s")
    k = ReportingYear.objects.strictest_k()
    for objective in objectives:
        objective.progress_label = progress_of % {"title": objective.title}
        for metric in objective.metric_list:
            latest = metric.latest_figure = metric.latest
            metric.latest_shown = metric.shown_figure(latest["value"], k) if latest else ""
            metric.latest_meets = metric.shown_verdict(latest["value"], k) if latest else None
            metric.target_shown = metric.shown_figure(metric.target, k)
    context = {
        "goals": goals,
        "plan": StrategicPlan.objects.first(),
        "committees": committees,
        "grid": ease_importance_grid(objectives),
        "ease_choices": Objective.Ease.choices,
    }
    return render(request, "goals/index.html", context)


@access(STAFF_ONLY)
def plan_edit(request):
    plan = StrategicPlan.load()
    form = StrategicPlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The mission, vision and definition are saved."))
        return redirect("goals:index")
    return render(request, "goals/plan_form.html", {"form": form})


def _chosen_plan(request, committee):
    plans = list(committee.work_plans.all())
    wanted = request.GET.get("plan", "")
    for plan in plans:
        if str(plan.pk) == wanted:
            return plan, plans
    today = timezone.localdate()
    covering = [plan for plan in plans if plan.starts_on <= today <= plan.ends_on]
    return (covering or plans or [None])[0], plans


@access(MEMBER_ONLY)
def workplan(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    plan, plans = _chosen_plan(request, committee)
    items = []
    if plan is not None:
        items = list(
            plan.items.select_related("owner", "objective__goal")
            .annotate(update_count=Count("updates"), last_update_at=Max("updates__created_at"))
            .order_by("position", "start_on", "pk")
        )
    today = timezone.localdate()
    for item in items:
        item.overdue = item.is_overdue(today)
    context = {
        "committee": committee,
        "plan": plan,
        "plans": plans,
        "items": items,
        "overdue_count": sum(item.overdue for item in items),
        "timeline": work_plan_timeline(plan, items, today=today) if plan and items else None,
        "can_edit": can_edit_committee(request.user, committee),
    }
    return render(request, "goals/workplan.html", context)


@access(COMMITTEE_CHAIR_OR_STAFF)
def workplan_new(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    form = WorkPlanForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        form.instance.committee = committee
        plan = form.save()
        messages.success(request, _("“%(title)s” is started. Add its first item.") % {"title": plan.title})
        return redirect("goals:item_new", slug=committee.slug)
    return render(request, "goals/workplan_form.html", {"form": form, "committee": committee})


@access(COMMITTEE_CHAIR_OR_STAFF)
def item_new(request, slug):
    committee = get_object_or_404(Committee, slug=slug)
    plan, _plans = _chosen_plan(request, committee)
    if plan is None:
        messages.info(request, _("Start a work plan for a period first."))
        return redirect("goals:workplan_new", slug=committee.slug)
    today = timezone.localdate()
    form = WorkPlanItemForm(
        request.POST or None,
        committee=committee,
        initial={
            "start_on": today if plan.starts_on <= today <= plan.ends_on else plan.starts_on,
            "due_on": plan.ends_on,
        },
    )
    if request.method == "POST" and form.is_valid():
        form.instance.work_plan = plan
        form.instance.position = plan.items.count()
        item = form.save()
        messages.success(request, _("“%(title)s” is added to the work plan.") % {"title": item.title})
        return redirect(plan.get_absolute_url())
    return render(request, "goals/item_form.html", {"form": form, "committee": committee, "plan": plan})


HISTORY_SHOWN = 10


def _item_or_404(pk):
    return get_object_or_404(
        WorkPlanItem.objects.select_related("work_plan__committee", "owner", "objective__goal"), pk=pk
    )


def _render_item(request, item, progress_form=None, status=200):
    can_edit = can_edit_committee(request.user, item.work_plan.committee)
    return render(
        request,
        "goals/item.html",
        {
            "item": item,
            "committee": item.work_plan.committee,
            "overdue": item.is_overdue(),
            "updates": item.updates.select_related("author"),
            "changes": item.history.select_related("history_user").order_by("-history_date")[:HISTORY_SHOWN],
            "can_edit": can_edit,
            "progress_form": progress_form or (ProgressUpdateForm() if can_edit else None),
        },
        status=status,
    )


@access(MEMBER_ONLY)
def item(request, pk):
    return _render_item(request, _item_or_404(pk))


@access(WORK_PLAN_ITEM_EDITOR)
@require_POST
def item_progress(request, pk):
    item = _item_or_404(pk)
    form = ProgressUpdateForm(request.POST)
    if not form.is_valid():
        return _render_item(request, item, progress_form=form, status=400)
    form.instance.item = item
    form.instance.author = request.user
    form.save()
    messages.success(request, _("Your progress update is saved."))
    return redirect(item)


@access(WORK_PLAN_ITEM_EDITOR)
def item_edit(request, pk):
    item = _item_or_404(pk)
    committee = item.work_plan.committee
    form = WorkPlanItemForm(request.POST or None, instance=item, committee=committee)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("“%(title)s” is saved.") % {"title": item.title})
        return redirect(item)
    return render(request, "goals/item_form.html", {"form": form, "committee": committee, "item": item})


def _metric_or_404(pk):
    return get_object_or_404(Metric.objects.with_measurements(), pk=pk)


@access(MEMBER_ONLY)
def metric(request, pk):
    metric = _metric_or_404(pk)
    measurements = metric.measurement_list
    # Counts of people from 1 to k-1 read "fewer than k" here as in every year's report, for every role
    # (staff see a figure they correct in its form); the chart would show them, so it is withheld.
    k = ReportingYear.objects.strictest_k()
    withheld = metric.publish(k)
    latest = metric.latest
    return render(
        request,
        "goals/metric.html",
        {
            "metric": metric,
            "measurements": measurements,
            "k": k,
            "k_less_one": k - 1,
            "latest": latest,
            "latest_shown": metric.shown_figure(latest["value"], k) if latest else "",
            "latest_meets": metric.shown_verdict(latest["value"], k) if latest else None,
            "baseline_shown": metric.shown_figure(metric.baseline, k),
            "target_shown": metric.shown_figure(metric.target, k),
            "chart_withheld": withheld,
            "chart": None if withheld else metric_chart(metric, measurements),
            "can_record": can_record_measurement(request.user, metric),
        },
    )


@access(MEMBER_ONLY)
@never_cache
def metric_csv(request, pk):
    metric = _metric_or_404(pk)
    metric.publish(ReportingYear.objects.strictest_k())  # the same figures as the page: small counts of people hidden
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="metric-{metric.pk}-measurements.csv"'
    writer = spreadsheets.writer(response)
    writer.writerow(
        [
            "metric",
            "unit",
            "period",
            "period start",
            "period end",
            "group",
            "value",
            "source organization",
            "sample data",
        ]
    )
    for m in metric.measurement_list:
        writer.writerow(
            [
                metric.name,
                metric.unit,
                m.period_name,
                m.period_start.isoformat(),
                m.period_end.isoformat(),
                m.breakdown,
                m.shown.replace(",", "") if m.shown[:1].isdigit() else m.shown,
                m.source.name if m.source else "",
                "yes" if m.is_sample else "no",
            ]
        )
    return response


@access(METRIC_RECORDER)
def measurement_new(request, pk):
    metric = _metric_or_404(pk)
    form = MeasurementForm(request.POST or None, metric=metric)
    if request.method == "POST" and form.is_valid():
        form.instance.metric = metric
        form.instance.recorded_by = request.user
        measurement = form.save()
        messages.success(
            request,
            _("%(value)s %(unit)s for %(period)s is recorded.")
            % {"value": format_number(measurement.value), "unit": metric.unit, "period": measurement.period_name},
        )
        return redirect(metric)
    return render(request, "goals/measurement_form.html", {"form": form, "metric": metric})


@access(METRIC_RECORDER)
@require_POST
def update_from_pamphlets(request, pk):
    metric = get_object_or_404(Metric, pk=pk)
    if metric.feed != Metric.Feed.PAMPHLETS:
        messages.error(request, _("This metric does not take its figures from the pamphlet counts."))
        return redirect(metric)
    changed = services.update_from_pamphlet_counts(metric=metric, user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d figure brought in from the pamphlet counts.",
            "%(count)d figures brought in from the pamphlet counts.",
            changed,
        )
        % {"count": changed},
    )
    return redirect(metric)


@access(MEASUREMENT_EDITOR)
def measurement_edit(request, pk):
    measurement = get_object_or_404(Measurement.objects.select_related("metric"), pk=pk)
    metric = measurement.metric
    form = MeasurementForm(request.POST or None, instance=measurement, metric=metric)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The figure for %(period)s is corrected.") % {"period": measurement.period_name})
        return redirect(metric)
    return render(request, "goals/measurement_form.html", {"form": form, "metric": metric, "measurement": measurement})


def _save_and_show(request, form, template, context, saved_message):
    """The create and change pages' shared step: save a valid form and go to the record, or show it again."""
    if request.method == "POST" and form.is_valid():
        record = form.save()
        messages.success(request, saved_message(record))
        return redirect(record)
    return render(request, template, {"form": form, **context})


def _next_position(siblings):
    """The position after the last of these records (0 for the first)."""
    last = siblings.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


@access(STAFF_ONLY)
def goal_new(request):
    following = (Goal.objects.aggregate(last=Max("number"))["last"] or 0) + 1
    form = GoalForm(request.POST or None, initial={"number": following})
    return _save_and_show(
        request, form, "goals/goal_form.html", {}, lambda goal: _("%(goal)s is added.") % {"goal": goal}
    )


@access(STAFF_ONLY)
def goal_edit(request, pk):
    goal = get_object_or_404(Goal, pk=pk)
    form = GoalForm(request.POST or None, instance=goal)
    return _save_and_show(
        request, form, "goals/goal_form.html", {"goal": goal}, lambda goal: _("%(goal)s is saved.") % {"goal": goal}
    )


@access(STAFF_ONLY)
def objective_new(request, pk):
    goal = get_object_or_404(Goal, pk=pk)
    objective = Objective(goal=goal, position=_next_position(goal.objectives))
    form = ObjectiveForm(request.POST or None, instance=objective)
    return _save_and_show(
        request,
        form,
        "goals/objective_form.html",
        {"objective": objective, "goal": goal, "adding": True},
        lambda objective: (
            _("“%(title)s” is added to Goal %(number)s.") % {"title": objective.title, "number": goal.number}
        ),
    )


@access(STAFF_ONLY)
def metric_new(request, pk):
    objective = get_object_or_404(Objective.objects.select_related("goal"), pk=pk)
    metric = Metric(objective=objective, position=_next_position(objective.metrics))
    form = MetricForm(request.POST or None, instance=metric)
    return _save_and_show(
        request,
        form,
        "goals/metric_form.html",
        {"metric": metric, "objective": objective, "adding": True},
        lambda metric: _("“%(name)s” is added. Record its first figure below.") % {"name": metric.name},
    )


@access(STAFF_ONLY)
def objective_edit(request, pk):
    objective = get_object_or_404(Objective.objects.select_related("goal"), pk=pk)
    form = ObjectiveForm(request.POST or None, instance=objective)
    return _save_and_show(
        request,
        form,
        "goals/objective_form.html",
        {"objective": objective, "goal": objective.goal},
        lambda objective: _("“%(title)s” is saved.") % {"title": objective.title},
    )


@access(STAFF_ONLY)
def metric_edit(request, pk):
    metric = get_object_or_404(Metric, pk=pk)
    form = MetricForm(request.POST or None, instance=metric)
    return _save_and_show(
        request,
        form,
        "goals/metric_form.html",
        {"metric": metric},
        lambda metric: _("“%(name)s” is saved.") % {"name": metric.name},
    )
