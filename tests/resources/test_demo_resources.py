"""The demo resource list: the services the seeds describe, sample data, idempotent."""

import pytest
from django.core.management import call_command

from members.models import PamphletDistribution, Population, Service, ServiceCategory

pytestmark = pytest.mark.django_db


def test_seed_demo_loads_services_once():
    call_command("seed_demo")
    counts = (
        Service.objects.count(),
        ServiceCategory.objects.count(),
        Population.objects.count(),
        PamphletDistribution.objects.count(),
    )
    call_command("seed_demo")
    assert (
        Service.objects.count(),
        ServiceCategory.objects.count(),
        Population.objects.count(),
        PamphletDistribution.objects.count(),
    ) == counts
    assert counts[1] == 13 and counts[2] == 12

    shelter = Service.objects.get(organization__name="Asian Women's Shelter")
    assert shelter.location_is_confidential and shelter.address_lines == []
    legal = Service.objects.get(name="Spanish-speaking legal help for adults")
    assert "es" in legal.languages and legal.populations.filter(name="Adults").exists()
    youth = Service.objects.get(organization__name="Huckleberry Youth Programs")
    assert youth.is_24_hour and youth.name == "24-hour response for sexually exploited youth"
    assert Service.objects.filter(name__icontains="massage and restaurant workers").exists()
    assert all("(Sample data.)" in service.description for service in Service.objects.all())
    assert Service.objects.filter(visibility=Service.Visibility.MEMBERS).exists()
    assert Service.objects.stale().exists()


def test_every_public_demo_service_has_its_own_texts_in_spanish_chinese_and_filipino(client):
    from django.conf import settings

    call_command("seed_demo")
    public = Service.objects.public().filter(status=Service.Status.ACTIVE)
    assert public.count() == 8
    for service in public:
        for language in ("es", "zh-hant", "tl"):
            texts = service.texts(language)
            assert not texts["name"].in_english and not texts["description"].in_english, (service, language)

    # A Filipino visitor's search in Filipino finds the service by its Filipino text.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tl"
    body = client.get("/resources/", {"q": "kanlungan"}).content.decode()
    assert "Kumpidensyal na kanlungan para sa mga babaeng Asyano at kanilang mga anak" in body
    assert "Mga serbisyo para sa mga biktima" not in body
