"""Demo registry from shared/seeds: committees, the 2016-12-14 attendees, demo logins.

MOU states, co-chair assignments and contact details are sample data: the seeds do
not record them.
"""

import datetime
import os

from django.contrib.auth import get_user_model

from .models import MOU, Committee, CommitteeRole, Membership, MembershipPolicy, Organization, Person

S = Organization.Sector

# (name, acronym, sector) for every organization in the 2016-12-14 attendee list.
ORGANIZATIONS = [
    ("Department on the Status of Women", "DOSW", S.CITY_DEPARTMENT),
    ("SFPD Special Victims Unit", "SFPD SVU", S.LAW_ENFORCEMENT),
    ("Teamsters Joint Council 7", "", S.LABOR),
    ("National Council of Jewish Women SF", "NCJW SF", S.FAITH),
    ("Legal Aid Society", "", S.LEGAL_SERVICES),
    ("SF District Attorney", "SFDA", S.PROSECUTION),
    ("API Legal Outreach", "APILO", S.LEGAL_SERVICES),
    ("Huckleberry Youth Programs", "", S.COMMUNITY_BASED),
    ("Department of Public Health", "DPH", S.PUBLIC_HEALTH),
    ("Freedom Fwd", "", S.COMMUNITY_BASED),
    ("Family and Children's Services", "FCS", S.CHILD_WELFARE),
    ("SF-Marin Food Bank", "", S.COMMUNITY_BASED),
    ("Goldman Associates", "", S.BUSINESS),
    ("Love Never Fails", "", S.SURVIVOR_LED),
    ("Department of Aging and Adult Services", "DAAS", S.CITY_DEPARTMENT),
    ("SF Unified School District", "SFUSD", S.EDUCATION),
    ("RTI International", "RTI", S.ACADEMIC),
    ("Office of Small Business", "", S.CITY_DEPARTMENT),
    ("Oakland City Council", "", S.OTHER),
    ("Child Abuse Prevention Center", "", S.COMMUNITY_BASED),
    ("Dignity Health", "", S.PUBLIC_HEALTH),
    ("Asian Women's Shelter", "AWS", S.COMMUNITY_BASED),
    ("SPUR", "SPUR", S.COMMUNITY_BASED),
    ("St. James Infirmary", "", S.COMMUNITY_BASED),
]

# Prospects the retreat summary names for outreach (sample stages).
PROSPECTS = [
    ("Golden Gate Restaurant Association", S.BUSINESS, "identified"),
    ("San Francisco Labor Council", S.LABOR, "contacted"),
    ("Homeland Security Investigations", S.FEDERAL_STATE, "invited"),
    ("San Francisco Sheriff's Office", S.LAW_ENFORCEMENT, "contacted"),
    ("SF Fire Department Paramedics", S.CITY_DEPARTMENT, "identified"),
    ("Zuckerberg San Francisco General Hospital", S.PUBLIC_HEALTH, "invited"),
    ("Interfaith Council of San Francisco", S.FAITH, "identified"),
    ("Immigrant Rights Commission", S.CITY_DEPARTMENT, "contacted"),
]

# The attendee list of 2016-12-14, as (honorific, given, family, organization).
ATTENDEES = [
    ("Captain", "Una", "Bailey", "SFPD Special Victims Unit"),
    ("", "Doug", "Bloch", "Teamsters Joint Council 7"),
    ("", "Robin", "Brasso", "National Council of Jewish Women SF"),
    ("", "Mana", "Barari", "Legal Aid Society"),
    ("", "Gena", "Castro-Rodriguez", "SF District Attorney"),
    ("", "Saerom", "Choi", "API Legal Outreach"),
    ("", "Carly", "Devlin", "Huckleberry Youth Programs"),
    ("", "Christy", "Dieterich", "Department of Public Health"),
    ("", "Natasha", "Dolby", "Freedom Fwd"),
    ("", "Johanna", "Gendelmen", "Family and Children's Services"),
    ("", "Becky", "Gershon", "SF-Marin Food Bank"),
    ("", "Lenore", "Goldman", "Goldman Associates"),
    ("", "Elise", "Hansell", "Department on the Status of Women"),
    ("", "Emily", "Hinsey", "Love Never Fails"),
    ("", "Minouche", "Kandel", "Department on the Status of Women"),
    ("", "Arisa", "Koba", "Department on the Status of Women"),
    ("", "Linda", "Lau", "Department of Aging and Adult Services"),
    ("", "Rosalia", "Lopez", "SF Unified School District"),
    ("", "Alix", "Lutnik", "RTI International"),
    ("", "Menaka", "Mahajan", "Office of Small Business"),
    ("", "Alex", "Marqusee", "Oakland City Council"),
    ("", "Maggie", "McHale", "Department on the Status of Women"),
    ("", "Elisabet", "Medina", "Child Abuse Prevention Center"),
    ("", "Lisa", "Peckles", "Dignity Health"),
    ("", "Emily", "Sims", "RTI International"),
    ("", "Dongmei", "Tan", "Department of Public Health"),
    ("", "Christine", "Ticas", "SF District Attorney"),
    ("", "Hediana", "Utarti", "Asian Women's Shelter"),
    ("", "Eli", "Zigas", "SPUR"),
]

