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

#: The five strands of lesson 09, in the order the figure draws them (top first).
LANES_09 = (
    "Deterrence and posture",
    "Alliance bargains (summits, trade, cost)",
    "Trilateral and Japan",
    "Politics in Seoul",
    "North Korea and Russia",
)


def lanes_since_2024(events: pd.DataFrame) -> pd.Series:
    """Sort events into the five strands of lesson 09, by actors and category.

    North Korea first (any row with DPRK among the actors), then Japan, then
    deterrence and force posture, then rows with Seoul as the only actor; the
    rest are alliance bargains (summits, SCMs, trade, cost sharing).

    Examples
    --------
    >>> rows = pd.DataFrame({"actors": ["DPRK;RUS", "ROK", "US;ROK"],
    ...                      "category": ["diplomacy", "diplomacy", "extended deterrence"]})
    >>> list(lanes_since_2024(rows))
    ['North Korea and Russia', 'Politics in Seoul', 'Deterrence and posture']
    """
    plot._require_columns(events, ["actors", "category"])
    actors = events["actors"].fillna("").astype(str).str.split(";")
    category = events["category"].astype(str)

    def lane(who: list, what: str) -> str:
        if "DPRK" in who:
            return LANES_09[4]
        if "JPN" in who:
            return LANES_09[2]
        if what in ("extended deterrence", "force posture"):
            return LANES_09[0]
        if who == ["ROK"]:
            return LANES_09[3]
        return LANES_09[1]

    return pd.Series([lane(w, c) for w, c in zip(actors, category, strict=True)],
                     index=events.index, name="lane")


