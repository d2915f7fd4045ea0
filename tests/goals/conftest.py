import pytest

from tests.goals.factories import plan_for


@pytest.fixture
def plan(world):
    return plan_for(world)
