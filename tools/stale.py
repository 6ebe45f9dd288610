"""`make stale`: which datasets have not been reviewed in the last six months.

Every resource in ``data/datapackage.json`` records ``reviewed``, the date up to
which its rows were checked against the record. This prints a report; it never
fails because the calendar moved (CI does not run it). See docs/updating.md.

    python tools/stale.py              # as of today
    python tools/stale.py --today 2027-07-01
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MONTHS = 6


def stale(resources: list[dict], today: dt.date, months: int = MONTHS) -> list[tuple[str, str]]:
    """(name, reason) for every resource not reviewed within ``months`` of ``today``.

    >>> rows = [{"name": "events", "reviewed": "2026-12-03"}, {"name": "polls"}]
    >>> stale(rows, dt.date(2027, 7, 1))
    [('events', 'last reviewed 2026-12-03, 210 days ago'), ('polls', 'no reviewed date')]
    >>> stale(rows[:1], dt.date(2027, 1, 1))
    []
    """
    limit = today - dt.timedelta(days=round(months * 30.44))
    found = []
    for resource in resources:
        reviewed = resource.get("reviewed")
        if not reviewed:
            found.append((resource["name"], "no reviewed date"))
            continue
        when = dt.date.fromisoformat(reviewed)
        if when < limit:
            age = (today - when).days
            found.append((resource["name"], f"last reviewed {reviewed}, {age} days ago"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args(argv)
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    found = stale(package["resources"], args.today)
    if not found:
        print(f"All {len(package['resources'])} datasets reviewed within {MONTHS} months "
              f"of {args.today}.")
    for name, reason in found:
        print(f"{name}: {reason} - see docs/updating.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
