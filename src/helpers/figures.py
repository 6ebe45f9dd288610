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

__all__ += ["alliance_lanes", "troops_and_moments"]


def _spread_labels(ax, items, *, levels, fontsize=8, shifts=(0, 40, -40, 80, -80)):
    """Write labels beside points so that no label touches another label or stem.

    ``items`` is a list of (x, y, text, colour); ``levels`` the vertical offsets in
    points to try, nearest first, each with the sideways ``shifts`` (points).
    A label takes the first position where its box stays inside the axes,
    overlaps no earlier label, is crossed by no earlier stem and whose own stem
    crosses no earlier label. Returns the Text artists, in order.
    """
    import matplotlib.dates as mdates
    from matplotlib.text import Text

    # settle the layout first, and keep labels out of it, so that the boxes
    # measured here are where the labels end up
    ax.figure.draw_without_rendering()
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    candidates = [(dx, dy) for dx in shifts for dy in levels]
    placed, boxes, stems = [], [], []

    def crosses(stem, box):
        (x0, y0), (x1, y1) = stem
        return any(box.contains(x0 + (x1 - x0) * k / 24, y0 + (y1 - y0) * k / 24)
                   for k in range(25))

    def intersect(a, b):
        (p1, p2), (p3, p4) = a, b

        def side(o, p, q):
            return (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])

        return (side(p1, p2, p3) * side(p1, p2, p4) < 0
                and side(p3, p4, p1) * side(p3, p4, p2) < 0)

    for x, y, text, colour in items:
        for n, (dx, dy) in enumerate(candidates):
            label = ax.annotate(
                text, xy=(x, y), xytext=(dx, dy), textcoords="offset points",
                ha="center", va="bottom" if dy > 0 else "top", fontsize=fontsize,
                color=colour, arrowprops={"arrowstyle": "-", "color": "0.7", "lw": 0.6,
                                          "shrinkA": 0, "shrinkB": 3},
            )
            label.set_in_layout(False)
            label.update_positions(renderer)
            box = Text.get_window_extent(label, renderer).expanded(1.06, 1.08)
            start = ax.transData.transform((mdates.date2num(x) if isinstance(x, pd.Timestamp)
                                            else x, y))
            end = (box.x0 + box.width / 2, box.y0 if dy > 0 else box.y1)
            stem = (tuple(start), end)
            fits = (frame.x0 <= box.x0 and box.x1 <= frame.x1
                    and frame.y0 <= box.y0 and box.y1 <= frame.y1
                    and not any(box.overlaps(other) for other in boxes)
                    and not any(crosses(old, box) for old in stems)
                    and not any(crosses(stem, other) for other in boxes)
                    and not any(intersect(stem, old) for old in stems))
            if fits or n == len(candidates) - 1:
                boxes.append(box)
                stems.append(stem)
                placed.append(label)
                break
            label.remove()
    return placed


def _require(frame: pd.DataFrame, columns: list[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} needs the column(s) {', '.join(missing)}; the table has: "
            f"{', '.join(map(str, frame.columns))}."
        )
    if frame.empty:
        raise ValueError(f"{what}: the table is empty. Check your filter.")


