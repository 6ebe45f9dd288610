"""Lesson 00: the start notebook's figure, its table helper and its exercise feedback."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import pandas as pd
import pytest

import helpers
from helpers import figures
from helpers.checks import check

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "00-start-here.ipynb"



def test_milestones_fit_the_column_and_label_every_event():
    ax = figures.milestones(helpers.load("events"))
    width, _ = ax.figure.get_size_inches()
    assert width <= figures.MAX_WIDTH
    labels = [t.get_text() for t in ax.texts]
    assert sum("\n" in t for t in labels) == len(figures.START_MILESTONES)
    assert any(t.startswith("Source:") for t in labels)
    assert ax.get_title(loc="left").startswith("From war and treaty")


def test_milestones_draw_on_given_axes_and_name_unknown_ids():
    fig, ax = plt.subplots()
    assert figures.milestones(helpers.load("events"), ax=ax) is ax
    with pytest.raises(ValueError, match="no-such-event"):
        figures.milestones(helpers.load("events"), ids=["no-such-event"])


def test_readable_writes_dates_as_precisely_as_known_and_blanks_as_dash():
    rows = pd.DataFrame({
        "date": pd.to_datetime(["1955-01-01", "1958-01-01", "1953-07-27"]),
        "date_precision": ["year", "month", "day"],
        "place": [None, "", "Panmunjom"],
    })
    table = figures.readable(rows, ["date", "place"])
    assert table.frame["date"].tolist() == ["1955", "Jan 1958", "27 Jul 1953"]
    assert table.frame["place"].tolist() == ["—", "—", "Panmunjom"]
    html = table._repr_html_()
    assert "text-align:left" in html and "NaN" not in html and "NaT" not in html


def test_readable_formats_other_date_columns_to_the_day_and_escapes_html():
    rows = pd.DataFrame({"signed_date": pd.to_datetime(["1953-10-01", None]),
                         "title": ["<b>Treaty</b>", "x"]})
    table = figures.readable(rows)
    assert table.frame["signed_date"].tolist() == ["1 Oct 1953", "—"]
    assert "&lt;b&gt;" in table._repr_html_()


def test_readable_names_a_missing_column():
    with pytest.raises(ValueError, match="nope"):
        figures.readable(pd.DataFrame({"a": [1]}), ["nope"])


# -- the lesson's exercise checks: typical wrong answers get targeted feedback --------------


def run_check(number: int, answer: object) -> str:
    cells = nbformat.read(NOTEBOOK, as_version=4).cells
    source = next(c.source for c in cells
                  if "check" in c.metadata.get("tags", []) and f'"Exercise {number}"' in c.source)
    namespace = {"check": check, f"answer_{number}": answer}
    exec(compile(source, "check", "exec"), namespace)  # noqa: S102
    return eval(compile(source, "check", "eval"), namespace).message  # noqa: S307


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (pd.Timestamp("2006-10-08"), "correct"),
        (pd.Timestamp("2006-10-09"), "date in Korea and in UTC"),
        (pd.Timestamp("2006-10-10"), "wrong way"),
    ],
)
def test_exercise_1_names_the_time_zone_mistake(answer, says):
    assert says in run_check(1, answer)


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (pd.Timestamp("1954-11-17"), "correct"),
        (pd.Timestamp("1953-10-01"), "signature"),
        (pd.Timestamp("1953-08-08"), "initialled"),
        (pd.Timestamp("1954-11-18"), "Korean treaty records"),
        (pd.Timestamp("1953-07-27"), "armistice"),
    ],
)
def test_exercise_2_names_the_step_that_was_confused(answer, says):
    assert says in run_check(2, answer)
