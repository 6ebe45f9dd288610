"""Lesson 04 figures: axes in, axes out; labels that do not collide; clear errors."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.text import Text

from helpers import figures, load

MOMENTS = pd.DataFrame(
    {
        "date": pd.to_datetime(["2004-05-17", "2004-07-23", "2004-08-03", "2004-10-06",
                                "1990-09-30"]),
        "label": ["brigade to Iraq", "Yongsan deal", "Zaytun deploys", "troop cut phased",
                  "ties with Moscow"],
        "lane": pd.Categorical(["US posture", "US posture", "Seoul abroad", "US posture",
                                "diplomacy"],
                               categories=["diplomacy", "US posture", "Seoul abroad", "unused"]),
    }
)



def _boxes(ax):
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    return [Text.get_window_extent(t, renderer) for t in ax.texts]


def test_alliance_lanes_draws_on_given_axes_one_lane_per_theme():
    fig, ax = plt.subplots(figsize=(9, 5))
    out = figures.alliance_lanes(MOMENTS, ax=ax, title="Moments")
    assert out is ax
    assert ax.get_title() == "Moments"
    # lanes in category order, unused categories dropped
    assert [t.get_text() for t in ax.get_yticklabels()] == ["diplomacy", "US posture",
                                                            "Seoul abroad"]
    assert len(ax.texts) == len(MOMENTS)


def test_alliance_lanes_labels_of_close_events_do_not_overlap():
    ax = figures.alliance_lanes(MOMENTS)
    boxes = _boxes(ax)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)


def test_alliance_lanes_labels_show_month_and_year():
    ax = figures.alliance_lanes(MOMENTS)
    assert "ties with Moscow\nSep 1990" in [t.get_text() for t in ax.texts]


def test_alliance_lanes_errors_are_clear():
    with pytest.raises(ValueError, match="lane"):
        figures.alliance_lanes(MOMENTS.drop(columns="lane"))
    with pytest.raises(ValueError, match="empty"):
        figures.alliance_lanes(MOMENTS.iloc[0:0])


def test_troops_and_moments_one_bar_per_year_coloured_by_producer():
    troops = load("usfk_troops")
    default = troops[troops["is_default"] & troops["year"].between(2000, 2010)]
    moments = pd.DataFrame({"date": pd.to_datetime(["2004-05-17"]), "label": ["brigade"]})
    ax = figures.troops_and_moments(default, moments, title="Troops", source="DoD")
    assert len(ax.patches) == len(default)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == list(dict.fromkeys(default["producer"]))
    assert "thousands" in ax.get_ylabel()
    # the event line sits inside 2004's bar span
    line = [x for x in ax.lines if x.get_linestyle() == "--"][0]
    assert 2003.5 < line.get_xdata()[0] < 2004.5
    assert any(t.get_text() == "Source: DoD" for t in ax.texts)


def test_troops_and_moments_refuses_two_producers_in_one_year():
    troops = load("usfk_troops")
    both = troops[troops["year"] == 2008]
    with pytest.raises(ValueError, match="one row per year"):
        figures.troops_and_moments(both)
