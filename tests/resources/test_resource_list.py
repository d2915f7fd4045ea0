"""/resources/: who sees what, search, filters, paging, and a fixed query count."""

import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from members.models import Service

pytestmark = pytest.mark.django_db
URL = reverse("members:resources")


def squeeze(html):
    """The HTML without the layout whitespace crispy's templates leave between and inside tags."""
    return re.sub(r"\s+<", "<", re.sub(r">\s+", ">", re.sub(r"\s+", " ", html)))


def names(response):
    return re.findall(r'id="service-\d+-name"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_anonymous_sees_only_public_active_services(client_as, services):
    response = client_as("anonymous").get(URL)
    assert response.status_code == 200
    assert set(names(response)) == {services.legal.name, services.shelter.name, services.youth.name}
    body = response.content.decode()
    assert services.members_only.name not in body
    assert services.inactive.name not in body
    assert "Members only" not in body


@pytest.mark.parametrize("persona", ["member", "data_contact", "cochair", "staff"])
def test_members_see_every_active_service(client_as, services, persona):
    response = client_as(persona).get(URL)
    assert set(names(response)) == {
        services.legal.name,
        services.shelter.name,
        services.youth.name,
        services.members_only.name,
    }
    assert services.inactive.name not in response.content.decode()


def test_a_confidential_location_is_never_shown(client_as, services):
    for persona in ["anonymous", "member", "staff"]:
        body = client_as(persona).get(URL).content.decode()
        assert "Confidential location in San Francisco" in body
        body = client_as(persona).get(services.shelter.get_absolute_url()).content.decode()
        assert "Confidential location in San Francisco: refer by phone" in body
    assert "100 Example Street" in client_as("anonymous").get(URL).content.decode()


def test_each_service_shows_how_to_refer_and_when_it_was_verified(client_as, services):
    body = client_as("member").get(URL).content.decode()
    assert "Call the intake line." in body
    assert "Last verified" in body and "Not verified yet" in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("spanish legal", "Spanish-speaking legal help for adults"),
        ("legal español", "Spanish-speaking legal help for adults"),
        ("labor trafficking lawyer OR legal", "Spanish-speaking legal help for adults"),
        ("Legal Aid Society", "Spanish-speaking legal help for adults"),
        ("asesoría legal para sobrevivientes", "Spanish-speaking legal help for adults"),
        ("shelter chinese", "Confidential shelter for Asian women"),
        ("immigrants", "Confidential shelter for Asian women"),
    ],
)
def test_search_by_words(client_as, services, query, expected):
    found = names(client_as("member").get(URL, {"q": query}))
    assert found and found[0] == expected


def test_search_finds_nothing_and_says_what_to_do(client_as, services):
    response = client_as("member").get(URL, {"q": "veterinarian"})
    assert names(response) == []
    assert "No service matches" in response.content.decode()


def test_search_never_reveals_members_only_services_to_visitors(client_as, services):
    assert names(client_as("anonymous").get(URL, {"q": "restoration housing"})) == []
    assert names(client_as("member").get(URL, {"q": "restoration housing"})) == [services.members_only.name]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "legal"}, {"legal"}),
        ({"category": "housing-and-shelter"}, {"shelter", "members_only"}),
        ({"population": "women"}, {"shelter", "members_only"}),
        ({"language": "es"}, {"legal", "youth"}),
        ({"language": "zh"}, {"shelter"}),
        ({"open_24_hours": "on"}, {"shelter", "youth"}),
        ({"age": "15"}, {"shelter", "youth"}),
        ({"age": "30"}, {"legal", "shelter", "members_only"}),
        ({"age": "30", "language": "es", "category": "legal"}, {"legal"}),
        ({"q": "legal", "population": "adults", "language": "es"}, {"legal"}),
    ],
)
def test_filters(client_as, services, params, expected):
    found = set(names(client_as("member").get(URL, params)))
    assert found == {getattr(services, key).name for key in expected}


def test_filters_offer_only_languages_in_use(client_as, services):
    body = client_as("anonymous").get(URL).content.decode()
    assert '<option value="es">Spanish (español)</option>' in body
    assert '<option value="ko">Korean (한국어)</option>' in body
    assert '<option value="fr">' not in body


