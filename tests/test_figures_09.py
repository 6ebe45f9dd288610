"""Lesson 09 figures: each drawn on a small frame, checked for what a reader sees."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import figures, load  # noqa: E402


def test_lanes_follow_actors_then_category():
    rows = pd.DataFrame({
        "actors": ["DPRK;RUS", "US;ROK;JPN", "US;ROK", "ROK", "ROK;US"],
        "category": ["diplomacy", "trilateral", "force posture", "diplomacy",
                     "treaty and agreement"],
    })
    assert list(figures.lanes_since_2024(rows)) == [
        "North Korea and Russia", "Trilateral and Japan", "Deterrence and posture",
        "Politics in Seoul", "Alliance bargains (summits, trade, cost)"]


def test_lanes_need_actors_and_category():
    with pytest.raises(ValueError, match="actors"):
        figures.lanes_since_2024(pd.DataFrame({"category": ["diplomacy"]}))


def test_alliance_lanes_since_2024_labels_only_the_chosen_events_and_alternates_sides():
    rows = pd.DataFrame({
        "id": ["a", "b", "c"],
        "date": pd.to_datetime(["2024-06-10", "2024-07-11", "2025-01-10"]),
        "lane": ["Deterrence and posture"] * 3,
    })
    ax = figures.alliance_lanes_since_2024(rows, labels={"a": "NCG 3", "b": "Guidelines"},
                                shade=("2024-12-03", "2025-06-04", "crisis"),
                                title="T", source="events")
    texts = [t.get_text() for t in ax.texts]
    assert "NCG 3" in texts and "Guidelines" in texts and "crisis" in texts
    assert "Source: events" in texts
    heights = [t.xy[1] for t in ax.texts if t.get_text() in ("NCG 3", "Guidelines")]
    assert heights[0] > 0 > heights[1]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Deterrence and\nposture"]


def test_alliance_lanes_since_2024_rejects_an_empty_selection():
    empty = pd.DataFrame({"id": [], "date": pd.to_datetime([]), "lane": []})
    with pytest.raises(ValueError, match="empty"):
        figures.alliance_lanes_since_2024(empty)


def test_asset_type_reads_the_id_prefix():
    ids = pd.Series(["cvn-carl-vinson-busan-2025", "b52-cheongju-2023", "ncg-3-seoul"])
    assert list(figures.asset_type(ids).fillna("none")) == [
        "aircraft carrier", "B-52 bomber landing", "none"]


def test_asset_visits_by_year_stacks_and_totals():
    rows = pd.DataFrame({
        "date": pd.to_datetime(["2023-06-16", "2023-07-18", "2024-06-22"]),
        "asset": ["guided-missile submarine (SSGN)", "ballistic-missile submarine (SSBN)",
                  "aircraft carrier"],
    })
    ax = figures.asset_visits_by_year(rows, title="T", source="S")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023", "2024"]
    totals = [t.get_text() for t in ax.texts if t.get_text().isdigit()]
    assert totals == ["2", "1"]
    assert "number" in ax.get_ylabel()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["ballistic-missile submarine (SSBN)", "guided-missile submarine (SSGN)",
                      "aircraft carrier"]


def test_sma_contributions_draws_one_bar_per_sourced_year_and_names_agreements():
    cost = load("cost_sharing")
    ax = figures.sma_contributions(cost, title="T", source="S")
    assert len(ax.patches) == len(cost)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["agreement not named in the source"]
    labels = [t.get_text().split("\n")[0] for t in ax.texts if t.get_text().startswith("SMA")]
    numbers = sorted(int(n) for n in cost["sma_number"].dropna().unique())
    assert labels == [f"SMA {n}" for n in numbers]  # each agreement named once
    assert "billion won" in ax.get_ylabel()
    assert any(t.get_text() == "SMA 12\n1,519.2" for t in ax.texts)  # the latest amount, on top


def test_sma_contributions_needs_its_columns():
    with pytest.raises(ValueError, match="sma_number"):
        figures.sma_contributions(pd.DataFrame({"year": [2026], "contribution_krw_bn": [1.0]}))


def test_alliance_lanes_since_2024_keeps_events_on_adjacent_days_apart():
    rows = pd.DataFrame({
        "id": ["vote", "office"],
        "date": pd.to_datetime(["2025-06-03", "2025-06-04"]),
        "lane": ["Politics in Seoul"] * 2,
    })
    ax = figures.alliance_lanes_since_2024(rows)
    points = ax.collections[0].get_offsets()
    assert points[0][1] != points[1][1]