def alliance_lanes(
    events: pd.DataFrame,
    ax=None,
    *,
    lane: str = "lane",
    labels: dict | None = None,
    shade: tuple | None = None,
    title: str | None = None,
    source: str | None = None,
):
    """Dated events as dots on one row per strand, a few of them labelled.

    Parameters
    ----------
    events
        Rows with ``id``, ``date`` and a ``lane`` column (see :func:`lanes_since_2024`).
    labels
        ``{id: short label}`` for the events to name; the others are unlabelled dots.
        Labels alternate above and below their row so neighbours do not collide.
    shade
        ``(start, end, text)``: a shaded period, e.g. Seoul's political crisis.

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["a", "b"], "date": pd.to_datetime(["2024-06-10", "2025-01-10"]),
    ...                      "lane": ["Deterrence and posture", "Politics in Seoul"]})
    >>> ax = alliance_lanes(rows, labels={"a": "NCG 3"})
    >>> [t.get_text() for t in ax.texts]
    ['NCG 3']
    """
    plot._require_columns(events, ["id", "date", lane])
    if events.empty:
        raise ValueError("No events to draw: the table is empty. Check your filter.")
    order = [name for name in LANES_09 if name in set(events[lane])]
    order += [name for name in dict.fromkeys(events[lane]) if name not in order]
    row_of = {name: len(order) - 1 - i for i, name in enumerate(order)}
    colors = plot.category_colors(order)
    markers = plot.category_markers(order)
    ax = plot._new_axes(ax, (9, 5))
    if shade:
        ax.axvspan(pd.Timestamp(shade[0]), pd.Timestamp(shade[1]), color="0.92", zorder=0)
        ax.annotate(shade[2], xy=(pd.Timestamp(shade[0]), len(order) - 0.45), fontsize=8,
                    color="0.3", xytext=(3, 0), textcoords="offset points", va="bottom")
    y_of = _staggered_rows(events, lane, row_of)
    for name in order:
        rows = events[events[lane] == name]
        ax.axhline(row_of[name], color="0.85", linewidth=0.8, zorder=1)
        ax.scatter(rows["date"], y_of[rows.index], color=colors[name],
                   marker=markers[name], s=36, zorder=3, label=name)
    labels = labels or {}
    counts: dict = {}
    for row in events.sort_values("date").itertuples():
        if row.id not in labels:
            continue
        name = getattr(row, lane)
        up = counts.get(name, 0) % 2 == 0
        counts[name] = counts.get(name, 0) + 1
        # labels sit beyond the largest nudge, so they never cover a neighbouring dot
        ax.annotate(labels[row.id], xy=(row.date, row_of[name] + (0.33 if up else -0.33)),
                    ha="center", va="bottom" if up else "top", fontsize=7.5)
    ax.set_yticks(list(row_of.values()), [textwrap_label(n) for n in row_of])
    ax.set_ylim(-0.7, len(order) - 0.2)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_xlabel("date of the event (local calendar date)")
    ax.spines[["left", "top", "right"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax


def _staggered_rows(events: pd.DataFrame, lane: str, row_of: dict, *, days: int = 10) -> pd.Series:
    """The y position of each event: its lane's row, nudged up and down when events
    of the same lane fall within ``days`` of each other, so no dot hides another."""
    nudges = [0.0, 0.14, -0.14, 0.28, -0.28]
    y = pd.Series(0.0, index=events.index)
    for name, rows in events.groupby(lane, sort=False):
        previous, k = None, 0
        for index, when in rows["date"].sort_values().items():
            k = k + 1 if previous is not None and (when - previous).days < days else 0
            y[index] = row_of[name] + nudges[k % len(nudges)]
            previous = when
    return y


def textwrap_label(text: str, width: int = 18) -> str:
    r"""Break a long axis label over lines of at most ``width`` characters.

    Examples
    --------
    >>> textwrap_label("Alliance bargains (summits, trade, cost)")
    'Alliance bargains\n(summits, trade,\ncost)'
    """
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


#: Asset types of US strategic-asset visits, read from the row id's prefix.
ASSET_TYPES_09 = {
    "ssbn": "ballistic-missile submarine (SSBN)",
    "ssgn": "guided-missile submarine (SSGN)",
    "ssn": "attack submarine (SSN)",
    "cvn": "aircraft carrier",
    "b52": "B-52 bomber landing",
}


def asset_type(ids: pd.Series) -> pd.Series:
    """The kind of US strategic asset a ``deterrence_measures`` visit row is about.

    Rows whose id does not start with a known prefix get ``<NA>`` (for example
    the President's tour of USS Kentucky, which is not a visit of its own).

    Examples
    --------
    >>> list(asset_type(pd.Series(["ssn-vermont-busan-2024", "yoon-boards-kentucky-2023"])))
    ['attack submarine (SSN)', <NA>]
    """
    prefix = ids.astype(str).str.split("-").str[0]
    return prefix.map(ASSET_TYPES_09).astype("string").rename("asset")


def asset_visits_by_year(
    visits: pd.DataFrame,
    ax=None,
    *,
    asset: str = "asset",
    title: str | None = None,
    source: str | None = None,
):
    """Stacked bars: recorded US strategic-asset visits per calendar year, by type.

    Examples
    --------
    >>> rows = pd.DataFrame({"date": pd.to_datetime(["2023-07-18", "2024-06-22", "2024-09-23"]),
    ...                      "asset": ["ballistic-missile submarine (SSBN)", "aircraft carrier",
    ...                                "attack submarine (SSN)"]})
    >>> ax = asset_visits_by_year(rows)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['2023', '2024']
    """
    plot._require_columns(visits, ["date", asset])
    if visits.empty:
        raise ValueError("No visits to draw: the table is empty. Check your filter.")
    table = (visits.assign(year=visits["date"].dt.year)
             .groupby(["year", asset]).size().unstack(fill_value=0))
    kinds = [k for k in ASSET_TYPES_09.values() if k in table.columns]
    kinds += [k for k in table.columns if k not in kinds]
    table = table[kinds]
    colors = plot.category_colors(list(ASSET_TYPES_09.values()) + kinds)
    ax = plot._new_axes(ax, (8, 4))
    positions = range(len(table))
    bottom = pd.Series(0, index=table.index)
    for kind in kinds:
        ax.bar(positions, table[kind], bottom=bottom, color=colors[kind], label=kind, width=0.6)
        bottom = bottom + table[kind]
    for x, total in zip(positions, bottom, strict=True):
        ax.annotate(str(int(total)), xy=(x, total), xytext=(0, 2), textcoords="offset points",
                    ha="center", va="bottom", fontsize=9)
    ax.set_xticks(list(positions), [str(y) for y in table.index])
    ax.set_ylabel("visits recorded (number)")
    ax.set_xlabel("calendar year (local date of arrival)")
    ax.set_ylim(0, bottom.max() + 1.5)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax


def sma_contributions(
    cost: pd.DataFrame,
    ax=None,
    *,
    title: str | None = None,
    source: str | None = None,
):
    """Bars of South Korea's yearly SMA contribution (billion won), one colour per agreement.

    Only years with a sourced amount get a bar; nothing is drawn between them.

    Examples
    --------
    >>> rows = pd.DataFrame({"year": [2021, 2026], "contribution_krw_bn": [1183.3, 1519.2],
    ...                      "sma_number": pd.array([11, 12], dtype="Int64")})
    >>> ax = sma_contributions(rows)
    >>> len(ax.patches)
    2
    """
    plot._require_columns(cost, ["year", "contribution_krw_bn", "sma_number"])
    if cost.empty:
        raise ValueError("No rows to draw: the table is empty. Check your filter.")
    names = cost["sma_number"].map(
        lambda n: "agreement not stated" if pd.isna(n) else f"SMA {int(n)}")
    order = list(dict.fromkeys(names))
    colors = plot.category_colors(order)
    ax = plot._new_axes(ax, (9, 4))
    for name in order:
        chosen = cost[names == name]
        ax.bar(chosen["year"].astype(int), chosen["contribution_krw_bn"], width=0.8,
               color=colors[name], label=name)
    last = cost.sort_values("year").iloc[-1]
    ax.annotate(f"{last['contribution_krw_bn']:,.1f}", xy=(int(last["year"]),
                last["contribution_krw_bn"]), xytext=(0, 2), textcoords="offset points",
                ha="center", va="bottom", fontsize=8)
    ax.set_ylim(0, cost["contribution_krw_bn"].max() * 1.12)
    ax.set_ylabel("ROK contribution (billion won, nominal)")
    ax.set_xlabel("year the contribution is for")
    ax.legend(loc="upper left", fontsize=8, ncols=2)
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax




# ---------------------------------------------------------------------------
# Lesson 10 · themes added by the missing-chapters work
# (add this lesson's figure functions below this line)
