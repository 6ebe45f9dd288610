"""Lesson 06 figures and tables: small frames in, axes (or a readable table) out."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import figures  # noqa: E402

ENLARGEMENT = pd.DataFrame({"year": [1949, 1952, 2023, 2024], "new_allies": [12, 17, 2, 1]})
BODIES = pd.DataFrame({
    "body": ["NATO Nuclear Planning Group (NPG)", "Japan–US dialogue (EDD)",
             "ROK–US Nuclear Consultative Group (NCG)"],
    "step": ["set up", "set up", "created"],
    "date": pd.to_datetime(["1966-12-14", "2010-01-01", "2023-04-26"]),
    "date_precision": ["day", "year", "day"],
})
NPT = pd.DataFrame({"date": pd.to_datetime(["1968-07-01", "1975-04-01"]),
                    "title": ["NPT opens", "South Korea joins"],
                    "date_precision": ["day", "month"]})



def test_npg_size_applies_the_rule_only_from_the_opening_year():
    sizes = figures.npg_size_by_year(ENLARGEMENT, open_from=1979, last_year=2025)
    assert sizes.loc[1966, "nato_allies"] == 29
    assert pd.isna(sizes.loc[1970, "npg_members"])
    assert sizes.loc[2023, "npg_members"] == 30 and sizes.loc[2025, "npg_members"] == 31


def test_npg_membership_states_the_counts_in_its_title():
    ax = figures.npg_membership(ENLARGEMENT)
    title = ax.get_title(loc="left")
    assert "30 members in 2023" in title and "31 since 2024" in title
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("except France" in label for label in labels)
    assert ax.figure.get_size_inches()[0] <= 9


def test_consultative_bodies_draws_a_lane_per_body_and_dates_at_their_precision():
    ax = figures.consultative_bodies(BODIES, npt_steps=NPT)
    texts = [t.get_text() for t in ax.texts]
    assert any("2010 (year only)" in t for t in texts)
    assert any("Apr 1975" in t for t in texts) and not any("1 Apr 1975" in t for t in texts)
    title = ax.get_title(loc="left")
    assert "one US body with Asian allies came before the NCG" in title
    assert len(ax.collections) == len(BODIES)


def test_bad_input_gets_a_clear_message():
    with pytest.raises(ValueError, match="needs the column"):
        figures.npg_membership(ENLARGEMENT.rename(columns={"new_allies": "n"}))
    with pytest.raises(ValueError, match="empty"):
        figures.consultative_bodies(BODIES.iloc[0:0])
    with pytest.raises(TypeError, match="DataFrame"):
        figures.readable(["not", "a", "table"])


def test_readable_left_aligns_and_shows_missing_values_as_a_dash():
    frame = pd.DataFrame({"title": ["A long title", "B"], "note": ["x", None],
                          "date": pd.to_datetime(["1958-01-01", "1991-09-27"]),
                          "date_precision": ["month", "day"]})
    table = figures.readable(frame, ["title", "note", "date"], note="Note")
    html = table._repr_html_()
    assert "text-align:left" in html and "NaN" not in html and "NaT" not in html
    assert "—" in html and "Jan 1958" in html and "27 Sep 1991" in html
    lines = repr(table).splitlines()
    assert lines[0].startswith("title") and lines[2].startswith("B ")
    with pytest.raises(ValueError, match="not in the table"):
        figures.readable(frame, ["missing"])
