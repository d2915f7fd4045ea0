"""Shared fixtures: the personas every view is tested as, and the browser set-up."""

import datetime
import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from
# that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PERSONAS = ["anonymous", "member", "data_contact", "cochair", "staff"]
PASSWORD = "correct horse battery"


def count_queries(client, url, status=200):
    """How many queries one GET of url takes (it must answer with status): for tests that compare counts,
    such as the same page at two sizes of data. To pin one page's count, use django_assert_num_queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, url
    return len(queries)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings, tmp_path):
    from django.core.cache import cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    # The password reset counters (accounts/throttle.py) live in the cache: each test starts at zero.
    cache.clear()


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Each test starts in English: LocaleMiddleware leaves a request's language active in the thread, and
    a service created while Chinese is active would get its texts in the Chinese columns (modeltranslation)."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


class World:
    """The named personas and the registry they live in, built once per test."""

    def __init__(self):
        from django.contrib.auth import get_user_model

        from members.models import Committee, CommitteeRole, Membership, Organization, Person

        User = get_user_model()
        since = datetime.date(2020, 1, 1)
        self.task_force = Committee.objects.create(
            name="Task Force", slug="task-force", kind=Committee.Kind.TASK_FORCE, meetings_are_public=True
        )
        self.youth = Committee.objects.create(name="Youth Trafficking Committee", slug="youth")
        self.adult = Committee.objects.create(name="Adult Trafficking Committee", slug="adult")
        self.legal_aid = Organization.objects.create(
            name="Legal Aid Society", sector=Organization.Sector.LEGAL_SERVICES
        )
        self.shelter = Organization.objects.create(
            name="Asian Women's Shelter", sector=Organization.Sector.COMMUNITY_BASED
        )
        self.dosw = Organization.objects.create(
            name="Department on the Status of Women", sector=Organization.Sector.CITY_DEPARTMENT
        )

        def person(username, given, family, organization, *, staff=False, data_contact=False):
            user = User.objects.create_user(
                username, f"{username}@example.org", PASSWORD, first_name=given, last_name=family, is_staff=staff
            )
            someone = Person.objects.create(given_name=given, family_name=family, user=user, email=user.email)
            Membership.objects.create(
                person=someone, organization=organization, start_on=since, is_data_contact=data_contact
            )
            return someone

        self.staff = person("staff", "Sam", "Staffer", self.dosw, staff=True)
        self.cochair = person("cochair", "Casey", "Cochair", self.shelter)
        self.other_cochair = person("othercochair", "Olive", "Other", self.shelter)
        self.former_cochair = person("formercochair", "Frances", "Former", self.shelter)
        self.data_contact = person("data_contact", "Dana", "Datacontact", self.legal_aid, data_contact=True)
        self.other_data_contact = person("otherdata", "Oscar", "Otherdata", self.shelter, data_contact=True)
        self.member = person("member", "Morgan", "Member", self.shelter)
        CommitteeRole.objects.create(
            person=self.cochair, committee=self.youth, role=CommitteeRole.Role.CO_CHAIR, start_on=since
        )
        CommitteeRole.objects.create(
            person=self.other_cochair, committee=self.adult, role=CommitteeRole.Role.CO_CHAIR, start_on=since
        )
        CommitteeRole.objects.create(
            person=self.former_cochair,
            committee=self.youth,
            role=CommitteeRole.Role.CO_CHAIR,
            start_on=since,
            end_on=datetime.date(2021, 1, 1),
        )
        CommitteeRole.objects.create(
            person=self.member, committee=self.youth, role=CommitteeRole.Role.MEMBER, start_on=since
        )

    def user(self, persona):
        """The login of a persona, or None for the anonymous visitor."""
        if persona == "anonymous":
            return None
        return getattr(self, persona).user


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def client_as(client, world):
    """client_as("cochair") gives a test client logged in as that persona."""

    def login(persona):
        client.logout()
        user = world.user(persona)
        if user is not None:
            client.force_login(user)
        return client

    return login


# Browser tests: Debian's Chromium, never a downloaded browser.
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.fail("Chromium is not installed: run `make system-deps` (installs Debian's chromium).")
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Every test's page asks for reduced motion: Bootstrap then drops its colour transitions, so axe never sees
    a button mid-fade. (A context a test opens itself says so where it needs it.)"""
    return {**browser_context_args, "reduced_motion": "reduce"}
