"""The registry's pages: directory, organizations, committees, outreach, MOU files, CSV."""

import datetime
import re

import pytest
from django.urls import reverse

from members.models import MOU, CommitteeRole, Membership, Organization, Person
from tests.members.url_samples import MINIMAL_PDF, _signed_mou


def squeeze(html):
    """The HTML without the layout whitespace crispy's templates leave between and inside tags."""
    return re.sub(r"\s+<", "<", re.sub(r">\s+", ">", re.sub(r"\s+", " ", html)))


# Every signed-in page reads the session and the user, the viewer's chaired committees and data-contact
# organizations (for the navigation's roles) and whether a report is published (for the navigation).
REQUEST_QUERIES = 5
# The directory adds the page of people with the list's size (one query), their current memberships and
# committee roles (two prefetches) and the committee filter's options.
DIRECTORY_QUERIES = REQUEST_QUERIES + 4
# The organization list: the page with its representative counts and the list's size, the current MOUs
# (a prefetch), the committee filter's options.
ORGANIZATION_LIST_QUERIES = REQUEST_QUERIES + 3
# An organization: it, its memberships and MOUs (two prefetches), its attendance, its services, and
# the viewer's person for the private-file rule.
ORGANIZATION_QUERIES = REQUEST_QUERIES + 6
COMMITTEE_LIST_QUERIES = REQUEST_QUERIES + 2  # the committees and their current chairs
COMMITTEE_QUERIES = REQUEST_QUERIES + 4  # it, its current roles, upcoming and recent meetings


def get_counted(django_assert_num_queries, client, url, expected):
    """GET a page, checking it reads the database exactly ``expected`` times, however many rows."""
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


def add_people(n, organization, committee):
    people = Person.objects.bulk_create(Person(given_name=f"Given{i}", family_name=f"Family{i:04}") for i in range(n))
    Membership.objects.bulk_create(
        Membership(person=p, organization=organization, start_on=datetime.date(2020, 1, 1)) for p in people
    )
    CommitteeRole.objects.bulk_create(
        CommitteeRole(person=p, committee=committee, start_on=datetime.date(2020, 1, 1)) for p in people
    )


def test_directory_lists_people_by_family_name_with_contacts(client_as, world):
    body = client_as("member").get("/members/").content.decode()
    assert body.index("Cochair, Casey") < body.index("Datacontact, Dana") < body.index("Staffer, Sam")
    assert "mailto:member@example.org" in body


def test_directory_search_and_filters(client_as, world):
    client = client_as("member")
    body = client.get("/members/", {"q": "legal aid"}).content.decode()
    assert "Datacontact, Dana" in body and "Staffer, Sam" not in body
    body = client.get("/members/", {"committee": "youth"}).content.decode()
    assert "Cochair, Casey" in body and "Member, Morgan" in body and "Datacontact, Dana" not in body
    assert "Former, Frances" not in body  # her term ended
    body = client.get("/members/", {"sector": "city"}).content.decode()
    assert "Staffer, Sam" in body and "Member, Morgan" not in body


def test_organization_filters(client_as, world):
    MOU.objects.create(organization=world.legal_aid, status=MOU.Status.SENT)
    client = client_as("member")
    body = client.get("/members/organizations/", {"mou": "sent"}).content.decode()
    assert "Legal Aid Society" in body and "Asian Women" not in body
    body = client.get("/members/organizations/", {"mou": "none"}).content.decode()
    assert "Legal Aid Society" not in body and "Asian Women" in body
    body = client.get("/members/organizations/", {"sector": "legal"}).content.decode()
    assert "Legal Aid Society" in body and "Department on the Status" not in body


def test_directory_query_count_does_not_grow(client_as, world, django_assert_num_queries):
    client = client_as("member")
    add_people(5, world.shelter, world.youth)
    get_counted(django_assert_num_queries, client, "/members/", DIRECTORY_QUERIES)
    add_people(495, world.legal_aid, world.adult)
    get_counted(django_assert_num_queries, client, "/members/", DIRECTORY_QUERIES)
    get_counted(django_assert_num_queries, client, "/members/?page=3", DIRECTORY_QUERIES)


def test_organization_list_query_count_does_not_grow(client_as, world, django_assert_num_queries):
    client = client_as("member")
    get_counted(django_assert_num_queries, client, "/members/organizations/", ORGANIZATION_LIST_QUERIES)
    orgs = Organization.objects.bulk_create(Organization(name=f"Org {i}") for i in range(120))
    MOU.objects.bulk_create(MOU(organization=o, status=MOU.Status.SENT) for o in orgs)
    get_counted(django_assert_num_queries, client, "/members/organizations/", ORGANIZATION_LIST_QUERIES)


