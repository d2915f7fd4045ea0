"""Demo annual reports: 2024 (published, public) and 2025 (in review), with invented figures.

Every agency figure here is SAMPLE DATA, invented for the demonstration; the successes and the
history of the task force are from shared/seeds (the mission and vision are the strategic plan's, in
goals/demo.py, so the report prints them once). A few agencies report small counts so the report shows suppression.
"""

import datetime
import random
from collections import Counter

from django.contrib.auth import get_user_model
from django.utils import timezone

from members.models import Organization

from .models import AgencySubmission, BreakdownCategory, Narrative, Recommendation, ReportingYear, SubmissionCount
from .scan import rescan_narrative
from .sections import active_categories

# (organization, typical people identified per year); the small ones show suppression.
AGENCIES = [
    ("SFPD Special Victims Unit", 48),
    ("Legal Aid Society", 22),
    ("SF District Attorney", 31),
    ("API Legal Outreach", 27),
    ("Huckleberry Youth Programs", 40),
    ("Department of Public Health", 18),
    ("Freedom Fwd", 9),
    ("Family and Children's Services", 35),
    ("Love Never Fails", 14),
    ("Department of Aging and Adult Services", 3),
    ("SF Unified School District", 6),
    ("Child Abuse Prevention Center", 12),
    ("Dignity Health", 2),
    ("Asian Women's Shelter", 25),
    ("St. James Infirmary", 11),
]
LEFT_OUT = {
    "SFPD Special Victims Unit": "Counted cases investigated rather than people identified, so its figures "
    "cannot be added to the others (sample note)."
}

# How people spread over each breakdown, by category name (sample weights).
WEIGHTS = {
    "trafficking_type": {
        "Sex trafficking": 60,
        "Labor trafficking": 25,
        "Both sex and labor trafficking": 4,
        "Unknown": 11,
    },
    "age_band": {"Under 18": 25, "18 to 24": 30, "25 and older": 38, "Unknown": 7},
    "gender": {"Female": 70, "Male": 18, "Transgender female": 6, "Transgender male": 1, "Non-binary": 1, "Unknown": 4},
    "race_ethnicity": {
        "Asian": 30,
        "Black or African American": 28,
        "Hispanic or Latino": 22,
        "White": 10,
        "Multiracial": 4,
        "Native Hawaiian or Other Pacific Islander": 1,
        "American Indian or Alaska Native": 1,
        "Unknown": 4,
    },
    "nationality": {"U.S. citizen or permanent resident": 55, "Foreign national": 38, "Unknown": 7},
    "industry": {
        "Escort services": 18,
        "Illicit massage, health and beauty": 20,
        "Outdoor solicitation": 14,
        "Residential": 6,
        "Domestic work": 9,
        "Restaurants and food service": 10,
        "Construction": 3,
        "Hotels and hospitality": 4,
        "Agriculture and animal husbandry": 1,
        "Remote interactive sexual acts": 2,
        "Unknown": 13,
    },
    "referral_source": {
        "Law enforcement": 25,
        "Self-referral": 12,
        "Community-based organization": 30,
        "Health care provider": 8,
        "Child welfare": 10,
        "School": 3,
        "Hotline": 5,
        "Unknown": 7,
    },
}

DEFINITION = (
    "A person is counted as trafficked when they were induced to perform labor or a commercial sex act "
    "through force, fraud or coercion, or were under 18 and induced to perform a commercial sex act "
    "(the federal Trafficking Victims Protection Act and California Penal Code 236.1)."
)

ABOUT = """In March 2013, Mayor Edwin Lee launched the Mayor's Task Force on Anti-Human Trafficking to coordinate current efforts to combat foreign and domestic human trafficking and commercial sexual exploitation of children in San Francisco. The Task Force focuses on improving the City's response to human trafficking and identifying gaps in services for survivors. It takes a comprehensive, victim-centered approach and includes partners from law enforcement, social services agencies, and community based organizations.

The Department on the Status of Women staffs the Task Force; the full Task Force meets every other month and its committees meet regularly."""

