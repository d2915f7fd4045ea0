"""The goals part of `seed_scale`: five goals, objectives, a work plan a year per committee, metrics."""

import datetime

from .models import Goal, Measurement, Metric, Objective, ProgressUpdate, WorkPlan, WorkPlanItem

YEARS = range(2016, 2026)


def seed(*, scale, rng, made, stdout=None):
    committees = made["members"]["committees"]
    people = made["members"]["people"]
    organizations = made["members"]["organizations"]
    goals = Goal.objects.bulk_create(Goal(number=n, title=f"Scale goal {n}") for n in range(1, 6))
    objectives = Objective.objects.bulk_create(
        Objective(
            goal=goals[i % 5],
            position=i,
            title=f"Scale objective {i}",
            ease=rng.choice(Objective.Ease.values),
            importance=rng.choice(Objective.Importance.values),
            status=rng.choice(Objective.Status.values),
        )
        for i in range(max(10, int(60 * scale)))
    )
    links = Objective.committees.through
    links.objects.bulk_create(links(objective_id=o.pk, committee_id=rng.choice(committees).pk) for o in objectives)
    plans, items = [], []
    for committee in committees:
        for year in YEARS:
            plans.append(
                WorkPlan(
                    committee=committee,
                    title=f"Priorities for {year}",
                    starts_on=datetime.date(year, 1, 1),
                    ends_on=datetime.date(year, 12, 31),
                )
            )
    WorkPlan.objects.bulk_create(plans)
    per_plan = max(3, int(15 * scale))
    for plan in plans:
        for i in range(per_plan):
            start = plan.starts_on + datetime.timedelta(days=rng.randrange(0, 200))
            status = rng.choice(WorkPlanItem.Status.values)
            items.append(
                WorkPlanItem(
                    work_plan=plan,
                    objective=rng.choice(objectives),
                    position=i,
                    title=f"Work item {i} of {plan.title}",
                    owner=rng.choice(people),
                    start_on=start,
                    due_on=start + datetime.timedelta(days=rng.randrange(30, 160)),
                    status=status,
                    percent_done=100 if status == "done" else rng.randrange(0, 100),
                )
            )
    WorkPlanItem.objects.bulk_create(items)
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(item=item, text="Synthetic progress note.") for item in items[:: max(1, len(items) // 2000)]
    )
    metrics = Metric.objects.bulk_create(
        Metric(objective=objectives[i], position=i, name=f"# of things {i}", unit="things", target=100 + i)
        for i in range(min(len(objectives), 20))
    )
    Measurement.objects.bulk_create(
        Measurement(
            metric=metric,
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
            period_label=str(year),
            value=rng.randrange(0, 200),
            source=rng.choice(organizations),
            is_sample=True,
        )
        for metric in metrics
        for year in YEARS
    )
    if stdout:
        stdout.write(f"Goals: {len(objectives)} objectives, {len(plans)} work plans, {len(items)} items.")
    return {"goals": goals, "objectives": objectives, "metrics": metrics}
