"""Walk every URL the project defines as every persona and check the permission module's promise."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from tests.conftest import PERSONAS
from tests.url_samples import SAMPLES as CORE_SAMPLES


def all_samples():
    samples = dict(CORE_SAMPLES)
    for module in pkgutil.iter_modules(tests.__path__):
        if module.ispkg:
            try:
                app_samples = importlib.import_module(f"tests.{module.name}.url_samples")
            except ModuleNotFoundError as error:
                if error.name != f"tests.{module.name}.url_samples":
                    raise
                continue
            samples.update(app_samples.SAMPLES)
    return samples


def project_urls(resolver=None, namespace=""):
    """(qualified name, pattern) for every URL outside the admin and static files."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from project_urls(entry, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", entry


URLS = sorted(project_urls(), key=lambda item: item[0])


def test_every_url_is_named_has_a_rule_and_a_sample():
    samples = all_samples()
    problems = []
    for name, pattern in URLS:
        if name.endswith(":None") or name == "None":
            problems.append(f"{pattern.pattern} has no name")
            continue
        if not hasattr(pattern.callback, "access_rule"):
            problems.append(f"{name}: the view is not wrapped in taskforce.permissions.access(...)")
        if pattern.pattern.converters and name not in samples:
            problems.append(f"{name}: takes arguments but has no Sample in tests/<app>/url_samples.py")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_as_the_permission_module_promises(persona, client_as, world):
    from django.contrib.auth.models import AnonymousUser

    samples = all_samples()
    client = client_as(persona)
    user = world.user(persona) or AnonymousUser()
    mismatches = []
    for name, pattern in URLS:
        sample = samples.get(name)
        kwargs = sample.kwargs(world) if sample else {}
        ok = sample.ok if sample else frozenset({200})
        url = reverse(name, kwargs=kwargs) + (f"?{sample.query}" if sample and sample.query else "")
        response = client.get(url)
        if pattern.callback.access_rule.allows(user, **kwargs):
            expected = ok
        elif persona == "anonymous":
            expected = frozenset({302})
        else:
            expected = frozenset({403})
        if response.status_code not in expected:
            mismatches.append(f"{name} ({url}): got {response.status_code}, expected {sorted(expected)}")
        elif (
            response.status_code == 302
            and persona == "anonymous"
            and 302 not in ok
            and not response["Location"].startswith(reverse("login"))
        ):
            mismatches.append(f"{name}: refused visitors should go to the login page")
    assert not mismatches, "\n".join(mismatches)


def test_admin_is_for_staff_only(client_as):
    assert client_as("anonymous").get("/admin/").status_code == 302
    assert client_as("member").get("/admin/").status_code == 302
    assert client_as("staff").get("/admin/").status_code == 200
