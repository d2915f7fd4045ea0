"""Names holding markup come back escaped on the resource list, its search and a service's page."""

import pytest

from tests.resources.conftest import make_service

pytestmark = pytest.mark.django_db

MARKUP = "<script>\"'&"
ESCAPED = "&lt;script&gt;&quot;&#x27;&amp;"


@pytest.fixture
def hostile(world, vocabulary):
    world.legal_aid.name = f"Org {MARKUP}"
    world.legal_aid.save()
    return make_service(
        world.legal_aid,
        f"Legal help {MARKUP}",
        description=f"Advice {MARKUP}",
        how_to_refer=f"Call {MARKUP}",
        categories=[vocabulary.categories["Legal"]],
    )


@pytest.mark.parametrize("persona", ["anonymous", "staff"])
@pytest.mark.parametrize("params", [{}, {"q": "legal help"}, {"category": "legal"}])
def test_the_list_and_its_search_escape_names(client_as, hostile, persona, params):
    body = client_as(persona).get("/resources/", params).content.decode()
    assert f"Legal help {ESCAPED}" in body and f"Org {ESCAPED}" in body
    assert MARKUP not in body


def test_a_service_page_escapes_names(client_as, hostile):
    body = client_as("member").get(hostile.get_absolute_url()).content.decode()
    assert f"Legal help {ESCAPED}" in body and f"Org {ESCAPED}" in body
    assert MARKUP not in body
