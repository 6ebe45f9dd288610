"""Plot helpers: axes in, axes out; no global side effects; clear errors."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import helpers
from helpers.plot import PALETTE, category_colors

EVENTS = pd.DataFrame(
    {
        "date": pd.to_datetime(["1953-07-27", "1953-10-01", "1954-11-17"]),
        "title": ["Armistice", "Treaty signed", "Treaty in force"],
        "category": pd.Categorical(
            ["war", "treaty", "treaty"], categories=["war", "treaty", "nuclear"]
        ),
    }
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_style_does_not_leak():
    before = dict(mpl.rcParams)
    with helpers.style():
        fig, ax = plt.subplots()
        assert mpl.rcParams["axes.prop_cycle"].by_key()["color"] == PALETTE
    assert fig.get_facecolor() == (1.0, 1.0, 1.0, 1.0)
    assert dict(mpl.rcParams) == before


def test_timeline_draws_on_given_axes_and_returns_them():
    fig, ax = plt.subplots()
    out = helpers.timeline(EVENTS, ax=ax, title="Three events")
    assert out is ax
    assert [t.get_text().split("\n")[0] for t in ax.texts] == list(EVENTS["title"])
    assert ax.get_title() == "Three events"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["war", "treaty"]  # in category order, only those present


def test_timeline_sorts_by_date():
    ax = helpers.timeline(EVENTS.iloc[::-1])
    assert ax.texts[0].get_text().startswith("Armistice")


def test_category_colours_follow_declared_order():
    colours = category_colors(EVENTS["category"])
    assert list(colours) == ["war", "treaty", "nuclear"]
    assert colours["war"] == PALETTE[0]


def test_timeline_errors_are_clear():
    with pytest.raises(ValueError, match="Column\\(s\\) when not in the table"):
        helpers.timeline(EVENTS, date="when")
    with pytest.raises(ValueError, match="No events to draw"):
        helpers.timeline(EVENTS.iloc[0:0])


def test_annotate_events_and_source_note():
    fig, ax = plt.subplots()
    ax.plot(pd.to_datetime(["1950-01-01", "2000-01-01"]), [0, 1])
    helpers.annotate_events(ax, EVENTS)
    assert len(ax.lines) == 1 + len(EVENTS)
    helpers.source_note(ax, "US Department of Defense")
    assert ax.texts[-1].get_text() == "Source: US Department of Defense"
    helpers.source_note(ax, "Sources: A; B")
    assert ax.texts[-1].get_text() == "Sources: A; B"
