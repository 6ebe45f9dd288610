"""Figures of lessons 04–07: alliance politics after the Cold War, the Washington Declaration,
the NCG and the NPG, reactions and debates.

See :mod:`helpers.figures` for the conventions every function follows.
"""

from __future__ import annotations

import matplotlib.dates as mdates  # noqa: F401
import matplotlib.pyplot as plt  # noqa: F401
import pandas as pd  # noqa: F401
from matplotlib.axes import Axes  # noqa: F401

from helpers import plot  # noqa: F401
from helpers.figures.history import _need, _title_and_source

# ---------------------------------------------------------------------------
# Lesson 04 · global alliance
# (add this lesson's figure functions below this line)



def _spread_labels(ax, items, *, levels, fontsize=8, shifts=(0, 40, -40, 80, -80)):
    """Write labels beside points so that no label touches another label or stem.

    ``items`` is a list of (x, y, text, colour); ``levels`` the vertical offsets in
    points to try, nearest first, each with the sideways ``shifts`` (points).
    A label takes the first position where its box stays inside the axes,
    overlaps no earlier label, is crossed by no earlier stem and whose own stem
    crosses no earlier label. Returns the Text artists, in order.
    """
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
    _need(moments, [date, label, lane], "alliance_lanes")
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
    _title_and_source(ax, title, source)
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
    _need(troops, ["year", "troops", "producer"], "troops_and_moments")
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
        _need(moments, ["date", "label"], "troops_and_moments (moments)")
        # a bar is centred on its year, so the year runs from year - 0.5 to year + 0.5
        where = moments["date"].dt.year - 0.5 + (moments["date"].dt.day_of_year - 0.5) / 366
        marks = pd.DataFrame({"x": where, "label": moments["label"]})
        plot.annotate_events(ax, marks, date="x", label="label")
    ax.set_ylim(0, troops["troops"].max() / 1000 * 1.45)
    ax.set_xlabel("Year (one bar per year)")
    ax.set_ylabel("US military personnel in South Korea (thousands)")
    ax.legend(loc="upper left", fontsize=8, title="Who counted", title_fontsize=8,
              alignment="left")
    return _title_and_source(ax, title, source)



# ---------------------------------------------------------------------------
# Lesson 05 · Washington Declaration
# (add this lesson's figure functions below this line)



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

    _need(measures, ["commitment", "kind", "date", "date_precision"], "promises_and_steps")
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
        _need(context, ["date", "label"], "promises_and_steps (context)")
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
    return _title_and_source(ax, title, source)


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

    _need(track, ["date", "label", "lane"], "ncg_track")
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
    _title_and_source(ax, title, source)
    items = [(when, level, f"{text}\n{when.day} {when:%b %Y}", "0.15")
             for when, level, text in zip(rows["date"], y, rows["label"], strict=True)]
    _spread_labels(ax, [i for i in items if i[1] == 0], levels=[16, 40, 64, -14, -38],
                   fontsize=7.5)
    _spread_labels(ax, [i for i in items if i[1] != 0], levels=[-12, -36], fontsize=7.5)
    return ax



# ---------------------------------------------------------------------------
# Lesson 06 · NCG and NPG
# (add this lesson's figure functions below this line)


def npg_size_by_year(
    enlargement: pd.DataFrame, *, open_from: int = 1979, last_year: int = 2025
) -> pd.DataFrame:
    """NATO allies per year and the NPG counted by the rule "all allies except France".

    ``enlargement`` has one row per accession year with ``year`` and
    ``new_allies``. Before ``open_from`` the rule does not apply (the NPG was a
    restricted group), so the NPG column is missing there.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"year": [1949, 1952], "new_allies": [12, 2]})
    >>> npg_size_by_year(table, open_from=1950, last_year=1953).loc[1953].tolist()
    [14, 13]
    """
    _need(enlargement, ["year", "new_allies"], "The enlargement table")
    years = pd.RangeIndex(int(enlargement["year"].min()), last_year + 1, name="year")
    allies = enlargement.groupby("year")["new_allies"].sum().cumsum()
    allies = allies.reindex(years).ffill().astype(int)
    npg = (allies - 1).where(years >= open_from).astype("Int64")
    return pd.DataFrame({"nato_allies": allies, "npg_members": npg})


