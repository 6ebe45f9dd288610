"""Every dataset in data/: valid, typed as its schema says, and fully sourced."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers.data import DataPackage, is_slug, is_source_field, split_ids

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DESCRIPTOR["resources"]}
NAMES = sorted(RESOURCES)
DTYPES = {"integer": "Int64", "year": "Int64", "number": "float64",
          "date": "datetime64[ns]", "boolean": "boolean", "string": "string"}


def test_frictionless_validates_the_package():
    from frictionless import Package, system

    with system.use_context(trusted=True):
        report = Package(str(DATA / "datapackage.json")).validate()
    problems = [err.message for task in report.tasks for err in task.errors][:10]
    assert report.valid, "\n".join(problems)


def test_every_csv_is_described_and_every_description_has_a_file():
    files = {p.name for p in DATA.glob("*.csv")}
    described = {r["path"] for r in DESCRIPTOR["resources"]}
    assert files == described


def test_list_datasets_matches_the_descriptor():
    assert helpers.list_datasets() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_dataset_loads_with_schema_dtypes(name):
    frame = helpers.load(name)
    assert len(frame) > 0
    for field in RESOURCES[name]["schema"]["fields"]:
        column = frame[field["name"]]
        if "enum" in field.get("constraints", {}):
            assert isinstance(column.dtype, pd.CategoricalDtype), field["name"]
            assert list(column.cat.categories) == field["constraints"]["enum"]
            assert column.cat.ordered == bool(field.get("categoriesOrdered")), field["name"]
        else:
            assert str(column.dtype) == DTYPES[field.get("type", "string")], field["name"]


@pytest.mark.parametrize("name", NAMES)
def test_dataset_is_documented(name):
    resource = RESOURCES[name]
    assert resource.get("title") and len(resource.get("description", "")) > 40
    for field in resource["schema"]["fields"]:
        assert field.get("description"), f"{name}.{field['name']} has no description"
        if field.get("type") in ("integer", "number"):
            assert field.get("unit"), f"{name}.{field['name']} is a number without a unit"
    assert resource["schema"].get("primaryKey"), f"{name} declares no primary key"
    assert resource.get("licenses") and resource.get("sources")
    if name != "sources":
        # the summary of sources in the descriptor matches the rows
        stated = int(re.match(r"(\d+) sources cited", resource["sources"][0]["title"]).group(1))
        frame = helpers.load(name)
        cited = {i for c in frame.columns if is_source_field(c) for cell in frame[c]
                 for i in split_ids(cell)}
        assert stated == len(cited), f"{name}: update the sources summary in datapackage.json"


@pytest.mark.parametrize("name", [n for n in NAMES if n != "sources"])
def test_every_row_cites_a_source_that_resolves(name):
    frame = helpers.load(name)
    source_columns = [c for c in frame.columns if is_source_field(c)]
    assert source_columns, f"{name} has no source_ids column"
    known = set(helpers.load("sources")["source_id"])
    for row, cells in frame[source_columns].iterrows():
        ids = [i for cell in cells for i in split_ids(cell)]
        assert ids, f"{name} row {row} has no source"
        assert set(ids) <= known, f"{name} row {row}: {set(ids) - known}"


@pytest.mark.parametrize("name", [n for n in NAMES if "id" in
                                  [f["name"] for f in RESOURCES[n]["schema"]["fields"]]])
def test_ids_are_slugs(name):
    ids = helpers.load(name)["id"]
    bad = [i for i in ids if not is_slug(i)]
    assert not bad, bad


def test_every_source_is_cited_and_complete():
    """Each source backs a data row or is cited by id in a notebook or a doc."""
    sources = helpers.load("sources")
    prose = " ".join(
        p.read_text(encoding="utf-8")
        for folder in ("notebooks", "docs", "assignments")
        for p in (ROOT / folder).glob("**/*")
        if p.suffix in (".ipynb", ".md") and ".ipynb_checkpoints" not in p.parts
    )
    words = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", prose))
    cited = {s for s in sources["source_id"] if s in words}
    for name in NAMES:
        if name == "sources":
            continue
        frame = helpers.load(name)
        for column in [c for c in frame.columns if is_source_field(c)]:
            cited.update(i for cell in frame[column] for i in split_ids(cell))
    unused = set(sources["source_id"]) - cited
    assert not unused, f"sources never cited: {sorted(unused)}"
    assert all(is_slug(s) for s in sources["source_id"])
    # a URL or a full citation (producer, title and date)
    incomplete = sources[sources["url"].isna() & sources["published"].isna()]
    assert incomplete.empty, incomplete["source_id"].tolist()
    assert sources["accessed"].notna().all()


def test_data_readme_is_generated_from_the_descriptor():
    from tools.data_readme import render

    assert (DATA / "README.md").read_text(encoding="utf-8") == render(DESCRIPTOR), (
        "data/README.md is out of date: run `python tools/data_readme.py`"
    )


def test_the_installed_package_reads_the_same_data():
    assert DataPackage(helpers.data.default_data_dir()).names == NAMES