def alliance_lanes(
    moments: pd.DataFrame,
    ax=None,
    *,
    lane: str = "lane",
    label: str = "label",
    date: str = "date",
    title: str | None = None,
    source: str | None = None,
):
    """Dated alliance events on one horizontal lane per theme, labels that never collide.

    Each row of ``moments`` is one event with a date, a short label and the
    theme (``lane``) it belongs to; lanes keep the order of a categorical
    column, else the order of first appearance. Events close in time are
    labelled at staggered heights so no label hides another.

    Examples
    --------
    >>> import pandas as pd
    >>> moments = pd.DataFrame({
    ...     "date": pd.to_datetime(["1990-09-30", "1992-08-24", "1994-12-01"]),
    ...     "label": ["Moscow", "Beijing", "peacetime OPCON"],
    ...     "lane": ["diplomacy", "diplomacy", "command"]})
    >>> ax = alliance_lanes(moments, title="Three moments")
    >>> [t.get_text() for t in ax.texts][:2]
    ['Moscow\\nSep 1990', 'Beijing\\nAug 1992']
    """
    _require(moments, [date, label, lane], "alliance_lanes")
    rows = moments.sort_values(date).reset_index(drop=True)
    if isinstance(rows[lane].dtype, pd.CategoricalDtype):
        lanes = [c for c in rows[lane].cat.categories if c in set(rows[lane])]
    else:
        lanes = list(dict.fromkeys(rows[lane]))
    colours = plot.category_colors(lanes)
    markers = plot.category_markers(lanes)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 1.1 * len(lanes) + 1.3), layout="constrained")
    y = rows[lane].map({name: -i for i, name in enumerate(lanes)}).astype(float)
    for i, name in enumerate(lanes):
        ax.axhline(-i, color="0.85", linewidth=0.8, zorder=1)
        chosen = rows[lane] == name
        ax.scatter(rows.loc[chosen, date], y[chosen], s=42, color=colours[name],
                   marker=markers[name], zorder=3, label=str(name))
    span = rows[date].max() - rows[date].min()
    pad = max(span * 0.05, pd.Timedelta(days=60))
    ax.set_xlim(rows[date].min() - pad, rows[date].max() + pad)
    ax.set_ylim(-len(lanes) + 0.45, 0.55)
    ax.set_yticks([-i for i in range(len(lanes))], [str(n) for n in lanes], fontsize=9)
    ax.spines[["left", "top", "right"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    precision = rows["date_precision"] if "date_precision" in rows else ["day"] * len(rows)
    items = [
        (when, level, f"{text}\n{plot.format_date(when, known).split(' ', 1)[-1]}", "0.15")
        for when, level, text, known in zip(rows[date], y, rows[label], precision, strict=True)
    ]
    ax.set_xlabel("Date (local date of the event)")
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    _spread_labels(ax, items, levels=[9, -9, 27, -27], fontsize=7.5)
    return ax


def troops_and_moments(
    troops: pd.DataFrame,
    moments: pd.DataFrame | None = None,
    ax=None,
    *,
    title: str | None = None,
    source: str | None = None,
):
    """US troops in Korea per year (one bar per year), coloured by who counted them.

    ``troops`` has one row per year with ``year``, ``troops`` and ``producer``
    (use the default rows of ``usfk_troops``); a change of producer is a change
    of counting rule, so each producer keeps its own colour. ``moments`` (date,
    label) are marked with dashed lines.

    Examples
    --------
    >>> import pandas as pd
    >>> troops = pd.DataFrame({"year": [2003, 2004, 2006], "troops": [41145, 40840, 29486],
    ...                        "producer": ["Kane", "Kane", "Allen"]})
    >>> ax = troops_and_moments(troops, title="Troops")
    >>> len(ax.patches)
    3
    """
    _require(troops, ["year", "troops", "producer"], "troops_and_moments")
    if troops["year"].duplicated().any():
        raise ValueError("troops_and_moments needs one row per year: keep only the default "
                         "rows (is_default == True) or one producer.")
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.6), layout="constrained")
    colours = plot.category_colors(troops["producer"])
    for producer, part in troops.groupby("producer", sort=False, observed=True):
        ax.bar(part["year"].astype(int), part["troops"] / 1000, width=0.75,
               color=colours[producer], label=str(producer))
    if moments is not None and not moments.empty:
        _require(moments, ["date", "label"], "troops_and_moments (moments)")
        # a bar is centred on its year, so the year runs from year - 0.5 to year + 0.5
        where = moments["date"].dt.year - 0.5 + (moments["date"].dt.day_of_year - 0.5) / 366
        marks = pd.DataFrame({"x": where, "label": moments["label"]})
        plot.annotate_events(ax, marks, date="x", label="label")
    ax.set_ylim(0, troops["troops"].max() / 1000 * 1.45)
    ax.set_xlabel("Year (one bar per year)")
    ax.set_ylabel("US military personnel in South Korea (thousands)")
    ax.legend(loc="upper left", fontsize=8, title="Who counted", title_fontsize=8,
              alignment="left")
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax



# ---------------------------------------------------------------------------
# Lesson 05 · Washington Declaration
# (add this lesson's figure functions below this line)

__all__ += ["promises_and_steps", "ncg_track"]


def promises_and_steps(
    measures: pd.DataFrame,
    ax=None,
    *,
    context: pd.DataFrame | None = None,
    title: str | None = None,
    source: str | None = None,
):
    """Each pillar of the Washington Declaration on its own row: the promise and every later step.

    ``measures`` is the ``deterrence_measures`` table (or a part of it):
    commitment rows are drawn as diamonds at the Declaration's date,
    implementation rows as dots (open, with a bar across the month, when only
    the month is known). Pillars promised but with no dated step say so.
    ``context`` (date, label) adds dashed lines for outside events.

    Examples
    --------
    >>> from helpers import load
    >>> ax = promises_and_steps(load("deterrence_measures"), title="Promises and steps")
    >>> ax.get_ylabel()
    'Declaration pillar'
    """
    import matplotlib.dates as mdates

    _require(measures, ["commitment", "kind", "date", "date_precision"], "promises_and_steps")
    promises = measures[measures["kind"] == "commitment"]
    steps = measures[measures["kind"] == "implementation"]
    if promises.empty:
        raise ValueError("promises_and_steps needs the commitment rows (kind == 'commitment') "
                         "to know when the Declaration was made.")
    column = measures["commitment"]
    pillars = (list(column.cat.categories) if isinstance(column.dtype, pd.CategoricalDtype)
               else list(dict.fromkeys(column)))
    row_of = {pillar: i for i, pillar in enumerate(pillars)}
    declared = promises["date"].min()
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.8), layout="constrained")
    ax.axvline(declared, color="0.35", linestyle="--", linewidth=0.8,
               label=f"Washington Declaration ({declared.day} {declared:%b %Y})")
    ax.scatter(promises["date"], promises["commitment"].astype(str).map(row_of), marker="D",
               s=45, color=plot.PALETTE[1], zorder=3, label="promise in the Declaration")
    by_day = steps[steps["date_precision"] == "day"]
    by_month = steps[steps["date_precision"] == "month"]
    ax.scatter(by_day["date"], by_day["commitment"].astype(str).map(row_of), s=40,
               color=plot.PALETTE[0], zorder=3, label="step taken (day known)")
    if not by_month.empty:
        ax.errorbar(by_month["date"] + pd.Timedelta(days=14),
                    by_month["commitment"].astype(str).map(row_of),
                    xerr=pd.Timedelta(days=14), fmt="o", mfc="white", color=plot.PALETTE[0],
                    zorder=3, label="step taken (month known)")
    for pillar in dict.fromkeys(promises["commitment"].astype(str)):
        if pillar not in set(steps["commitment"].astype(str)):
            ax.annotate("no dated step in the data", xy=(declared, row_of[pillar]),
                        xytext=(12, 0), textcoords="offset points", va="center", fontsize=8,
                        style="italic", color="0.4")
    if context is not None and not context.empty:
        _require(context, ["date", "label"], "promises_and_steps (context)")
        plot.annotate_events(ax, context, label="label")
    ax.set_yticks(range(len(pillars)),
                  [p.replace(" (", "\n(").replace(" / ", " /\n") for p in pillars], fontsize=8)
    ax.set_ylim(len(pillars) - 0.5, -0.9)
    # room on the right for the legend, past the last step
    ax.set_xlim(declared - pd.Timedelta(days=45), max(measures["date"].max(),
                declared + pd.Timedelta(days=365)) + pd.Timedelta(days=260))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.set_xlabel("Date of the event (local date; month-only dates span the month)")
    ax.set_ylabel("Declaration pillar")
    ax.legend(loc="lower right", fontsize=8)
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax


