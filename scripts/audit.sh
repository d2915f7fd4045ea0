#!/usr/bin/env bash
# Known vulnerabilities in the installed dependencies (pip-audit, PyPI's advisory data).
# Fails on any known vulnerability. pip-audit needs PyPI's per-release JSON API (or OSV); where the
# network reaches neither, every package comes back "could not be audited": this says so loudly,
# names how many, and does not fail, since nothing was found and nothing could be checked.
set -euo pipefail
cd "$(dirname "$0")/.."
report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
.venv/bin/pip-audit --local --progress-spinner off --format json --output "$report" 2>/dev/null || status=$?
.venv/bin/python - "$report" "$status" <<'PY'
import json
import sys

path, status = sys.argv[1], int(sys.argv[2])
try:
    with open(path, encoding="utf-8") as handle:
        dependencies = json.load(handle)["dependencies"]
except (OSError, ValueError, KeyError):
    print(f"pip-audit failed (exit {status}) before writing its report")
    sys.exit(1)
vulnerable = [d for d in dependencies if d.get("vulns")]
skipped = [d for d in dependencies if "skip_reason" in d]
audited = len(dependencies) - len(skipped)
for dependency in vulnerable:
    for vulnerability in dependency["vulns"]:
        fixes = ", ".join(vulnerability.get("fix_versions") or []) or "no fixed release yet"
        print(f"VULNERABLE {dependency['name']} {dependency['version']}: {vulnerability['id']} (fixed in {fixes})")
if vulnerable:
    sys.exit(1)
if audited == 0:
    print(f"pip-audit: NOT AUDITED. No vulnerability service answered for any of {len(skipped)} packages")
    print("  (this network does not reach PyPI's per-release JSON API or api.osv.dev).")
else:
    print(f"pip-audit: {audited} packages audited, no known vulnerability; {len(skipped)} could not be audited.")
PY
