"""The strategic plan: goals, objectives, committee work plans and success metrics."""

import datetime
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Case, Exists, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import JSONObject
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.models import Committee, Organization, Person
from reports.suppression import fewer_than, is_small, suppress_counts
from taskforce.choices import choice_label
from taskforce.dates import date_in_range, moment_in_range, validate_date
from taskforce.versions import Versioned


class StrategicPlan(Versioned):
    """The one row holding the task force's mission, vision and definition of trafficking."""

    mission = models.TextField(_("mission statement"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    definition = models.TextField(_("definition of human trafficking"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("strategic plan text")
        verbose_name_plural = _("strategic plan text")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="strategic_plan_single_row")]

    def __str__(self):
        return str(_("Mission, vision and definition"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        plan, _created = cls.objects.get_or_create(pk=1)
        return plan


class GoalQuerySet(models.QuerySet):
    def with_objectives_and_metrics(self, *, latest_figures_only=False):
        """Goals with everything /goals/ and the annual report show, in a fixed number of queries.

        Each goal gets ``objective_list`` (its own objectives); each objective gets ``committee_list``
        (each committee's ``name`` and ``slug``), ``also_serves_pks`` (the other goals it serves, in
        plan order) and ``metric_list``; each metric ``measurement_list``. ``goals.services.goals_overview``
        turns ``also_serves_pks`` into goals and gathers each goal's shared objectives.
        With ``latest_figures_only`` (/goals/, which shows each metric's latest figure), ``measurement_list``
        holds only each metric's latest period, not every figure of every year, and ``is_sample`` is read
        from an annotation.
        """
        # Prefetching through the reverse relations already sets each objective's goal and each
        # metric's objective, so nothing here joins them again; no page of the plan shows a figure's source.
        # Each list is ordered within its owner only (a goal's objectives, an objective's metrics): ordering
        # by the models' default (the goal's number, the objective's position) joined the goals and
        # objectives again into each prefetch just to sort.
        measurements = Measurement.objects.order_by("period_start", "period_end", "breakdown")
        metrics = Metric.objects.order_by("position", "pk")
        objectives = Objective.objects.with_progress()
        if latest_figures_only:
            # /goals/ reads a few columns of each row: a figure's period and value, a metric's name and target,
            # an objective's title, status, due date and place on the retreat's grid.
            measurements = measurements.of_latest_period().only(
                "metric", "period_start", "period_end", "period_label", "breakdown", "value"
            )
            metrics = metrics.only("objective", "name", "direction", "counts_people", "target", "target_on").annotate(
                has_sample_figures=Exists(Measurement.objects.filter(metric=OuterRef("pk"), is_sample=True))
            )
            objectives = objectives.only("goal", "title", "ease", "importance", "status", "due_on")
        metrics = metrics.prefetch_related(Prefetch("measurements", queryset=measurements, to_attr="measurement_list"))
        # The plan's pages show a committee's name and link to its work plan, and another goal's number:
        # a few columns read with the objective itself, rather than two many-to-many prefetches that
        # build a related manager for every objective (a tenth of /goals/).
        committees = (
            Committee.objects.filter(objectives=OuterRef("pk"))
            .order_by("position", "name")
            .values(json=JSONObject(name="name", slug="slug"))
        )
        also_serves = Goal.objects.filter(shared_objectives=OuterRef("pk")).order_by("number").values("pk")
        objectives = (
            objectives.annotate(committee_list=ArraySubquery(committees), also_serves_pks=ArraySubquery(also_serves))
            .order_by("position", "pk")
            .prefetch_related(Prefetch("metrics", queryset=metrics, to_attr="metric_list"))
        )
        return self.order_by("number").prefetch_related(
            Prefetch("objectives", queryset=objectives, to_attr="objective_list"),
        )


class Goal(Versioned):
    """One of the strategic plan's goals (the plan has five)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300, help_text=_("A short name, for example “Prevention”."))
    description = models.TextField(_("description"), blank=True, help_text=_("The goal as the plan words it."))

    objects = GoalQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return _("Goal %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    def get_absolute_url(self):
        return reverse("goals:index") + f"#goal-{self.number}"

    @cached_property
    def short_label(self):
        """“Goal 2”, translated once per goal: /goals/ tags each of the plan's objectives with it."""
        return gettext("Goal %(number)s") % {"number": self.number}

    def _objectives(self):
        if not hasattr(self, "objective_list"):
            self.objective_list = list(
                Objective.objects.with_progress()
                .filter(goal=self)
                .prefetch_related(
                    Prefetch("metrics", queryset=Metric.objects.with_measurements(), to_attr="metric_list")
                )
            )
        return self.objective_list

    @property
    def progress(self):
        """Average progress of its own objectives that have work-plan items, or None."""
        values = [objective.progress for objective in self._objectives() if objective.progress is not None]
        if not values:
            return None
        return round(sum(values) / len(values))

    @property
    def metrics(self):
        return [metric for objective in self._objectives() for metric in objective.metric_list]


class ObjectiveQuerySet(models.QuerySet):
    def with_progress(self):
        """Annotate ``progress_value``: mean percent done of its work-plan items, dropped ones left out."""
        done = WorkPlanItem.Status.DONE
        dropped = WorkPlanItem.Status.DROPPED
        percent = Case(
            When(work_plan_items__status=done, then=Value(100)),
            default=F("work_plan_items__percent_done"),
            output_field=models.IntegerField(),
        )
        # An aggregate drops Meta.ordering, so the order is spelled out.
        return self.annotate(progress_value=Avg(percent, filter=~Q(work_plan_items__status=dropped))).order_by(
            "goal__number", "position", "pk"
        )


class Objective(Versioned):
    """What a goal will do, owned by one, several or all committees."""

    class Ease(models.TextChoices):
        EASIER = "easier", _("Easier")
        HARDER = "harder", _("Harder")

    class Importance(models.IntegerChoices):
        HIGHER = 3, _("Higher importance")
        MEDIUM = 2, _("Medium importance")
        LOWER = 1, _("Lower importance")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        ON_HOLD = "on_hold", _("On hold")
        DROPPED = "dropped", _("Dropped")

    goal = models.ForeignKey(Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="objectives")
    also_serves = models.ManyToManyField(
        Goal,
        verbose_name=_("also serves"),
        blank=True,
        related_name="shared_objectives",
        help_text=_("Other goals this objective also serves (“also in Goal 2”)."),
    )
    committees = models.ManyToManyField(
        Committee,
        verbose_name=_("committees responsible"),
        blank=True,
        related_name="objectives",
        help_text=_("One, several, or all of the committees."),
    )
    position = models.PositiveSmallIntegerField(_("order within the goal"), default=0)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    ease = models.CharField(_("ease"), max_length=6, choices=Ease.choices, default=Ease.EASIER)
    importance = models.PositiveSmallIntegerField(
        _("importance"), choices=Importance.choices, default=Importance.MEDIUM
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    start_on = models.DateField(_("start"), null=True, blank=True, validators=[validate_date])
    due_on = models.DateField(_("due"), null=True, blank=True, validators=[validate_date])

    objects = ObjectiveQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[committees, also_serves], excluded_fields=["version"])

    class Meta:
        ordering = ["goal__number", "position", "pk"]
        constraints = [
            date_in_range("start_on"),
            date_in_range("due_on"),
            models.CheckConstraint(
                condition=Q(due_on__isnull=True) | Q(start_on__isnull=True) | Q(due_on__gte=F("start_on")),
                name="objective_due_after_start",
                violation_error_message="An objective cannot be due before it starts.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("goals:index") + f"#objective-{self.pk}"

    @property
    def status_label(self):
        """get_status_display() for a list's rows (60 on /goals/): taskforce.choices.choice_label."""
        return choice_label(self.Status, self.status)

    def clean(self):
        if self.start_on and self.due_on and self.due_on < self.start_on:
            raise ValidationError({"due_on": _("The due date must be on or after the start date.")})

    @property
    def progress(self):
        """Percent done, from its work-plan items (None when no item works on it)."""
        if not hasattr(self, "progress_value"):
            self.progress_value = Objective.objects.with_progress().get(pk=self.pk).progress_value
        return None if self.progress_value is None else round(self.progress_value)


class WorkPlanQuerySet(models.QuerySet):
    def covering(self, day):
        return self.filter(starts_on__lte=day, ends_on__gte=day)


class WorkPlan(models.Model):
    """A committee's plan for a period, such as its 2017-2018 priorities."""

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="work_plans"
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("For example “Priorities for 2017-2018”."))
    starts_on = models.DateField(_("period starts"), validators=[validate_date])
    ends_on = models.DateField(_("period ends"), validators=[validate_date])
    notes = models.TextField(_("notes"), blank=True)

    objects = WorkPlanQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["committee__position", "-starts_on"]
        constraints = [
            date_in_range("starts_on"),
            date_in_range("ends_on"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="work_plan_ends_after_start",
                violation_error_message="A work plan's period cannot end before it starts.",
            ),
            models.UniqueConstraint(
                fields=["committee", "starts_on"],
                name="one_work_plan_per_committee_and_start",
                violation_error_message="This committee already has a work plan starting on that date.",
            ),
        ]

    def __str__(self):
        return f"{self.committee}: {self.title}"

    def get_absolute_url(self):
        return reverse("goals:workplan", args=[self.committee.slug]) + f"?plan={self.pk}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The period must end on or after the day it starts.")})


class WorkPlanItemQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=WorkPlanItem.CLOSED)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def needing_attention(self, today=None):
        """Open items past their due date or marked at risk."""
        today = today or timezone.localdate()
        return self.open().filter(Q(due_on__lt=today) | Q(status=WorkPlanItem.Status.AT_RISK))


class WorkPlanItem(Versioned):
    """One thing a committee will do in its work plan, with an owner and dates."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    CLOSED = (Status.DONE, Status.DROPPED)

    work_plan = models.ForeignKey(WorkPlan, verbose_name=_("work plan"), on_delete=models.CASCADE, related_name="items")
    objective = models.ForeignKey(
        Objective,
        verbose_name=_("objective"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_plan_items",
        help_text=_("The strategic-plan objective this item works toward, if any."),
    )
    position = models.PositiveSmallIntegerField(_("order in the plan"), default=0)
    title = models.CharField(_("what"), max_length=300)
    description = models.TextField(_("details"), blank=True)
    owner = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_plan_items",
        help_text=_("Who makes sure it happens."),
    )
    start_on = models.DateField(_("start"), validators=[validate_date])
    due_on = models.DateField(_("due"), validators=[validate_date])
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    percent_done = models.PositiveSmallIntegerField(
        _("percent done"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = WorkPlanItemQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["position", "start_on", "pk"]
        # The dashboard's first few items needing attention, by due date: read in index order and stop,
        # rather than join and sort every open item (1.6 ms at ten years of data, 0.1 with it).
        indexes = [models.Index(fields=["due_on", "id"], name="workplanitem_due_idx")]
        constraints = [
            date_in_range("start_on"),
            date_in_range("due_on"),
            models.CheckConstraint(
                condition=Q(percent_done__gte=0) & Q(percent_done__lte=100),
                name="work_plan_item_percent_0_to_100",
                violation_error_message="Percent done must be between 0 and 100.",
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=F("start_on")),
                name="work_plan_item_due_after_start",
                violation_error_message="An item cannot be due before it starts.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Done means all of it; the objective's progress reads this figure.
        if self.status == self.Status.DONE:
            self.percent_done = 100
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("goals:item", args=[self.pk])

    def clean(self):
        if self.start_on and self.due_on and self.due_on < self.start_on:
            raise ValidationError({"due_on": _("The due date must be on or after the start date.")})

    @property
    def is_open(self):
        return self.status not in self.CLOSED

    def is_overdue(self, today=None):
        return self.is_open and self.due_on < (today or timezone.localdate())


class ProgressUpdate(models.Model):
    """A dated note on a work-plan item: who wrote what, when."""

    item = models.ForeignKey(
        WorkPlanItem, verbose_name=_("work-plan item"), on_delete=models.CASCADE, related_name="updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="progress_updates",
    )
    text = models.TextField(_("update"))
    created_at = models.DateTimeField(_("written"), default=timezone.now, validators=[validate_date])

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [moment_in_range("created_at")]

    def __str__(self):
        day = formats.date_format(timezone.localtime(self.created_at), "SHORT_DATE_FORMAT")
        return _("Update on %(item)s (%(date)s)") % {"item": self.item, "date": day}

    @property
    def author_name(self):
        if self.author is None:
            return str(_("Someone no longer registered"))
        return self.author.get_full_name() or self.author.get_username()


class MetricQuerySet(models.QuerySet):
    def with_measurements(self):
        """Each metric with ``measurement_list`` in time order, source organizations joined."""
        measurements = Measurement.objects.select_related("source").order_by("period_start", "period_end", "breakdown")
        return self.select_related("objective__goal").prefetch_related(
            Prefetch("measurements", queryset=measurements, to_attr="measurement_list")
        )


class Metric(Versioned):
    """A success metric from the plan, such as “# active mentors”."""

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Increase")
        DECREASE = "decrease", _("Decrease")

    class Feed(models.TextChoices):
        PAMPHLETS = "pamphlets", _("the pamphlet counts staff record on the resource list")

    objective = models.ForeignKey(
        Objective,
        verbose_name=_("objective"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="metrics",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=300, help_text=_("As the plan words it: “# of new housing units”."))
    unit = models.CharField(_("unit"), max_length=60, help_text=_("What is counted, plural: “housing units”."))
    direction = models.CharField(
        _("success means"), max_length=8, choices=Direction.choices, default=Direction.INCREASE
    )
    breakdown_by = models.CharField(
        _("broken down by"),
        max_length=100,
        blank=True,
        help_text=_("If measurements are split, by what: “racial group”, “agency”."),
    )
    counts_people = models.BooleanField(
        _("counts people"),
        default=True,
        help_text=_(
            "Tick when the figures are numbers of people (trainees, mentors, referrals): a figure below the "
            "small-count threshold then reads “fewer than k” on every page, CSV and report. Untick for "
            "organizations, programs, housing units or pamphlets, which are published as they are."
        ),
    )
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2, null=True, blank=True)
    target_on = models.DateField(_("target date"), null=True, blank=True, validators=[validate_date])
    notes = models.TextField(_("notes"), blank=True)
    feed = models.CharField(
        _("figures also come from"),
        max_length=20,
        choices=Feed.choices,
        blank=True,
        help_text=_("Where figures recorded elsewhere in the app can be brought in with one click."),
    )

    objects = MetricQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["objective__goal__number", "objective__position", "position", "pk"]
        constraints = [date_in_range("target_on")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("goals:metric", args=[self.pk])

    def _measurements(self):
        if hasattr(self, "measurement_list"):
            return self.measurement_list
        return list(self.measurements.select_related("source").order_by("period_start", "period_end", "breakdown"))

    def series(self):
        """Totals per period, oldest first: the unsplit figure, or the sum of the breakdown."""
        periods = {}
        for measurement in self._measurements():
            key = (measurement.period_start, measurement.period_end)
            point = periods.setdefault(
                key,
                {"start": key[0], "end": key[1], "label": measurement.period_name, "total": None, "sum": Decimal(0)},
            )
            if measurement.breakdown:
                point["sum"] += measurement.value
            else:
                point["total"] = measurement.value
        return [
            {**point, "value": point["total"] if point["total"] is not None else point["sum"]}
            for point in sorted(periods.values(), key=lambda p: (p["end"], p["start"]))
        ]

    @property
    def latest(self):
        """The most recent period's total, or None."""
        series = self.series()
        return series[-1] if series else None

    def year_figure(self, year: int):
        """The figure an annual report for ``year`` shows: that year's period, else the latest earlier one.

        A period belongs to the year it ends in (“FY 2017-18” to 2018). Returns the series point with
        ``year`` (the year it belongs to) and ``is_current`` (it is the report's year), or None when
        nothing was measured up to that year. Later periods are never shown in an earlier report.
        """
        earlier = [point for point in self.series() if point["end"].year <= year]
        if not earlier:
            return None
        point = earlier[-1]
        return {**point, "year": point["end"].year, "is_current": point["end"].year == year}

    def measurements_through(self, year: int):
        """The measurements an annual report for ``year`` may draw: those of periods ending by then."""
        return [m for m in self._measurements() if m.period_end.year <= year]

    @property
    def is_sample(self):
        """Some of its figures are invented (the demo's)."""
        if hasattr(self, "has_sample_figures"):  # with_objectives_and_metrics(latest_figures_only=True)
            return self.has_sample_figures
        return any(m.is_sample for m in self._measurements())

    @property
    def latest_meets_target(self):
        """True or False against the target in the direction that counts; None if unknown."""
        latest = self.latest
        return self.met_target(latest["value"]) if latest else None

    def hides(self, value, k: int) -> bool:
        """A figure never published: a count of people from 1 to k-1 (``reports.suppression.is_small``)."""
        return self.counts_people and is_small(value, k)

    def shown_figure(self, value, k: int) -> str:
        """A figure as pages, CSVs and the report print it: “fewer than k” where ``hides``."""
        from .charts import format_number

        if value is None:
            return ""
        return fewer_than(k) if self.hides(value, k) else format_number(value)

    def publish(self, k: int, measurements=None) -> bool:
        """Set ``shown`` on each measurement: its value as pages and the CSV print it. True when any is hidden.

        A count of people from 1 to k-1 reads “fewer than k”. A period split into groups goes through
        ``reports.suppression.suppress_counts`` against its total, so a hidden group cannot be worked out by
        subtracting the others from the total (people in no group count as one more, never shown, group).
        A caller withholds the chart when this returns True: its points would show the hidden figures.
        ``measurements``: only these (a year's report draws those of periods ending by then), else all.
        """
        measurements = self._measurements() if measurements is None else measurements
        periods = {}
        for measurement in measurements:
            measurement.shown = self.shown_figure(measurement.value, k)
            periods.setdefault((measurement.period_start, measurement.period_end), []).append(measurement)
        if not self.counts_people:
            return False
        hidden = any(self.hides(measurement.value, k) for measurement in measurements)
        for rows in periods.values():
            total = next((m for m in rows if not m.breakdown), None)
            groups = [m for m in rows if m.breakdown]
            if not groups or any(m.value != int(m.value) for m in rows):
                continue  # one figure, or not whole people: each figure on its own
            counts = [(m.breakdown, int(m.value)) for m in groups]
            group_sum = sum(value for _, value in counts)
            if total is not None and total.value > group_sum:
                counts.append(("", int(total.value) - group_sum))
            table = suppress_counts(counts=counts, k=k)
            for measurement, cell in zip(groups, table.cells, strict=False):
                measurement.shown = cell.display
                hidden = hidden or cell.suppressed
            if total is not None and total.value >= group_sum:
                total.shown = table.total.display
                hidden = hidden or table.total.suppressed
        return hidden

    def shown_verdict(self, value, k: int):
        """``met_target`` on a figure that is published; None on one that reads "fewer than k" (``hides``), since
        "target not yet met" could narrow it down."""
        return None if self.hides(value, k) else self.met_target(value)

    def met_target(self, value):
        if self.target is None or value is None:
            return None
        if self.direction == self.Direction.INCREASE:
            return value >= self.target
        return value <= self.target


class MeasurementQuerySet(models.QuerySet):
    def of_latest_period(self):
        """Only the figures of each metric's latest period: the last point of ``Metric.series`` (the latest
        end, then the latest start)."""
        latest = Measurement.objects.filter(metric=OuterRef("metric")).order_by("-period_end", "-period_start")
        return self.filter(
            period_end=Subquery(latest.values("period_end")[:1]),
            period_start=Subquery(latest.values("period_start")[:1]),
        )


class Measurement(Versioned):
    """A metric's value for one period, optionally for one group of a breakdown."""

    metric = models.ForeignKey(Metric, verbose_name=_("metric"), on_delete=models.CASCADE, related_name="measurements")
    period_start = models.DateField(_("period starts"), validators=[validate_date])
    period_end = models.DateField(_("period ends"), validators=[validate_date])
    period_label = models.CharField(
        _("period name"), max_length=40, blank=True, help_text=_("How people say it: “2017”, “FY 2017-18”.")
    )
    breakdown = models.CharField(
        _("group"),
        max_length=200,  # as long as an organization's name: the pamphlet feed writes agency names here
        blank=True,
        help_text=_("Leave empty for the total; or the group this figure is for, such as “Latino” or an agency."),
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    source = models.ForeignKey(
        Organization,
        verbose_name=_("source organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measurements",
    )
    is_sample = models.BooleanField(_("sample data"), default=False, help_text=_("An invented figure for the demo."))
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measurements",
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, validators=[validate_date])

    objects = MeasurementQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["metric", "period_start", "breakdown"]
        indexes = [
            # MeasurementQuerySet.of_latest_period looks up each metric's latest period once per figure;
            # without this index each lookup reads the whole table (/goals/, the report).
            models.Index(fields=["metric", "-period_end", "-period_start"], name="measurement_latest_idx"),
        ]
        constraints = [
            date_in_range("period_start"),
            date_in_range("period_end"),
            moment_in_range("created_at"),
            models.UniqueConstraint(
                fields=["metric", "period_start", "period_end", "breakdown"],
                name="one_measurement_per_metric_period_and_group",
                violation_error_message="This metric already has a figure for that period and group.",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="measurement_period_ends_after_start",
                violation_error_message="A period cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="measurement_value_not_negative",
                violation_error_message="A value cannot be negative.",
            ),
        ]

    def __str__(self):
        group = f" ({self.breakdown})" if self.breakdown else ""
        return f"{self.metric}, {self.period_name}{group}: {self.value}"

    def get_absolute_url(self):
        return self.metric.get_absolute_url()

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period must end on or after the day it starts.")})
        if self.metric_id and self.metric.counts_people and self.value is not None and self.value % 1:
            raise ValidationError({"value": _("A count of people is a whole number.")})

    @property
    def period_name(self):
        if self.period_label:
            return self.period_label
        start, end = self.period_start, self.period_end
        if start.month == 1 and start.day == 1 and end == datetime.date(start.year, 12, 31):
            return str(start.year)
        return gettext("%(start)s to %(end)s") % {
            "start": formats.date_format(start, "SHORT_DATE_FORMAT"),
            "end": formats.date_format(end, "SHORT_DATE_FORMAT"),
        }
