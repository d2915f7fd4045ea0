"""Demo strategic plan from shared/seeds: the retreat's five goals, objectives and success metrics,
and a work plan per standing committee from the 2017-2018 priorities.

The retreat's grid placed Goal 4's objectives by ease and importance; its colours (the committee
responsible) and exact positions were lost when the PDF became text, so those placements, the
committees of Goal 4 and the ease/importance of the other goals are our reading. Work-plan dates,
statuses and owners are sample data; every measurement, baseline and target is invented and
marked as sample data.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from members.models import Committee, Organization, Person

from .models import Goal, Measurement, Metric, Objective, ProgressUpdate, StrategicPlan, WorkPlan, WorkPlanItem

E, H = Objective.Ease.EASIER, Objective.Ease.HARDER
HI, MED, LO = Objective.Importance.HIGHER, Objective.Importance.MEDIUM, Objective.Importance.LOWER
OS = Objective.Status
ALL = ["executive", "youth-trafficking", "adult-trafficking", "sex-work-policy"]

MISSION = """The San Francisco Mayor's Task Force on Anti-Human Trafficking shall oversee a collaborative, comprehensive, and data driven approach that effectively prevents and coordinates responses to human trafficking situations and focuses on long-term solutions to this wide-ranging problem.

The Task Force commits to an approach that is responsive to a person's individual experience, is informed by one's self determination, and does not further traumatize or criminalize people.*

The Task Force supports San Francisco as a sanctuary city and is committed to supporting all immigrants and refugees, regardless of immigration status.

The Task Force works through a collaboration of government, business, and community based organizations, and includes those affected by trafficking and policies developed to address trafficking.

The Task Force makes policy recommendations to improve the lived experiences with persons who are trafficked.

* A "person" could be a client, victim or survivor."""

VISION = "The Mayor's Task Force on Anti-Human Trafficking envisions a world free of human trafficking."

DEFINITION = """Human trafficking is the use of force, fraud or coercion to compel someone to work, that can include, but is not limited to, trafficking in industry, domestic work, agriculture, and commercial sex. Force, fraud, or coercion is not required if the person involved in a commercial sex act is under 18.

