"""Demo meetings from shared/seeds: the 2016-12-14 Task Force and 2017-09-25 committee minutes.

Both are entered as structured records so their minutes pages read like the originals.
What the seeds do not record (end times, the 2016-10-26 and 2017-02-22 meetings' own
details, due dates, the upcoming and recent meetings) is sample data and says so.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone

from members.models import Committee, CommitteeRole, Membership, Organization, Person

from .models import ActionItem, AgendaItem, Attendance, Meeting, Motion

SAMPLE = "Sample data: not in the original minutes."

# The attendee list of 2016-12-14, in the order the minutes give it: (name, organization).
ATTENDEES_2016_12_14 = [
    ("Una Bailey", "SFPD Special Victims Unit"),
    ("Doug Bloch", "Teamsters Joint Council 7"),
    ("Robin Brasso", "National Council of Jewish Women SF"),
    ("Mana Barari", "Legal Aid Society"),
    ("Gena Castro-Rodriguez", "SF District Attorney"),
    ("Saerom Choi", "API Legal Outreach"),
    ("Carly Devlin", "Huckleberry Youth Programs"),
    ("Christy Dieterich", "Department of Public Health"),
    ("Natasha Dolby", "Freedom Fwd"),
    ("Johanna Gendelmen", "Family and Children's Services"),
    ("Becky Gershon", "SF-Marin Food Bank"),
    ("Lenore Goldman", "Goldman Associates"),
    ("Elise Hansell", "Department on the Status of Women"),
    ("Emily Hinsey", "Love Never Fails"),
    ("Minouche Kandel", "Department on the Status of Women"),
    ("Arisa Koba", "Department on the Status of Women"),
    ("Linda Lau", "Department of Aging and Adult Services"),
    ("Rosalia Lopez", "SF Unified School District"),
    ("Alix Lutnik", "RTI International"),
    ("Menaka Mahajan", "Office of Small Business"),
    ("Alex Marqusee", "Oakland City Council"),
    ("Maggie McHale", "Department on the Status of Women"),
    ("Elisabet Medina", "Child Abuse Prevention Center"),
    ("Lisa Peckles", "Dignity Health"),
    ("Emily Sims", "RTI International"),
    ("Dongmei Tan", "Department of Public Health"),
    ("Christine Ticas", "SF District Attorney"),
    ("Hediana Utarti", "Asian Women's Shelter"),
    ("Eli Zigas", "SPUR"),
]

# Who had a role other than member that day (the minutes name the presenters and the facilitator).
ROLES_2016_12_14 = {
    "Doug Bloch": Attendance.Role.PRESENTER,
    "Eli Zigas": Attendance.Role.PRESENTER,
    "Alix Lutnik": Attendance.Role.PRESENTER,
    "Emily Sims": Attendance.Role.PRESENTER,
    "Lenore Goldman": Attendance.Role.FACILITATOR,
    "Johanna Gendelmen": Attendance.Role.PRESENTER,
    "Elise Hansell": Attendance.Role.STAFF,
    "Minouche Kandel": Attendance.Role.STAFF,
    "Arisa Koba": Attendance.Role.STAFF,
    "Maggie McHale": Attendance.Role.STAFF,
}

GOOD_FOOD = """Doug Bloch and Eli Zigas present on the Good Food Purchasing Program.

Summary:

- This program is about incorporating city values into contract procurement and also to improve conditions of workers, environment, and those who consume food.
- Oakland school district used to purchase food from Taylor Farms. School district was unaware that Taylor Farms was violating health and safety code.
- Good Food Purchasing Program – helps agencies grade food purchases on 5 simple value categories:
    1. Locally produced
    2. Sustainably produced
    3. Fair workplace standards
    4. Healthy food
    5. Humane treatment of animals
