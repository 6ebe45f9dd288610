"""Lesson 05 figures: promises against steps, and the NCG track without crowding."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.text import Text

from helpers import figures, load


@pytest.fixture
def measures():
    return load("deterrence_measures")


def test_promises_and_steps_draws_every_pillar_and_flags_idle_ones(measures):
    fig, ax = plt.subplots(figsize=(9, 5))
    context = pd.DataFrame({"date": pd.to_datetime(["2024-12-03"]), "label": ["martial law"]})
    out = figures.promises_and_steps(measures, ax=ax, context=context, title="T", source="S")
    assert out is ax
    pillars = list(measures["commitment"].cat.categories)
    assert len(ax.get_yticklabels()) == len(pillars)
    idle = {p for p in measures.loc[measures["kind"] == "commitment", "commitment"]
            if p not in set(measures.loc[measures["kind"] == "implementation", "commitment"])}
    notes = [t for t in ax.texts if t.get_text() == "no dated step in the data"]
    assert len(notes) == len(idle)
    assert "martial law" in [t.get_text() for t in ax.texts]


def test_promises_and_steps_needs_the_promises(measures):
    with pytest.raises(ValueError, match="commitment rows"):
        figures.promises_and_steps(measures[measures["kind"] == "implementation"])
    with pytest.raises(ValueError, match="kind"):
        figures.promises_and_steps(measures.drop(columns="kind"))


def _track():
    return pd.DataFrame({
        "date": pd.to_datetime(["2023-04-26", "2023-07-18", "2024-12-03", "2025-01-10"]),
        "label": ["Declaration", "NCG 1", "Martial law", "NCG 4"],
        "lane": ["context", "NCG", "context", "NCG"],
    })


def test_ncg_track_puts_outside_events_on_their_own_lane():
    ax = figures.ncg_track(_track(), postponed=("2024-12-04", "2025-01-10"), title="NCG")
    ys = {round(float(y), 1) for coll in ax.collections for _, y in coll.get_offsets()}
    assert ys == {0.0, -1.0}
    assert any("postponed 37 days" in t.get_text() for t in ax.texts)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "meeting as first planned" in legend


def test_ncg_track_labels_do_not_overlap():
    ax = figures.ncg_track(_track(), postponed=("2024-12-04", "2025-01-10"))
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    labels = [t for t in ax.texts if "\n" in t.get_text()]
    boxes = [Text.get_window_extent(t, renderer) for t in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)


def test_ncg_track_errors_are_clear():
    with pytest.raises(ValueError, match="lane"):
        figures.ncg_track(_track().drop(columns="lane"))
