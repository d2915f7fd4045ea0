"""Demo resource list: the standard categories and populations, and sample services for the seeded agencies.

Contact details, addresses, ages and verification dates are invented sample data
(phone numbers use the reserved 555-01xx range); the services are the ones the seeds
describe (Huckleberry's 24-hour response, DPH's outreach to massage and restaurant
workers, the gap in resources for Spanish speakers).
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from .models import Organization, PamphletDistribution, Population, Service, ServiceCategory

# (name, Spanish name) in the order they appear in filters and the pamphlet.
CATEGORIES = [
    ("24-hour response and hotlines", "Respuesta las 24 horas y líneas de ayuda"),
    ("Housing and shelter", "Vivienda y refugio"),
    ("Legal", "Ayuda legal"),
    ("Immigration legal", "Ayuda legal de inmigración"),
    ("Health", "Salud"),
    ("Mental health", "Salud mental"),
    ("Case management", "Gestión de casos"),
    ("Employment and vocational", "Empleo y formación"),
    ("Education", "Educación"),
    ("Youth services", "Servicios para jóvenes"),
    ("Food", "Alimentos"),
    ("Interpretation", "Interpretación"),
    ("Other", "Otros"),
]

# (name, Spanish name).
POPULATIONS = [
    ("Minors", "Menores de edad"),
    ("Transition-age youth 18-24", "Jóvenes de 18 a 24 años"),
    ("Adults", "Personas adultas"),
    ("Women", "Mujeres"),
    ("Men", "Hombres"),
    ("LGBTQ+", "LGBTQ+"),
    ("Transgender people", "Personas transgénero"),
    ("Immigrants regardless of status", "Inmigrantes, sin importar su estatus"),
    ("Sex workers", "Trabajadoras y trabajadores sexuales"),
    ("Families", "Familias"),
    ("Labor-trafficking survivors", "Sobrevivientes de la trata laboral"),
    ("Sex-trafficking survivors", "Sobrevivientes de la trata sexual"),
]

SAMPLE = " (Sample data.)"
PUBLIC, MEMBERS = Service.Visibility.PUBLIC, Service.Visibility.MEMBERS

# organization, name, fields, category names, population names, days since verified (None: never).
SERVICES = [
    (
        "Huckleberry Youth Programs",
        "24-hour response for sexually exploited youth",
        {
            "description": "Peer advocates meet commercially sexually exploited children and youth wherever they are identified, any time of day or night, and stay with them through the first days: safety, medical care, a place to stay and a case manager."
            + SAMPLE,
            "how_to_refer": "Call the 24-hour line. Police, child welfare, hospitals and schools can call directly; youth can call for themselves.",
            "name_es": "Respuesta las 24 horas para jóvenes explotados sexualmente",
            "description_es": "Consejeros pares acompañan a niños, niñas y jóvenes explotados sexualmente con fines comerciales dondequiera que se les identifique, de día o de noche: seguridad, atención médica, un lugar donde quedarse y un administrador de casos. (Datos de ejemplo.)",
            "how_to_refer_es": "Llame a la línea de 24 horas. La policía, los servicios de protección infantil, los hospitales y las escuelas pueden llamar directamente; los jóvenes pueden llamar por sí mismos.",
            "phone": "(415) 555-0101",
            "is_24_hour": True,
            "minimum_age": 11,
            "maximum_age": 24,
            "languages": ["en", "es"],
            "fees": "Free",
            "hours": "24 hours a day, every day",
            "city": "San Francisco",
        },
        ["24-hour response and hotlines", "Youth services", "Case management"],
        ["Minors", "Transition-age youth 18-24", "Sex-trafficking survivors"],
        30,
    ),
    (
        "Legal Aid Society",
        "Spanish-speaking legal help for adults",
        {
            "description": "Abogados y asistentes que hablan español: legal advice and representation in Spanish for adult survivors of labor and sex trafficking: unpaid wages, civil remedies against traffickers, housing and benefits."
            + SAMPLE,
            "how_to_refer": "Call the intake line Monday to Friday, or send an email with the person's first name and a safe way to reach them.",
            "name_es": "Ayuda legal en español para personas adultas",
            "description_es": "Asesoría y representación legal en español para personas adultas sobrevivientes de la trata laboral y sexual: salarios no pagados, demandas civiles contra tratantes, vivienda y beneficios. (Datos de ejemplo.)",
            "how_to_refer_es": "Llame a la línea de admisión de lunes a viernes, o envíe un correo con el primer nombre de la persona y una forma segura de contactarla.",
            "phone": "(415) 555-0102",
            "email": "intake@example.org",
            "minimum_age": 18,
            "languages": ["es", "en"],
            "eligibility": "Adults living or working in San Francisco, regardless of immigration status.",
            "fees": "Free",
            "hours": "Monday to Friday, 9 am-5 pm",
            "street_address": "100 Example Street, Suite 200",
            "city": "San Francisco",
            "state": "CA",
            "postal_code": "94104",
        },
        ["Legal"],
        ["Adults", "Immigrants regardless of status", "Labor-trafficking survivors", "Sex-trafficking survivors"],
        60,
    ),
    (
        "Asian Women's Shelter",
        "Confidential shelter for Asian women and their children",
        {
            "description": "Emergency shelter and transitional housing at a confidential location for women and their children escaping trafficking and domestic violence, with multilingual advocates."
            + SAMPLE,
            "how_to_refer": "Call the 24-hour crisis line; an advocate arranges a safe meeting place. The shelter's address is never given out.",
            "name_es": "Refugio confidencial para mujeres asiáticas y sus hijos",
            "description_es": "Refugio de emergencia y vivienda de transición en un lugar confidencial para mujeres y sus hijos que escapan de la trata y la violencia doméstica, con consejeras multilingües. (Datos de ejemplo.)",
            "how_to_refer_es": "Llame a la línea de crisis de 24 horas; una consejera acordará un lugar seguro para reunirse. La dirección del refugio nunca se comparte.",
            "phone": "(415) 555-0103",
            "is_24_hour": True,
            "location_is_confidential": True,
            "street_address": "",
            "postal_code": "",
            "city": "San Francisco",
            "languages": ["en", "zh", "ko", "vi", "tl", "ja", "th"],
            "fees": "Free",
            "hours": "Crisis line 24 hours a day",
        },
        ["Housing and shelter", "24-hour response and hotlines", "Interpretation"],
        [
            "Women",
            "Families",
            "Immigrants regardless of status",
            "Sex-trafficking survivors",
            "Labor-trafficking survivors",
        ],
        120,
    ),
    (
        "Department of Public Health",
        "Public health outreach to massage and restaurant workers",
        {
            "description": "Bilingual health workers visit massage establishments and restaurants to talk with workers about their health, their rights at work and where to get help if they are being exploited."
            + SAMPLE,
            "how_to_refer": "Members can ask for a visit to a workplace or a community group by email; workers can call the outreach line.",
            "phone": "(415) 555-0104",
            "email": "outreach@example.org",
            "minimum_age": 18,
            "languages": ["zh", "es", "en", "ko", "vi"],
            "fees": "Free",
            "hours": "Tuesday to Saturday, 10 am-7 pm",
            "city": "San Francisco",
        },
        ["Health"],
        ["Adults", "Immigrants regardless of status", "Labor-trafficking survivors"],
        430,
    ),
    (
        "API Legal Outreach",
        "Immigration legal help for survivors (T and U visas)",
        {
            "description": "Immigration relief for survivors of trafficking and other crimes: T visas, U visas, work permits and family petitions, in Asian and Pacific Islander languages."
            + SAMPLE,
            "how_to_refer": "Call for an intake appointment; a member agency may call on the survivor's behalf with their consent.",
            "phone": "(415) 555-0105",
            "languages": ["en", "zh", "ko", "vi", "tl"],
            "fees": "Free",
            "hours": "Monday to Friday, 9 am-5 pm",
            "street_address": "200 Example Avenue",
            "city": "San Francisco",
            "state": "CA",
            "postal_code": "94108",
        },
        ["Immigration legal", "Legal"],
        ["Immigrants regardless of status", "Adults", "Labor-trafficking survivors", "Sex-trafficking survivors"],
        200,
    ),
    (
        "St. James Infirmary",
        "Peer-run health care for sex workers",
        {
            "description": "Free, non-judgmental medical and mental health care by and for sex workers of all genders, including transgender health care."
            + SAMPLE,
            "how_to_refer": "Walk in during clinic hours or call ahead. No one needs to say how they came.",
            "phone": "(415) 555-0106",
            "minimum_age": 18,
            "languages": ["en", "es"],
            "fees": "Free",
            "hours": "Tuesday and Thursday, 1-8 pm",
            "street_address": "300 Example Street",
            "city": "San Francisco",
            "state": "CA",
            "postal_code": "94103",
        },
        ["Health", "Mental health"],
        ["Sex workers", "Transgender people", "LGBTQ+", "Adults"],
        90,
    ),
    (
        "Love Never Fails",
        "Mentoring and restoration housing for women survivors",
        {
            "description": "Survivor-led mentoring and a restoration home for adult women leaving sex trafficking, referred by member agencies."
            + SAMPLE,
            "how_to_refer": "Member agencies refer by phone after talking with the survivor; the program calls back within two working days.",
            "phone": "(415) 555-0107",
            "minimum_age": 18,
            "languages": ["en"],
            "visibility": MEMBERS,
            "city": "Oakland",
        },
        ["Housing and shelter", "Case management"],
        ["Women", "Sex-trafficking survivors"],
        None,
    ),
    (
        "Family and Children's Services",
        "Child welfare response for commercially sexually exploited children",
        {
            "description": "The child welfare system's first response under the interagency protocol for commercially sexually exploited children, with Huckleberry's peer advocates."
            + SAMPLE,
            "how_to_refer": "Mandated reporters call the child abuse hotline and say the child may be commercially sexually exploited.",
            "phone": "(415) 555-0108",
            "is_24_hour": True,
            "maximum_age": 17,
            "languages": ["en", "es", "zh"],
            "visibility": MEMBERS,
            "city": "San Francisco",
        },
        ["Youth services", "24-hour response and hotlines"],
        ["Minors", "Families", "Sex-trafficking survivors"],
        45,
    ),
    (
        "SF-Marin Food Bank",
        "Groceries for survivors and their families",
        {
            "description": "Free weekly groceries at neighborhood pantries; no documents or proof of income needed."
            + SAMPLE,
            "how_to_refer": "Call to find the nearest pantry and its day.",
            "phone": "(415) 555-0109",
            "languages": ["en", "es", "zh", "ru", "vi"],
            "fees": "Free",
            "city": "San Francisco",
        },
        ["Food"],
        ["Families", "Adults", "Immigrants regardless of status"],
        150,
    ),
    (
        "SF District Attorney",
        "Victim services for trafficking survivors",
        {
            "description": "Advocates help survivors through any criminal case, apply for victim compensation and find services, whether or not the survivor takes part in a prosecution."
            + SAMPLE,
            "how_to_refer": "Call the victim services division and ask for a human trafficking advocate.",
            "phone": "(415) 555-0110",
            "languages": ["en", "es", "zh", "tl"],
            "fees": "Free",
            "hours": "Monday to Friday, 8 am-5 pm",
            "city": "San Francisco",
        },
        ["Case management", "Legal"],
        ["Adults", "Minors", "Labor-trafficking survivors", "Sex-trafficking survivors"],
        380,
    ),
    (
        "Freedom Fwd",
        "Job readiness workshops for survivors",
        {
            "description": "A workshop series on résumés, interviews and workers' rights. Paused while funding is renewed."
            + SAMPLE,
            "how_to_refer": "Not taking referrals at the moment.",
            "languages": ["en"],
            "status": Service.Status.INACTIVE,
            "city": "San Francisco",
        },
        ["Employment and vocational"],
        ["Adults", "Transition-age youth 18-24"],
        500,
    ),
]

# Sample pamphlet counts (agency, days ago, how many, language, where).
DISTRIBUTIONS = [
    ("Department of Public Health", 40, 250, PamphletDistribution.Language.BOTH, "Massage establishment inspections"),
    ("Huckleberry Youth Programs", 25, 120, PamphletDistribution.Language.ENGLISH, "Youth drop-in center"),
    ("Legal Aid Society", 10, 80, PamphletDistribution.Language.SPANISH, "Know-your-rights clinic in the Mission"),
]


def ensure_vocabulary():
    """The standard categories and populations (staff add more in the admin); safe to run again."""
    categories = {}
    for position, (name, name_es) in enumerate(CATEGORIES):
        categories[name], _ = ServiceCategory.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "name_es": name_es, "position": position}
        )
    populations = {}
    for position, (name, name_es) in enumerate(POPULATIONS):
        populations[name], _ = Population.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "name_es": name_es, "position": position}
        )
    return categories, populations


def seed(*, stdout=None):
    categories, populations = ensure_vocabulary()
    today = timezone.localdate()
    organizations = {org.name: org for org in Organization.objects.filter(name__in={row[0] for row in SERVICES})}
    for org_name, name, fields, category_names, population_names, verified_days_ago in SERVICES:
        organization = organizations.get(org_name)
        if organization is None:
            continue
        verified_on = today - datetime.timedelta(days=verified_days_ago) if verified_days_ago is not None else None
        service, _ = Service.objects.update_or_create(
            organization=organization, name=name, defaults={**fields, "last_verified_on": verified_on}
        )
        service.categories.set([categories[c] for c in category_names])
        service.populations.set([populations[p] for p in population_names])
    for org_name, days_ago, quantity, language, where in DISTRIBUTIONS:
        if org_name in organizations or Organization.objects.filter(name=org_name).exists():
            PamphletDistribution.objects.get_or_create(
                organization=Organization.objects.get(name=org_name),
                where=where,
                defaults={
                    "distributed_on": today - datetime.timedelta(days=days_ago),
                    "quantity": quantity,
                    "language": language,
                },
            )
    if stdout:
        stdout.write(f"Resource list: {Service.objects.count()} services (sample data).")
