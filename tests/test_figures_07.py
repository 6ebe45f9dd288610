"""Lesson 07 figures: polls without false trends, wording effects, the Seoul–Tokyo record."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import figures  # noqa: E402

POLLS = pd.DataFrame({
    "sponsor": ["Gallup Korea (own survey)", "Gallup Korea (own survey)",
                "Korea Institute for National Unification", "Asan Institute for Policy Studies",
                "Asan Institute for Policy Studies",
                "Center for Strategic and International Studies"],
    "population": ["adults", "adults", "adults", "adults", "adults", "strategic elites"],
    "question_type": ["own_nuclear_weapons", "own_nuclear_weapons", "own_nuclear_weapons",
                      "own_nuclear_weapons", "us_nuclear_deployment", "own_nuclear_weapons"],
    "fieldwork_start": pd.to_datetime(["2013-02-01", "2024-11-12", "2022-01-01", "2022-11-10",
                                       "2022-11-10", "2024-01-15"]),
    "published": pd.to_datetime([None] * 6),
    "date_precision": ["day", "day", "year", "day", "day", "day"],
    "support_pct": [64.0, 66.0, 69.0, 64.3, 61.1, 34.0],
})



def test_polls_are_markers_only_with_no_line_joining_poll_years():
    ax = figures.own_weapons_polls(POLLS, tests=pd.DataFrame({"date": pd.to_datetime(
        ["2006-10-09", "2016-09-09"])}), declaration=pd.Timestamp("2023-04-26"))
    # only straight reference lines (50 % and the Declaration), never a line through polls
    for line in ax.get_lines():
        assert len(set(map(str, line.get_xdata()))) <= 1 or len(set(line.get_ydata())) <= 1
    title = ax.get_title(loc="left")
    assert "64–69%" in title and "elite survey: 34%" in title  # US-deployment row left out
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Gallup Korea" in labels and "North Korean nuclear test" in labels
    assert not any("question_type" in label or "_" in label for label in labels)
    assert ax.get_xlim()[0] > matplotlib.dates.date2num(pd.Timestamp("2010-01-01"))
    assert ax.figure.get_size_inches()[0] <= 9


def test_wording_effects_reports_the_largest_spread_inside_one_poll():
    multi = POLLS.iloc[3:5].assign(poll="Asan Institute, Nov 2022", when=POLLS["fieldwork_start"])
    ax = figures.wording_effects(multi)
    assert ax.get_title(loc="left").endswith("by up to 3 points")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["own weapons", "US weapons stationed in Korea"]


def test_seoul_tokyo_record_keeps_one_colour_per_kind():
    rows = pd.DataFrame({
        "date": pd.to_datetime(["2016-11-23", "2018-06-12", "2019-08-22"]),
        "date_precision": ["day", "day", "day"],
        "short": ["GSOMIA signed", "Trump remark", "GSOMIA notice"],
        "kind": ["Seoul–Tokyo cooperation", "US signal", "Seoul–Tokyo friction"]})
    ax = figures.seoul_tokyo_record(rows)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[-1] == "US signal" and set(labels) == set(rows["kind"])
    assert ax.get_title(loc="left") == "Seoul–Tokyo steps and US signals, 2016–2019"


def test_bad_input_gets_a_clear_message():
    with pytest.raises(ValueError, match="own_nuclear_weapons"):
        figures.own_weapons_polls(POLLS[POLLS["question_type"] != "own_nuclear_weapons"])
    with pytest.raises(ValueError, match="No style for question type"):
        figures.wording_effects(POLLS.assign(poll="x", when=POLLS["fieldwork_start"],
                                             question_type="other"))
    with pytest.raises(ValueError, match="needs the column"):
        figures.seoul_tokyo_record(pd.DataFrame({"date": [pd.Timestamp("2020-01-01")]}))
