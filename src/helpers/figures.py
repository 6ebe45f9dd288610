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
from matplotlib.axes import Axes  # noqa: F401

from helpers import plot  # noqa: F401

__all__: list[str] = []


# ---------------------------------------------------------------------------
# Lesson 00 · start here
# (add this lesson's figure functions below this line)

#: The nine milestones of the start notebook's lead figure, in date order.
START_MILESTONES = [
    "nk-invasion-1950",
    "armistice-signed-1953",
    "mdt-in-force-1954",
    "cfc-established-1978",
    "bush-tnw-withdrawal-1991",
    "dprk-nuclear-test-1-2006",
    "joint-vision-alliance-2009",
    "dprk-nuclear-forces-law-2022",
    "washington-declaration-2023",
]

#: Widest figure a lesson shows, in inches (the notebook column).
MAX_WIDTH = 9.0


class Table:
    """A table for reading, not computing: shows as left-aligned HTML, "—" for blanks.

    Wrap a selection with :func:`readable`; the wrapped frame is ``.frame``.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def _repr_html_(self) -> str:
        cell = 'style="text-align:left; vertical-align:top; padding:2px 8px"'
        head = "".join(f"<th {cell}>{c}</th>" for c in self.frame.columns)
        rows = "".join(
            "<tr>" + "".join(f"<td {cell}>{_escape(v)}</td>" for v in row) + "</tr>"
            for row in self.frame.itertuples(index=False)
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def _escape(value: object) -> str:
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def readable(
    frame: pd.DataFrame,
    columns: list[str] | None = None,
    *,
    precision: str = "date_precision",
) -> Table:
    """The chosen columns of a table, ready to read.

    Dates are written only as precisely as they are known (a ``date_precision``
    column, when present, is used for the ``date`` column), missing values show
    as "—", and text is left-aligned.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"date": pd.to_datetime(["1958-01-01", "1953-07-27"]),
    ...                      "date_precision": ["month", "day"], "place": [None, "Panmunjom"]})
    >>> readable(rows, ["date", "place"])
        date     place
    Jan 1958         —
    27 Jul 1953 Panmunjom
    """
    if columns is None:
        columns = list(frame.columns)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"Column(s) {', '.join(missing)} not in the table; it has: {', '.join(frame.columns)}."
        )
    shown = pd.DataFrame(index=frame.index)
    for column in columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            known = frame[precision] if column == "date" and precision in frame else None
            shown[column] = [
                "—" if pd.isna(v) else plot.format_date(v, "day" if known is None else known[i])
                for i, v in values.items()
            ]
        else:
            shown[column] = ["—" if pd.isna(v) or str(v) == "" else str(v) for v in values]
    return Table(shown.reset_index(drop=True))


def milestones(
    events: pd.DataFrame,
    ids: list[str] | None = None,
    ax: Axes | None = None,
    *,
    title: str = "From war and treaty to nuclear deterrence: seventy years of milestones",
) -> Axes:
    """The start notebook's lead figure: a few chosen events on one time axis.

    Examples
    --------
    >>> from helpers import load
    >>> ax = milestones(load("events"))
    >>> len(ax.texts) >= len(START_MILESTONES)
    True
    """
    ids = START_MILESTONES if ids is None else ids
    unknown = sorted(set(ids) - set(events["id"]))
    if unknown:
        raise ValueError(f"No event with id {', '.join(unknown)} in the table.")
    chosen = events[events["id"].isin(ids)]
    with plot.style():
        if ax is None:
            _, ax = plt.subplots(figsize=(MAX_WIDTH, 4.6), layout="constrained")
        plot.timeline(chosen, ax=ax, title=title)
        ax.set_xlabel("Year (local date of each event)")
        plot.source_note(ax, "course dataset 'events' (sources listed at the end of this notebook)")
    return ax



# ---------------------------------------------------------------------------
# Lesson 01 · origins
# (add this lesson's figure functions below this line)

_LEVELS = [1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 4.0, -4.0, 5.0, -5.0]


def _levels_without_overlap(dates: pd.Series, widths_days: list[float]) -> list[float]:
    """Give each label (centred on its date) the first level where it overlaps no other label."""
    right_edge: dict[float, pd.Timestamp] = {}
    levels = []
    for when, width in zip(dates, widths_days, strict=True):
        half = pd.Timedelta(days=width / 2)
        for level in _LEVELS:
            if level not in right_edge or right_edge[level] < when - half:
                break
        right_edge[level] = when + half
        levels.append(level)
    return levels


def lollipop_timeline(
    events: pd.DataFrame,
    ax: Axes | None = None,
    *,
    label: str = "title",
    title: str | None = None,
    start: str | None = None,
    end: str | None = None,
    width: float = 9.0,
    height: float = 5.0,
) -> Axes:
    """A timeline whose markers sit at the end of each stem, at the label.

    Unlike :func:`helpers.plot.timeline`, events on the same or nearby days
    never hide each other: each label gets the first height at which it
    overlaps no other label, and the marker (colour and shape by category)
    sits at that height, so two events of one day show as two markers, one
    above the other. Dates are labelled as precisely as ``date_precision``
    says.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({
    ...     "date": pd.to_datetime(["1953-07-27", "1953-07-27"]),
    ...     "date_precision": ["day", "day"],
    ...     "title": ["Armistice signed", "Sixteen-nation declaration"],
    ...     "category": ["war and armistice", "diplomacy"]})
    >>> ax = lollipop_timeline(rows)
    >>> sorted(round(y) for c in ax.collections[1:] for y in c.get_offsets()[:, 1])
    [-1, 1]
    """
    for column in ("date", label, "category"):
        if column not in events.columns:
            raise ValueError(
                f"Column {column!r} not in the table; it has: {', '.join(events.columns)}."
            )
    if events.empty:
        raise ValueError("No events to draw: the table is empty. Check your filter.")
    rows = events.sort_values("date").reset_index(drop=True)
    known = rows["date_precision"] if "date_precision" in rows else pd.Series("day", rows.index)
    texts = [f"{t}\n{plot.format_date(d, p)}"
             for t, d, p in zip(rows[label], rows["date"], known, strict=True)]
    lo = pd.Timestamp(start) if start else rows["date"].min()
    hi = pd.Timestamp(end) if end else rows["date"].max()
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=10))
    lo, hi = lo - pad, hi + pad
    days_per_inch = (hi - lo).days / (width * 0.92)
    # 8-point text: about 0.062 inch per character, plus a small gap
    widths = [(max(len(line) for line in t.splitlines()) * 0.062 + 0.15) * days_per_inch
              for t in texts]
    levels = _levels_without_overlap(rows["date"], widths)
    colors = plot.category_colors(events["category"])
    markers = plot.category_markers(events["category"])
    with plot.style():
        if ax is None:
            _, ax = plt.subplots(figsize=(width, height), layout="constrained")
        ax.axhline(0, color="0.3", linewidth=1)
        ax.vlines(rows["date"], 0, levels, color="0.7", linewidth=0.8)
        for key in [k for k in colors if k in set(rows["category"])]:
            chosen = (rows["category"] == key).to_numpy()
            heights = [lv for lv, c in zip(levels, chosen, strict=True) if c]
            ax.scatter(rows["date"][chosen], heights, s=42, color=colors[key],
                       marker=markers[key], zorder=3, label=str(key))
        for when, text, level in zip(rows["date"], texts, levels, strict=True):
            ax.annotate(text, xy=(when, level), xytext=(0, 6 if level > 0 else -6),
                        textcoords="offset points", ha="center",
                        va="bottom" if level > 0 else "top", fontsize=8)
        ax.set_xlim(lo, hi)
        ax.set_ylim(min(levels + [-1]) - 1.3, max(levels + [1]) + 1.3)
        ax.yaxis.set_visible(False)
        ax.spines[["left", "top", "right"]].set_visible(False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, fontsize=8,
                  title="kind of event", title_fontsize=8)
        if title:
            ax.set_title(title)
    return ax


def treaty_steps(
    agreement: pd.Series,
    ax: Axes | None = None,
    *,
    korean_in_force: str | None = None,
    title: str | None = None,
) -> Axes:
    """The days between a treaty's steps: initialed, signed, in force.

    ``agreement`` is one row of ``agreements``; ``korean_in_force`` is the
    entry-into-force date in Korean records, drawn as a hollow marker when it
    differs from the default date.

    Examples
    --------
    >>> from helpers import load
    >>> row = load("agreements").set_index("id").loc["mutual-defense-treaty-1953"]
    >>> ax = treaty_steps(row, korean_in_force="1954-11-18")
    >>> [t.get_text() for t in ax.get_yticklabels()][0]
    'Initialed'
    """
    steps = {"Initialed": "initialed_date", "Signed": "signed_date", "In force": "in_force_date"}
    dates = {name: agreement[col] for name, col in steps.items() if pd.notna(agreement.get(col))}
    if len(dates) < 2:
        raise ValueError("This agreement has fewer than two dated steps; nothing to compare.")
    first = min(dates.values())
    names = list(dates)
    rows = list(range(len(names)))[::-1]
    day = {n: (dates[n] - first).days for n in names}
    with plot.style():
        if ax is None:
            _, ax = plt.subplots(figsize=(9, 3.6), layout="constrained")
        for i, (name, row) in enumerate(zip(names, rows, strict=True)):
            if i:
                wait = day[name] - day[names[i - 1]]
                ax.barh(row, wait, left=day[names[i - 1]], height=0.45, color=plot.PALETTE[1],
                        label="days since the previous step" if i == 1 else None)
                note = f"  (+{wait} days)"
            else:
                note = ""
            ax.scatter(day[name], row, color=plot.PALETTE[0], zorder=3,
                       label="step (local date where it happened)" if i == 0 else None)
            ax.annotate(f"day {day[name]}: {plot.format_date(dates[name])}{note}",
                        xy=(day[name], row), xytext=(6, 9), textcoords="offset points",
                        fontsize=8.5)
        if korean_in_force and "In force" in dates:
            k_day = (pd.Timestamp(korean_in_force) - first).days
            ax.scatter(k_day, rows[-1] - 0.3, facecolor="white", edgecolor=plot.PALETTE[3],
                       zorder=4, label="entry into force in Korean records")
            korean = plot.format_date(pd.Timestamp(korean_in_force))
            ax.annotate(f"day {k_day}: {korean} in Korean records",
                        xy=(k_day, rows[-1] - 0.3), xytext=(-6, 0), textcoords="offset points",
                        ha="right", va="center", fontsize=8.5, color=plot.PALETTE[3])
        ax.set_yticks(rows, names)
        ax.set_xlim(-15, max(day.values()) * 1.12 + 10)
        ax.set_ylim(-0.8, len(names) - 0.3)
        ax.legend(loc="upper right", fontsize=8)
        ax.set_xlabel(f"Days since the first step ({plot.format_date(first)})")
        if title:
            ax.set_title(title)
    return ax



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