- Center for Good Food Purchasing will work with SFUSD to score suppliers and do an analysis of how well these suppliers meet the five standards. The program sets baseline standards and then leaves it up to an agency to set goals and a timeline to accomplish those goals. Agencies should assign staff to accomplish this in a budget neural way.
- Public Health, Hospitals, and Jails (other two largest food procurers in the jail) would benefit from the Good Food Purchasing Program. Asking Mayor’s Task Force to support the program because there is an overlap with human trafficking and the labor component of this program.
    - How do audits work? Are they per contract or annually? – The agency submits documentation, and then the center tracks what other agencies are doing around the country.
    - How does this program effect undocumented workers or workers with temporary visas? - If any of the certifiers identify violations, it is incumbent on the center to bring this to the purchaser. Seal of approval comes from basic labor laws – whatever California law applies or local ordinance.
    - How does this program apply to sub-contractors? – Applies to subcontractors, but it is incumbent on the organization doing the audit to identify those violations.
    - How might this program adversely affect non-profits that serve food-insecure populations? – The center is not trying to force this on private groups that receive funding from the city.
    - Mana Barari, Minouche Kandel and Linda Lau expressed interest on working on this initiative.
"""

EVALUATION = """- Since 2004, 42 federally funded anti-human trafficking task forces have been evaluated. Less than half of these have accumulated high-quality data. Our Mayor’s Task Force launched in 2013, and does not receive federal funding.
- Alix and Emily report on our evaluation. Methods include: historical document review, key informant interviews, levels of collaboration, and data analysis

Key takeaways:

- Growth Areas: Inconsistency of membership at meetings, duplicated data, survivors not represented in paid positions,
- Service needs: housing, safety needs, employment
- MOU is non-existent
- Maintenance of client confidentiality – need to redact identifying information from annual report in sample case summaries
- Strengths: diverse membership, staffed by DOSW and mayor’s endorsement, funding 24 hour CSEC response, SFUSD resolution, sex work and trafficking policy impact subcommittee, Super Bowl subcommittee
- Identified Gaps: resources and info for Spanish speaking communities, opportunities for cis-gendered men, shared understanding between law enforcement and social service providers, opportunity for civil remedies
- Goals: 1/3 didn’t know what the goals were, 60% didn’t know how goals were identified, some did not think Task Force was set up to measure outcomes
- Ideas for improvement
    1. Provide orientation for new attendees
    2. Utilize a consistent style for meeting minutes
    3. Draw upon the expertise of members to offer in-service trainings to share expertise. Expand membership to youth, immigrants, people of color, non-English speaking individuals
    4. Clarify guidelines of membership and responsibilities
    5. Differing philosophies and orientations create tension
    6. There are benefits and limitations of law enforcement presence
    7. Recognize that it is hard for some to come to meetings when law enforcement is involved – criminalization of lifestyle, trauma etc.
    8. Expand labor sectors
    9. Focus on prevention (what are macro-level issues?)
    10. Improve data collection
    11. Public awareness campaigns & diversity
    12. Needs identified for funding – misrepresentation of agency/ competition
    13. Increase levels of collaboration increase

Strategic Planning Recommendations:

1. Work on unified vision and shared language
2. Clarify about work of Task Force versus work on individual agencies
3. Membership
4. Roles and guidelines to shape our work
5. Goal identification
6. Goal measurement (Task Force should consider DOJ required criminal justice data when seeking federal funding)

Comments on Evaluation:

- The Office of Small Business would like to be more involved with bringing employers from different industries together to discuss labor trafficking
- Potential harm that comes to survivors:
    - There were no specific examples given. Just something that wants to be examined further
    - Example of survivors feeling exploited by non-profits or being targeted as a survivor or treated rudely
    - “Bring more survivors to the table”
- There is a concern that we should not compare the Mayor’s Task Force to a federal task force model as we do not have any federal funds.
"""

RETREAT = """- Lenore Goldman will be facilitating the retreat. She stressed the importance of strategic planning for social change - strategic planning is not a single event.

Recommendations for Retreat: The group voted on their priorities. The number at the end of each section shows how many people voted to prioritize the item for the Strategic Planning Retreat.