def test_organization_page_shows_representatives_over_time_and_mou_history(client_as, world):
    Membership.objects.create(
        person=world.member,
        organization=world.legal_aid,
        start_on=datetime.date(2018, 1, 1),
        end_on=datetime.date(2019, 6, 30),
    )
    _signed_mou(world)
    body = client_as("member").get(f"/members/organizations/{world.legal_aid.pk}/").content.decode()
    assert "Dana Datacontact" in body and "data contact" in body
    assert "Earlier representatives" in body and "Morgan Member" in body
    assert "Signed" in body
    # Morgan represents the shelter, not Legal Aid: no link to the file.
    assert "Open the signed MOU" not in body
    body = client_as("data_contact").get(f"/members/organizations/{world.legal_aid.pk}/").content.decode()
    assert "Open the signed MOU" in body


def test_organization_page_query_count_does_not_grow(client_as, world, django_assert_num_queries):
    client = client_as("member")
    url = f"/members/organizations/{world.shelter.pk}/"
    get_counted(django_assert_num_queries, client, url, ORGANIZATION_QUERIES)
    add_people(100, world.shelter, world.youth)
    MOU.objects.bulk_create(MOU(organization=world.shelter, status=MOU.Status.EXPIRED) for _ in range(20))
    get_counted(django_assert_num_queries, client, url, ORGANIZATION_QUERIES)


def test_committee_page_shows_current_chairs_not_former(client_as, world):
    body = client_as("member").get("/committees/youth/").content.decode()
    chairs = body[body.index("Chairs") : body.index('id="members-heading"')]
    assert "Casey Cochair" in chairs and "Frances Former" not in chairs
    assert "Morgan Member" in body


def test_committee_pages_query_counts_do_not_grow(client_as, world, django_assert_num_queries):
    client = client_as("member")
    get_counted(django_assert_num_queries, client, "/committees/youth/", COMMITTEE_QUERIES)
    get_counted(django_assert_num_queries, client, "/committees/", COMMITTEE_LIST_QUERIES)
    add_people(200, world.shelter, world.youth)
    get_counted(django_assert_num_queries, client, "/committees/youth/", COMMITTEE_QUERIES)
    get_counted(django_assert_num_queries, client, "/committees/", COMMITTEE_LIST_QUERIES)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("member", 403), ("cochair", 403), ("data_contact", 200), ("staff", 200)],
)
def test_mou_file_only_for_staff_and_the_organization(persona, status, client_as, world):
    pk = _signed_mou(world)["pk"]
    response = client_as(persona).get(f"/members/mous/{pk}/document/")
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == MINIMAL_PDF
        assert "no-store" in response["Cache-Control"]


def test_mou_files_are_not_under_a_public_url(settings, world):
    pk = _signed_mou(world)["pk"]
    path = MOU.objects.get(pk=pk).document.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.STATIC_ROOT))


def test_outreach_pipeline_for_staff(client_as, world):
    Organization.objects.create(
        name="Golden Gate Restaurant Association",
        status=Organization.Status.PROSPECT,
        outreach_stage=Organization.OutreachStage.INVITED,
        outreach_notes="Invite to the January meeting.",
    )
    body = client_as("staff").get("/members/outreach/").content.decode()
    assert "Golden Gate Restaurant Association" in body and "Invite to the January meeting." in body
    assert client_as("member").get("/members/outreach/").status_code == 403


def test_directory_csv_has_a_bom_and_accents(client_as, world):
    Person.objects.filter(pk=world.member.pk).update(given_name="Rosalía")
    response = client_as("staff").get("/members/directory.csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffFamily name,Given name")
    assert "Member,Rosalía" in text


def test_staff_dashboard_lists_mous_to_chase(client_as, world):
    today = datetime.date.today()
    MOU.objects.create(
        organization=world.legal_aid,
        status=MOU.Status.SIGNED,
        signed_on=today - datetime.timedelta(days=700),
        expires_on=today + datetime.timedelta(days=20),
    )
    body = client_as("staff").get("/").content.decode()
    panel = body[body.index("MOUs to follow up") :]
    expiring = panel[: panel.index("no signed MOU")]
    assert "Legal Aid Society" in expiring
    assert "Asian Women" in panel[panel.index("no signed MOU") :]
    assert "MOUs to follow up" not in client_as("member").get("/").content.decode()


