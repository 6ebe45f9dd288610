"""Self-checks for exercises: feedback for students, no answers in sight.

A notebook stores only a fingerprint of the right answer (made with
:func:`answer_hash`), so a student can check an answer without seeing it.
Answers are normalised first: text ignores case and surrounding spaces,
whole floats count as integers, other floats are rounded to ``digits``
decimals, dates compare by day and collections ignore order.

A check does more than say right or wrong. When an answer is close, it says
what the mistake probably was:

- a date one day off is most likely the other side of the date line
  (Washington vs Seoul);
- a number one off is most likely a counting-of-ends slip (both ends, or
  neither);
- a list with one item too many names the extra item (often a planned event
  counted as done);
- and the author of an exercise can name typical wrong answers, each with
  its own message, in ``mistakes`` (the fingerprint of the wrong answer mapped
  to what it means), for example the count under another counting rule.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["answer_hash", "check", "mistake", "Feedback"]

_HASH = re.compile(r"^[0-9a-f]{16}$")


def _normalise(value: object, digits: int) -> str:
    if isinstance(value, pd.DataFrame):
        raise TypeError(
            "Your answer is a whole table (DataFrame). Select the column or value the "
            "question asks for, e.g. table['title'] or len(table)."
        )
    if isinstance(value, (bool, np.bool_)):
        return f"bool:{bool(value)}"
    if value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return "missing"
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date, np.datetime64)):
        return f"date:{pd.Timestamp(value).date().isoformat()}"
    if isinstance(value, (int, np.integer)):
        return f"num:{int(value)}"
    if isinstance(value, (float, np.floating)):
        if float(value).is_integer():
            return f"num:{int(value)}"
        return f"num:{round(float(value), digits):.{digits}f}"
    if isinstance(value, str):
        return f"str:{' '.join(value.split()).casefold()}"
    if isinstance(value, Mapping):
        raise TypeError(
            "Your answer is a dictionary. The question asks for a value or a list: "
            "use list(answer.keys()) or list(answer.values()), whichever it asks for."
        )
    if isinstance(value, (pd.Series, pd.Index, np.ndarray, Iterable)):
        items = sorted(_normalise(v, digits) for v in list(value))
        return "set:" + "|".join(items)
    return f"other:{value!r}"


def _check_digits(digits: object) -> int:
    if isinstance(digits, bool) or not isinstance(digits, (int, np.integer)) or digits < 0:
        raise TypeError(f"digits must be a whole number of decimals such as 1, not {digits!r}.")
    return int(digits)


def answer_hash(value: object, *, digits: int = 1) -> str:
    """Fingerprint of an answer, to store in a notebook instead of the answer.

    Examples
    --------
    >>> answer_hash(1953) == answer_hash(1953.0)
    True
    >>> answer_hash(" Panmunjom ") == answer_hash("panmunjom")
    True
    >>> answer_hash(["US", "ROK"]) == answer_hash(("ROK", "US"))
    True
    """
    text = _normalise(value, _check_digits(digits))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def mistake(wrong_answer: object, message: str, *, digits: int = 1) -> dict[str, str]:
    """One entry for ``check(..., mistakes=...)``: a known wrong answer and what it means.

    Use it when writing an exercise; store the resulting fingerprint (not the
    wrong answer) in the notebook, as with :func:`answer_hash`.

    Examples
    --------
    >>> entry = mistake(1954, "1954 is when the treaty came into force, not when it was signed.")
    >>> list(entry.values())[0][:4]
    '1954'
    """
    return {answer_hash(wrong_answer, digits=digits): message}


@dataclass(frozen=True)
class Feedback:
    """The result of :func:`check`; shows itself as a short message."""

    question: str
    correct: bool
    message: str

    def __repr__(self) -> str:
        return self.message

    def _repr_markdown_(self) -> str:
        return self.message


def _same(value: object, expected: str, digits: int) -> bool:
    try:
        return answer_hash(value, digits=digits) == expected
    except TypeError:
        return False


def _unwrapped(answer: object) -> tuple[object, str] | None:
    """The one value inside a one-item Series/list, or the number inside a text."""
    if isinstance(answer, (pd.Series, pd.Index, np.ndarray, list, tuple)) and len(answer) == 1:
        inner = answer.iloc[0] if isinstance(answer, pd.Series) else list(answer)[0]
        return inner, (
            "Your answer is a one-item collection; the value inside is right. "
            "Next time take it out with .iloc[0] (or [0] for a list)."
        )
    if isinstance(answer, str):
        try:
            number = float(answer.strip().replace(",", ""))
        except ValueError:
            return None
        return number, "You typed the number as text (in quotes); it is right. Drop the quotes."
    return None


def _diagnosis(answer: object, expected: str, digits: int) -> str:
    """Why a close answer is probably wrong, or '' if it is not close in a known way."""
    if isinstance(answer, (pd.Timestamp, dt.datetime, dt.date, np.datetime64)):
        day = pd.Timestamp(answer)
        if any(_same(day + pd.Timedelta(days=d), expected, digits) for d in (-1, 1)):
            return (
                "Your date is one day off. The likely cause is the time zone: Seoul is "
                "13-14 hours ahead of Washington, so the same moment can carry two dates. "
                "This course uses the local date of the place where the event happened."
            )
        if any(_same(day + pd.DateOffset(years=y), expected, digits) for y in (-1, 1)):
            return "Your date is exactly one year off: check the year you selected."
    if isinstance(answer, (int, np.integer)) and not isinstance(answer, (bool, np.bool_)):
        if _same(int(answer) - 1, expected, digits) or _same(int(answer) + 1, expected, digits):
            return (
                "You are off by one. Did you count both ends of a span (or neither), use "
                "> where >= was meant, or pick the year before/after?"
            )
    if isinstance(answer, (list, tuple, set, pd.Series, pd.Index, np.ndarray)):
        items = list(answer)
        if 1 < len(items) <= 200:
            for i, item in enumerate(items):
                if _same(items[:i] + items[i + 1:], expected, digits):
                    return (
                        f"One item too many: {item!r} does not belong. Is it planned rather "
                        "than done, outside the period, or counted under another rule?"
                    )
    return ""


def check(
    question: str,
    answer: object,
    expected: str,
    *,
    hint: str = "",
    digits: int = 1,
    mistakes: Mapping[str, str] | None = None,
) -> Feedback:
    """Compare an answer with a stored fingerprint and say how it went.

    Parameters
    ----------
    question
        The exercise's label, repeated in the message.
    answer
        The student's answer (``...`` or ``None`` means "not answered yet").
    expected
        :func:`answer_hash` of the right answer (16 hexadecimal characters).
    hint
        Shown when the answer is not right and no more specific message fits.
    digits
        Decimals that count when comparing floats.
    mistakes
        Fingerprints of typical wrong answers, each mapped to a message that
        says what that mistake was (build entries with :func:`mistake`).

    Examples
    --------
    >>> check("Q1", 1953, answer_hash(1953))
    Q1: correct. Well done.
    >>> check("Q1", 1955, answer_hash(1953), hint="The armistice year.")
    Q1: not yet. Hint: The armistice year.
    >>> check("Q1", 1954, answer_hash(1953), mistakes=mistake(1954, "That is entry into force."))
    Q1: not yet. That is entry into force.
    >>> check("Q1", 1952, answer_hash(1953))  # doctest: +ELLIPSIS
    Q1: not yet. You are off by one. Did you count both ends of a span...
    >>> check("Q1", ..., answer_hash(1953))
    Q1: no answer yet. Replace the ... with your answer and run the cell again.
    """
    if not isinstance(question, str):
        raise TypeError(f"question must be a label such as 'Exercise 1', not {question!r}.")
    if not isinstance(expected, str) or not _HASH.match(expected):
        raise ValueError(
            f"expected must be the answer's fingerprint, answer_hash(right_answer): 16 "
            f"hexadecimal characters. Got {str(expected)[:40]!r}, which looks like the answer "
            "itself; store answer_hash(...) of it instead, so students cannot read it."
        )
    digits = _check_digits(digits)
    mistakes = dict(mistakes or {})
    bad_keys = [k for k in mistakes if not isinstance(k, str) or not _HASH.match(k)]
    if bad_keys:
        raise ValueError(
            f"mistakes must map answer fingerprints to messages; {bad_keys[0]!r} is not a "
            "fingerprint. Build entries with helpers.checks.mistake(wrong_answer, message)."
        )
    if answer is ... or answer is None:
        return Feedback(
            question,
            False,
            f"{question}: no answer yet. Replace the ... with your answer and run the cell again.",
        )
    try:
        given = answer_hash(answer, digits=digits)
    except TypeError as err:
        return Feedback(question, False, f"{question}: {err}")
    if given == expected:
        return Feedback(question, True, f"{question}: correct. Well done.")
    unwrapped = _unwrapped(answer)
    if unwrapped and _same(unwrapped[0], expected, digits):
        return Feedback(question, True, f"{question}: correct. {unwrapped[1]}")
    if given in mistakes:
        return Feedback(question, False, f"{question}: not yet. {mistakes[given]}")
    if unwrapped:
        inner = _unwrapped(answer)[0]
        try:
            inner_hash = answer_hash(inner, digits=digits)
        except TypeError:
            inner_hash = ""
        if inner_hash in mistakes:
            return Feedback(question, False, f"{question}: not yet. {mistakes[inner_hash]}")
    message = f"{question}: not yet."
    diagnosis = _diagnosis(answer, expected, digits)
    if diagnosis:
        message += f" {diagnosis}"
    if hint:
        message += f" Hint: {hint}"
    return Feedback(question, False, message)
