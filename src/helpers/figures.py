"""Lesson figures: one named function per chart a lesson shows.

The primitives (house style, timeline, event annotations, source lines) live in
:mod:`helpers.plot`; this module builds the lessons' figures from them so a
notebook cell reads ``figures.troop_levels(troops, events=events)`` instead of
forty lines of matplotlib. Every function takes ``ax=None`` (a new figure is
made), keyword-only options, returns the axes, and never calls ``plt.show()``
or changes global settings.
"""

from __future__ import annotations

import matplotlib.dates as mdates
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

#: Short labels for lesson 01's timelines, by event id (other rows keep their title).
ORIGINS_LABELS = {
    "general-order-1-38th-parallel-1945": "Order No. 1: split\nat the 38th parallel",
    "usamgik-begins-1945": "US military\ngovernment",
    "southern-election-1948": "Election in\nthe south only",
    "rok-proclaimed-1948": "ROK\nproclaimed",
    "dprk-proclaimed-1948": "DPRK\nproclaimed",
    "unga-res-195-1948": "UN General\nAssembly Res. 195",
    "us-occupation-withdrawal-1949": "Last US troops\nleave",
    "acheson-press-club-1950": "Acheson's\nperimeter speech",
    "nk-invasion-1950": "North Korean\ninvasion",
    "unsc-res-82-1950": "UNSC Res. 82",
    "unsc-res-83-1950": "UNSC Res. 83",
    "unsc-res-84-1950": "UNSC Res. 84",
    "inchon-landing-1950": "Incheon landing",
    "chinese-intervention-1950": "China enters",
    "armistice-talks-open-1951": "Armistice talks open",
    "rhee-prisoner-release-1953": "Rhee frees\nPOWs",
    "armistice-signed-1953": "Armistice\n(Panmunjom)",
    "sixteen-nation-declaration-1953": "Sixteen-nation\ndeclaration (Wash.)",
    "mdt-initialed-1953": "Treaty\ninitialled",
    "mdt-signed-1953": "Treaty\nsigned",
    "nixon-rhee-pledge-1953": "Rhee's pledge\nto Nixon",
    "mdt-rok-assembly-consent-1954": "ROK Assembly\nconsents",
    "mdt-senate-consent-1954": "US Senate\nconsents",
    "mdt-in-force-1954": "Treaty in force",
}

