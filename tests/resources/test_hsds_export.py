"""/resources/hsds.json: the public services as Open Referral HSDS 3.0, checked against the official schema."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from jsonschema import Draft202012Validator, FormatChecker

pytestmark = pytest.mark.django_db
URL = reverse("members:hsds")


def schema_dir():
    """The official HSDS 3.0 schema, kept in the repository (standards/hsds-3.0, CC BY-SA 4.0)."""
    return Path(settings.BASE_DIR) / "standards" / "hsds-3.0"


@pytest.fixture(scope="module")
def schema():
    return json.loads((schema_dir() / "service_with_definitions.json").read_text())


def export(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def resolve(schema, node):
    ref = node.get("$ref") or node.get("items", {}).get("$ref")
    return schema["definitions"][ref.rsplit("/", 1)[-1]] if ref else None


def unknown_fields(schema, node, value, path="service"):
    """Every key in the export that the HSDS schema does not name."""
    problems = []
    for key, item in value.items():
        spec = node["properties"].get(key)
        if spec is None:
            problems.append(f"{path}.{key}")
            continue
        child = resolve(schema, spec)
        if child and isinstance(item, dict):
            problems += unknown_fields(schema, child, item, f"{path}.{key}")
        elif child and isinstance(item, list):
            for index, row in enumerate(item):
                problems += unknown_fields(schema, child, row, f"{path}.{key}[{index}]")
    return problems


def test_every_service_validates_against_the_official_schema(client_as, services, schema):
    document = export(client_as("anonymous"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    assert document["total_items"] == len(document["contents"]) == 3
    for service in document["contents"]:
        errors = sorted(validator.iter_errors(service), key=lambda error: list(error.path))
        assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors)
        assert unknown_fields(schema, schema, service) == []


def test_field_names_match_the_hsds_field_list(client_as, services):
    """Every exported field of a service and its organization is in the HSDS 3.0 field list (schema.csv)."""
    import csv

    with (schema_dir() / "schema.csv").open() as handle:
        fields = {(row["table_name"], row["name"]) for row in csv.DictReader(handle)}
    document = export(client_as("anonymous"))
    for service in document["contents"]:
        assert {("service", key) for key in service} <= fields
        assert {("organization", key) for key in service["organization"]} <= fields
        for phone in service.get("phones", []):
            assert {("phone", key) for key in phone} <= fields
        for language in service.get("languages", []):
            assert {("language", key) for key in language} <= fields


def test_holds_only_public_active_services(client_as, services):
    names = {service["name"] for service in export(client_as("staff"))["contents"]}
    assert names == {services.legal.name, services.shelter.name, services.youth.name}


def test_a_confidential_location_has_no_location(client_as, services):
    document = export(client_as("anonymous"))
    shelter = next(s for s in document["contents"] if s["name"] == services.shelter.name)
    assert "service_at_locations" not in shelter
    legal = next(s for s in document["contents"] if s["name"] == services.legal.name)
    [address] = legal["service_at_locations"][0]["location"]["addresses"]
    assert address["address_1"] == "100 Example Street" and address["postal_code"] == "94104"


def test_content_of_a_service(client_as, services):
    document = export(client_as("anonymous"))
    legal = next(s for s in document["contents"] if s["name"] == services.legal.name)
    assert legal["id"] == str(services.legal.hsds_id)
    assert legal["organization"]["name"] == "Legal Aid Society"
    assert legal["organization_id"] == legal["organization"]["id"]
    assert [(row["code"], row["name"]) for row in legal["languages"]] == [("es", "Spanish"), ("en", "English")]
    assert legal["phones"][0]["number"] == "(415) 555-0102"
    assert legal["minimum_age"] == 18 and legal["application_process"] == "Call the intake line."
    assert {row["taxonomy_term"]["name"] for row in legal["attributes"]} == {
        "Legal",
        "Adults",
        "Labor-trafficking survivors",
    }
    assert legal["assured_date"] == services.legal.last_verified_on.isoformat()


def test_identifiers_are_stable_between_exports(client_as, services):
    client = client_as("anonymous")
    assert export(client)["contents"] == export(client)["contents"]


def test_other_directories_may_fetch_it(client_as, services):
    assert client_as("anonymous").get(URL)["Access-Control-Allow-Origin"] == "*"


def test_query_count_is_fixed(client_as, services, world, vocabulary, django_assert_num_queries):
    from tests.resources.conftest import make_service

    client = client_as("anonymous")
    # The services with their organizations, then their categories and populations (two prefetches).
    with django_assert_num_queries(3):
        client.get(URL)
    for i in range(20):
        make_service(world.shelter, f"More {i}", phone="555-0100", categories=[vocabulary.categories["Food"]])
    with django_assert_num_queries(3):
        document = client.get(URL).json()
    assert document["total_items"] == 23
