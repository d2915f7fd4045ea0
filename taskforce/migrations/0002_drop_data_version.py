"""Remove the data version (migration 0001): pages are no longer kept by one number that every commit moved.

Dropping the two functions drops the triggers on every table that called them.
"""

import importlib

from django.db import migrations

first = importlib.import_module("taskforce.migrations.0001_data_version")

DROP = """
DROP FUNCTION IF EXISTS taskforce_data_changed() CASCADE;
DROP FUNCTION IF EXISTS taskforce_bump_data_version() CASCADE;
DROP TABLE IF EXISTS taskforce_data_version;
"""


class Migration(migrations.Migration):
    dependencies = [("taskforce", "0001_data_version")]
    operations = [migrations.RunSQL(DROP, first.CREATE)]
