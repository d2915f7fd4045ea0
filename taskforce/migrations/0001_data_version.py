"""One number that moves whenever the task force's data changes: see taskforce/dataversion.py.

The triggers that move it are put on every table of the four apps after each migrate
(taskforce.dataversion.install_triggers), so tables added later get them too.
"""

from django.db import migrations

CREATE = """
CREATE TABLE taskforce_data_version (
    id smallint PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO taskforce_data_version (id, version) VALUES (1, 1);

-- After any statement that writes: this transaction has changes the cache must not see yet.
-- A TRUNCATE moves the number at once (a deferred trigger cannot fire for it).
CREATE FUNCTION taskforce_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('taskforce.data_changed', 'on', true);
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE taskforce_data_version SET version = version + 1 WHERE id = 1;
    END IF;
    RETURN NULL;
END
$$;

-- At commit, once per transaction: the new number becomes visible together with the data, and its
-- row lock is the last one the transaction takes, so two writers can never deadlock over it.
CREATE FUNCTION taskforce_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('taskforce.data_version_bumped', true) = 'on' THEN
        RETURN NULL;
    END IF;
    UPDATE taskforce_data_version SET version = version + 1 WHERE id = 1;
    PERFORM set_config('taskforce.data_version_bumped', 'on', true);
    RETURN NULL;
END
$$;
"""

DROP = """
DROP TABLE taskforce_data_version;
DROP FUNCTION taskforce_data_changed() CASCADE;
DROP FUNCTION taskforce_bump_data_version() CASCADE;
"""


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunSQL(CREATE, DROP)]
