"""Helpers for the ROK–US alliance course: load the data, cite it, plot it.

>>> from helpers import load, sources_for
>>> events = load("events")
>>> list(events.columns)[:3]
['id', 'date', 'date_precision']
"""

from helpers.checks import answer_hash, check, mistake
from helpers.data import DataError, describe, list_datasets, load, sources_for
from helpers.plot import PALETTE, annotate_events, source_note, style, timeline

__all__ = [
    "DataError",
    "PALETTE",
    "annotate_events",
    "answer_hash",
    "check",
    "mistake",
    "describe",
    "list_datasets",
    "load",
    "source_note",
    "sources_for",
    "style",
    "timeline",
]

__version__ = "0.1.0"
