"""Facts that must hang together: chronology, ranges, references, one default per year."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
from helpers.data import split_ids
from helpers.links import NOTEBOOKS

DATED = {  # dataset -> date columns; every date lies in the course's span
    "events": ["date"],
    "agreements": ["initialed_date", "signed_date", "in_force_date"],
    "deterrence_measures": ["date"],
    "cooperation_areas": ["date"],
    "nuclear_tests": ["date"],
    "nuclear_opinion_polls": ["fieldwork_start", "fieldwork_end", "published"],
}
TODAY = pd.Timestamp("2026-11-28")


@pytest.mark.parametrize("name", sorted(DATED))
def test_dates_are_plausible(name):
    frame = helpers.load(name)
    for column in DATED[name]:
        values = frame[column].dropna()
        assert (values >= pd.Timestamp("1945-08-15")).all(), f"{name}.{column} too early"
        assert (values <= TODAY).all(), f"{name}.{column} in the future"


def test_agreement_steps_are_in_order():
    agreements = helpers.load("agreements")
    steps = ["initialed_date", "signed_date", "in_force_date"]
    for _, row in agreements.iterrows():
        dates = [row[s] for s in steps if pd.notna(row[s])]
        assert dates == sorted(dates), f"{row['id']}: initialed <= signed <= in force fails"


def test_poll_fieldwork_precedes_publication():
    polls = helpers.load("nuclear_opinion_polls")
    both = polls.dropna(subset=["fieldwork_start", "fieldwork_end"])
    assert (both["fieldwork_start"] <= both["fieldwork_end"]).all()
    published = polls.dropna(subset=["fieldwork_start", "published"])
    late = published[published["published"] < published["fieldwork_start"]]
    assert late.empty, late["id"].tolist()


def test_percentages_are_percentages():
    polls = helpers.load("nuclear_opinion_polls")
    for column in ("support_pct", "oppose_pct"):
        values = polls[column].dropna()
        assert values.between(0, 100).all(), column
    total = (polls["support_pct"] + polls["oppose_pct"]).dropna()
    assert (total <= 100.05).all(), "support + oppose exceeds 100%"
    assert (polls["sample_size"].dropna() > 0).all()


@pytest.mark.parametrize("prefix", ["", "alt_"])
def test_yield_ranges_run_low_to_high(prefix):
    tests = helpers.load("nuclear_tests")
    low, high = tests[f"{prefix}yield_kt_low"], tests[f"{prefix}yield_kt_high"]
    both = low.notna() & high.notna()
    assert (low[both] <= high[both]).all()
    assert (low.dropna() > 0).all() and (high.dropna() > 0).all()
    assert tests["test_number"].tolist() == list(range(1, 7))
    assert tests["date"].is_monotonic_increasing


def test_counts_and_years_are_plausible():
    launches = helpers.load("missile_launches")
    assert launches["year"].between(1976, TODAY.year).all()
    assert (launches["count"] >= 0).all()
    troops = helpers.load("usfk_troops")
    assert troops["year"].between(1945, TODAY.year).all()
    assert troops["troops"].between(1, 400_000).all()
    spending = helpers.load("defence_spending")
    assert spending["year"].between(1948, TODAY.year + 1).all()
    assert (spending["spending"] > 0).all()


def test_one_default_troop_figure_per_year():
    troops = helpers.load("usfk_troops")
    defaults = troops[troops["is_default"]]
    assert not defaults["year"].duplicated().any()
    assert set(defaults["year"]) == set(troops["year"]), "a year has no default figure"


def test_glossary_cross_references_resolve():
    glossary = helpers.load("glossary")
    ids = set(glossary["id"])
    for _, row in glossary.iterrows():
        missing = set(split_ids(row["see_also"])) - ids
        assert not missing, f"{row['id']}: see_also {missing} not in the glossary"
    assert set(glossary["first_taught"].dropna()) <= set(NOTEBOOKS)


def test_seed_claims_cite_the_seed_and_evidence():
    claims = helpers.load("seed_claims")
    for _, row in claims.iterrows():
        ids = split_ids(row["source_ids"])
        assert "kida-lee-2023-washington-declaration" in ids, row["id"]
        if row["verdict"] != "not checkable":
            assert len(ids) >= 2, f"{row['id']}: a verdict needs evidence beyond the seed"


def test_every_commitment_is_dated_to_the_declaration():
    measures = helpers.load("deterrence_measures")
    promised = measures[measures["kind"] == "commitment"]
    assert (promised["date"] == pd.Timestamp("2023-04-26")).all()
    done = measures[measures["kind"] == "implementation"]
    assert (done["date"] > pd.Timestamp("2023-04-26")).all()


def test_key_dates_that_the_course_teaches():
    """A few anchor facts, each checked against the cited sources when the data were built."""
    events = helpers.load("events").set_index("id")
    assert events.loc["armistice-signed-1953", "date"] == pd.Timestamp("1953-07-27")
    assert events.loc["mdt-signed-1953", "date"] == pd.Timestamp("1953-10-01")
    assert events.loc["mdt-in-force-1954", "date"] == pd.Timestamp("1954-11-17")
    assert "18 Nov" in events.loc["mdt-in-force-1954", "date_note"]
    assert events.loc["washington-declaration-2023", "date"] == pd.Timestamp("2023-04-26")
    assert events.loc["ncg-first-meeting-2023", "date"] == pd.Timestamp("2023-07-18")
