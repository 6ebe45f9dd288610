"""Lesson 02 figures: drawn from small frames, axes in and out, clear errors."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import figures

COUNTS = pd.Series([66531, 52197, 40740, 41000], index=[1969, 1970, 1971, 1973])
TROOPS = pd.DataFrame({
    "year": [2008, 2008, 2008, 2009],
    "producer": ["update", "rebuild", "bsr", "update"],
    "troops": [25771, 50975, 27968, 26604],
    "is_default": [True, False, False, True],
})



def test_troop_levels_breaks_the_line_at_a_missing_year():
    ax = figures.troop_levels(COUNTS, title="T", source="DoD")
    line = ax.get_lines()[0]
    ys = np.asarray(line.get_ydata(), dtype=float)
    assert list(line.get_xdata()) == [1969, 1970, 1971, 1972, 1973]
    assert np.isnan(ys[3]), "1972 has no figure, so the line must break there"
    assert ax.get_title() == "T"
    assert ax.texts[-1].get_text() == "Source: DoD"


def test_troop_levels_keeps_labels_of_adjacent_years_apart():
    events = pd.DataFrame({"year": [1977, 1978, 1979, 1979],
                           "label": ["Carter's plan", "CFC set up", "suspended", "other"]})
    fig, ax = plt.subplots(figsize=(9, 4.5))
    assert figures.troop_levels(COUNTS, events=events, ax=ax) is ax
    assert [t.get_text() for t in ax.texts] == ["Carter's plan", "CFC set up", "suspended / other"]
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), "two event labels overlap"


def test_troop_levels_rejects_bad_input_clearly():
    with pytest.raises(ValueError, match="non-empty Series"):
        figures.troop_levels(pd.Series(dtype=float))
    with pytest.raises(ValueError, match="by year"):
        figures.troop_levels(pd.Series([1.0], index=["1969"]))
    with pytest.raises(ValueError, match="label"):
        figures.troop_levels(COUNTS, events=pd.DataFrame({"year": [1970]}))


def test_troops_by_producer_draws_each_producer_and_labelled_levels():
    ax = figures.troops_by_producer(
        TROOPS, names={"update": "update", "rebuild": "rebuild", "bsr": "BSR"},
        start=2008, end=2009, levels={"28,500: stated level": 28500, "22,000: floor": 22000})
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["default series", "update", "rebuild", "BSR"]
    assert [t.get_text() for t in ax.texts] == ["28,500: stated level", "22,000: floor"]
    assert ax.get_ylim()[1] > 50975


def test_troops_by_producer_rejects_an_empty_period_and_missing_columns():
    with pytest.raises(ValueError, match="No troop figures"):
        figures.troops_by_producer(TROOPS, names={}, start=1950, end=1951)
    with pytest.raises(ValueError, match="is_default"):
        figures.troops_by_producer(TROOPS.drop(columns="is_default"), names={},
                                   start=2008, end=2009)
