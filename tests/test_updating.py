"""Staying current: review dates, the stale report and the README's "as of" line."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import helpers
from tools.stale import stale

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = json.loads((ROOT / "data" / "datapackage.json").read_text("utf-8"))["resources"]


def test_every_resource_states_when_it_was_reviewed():
    for resource in RESOURCES:
        assert dt.date.fromisoformat(resource["reviewed"]), resource["name"]


def test_the_stale_report_names_old_and_undated_resources():
    resources = [{"name": "fresh", "reviewed": "2026-12-01"},
                 {"name": "old", "reviewed": "2026-01-01"}, {"name": "undated"}]
    found = dict(stale(resources, dt.date(2026, 12, 3)))
    assert set(found) == {"old", "undated"}
    assert "336 days ago" in found["old"]
    assert stale(resources[:1], dt.date(2027, 5, 1)) == []


def test_readme_shows_the_as_of_date_of_the_current_data():
    readme = (ROOT / "README.md").read_text("utf-8")
    stated = re.search(r"current as of \*\*(\d{1,2} \w+ \d{4})\*\*", readme)
    assert stated, "README says which date the course is current as of"
    current = ("events", "deterrence_measures")
    reviewed = min(r["reviewed"] for r in RESOURCES if r["name"] in current)
    assert stated.group(1) == f"{dt.date.fromisoformat(reviewed):%-d %B %Y}"


def test_updating_guide_names_commands_that_exist():
    guide = (ROOT / "docs" / "updating.md").read_text("utf-8")
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in re.findall(r"make (\w+)", guide):
        assert re.search(rf"^{target}:", makefile, re.M), f"make {target} is not in the Makefile"


def test_readme_says_how_far_the_data_run():
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    stated = re.search(r"the data run to (\w+ \d{4})", readme)
    assert stated, "README says how far the data run"
    latest = helpers.load("events")["date"].max()
    assert stated.group(1) == f"{latest:%B %Y}", "update the README line after adding events"
