"""The benchmark: latency of every main page against a floor, query counts at two scales, PDF costs.

Run with `make bench`. It loads the synthetic data set (`seed_scale`) into two databases of the
project's PostgreSQL (a tenth and the full size), serves the full one with gunicorn as in
production (DEBUG=false, WhiteNoise, 2 workers), and prints one table, also written as JSON to
bench/results/. The Django admin's changelists of the same data are measured in the same run as a
reference. Each row is checked against the performance budget (PASS/MISS); the bench reports,
it does not fail the build.
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
sys.path.insert(0, str(ROOT))

from bench import linkage  # noqa: E402  (bench/linkage.py also runs alone)

PYTHON = str(ROOT / ".venv" / "bin" / "python")
RESULTS = ROOT / "bench" / "results"

# The performance budget (issue 12): what each printed PASS/MISS checks.
BUDGET = {
    "p95_vs_floor": 4,  # a page's p95 at most this many times the floor's p95 in the same run
    "queries": 15,  # at most this many queries, the same number at 0.1x and 1x data
    "html_kb": 300,  # a page's HTML at full scale
    "pdf_ratio": 1.15,  # a PDF through the app against WeasyPrint alone on its own HTML
}
# Seconds a page for the PDFs that have a target of their own.
PDF_SECONDS_PER_PAGE = {"pamphlet": 0.3}
# The floor is measured before every page and admin list, this many requests each time, and the run's floor is
# the median and 95th percentile of all of them together: a floor measured once, at the start, moved 1.8x between
# quiet runs (its p95 is the tail of a 5 ms request: one pause of the machine), and every ratio with it.
FLOOR_REQUESTS_EACH = 80


def database_url(name):
    base = (ROOT / ".pgdata.env").read_text().strip().split("=", 1)[1]
    return base.replace("/taskforce?", f"/{name}?")


# Loading and seeding run in debug mode with a development key (the settings default to production);
# the server measured runs as in production (SERVER_ENV).
DEVELOPMENT_ENV = {"DEBUG": "true", "SECRET_KEY": "development-key-for-the-bench"}


def manage(*args, db=None, env=None, capture=False):
    # Later mappings win: the server settings (SERVER_ENV) override the development ones.
    environment = {**os.environ, **DEVELOPMENT_ENV, **(env or {})}
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


def django_json(function, db, **kwargs):
    call = f"side.{function}(**{kwargs!r})"
    out = manage("shell", "-c", f"import bench.django_side as side; {call}", db=db, env=SERVER_ENV, capture=True)
    return json.loads(out.strip().splitlines()[-1])


def time_pdfs(words):
    """Each PDF (those whose names contain one of the words, if any) timed in a Django process of its own
    (bench/django_side.time_pdfs says why)."""
    names = django_json("pdf_names", "taskforce_bench_full")
    chosen = [name for name in names if not words or any(word in name for word in words)]
    return [django_json("time_pdfs", "taskforce_bench_full", name=name) for name in chosen]


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
    seconds = time.monotonic() - started
    # The planner's statistics, as autovacuum would gather them a minute later: without them the first pages
    # are planned for empty tables (the dashboard's orientation query took 20 ms instead of 3).
    manage(
        "shell",
        "-c",
        "from django.db import connection\nwith connection.cursor() as c:\n    c.execute('ANALYZE')",
        db=db,
    )
    return seconds


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
    """Latencies (ms) of `requests` GETs of path, `clients` at a time, each on its own keep-alive connection,
    and the size of one response body (KB) and its content type."""
    latencies, errors, lock, body = [], [], threading.Lock(), {}
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
            content = response.read()
            elapsed = (time.perf_counter() - started) * 1000
            for header in response.headers.get_all("Set-Cookie") or []:
                cookies.update({name: morsel.value for name, morsel in http.cookies.SimpleCookie(header).items()})
            if response.status != 200:
                with lock:
                    errors.append(response.status)
            elif index >= 2:  # the first two warm the connection and the worker
                with lock:
                    latencies.append(elapsed)
                    body.setdefault("kb", round(len(content) / 1024, 1))
                    body.setdefault("type", (response.getheader("Content-Type") or "").split(";")[0])
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(f"{path}: {len(errors)} responses were not 200 ({sorted(set(errors))})")
    return {**percentiles(latencies), "html_kb": body["kb"], "content_type": body["type"], "latencies": latencies}


def percentiles(latencies):
    latencies = sorted(latencies)
    return {
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "requests": len(latencies),
    }


def pooled_floor(floor_runs):
    """The run's floor: the percentiles of every slice's requests together, and the spread of the slices' p95s, to
    show how steady the machine was."""
    slice_p95s = [run["p95_ms"] for run in floor_runs]
    return {
        **percentiles([latency for run in floor_runs for latency in run["latencies"]]),
        "html_kb": floor_runs[0]["html_kb"],
        "slice_p95_ms": {
            "lowest": min(slice_p95s),
            "median": statistics.median(slice_p95s),
            "highest": max(slice_p95s),
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--skip-seed", action="store_true", help="reuse the data sets of the last run")
    parser.add_argument(
        "--only",
        help="measure only the pages, admin lists and PDFs whose names contain one of these words (comma-separated)",
    )
    parser.add_argument("--skip-pdfs", action="store_true", help="leave out the PDF timings")
    args = parser.parse_args()
    words = [word.strip() for word in (args.only or "").split(",") if word.strip()]

    def chosen(name):
        return not words or any(word in name for word in words)

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
    floor_runs = []

    def measure_after_floor(path):
        """The floor, then the page: each page is measured right after a slice of the floor."""
        floor_runs.append(measure(port, "/status/", setup["session"], FLOOR_REQUESTS_EACH, args.clients))
        return measure(port, path, setup["session"], args.requests, args.clients)

    try:
        pages = []
        for name, path in setup["pages"]:
            if not chosen(name):
                continue
            result = measure_after_floor(path)
            pages.append(
                {
                    "name": name,
                    "path": path,
                    **result,
                    "queries_small": small[name]["queries"],
                    "queries_full": full[name]["queries"],
                }
            )
            print(f"  {name}: p95 {result['p95_ms']} ms", flush=True)
        admin = []
        for name, path in setup["admin"]:
            if not chosen(name):
                continue
            result = measure_after_floor(path)
            admin.append({"name": name, "path": path, **result})
            print(f"  {name}: p95 {result['p95_ms']} ms", flush=True)
        if not floor_runs:  # --only chose no page and no admin list: the table still has its floor
            floor_runs.append(measure(port, "/status/", setup["session"], FLOOR_REQUESTS_EACH, args.clients))
    finally:
        server.terminate()
        server.wait(timeout=30)

    floor = pooled_floor(floor_runs)
    for row in [*pages, *admin]:
        del row["latencies"]
        row["p95_vs_floor"] = round(row["p95_ms"] / floor["p95_ms"], 2)
    admin = [
        {key: row[key] for key in ("name", "path", "p50_ms", "p95_ms", "p95_vs_floor", "html_kb")} for row in admin
    ]

    pdfs = [] if args.skip_pdfs else time_pdfs(words)
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "requests_per_page": args.requests,
        "clients": args.clients,
        "seed_seconds": seed_seconds,
        "floor": floor,
        "budget": BUDGET,
        "pages": pages,
        "admin": admin,
        "pdfs": pdfs,
        "linkage": linkage.measure(),  # issue 17: SLK-581 alone against the chosen keys
    }
    check_budget(report)
    print_table(report)
    linkage.print_table(report["linkage"])
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"bench-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    target.write_text(json.dumps(report, indent=2))
    print(f"\nWritten to {target.relative_to(ROOT)}")
    return 0  # the bench reports; it does not fail the build


def page_misses(page):
    """What a page misses of the budget (an empty list: it passes)."""
    misses = []
    if page["p95_vs_floor"] > BUDGET["p95_vs_floor"]:
        misses.append(f"p95 {page['p95_vs_floor']}x floor")
    if page["queries_small"] != page["queries_full"]:
        misses.append(f"queries {page['queries_small']} at 0.1x, {page['queries_full']} at 1x")
    if page["queries_full"] > BUDGET["queries"]:
        misses.append(f"{page['queries_full']} queries")
    if page["content_type"] == "text/html" and page["html_kb"] > BUDGET["html_kb"]:
        misses.append(f"{page['html_kb']} KB of HTML")
    return misses


def pdf_misses(pdf):
    misses = []
    if pdf["ratio"] > BUDGET["pdf_ratio"]:
        misses.append(f"{pdf['ratio']}x WeasyPrint alone")
    most = PDF_SECONDS_PER_PAGE.get(pdf["name"])
    if most is not None and pdf["seconds_per_page"] > most:
        misses.append(f"{pdf['seconds_per_page']} s a page")
    return misses


def check_budget(report):
    """Mark every page and PDF with what it misses of the budget; the summary goes in the report."""
    rows = [*report["pages"], *report["pdfs"]]
    for page in report["pages"]:
        page["misses"] = page_misses(page)
    for pdf in report["pdfs"]:
        pdf["misses"] = pdf_misses(pdf)
    missed = [row["name"] for row in rows if row["misses"]]
    report["summary"] = {"checked": len(rows), "passed": len(rows) - len(missed), "missed": missed}


def verdict(row):
    return "MISS " + "; ".join(row["misses"]) if row["misses"] else "PASS"


def print_table(report):
    floor = report["floor"]
    print(
        f"\n{report['date']} · {report['cores']} cores · {report['requests_per_page']} requests per page, "
        f"{report['clients']} clients"
    )
    header = f"{'page':<20}{'path':<34}{'p50 ms':>8}{'p95 ms':>8}{'p95/floor':>10}{'queries 0.1x':>13}{'queries 1x':>11}{'html KB':>9}  budget"
    print(header)
    print(
        f"{'floor':<20}{'/status/':<34}{floor['p50_ms']:>8}{floor['p95_ms']:>8}{1.0:>10}{'':>13}{'':>11}{floor['html_kb']:>9}"
        f"  ({floor['requests']} requests in {len(report['pages']) + len(report['admin'])} slices, one before each "
        f"page; a slice's p95 {floor['slice_p95_ms']['lowest']} to {floor['slice_p95_ms']['highest']} ms)"
    )
    for page in report["pages"]:
        print(
            f"{page['name']:<20}{page['path'][:33]:<34}{page['p50_ms']:>8}{page['p95_ms']:>8}"
            f"{page['p95_vs_floor']:>10}{page['queries_small']:>13}{page['queries_full']:>11}{page['html_kb']:>9}"
            f"  {verdict(page)}"
        )
    if report["admin"]:
        print("admin reference")
        for page in report["admin"]:
            print(
                f"{page['name']:<20}{page['path'][:33]:<34}{page['p50_ms']:>8}{page['p95_ms']:>8}"
                f"{page['p95_vs_floor']:>10}{'':>13}{'':>11}{page['html_kb']:>9}"
            )
    if report["pdfs"]:
        print(
            f"\n{'PDF':<24}{'render s':>10}{'WeasyPrint alone s':>20}{'ratio':>8}{'pages':>7}{'s/page':>8}{'runs':>6}  budget"
        )
        for pdf in report["pdfs"]:
            print(
                f"{pdf['name']:<24}{pdf['seconds']:>10}{pdf['weasyprint_seconds']:>20}{pdf['ratio']:>8}"
                f"{pdf['pages']:>7}{pdf['seconds_per_page']:>8}{pdf['runs']:>6}  {verdict(pdf)}"
            )
    summary = report["summary"]
    print(
        f"\nBudget (p95 <= {BUDGET['p95_vs_floor']}x floor, queries equal at both scales and <= {BUDGET['queries']}, "
        f"HTML <= {BUDGET['html_kb']} KB, PDF <= {BUDGET['pdf_ratio']}x WeasyPrint alone, pamphlet <= "
        f"{PDF_SECONDS_PER_PAGE['pamphlet']} s a page): {summary['passed']} of {summary['checked']} rows pass"
        + (f"; missed: {', '.join(summary['missed'])}" if summary["missed"] else "")
    )


if __name__ == "__main__":
    sys.exit(main())