- Mission/Purpose (2)
    - Mini Strengths, Weaknesses, Opportunities, Threats (SWOT) analysis
- Goals/Priorities (17)
    - Consensus on social service systems, not criminal justice system as the system to respond to sexually trafficked youth
    - Survivor centered approach
    - Sex workers and freedom from violence
    - Clarity on policy agenda and legislative goals
    - Stakeholder list – a resource of different individuals/agencies/ industries to include
- Diversity/Representation (7)
- Task Force Structure (12)
    - Note: there are benefits to closed and open structures.
    - There should be natural tensions in the work; otherwise the right people are not at the table. Strategic planning is not the place to resolve differences or find total agreement, but the place to find alignment.
- Finding Common Ground (3)
    - Tools for collaboration for implementing projects on the ground.
"""

OUTREACH = """- Outreach program – to raise awareness for foster youth about commercial sexual exploitation. Posters and cards are designed for youth.
- Goal is to have these distributed and get more calls to Huckleberry Youth Programs.
- Google Link for posters and other resources will be emailed out.
"""

ANNOUNCEMENTS_2016_12_14 = """San Francisco Collaborative Against Human Trafficking is putting together a calendar of events for human trafficking awareness month. Email Antonia with your events.

Legal Aid Society is having a brown bag event on civil remedies - January 26, 2017
"""

# (title, kind, presenters, minutes)
AGENDA_2016_12_14 = [
    ("Welcome, Introductions/Check-In, Agenda Review", AgendaItem.Kind.STANDING, "", ""),
    ("Review of Minutes from October 26, 2016 Meeting", AgendaItem.Kind.ACTION, "", ""),
    ("Presentation on Good Food Purchasing Program", AgendaItem.Kind.PRESENTATION, "Doug Bloch, Eli Zigas", GOOD_FOOD),
    (
        "Presentation on Formative Report of Researcher-Survivor-Ally Evaluation",
        AgendaItem.Kind.PRESENTATION,
        "Alix Lutnik, Emily Sims",
        EVALUATION,
    ),
    ("Planning for Strategic Planning Retreat", AgendaItem.Kind.DISCUSSION, "Lenore Goldman", RETREAT),
    (
        "Presentation on Family & Children’s Services Human Trafficking Outreach Campaign",
        AgendaItem.Kind.PRESENTATION,
        "",
        OUTREACH,
    ),
]

PRIORITIES_2017 = """- Frustrated with outreach on nail salons – nervous that doing it wrong; Don’t see effort from Task Force to work with massage establishments about positive actions-
- Consistent, institutional response – having difficult conversations?
    - Agenda item on having hard conversations – need to understand even if we don’t agree;
    - Talking to the media – give examples on language to idea; positives and negatives – use a case study of an actual study; (maybe for retreat)
    - Immigration – ask someone from OCEIA to present at Task Force
    - Removal of condoms as evidence of racketeering in trafficking cases – (part of federal law) – how to address in San Francisco?
    - What are implications of SB 1193 for institutions that are required to put them up – what are effective outreach techniques? Does it reinforce stereotypes?
        - Get input about involving the community;
        - Work with attorneys who represent the sex industry
    - How many convictions were vacated?
        - Ask Public Defender about stats