def _spread(wanted: list[float], widths: list[float], lo: float, hi: float) -> list[float]:
    """Move label centres as little as possible so that no two labels on a row overlap."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    pos = [0.0] * len(wanted)
    last_right = lo
    for i in order:  # left to right: push right where needed
        pos[i] = max(wanted[i], last_right + widths[i] / 2)
        last_right = pos[i] + widths[i] / 2
    next_left = hi
    for i in reversed(order):  # right to left: pull back inside the axes
        pos[i] = min(pos[i], next_left - widths[i] / 2)
        next_left = pos[i] - widths[i] / 2
    return pos


def lollipop_timeline(
    events: pd.DataFrame,
    ax: Axes | None = None,
    *,
    label: str = "title",
    labels: dict[str, str] | None = None,
    title: str | None = None,
    start: str | None = None,
    end: str | None = None,
    width: float = 9.0,
    rows_per_side: int = 3,
    source: str | None = None,
) -> Axes:
    """A timeline whose markers sit at the end of each stem, at the label.

    Unlike :func:`helpers.plot.timeline`, events on the same or nearby days
    never hide each other: neighbours alternate above and below the axis on
    ``rows_per_side`` rows, labels on a row are moved sideways until none
    overlaps another, and a bent leader line joins each label to its date.
    The marker (colour and shape by category) sits at the label, so two
    events of one day show as two markers. Dates are labelled as precisely as ``date_precision``
    says. ``labels`` maps event ids to shorter labels (a newline splits a
    label over two lines); other rows keep their ``label`` column.

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
    names = rows[label]
    if labels and "id" in rows:
        names = [labels.get(i, t) for i, t in zip(rows["id"], rows[label], strict=True)]
    texts = [f"{t}\n{plot.format_date(d, p)}"
             for t, d, p in zip(names, rows["date"], known, strict=True)]
    lo = pd.Timestamp(start) if start else rows["date"].min()
    hi = pd.Timestamp(end) if end else rows["date"].max()
    # 8-point text: about 0.062 inch per character; labels must fit inside the axes
    chars = [max(len(line) for line in t.splitlines()) for t in texts]
    days_per_inch = (hi - lo).days / (width * 0.84) if hi > lo else 30.0
    widths = [(n * 0.062 + 0.12) * days_per_inch for n in chars]
    pad = pd.Timedelta(days=max(widths) / 2 + 0.1 * days_per_inch)
    lo, hi = lo - pad, hi + pad
    # neighbours in time alternate above and below the axis, on `rows_per_side` rows each
    cycle = [k * side for k in range(1, rows_per_side + 1) for side in (1, -1)]
    levels = [cycle[i % len(cycle)] for i in range(len(rows))]
    x = [(d - lo).days for d in rows["date"]]
    spot = list(x)
    for level in set(levels):
        members = [i for i, lv in enumerate(levels) if lv == level]
        moved = _spread([x[i] for i in members], [widths[i] for i in members], 0, (hi - lo).days)
        for i, where in zip(members, moved, strict=True):
            spot[i] = where
    label_x = [lo + pd.Timedelta(days=v) for v in spot]
    up, down = max(levels + [1]), -min(levels + [-1])
    colors = plot.category_colors(events["category"])
    markers = plot.category_markers(events["category"])
    with plot.style():
        if ax is None:
            # one row is 0.62 inch: taller than a three-line label and its marker
            height = (up + down + 2.4) * 0.62 + 1.5
            _, ax = plt.subplots(figsize=(width, height), layout="constrained")
        ax.axhline(0, color="0.3", linewidth=1)
        for when, where, level in zip(rows["date"], label_x, levels, strict=True):
            ax.plot([when, when, where], [0, level * 0.3, level], color="0.65", linewidth=0.8)
        ax.scatter(rows["date"], [0] * len(rows), s=12, color="0.3", zorder=3)
        for key in [k for k in colors if k in set(rows["category"])]:
            chosen = (rows["category"] == key).to_numpy()
            ax.scatter([w for w, c in zip(label_x, chosen, strict=True) if c],
                       [lv for lv, c in zip(levels, chosen, strict=True) if c], s=42,
                       color=colors[key], marker=markers[key], zorder=4, label=str(key))
        for where, text, level in zip(label_x, texts, levels, strict=True):
            ax.annotate(text, xy=(where, level), xytext=(0, 5 if level > 0 else -5),
                        textcoords="offset points", ha="center",
                        va="bottom" if level > 0 else "top", fontsize=8, zorder=5,
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": "white",
                              "edgecolor": "none"})
        ax.set_xlim(lo, hi)
        ax.set_ylim(-down - 1.2, up + 1.2)
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.yaxis.set_visible(False)
        ax.spines[["left", "top", "right"]].set_visible(False)
        ax.set_xlabel("Date (local calendar date where the event happened)")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=4, fontsize=8,
                  title="kind of event", title_fontsize=8)
        if source:
            plot.source_note(ax, source)
        if title:
            ax.set_title(title)
    return ax


def treaty_steps(
    agreement: pd.Series,
    ax: Axes | None = None,
    *,
    korean_in_force: str | None = None,
    title: str | None = None,
    source: str | None = None,
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
                ax.barh(row, wait, left=day[names[i - 1]], height=0.36, color=plot.PALETTE[1],
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
            ax.scatter(k_day, rows[-1] - 0.4, facecolor="white", edgecolor=plot.PALETTE[3],
                       zorder=4, label="entry into force in Korean records")
            korean = plot.format_date(pd.Timestamp(korean_in_force))
            ax.annotate(f"day {k_day}: {korean} in Korean records",
                        xy=(k_day, rows[-1] - 0.4), xytext=(-6, 0), textcoords="offset points",
                        ha="right", va="center", fontsize=8.5, color=plot.PALETTE[3])
        ax.set_yticks(rows, names)
        ax.set_xlim(-15, max(day.values()) * 1.3 + 10)
        ax.set_ylim(-0.8, len(names) - 0.3)
        ax.legend(loc="upper right", fontsize=8)
        ax.set_xlabel(f"Days since the first step ({plot.format_date(first)})")
        if title:
            ax.set_title(title)
        if source:
            plot.source_note(ax, source)
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
