"""Quick in-process timings while working on a page: median server time of GETs as the bench's staff user.

    DATABASE_URL=postgres://taskforce@/taskforce_bench_full?host=$PWD/.pgdata \\
        DEBUG=false SECRET_KEY=$(openssl rand -hex 32) ALLOWED_HOSTS=testserver .venv/bin/python bench/page_times.py /members/ /goals/

Run `make bench` once first (it loads the ten-year data set into taskforce_bench_full). Prints each path's
median of 7 runs against /status/, its HTML size and query count. Not a benchmark: `make bench` is.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taskforce.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

import bench.django_side as side  # noqa: E402


def main(paths):
    side._staff_session()
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.force_login(get_user_model().objects.get(username=side.BENCH_USER))
    floor = None
    for path in ["/status/", *paths]:
        client.get(path)
        times = []
        for _ in range(7):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        median = statistics.median(times)
        floor = floor or median
        print(
            f"{path:45} {median:7.1f} ms {median / floor:5.1f}x {len(response.content) / 1024:7.1f} KB"
            f" {len(queries):3d} queries {response.status_code}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