"""

AGENDA_2017_09_25 = [
    (
        "Prioritizing Safety for Sex Worker Policy",
        AgendaItem.Kind.DISCUSSION,
        "",
        "- Still no meeting with Chief Scott.\n",
    ),
    (
        "SFPD Data",
        AgendaItem.Kind.REPORT,
        "Alix Lutnik",
        "- Alix’s team have been coding and entering reports into data base, so soon will be ready for analysis by statistician.\n"
        "- None of trafficking cases have been identified through “sting” operations but through tips from others or victims coming forward themselves.\n"
        "- Hopefully will have data to share by November meeting.\n",
    ),
    ("Committee Structure", AgendaItem.Kind.DISCUSSION, "", "Need co-chair;\n"),
    ("Priorities for 2017-2018", AgendaItem.Kind.DISCUSSION, "", PRIORITIES_2017),
]

# (agenda item title, owner, description, due date; due dates are sample data: "by the November meeting").
ACTIONS_2017_09_25 = [
    (
        "Prioritizing Safety for Sex Worker Policy",
        "Alix Lutnik",
        "Reach out to the Police Commission to see if we can get the Prioritizing Safety for Sex Workers policy on a commission meeting agenda.",
        datetime.date(2017, 11, 27),
    ),
    (
        "Prioritizing Safety for Sex Worker Policy",
        "Minouche Kandel",
        "Ask Dianna to check with Chief Scott about rescheduling the meeting.",
        datetime.date(2017, 10, 23),
    ),
    (
        "Prioritizing Safety for Sex Worker Policy",
        "Carol Leigh",
        "Ask Stephany to approach someone on the Board of Supervisors about the local ordinance option.",
        datetime.date(2017, 11, 27),
    ),
    ("SFPD Data", "Alix Lutnik", "Share the SFPD data analysis with the committee.", datetime.date(2017, 11, 27)),
    ("Priorities for 2017-2018", "Minouche Kandel", "Ask someone from OCEIA to present at the Task Force.", None),
]

ATTENDEES_2017_09_25 = [
    ("Minouche Kandel", "Department on the Status of Women"),
    ("Katherine Chu", "API Legal Outreach"),
    ("Alix Lutnik", "RTI International"),
    ("Carol Leigh", "St. James Infirmary"),
]


def _local(date, hour, minute=0):
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(date, datetime.time(hour, minute), tzinfo=zone)


def _third_wednesday(year, month):
    """The task force's usual meeting day: the third Wednesday (month may run below 1)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(2 - first.weekday()) % 7 + 14)


def _weekday(day):
    """Committees meet on weekdays: a Saturday or Sunday moves to the Monday after."""
    return day + datetime.timedelta(days=max(0, 7 - day.weekday()) if day.weekday() >= 5 else 0)


def _person(name):
    given, family = name.split(" ", 1)
    return Person.objects.get(given_name=given, family_name=family)


def _meeting(committee, start, end, **fields):
    meeting, _ = Meeting.objects.update_or_create(
        committee=committee, starts_at=start, defaults={"ends_at": end, **fields}
    )
    return meeting


def _agenda(meeting, items):
    saved = {}
    for position, (title, kind, presenters, minutes) in enumerate(items, start=1):
        saved[title], _ = AgendaItem.objects.update_or_create(
            meeting=meeting,
            title=title,
            defaults={"position": position, "kind": kind, "presenters": presenters, "minutes": minutes},
        )
    return saved


def _attendance(meeting, attendees, roles=None):
    roles = roles or {}
    for name, organization_name in attendees:
        Attendance.objects.update_or_create(
            meeting=meeting,
            person=_person(name),
            defaults={
                "organization": Organization.objects.get(name=organization_name),
                "status": Attendance.Status.PRESENT,
                "role": roles.get(name, Attendance.Role.MEMBER),
            },
        )


