"""The registry part of `seed_scale`: hundreds of organizations and thousands of people, in bulk."""

import datetime

from .models import MOU, Committee, CommitteeRole, Membership, MembershipPolicy, Organization, Person

GIVEN = [
    "Ana",
    "Ben",
    "Carla",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jamal",
    "Kim",
    "Luis",
    "Mei",
    "Noor",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tariq",
    "Uma",
    "Victor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zoe",
]
FAMILY = [
    "Alvarez",
    "Bui",
    "Chen",
    "Diaz",
    "Evans",
    "Fong",
    "Garcia",
    "Huang",
    "Ibrahim",
    "Jones",
    "Kaur",
    "Lee",
    "Martinez",
    "Nguyen",
    "Okafor",
    "Patel",
    "Quispe",
    "Reyes",
    "Singh",
    "Tran",
    "Usman",
    "Vargas",
    "Wong",
    "Xu",
    "Yamamoto",
    "Zhang",
]
START = datetime.date(2016, 1, 1)


def seed(*, scale, rng, made, stdout=None):
    n_orgs = max(10, int(300 * scale))
    n_people = max(30, int(3000 * scale))
    sectors = Organization.Sector.values
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"Scale Organization {i:04}",
            sector=rng.choice(sectors),
            status=rng.choices(Organization.Status.values, weights=[1, 8, 1])[0],
            joined_on=START + datetime.timedelta(days=rng.randrange(3000)),
            description="Synthetic organization for benchmarks.",
        )
        for i in range(n_orgs)
    )
    people = Person.objects.bulk_create(
        Person(
            given_name=rng.choice(GIVEN),
            family_name=f"{rng.choice(FAMILY)}-{i:05}",
            email=f"person{i}@scale.example.org",
            oriented_on=START + datetime.timedelta(days=rng.randrange(3600)),
        )
        for i in range(n_people)
    )
    memberships = []
    for index, person in enumerate(people):
        organization = organizations[index % n_orgs]
        start = START + datetime.timedelta(days=rng.randrange(3000))
        ended = rng.random() < 0.75  # most people have moved on: history of who represented whom
        memberships.append(
            Membership(
                person=person,
                organization=organization,
                role=rng.choice(Membership.Role.values),
                start_on=start,
                end_on=start + datetime.timedelta(days=rng.randrange(30, 600)) if ended else None,
                is_data_contact=index < n_orgs,
            )
        )
    Membership.objects.bulk_create(memberships)

    committees = Committee.objects.bulk_create(
        [
            Committee(
                name="Scale Task Force",
                slug="scale-task-force",
                kind=Committee.Kind.TASK_FORCE,
                meetings_are_public=True,
            )
        ]
        + [
            Committee(name=f"Scale Committee {i}", slug=f"scale-committee-{i}", position=i + 1)
            for i in range(int(7 * max(scale, 0.3)))
        ]
    )
    roles = []
    for committee in committees:
        members = rng.sample(people, min(len(people), 40))
        for position, person in enumerate(members):
            role = CommitteeRole.Role.CO_CHAIR if position < 2 else CommitteeRole.Role.MEMBER
            roles.append(CommitteeRole(person=person, committee=committee, role=role, start_on=START))
    CommitteeRole.objects.bulk_create(roles)

    mous = []
    today = datetime.date.today()
    for organization in organizations:
        status = rng.choice(MOU.Status.values)
        signed = today - datetime.timedelta(days=rng.randrange(30, 900)) if status in ("signed", "expired") else None
        mous.append(
            MOU(
                organization=organization,
                status=status,
                signed_on=signed,
                expires_on=signed + datetime.timedelta(days=730) if signed else None,
            )
        )
    MOU.objects.bulk_create(mous)
    MembershipPolicy.load()
    if stdout:
        stdout.write(f"Registry: {n_orgs} organizations, {n_people} people, {len(committees)} committees.")
    return {"organizations": organizations, "people": people, "committees": committees}
