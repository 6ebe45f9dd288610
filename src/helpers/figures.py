"""Lesson figures: one named function per chart a lesson shows.

The primitives (house style, timeline, event annotations, source lines) live in
:mod:`helpers.plot`; this module builds the lessons' figures from them so a
notebook cell reads ``figures.troop_levels(troops, events=events)`` instead of
forty lines of matplotlib. Every function takes ``ax=None`` (a new figure is
made), keyword-only options, returns the axes, and never calls ``plt.show()``
or changes global settings.
"""

from __future__ import annotations

import matplotlib.pyplot as plt  # noqa: F401  (used by the lesson sections)
import pandas as pd  # noqa: F401

from helpers import plot  # noqa: F401

__all__: list[str] = []


# ---------------------------------------------------------------------------
# Lesson 00 · start here
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 01 · origins
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 02 · Cold War alliance
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 03 · North Korea goes nuclear
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 04 · global alliance
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 05 · Washington Declaration
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 06 · NCG and NPG
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 07 · reactions and debates
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 08 · capstone
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 09 · since 2024
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 10 · themes added by the missing-chapters work
# (add this lesson's figure functions below this line)
