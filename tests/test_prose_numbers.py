"""Numbers written in the notebooks' prose still match the data they describe.

A number in markdown that describes the data is either computed in a code cell next to it or
listed here: (notebook, the exact phrase in its markdown, a function computing the number).
The phrase must appear in the notebook, and the number in it (in digits or as an English word)
must equal what the function computes today. Add a row when you write such a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

import helpers
from helpers import figures

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"]


def _events(*ids: str):
    frame = helpers.load("events").set_index("id")
    return frame.loc[list(ids)]


def _japan_counts():
    launches = helpers.load("missile_launches")
    return launches[launches["counting_rule"] == "ballistic_missiles_jpn_mod"].set_index("year")


def _days(first: str, second: str) -> int:
    dates = _events(first, second)["date"]
    return int((dates.iloc[1] - dates.iloc[0]).days)


PROSE: list[tuple[str, str, Callable[[], int]]] = [
    ("00-start-here", "the figure picks nine milestones", lambda: len(figures.START_MILESTONES)),
    ("01-origins", "twelve days after the armistice",
     lambda: _days("armistice-signed-1953", "mdt-initialed-1953")),
    ("01-origins", "within twelve days of the invasion",
     lambda: _days("nk-invasion-1950", "unsc-res-84-1950")),
    ("01-origins", "signed in Washington (day 54,",
     lambda: _days("mdt-initialed-1953", "mdt-signed-1953")),
    ("01-origins", "ratifications in Washington (day 466,",
     lambda: _days("mdt-initialed-1953", "mdt-in-force-1954")),
    ("01-origins", "and 412 days", lambda: _days("mdt-signed-1953", "mdt-in-force-1954")),
    ("03-north-korea-goes-nuclear", "and 2023 (2023 is not drawn",
     lambda: int(_japan_counts().index.max())),
    ("09-since-2024", "Under Japan's rule the table reaches 2023",
     lambda: int(_japan_counts().index.max())),
    ("09-since-2024", "25 missiles on 18 occasions",
     lambda: int(_japan_counts().loc[_japan_counts().index.max(), "count"])),
]


def number_in(phrase: str) -> int:
    digits = re.search(r"\d[\d,]*", phrase)
    if digits:
        return int(digits.group(0).replace(",", ""))
    found = [WORDS.index(w) for w in re.findall(r"[a-z]+", phrase.lower()) if w in WORDS]
    assert len(found) == 1, f"write exactly one number in {phrase!r}"
    return found[0]


def markdown(stem: str) -> str:
    notebook = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    return " ".join(text.split())


@pytest.mark.parametrize(("stem", "phrase", "compute"), PROSE, ids=[p[1] for p in PROSE])
def test_number_in_prose_matches_the_data(stem, phrase, compute):
    assert phrase in markdown(stem), f"{stem}: phrase not found (reworded? update this table)"
    assert number_in(phrase) == compute(), f"{stem}: {phrase!r} no longer matches the data"


def test_number_words_are_read_correctly():
    assert number_in("the figure picks nine milestones") == 9
    assert number_in("about 25,000 prisoners") == 25000
    assert number_in("twelve days after") == 12


def _runs(years: list[int]) -> list[str]:
    """Consecutive years as written in the prose: 1992-94, 2001-02, 2019."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return [f"{r[0]}-{str(r[-1])[2:]}" if len(r) > 1 else str(r[0]) for r in runs]


def test_the_cost_sharing_gaps_named_in_09_are_the_years_without_data():
    years = set(helpers.load("cost_sharing")["year"].astype(int))
    missing = sorted(set(range(min(years), max(years) + 1)) - years)
    phrase = "The gaps (" + ", ".join(_runs(missing)) + ") are years"
    assert phrase in markdown("09-since-2024"), f"09's alt text should say: {phrase!r}"


def test_year_runs_are_written_as_in_the_prose():
    assert _runs([1992, 1993, 1994, 1996, 2001]) == ["1992-94", "1996", "2001"]
