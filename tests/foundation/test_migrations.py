"""Migrations run on a database that already holds records, as the task force's does, not only on CI's empty
one."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db(transaction=True)
def test_the_service_texts_per_language_migrate_a_database_that_holds_services():
    """members 0009 copies each service's text into its English column, then adds constraints to the table:
    PostgreSQL refused the second step while the first left foreign-key checks pending ("cannot ALTER TABLE
    members_service because it has pending trigger events"), so an existing database could not be upgraded."""
    executor = MigrationExecutor(connection)
    before = [("members", "0008_dates_in_range")]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    organization = apps.get_model("members", "Organization").objects.create(name="Bay Area Legal Clinic")
    apps.get_model("members", "Service").objects.create(organization=organization, name="Legal advice")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from members.models import Service

    service = Service.objects.get()
    assert service.name_en == "Legal advice" and service.organization.name == "Bay Area Legal Clinic"
