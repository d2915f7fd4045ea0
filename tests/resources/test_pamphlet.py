"""/resources/pamphlet.pdf: every public service and nothing else, in English or Spanish, A4 or Letter.

What it prints is checked here with tasks run at once (the immediate backend), so that the first request
queues the rendering and finds it stored; test_pamphlet_rendering.py checks the queue and the worker.
"""

import re
import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = reverse("members:pamphlet")


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def poppler(tool):
    path = shutil.which(tool)
    if not path:
        pytest.fail(f"{tool} is missing: install poppler-utils (make system-deps-test).")
    return path


def pdf_text(content, tmp_path):
    path = tmp_path / "pamphlet.pdf"
    path.write_bytes(content)
    text = subprocess.run([poppler("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text)


def pdf_info(content, tmp_path):
    path = tmp_path / "info.pdf"
    path.write_bytes(content)
    return subprocess.run([poppler("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("persona", ["anonymous", "member", "staff"])
def test_holds_every_public_service_and_nothing_else(client_as, services, tmp_path, persona):
    response = client_as(persona).get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    for service in [services.legal, services.shelter, services.youth]:
        assert service.name in text
        assert service.organization.name in text
    assert services.members_only.name not in text
    assert services.inactive.name not in text
    # The only street address on file is the public legal service's; the shelter's is never printed.
    assert "100 Example Street" in text
    assert "Confidential location: call first" in text


def test_grouped_by_category_in_order(client_as, services, tmp_path):
    text = pdf_text(client_as("anonymous").get(URL).content, tmp_path)
    positions = [text.index(heading) for heading in ["24-hour response and hotlines", "Legal"]]
    assert positions == sorted(positions)
    # The shelter is listed once, under its main category (the first of its categories in the list's
    # order), its other category beside it; no public service has housing as its main category.
    assert text.count(services.shelter.name) == 1
    assert "Also under: Housing and shelter" in text
    assert text.count("Housing and shelter") == 1
    # A category with no public service gets no heading.
    assert "Employment and vocational" not in text


def test_english_headings_rights_name_and_date(client_as, services, tmp_path):
    text = pdf_text(client_as("anonymous").get(URL, {"lang": "en"}).content, tmp_path)
    assert "Help for survivors of human trafficking" in text
    assert "Know your rights" in text
    assert "You have rights, whatever your immigration status." in text
    assert "Mayor's Task Force on Anti-Human Trafficking" in text
    assert re.search(r"Updated [A-Z][a-z]+ \d{1,2}, \d{4}", text)
    assert re.search(r"Page 1 of \d", text)
    assert "Languages: Spanish, English" in text
    assert "Who it is for: Adults, Labor-trafficking survivors" in text
    assert "Ages: 18 and up" in text and "Ages: 11-24" in text


def test_spanish_headings_and_rights(client_as, services, tmp_path):
    response = client_as("anonymous").get(URL, {"lang": "es"})
    text = pdf_text(response.content, tmp_path)
    assert "Ayuda para sobrevivientes de la trata de personas" in text
    assert "Conozca sus derechos" in text
    assert "Usted tiene derechos, sin importar su estatus migratorio." in text
    assert "Ayuda legal" in text and "Vivienda y refugio" in text
    assert "Idiomas: español, inglés" in text
    assert "Para quién: Personas adultas, Sobrevivientes de la trata laboral" in text
    assert "Edades: 18 o más" in text and "Edades: 11-24" in text
    assert re.search(r"Actualizado \d{1,2} de [a-z]+ de \d{4}", text)
    assert re.search(r"Página 1 de \d", text)
    # Translated names and descriptions where they exist, the English ones otherwise.
    assert services.legal.name_es in text and services.legal.description_es in text
    assert services.legal.name not in text
    assert services.shelter.name in text and services.youth.name in text
    assert services.members_only.name not in text and services.members_only.name_es not in text


def test_language_follows_the_browser_unless_chosen(client_as, services, tmp_path):
    client = client_as("anonymous")
    spanish = pdf_text(client.get(URL, headers={"accept-language": "es-MX,es;q=0.9"}).content, tmp_path)
    assert "Conozca sus derechos" in spanish
    chosen = pdf_text(client.get(URL, {"lang": "en"}, headers={"accept-language": "es"}).content, tmp_path)
    assert "Know your rights" in chosen
    other = pdf_text(client.get(URL, headers={"accept-language": "fr"}).content, tmp_path)
    assert "Know your rights" in other


@pytest.mark.parametrize(
    ("size", "points"), [("a4", "595.276 x 841.89"), ("letter", "612 x 792"), ("tabloid", "612 x 792")]
)
def test_paper_size(client_as, services, tmp_path, size, points):
    info = pdf_info(client_as("anonymous").get(URL, {"size": size}).content, tmp_path)
    assert f"Page size:       {points} pts" in info


def test_tagged_for_screen_readers_with_title_and_language(client_as, services, tmp_path):
    info = pdf_info(client_as("anonymous").get(URL, {"lang": "es"}).content, tmp_path)
    assert "Tagged:          yes" in info
    assert "Title:           Ayuda para sobrevivientes de la trata de personas" in info


def test_unknown_language_falls_back_to_english(client_as, services, tmp_path):
    text = pdf_text(client_as("anonymous").get(URL, {"lang": "xx"}).content, tmp_path)
    assert "Know your rights" in text


def test_empty_list_says_so(client_as, world, tmp_path):
    text = pdf_text(client_as("anonymous").get(URL).content, tmp_path)
    assert "No public services are listed yet." in text


def test_query_count_is_fixed(client_as, services, world, vocabulary):
    from tests.resources.conftest import make_service

    client = client_as("anonymous")
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for i in range(20):
        make_service(
            world.legal_aid,
            f"Extra {i}",
            categories=[vocabulary.categories["Legal"]],
            populations=[vocabulary.populations["Adults"]],
        )
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(many) == len(few)


def test_kept_until_what_it_prints_changes(client_as, services, tmp_path, django_assert_num_queries):
    client = client_as("anonymous")
    first = client.get(URL).content
    # The fingerprint (5) and the stored file: nothing is drawn.
    with django_assert_num_queries(6):
        assert client.get(URL).content == first
    services.legal.name = "Renamed legal clinic"
    services.legal.save()
    assert "Renamed legal clinic" in pdf_text(client.get(URL).content, tmp_path)
    services.legal.organization.name = "Renamed organization"
    services.legal.organization.save()
    assert "Renamed organization" in pdf_text(client.get(URL).content, tmp_path)
    services.legal.delete()
    assert "Renamed legal clinic" not in pdf_text(client.get(URL).content, tmp_path)