# Attendees of the 2017-09-25 committee meeting not on the list above.
OTHER_PEOPLE = [
    ("", "Katherine", "Chu", "API Legal Outreach"),
    ("", "Carol", "Leigh", "St. James Infirmary"),
]

COMMITTEES = [
    (
        "Mayor's Task Force on Anti-Human Trafficking",
        "task-force",
        Committee.Kind.TASK_FORCE,
        True,
        "The full task force: every member agency and organization. Meets every other month.",
        "Welcome, introductions and check-in\nReview of minutes\nAnnouncements",
    ),
    (
        "Executive Committee",
        "executive",
        Committee.Kind.STANDING,
        False,
        "Sets the agendas, fine-tunes membership criteria and steers the strategic plan.",
        "Welcome and agenda review\nReview of minutes\nWork plan check-in\nNext task force agenda",
    ),
    (
        "Youth Trafficking Committee",
        "youth-trafficking",
        Committee.Kind.STANDING,
        False,
        "Coordinates the response to commercially sexually exploited children and youth.",
        "Welcome and introductions\nReview of minutes\nWork plan check-in\nCase trends",
    ),
    (
        "Adult Trafficking Committee",
        "adult-trafficking",
        Committee.Kind.STANDING,
        False,
        "Labor and sex trafficking of adults: outreach, services and partnerships with industries.",
        "Welcome and introductions\nReview of minutes\nWork plan check-in",
    ),
    (
        "Sex Work and Trafficking Policy Impact Committee",
        "sex-work-policy",
        Committee.Kind.STANDING,
        False,
        "Makes sure anti-trafficking policy does not harm sex workers, and that sex workers can report violence safely.",
        "Welcome and introductions\nPrioritizing Safety for Sex Worker Policy\nSFPD data\nCommittee structure",
    ),
    (
        "Data Workgroup",
        "data",
        Committee.Kind.WORKGROUP,
        False,
        "Collects the annual figures from member agencies and prepares the data report.",
        "",
    ),
    (
        "Prevention Workgroup",
        "prevention",
        Committee.Kind.WORKGROUP,
        False,
        "Prevention: housing, employment, foster care, mentoring, street outreach and student education.",
        "",
    ),
    (
        "Survivor Advisory Workgroup",
        "survivor-advisory",
        Committee.Kind.WORKGROUP,
        False,
        "Brings survivors to the table, in paid positions, to advise the task force.",
        "",
    ),
]

# Sample co-chairs (the seeds say chairs rotate but do not name them).
CHAIRS = [
    ("executive", "Minouche", "Kandel", CommitteeRole.Role.CHAIR),
    ("youth-trafficking", "Carly", "Devlin", CommitteeRole.Role.CO_CHAIR),
    ("youth-trafficking", "Johanna", "Gendelmen", CommitteeRole.Role.CO_CHAIR),
    ("adult-trafficking", "Hediana", "Utarti", CommitteeRole.Role.CO_CHAIR),
    ("adult-trafficking", "Mana", "Barari", CommitteeRole.Role.CO_CHAIR),
    ("sex-work-policy", "Alix", "Lutnik", CommitteeRole.Role.CO_CHAIR),
    ("data", "Emily", "Sims", CommitteeRole.Role.CHAIR),
]

# Sample MOU states: one in each state.
MOUS = [
    ("Department on the Status of Women", MOU.Status.SIGNED, 400),
    ("Huckleberry Youth Programs", MOU.Status.SIGNED, 700),
    ("Legal Aid Society", MOU.Status.SIGNED, 330),
    ("Asian Women's Shelter", MOU.Status.SIGNED, 20),
    ("SF District Attorney", MOU.Status.SENT, None),
    ("Department of Public Health", MOU.Status.DRAFTED, None),
    ("RTI International", MOU.Status.NOT_STARTED, None),
    ("SPUR", MOU.Status.DECLINED, None),
    ("Freedom Fwd", MOU.Status.EXPIRED, 900),
]

