"""Default breakdown categories, so a fresh database can take figures at once; staff can add more."""

from django.db import migrations

DEFAULTS = {
    "trafficking_type": ["Sex trafficking", "Labor trafficking", "Both sex and labor trafficking", "Unknown"],
    "age_band": ["Under 18", "18 to 24", "25 and older", "Unknown"],
    "gender": ["Female", "Male", "Transgender female", "Transgender male", "Non-binary", "Unknown"],
    "race_ethnicity": [
        "American Indian or Alaska Native",
        "Asian",
        "Black or African American",
        "Hispanic or Latino",
        "Native Hawaiian or Other Pacific Islander",
        "White",
        "Multiracial",
        "Other",
        "Unknown",
    ],
    "nationality": ["U.S. citizen or permanent resident", "Foreign national", "Unknown"],
    # The Polaris Project's typology of modern slavery (25 types), plus other and unknown.
    "industry": [
        "Escort services",
        "Illicit massage, health and beauty",
        "Outdoor solicitation",
        "Residential",
        "Domestic work",
        "Bars, strip clubs and cantinas",
        "Pornography",
        "Traveling sales crews",
        "Restaurants and food service",
        "Peddling and begging",
        "Agriculture and animal husbandry",
        "Personal sexual servicing",
        "Health care",
        "Construction",
        "Hotels and hospitality",
        "Landscaping",
        "Illicit activities",
        "Arts and entertainment",
        "Commercial cleaning services",
        "Factories and manufacturing",
        "Remote interactive sexual acts",
        "Carnivals",
        "Forestry and logging",
        "Health and beauty services",
        "Recreational facilities",
        "Other",
        "Unknown",
    ],
    "referral_source": [
        "Law enforcement",
        "Self-referral",
        "Community-based organization",
        "Health care provider",
        "Child welfare",
        "School",
        "Hotline",
        "Legal services",
        "Family or friend",
        "Other",
        "Unknown",
    ],
}


def add_defaults(apps, schema_editor):
    BreakdownCategory = apps.get_model("reports", "BreakdownCategory")
    for dimension, names in DEFAULTS.items():
        for position, name in enumerate(names):
            BreakdownCategory.objects.get_or_create(dimension=dimension, name=name, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_annual_report")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
