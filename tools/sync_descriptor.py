"""Bring the counts in data/datapackage.json in line with the CSV files.

Each resource's ``sources`` entry summarises the sources its rows cite ("N sources
cited row by row ..., most cited producers: ..."), and some descriptions state a
row count ("38 rows"). After adding rows, run

    python tools/sync_descriptor.py

and then ``python tools/data_readme.py``; tests/test_datasets.py checks both.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from helpers.data import DataPackage, is_source_field, split_ids

ROOT = Path(__file__).resolve().parents[1]
TOP = 6


def summary(package: DataPackage, name: str) -> str:
    """The sources line of one resource, computed from its rows."""
    frame = package.load(name)
    cited = {i for c in frame.columns if is_source_field(c) for cell in frame[c]
             for i in split_ids(cell)}
    sources = package.load("sources").set_index("source_id")
    producers = Counter(str(sources.loc[i, "producer"])
                        for i in sorted(cited) if i in sources.index)
    top = [p for p, _ in producers.most_common(TOP)]
    return (f"{len(cited)} sources cited row by row in source_ids (see sources.csv); "
            f"most cited producers: {', '.join(top)}")


def sync(folder: Path = ROOT / "data") -> list[str]:
    """Rewrite the summaries and row counts; return the names of resources changed."""
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    package = DataPackage(folder)
    changed = []
    for resource in descriptor["resources"]:
        name = resource["name"]
        if name == "sources":
            continue
        before = json.dumps(resource)
        resource["sources"][0]["title"] = summary(package, name)
        rows = len(package.load(name))
        resource["description"] = re.sub(r"\b\d+ rows\b", f"{rows} rows", resource["description"])
        if json.dumps(resource) != before:
            changed.append(name)
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed


if __name__ == "__main__":
    print("updated:", ", ".join(sync()) or "nothing")
