"""A small strategic plan for the test world: youth and adult work plans, metrics, figures."""

import datetime

from goals.models import Goal, Measurement, Metric, Objective, WorkPlan, WorkPlanItem

D = datetime.date


class Plan:
    """Goal 3 with an objective the youth committee owns and one the adult committee owns."""

    def __init__(self, world):
        self.goal = Goal.objects.create(number=3, title="Prevention", description="Prevent human trafficking.")
        self.other_goal = Goal.objects.create(number=2, title="Institutionalize")
        self.mentors = Objective.objects.create(
            goal=self.goal, title="Mentors for at-risk youth", ease="easier", importance=3
        )
        self.mentors.committees.set([world.youth])
        self.mentors.also_serves.set([self.other_goal])
        self.shelter = Objective.objects.create(goal=self.goal, title="Regional shelter", ease="harder", importance=2)
        self.shelter.committees.set([world.adult])
        self.youth_plan = WorkPlan.objects.create(
            committee=world.youth, title="Priorities for 2017-2018", starts_on=D(2017, 7, 1), ends_on=D(2018, 6, 30)
        )
        self.adult_plan = WorkPlan.objects.create(
            committee=world.adult, title="Priorities for 2017-2018", starts_on=D(2017, 7, 1), ends_on=D(2018, 6, 30)
        )
        self.youth_item = WorkPlanItem.objects.create(
            work_plan=self.youth_plan,
            objective=self.mentors,
            title="Recruit mentors",
            owner=world.cochair,
            start_on=D(2017, 9, 1),
            due_on=D(2018, 3, 31),
            status="on_track",
            percent_done=20,
        )
        self.adult_item = WorkPlanItem.objects.create(
            work_plan=self.adult_plan,
            objective=self.shelter,
            title="Draft a shelter policy",
            owner=world.other_cochair,
            start_on=D(2018, 1, 1),
            due_on=D(2018, 6, 30),
            status="at_risk",
            percent_done=10,
        )
        self.youth_metric = Metric.objects.create(
            objective=self.mentors, name="# active mentors", unit="mentors", baseline=5, target=40
        )
        self.adult_metric = Metric.objects.create(
            objective=self.shelter, name="# shelter beds", unit="beds", breakdown_by="agency", target=100
        )
        Measurement.objects.create(
            metric=self.youth_metric,
            period_start=D(2017, 1, 1),
            period_end=D(2017, 12, 31),
            value=9,
            source=world.shelter,
            is_sample=True,
        )
        for agency, value in [("Shelter A", 10), ("Shelter B", 15)]:
            Measurement.objects.create(
                metric=self.adult_metric,
                period_start=D(2017, 1, 1),
                period_end=D(2017, 12, 31),
                value=value,
                breakdown=agency,
                source=world.shelter,
            )


def plan_for(world) -> Plan:
    """The world's plan, built on first use (the access test asks for it once per URL)."""
    if "_goals_plan" not in world.__dict__:
        world._goals_plan = Plan(world)
    return world._goals_plan
