"""The loader and the reference implementation of Table Schema agree.

Every bad CSV of ``tests/test_bad_input.py`` is validated by Frictionless
(``frictionless validate``, the reference implementation) as well as loaded by
``helpers``: both must refuse it. A few rules go beyond what Table Schema can
say; they are listed in ``LOADER_ONLY`` with the reason, and the test checks
that Frictionless still accepts them (so the list cannot silently go stale).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.data import DataError, DataPackage
from tests.test_bad_input import CSV_CASES, DESCRIPTOR, EVENTS, write_package

ROOT = Path(__file__).resolve().parents[1]

#: rules the loader enforces that Table Schema cannot express, and why
LOADER_ONLY = {
    "title-leading-space": "Table Schema keeps spaces in text; the loader refuses them",
    "whitespace-only-required": "Table Schema counts only an empty cell as missing",
    "no-break-space": "Table Schema keeps spaces in text; the loader refuses them",
    "unknown-source-id": "source_ids is a list-valued foreign key, which Table Schema "
                         "cannot declare",
    "integer-overflow": "Table Schema integers have no size limit; pandas' Int64 has",
    "header-trailing-space": "Frictionless trims the header's labels; the loader wants them "
                             "exact, as a trailing space breaks every column lookup in pandas",
    "date-without-padding": "Frictionless reads 1954-11-7; the loader asks for YYYY-MM-DD",
    "month-precision-not-first": "date_precision is a course convention, not Table Schema",
    "year-precision-with-day": "date_precision is a course convention, not Table Schema",
    "stray-quote": "Python's csv module keeps a quote inside an unquoted value; RFC 4180 and "
                   "the loader do not",
    "header-only": "a table without rows is valid Table Schema; the loader refuses it",
}


def frictionless_rejects(folder: Path) -> bool:
    """Validate with the Python API of Frictionless (the same code as its CLI)."""
    from frictionless import Package, system

    try:
        with system.use_context(trusted=True):
            report = Package(str(folder / "datapackage.json")).validate()
    except Exception:  # noqa: BLE001 - Frictionless refusing to read counts as a rejection
        return True
    return not report.valid


def utf8_descriptor() -> dict:
    descriptor = copy.deepcopy(DESCRIPTOR)
    for resource in descriptor["resources"]:
        resource["encoding"] = "utf-8"  # as in data/datapackage.json: no guessing
    return descriptor


def loader_rejects(folder: Path) -> bool:
    try:
        DataPackage(folder).load("events")
    except DataError:
        return True
    return False


def test_both_accept_the_valid_fixture(tmp_path):
    folder = write_package(tmp_path, descriptor=utf8_descriptor())
    assert not frictionless_rejects(folder)
    assert not loader_rejects(folder)


@pytest.mark.parametrize("case", CSV_CASES, ids=[c[0] for c in CSV_CASES])
def test_both_refuse_each_bad_csv(tmp_path, case):
    name, change, _ = case
    folder = write_package(tmp_path, events=change(EVENTS), descriptor=utf8_descriptor())
    assert loader_rejects(folder), f"{name}: the loader accepted it"
    if name in LOADER_ONLY:
        assert not frictionless_rejects(folder), (
            f"{name}: Frictionless now refuses it too; remove it from LOADER_ONLY"
        )
    else:
        assert frictionless_rejects(folder), f"{name}: Frictionless accepted it"


def test_loader_only_rules_name_real_cases():
    assert set(LOADER_ONLY) <= {c[0] for c in CSV_CASES}


def test_the_frictionless_command_line_agrees_on_the_course_data():
    frictionless = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(frictionless), "validate", "--trusted", "datapackage.json"],
        cwd=ROOT / "data", capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    DataPackage(ROOT / "data").load("events")  # and the loader accepts it too
    assert json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
