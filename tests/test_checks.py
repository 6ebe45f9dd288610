"""The exercise self-checks: fair normalisation and helpful messages."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import answer_hash, check


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        (1953, 1953.0),
        (np.int64(7), 7),
        ("  Panmunjom", "panmunjom"),
        ("Kim  Il Sung", "kim il sung"),
        (["US", "ROK"], {"ROK", "US"}),
        (pd.Series(["a", "b"]), ["b", "a"]),
        (pd.Timestamp("1953-07-27 10:00"), pd.Timestamp("1953-07-27")),
        (2.54, 2.5),
    ],
)
def test_equal_answers_share_a_fingerprint(given, stored):
    assert answer_hash(given) == answer_hash(stored)


@pytest.mark.parametrize(
    ("given", "stored"),
    [(1953, 1954), ("Seoul", "Panmunjom"), (["US"], ["US", "ROK"]), (True, 1), (2.6, 2.5)],
)
def test_different_answers_differ(given, stored):
    assert answer_hash(given) != answer_hash(stored)


def test_feedback_messages():
    expected = answer_hash(16)
    assert check("Q", 16, expected).correct
    wrong = check("Q", 15, expected, hint="Count the states that sent forces.")
    assert not wrong.correct and "Hint: Count the states" in repr(wrong)
    assert "no answer yet" in repr(check("Q", ..., expected))
    table = check("Q", pd.DataFrame({"a": [1]}), expected)
    assert not table.correct and "whole table" in repr(table)


def test_answer_is_not_in_the_fingerprint():
    assert "1953" not in answer_hash(1953)
