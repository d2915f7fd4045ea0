"""How well the unduplicated count links: SLK-581 alone against the chosen set of keys, on a synthetic
population of 10,000 people across 25 agencies with realistic noise (reports/linkage_population.py).

Precision and recall are over pairs of rows: a pair the keys join that is truly one person is a true link.
Run alone with `python bench/linkage.py` (`--explore` adds the set less each key, which is how the set was
chosen); `make bench` (bench/run.py) runs it too and writes the rows into its JSON under "linkage".
"""

import argparse
import json
import sys
import time
from collections import Counter
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reports import linkage
from reports.linkage_population import population

PASSPHRASE = "bench passphrase, never a real one"  # noqa: S105 (synthetic data only)
YEAR = 2025
CHOSEN_LABEL = f"SLK-581 + {len(linkage.CHOSEN) - 1} keys (docs/linkage.md)"


def _pairs(groups) -> int:
    return sum(comb(size, 2) for size in Counter(groups).values())


def label(keys) -> str:
    if tuple(keys) == linkage.SLK_ONLY:
        return "SLK-581"
    if tuple(keys) == linkage.CHOSEN:
        return CHOSEN_LABEL
    return "less " + ", ".join(k for k in linkage.CHOSEN if k not in keys)


def score(records, keys, secret) -> dict:
    rows = [linkage.row_digests(record.row, secret=secret, keys=keys) for record in records]
    groups = linkage.clusters(rows, keys=keys)
    truth = [record.person for record in records]
    linked = _pairs(groups)
    true_links = _pairs(truth)
    right = _pairs(list(zip(groups, truth, strict=True)))
    counted = linkage.count_people(
        [(record.agency, digests) for record, digests in zip(records, rows, strict=True)], keys=keys
    )
    agencies_of: dict[int, set[str]] = {}
    for record in records:
        agencies_of.setdefault(record.person, set()).add(record.agency)
    return {
        "keys": label(keys),
        "precision": round(right / linked, 4) if linked else 1.0,
        "recall": round(right / true_links, 4) if true_links else 1.0,
        "people_counted": counted.people,
        "people_true": len(agencies_of),
        "more_than_one_counted": counted.by_more_than_one,
        "more_than_one_true": sum(1 for agencies in agencies_of.values() if len(agencies) > 1),
        "rows": len(records),
        "rows_without_keys": sum(1 for digests in rows if not any(digests)),
    }


def measure(*, people=10_000, agencies=25, explore=False) -> list[dict]:
    records = population(people=people, agencies=agencies)
    secret = linkage.derive_secret(passphrase=PASSPHRASE, year=YEAR)
    sets = [linkage.SLK_ONLY, linkage.CHOSEN]
    if explore:
        sets += [tuple(k for k in linkage.CHOSEN if k != left_out) for left_out in linkage.CHOSEN]
    return [score(records, keys, secret) for keys in sets]


def print_table(rows) -> None:
    print(f"\nUnduplicated count: linkage on {rows[0]['rows']:,} rows of {rows[0]['people_true']:,} synthetic people")
    print(f"{'keys':<60}{'precision':>10}{'recall':>8}{'people':>9}{'(true)':>8}{'>1 agency':>10}{'(true)':>8}")
    for row in rows:
        print(
            f"{row['keys'][:59]:<60}{row['precision']:>10.4f}{row['recall']:>8.4f}{row['people_counted']:>9,}"
            f"{row['people_true']:>8,}{row['more_than_one_counted']:>10,}{row['more_than_one_true']:>8,}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--agencies", type=int, default=25)
    parser.add_argument("--explore", action="store_true", help="also the chosen set less each of its keys")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    started = time.perf_counter()
    rows = measure(people=args.people, agencies=args.agencies, explore=args.explore)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print_table(rows)
        print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
