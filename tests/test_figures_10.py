"""Lesson 10 (and 11) figures: drawn from small frames, checked for what a reader sees."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import figures  # noqa: E402


def launches() -> pd.DataFrame:
    return pd.DataFrame({
        "year": [2000, 2001, 2002, 2000, 2001, 2002],
        "counting_rule": ["missiles_cns"] * 3 + ["launch_days_cns"] * 3,
        "count": [0, 7, 2, 0, 1, 1],
        "count_unit": ["missiles"] * 3 + ["launch_days"] * 3,
    })


def nuclear_tests() -> pd.DataFrame:
    return pd.DataFrame({"date": pd.to_datetime(["2001-07-02", "2002-12-31"]),
                         "test_number": [1, 2]})


def events() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["start", "end", "later"],
        "date": pd.to_datetime(["2000-01-01", "2000-07-02", "2002-01-01"]),
        "title": ["Talks open", "Talks end", "Crisis"],
        "category": pd.Categorical(["diplomacy", "diplomacy", "inter-Korean"]),
    })


def test_periods_come_from_event_dates():
    periods = figures.periods_from_events(events(), {"talks": ("start", "end")})
    assert periods.loc[0, "start"] == pd.Timestamp("2000-01-01")
    assert periods.loc[0, "end"] == pd.Timestamp("2000-07-02")
    assert list(periods.columns[:3]) == ["label", "start", "end"]


def test_periods_name_an_unknown_id_or_a_reversed_span():
    with pytest.raises(ValueError, match="no event with id 'nope'"):
        figures.periods_from_events(events(), {"talks": ("start", "nope")})
    with pytest.raises(ValueError, match="ends"):
        figures.periods_from_events(events(), {"talks": ("end", "start")})
    with pytest.raises(ValueError, match="needs the column"):
        figures.periods_from_events(events().drop(columns="date"), {"talks": ("start", "end")})


def test_bars_show_the_chosen_rule_and_tests_sit_at_their_day():
    periods = figures.periods_from_events(events(), {"talks": ("start", "end")})
    ax = figures.launches_and_engagement(launches(), nuclear_tests(), periods,
                                         title="A finding", source="course data")
    heights = [float(bar.get_height()) for bar in ax.containers[0]]
    assert heights == [0.0, 7.0, 2.0]
    centres = [bar.get_x() + bar.get_width() / 2 for bar in ax.containers[0]]
    assert centres == pytest.approx([2000.5, 2001.5, 2002.5])
    # a test on 2 July 2001 sits half-way through the 2001 bar; one on 31 Dec at its end
    offsets = ax.collections[-1].get_offsets()
    assert offsets[0][0] == pytest.approx(2001.5, abs=0.01)
    assert offsets[1][0] == pytest.approx(2002.997, abs=0.01)
    # the shaded period runs from 1 Jan to 2 Jul 2000, i.e. about half of the year
    span = ax.patches[0].get_extents()
    assert span.width > 0
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0].startswith("talks (Jan 2000")
    assert "missiles launched in the year" in labels
    assert "missiles" in ax.get_ylabel() and "count" in ax.get_ylabel()
    assert ax.texts[-1].get_text() == "Source: course data"
    assert ax.figure.get_size_inches()[0] <= 9


def test_other_rule_changes_the_unit_in_the_label():
    periods = figures.periods_from_events(events(), {"talks": ("start", "end")})
    ax = figures.launches_and_engagement(launches(), nuclear_tests(), periods,
                                         rule="launch_days_cns")
    assert [float(b.get_height()) for b in ax.containers[0]] == [0.0, 1.0, 1.0]
    assert "launch_days" in ax.get_ylabel()


def test_bad_input_gets_a_clear_message():
    periods = figures.periods_from_events(events(), {"talks": ("start", "end")})
    with pytest.raises(ValueError, match="rules are: launch_days_cns, missiles_cns"):
        figures.launches_and_engagement(launches(), nuclear_tests(), periods, rule="missiles")
    with pytest.raises(ValueError, match="tests needs the column"):
        figures.launches_and_engagement(launches(), nuclear_tests().drop(columns="date"), periods)
    with pytest.raises(TypeError, match="must be a table"):
        figures.launches_and_engagement(launches(), nuclear_tests(), ["not", "a", "table"])


def test_episode_timeline_labels_every_episode_and_fits_the_page():
    rows = events().assign(short=["open", "end", "crisis"])
    ax = figures.episode_timeline(rows, label="short", title="Three episodes",
                                  source="course data")
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("open\n1 Jan 2000") for t in texts)
    assert any(t.startswith("crisis\n") for t in texts)
    assert texts[-1] == "Source: course data"
    assert ax.get_title() == "Three episodes"
    assert ax.figure.get_size_inches()[0] <= 9
    with pytest.raises(ValueError, match="needs the column"):
        figures.episode_timeline(rows, label="nope")
