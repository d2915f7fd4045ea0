"""make load: 50 simulated users for 60 seconds over the main journeys, against gunicorn on loopback.

Loads the demo data into its own database, serves it as in production, runs locust headless,
and prints requests, failures and the 95th percentile. Exits non-zero on any failure or 5xx.
"""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from run import RESULTS, ROOT, SERVER_ENV, free_port, manage, start_gunicorn

DATABASE = "taskforce_load"


def main():
    users = os.environ.get("LOAD_USERS", "50")
    seconds = os.environ.get("LOAD_SECONDS", "60")
    manage(
        "shell",
        "-c",
        f"""
from django.db import connection
with connection.cursor() as c:
    c.execute("DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    c.execute("CREATE DATABASE {DATABASE}")
""",
    )
    manage("migrate", "--noinput", "-v0", db=DATABASE)
    manage("seed_demo", db=DATABASE, env={"DEMO_PASSWORD": "demo"}, capture=True)
    meetings = json.loads(
        manage(
            "shell",
            "-c",
            "import json; from meetings.models import Meeting; "
            "print(json.dumps(list(Meeting.objects.exclude(minutes_state='approved').values_list('pk', flat=True))))",
            db=DATABASE,
            capture=True,
        )
        .strip()
        .splitlines()[-1]
    )
    manage("collectstatic", "--noinput", "-v0", env=SERVER_ENV)
    port = free_port()
    server = start_gunicorn(DATABASE, port, extra_env={"SECURE_COOKIES": "false"})
    RESULTS.mkdir(parents=True, exist_ok=True)
    prefix = RESULTS / "load"
    try:
        env = dict(os.environ, LOAD_MEETINGS=",".join(map(str, meetings)), LOAD_PASSWORD="demo")
        subprocess.run(
            [
                str(ROOT / ".venv" / "bin" / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                users,
                "-r",
                "10",
                "-t",
                f"{seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=env,
            check=False,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return summarize(Path(f"{prefix}_stats.csv"), Path(f"{prefix}_failures.csv"))


def summarize(stats_file, failures_file):
    rows = list(csv.DictReader(stats_file.open()))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    failures = list(csv.DictReader(failures_file.open())) if failures_file.exists() else []
    server_errors = [f for f in failures if f.get("Error", "").startswith(("HTTPError('5", "500", "502", "503"))]
    print(f"\n{'journey step':<32}{'requests':>10}{'failures':>10}{'p50 ms':>8}{'p95 ms':>8}")
    for row in rows:
        print(
            f"{row['Name'][:31]:<32}{row['Request Count']:>10}{row['Failure Count']:>10}{row['50%']:>8}{row['95%']:>8}"
        )
    print(
        f"\nRequests {total['Request Count']}, failures {total['Failure Count']}, 5xx {len(server_errors)}, "
        f"p95 {total['95%']} ms"
    )
    for failure in failures:
        print("  failure:", failure["Method"], failure["Name"], failure["Error"], "x", failure["Occurrences"])
    return 0 if int(total["Failure Count"]) == 0 and not server_errors else 1


if __name__ == "__main__":
    sys.exit(main())