def seed(*, stdout=None):
    task_force = Committee.objects.get(slug="task-force")
    policy_committee = Committee.objects.get(slug="sex-work-policy")
    city_hall = "1 Dr. Carlton B Goodlett Place, San Francisco, CA 94102"

    october = _meeting(
        task_force,
        _local(datetime.date(2016, 10, 26), 13, 30),
        _local(datetime.date(2016, 10, 26), 15, 30),
        location="City Hall",
        address=city_hall,
        status=Meeting.Status.HELD,
        is_public=True,
        agenda_state=Meeting.AgendaState.PUBLISHED,
        announcements=SAMPLE
        + " All that is on record of this meeting is that its minutes were adopted on December 14, 2016.",
    )
    december = _meeting(
        task_force,
        _local(datetime.date(2016, 12, 14), 13, 30),
        _local(datetime.date(2016, 12, 14), 15, 30),
        location="City Hall, Room 201",
        address=city_hall,
        status=Meeting.Status.HELD,
        is_public=True,
        agenda_state=Meeting.AgendaState.PUBLISHED,
        announcements=ANNOUNCEMENTS_2016_12_14,
        next_meeting_note="2/22/2017, 1:30 – 3:30 pm, City Hall, Room 305",
    )
    items = _agenda(december, AGENDA_2016_12_14)
    _attendance(december, ATTENDEES_2016_12_14, ROLES_2016_12_14)
    Motion.objects.update_or_create(
        agenda_item=items["Review of Minutes from October 26, 2016 Meeting"],
        approves_minutes_of=october,
        defaults={
            "text": "Minutes were adopted by the group.",
            "moved_by": _person("Hediana Utarti"),
            "seconded_by": _person("Christy Dieterich"),
            "result": Motion.Result.ADOPTED,
        },
    )
    october.approve_minutes(at=december)

    february = _meeting(
        task_force,
        _local(datetime.date(2017, 2, 22), 13, 30),
        _local(datetime.date(2017, 2, 22), 15, 30),
        location="City Hall, Room 305",
        address=city_hall,
        status=Meeting.Status.HELD,
        is_public=True,
        agenda_state=Meeting.AgendaState.PUBLISHED,
    )
    review = _agenda(
        february,
        [
            ("Welcome, Introductions/Check-In, Agenda Review", AgendaItem.Kind.STANDING, "", ""),
            ("Review of Minutes from December 14, 2016 Meeting", AgendaItem.Kind.ACTION, "", SAMPLE),
        ],
    )["Review of Minutes from December 14, 2016 Meeting"]
    Motion.objects.update_or_create(
        agenda_item=review,
        approves_minutes_of=december,
        defaults={"text": "Minutes were adopted by the group. (" + SAMPLE + ")", "result": Motion.Result.ADOPTED},
    )
    december.approve_minutes(at=february)

    september = _meeting(
        policy_committee,
        _local(datetime.date(2017, 9, 25), 11, 0),
        _local(datetime.date(2017, 9, 25), 12, 30),
        location="25 Van Ness Avenue, Suite 240",
        address="San Francisco, CA 94102",
        status=Meeting.Status.HELD,
        is_public=False,
        agenda_state=Meeting.AgendaState.PUBLISHED,
        announcements="MK update on outreach in Mission.",
        next_meeting_note="November 2017 (date to be set).",
    )
    committee_items = _agenda(september, AGENDA_2017_09_25)
    _attendance(september, ATTENDEES_2017_09_25)
    for item_title, owner, description, due_on in ACTIONS_2017_09_25:
        ActionItem.objects.update_or_create(
            meeting=september,
            description=description,
            defaults={
                "agenda_item": committee_items[item_title],
                "committee": policy_committee,
                "owner": _person(owner),
                "due_on": due_on,
            },
        )

    _seed_report_years(task_force)
    _seed_recent_and_upcoming(task_force)
    if stdout:
        stdout.write(f"Meetings: {Meeting.objects.count()} meetings, {Attendance.objects.count()} attendance rows.")


# The years of the demo's annual reports (reports/demo.py): sample meetings give each a year in review.
REPORT_YEARS = (2024, 2025)


