"""The registry part of `seed_scale`: hundreds of organizations and thousands of people, in bulk."""

import datetime

from . import languages as iso_languages
from .demo_resources import ensure_vocabulary
from .models import MOU, Committee, CommitteeRole, Membership, MembershipPolicy, Organization, Person, Service

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
    n_services = seed_services(scale=scale, rng=rng, organizations=organizations, today=today)
    if stdout:
        stdout.write(
            f"Registry: {n_orgs} organizations, {n_people} people, {len(committees)} committees, {n_services} services."
        )
    return {"organizations": organizations, "people": people, "committees": committees}


SERVICE_KINDS = [
    ("Legal clinic", "Free legal advice on immigration relief, T visas and record clearing."),
    ("Emergency shelter", "Short-term housing and shelter beds, referral by phone."),
    ("Case management", "A case manager helps with benefits, housing and safety planning."),
    ("Counseling", "Trauma-informed counseling, individual and group."),
    ("Job training", "Employment readiness and vocational training."),
    ("Hotline", "Crisis line answered by trained advocates."),
    ("Medical care", "Primary care and sexual health services without insurance."),
    ("Youth drop-in", "Meals, showers and advocates for young people."),
]
SERVICE_LANGUAGES = ["en", "es", "zh", "tl", "vi", "ru", "ar", "ko", "fr", "pt"]


def seed_services(*, scale, rng, organizations, today):
    """1,000 services (at full scale) spread over the organizations, categories, populations and languages."""
    categories, populations = ensure_vocabulary()
    categories, populations = list(categories.values()), list(populations.values())
    n_services = max(20, int(1000 * scale))
    services = []
    for i in range(n_services):
        kind, description = SERVICE_KINDS[i % len(SERVICE_KINDS)]
        confidential = kind == "Emergency shelter" and rng.random() < 0.7
        codes = ["en", *rng.sample(SERVICE_LANGUAGES[1:], rng.randrange(0, 4))]
        minimum_age = rng.choice([None, None, 12, 18])
        verified = today - datetime.timedelta(days=rng.randrange(0, 700)) if rng.random() < 0.8 else None
        services.append(
            Service(
                organization=organizations[i % len(organizations)],
                name=f"{kind} {i:04}",
                description=description,
                languages=codes,
                language_names=iso_languages.search_words(codes),
                minimum_age=minimum_age,
                maximum_age=rng.choice([None, 24, 99]) if minimum_age is not None else None,
                fees=rng.choice(["Free", "Sliding scale", ""]),
                how_to_refer="Call the intake line; walk-ins welcome on weekdays.",
                phone=f"(415) 555-{i % 10000:04}",
                is_24_hour=kind == "Hotline",
                location_is_confidential=confidential,
                street_address="" if confidential else f"{100 + i} Market Street",
                postal_code="" if confidential else "94103",
                hours="Monday to Friday, 9 am-5 pm",
                visibility=Service.Visibility.MEMBERS if rng.random() < 0.15 else Service.Visibility.PUBLIC,
                status=Service.Status.INACTIVE if rng.random() < 0.1 else Service.Status.ACTIVE,
                last_verified_on=verified,
            )
        )
    services = Service.objects.bulk_create(services)
    category_links = []
    population_links = []
    for service in services:
        for category in rng.sample(categories, rng.randrange(1, 4)):
            category_links.append(Service.categories.through(service_id=service.pk, servicecategory_id=category.pk))
        for population in rng.sample(populations, rng.randrange(1, 3)):
            population_links.append(Service.populations.through(service_id=service.pk, population_id=population.pk))
    Service.categories.through.objects.bulk_create(category_links)
    Service.populations.through.objects.bulk_create(population_links)
    return len(services)