The Task Force recognizes that not all persons who have experienced human trafficking may relate to the term "human trafficking" or the terms "victim" or "survivor." We acknowledge that human trafficking is complicated, and it is difficult for a definition to universally cover all experiences."""

GOALS = [
    (
        1,
        "Link, support and engage services",
        "Link, support and engage services across relevant city departments and agencies, community-based organizations, labor organizations and relevant businesses and industries to: identify gaps in services and ensure efficiency and comprehensiveness of service delivery; identify victims; decrease demand for goods and services created/provided by trafficked persons; implement trainings; and bring justice for victims.",
    ),
    (
        2,
        "Institutionalize the City's response",
        "Institutionalize the City of San Francisco's response to human trafficking through policy, advocacy and collaborating with relevant departments, community-based organizations, businesses and labor organizations.",
    ),
    (
        3,
        "Prevention",
        "Prevent human trafficking by addressing issues that create vulnerability. All efforts should ensure support of undocumented families.",
    ),
    (
        4,
        "Regional collaboration and awareness",
        "Engage with local and regional collaboratives that raise awareness, change public perception, and seek to develop regional approaches to prevention, identification and service delivery.",
    ),
    (
        5,
        "Self-determination and rights of people impacted",
        "Promote the self-determination and rights of people who have been impacted by human trafficking.",
    ),
]

# (goal, key, title, committees, ease, importance, status, due, also serves goals, description)
OBJECTIVES = [
    (
        1,
        "orient",
        "Orient new members to the Task Force before they start attending meetings",
        ["executive"],
        E,
        HI,
        OS.IN_PROGRESS,
        None,
        [],
        "",
    ),
    (
        1,
        "in-service",
        "Offer a (bi)monthly in-service training in which a member presents on their services",
        ["task-force"],
        E,
        MED,
        OS.IN_PROGRESS,
        None,
        [],
        "",
    ),
    (
        1,
        "share",
        "Share what works and what does not in each committee, and build a best practices list",
        ALL,
        E,
        MED,
        OS.IN_PROGRESS,
        None,
        [],
        "In the general Task Force meetings agencies familiarize the Task Force with their mission and services; in committees they present what works and what does not.",
    ),
    (
        1,
        "gaps",
        "Identify gaps in services and request funding, advocacy or other support from the Task Force",
        ALL,
        H,
        HI,
        OS.NOT_STARTED,
        None,
        [],
        "After agencies share their practices, committees identify gaps where agencies need further funding or support and present them to the larger Task Force.",
    ),
    (
        2,
        "voting",
        "Create membership and voting rules for the Task Force",
        ["executive"],
        E,
        HI,
        OS.IN_PROGRESS,
        datetime.date(2018, 6, 30),
        [],
        "The retreat did not decide whether MOU members or members who attend can vote.",
    ),
    (
        2,
        "policy-process",
        "Develop a process for adopting and implementing policies across departments",
        ["executive"],
        H,
        HI,
        OS.NOT_STARTED,
        None,
        [],
        "",
    ),
    (
        2,
        "stakeholders",
        "Identify stakeholders and involve new actors and agencies",
        ["executive"],
        E,
        MED,
        OS.IN_PROGRESS,
        None,
        [],
        "Industry associations, labor unions, federal and state partners, the Sheriff's Department, paramedics, SF General Hospital, faith groups and the Immigrant Rights Commission.",
    ),
    (2, "resource-list", "Create a resource list", ["adult-trafficking"], E, HI, OS.ACHIEVED, None, [], ""),
    (
        2,
        "stanford",
        "Engage industry on the Stanford on-line trafficking training",
        ["adult-trafficking"],
        E,
        MED,
        OS.IN_PROGRESS,
        None,
        [],
        "",
    ),
    (
        2,
        "nail-salons",
        "Expand the Healthy Nail Salon Program to include information on labor rights",
        ["adult-trafficking"],
        H,
        MED,
        OS.NOT_STARTED,
        None,
        [],
        "",
    ),
    (
        2,
        "employment",
        "Expand employment and vocational services for survivors of trafficking",
        ["adult-trafficking"],
        H,
        HI,
        OS.NOT_STARTED,
        None,
        [],
        "",
    ),
    (
        2,
        "purchasing",
        "Leverage city purchasing to prioritize trafficking-free goods and services",
        ["adult-trafficking"],
        H,
        MED,
        OS.NOT_STARTED,
        None,
        [],
        "",
    ),
    (
        2,
        "transportation",
        "Train transportation providers to recognize signs of human trafficking",
        ["youth-trafficking"],
        E,
        HI,
        OS.IN_PROGRESS,
        None,
        [],
        "",
    ),
    (
        2,
        "safety-policy",
        "Finalize the Prioritizing Safety for Sex Workers Policy in 2017",
        ["sex-work-policy"],
        H,
        HI,
        OS.IN_PROGRESS,
        datetime.date(2017, 12, 31),
        [],
        "The SFPD protocol so that sex workers can report violence safely.",
    ),
    (
        3,
        "housing",
        "Affordable housing for homeless and at-risk youth and adults",
        ["prevention", "youth-trafficking", "adult-trafficking"],
        H,
        HI,
        OS.IN_PROGRESS,
        datetime.date(2017, 12, 31),
        [],
        "",
    ),
    (
        3,
        "students",
        "Education for children, youth, teachers and administrators on healthy relationships, human trafficking 101 and recruiting tactics",
        ["prevention", "youth-trafficking"],
        E,
        HI,
        OS.IN_PROGRESS,
        None,
        [],
        "",
    ),
    (
        3,
        "outreach",
        "Street outreach: educate massage parlors, nail salons and strip clubs about their rights and alternatives, with accurate information on where to get help",
        ["prevention", "adult-trafficking"],
        H,
        MED,
        OS.IN_PROGRESS,
        None,
        [],
        "",
    ),
    (
        3,
        "mentors",
        "Establish relatable and healthy mentors for at-risk youth",
        ["prevention", "youth-trafficking"],
        E,
        MED,
        OS.IN_PROGRESS,
        None,
        [],
        "",
    ),
    (
        3,
        "foster-care",
        "Improve the foster care system",
        ["prevention", "youth-trafficking"],
        H,
        HI,
        OS.NOT_STARTED,
        None,
        [],
        "Reduce referrals to foster care, especially in racial groups highly impacted by trafficking, and measure referral to and use of services as an alternative to foster care.",
    ),
    (
        3,
        "workplaces",
        "Provide trauma-informed workplaces and sustainable wages for youth and adults",
        ["prevention", "adult-trafficking"],
        H,
        MED,
        OS.NOT_STARTED,
        None,
        [],
        "",
    ),
    (
        4,
        "professional",
        "Collaborate with professional organizations",
        ["adult-trafficking"],
        E,
        HI,
        OS.IN_PROGRESS,
        None,
        [2],
        "",
    ),
    (
        4,
        "regional",
        "Collaborate with regional efforts that align with the Mayor's Task Force",
        ["executive"],
        H,
        HI,
        OS.IN_PROGRESS,
        None,
        [2],
        "",
    ),
    (4, "bay-area", "Continue outreach campaigns across the Bay Area", ALL, E, MED, OS.IN_PROGRESS, None, [], ""),
    (4, "training-data", "Collect data on trainings", ["data"], E, MED, OS.NOT_STARTED, None, [], ""),
    (4, "webinar", "Webinar showcasing best practices", ["executive"], E, LO, OS.NOT_STARTED, None, [], ""),
    (4, "media", "Share media guidelines", ["sex-work-policy"], E, MED, OS.NOT_STARTED, None, [], ""),
    (4, "officials", "Brief elected officials (local and state)", ["executive"], E, HI, OS.NOT_STARTED, None, [], ""),
    (4, "sanctuary", "Connect with other sanctuary cities", ["executive"], H, MED, OS.NOT_STARTED, None, [], ""),
    (4, "funding", "Dedicate funding for anti-human trafficking", ["executive"], H, HI, OS.NOT_STARTED, None, [], ""),
    (
        4,
        "survivor-networks",
        "Collaborate with survivor networks (funding, opportunities for consultation)",
        ["survivor-advisory"],
        H,
        HI,
        OS.NOT_STARTED,
        None,
        [],
        "",
    ),
    (
        4,
        "shelter",
        "Regional shelter housing policy and program",
        ["adult-trafficking"],
        H,
        HI,
        OS.NOT_STARTED,
        None,
        [2],
        "",
    ),
    (4, "collaboratives", "Network with other collaboratives", ALL, E, MED, OS.IN_PROGRESS, None, [2], ""),
    (
        4,
        "hot",
        "Connect to the homelessness agency for training (HOT)",
        ["youth-trafficking"],
        E,
        MED,
        OS.NOT_STARTED,
        None,
        [],
        "",
    ),
    (4, "interns", "Capacity building: interns", ["executive"], E, LO, OS.NOT_STARTED, None, [], ""),
    (4, "youth", "Connect to youth", ["youth-trafficking"], H, MED, OS.NOT_STARTED, None, [], ""),
    (
        5,
        "survivor-space",
        "Create a survivor-led space for people who have been impacted by human trafficking to support self-determination",
        ["survivor-advisory"],
        H,
        HI,
        OS.IN_PROGRESS,
        datetime.date(2017, 6, 30),
        [],
        "By June 30, 2017, form a group with diverse representation and participation of people impacted by trafficking. Create a survivor's definition of the support mechanisms that are needed.",
    ),
    (
        5,
        "expungements",
        "Prioritize victims' rights, education and protection in the legal process",
        ["adult-trafficking", "sex-work-policy"],
        H,
        HI,
        OS.IN_PROGRESS,
        None,
        [2],
        "Record expungements for persons trafficked in the annual report and work collaboratively to get more expungements.",
    ),
    (
        5,
        "pamphlet",
        "Make sure to connect survivors to resources",
        ["survivor-advisory"],
        E,
        HI,
        OS.IN_PROGRESS,
        None,
        [],
        "Create a pamphlet with resources and rights. Measure how many are distributed and what agencies distribute.",
    ),
    (
        5,
        "infrastructure",
        "Create an infrastructure to make sure steps 1-3 take place and to support the goals of community members",
        ["survivor-advisory", "executive"],
        H,
        MED,
        OS.NOT_STARTED,
        None,
        [],
        "Review the process with survivor feedback; training, internships, a network of resources, a variety of service options, and a safe space.",
    ),
]

SAMPLE = "Baseline and target are sample figures: the retreat named the metric, not the numbers."
YEARS = [2017, 2018, 2019]
# Units that are not people: the annual report publishes these figures as they are, even when small.
NOT_PEOPLE = {"housing units and rooms", "corporations"}
# A few metrics measured again for 2024 (sample figures), so the 2024 report shows figures of its own
# year and the 2025 report shows that nothing has been measured for 2025 yet.
RECENT = {
    "# of students and teachers trained": (2024, 2100),
    "# of active mentors": (2024, 4),
    "# of corporations providing trauma-informed placement": (2024, 3),
}

# (objective key, name, unit, direction, breakdown by, baseline, target, target date, source, yearly values)
METRICS = [
    (
        "housing",
        "# of new housing units and rooms made available",
        "housing units and rooms",
        "increase",
        "",
        0,
        60,
        datetime.date(2019, 12, 31),
        "Department on the Status of Women",
        [12, 31, 47],
    ),
    (
        "students",
        "# of students and teachers trained",
        "students and teachers",
        "increase",
        "",
        0,
        2000,
        datetime.date(2019, 6, 30),
        "SF Unified School District",
        [450, 1200, 1750],
    ),
    (
        "outreach",
        "# of employees trained (massage parlors, nail salons, strip clubs)",
        "employees",
        "increase",
        "",
        0,
        300,
        datetime.date(2019, 12, 31),
        "Department of Public Health",
        [40, 95, 180],
    ),
    (
        "mentors",
        "# of active mentors",
        "mentors",
        "increase",
        "",
        5,
        40,
        datetime.date(2019, 12, 31),
        "Huckleberry Youth Programs",
        [9, 16, 22],
    ),
    (
        "workplaces",
        "# of corporations providing trauma-informed placement",
        "corporations",
        "increase",
        "",
        0,
        15,
        datetime.date(2019, 12, 31),
        "Office of Small Business",
        [2, 5, 8],
    ),
    (
        "workplaces",
        "# of trauma-informed placements",
        "placements",
        "increase",
        "",
        0,
        100,
        datetime.date(2019, 12, 31),
        "Office of Small Business",
        [6, 21, 38],
    ),
    (
        "expungements",
        "# of expungements recorded",
        "expungements",
        "increase",
        "",
        0,
        50,
        datetime.date(2019, 12, 31),
        "Legal Aid Society",
        [4, 11, 19],
    ),
]

FOSTER_CARE = {
    "African American": [118, 104, 96],
    "Latino": [92, 88, 79],
    "White": [41, 40, 37],
    "Asian and Pacific Islander": [23, 22, 20],
    "Other or unknown": [14, 15, 12],
}
PAMPHLETS = {
    "Asian Women's Shelter": [300, 420, 510],
    "Huckleberry Youth Programs": [250, 380, 400],
    "Legal Aid Society": [120, 210, 260],
    "St. James Infirmary": [200, 340, 450],
}

PERIOD = (datetime.date(2017, 7, 1), datetime.date(2018, 6, 30))
D = datetime.date

# committee slug -> items: (title, owner (given, family), objective key, start, due, status, percent, description)
WORK_PLANS = {
    "executive": [
        (
            "Draft the membership and voting rules for a Task Force vote",
            ("Minouche", "Kandel"),
            "voting",
            D(2017, 7, 1),
            D(2017, 12, 13),
            "done",
            100,
            "The retreat left open whether signing an MOU, attending, or both earns a vote.",
        ),
        (
            "Draft MOUs for member organizations",
            ("Minouche", "Kandel"),
            "voting",
            D(2017, 7, 1),
            D(2018, 3, 31),
            "on_track",
            70,
            "Ask each organization to keep the same staff attending.",
        ),
        (
            "Orient new members before they attend",
            ("Minouche", "Kandel"),
            "orient",
            D(2017, 9, 1),
            D(2018, 6, 30),
            "on_track",
            50,
            "",
        ),
        (
            "Propose a process for adopting policies across departments",
            ("Minouche", "Kandel"),
            "policy-process",
            D(2017, 10, 1),
            D(2018, 4, 30),
            "not_started",
            0,
            "",
        ),
        (
            "Invite the Sheriff's Department, paramedics and SF General Hospital",
            ("Minouche", "Kandel"),
            "stakeholders",
            D(2017, 8, 1),
            D(2018, 2, 28),
            "at_risk",
            30,
            "",
        ),
    ],
    "youth-trafficking": [
        (
            "Train transportation providers to recognize signs of trafficking",
            ("Carly", "Devlin"),
            "transportation",
            D(2017, 8, 1),
            D(2018, 5, 31),
            "on_track",
            60,
            "",
        ),
        (
            "Bring trafficking 101 and healthy relationships lessons to middle and high schools",
            ("Johanna", "Gendelmen"),
            "students",
            D(2017, 9, 1),
            D(2018, 6, 15),
            "on_track",
            45,
            "",
        ),
        (
            "Recruit mentors for at-risk youth",
            ("Carly", "Devlin"),
            "mentors",
            D(2017, 9, 1),
            D(2018, 3, 31),
            "at_risk",
            20,
            "",
        ),
        (
            "Map alternatives to foster care referrals",
            ("Johanna", "Gendelmen"),
            "foster-care",
            D(2018, 1, 1),
            D(2018, 6, 30),
            "not_started",
            0,
            "",
        ),
    ],
    "adult-trafficking": [
        (
            "Publish the resource list",
            ("Hediana", "Utarti"),
            "resource-list",
            D(2017, 7, 1),
            D(2017, 10, 31),
            "done",
            100,
            "",
        ),
        (
            "Engage industry on the Stanford on-line training",
            ("Mana", "Barari"),
            "stanford",
            D(2017, 8, 1),
            D(2018, 4, 30),
            "on_track",
            50,
            "",
        ),
        (
            "Add labor rights to the Healthy Nail Salon Program",
            ("Hediana", "Utarti"),
            "nail-salons",
            D(2017, 9, 1),
            D(2018, 2, 28),
            "at_risk",
            25,
            "",
        ),
        (
            "Draft a regional shelter housing policy",
            ("Hediana", "Utarti"),
            "shelter",
            D(2018, 1, 1),
            D(2018, 6, 30),
            "not_started",
            0,
            "",
        ),
        (
            "Record expungements in the annual report",
            ("Mana", "Barari"),
            "expungements",
            D(2017, 10, 1),
            D(2018, 6, 30),
            "on_track",
            40,
            "",
        ),
    ],
    # The committee's own 2017-2018 priorities, from its minutes of September 25, 2017.
    "sex-work-policy": [
        (
            "Get the Prioritizing Safety for Sex Workers policy on a Police Commission agenda",
            ("Alix", "Lutnik"),
            "safety-policy",
            D(2017, 9, 25),
            D(2017, 12, 31),
            "at_risk",
            30,
            "Still no meeting with Chief Scott.",
        ),
        (
            "Reschedule the meeting with Chief Scott",
            ("Minouche", "Kandel"),
            "safety-policy",
            D(2017, 9, 25),
            D(2017, 11, 27),
            "at_risk",
            10,
            "Ask Dianna to check with Chief Scott about rescheduling.",
        ),
        (
            "Explore a local ordinance with the Board of Supervisors",
            ("Carol", "Leigh"),
            "safety-policy",
            D(2017, 9, 25),
            D(2018, 3, 31),
            "not_started",
            0,
            "Ask Stephany to approach someone on the Board about a local ordinance option.",
        ),
        (
            "Analyze SFPD trafficking reports and share the data",
            ("Alix", "Lutnik"),
            None,
            D(2017, 9, 1),
            D(2017, 11, 27),
            "on_track",
            60,
            "Hope to have data to share by the November meeting.",
        ),
        (
            "Find a co-chair for the committee",
            ("Minouche", "Kandel"),
            None,
            D(2017, 9, 25),
            D(2017, 12, 31),
            "not_started",
            0,
            "",
        ),
        (
            "Agenda item on having hard conversations",
            ("Minouche", "Kandel"),
            "share",
            D(2017, 10, 1),
            D(2018, 2, 28),
            "not_started",
            0,
            "Need to understand each other even where we do not agree.",
        ),
        (
            "Examples of language for talking to the media, with a case study",
            ("Carol", "Leigh"),
            "media",
            D(2017, 10, 1),
            D(2018, 4, 30),
            "not_started",
            0,
            "Positives and negatives; maybe for the retreat.",
        ),
        (
            "Ask OCEIA to present on immigration at the Task Force",
            ("Katherine", "Chu"),
            None,
            D(2017, 10, 1),
            D(2018, 1, 31),
            "not_started",
            0,
            "",
        ),
        (
            "Address the removal of condoms as evidence in trafficking cases",
            ("Carol", "Leigh"),
            "expungements",
            D(2017, 10, 1),
            D(2018, 6, 30),
            "not_started",
            0,
            "Part of federal law: how to address it in San Francisco?",
        ),
        (
            "Review the effects of SB 1193 notices",
            ("Katherine", "Chu"),
            None,
            D(2017, 10, 1),
            D(2018, 6, 30),
            "not_started",
            0,
            "Which outreach techniques work, and do the notices reinforce stereotypes? Get input about involving the community; work with attorneys who represent the sex industry.",
        ),
        (
            "Ask the Public Defender how many convictions were vacated",
            ("Alix", "Lutnik"),
            "expungements",
            D(2017, 9, 25),
            D(2017, 12, 31),
            "not_started",
            0,
            "",
        ),
        (
            "Follow up on outreach to nail salons and massage establishments",
            ("Minouche", "Kandel"),
            "outreach",
            D(2017, 9, 25),
            D(2018, 6, 30),
            "on_track",
            20,
            "The committee worries the outreach is done wrong and sees no effort to work with massage establishments on positive actions.",
        ),
    ],
}

MINUTES_UPDATES = {
    "Get the Prioritizing Safety for Sex Workers policy on a Police Commission agenda": "From the minutes of September 25, 2017: still no meeting with Chief Scott. Alix will reach out to the Commission to see if the policy can be put on the agenda of a commission meeting.",
    "Analyze SFPD trafficking reports and share the data": "From the minutes of September 25, 2017: Alix's team has been coding and entering reports into a database, so it will soon be ready for analysis by a statistician. None of the trafficking cases were identified through “sting” operations, but through tips from others or victims coming forward themselves.",
    "Follow up on outreach to nail salons and massage establishments": "From the minutes of September 25, 2017: Minouche gave an update on outreach in the Mission.",
}


def seed(*, stdout=None):
    StrategicPlan.objects.update_or_create(
        pk=1, defaults={"mission": MISSION, "vision": VISION, "definition": DEFINITION}
    )
    goals = {}
    for number, title, description in GOALS:
        goals[number], _ = Goal.objects.update_or_create(
            number=number, defaults={"title": title, "description": description}
        )
    committees = {c.slug: c for c in Committee.objects.all()}
    objectives = {}
    for position, (goal, key, title, slugs, ease, importance, status, due, also, description) in enumerate(OBJECTIVES):
        objective, _ = Objective.objects.update_or_create(
            goal=goals[goal],
            title=title,
            defaults={
                "position": position,
                "ease": ease,
                "importance": importance,
                "status": status,
                "due_on": due,
                "start_on": datetime.date(2017, 1, 1) if due else None,
                "description": description,
            },
        )
        objective.committees.set([committees[slug] for slug in slugs if slug in committees])
        objective.also_serves.set([goals[number] for number in also])
        objectives[key] = objective
    _seed_metrics(objectives)
    _seed_work_plans(committees, objectives)
    if stdout:
        stdout.write(
            f"Goals: {Goal.objects.count()} goals, {Objective.objects.count()} objectives, "
            f"{Metric.objects.count()} metrics, {WorkPlanItem.objects.count()} work-plan items."
        )


def _year(year):
    return {"period_start": datetime.date(year, 1, 1), "period_end": datetime.date(year, 12, 31)}


def _measure(metric, year, value, source, breakdown=""):
    Measurement.objects.update_or_create(
        metric=metric,
        breakdown=breakdown,
        **_year(year),
        defaults={"value": value, "source": source, "is_sample": True, "period_label": str(year)},
    )


def _seed_metrics(objectives):
    organizations = {o.name: o for o in Organization.objects.all()}
    for position, (key, name, unit, direction, breakdown_by, baseline, target, target_on, source, values) in enumerate(
        METRICS
    ):
        metric, _ = Metric.objects.update_or_create(
            name=name,
            defaults={
                "objective": objectives[key],
                "position": position,
                "unit": unit,
                "direction": direction,
                "breakdown_by": breakdown_by,
                "baseline": baseline,
                "target": target,
                "target_on": target_on,
                "counts_people": unit not in NOT_PEOPLE,
                "notes": SAMPLE,
            },
        )
        for year, value in zip(YEARS, values, strict=True):
            _measure(metric, year, value, organizations.get(source))
        if name in RECENT:
            _measure(metric, *RECENT[name], organizations.get(source))

    foster, _ = Metric.objects.update_or_create(
        name="# of referrals to foster care, by racial group",
        defaults={
            "objective": objectives["foster-care"],
            "unit": "referrals",
            "counts_people": True,
            "direction": Metric.Direction.DECREASE,
            "breakdown_by": "racial group",
            "baseline": 288,
            "target": 200,
            "target_on": datetime.date(2019, 12, 31),
            "notes": "Especially in racial groups highly impacted by trafficking (African American, Latino). " + SAMPLE,
        },
    )
    for group, values in FOSTER_CARE.items():
        for year, value in zip(YEARS, values, strict=True):
            _measure(foster, year, value, organizations.get("Family and Children's Services"), group)

    pamphlets, _ = Metric.objects.update_or_create(
        name="# of resource and rights pamphlets distributed, by agency",
        defaults={
            "objective": objectives["pamphlet"],
            "unit": "pamphlets",
            "counts_people": False,
            "feed": Metric.Feed.PAMPHLETS,
            "direction": Metric.Direction.INCREASE,
            "breakdown_by": "agency",
            "baseline": 0,
            "target": 1500,
            "target_on": datetime.date(2019, 12, 31),
            "notes": SAMPLE,
        },
    )
    for agency, values in PAMPHLETS.items():
        for year, value in zip(YEARS, values, strict=True):
            _measure(pamphlets, year, value, organizations.get(agency), agency)


def _seed_work_plans(committees, objectives):
    people = {(p.given_name, p.family_name): p for p in Person.objects.all()}
    author = get_user_model().objects.filter(username="staff").first()
    for slug, rows in WORK_PLANS.items():
        if slug not in committees:
            continue
        plan, _ = WorkPlan.objects.update_or_create(
            committee=committees[slug],
            starts_on=PERIOD[0],
            defaults={
                "title": "Priorities for 2017-2018",
                "ends_on": PERIOD[1],
                "notes": "Sample work plan: dates, owners and statuses are sample data."
                if slug != "sex-work-policy"
                else "From the committee's minutes of September 25, 2017; dates and statuses are sample data.",
            },
        )
        for position, (title, owner, key, start, due, status, percent, description) in enumerate(rows):
            item, _ = WorkPlanItem.objects.update_or_create(
                work_plan=plan,
                title=title,
                defaults={
                    "position": position,
                    "owner": people.get(owner),
                    "objective": objectives.get(key) if key else None,
                    "start_on": start,
                    "due_on": due,
                    "status": status,
                    "percent_done": percent,
                    "description": description,
                },
            )
            text = MINUTES_UPDATES.get(title)
            if text:
                ProgressUpdate.objects.get_or_create(
                    item=item,
                    text=text,
                    defaults={
                        "author": author,
                        "created_at": timezone.make_aware(datetime.datetime(2017, 9, 25, 12, 30)),
                    },
                )
