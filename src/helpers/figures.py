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
import matplotlib.pyplot as plt
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


def events_per_year(events: pd.DataFrame, ax=None, *, date: str = "date"):
    """Bars of how many dated events the course records in each year.

    The title is computed from the data: the share of events since 2000.

    Examples
    --------
    >>> frame = pd.DataFrame({"date": pd.to_datetime(["1953-07-27", "2023-04-26", "2023-07-18"])})
    >>> ax = events_per_year(frame)
    >>> [float(bar.get_height()) for bar in ax.patches if bar.get_height() > 0]
    [1.0, 2.0]
    >>> ax.get_title()
    '67% of the 3 dated events in the course data fall in 2000–2023'
    """
    plot._require_columns(events, [date])
    years = events[date].dropna().dt.year
    if years.empty:
        raise ValueError("No dated events to count: the table is empty. Check your filter.")
    counts = years.value_counts().reindex(range(years.min(), years.max() + 1), fill_value=0)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 3.4), layout="constrained")
    ax.bar(counts.index, counts.to_numpy(dtype=float), width=0.8, color=plot.PALETTE[0])
    share = (years >= 2000).mean()
    ax.set_title(f"{share:.0%} of the {len(years)} dated events in the course data fall "
                 f"in {max(2000, years.min())}–{years.max()}")
    ax.set_xlabel("Year (local date of each event)")
    ax.set_ylabel("Events recorded (rows)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return ax


def zoomed_timeline(
    table: pd.DataFrame,
    *,
    split: str,
    start: str,
    label: str = "label",
    category: str = "category",
    titles: tuple[str, str] = ("", ""),
    finding: str = "",
    legend_title: str = "",
):
    """Two timelines side by side: the years before ``split``, then a zoom on the rest.

    Use it when events cluster: the right panel spends its width on the
    crowded years. Returns both axes.

    Examples
    --------
    >>> frame = pd.DataFrame({
    ...     "date": pd.to_datetime(["2009-06-16", "2023-04-26", "2023-07-18"]),
    ...     "label": ["Joint Vision", "Declaration", "NCG 1"],
    ...     "category": ["vision", "deterrence", "deterrence"]})
    >>> left, right = zoomed_timeline(frame, split="2022-01-01", start="2008-07-01")
    >>> len(left.texts), len(right.texts)
    (1, 2)
    """
    plot._require_columns(table, ["date", label, category])
    early = table[table["date"] < split]
    late = table[table["date"] >= split]
    if early.empty or late.empty:
        raise ValueError(f"Both panels need events: split={split!r} leaves one of them empty.")
    fig, (ax, zoom) = plt.subplots(1, 2, figsize=(9, 5), width_ratios=[1, 1.7],
                                   layout="constrained")
    plot.timeline(early, ax, label=label, category=category, title=titles[0])
    plot.timeline(late, zoom, label=label, category=category, title=titles[1])
    ax.set_xlim(pd.Timestamp(start), pd.Timestamp(split) - pd.Timedelta(days=1))
    low = min(ax.get_ylim()[0], zoom.get_ylim()[0])
    high = max(ax.get_ylim()[1], zoom.get_ylim()[1])
    for panel in (ax, zoom):  # one baseline for both panels, tall enough for the labels
        panel.set_ylim(low, high)
    fig.set_figheight(min(9.0, (high - low) / 72 + 1.8))
    handles = {}  # one legend below both panels, each category once
    for panel in (ax, zoom):
        legend = panel.get_legend()
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True):
            handles.setdefault(text.get_text(), handle)
        legend.remove()
        locator = mdates.AutoDateLocator(minticks=2, maxticks=7)
        panel.xaxis.set_major_locator(locator)
        panel.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    fig.legend(handles.values(), handles.keys(), title=legend_title, loc="outside lower center",
               ncols=max(1, len(handles)), fontsize=8)
    ax.set_xlabel("Year")
    zoom.set_xlabel("Date (local date of each event)")
    if finding:
        fig.suptitle(finding, x=0.01, ha="left", fontweight="bold")
    return ax, zoom



# ---------------------------------------------------------------------------
# Lesson 09 · since 2024
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 10 · themes added by the missing-chapters work
# (add this lesson's figure functions below this line)