def ncg_track(
    track: pd.DataFrame,
    ax=None,
    *,
    postponed: tuple[pd.Timestamp, pd.Timestamp] | None = None,
    title: str | None = None,
    source: str | None = None,
):
    """The NCG's meetings and documents on one lane, outside events on a second lane below.

    ``track`` has ``date``, ``label`` and ``lane`` (``"NCG"`` for the group's own
    steps, anything else for context such as the Declaration or martial law),
    so an NCG step and an outside event on neighbouring days never sit on top
    of each other. ``postponed`` = (first planned date, date held) draws the
    planned date as an open circle with an arrow to the meeting as held.

    Examples
    --------
    >>> import pandas as pd
    >>> track = pd.DataFrame({"date": pd.to_datetime(["2023-07-18", "2024-12-03"]),
    ...                       "label": ["NCG 1", "Martial law"], "lane": ["NCG", "context"]})
    >>> ax = ncg_track(track, title="Two events")
    >>> [t.get_text().split("\\n")[0] for t in ax.texts]
    ['NCG 1', 'Martial law']
    """
    import matplotlib.dates as mdates

    _require(track, ["date", "label", "lane"], "ncg_track")
    rows = track.sort_values("date").reset_index(drop=True)
    own = rows["lane"] == "NCG"
    y = own.map({True: 0.0, False: -1.0})
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.2), layout="constrained")
    for level in (0, -1):
        ax.axhline(level, color="0.85", linewidth=0.8, zorder=1)
    ax.scatter(rows.loc[own, "date"], y[own], s=46, color=plot.PALETTE[0], zorder=3,
               label="NCG meeting or document (held)")
    ax.scatter(rows.loc[~own, "date"], y[~own], s=46, color="0.35", marker="s", zorder=3,
               label="outside event")
    if postponed is not None:
        planned, held = (pd.Timestamp(d) for d in postponed)
        ax.scatter([planned], [0], s=46, facecolor="white", edgecolor=plot.PALETTE[0], zorder=4,
                   label="meeting as first planned")
        # the postponement is drawn below the NCG lane, clear of the labels above it
        ax.annotate("", xy=(held, -0.16), xytext=(planned, -0.16),
                    arrowprops={"arrowstyle": "->", "color": plot.PALETTE[3], "lw": 1.2})
        ax.annotate(f"postponed {(held - planned).days} days", xy=(planned, -0.16),
                    xytext=(0, -4), textcoords="offset points", ha="left", va="top",
                    fontsize=7.5, color=plot.PALETTE[3])
    span = rows["date"].max() - rows["date"].min()
    pad = max(span * 0.06, pd.Timedelta(days=30))
    ax.set_xlim(rows["date"].min() - pad, rows["date"].max() + pad)
    ax.set_ylim(-1.9, 1.25)
    ax.set_yticks([0, -1], ["NCG track", "outside events"], fontsize=9)
    ax.tick_params(axis="y", length=0)
    ax.spines[["left", "top", "right"]].set_visible(False)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.set_xlabel("Date of the event (local date)")
    ax.legend(loc="lower right", fontsize=8)
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    items = [(when, level, f"{text}\n{when.day} {when:%b %Y}", "0.15")
             for when, level, text in zip(rows["date"], y, rows["label"], strict=True)]
    _spread_labels(ax, [i for i in items if i[1] == 0], levels=[16, 40, 64, -14, -38],
                   fontsize=7.5)
    _spread_labels(ax, [i for i in items if i[1] != 0], levels=[-12, -36], fontsize=7.5)
    return ax



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