def test_bad_filter_values_are_explained_not_a_crash(client_as, services):
    response = client_as("member").get(URL, {"age": "old", "category": "nope"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter a number." in body
    assert "Select a valid choice." in body


def test_a_hostile_filter_value_comes_back_escaped(client_as, services):
    body = client_as("anonymous").get(URL, {"category": "<script>\"'&", "population": "adults"}).content.decode()
    assert "Select a valid choice. &lt;script&gt;&quot;&#x27;&amp; is not one of the available choices." in body
    assert '<script>"' not in body


def _many_services(world, vocabulary, count, prefix="Service"):
    services = Service.objects.bulk_create(
        Service(
            organization=world.legal_aid if i % 2 else world.shelter,
            name=f"{prefix} number {i}",
            description="Case management and legal help for survivors.",
            languages=["en", "es"] if i % 3 else ["vi"],
            language_names="English Spanish español" if i % 3 else "Vietnamese",
            visibility=Service.Visibility.MEMBERS if i % 5 == 0 else Service.Visibility.PUBLIC,
        )
        for i in range(count)
    )
    legal, adults = vocabulary.categories["Legal"], vocabulary.populations["Adults"]
    Service.categories.through.objects.bulk_create(
        Service.categories.through(service=service, servicecategory=legal) for service in services
    )
    Service.populations.through.objects.bulk_create(
        Service.populations.through(service=service, population=adults) for service in services
    )
    # In production autovacuum keeps the planner's statistics current; a test that inserts a
    # thousand rows at once must refresh them itself, or PostgreSQL plans for an empty table.
    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE members_service, members_organization, members_service_categories, members_service_populations"
        )


EVERY_FILTER = {"q": "legal help", "language": "es", "category": "legal", "population": "adults", "age": "30"}

# Every request: the language codes in use, the page of services with their organizations, the ids of
# their categories and populations and the number found (one query), and every category and population
# (read once for the filters' options and the cards' badges: no prefetch per page, no lookup of a chosen one).
LIST_QUERIES = 4
# Signed in: the session, the user, the navigation's roles (two queries) and published report.
SIGNED_IN = 5


@pytest.mark.parametrize(
    ("persona", "params", "expected"),
    [
        ("anonymous", {}, LIST_QUERIES),
        # Staff always see the reports link: no question whether a report is published.
        ("staff", {}, LIST_QUERIES + SIGNED_IN - 1),
        # The chosen category and population are checked against the terms already read.
        ("member", EVERY_FILTER, LIST_QUERIES + SIGNED_IN),
    ],
)
def test_query_count_does_not_grow_with_services(
    client_as, world, vocabulary, django_assert_num_queries, persona, params, expected
):
    client = client_as(persona)
    _many_services(world, vocabulary, 3)
    with django_assert_num_queries(expected):
        response = client.get(URL, params)
    assert response.status_code == 200
    _many_services(world, vocabulary, 1000, prefix="More")
    with django_assert_num_queries(expected):
        response = client.get(URL, params)
    assert response.status_code == 200
    assert len(names(response)) == 20


def test_results_are_paged(client_as, world, vocabulary):
    _many_services(world, vocabulary, 45)
    client = client_as("member")
    first = client.get(URL, {"category": "legal"})
    assert len(names(first)) == 20
    body = first.content.decode()
    assert "Page 1 of 3" in body and "category=legal&amp;page=2" in body
    last = client.get(URL, {"category": "legal", "page": 3})
    assert len(names(last)) == 5
    assert len(names(client.get(URL, {"page": "999"}))) == 5


def test_staff_see_a_verified_today_button_on_stale_services(client_as, services):
    body = client_as("staff").get(URL).content.decode()
    assert reverse("members:service_verify", args=[services.shelter.pk]) in body
    assert reverse("members:service_verify", args=[services.legal.pk]) not in body
    assert "members:service_verify" not in client_as("member").get(URL).content.decode()
    assert "/verify/" not in client_as("member").get(URL).content.decode()


def test_phone_numbers_are_dialable(client_as, services):
    assert 'href="tel:4155550102">(415) 555-0102</a>' in client_as("anonymous").get(URL).content.decode()


def test_nav_links_to_resources_for_everyone(client_as, world):
    for persona in ["anonymous", "member", "staff"]:
        assert f'href="{URL}">Resources</a>' in client_as(persona).get("/").content.decode()


def _card(body, service):
    start = body.index(f'id="service-{service.pk}-name"')
    return body[start : body.index("</article>", start)]


def test_a_card_shows_its_kinds_people_languages_and_place(client_as, services):
    body = client_as("member").get(URL).content.decode()
    shelter = _card(body, services.shelter)
    # Categories and populations in the vocabulary's order, not the order they were added in.
    assert shelter.index("24-hour response and hotlines") < shelter.index("Housing and shelter")
    assert "<dt>For</dt><dd>Women, Immigrants regardless of status</dd>" in shelter
    assert "<dt>Languages</dt><dd>English, Chinese (中文), Korean (한국어)</dd>" in shelter
    assert "<dt>Location</dt><dd>Confidential location in San Francisco</dd>" in shelter
    assert '<span class="badge text-bg-success me-1">24 hours</span>' in shelter
    legal = _card(body, services.legal)
    assert "<dt>For</dt><dd>Adults, Labor-trafficking survivors; Ages 18 and up</dd>" in legal
    assert "<dt>Location</dt><dd>100 Example Street, San Francisco, CA 94104</dd>" in legal
    assert "Legal advice and representation for adult survivors of labor trafficking." in legal
    assert "Members only" in _card(body, services.members_only)


def test_a_long_description_is_cut_to_thirty_words(client_as, services):
    services.legal.description = " ".join(f"word{i}" for i in range(40))
    services.legal.save()
    card = _card(client_as("member").get(URL).content.decode(), services.legal)
    assert "word29 …" in card and "word30" not in card


def test_text_on_a_card_is_escaped(client_as, services):
    services.legal.name = "Legal <b>help</b>"
    services.legal.how_to_refer = 'Call "us" <script>x</script>'
    services.legal.save()
    card = _card(client_as("member").get(URL).content.decode(), services.legal)
    assert "Legal &lt;b&gt;help&lt;/b&gt;" in card and "<script>" not in card


def test_the_verify_form_posts_back_to_the_same_list(client_as, services):
    client = client_as("staff")
    body = client.get(URL, {"q": "shelter"}).content.decode()
    card = _card(body, services.shelter)
    assert 'name="csrfmiddlewaretoken"' in card and 'value="/resources/?q=shelter"' in card
    assert "Last verified" in card and ": needs checking" in card
    response = client.post(
        reverse("members:service_verify", args=[services.shelter.pk]), {"next": "/resources/?q=shelter"}
    )
    assert response.status_code == 302 and response["Location"] == "/resources/?q=shelter"


def test_filter_fields_keep_labels_and_explain_errors_next_to_the_field(client_as, services):
    body = client_as("member").get(URL, {"age": "old", "category": "legal"}).content.decode()
    body = squeeze(body)
    assert '<label for="id_age" class="form-label">Age of the person</label>' in body
    assert 'aria-invalid="true" aria-describedby="id_age_error"' in body
    assert '<div id="id_age_error" class="invalid-feedback"><p id="error_1_id_age"><strong>Enter a number.' in body
    assert '<option value="legal" selected>Legal</option>' in body
    assert '<option value="" selected>Anyone</option>' in body  # the population filter is unset


def test_a_search_counts_every_match_across_pages(client_as, world, vocabulary):
    _many_services(world, vocabulary, 45)
    client = client_as("member")
    body = client.get(URL, {"q": "legal help"}).content.decode()
    assert "45 services found" in body and "Page 1 of 3" in body
    assert len(names(client.get(URL, {"q": "legal help", "page": "abc"}))) == 20
    past_the_end = client.get(URL, {"q": "legal help", "page": "7"})
    assert len(names(past_the_end)) == 5 and "Page 3 of 3" in past_the_end.content.decode()


def test_visitors_are_not_offered_a_language_only_members_only_services_use(client_as, services):
    services.members_only.languages = ["fr"]
    services.members_only.save()
    assert '<option value="fr">' not in client_as("anonymous").get(URL).content.decode()
    assert '<option value="fr">French (français)</option>' in client_as("member").get(URL).content.decode()


def _edit_service(services, vocabulary):
    services.legal.how_to_refer = "Email intake@example.org."
    services.legal.save()
    return "Email intake@example.org."


def _rename_organization(services, vocabulary):
    services.legal.organization.name = "Bay Legal Aid"
    services.legal.organization.save()
    return "Bay Legal Aid"


def _rename_category(services, vocabulary):
    legal = vocabulary.categories["Legal"]
    legal.name_en = "Legal help"
    legal.save()
    return ">Legal help</span>"


def _rename_population(services, vocabulary):
    adults = vocabulary.populations["Adults"]
    adults.name_en = "Grown-ups"
    adults.save()
    return "<dd>Grown-ups, Labor-trafficking survivors;"


def _drop_population(services, vocabulary):
    services.legal.populations.remove(vocabulary.populations["Adults"])  # no save of the service
    return "<dt>For</dt><dd>Labor-trafficking survivors; Ages 18 and up</dd>"


def _add_category(services, vocabulary):
    services.legal.categories.add(vocabulary.categories["Housing and shelter"])
    return ">Housing and shelter</span>"


@pytest.mark.parametrize(
    "change",
    [_edit_service, _rename_organization, _rename_category, _rename_population, _drop_population, _add_category],
)
def test_a_kept_card_follows_each_input_it_shows(client_as, services, vocabulary, change):
    client = client_as("member")
    _card(client.get(URL).content.decode(), services.legal)  # drawn and kept
    shown = change(services, vocabulary)
    assert shown in _card(client.get(URL).content.decode(), services.legal)


def test_a_kept_card_is_kept_per_language(client_as, services):
    client = client_as("anonymous")
    assert "Spanish-speaking legal help for adults" in _card(client.get(URL).content.decode(), services.legal)
    spanish = _card(client.get(URL, HTTP_ACCEPT_LANGUAGE="es").content.decode(), services.legal)
    assert "Ayuda legal en español para personas adultas" in spanish


def test_the_verification_line_and_form_are_never_kept(client_as, services):
    staff_card = _card(client_as("staff").get(URL).content.decode(), services.shelter)  # kept by staff's visit
    assert ": needs checking" in staff_card and 'name="csrfmiddlewaretoken"' in staff_card
    member_card = _card(client_as("member").get(URL).content.decode(), services.shelter)
    assert ": needs checking" not in member_card and "csrfmiddlewaretoken" not in member_card
    services.shelter.mark_verified(by=None)
    staff_card = _card(client_as("staff").get(URL).content.decode(), services.shelter)
    assert ": needs checking" not in staff_card and "Verified today" not in staff_card


def test_a_kept_card_is_drawn_again_when_its_verification_changes(client_as, services):
    """The kept card holds when it was last verified: its key names the date and whether it is stale today,
    so a date changed without touching the service (a queryset update) or a year passing redraws it."""
    client = client_as("member")
    fresh = _card(client.get(URL).content.decode(), services.legal)
    assert "text-body-secondary" in fresh.split("Last verified")[0][-120:]
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    Service.objects.filter(pk=services.legal.pk).update(last_verified_on=long_ago)
    stale = _card(client.get(URL).content.decode(), services.legal)
    assert "text-danger-emphasis" in stale
    assert f"Last verified {date_format(long_ago, 'DATE_FORMAT')}" in stale
    # Only staff read that it needs checking, and only they get the form; the kept part is the same for all.
    assert ": needs checking" not in stale
    staff = _card(client_as("staff").get(URL).content.decode(), services.legal)
    assert f"Last verified {date_format(long_ago, 'DATE_FORMAT')}: needs checking" in staff
    assert reverse("members:service_verify", args=[services.legal.pk]) in staff
