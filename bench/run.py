"""The benchmark: latency of every main page against a floor, query counts at two scales, PDF costs.

Run with `make bench`. It loads the synthetic data set (`seed_scale`) into two databases of the
project's PostgreSQL (a tenth and the full size), serves the full one with gunicorn as in
production (DEBUG=false, WhiteNoise, 2 workers), and prints one table, also written as JSON to
bench/results/.
"""

import argparse
import datetime
import http.client
import http.cookies
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
RESULTS = ROOT / "bench" / "results"


def database_url(name):
    base = (ROOT / ".pgdata.env").read_text().strip().split("=", 1)[1]
    return base.replace("/taskforce?", f"/{name}?")


def manage(*args, db=None, env=None, capture=False):
    environment = dict(os.environ, **(env or {}))
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    if db:
        environment["DATABASE_URL"] = database_url(db)
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=environment, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else None


# The server and the process that makes its session must share the secret key.
SERVER_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "bench-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_SSL_REDIRECT": "false",
    "LOG_LEVEL": "ERROR",
}


def django_json(function, db):
    out = manage(
        "shell", "-c", f"import bench.django_side as side; side.{function}()", db=db, env=SERVER_ENV, capture=True
    )
    return json.loads(out.strip().splitlines()[-1])


def prepare(db, scale):
    manage(
        "shell",
        "-c",
        f"""
from django.db import connection
with connection.cursor() as c:
    c.execute("DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    c.execute("CREATE DATABASE {db}")
""",
    )
    manage("migrate", "--noinput", "-v0", db=db)
    started = time.monotonic()
    manage("seed_scale", "--scale", str(scale), db=db)
    return time.monotonic() - started


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(db, port, extra_env=None):
    env = dict(os.environ, DATABASE_URL=database_url(db), **SERVER_ENV, **(extra_env or {}))
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "taskforce.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def measure(port, path, session, requests, clients):
    """Latencies (ms) of `requests` GETs of path, `clients` at a time, each on its own keep-alive connection."""
    latencies, errors, lock = [], [], threading.Lock()
    per_client = max(1, requests // clients)

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        # Like a browser: the session cookie, plus any cookie a response sets (the CSRF cookie).
        cookies = {"sessionid": session}
        for index in range(per_client + 2):
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "X-Forwarded-Proto": "https"}
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            for header in response.headers.get_all("Set-Cookie") or []:
                cookies.update({name: morsel.value for name, morsel in http.cookies.SimpleCookie(header).items()})
            if response.status != 200:
                with lock:
                    errors.append(response.status)
            elif index >= 2:  # the first two warm the connection and the worker
                with lock:
                    latencies.append(elapsed)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(f"{path}: {len(errors)} responses were not 200 ({sorted(set(errors))})")
    latencies.sort()
    return {
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "requests": len(latencies),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--skip-seed", action="store_true", help="reuse the data sets of the last run")
    args = parser.parse_args()

    seed_seconds = {}
    if not args.skip_seed:
        for db, scale in (("taskforce_bench_small", 0.1), ("taskforce_bench_full", 1.0)):
            print(f"Loading scale {scale} into {db}...", flush=True)
            seed_seconds[db] = round(prepare(db, scale), 1)

    manage("collectstatic", "--noinput", "-v0", env=SERVER_ENV)
    small = django_json("count_queries", "taskforce_bench_small")
    full = django_json("count_queries", "taskforce_bench_full")
    setup = django_json("setup", "taskforce_bench_full")

    port = free_port()
    server = start_gunicorn("taskforce_bench_full", port)
    try:
        floor = measure(port, "/status/", setup["session"], args.requests, args.clients)
        pages = []
        for name, path in setup["pages"]:
            result = measure(port, path, setup["session"], args.requests, args.clients)
            pages.append(
                {
                    "name": name,
                    "path": path,
                    **result,
                    "p95_vs_floor": round(result["p95_ms"] / floor["p95_ms"], 2),
                    "queries_small": small[name]["queries"],
                    "queries_full": full[name]["queries"],
                }
            )
            print(f"  {name}: p95 {result['p95_ms']} ms", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)

    pdfs = django_json("time_pdfs", "taskforce_bench_full")
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "requests_per_page": args.requests,
        "clients": args.clients,
        "seed_seconds": seed_seconds,
        "floor": floor,
        "pages": pages,
        "pdfs": pdfs,
    }
    print_table(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"bench-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    target.write_text(json.dumps(report, indent=2))
    print(f"\nWritten to {target.relative_to(ROOT)}")
    return 0 if meets_targets(report) else 1


def meets_targets(report):
    ok = True
    for page in report["pages"]:
        if page["p95_vs_floor"] > 3 or page["queries_small"] != page["queries_full"] or page["queries_full"] > 15:
            ok = False
    for pdf in report["pdfs"]:
        if pdf["ratio"] > 1.25:
            ok = False
    print("\nTargets (p95 <= 3x floor, equal query counts <= 15, PDF <= 1.25x WeasyPrint):", "met" if ok else "MISSED")
    return ok


def print_table(report):
    floor = report["floor"]
    print(
        f"\n{report['date']} · {report['cores']} cores · {report['requests_per_page']} requests per page, "
        f"{report['clients']} clients"
    )
    print(f"{'page':<20}{'path':<34}{'p50 ms':>8}{'p95 ms':>8}{'p95/floor':>10}{'queries 0.1x':>13}{'queries 1x':>11}")
    print(f"{'floor':<20}{'/status/':<34}{floor['p50_ms']:>8}{floor['p95_ms']:>8}{1.0:>10}{'':>13}{'':>11}")
    for page in report["pages"]:
        print(
            f"{page['name']:<20}{page['path'][:33]:<34}{page['p50_ms']:>8}{page['p95_ms']:>8}"
            f"{page['p95_vs_floor']:>10}{page['queries_small']:>13}{page['queries_full']:>11}"
        )
    if report["pdfs"]:
        print(f"\n{'PDF':<24}{'render s':>10}{'WeasyPrint alone s':>20}{'ratio':>8}{'runs':>6}")
        for pdf in report["pdfs"]:
            print(
                f"{pdf['name']:<24}{pdf['seconds']:>10}{pdf['weasyprint_seconds']:>20}{pdf['ratio']:>8}{pdf['runs']:>6}"
            )


if __name__ == "__main__":
    sys.exit(main())