# From shared/seeds/task-force-successes.txt.
SUCCESSES = [
    (
        "24-hour response to commercially sexually exploited youth",
        "Identified as a need by the Task Force in 2014; funded as a pilot in 2015; fully funded at Huckleberry Youth Programs in 2016, with the program launched in March 2016.",
    ),
    (
        "Outreach to workers vulnerable to labor exploitation",
        "Bilingual health workers at the Department of Public Health do outreach to workers vulnerable to labor exploitation in massage parlors and restaurants. The Task Force identified the need in 2014; funding was approved in 2015 and staff hired in 2016.",
    ),
    (
        "Interagency protocol for exploited children",
        "Family and Children's Services opted into the state program for Commercially Sexually Exploited Children and led a local steering committee to develop an Interagency Commercially Sexually Exploited Children Protocol, signed by 11 agencies.",
    ),
    (
        "Training across city departments",
        "The San Francisco Unified School District trained all its wellness staff in child sex trafficking, and all Environmental Health Inspectors at the Department of Public Health, who inspect massage establishments and restaurants, received training in human trafficking.",
    ),
    (
        "An awareness campaign that avoided stereotypes",
        "With the No Traffick Ahead regional effort, the Task Force developed an awareness campaign that focused more on labor trafficking than sex trafficking. It ran on buses, bus shelters, street furniture and online, and generated over 20 million impressions.",
    ),
    (
        "Protecting people in massage establishments from the media",
        "The Task Force created guidelines for City departments on exposing trafficking victims to the media, and the City stopped allowing live video filming of massage inspections.",
    ),
]

RECOMMENDATIONS = [
    (
        "Fund housing set aside for survivors of trafficking, including transition-age youth.",
        "Mayor's Office of Housing and Community Development",
        Recommendation.Progress.IN_PROGRESS,
        "Twelve units identified; funding request in the next budget cycle (sample).",
    ),
    (
        "Screen every child over 10 in foster care for trafficking, and report the results each year.",
        "Family and Children's Services",
        Recommendation.Progress.ACHIEVED,
        "Screening in place since 2016.",
    ),
    (
        "Adopt the Prioritizing Safety for Sex Workers policy so sex workers can report violence safely.",
        "SF Police Department and District Attorney",
        Recommendation.Progress.IN_PROGRESS,
        "Policy drafted with the Sex Work and Trafficking Policy Impact Committee.",
    ),
    (
        "Collect data with one shared definition so agency counts can be compared.",
        "Data Workgroup",
        Recommendation.Progress.ONGOING,
        "This report's data entry asks every agency for its definition.",
    ),
    (
        "Offer labor-rights and trafficking information to nail salon and restaurant workers.",
        "Department of the Environment and Department of Public Health",
        Recommendation.Progress.NOT_STARTED,
        "",
    ),
]

CASE_SUMMARY = (
    "A young woman who came to the city on a work visa was made to work long hours in a restaurant "
    "kitchen and to hand over her wages. A community organization met her at a health fair and "
    "referred her to legal services, which helped her apply for a T visa. She now works in a job she "
    "chose and takes part in a survivor leadership program."
)
UNCLEARED_CASE_SUMMARY = (
    "Maria, 16, was referred by a school counselor on March 3, 2025; she lived near 1200 Mission Street "
    "and could be reached at 415-555-0100. (Sample text: the scan flags it, so it stays out of the report "
    "until staff rewrite and clear it.)"
)


def _spread(rng: random.Random, total: int, weights: dict[str, int], categories: list[BreakdownCategory]):
    """Split total people over a breakdown's categories; whatever weights miss goes to Unknown."""
    names = [c.name for c in categories if c.name in weights]
    picks = Counter(rng.choices(names, weights=[weights[n] for n in names], k=total)) if names and total else Counter()
    return {c.pk: picks.get(c.name, 0) for c in categories}


