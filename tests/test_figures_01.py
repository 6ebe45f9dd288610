"""Lesson 01: the origins timelines, the treaty-steps chart and the exercise feedback."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest

import helpers
from helpers import figures
from helpers.checks import check

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "01-origins.ipynb"
SAME_DAY = pd.DataFrame({
    "id": ["armistice-signed-1953", "sixteen-nation-declaration-1953", "mdt-initialed-1953"],
    "date": pd.to_datetime(["1953-07-27", "1953-07-27", "1953-08-08"]),
    "date_precision": ["day", "day", "day"],
    "title": ["Korean Armistice Agreement signed", "Joint Policy Declaration", "MDT initialled"],
    "category": ["war and armistice", "diplomacy", "treaty and agreement"],
})



def marker_positions(ax) -> list[tuple[float, float]]:
    return [tuple(p) for c in ax.collections[1:] for p in c.get_offsets() if p[1] != 0]


def label_boxes(ax):
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in ax.texts if "\n" in t.get_text()]


def test_same_day_events_get_separate_markers_and_labels():
    ax = figures.lollipop_timeline(SAME_DAY)
    markers = marker_positions(ax)
    assert len(markers) == 3 and len(set(markers)) == 3
    boxes = label_boxes(ax)
    assert len(boxes) == 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), "two labels overlap"


def test_lesson_timelines_fit_the_column_and_no_labels_overlap():
    events = helpers.load("events")
    road = events[events["id"].isin(figures.ORIGINS_LABELS)]
    ax = figures.lollipop_timeline(road, labels=figures.ORIGINS_LABELS, source="test")
    assert ax.figure.get_size_inches()[0] <= figures.MAX_WIDTH
    boxes = label_boxes(ax)
    assert len(boxes) == len(road)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), "two labels overlap"
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("Source:") for t in texts)
    assert any("Order No. 1" in t for t in texts), "short labels are used"


def test_labels_show_dates_only_as_precisely_as_known():
    rows = SAME_DAY.assign(date_precision=["day", "month", "year"])
    texts = [t.get_text() for t in figures.lollipop_timeline(rows).texts]
    assert any(t.endswith("\n27 Jul 1953") for t in texts)
    assert any(t.endswith("\nJul 1953") for t in texts)
    assert any(t.endswith("\n1953") for t in texts)


def test_lollipop_timeline_explains_bad_input():
    with pytest.raises(ValueError, match="empty"):
        figures.lollipop_timeline(SAME_DAY.iloc[0:0])
    with pytest.raises(ValueError, match="category"):
        figures.lollipop_timeline(SAME_DAY.drop(columns="category"))


def test_treaty_steps_counts_days_between_steps():
    row = helpers.load("agreements").set_index("id").loc["mutual-defense-treaty-1953"]
    ax = figures.treaty_steps(row, korean_in_force="1954-11-18", source="test")
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "day 54" in texts and "day 466" in texts and "+412 days" in texts
    assert "day 467" in texts and "Korean records" in texts
    assert ax.figure.get_size_inches()[0] <= figures.MAX_WIDTH


def test_treaty_steps_needs_two_dated_steps():
    row = pd.Series({"initialed_date": pd.NaT, "signed_date": pd.Timestamp("1953-07-27"),
                     "in_force_date": pd.NaT})
    with pytest.raises(ValueError, match="fewer than two"):
        figures.treaty_steps(row)


# -- the lesson's exercise checks: typical wrong answers get targeted feedback --------------


def run_check(number: int, answer: object) -> str:
    cells = nbformat.read(NOTEBOOK, as_version=4).cells
    source = next(c.source for c in cells
                  if "check" in c.metadata.get("tags", []) and f'"Exercise {number}"' in c.source)
    namespace = {"check": check, f"answer_{number}": answer}
    return eval(compile(source, "check", "eval"), namespace).message  # noqa: S307


@pytest.mark.parametrize(
    ("number", "answer", "says"),
    [
        (1, 164, "correct"),
        (1, 163, "Washington date of the invasion"),
        (1, 165, "off by one"),
        (3, pd.Timestamp("1953-07-26 21:00", tz="America/New_York"), "correct"),
        (3, pd.Timestamp("1953-07-27"), "still the Korean date"),
        (3, pd.Timestamp("1953-07-28"), "wrong way"),
        (5, 412, "correct"),
        (5, 413, "Korean treaty records"),
        (5, 466, "initialling"),
        (5, -412, "other way round"),
    ],
)
def test_computational_exercises_name_the_typical_mistakes(number, answer, says):
    assert says in run_check(number, answer)
