"""Lesson figures: one named function per chart a lesson shows.

The functions live in three modules by part of the course (:mod:`.history` for
lessons 00–03, :mod:`.alliance` for 04–07, :mod:`.recent` for 08–11) and are all
imported here, so a notebook writes ``figures.troop_levels(...)``.

The primitives (house style, timeline, event annotations, source lines) live in
:mod:`helpers.plot`; this module builds the lessons' figures from them so a
notebook cell reads ``figures.troop_levels(troops, events=events)`` instead of
forty lines of matplotlib. Every function takes ``ax=None`` (a new figure is
made), keyword-only options, returns the axes, and never calls ``plt.show()``
or changes global settings.
"""

from __future__ import annotations

from helpers.figures.alliance import *  # noqa: F403
from helpers.figures.alliance import __all__ as _alliance
from helpers.figures.history import *  # noqa: F403
from helpers.figures.history import __all__ as _history
from helpers.figures.recent import *  # noqa: F403
from helpers.figures.recent import __all__ as _recent

__all__ = [*_history, *_alliance, *_recent]
