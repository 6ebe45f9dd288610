"""Self-checks for exercises: feedback for students, no answers in sight.

A notebook stores only a fingerprint of the right answer (made with
:func:`answer_hash`), so a student can check an answer without seeing it.
Answers are normalised first: text ignores case and surrounding spaces,
whole floats count as integers, other floats are rounded to ``digits``
decimals, dates compare by day and collections ignore order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["answer_hash", "check", "Feedback"]


def _normalise(value: object, digits: int) -> str:
    if isinstance(value, pd.DataFrame):
        raise TypeError(
            "Your answer is a whole table (DataFrame). Select the column or value the "
            "question asks for, e.g. table['title'] or len(table)."
        )
    if isinstance(value, (bool, np.bool_)):
        return f"bool:{bool(value)}"
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
    if isinstance(value, (pd.Series, pd.Index, np.ndarray, Iterable)):
        items = sorted(_normalise(v, digits) for v in list(value))
        return "set:" + "|".join(items)
    return f"other:{value!r}"


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
    text = _normalise(value, digits)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


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


def check(
    question: str, answer: object, expected: str, *, hint: str = "", digits: int = 1
) -> Feedback:
    """Compare an answer with a stored fingerprint and say how it went.

    Parameters
    ----------
    question
        The exercise's label, repeated in the message.
    answer
        The student's answer (``...`` or ``None`` means "not answered yet").
    expected
        :func:`answer_hash` of the right answer.
    hint
        Shown when the answer is not right yet.
    digits
        Decimals that count when comparing floats.

    Examples
    --------
    >>> check("Q1", 1953, answer_hash(1953))
    Q1: correct. Well done.
    >>> check("Q1", 1954, answer_hash(1953), hint="The armistice year.")
    Q1: not yet. Hint: The armistice year.
    >>> check("Q1", ..., answer_hash(1953))
    Q1: no answer yet. Replace the ... with your answer and run the cell again.
    """
    if answer is ... or answer is None:
        return Feedback(
            question,
            False,
            f"{question}: no answer yet. Replace the ... with your answer and run the cell again.",
        )
    try:
        right = answer_hash(answer, digits=digits) == expected
    except TypeError as err:
        return Feedback(question, False, f"{question}: {err}")
    if right:
        return Feedback(question, True, f"{question}: correct. Well done.")
    message = f"{question}: not yet."
    if hint:
        message += f" Hint: {hint}"
    return Feedback(question, False, message)
