"""make backup / make restore: seed, back up, empty every table, restore, and every row is back."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection


def row_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - table names come from the catalog
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_every_row_back(tmp_path):
    call_command("seed_demo", stdout=StringIO())
    before = row_counts()
    assert before["members_person"] > 30

    out = StringIO()
    call_command("backup", output=str(tmp_path), stdout=out)
    dump = out.getvalue().strip()
    assert dump.endswith(".dump")

    tables = ", ".join(f'"{table}"' for table in before)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} CASCADE")
    assert sum(row_counts().values()) == 0

    call_command("restore", dump, stdout=StringIO())
    assert row_counts() == before