def test_dashboard_lists_the_first_unsigned_organizations_and_links_to_all(client_as, world):
    from members.dashboard import UNSIGNED_SHOWN

    _signed_mou(world)
    Organization.objects.bulk_create(
        Organization(name=f"Unsigned Agency {i:02}", status=Organization.Status.MEMBER)
        for i in range(UNSIGNED_SHOWN + 5)
    )
    total = Organization.objects.members().without_signed_mou().distinct().count()
    assert total > UNSIGNED_SHOWN
    body = client_as("staff").get("/").content.decode()
    panel = body[body.index("no signed MOU") :]
    panel = panel[: panel.index("</section>")]
    assert f'<span class="badge text-bg-secondary">{total}</span>' in panel
    assert panel.count("<li>") == UNSIGNED_SHOWN
    assert f"See all {total} member organizations with no signed MOU" in panel
    assert 'href="/members/organizations/?status=member&amp;mou=unsigned"' in panel
    # The link opens the organization list narrowed to exactly those organizations.
    listed = client_as("staff").get("/members/organizations/", {"status": "member", "mou": "unsigned"})
    text = listed.content.decode()
    assert listed.status_code == 200
    assert "Unsigned Agency 00" in text
    assert "Legal Aid Society" not in text


def _row(body, name):
    start = body.index(name)
    return body[start : body.index("</tr>", start)]


def test_directory_rows_link_organizations_and_committees_with_roles(client_as, world):
    Membership.objects.create(
        person=world.cochair,
        organization=world.dosw,
        role=Membership.Role.ALTERNATE,
        start_on=datetime.date(2021, 1, 1),
    )
    body = client_as("member").get("/members/").content.decode()
    row = _row(body, "Cochair, Casey")
    # Memberships newest first, as before; a plain representative has no role shown.
    assert row.index(world.dosw.name) < row.index("Asian Women&#x27;s Shelter")
    assert f'<a href="{world.dosw.get_absolute_url()}">{world.dosw.name}</a>' in row
    assert '<span class="small text-body-secondary">(alternate)</span>' in row
    assert f'<a href="{world.youth.get_absolute_url()}">Youth Trafficking Committee</a> (co-chair)' in row
    member = _row(body, "Member, Morgan")
    assert "Youth Trafficking Committee</a></td>" in member  # a plain member: no role shown
    assert "Former, Frances" in body and "Youth" not in _row(body, "Former, Frances")  # her term ended


def test_directory_filter_fields_show_options_and_errors_next_to_the_field(client_as, world):
    body = client_as("member").get("/members/", {"committee": "nope", "q": "Casey"}).content.decode()
    body = squeeze(body)
    assert '<label for="id_committee" class="form-label">Committee</label>' in body
    assert '<option value="youth">Youth Trafficking Committee</option>' in body
    assert 'aria-invalid="true" aria-describedby="id_committee_error"' in body
    assert '<div id="id_committee_error" class="invalid-feedback"><p id="error_1_id_committee"><strong>' in body
    assert 'name="q" value="Casey"' in body
    body = client_as("member").get("/members/", {"committee": "youth"}).content.decode()
    body = squeeze(body)
    assert '<option value="youth" selected>Youth Trafficking Committee</option>' in body


def test_directory_search_matches_a_person_once_however_many_memberships(client_as, world):
    Membership.objects.create(
        person=world.data_contact,
        organization=world.legal_aid,
        role=Membership.Role.ALTERNATE,
        start_on=datetime.date(2018, 1, 1),
        end_on=datetime.date(2019, 1, 1),
    )
    body = client_as("member").get("/members/", {"q": "legal"}).content.decode()
    assert body.count("Datacontact, Dana") == 1 and "1 person" in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "Family legal"}, DIRECTORY_QUERIES),
        ({"committee": "adult"}, DIRECTORY_QUERIES + 1),  # the committee the filter names
        ({"sector": "legal"}, DIRECTORY_QUERIES),
    ],
)
def test_filtered_directory_query_count_does_not_grow(client_as, world, django_assert_num_queries, params, expected):
    client = client_as("member")
    url = "/members/?" + "&".join(f"{k}={v}" for k, v in params.items())
    add_people(5, world.legal_aid, world.adult)
    get_counted(django_assert_num_queries, client, url, expected)
    add_people(300, world.legal_aid, world.adult)
    get_counted(django_assert_num_queries, client, url, expected)