SINCE = datetime.date(2016, 1, 1)

# Demo logins: (username, given, family, organization, how they get their role).
DEMO_USERS = [
    ("staff", "Sam", "Staffer", "Department on the Status of Women", "staff"),
    ("cochair", "Casey", "Cochair", "Huckleberry Youth Programs", "cochair"),
    ("datacontact", "Dana", "Datacontact", "Legal Aid Society", "datacontact"),
    ("member", "Morgan", "Member", "Asian Women's Shelter", "member"),
]


def demo_password():
    return os.environ.get("DEMO_PASSWORD", "demo")


def seed(*, stdout=None):
    organizations = {}
    for name, acronym, sector in ORGANIZATIONS:
        organizations[name], _ = Organization.objects.update_or_create(
            name=name,
            defaults={"acronym": acronym, "sector": sector, "status": Organization.Status.MEMBER, "joined_on": SINCE},
        )
    for name, sector, stage in PROSPECTS:
        Organization.objects.update_or_create(
            name=name,
            defaults={
                "sector": sector,
                "status": Organization.Status.PROSPECT,
                "outreach_stage": stage,
                "outreach_notes": "Named at the 2017 strategic planning retreat as a sector to bring in.",
            },
        )

    people = {}
    for honorific, given, family, org_name in ATTENDEES + OTHER_PEOPLE:
        person, _ = Person.objects.update_or_create(
            given_name=given,
            family_name=family,
            defaults={"honorific": honorific, "oriented_on": SINCE},
        )
        people[(given, family)] = person
        Membership.objects.get_or_create(
            person=person, organization=organizations[org_name], defaults={"start_on": SINCE}
        )

    committees = {}
    for name, slug, kind, public, purpose, agenda in COMMITTEES:
        committees[slug], _ = Committee.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "meetings_are_public": public,
                "purpose": purpose,
                "standing_agenda": agenda,
                "position": len(committees),
            },
        )
    for slug, given, family, role in CHAIRS:
        CommitteeRole.objects.get_or_create(
            person=people[(given, family)], committee=committees[slug], role=role, defaults={"start_on": SINCE}
        )
    for given, family in [("Minouche", "Kandel"), ("Katherine", "Chu"), ("Carol", "Leigh")]:
        CommitteeRole.objects.get_or_create(
            person=people[(given, family)],
            committee=committees["sex-work-policy"],
            role=CommitteeRole.Role.MEMBER,
            defaults={"start_on": SINCE},
        )

    today = datetime.date.today()
    for org_name, status, signed_days_ago in MOUS:
        org = organizations[org_name]
        if org.mous.exists():
            continue
        signed_on = today - datetime.timedelta(days=signed_days_ago) if signed_days_ago else None
        MOU.objects.create(
            organization=org,
            status=status,
            sent_on=signed_on - datetime.timedelta(days=30) if signed_on else None,
            signed_on=signed_on,
            expires_on=signed_on + datetime.timedelta(days=730) if signed_on else None,
            signatory="Executive Director (sample)" if signed_on else "",
            notes="Sample data.",
        )

    MembershipPolicy.load()
    _seed_users(organizations, committees)
    if stdout:
        stdout.write(f"Registry: {Organization.objects.count()} organizations, {Person.objects.count()} people.")
    from .demo_resources import seed as seed_resources

    seed_resources(stdout=stdout)


def _seed_users(organizations, committees):
    User = get_user_model()
    for username, given, family, org_name, role in DEMO_USERS:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"first_name": given, "last_name": family, "email": f"{username}@example.org"},
        )
        user.is_staff = role == "staff"
        user.is_superuser = role == "staff"
        user.set_password(demo_password())
        user.save()
        person, _ = Person.objects.update_or_create(
            given_name=given,
            family_name=family,
            defaults={"user": user, "email": f"{username}@example.org", "oriented_on": SINCE, "notes": "Demo login."},
        )
        Membership.objects.update_or_create(
            person=person,
            organization=organizations[org_name],
            defaults={"start_on": SINCE, "is_data_contact": role == "datacontact"},
        )
        if role == "cochair":
            CommitteeRole.objects.get_or_create(
                person=person,
                committee=committees["youth-trafficking"],
                role=CommitteeRole.Role.CO_CHAIR,
                defaults={"start_on": SINCE},
            )
