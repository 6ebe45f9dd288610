"""Lesson 03 figures: drawn from small frames, axes in and out, clear errors."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import figures

TESTS = pd.DataFrame({
    "test_number": [1, 6],
    "date": pd.to_datetime(["2006-10-09", "2017-09-03"]),
    "seismic_magnitude_mb": [4.3, 6.3],
    "yield_kt_low": [0.55, 50.0], "yield_kt_high": [0.55, 60.0],
    "yield_estimator": ["KIGAM", "Korea Meteorological Administration (KMA)"],
    "alt_yield_kt_low": [None, 200.0], "alt_yield_kt_high": [1.0, 300.0],
    "alt_yield_estimator": ["US ODNI", "NORSAR"],
})
LAUNCHES = pd.DataFrame({
    "year": [2018, 2019, 2019, 2019, 2022, 2022],
    "counting_rule": ["m", "m", "d", "j", "m", "j"],
    "count": [0, 27, 14, 25, 68, 59],
})



def test_yield_ranges_keeps_values_on_the_yield_axis():
    fig, ax = plt.subplots()
    assert figures.yield_ranges(TESTS, ax=ax, title="Y") is ax
    texts = sorted(t.get_text() for t in ax.texts if t.get_text())
    assert texts == ["KIGAM: 0.55 kt", "KMA: 50–60 kt", "NORSAR: 200–300 kt",
                     "US ODNI: under 1 kt"]
    # ranges start and end exactly at the stored values: nothing is nudged
    segments = [seg for coll in ax.collections for seg in coll.get_segments()]
    assert sorted((s[0][0], s[1][0]) for s in segments) == [(50.0, 60.0), (200.0, 300.0)]
    assert ax.get_xscale() == "log"


def test_yield_ranges_needs_its_columns():
    with pytest.raises(ValueError, match="alt_yield_estimator"):
        figures.yield_ranges(TESTS.drop(columns="alt_yield_estimator"))


def test_launches_per_year_shows_one_rule_and_names_missing_years():
    ax = figures.launches_per_year(LAUNCHES, rule="m", label="missiles", start=2018,
                                   end=2022, flag={2022: "via TIME"})
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["0", "27", "not\nverified", "not\nverified", "68\nvia TIME"]
    heights = [p.get_height() for p in ax.patches]
    assert heights == [0, 27, 68]
    with pytest.raises(ValueError, match="No rows for counting_rule 'x'"):
        figures.launches_per_year(LAUNCHES, rule="x", label="", start=2018, end=2019)


def test_launches_by_rule_puts_rules_side_by_side():
    ax = figures.launches_by_rule(LAUNCHES, years=[2019, 2022],
                                  rules={"m": "missiles", "d": "days", "j": "Japan"})
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["27", "68", "14", "not verified", "25", "59"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["missiles", "days", "Japan"]
    with pytest.raises(ValueError, match="counting_rule"):
        figures.launches_by_rule(LAUNCHES, years=[2019], rules={"zz": "?"})
