import pytest

from tests.reports.helpers import default_categories, make_year


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Background tasks run at once in tests."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def categories(db):
    return default_categories()


@pytest.fixture
def year(db, categories):
    return make_year(2025)