def _seed_report_years(task_force):
    """Sample meetings in the report years: the task force every other month, each committee quarterly."""
    representatives = [
        (membership.person, membership.organization)
        for membership in Membership.objects.current().select_related("person", "organization").order_by("pk")
    ]
    organization_of = dict(representatives)
    committees = Committee.objects.filter(is_active=True).exclude(pk=task_force.pk).order_by("position", "pk")
    members_of = {
        committee: [
            (role.person, organization_of.get(role.person))
            for role in CommitteeRole.objects.filter(committee=committee).select_related("person").order_by("pk")
        ]
        for committee in committees
    }
    for year in REPORT_YEARS:
        for month in (2, 4, 6, 8, 10, 12):
            day = _third_wednesday(year, month)
            meeting = _sample_meeting(task_force, day, 13, "City Hall, Room 201", is_public=True)
            _sample_attendance(meeting, representatives, month)
            owner = representatives[month % len(representatives)][0] if representatives else None
            ActionItem.objects.update_or_create(
                meeting=meeting,
                description="Share the updated resource list with new staff (sample data).",
                defaults={
                    "committee": task_force,
                    "owner": owner,
                    "due_on": day + datetime.timedelta(days=30),
                    "status": ActionItem.Status.DONE,
                },
            )
        for offset, (committee, members) in enumerate(members_of.items()):
            if not members:
                continue  # a workgroup with nobody in it yet does not meet
            for month in (1, 4, 7, 10):
                day = _weekday(datetime.date(year, month, 8 + 3 * offset))
                meeting = _sample_meeting(
                    committee, day, 10, "25 Van Ness Avenue, Suite 240", is_public=committee.meetings_are_public
                )
                _sample_attendance(meeting, members, month + offset)


def _sample_meeting(committee, day, hour, location, *, is_public):
    meeting = _meeting(
        committee,
        _local(day, hour, 30),
        _local(day, hour + 2, 30),
        title="",
        location=location,
        status=Meeting.Status.HELD,
        is_public=is_public,
        agenda_state=Meeting.AgendaState.PUBLISHED,
        announcements=SAMPLE,
    )
    if not meeting.agenda_items.exists():
        AgendaItem.objects.create(meeting=meeting, position=1, title="Welcome, introductions and check-in")
    return meeting


def _sample_attendance(meeting, people, salt):
    """Two in three of the people come, in a fixed pattern (sample data); nothing is added twice."""
    present = set(meeting.attendances.values_list("person_id", flat=True))
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=person, organization=organization, status=Attendance.Status.PRESENT)
        for index, (person, organization) in enumerate(people)
        if (index + salt) % 3 != 0 and person.pk not in present
    )


def _seed_recent_and_upcoming(task_force):
    """Sample recent task-force meetings (so eligibility has attendance) and one upcoming meeting per committee."""
    today = timezone.localdate()
    representatives = list(
        Membership.objects.current().select_related("person", "organization").order_by("person__family_name", "pk")
    )
    for months_ago in range(6, 0, -1):
        day = _third_wednesday(today.year, today.month - months_ago)
        meeting = _sample_meeting(task_force, day, 13, "City Hall, Room 201", is_public=True)
        # Everyone attends some of them, in a fixed pattern: sample attendance.
        for index, membership in enumerate(representatives):
            attended = (index + months_ago) % 3 != 0
            Attendance.objects.get_or_create(
                meeting=meeting,
                person=membership.person,
                defaults={
                    "organization": membership.organization,
                    "status": Attendance.Status.PRESENT if attended else Attendance.Status.ABSENT,
                },
            )

        last_recent = meeting
    # A sample guest who came before being oriented: the staff dashboard lists them.
    guest, _ = Person.objects.get_or_create(
        given_name="Jordan", family_name="Rivera", defaults={"notes": "Sample data: a new guest, not yet oriented."}
    )
    Attendance.objects.get_or_create(
        meeting=last_recent,
        person=guest,
        defaults={"organization": Organization.objects.get(name="SF-Marin Food Bank"), "role": Attendance.Role.GUEST},
    )
    for offset, committee in enumerate(Committee.objects.filter(is_active=True).order_by("position")):
        if committee.meetings.upcoming().exists():
            continue
        day = _weekday(today + datetime.timedelta(days=7 + 3 * offset))
        hour = 13 if committee.kind == Committee.Kind.TASK_FORCE else 10
        Meeting.schedule(
            committee=committee,
            starts_at=_local(day, hour, 30),
            ends_at=_local(day, hour + 2, 0),
            location="City Hall, Room 201"
            if committee.kind == Committee.Kind.TASK_FORCE
            else "25 Van Ness Avenue, Suite 240",
            is_public=committee.meetings_are_public,
            agenda_state=Meeting.AgendaState.PUBLISHED,
        )
