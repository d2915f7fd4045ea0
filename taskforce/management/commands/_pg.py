"""Run PostgreSQL's client programs against the database Django is configured for."""

import os
import shutil
import subprocess

from django.db import connection


def client_program(name):
    """The client program matching the server's major version where Debian keeps several."""
    versions = os.listdir("/usr/lib/postgresql") if os.path.isdir("/usr/lib/postgresql") else []
    for version in sorted(versions, key=lambda v: int(v) if v.isdigit() else 0, reverse=True):
        candidate = f"/usr/lib/postgresql/{version}/bin/{name}"
        if os.path.exists(candidate):
            return candidate
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return found


def connection_env():
    settings = connection.settings_dict
    options = settings.get("OPTIONS", {})
    env = dict(os.environ)
    env["PGHOST"] = str(settings.get("HOST") or options.get("host") or "")
    env["PGPORT"] = str(settings.get("PORT") or options.get("port") or "")
    env["PGUSER"] = str(settings.get("USER") or "")
    env["PGDATABASE"] = str(settings["NAME"])
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return {k: v for k, v in env.items() if v != "" or not k.startswith("PG")}


def run(program, *args):
    # The program is a fixed PostgreSQL client; the arguments come from our own commands.
    return subprocess.run(  # noqa: S603
        [client_program(program), *args], env=connection_env(), check=True, capture_output=True, text=True
    )