def test_organization_rows_show_labels_representatives_and_current_mous(client_as, world):
    MOU.objects.create(
        organization=world.legal_aid,
        status=MOU.Status.SIGNED,
        signed_on=datetime.date(2024, 1, 5),
        expires_on=datetime.date(2027, 1, 5),
    )
    MOU.objects.create(organization=world.legal_aid, status=MOU.Status.EXPIRED, signed_on=datetime.date(2019, 1, 5))
    body = client_as("member").get("/members/organizations/").content.decode()
    row = _row(body, "Legal Aid Society")
    assert f'href="{world.legal_aid.get_absolute_url()}"' in body
    assert '<td data-label="Sector">Legal services</td>' in row
    assert '<td data-label="Representatives">1</td>' in row
    assert "Signed, expires Jan 5, 2027" in row and "Expired" not in row
    assert '<td data-label="Representatives">5</td>' in _row(body, "Asian Women")
    assert "None" in _row(body, "Department on the Status")


def test_organization_list_is_paged_with_its_filters_kept(client_as, world):
    Organization.objects.bulk_create(
        Organization(name=f"Org {i:03}", sector=Organization.Sector.LEGAL_SERVICES) for i in range(60)
    )
    client = client_as("member")
    body = client.get("/members/organizations/", {"sector": "legal"}).content.decode()
    assert "61 organizations" in body and "Page 1 of 2" in body and "sector=legal&amp;page=2" in body
    body = client.get("/members/organizations/", {"sector": "legal", "page": 2}).content.decode()
    assert "Org 059" in body and "Legal Aid Society" not in body


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/members/outreach/", 5),  # the request's four for staff, then the prospects
        ("/members/directory.csv", 5),  # session, user, then people with memberships and roles (two prefetches)
    ],
)
def test_staff_registry_pages_query_counts_do_not_grow(client_as, world, django_assert_num_queries, url, expected):
    client = client_as("staff")
    get_counted(django_assert_num_queries, client, url, expected)
    Organization.objects.bulk_create(
        Organization(name=f"Prospect {i}", status=Organization.Status.PROSPECT) for i in range(40)
    )
    add_people(100, world.shelter, world.youth)
    get_counted(django_assert_num_queries, client, url, expected)


def test_organization_list_names_each_sector(client_as, world):
    body = client_as("member").get("/members/organizations/").content.decode()
    assert '<td data-label="Sector">Legal services</td>' in body
    assert '<td data-label="Sector">Community-based organization</td>' in body
    assert '<td data-label="Status">Member</td>' in body
    mou = MOU.objects.create(organization=world.legal_aid, status=MOU.Status.SENT)
    assert '<td data-label="MOU">Sent' in client_as("member").get("/members/organizations/").content.decode()
    assert world.legal_aid.sector_label == world.legal_aid.get_sector_display()
    assert world.legal_aid.status_label == world.legal_aid.get_status_display()
    assert mou.status_label == mou.get_status_display()
    world.legal_aid.sector = "retired_sector"  # a value no longer among the choices reads as itself
    assert world.legal_aid.sector_label == world.legal_aid.get_sector_display() == "retired_sector"


def test_name_searches_ignore_accents_and_case(client_as, world):
    """A name typed without its accents, or with accents the registry lacks, finds it: the directory, the
    organization list and the attendance list's guest pickers share the rule (members.models.containing)."""
    jose = Person.objects.create(given_name="José", family_name="Ramírez Núñez")
    plain = Person.objects.create(given_name="Ines", family_name="Lopez")
    asociacion = Organization.objects.create(name="Asociación de Mujeres Unidas", status=Organization.Status.MEMBER)
    Membership.objects.create(
        person=plain, organization=asociacion, role=Membership.Role.REPRESENTATIVE, start_on=datetime.date(2020, 1, 1)
    )
    client = client_as("member")
    for typed in ("jose ramirez", "JOSÉ NUÑEZ", "Ramirez"):
        assert "Ramírez Núñez, José" in client.get("/members/", {"q": typed}).content.decode(), typed
    for typed in ("Inés López", "ines"):
        assert "Lopez, Ines" in client.get("/members/", {"q": typed}).content.decode(), typed
    body = client.get("/members/", {"q": "asociacion mujeres"}).content.decode()  # through her organization
    assert "Lopez, Ines" in body and "Ramírez" not in body
    assert "Asociación de Mujeres Unidas" in client.get("/members/organizations/", {"q": "ASOCIACION"}).content.decode()
    staff = client_as("staff")
    people = staff.get(reverse("meetings:people_search"), {"q": "jose ramirez"}).json()["results"]
    assert [result["id"] for result in people] == [jose.pk]
    organizations = staff.get(reverse("meetings:organization_search"), {"q": "asociacion"}).json()["results"]
    assert [result["id"] for result in organizations] == [asociacion.pk]