def _submission(year, organization, typical, rng, categories, staff, *, state=AgencySubmission.State.ACCEPTED):
    total = max(0, typical + rng.randint(-3, 3)) if typical > 5 else typical
    submission, _ = AgencySubmission.objects.update_or_create(
        reporting_year=year,
        organization=organization,
        defaults={
            "state": state,
            "total_identified": total,
            "traffickers_identified": max(0, total // 3 + rng.randint(-2, 2)) if total > 6 else 0,
            "convictions_vacated": rng.choice([0, 0, 2, 6, 9]) if organization.sector == "legal" else 0,
            "definition_used": "Penal Code 236.1 cases investigated (sample)"
            if organization.name in LEFT_OUT
            else "TVPA and California Penal Code 236.1 (sample)",
            "counts_toward_totals": organization.name not in LEFT_OUT,
            "totals_note": LEFT_OUT.get(organization.name, ""),
            "return_reason": "Please check the labor trafficking count with your case managers (sample)."
            if state == AgencySubmission.State.RETURNED
            else "",
            "submitted_by": staff,
            "submitted_at": timezone.now(),
            "accepted_by": staff if state == AgencySubmission.State.ACCEPTED else None,
            "accepted_at": timezone.now() if state == AgencySubmission.State.ACCEPTED else None,
        },
    )
    for dimension, members in categories.items():
        for category_id, value in _spread(rng, total, WEIGHTS.get(dimension, {}), members).items():
            SubmissionCount.objects.update_or_create(
                submission=submission, category_id=category_id, defaults={"value": value}
            )
    return submission


def seed(*, stdout=None):
    staff = get_user_model().objects.filter(username="staff").first()
    categories = {dimension: [c for c in members if c.is_active] for dimension, members in active_categories().items()}
    organizations = {org.name: org for org in Organization.objects.filter(name__in=[name for name, _ in AGENCIES])}
    years = {
        2024: (ReportingYear.State.PUBLISHED, True, datetime.date(2025, 1, 31)),
        2025: (ReportingYear.State.REVIEW, False, datetime.date(2026, 1, 31)),
    }
    for number, (state, public, due_on) in years.items():
        year, _ = ReportingYear.objects.update_or_create(
            year=number,
            defaults={
                "state": state,
                "public_after_publish": public,
                "due_on": due_on,
                "definition": DEFINITION,
                "about_text": ABOUT,
                "published_at": timezone.make_aware(datetime.datetime(number + 1, 4, 15))
                if state == ReportingYear.State.PUBLISHED
                else None,
            },
        )
        rng = random.Random(number)
        for name, typical in AGENCIES:
            growth = 0 if number == 2024 else max(0, typical // 8)
            returned = number == 2025 and name == "Legal Aid Society"
            _submission(
                year,
                organizations[name],
                typical + growth if typical > 5 else typical,
                rng,
                categories,
                staff,
                state=AgencySubmission.State.RETURNED if returned else AgencySubmission.State.ACCEPTED,
            )
        _narratives(year, staff)
    if stdout:
        stdout.write("Annual reports: 2024 (published, sample figures) and 2025 (in review, sample figures).")


def _narratives(year, staff):
    Narrative.objects.update_or_create(
        reporting_year=year,
        kind=Narrative.Kind.EXECUTIVE_SUMMARY,
        position=0,
        defaults={
            "title": "Sample data",
            "text": f"Every agency figure in this {year.year} report is invented sample data for a demonstration "
            "of Task Force Operations; it describes no real person or case.\n\n"
            f"In {year.year}, member agencies reported the people they identified as trafficked, the traffickers "
            "they identified and the convictions they helped vacate. Counts of fewer than five are never "
            "published, so that no survivor can be recognized from this report. The same person may be counted "
            "by more than one agency.",
        },
    )
    for position, (title, text) in enumerate(SUCCESSES):
        Narrative.objects.update_or_create(
            reporting_year=year,
            kind=Narrative.Kind.SUCCESS,
            position=position,
            defaults={"title": title, "text": text},
        )
    Narrative.objects.update_or_create(
        reporting_year=year,
        kind=Narrative.Kind.RECOMMENDATION,
        position=0,
        defaults={"text": "The task force tracks each recommendation from year to year (sample progress)."},
    )
    for number, (description, responsible, progress, note) in enumerate(RECOMMENDATIONS, start=1):
        Recommendation.objects.update_or_create(
            reporting_year=year,
            number=number,
            defaults={
                "description": description,
                "responsible_entity": responsible,
                "progress": progress,
                "progress_note": note,
            },
        )
    cleared, _ = Narrative.objects.update_or_create(
        reporting_year=year,
        kind=Narrative.Kind.CASE_SUMMARY,
        position=0,
        defaults={"title": "From a restaurant kitchen to a job she chose (sample)", "text": CASE_SUMMARY},
    )
    rescan_narrative(narrative=cleared, text_changed=False)
    cleared.cleared_by = staff
    cleared.cleared_at = cleared.cleared_at or timezone.now()
    cleared.save()
    waiting, _ = Narrative.objects.update_or_create(
        reporting_year=year,
        kind=Narrative.Kind.CASE_SUMMARY,
        position=1,
        defaults={"title": "Not yet cleared (sample)", "text": UNCLEARED_CASE_SUMMARY},
    )
    rescan_narrative(narrative=waiting, text_changed=False)
    waiting.save()
    Narrative.objects.update_or_create(
        reporting_year=year,
        kind=Narrative.Kind.AGENCY_NOTE,
        position=0,
        defaults={
            "organization": Organization.objects.filter(name="Huckleberry Youth Programs").first(),
            "text": "Counts include youth served by the 24-hour response line (sample note).",
        },
    )