def npg_membership(
    enlargement: pd.DataFrame,
    *,
    open_from: int = 1979,
    seven_seats: tuple[int, int] = (1967, 1979),
    ncg_year: int = 2023,
    seed_year: int = 2023,
    last_year: int = 2025,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Step chart: NATO's size, the NPG derived from it, the seven-seat NPG and the NCG.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"year": [1949, 2023], "new_allies": [12, 19]})
    >>> ax = npg_membership(table)
    >>> "30 members in 2023" in ax.get_title(loc="left")
    True
    """
    sizes = npg_size_by_year(enlargement, open_from=open_from, last_year=last_year)
    with plot.style():
        if ax is None:
            _, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
        years = sizes.index
        ax.step(years, sizes["nato_allies"], where="post", color="0.55", label="NATO allies")
        ax.step(years, sizes["npg_members"].astype("float"), where="post",
                color=plot.PALETTE[0], linewidth=2.2,
                label=f"NPG: all allies except France (derived; from {open_from})")
        ax.hlines(7, *seven_seats, color=plot.PALETTE[0], linestyles="dotted", linewidth=2.2,
                  label=f"NPG {seven_seats[0]}–{seven_seats[1]}: restricted group of seven seats")
        ax.scatter([ncg_year], [2], color=plot.PALETTE[3], zorder=3,
                   label=f"NCG ({ncg_year}): two members")
        seed = int(sizes.loc[seed_year, "npg_members"])
        ax.annotate(f"Seed article ({seed_year}):\n'{seed} countries'", xy=(seed_year, seed),
                    xytext=(2001, seed + 3), fontsize=8,
                    arrowprops={"arrowstyle": "->", "color": "0.3"})
        latest = int(sizes["npg_members"].iloc[-1])
        first_full = sizes.index[sizes["npg_members"] == latest][0]
        ax.set_xlim(years.min(), last_year + 1)
        ax.set_ylim(0, sizes["nato_allies"].max() + 4)
        ax.set_xlabel("Year")
        ax.set_ylabel("Member countries (number)")
        ax.set_title(f"The NPG grew with NATO: seven seats in {seven_seats[0]}, {seed} members "
                     f"in {seed_year}, {latest} since {first_full}")
        ax.legend(loc="upper left", fontsize=8)
        plot.source_note(ax, "NATO Archives; walberque (Substack); The National (2023); Anadolu "
                             "via A News (2024). NPG counts derived as NATO allies minus France.")
    return ax


def consultative_bodies(
    bodies: pd.DataFrame,
    *,
    npt_steps: pd.DataFrame | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """One lane per consultative body, dated, with NPT milestones as vertical lines.

    ``bodies`` has ``body``, ``step``, ``date`` and ``date_precision``; a date
    known only to the year is drawn as an open circle and printed as the year.
    ``npt_steps`` (``date``, ``title``, optional ``date_precision``) are drawn
    as dashed lines.

    Examples
    --------
    >>> import pandas as pd
    >>> bodies = pd.DataFrame({"body": ["NATO NPG", "ROK–US NCG"], "step": ["set up", "set up"],
    ...     "date": pd.to_datetime(["1966-12-14", "2023-04-26"]), "date_precision": ["day", "day"]})
    >>> ax = consultative_bodies(bodies)
    >>> len(ax.collections)
    2
    """
    _need(bodies, ["body", "step", "date", "date_precision"], "The bodies table")
    if npt_steps is not None:
        _need(npt_steps, ["date", "title"], "The NPT steps table")
    with plot.style():
        if ax is None:
            _, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
        rows = bodies.sort_values("date").reset_index(drop=True)
        for lane, row in zip(range(len(rows) - 1, -1, -1), rows.itertuples(), strict=True):
            exact = row.date_precision == "day"
            colour = plot.PALETTE[0] if str(row.body).startswith("NATO") else plot.PALETTE[2]
            ax.scatter(row.date, lane, s=60, color=colour,
                       facecolors=colour if exact else "white", linewidths=1.5, zorder=3)
            when = plot.format_date(row.date, row.date_precision)
            when = when if exact else f"{when} ({row.date_precision} only)"
            ax.annotate(f"{row.body}\n{row.step}, {when}", xy=(row.date, lane), xytext=(-9, 0),
                        textcoords="offset points", ha="right", va="center", fontsize=8)
        if npt_steps is not None:
            steps = npt_steps.sort_values("date")
            precisions = steps.get("date_precision", pd.Series("day", index=steps.index))
            for when, title, known in zip(steps["date"], steps["title"], precisions, strict=True):
                ax.axvline(when, color=plot.PALETTE[1], linestyle="--", linewidth=1)
                ax.annotate(f"{title} ({plot.format_date(when, known)})", xy=(when, 1),
                            xycoords=("data", "axes fraction"), xytext=(3, -3),
                            textcoords="offset points", rotation=90, va="top", fontsize=8,
                            color="0.3")
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.set_xlim(pd.Timestamp("1940-01-01"), pd.Timestamp("2026-12-31"))
        ax.yaxis.set_visible(False)
        ax.spines["left"].set_visible(False)
        ax.set_xlabel("Year (local date of each step)")
        earlier = rows.iloc[:-1]
        asian = int((~earlier["body"].astype(str).str.startswith("NATO")).sum())
        words = {0: "no", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
        noun = "body" if asian == 1 else "bodies"
        ax.set_title(f"The NPG predates the NPT; {words.get(asian, asian)} US {noun} with Asian "
                     f"allies came before the {rows['body'].iloc[-1].split('(')[-1].rstrip(')')}")
        plot.source_note(ax, "NATO Archives; MOFA Japan; UPI; KBS; ROK presidential office; "
                             "CTBTO; US State Dept; Dong-A Ilbo; NTI (see Sources)")
    return ax





# ---------------------------------------------------------------------------
# Lesson 07 · reactions and debates
# (add this lesson's figure functions below this line)


def _poll_dates(polls: pd.DataFrame) -> pd.Series:
    """Where a poll sits in time: start of fieldwork, else the publication date."""
    return polls["fieldwork_start"].fillna(polls["published"])


def own_weapons_polls(
    polls: pd.DataFrame,
    *,
    tests: pd.DataFrame | None = None,
    declaration: pd.Timestamp | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Support for a South Korean bomb, one marker per poll, no line between polls.

    Only the plain ``own_nuclear_weapons`` question is drawn. Gallup Korea and
    KINU (repeated series) get their own colour; every other sponsor shares
    one. A hollow marker is a poll dated only to the month or year; an ``X``
    is the survey of strategic elites. ``tests`` (``date``) adds North Korea's
    nuclear tests as ticks along the bottom; ``declaration`` a dashed line.

    Examples
    --------
    >>> import pandas as pd
    >>> polls = pd.DataFrame({"sponsor": ["Gallup Korea (own survey)", "CSIS"],
    ...     "population": ["adults", "strategic elites"],
    ...     "question_type": ["own_nuclear_weapons"] * 2,
    ...     "fieldwork_start": pd.to_datetime(["2016-09-20", "2024-01-15"]),
    ...     "published": pd.to_datetime([None, None]), "date_precision": ["day", "day"],
    ...     "support_pct": [58.0, 34.0]})
    >>> ax = own_weapons_polls(polls)
    >>> [line for line in ax.get_lines() if len(line.get_xdata()) > 2]
    []
    """
    _need(polls, ["sponsor", "population", "question_type", "fieldwork_start", "published",
                  "date_precision", "support_pct"], "The polls table")
    own = polls[polls["question_type"] == "own_nuclear_weapons"].assign(when=_poll_dates)
    if own.empty:
        raise ValueError("No poll asked the plain 'own_nuclear_weapons' question in this table.")
    elite = own["population"].str.contains("elite", case=False)
    series = {"Gallup Korea (own survey)": ("Gallup Korea", plot.PALETTE[0], "o"),
              "Korea Institute for National Unification": ("KINU", plot.PALETTE[2], "s")}
    with plot.style():
        if ax is None:
            _, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
        public = own[~elite]
        group = public["sponsor"].map(lambda s: s if s in series else "other")
        styles = dict(series, other=("other sponsors", plot.PALETTE[1], "D"))
        handles = []
        for key, (label, colour, marker) in styles.items():
            rows = public[group == key]
            if rows.empty:
                continue
            exact = rows["date_precision"].eq("day")
            ax.scatter(rows["when"], rows["support_pct"], s=50, marker=marker, color=colour,
                       facecolors=[colour if e else "white" for e in exact], linewidths=1.5,
                       zorder=3)
            handles.append(plt.Line2D([], [], marker=marker, linestyle="", color=colour,
                                      markersize=7, label=label))
        if elite.any():
            ax.scatter(own.loc[elite, "when"], own.loc[elite, "support_pct"], marker="X", s=90,
                       color="0.2", zorder=3)
            handles.append(plt.Line2D([], [], marker="X", linestyle="", color="0.2",
                                      markersize=8, label="strategic elites (not a public poll)"))
        if (~public["date_precision"].eq("day")).any():
            handles.append(plt.Line2D([], [], marker="o", linestyle="", markersize=7,
                                      markerfacecolor="white", markeredgecolor="0.3",
                                      label="hollow: fieldwork date not known to the day"))
        ax.axhline(50, color="0.5", linestyle=":", linewidth=0.9)
        ax.set_ylim(20, 100)
        start = own["when"].min() - pd.Timedelta(days=240)
        end = own["when"].max() + pd.Timedelta(days=240)
        ax.set_xlim(start, end)
        if tests is not None:
            _need(tests, ["date"], "The nuclear tests table")
            shown = tests[tests["date"].between(start, end)]
            ax.scatter(shown["date"], [22] * len(shown), marker="^", s=40, color="0.35",
                       zorder=2)
            handles.append(plt.Line2D([], [], marker="^", linestyle="", color="0.35",
                                      markersize=7, label="North Korean nuclear test"))
        if declaration is not None:
            ax.axvline(declaration, color="0.35", linestyle="--", linewidth=0.8)
            ax.annotate("Washington Declaration", xy=(declaration, 0.98),
                        xycoords=("data", "axes fraction"), xytext=(-3, 0),
                        textcoords="offset points", rotation=90, ha="right", va="top",
                        fontsize=8, color="0.35")
        low, high = public["support_pct"].min(), public["support_pct"].max()
        title = f"Public polls: {low:.0f}–{high:.0f}% back a South Korean bomb"
        if elite.any():
            title += f"; elite survey: {own.loc[elite, 'support_pct'].iloc[0]:.0f}%"
        ax.set_title(title)
        ax.set_xlabel("Start of fieldwork (publication date where fieldwork is not known)")
        ax.set_ylabel("Support (% of respondents)")
        ax.legend(handles=handles, loc="lower left", ncol=2, fontsize=8)
        plot.source_note(ax, "course datasets 'nuclear_opinion_polls' (question: should South "
                             "Korea have its own nuclear weapons?) and 'nuclear_tests'")
    return ax


def wording_effects(polls: pd.DataFrame, *, ax: plt.Axes | None = None) -> plt.Axes:
    """Dot plot: inside one poll (same sample, same dates), support by question wording.

    ``polls`` has ``poll`` (a label), ``question_type``, ``support_pct`` and
    ``when``; one row per question asked in that poll.

    Examples
    --------
    >>> import pandas as pd
    >>> polls = pd.DataFrame({"poll": ["A", "A"], "when": pd.to_datetime(["2022-11-10"] * 2),
    ...     "question_type": ["own_nuclear_weapons", "us_nuclear_deployment"],
    ...     "support_pct": [64.3, 61.1]})
    >>> wording_effects(polls).get_title(loc="left")
    'Within one poll, changing the question moves support by up to 3 points'
    """
    _need(polls, ["poll", "question_type", "support_pct", "when"], "The polls table")
    labels = {"own_nuclear_weapons": ("own weapons", plot.PALETTE[0], "o"),
              "own_nuclear_weapons_conditional": ("own weapons, even if sanctioned",
                                                  plot.PALETTE[1], "v"),
              "us_nuclear_deployment": ("US weapons stationed in Korea", plot.PALETTE[2], "s"),
              "forced_choice": ("own arsenal, when forced to choose", plot.PALETTE[3], "D")}
    unknown = set(polls["question_type"].astype(str)) - set(labels)
    if unknown:
        raise ValueError(f"No style for question type(s) {sorted(unknown)}; "
                         f"known: {sorted(labels)}.")
    order = list(polls.sort_values("when")["poll"].unique())
    spread = polls.groupby("poll")["support_pct"].agg(lambda s: s.max() - s.min())
    with plot.style():
        if ax is None:
            _, ax = plt.subplots(figsize=(9, 3.8), layout="constrained")
        for i, poll in enumerate(order):
            rows = polls[polls["poll"] == poll]
            ax.hlines(i, rows["support_pct"].min(), rows["support_pct"].max(), color="0.85",
                      linewidth=4, zorder=1)
            for row in rows.itertuples():
                name, colour, marker = labels[str(row.question_type)]
                ax.scatter(row.support_pct, i, marker=marker, s=70, color=colour, zorder=3)
                ax.annotate(f"{row.support_pct:g}", xy=(row.support_pct, i), xytext=(0, 9),
                            textcoords="offset points", ha="center", fontsize=8)
        shown = [t for t in labels if t in set(polls["question_type"].astype(str))]
        handles = [plt.Line2D([], [], marker=labels[t][2], linestyle="", markersize=7,
                              color=labels[t][1], label=labels[t][0]) for t in shown]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
        ax.set_yticks(range(len(order)), order)
        ax.set_ylim(-0.6, len(order) - 0.4)
        low, high = polls["support_pct"].min(), polls["support_pct"].max()
        ax.set_xlim(5 * (low // 5) - 2, 5 * (high // 5 + 1) + 2)
        ax.set_xlabel("Support (% of respondents)")
        ax.set_ylabel("Poll (sponsor, fieldwork)")
        ax.set_title(f"Within one poll, changing the question moves support by up to "
                     f"{spread.max():.0f} points")
        plot.source_note(ax, "course dataset 'nuclear_opinion_polls'")
    return ax


def seoul_tokyo_record(
    events: pd.DataFrame, *, title: str | None = None, ax: plt.Axes | None = None
) -> plt.Axes:
    """Timeline of Seoul–Tokyo steps and US signals, coloured by what each step was.

    ``events`` has ``date``, ``date_precision``, ``short`` (a label) and
    ``kind`` (for example "Seoul–Tokyo cooperation", "Seoul–Tokyo friction",
    "US signal"); it is drawn with :func:`helpers.plot.timeline`.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"date": pd.to_datetime(["2016-11-23", "2019-08-22"]),
    ...     "date_precision": ["day", "day"], "short": ["GSOMIA signed", "GSOMIA notice"],
    ...     "kind": ["Seoul–Tokyo cooperation", "Seoul–Tokyo friction"]})
    >>> len(seoul_tokyo_record(rows).texts) >= 2
    True
    """
    _need(events, ["date", "date_precision", "short", "kind"], "The events table")
    with plot.style():
        if ax is None:
            _, ax = plt.subplots(figsize=(9, 4.6), layout="constrained")
        first, last = events["date"].min().year, events["date"].max().year
        kinds = sorted(events["kind"].unique(), key=lambda k: (str(k).startswith("US"), str(k)))
        events = events.assign(kind=pd.Categorical(events["kind"], categories=kinds))
        plot.timeline(events, ax, label="short", category="kind",
                      title=title or f"Seoul–Tokyo steps and US signals, {first}–{last}")
        ax.set_xlabel("Date (local date of each step)")
        plot.source_note(ax, "course dataset 'events' (see Sources)")
    return ax

__all__ = [
    "alliance_lanes",
    "troops_and_moments",
    "promises_and_steps",
    "ncg_track",
    "npg_size_by_year",
    "npg_membership",
    "consultative_bodies",
    "own_weapons_polls",
    "wording_effects",
    "seoul_tokyo_record",
]
