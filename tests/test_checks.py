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
    wrong = check("Q", 13, expected, hint="Count the states that sent forces.")
    assert not wrong.correct and "Hint: Count the states" in repr(wrong)
    assert "no answer yet" in repr(check("Q", ..., expected))
    table = check("Q", pd.DataFrame({"a": [1]}), expected)
    assert not table.correct and "whole table" in repr(table)


def test_answer_is_not_in_the_fingerprint():
    assert "1953" not in answer_hash(1953)


# Targeted feedback: a close answer is told what its mistake probably was.
@pytest.mark.parametrize(
    ("answer", "right", "fragment"),
    [
        (pd.Timestamp("2023-04-27"), pd.Timestamp("2023-04-26"), "time zone"),
        (pd.Timestamp("2023-04-25"), pd.Timestamp("2023-04-26"), "time zone"),
        (pd.Timestamp("2022-04-26"), pd.Timestamp("2023-04-26"), "one year off"),
        (1952, 1953, "off by one"),
        (16, 15, "off by one"),
        (["NCG", "NPT", "SSBN"], ["NCG", "NPT"], "'SSBN' does not belong"),
    ],
)
def test_close_answers_get_a_diagnosis(answer, right, fragment):
    feedback = check("Q", answer, answer_hash(right), hint="the hint")
    assert not feedback.correct
    assert fragment in repr(feedback)
    assert "the hint" in repr(feedback)


def test_named_mistakes_beat_the_generic_hint():
    from helpers import mistake

    known = {**mistake(70, "70 counts missiles under the CSIS rule, not launch days."),
             **mistake(["a", "b", "planned"], "You counted a planned event as done.")}
    expected = answer_hash(37)
    feedback = check("Q", 70, expected, mistakes=known, hint="generic")
    assert "CSIS rule" in repr(feedback) and "generic" not in repr(feedback)
    planned = check("Q", ["planned", "b", "a"], answer_hash(["a", "b"]), mistakes=known)
    assert "You counted a planned event as done." in repr(planned)


@pytest.mark.parametrize(
    "answer", [pd.Series([1953], index=[17]), [1953], (1953,), "1953", " 1953 ", np.array([1953])]
)
def test_unambiguous_wrappings_count_as_right_and_say_so(answer):
    feedback = check("Q", answer, answer_hash(1953))
    assert feedback.correct
    assert "Well done" not in repr(feedback)  # it says what to change next time


def test_wrong_value_inside_a_series_gets_the_named_mistake():
    from helpers import mistake

    feedback = check("Q", pd.Series([1954]), answer_hash(1953),
                     mistakes=mistake(1954, "That is the year it came into force."))
    assert "came into force" in repr(feedback)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"expected": 1953}, "answer_hash"),
        ({"expected": "1953"}, "looks like the answer"),
        ({"expected": answer_hash(1), "digits": "1"}, "digits must be a whole number"),
        ({"expected": answer_hash(1), "mistakes": {1954: "x"}}, "not a fingerprint"),
    ],
)
def test_an_instructor_mistake_gets_a_clear_error(kwargs, fragment):
    with pytest.raises((TypeError, ValueError), match=fragment):
        check("Q", 1953, **kwargs)


def test_a_dictionary_answer_is_explained():
    feedback = check("Q", {"a": 1}, answer_hash(["a"]))
    assert not feedback.correct and "dictionary" in repr(feedback)
