"""The public resource list as Open Referral HSDS 3.0 JSON, for 211 directories and others to import.

The document is shaped like the HSDS API's paginated /services answer: each item in
``contents`` is a service with its organization, phones, languages, schedules,
locations and category attributes nested, as ``service_with_definitions.json`` describes.

One export is in one language (``?lang=``, else the page's): the service's texts in that language,
or in English followed by "(in English)" where it has none. HSDS 3.0 has a ``language`` field only
on taxonomy terms (and metadata descriptions), so each category or population is a taxonomy term
per language: its ``language`` says which, and a term in another language than English has an
identifier of its own (the English one keeps the identifier earlier exports gave it).
"""

import uuid

from django.conf import settings
from django.utils.translation import gettext

from .languages import language_name

# Identifiers of rows that have no UUID of their own are derived from this namespace, so they
# stay the same from one export to the next.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "taskforce-operations/hsds")
TAXONOMY_NAME = "Task force service categories"
POPULATION_TAXONOMY_NAME = "Task force populations served"


def derived_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def _drop_empty(row: dict) -> dict:
    return {key: value for key, value in row.items() if value not in (None, "", [])}


def organization_record(organization) -> dict:
    return _drop_empty(
        {
            "id": derived_id("organization", organization.pk),
            "name": organization.name,
            "alternate_name": organization.acronym,
            # HSDS requires a description; an organization without one is described by its name.
            "description": organization.description or organization.name,
            "website": organization.website,
        }
    )


def _text(text) -> str:
    """A service's text in the export's language, or its English text marked so."""
    return f"{text} {gettext('(in English)')}" if text.in_english else str(text)


def _term_language(text) -> str:
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE if text.in_english else text.language


def _attribute(service, term, kind, taxonomy_name):
    name = term.text()
    language = _term_language(name)
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        term_id = derived_id(kind, term.slug)
    else:
        term_id = derived_id(kind, term.slug, language)
    return {
        "id": derived_id("attribute", service.hsds_id, kind, term.slug),
        "link_id": str(service.hsds_id),
        "link_type": kind,
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "value": str(name),
        "taxonomy_term": {
            "id": term_id,
            "code": term.slug,
            "name": str(name),
            "description": str(name),
            "taxonomy": taxonomy_name,
            "language": language,
        },
    }


def service_record(service) -> dict:
    """One public service with everything HSDS nests inside it; never a confidential address."""
    service_id = str(service.hsds_id)
    texts = service.texts()
    record = {
        "id": service_id,
        "organization_id": derived_id("organization", service.organization_id),
        "name": _text(texts["name"]),
        "description": _text(texts["description"]),
        "url": service.url,
        "email": service.email,
        "status": service.status,
        "application_process": _text(texts["how_to_refer"]),
        "fees_description": _text(texts["fees"]),
        "eligibility_description": _text(texts["eligibility"]),
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "assured_date": service.last_verified_on.isoformat() if service.last_verified_on else None,
        "organization": organization_record(service.organization),
        "phones": [],
        "languages": [
            {
                "id": derived_id("language", service_id, code),
                "service_id": service_id,
                "code": code,
                "name": language_name(code),
            }
            for code in service.languages
        ],
        "schedules": [],
        "service_at_locations": [],
        "attributes": [
            *(_attribute(service, category, "category", TAXONOMY_NAME) for category in service.categories.all()),
            *(
                _attribute(service, population, "population", POPULATION_TAXONOMY_NAME)
                for population in service.populations.all()
            ),
        ],
    }
    if service.phone:
        record["phones"].append(
            _drop_empty(
                {
                    "id": derived_id("phone", service_id),
                    "service_id": service_id,
                    "number": service.phone,
                    "type": "voice",
                    "description": gettext("Answers 24 hours a day") if service.is_24_hour else "",
                }
            )
        )
    if texts["hours"] or service.is_24_hour:
        record["schedules"].append(
            {
                "id": derived_id("schedule", service_id),
                "service_id": service_id,
                "description": _text(texts["hours"]) if texts["hours"] else gettext("24 hours a day, every day"),
            }
        )
    lines = service.address_lines
    if lines and service.city and service.state and service.postal_code:
        location_id = derived_id("location", service_id)
        record["service_at_locations"].append(
            {
                "id": derived_id("service_at_location", service_id),
                "service_id": service_id,
                "location_id": location_id,
                "location": {
                    "id": location_id,
                    "location_type": "physical",
                    "organization_id": record["organization_id"],
                    "name": _text(texts["name"]),
                    "addresses": [
                        {
                            "id": derived_id("address", service_id),
                            "location_id": location_id,
                            "address_1": service.street_address,
                            "city": service.city,
                            "state_province": service.state,
                            "postal_code": service.postal_code,
                            "country": "US",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        )
    return _drop_empty(record)


def export(services) -> dict:
    """The public services as one HSDS 3.0 page (the API's paginated answer, all on one page)."""
    contents = [service_record(service) for service in services]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }
