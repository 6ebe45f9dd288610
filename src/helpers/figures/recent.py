"""Figures of lessons 08–11: the capstone, the alliance since 2024, engagement and pressure,
the role-play.

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


def alliance_lanes_since_2024(
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
    >>> ax = alliance_lanes_since_2024(rows, labels={"a": "NCG 3"})
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
    return _title_and_source(ax, title, source)


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
    return _title_and_source(ax, title, source)


def sma_contributions(
    cost: pd.DataFrame,
    ax=None,
    *,
    title: str | None = None,
    source: str | None = None,
):
    """Bars of South Korea's yearly SMA contribution (billion won), each agreement named above.

    Only years with a sourced amount get a bar; nothing is drawn between them.
    Neighbouring agreements alternate between two blues, so that where one ends
    and the next begins shows at a glance; years whose agreement the source does
    not name are grey. The latest year's amount is written above its bar.

    Examples
    --------
    >>> rows = pd.DataFrame({"year": [2021, 2026], "contribution_krw_bn": [1183.3, 1519.2],
    ...                      "sma_number": pd.array([11, 12], dtype="Int64")})
    >>> ax = sma_contributions(rows)
    >>> len(ax.patches), [t.get_text() for t in ax.texts]
    (2, ['SMA 11', 'SMA 12\\n1,519.2'])
    """
    plot._require_columns(cost, ["year", "contribution_krw_bn", "sma_number"])
    if cost.empty:
        raise ValueError("No rows to draw: the table is empty. Check your filter.")
    rows = cost.sort_values("year")
    ax = plot._new_axes(ax, (9, 4))
    shades = [plot.PALETTE[0], plot.PALETTE[5]]  # blue, sky blue
    unnamed = rows[rows["sma_number"].isna()]
    ax.bar(unnamed["year"].astype(int), unnamed["contribution_krw_bn"], width=0.8, color="0.65",
           label="agreement not named in the source")
    numbered = rows.dropna(subset=["sma_number"])
    last_year = int(rows["year"].iloc[-1])
    for k, (number, group) in enumerate(numbered.groupby("sma_number", sort=True)):
        years = group["year"].astype(int)
        ax.bar(years, group["contribution_krw_bn"], width=0.8, color=shades[k % 2])
        label = f"SMA {int(number)}"
        if last_year in set(years):
            label += f"\n{rows['contribution_krw_bn'].iloc[-1]:,.1f}"
        middle = (years.min() + years.max()) / 2
        ax.annotate(label, xy=(middle, group["contribution_krw_bn"].max()), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize=7.5)
    ax.set_ylim(0, rows["contribution_krw_bn"].max() * 1.2)
    ax.set_ylabel("ROK contribution (billion won, nominal)")
    ax.set_xlabel("year the contribution is for")
    if not unnamed.empty:
        ax.legend(loc="upper left", fontsize=8)
    return _title_and_source(ax, title, source)




# ---------------------------------------------------------------------------
# Lesson 10 · engagement and pressure
# (add this lesson's figure functions below this line)


#: The columns a table of periods needs (one row per shaded period).
PERIOD_COLUMNS = ["label", "start", "end"]


def periods_from_events(events: pd.DataFrame, spans: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """A table of periods (label, start, end) whose ends are dated rows of ``events``.

    Each period is named by its label and bounded by two event ids, so the dates come
    from the sourced data and not from the notebook.

    Examples
    --------
    >>> events = pd.DataFrame({"id": ["a", "b"],
    ...                        "date": pd.to_datetime(["1998-02-25", "2008-02-25"])})
    >>> periods_from_events(events, {"Sunshine decade": ("a", "b")})["end"].dt.year.tolist()
    [2008]
    """
    _need(events, ["id", "date"], "events")
    dates = events.set_index("id")["date"]
    rows = []
    for label, (first, last) in spans.items():
        unknown = [i for i in (first, last) if i not in dates.index]
        if unknown:
            raise ValueError(f"Period {label!r}: no event with id {', '.join(map(repr, unknown))}.")
        if dates[last] < dates[first]:
            raise ValueError(f"Period {label!r} ends ({last}) before it starts ({first}).")
        rows.append({"label": label, "start": dates[first], "end": dates[last],
                     "start_id": first, "end_id": last})
    return pd.DataFrame(rows)


def _year_fraction(when: pd.Series) -> pd.Series:
    """A date as a decimal year (1 July 2000 -> about 2000.5), to sit on a bar chart by year."""
    when = pd.to_datetime(when)
    days = when.dt.is_leap_year.map({True: 366, False: 365})
    return when.dt.year + (when.dt.day_of_year - 1) / days


def launches_and_engagement(
    launches: pd.DataFrame,
    tests: pd.DataFrame,
    periods: pd.DataFrame,
    ax=None,
    *,
    rule: str = "missiles_cns",
    title: str | None = None,
    source: str | None = None,
):
    """Missile launches per year (bars), nuclear tests (markers) and engagement periods (shading).

    Parameters
    ----------
    launches
        The ``missile_launches`` table (year, counting_rule, count).
    tests
        The ``nuclear_tests`` table (date, test_number).
    periods
        One row per engagement period: label, start, end (see :func:`periods_from_events`).
    rule
        Which counting rule's bars to draw; the y label names its unit.
    title
        The finding the figure shows.
    source
        The source line under the figure.

    Examples
    --------
    >>> launches = pd.DataFrame({"year": [2000, 2001], "counting_rule": "missiles_cns",
    ...                          "count": [0, 3], "count_unit": "missiles"})
    >>> tests = pd.DataFrame({"date": pd.to_datetime(["2001-10-09"]), "test_number": [1]})
    >>> periods = pd.DataFrame({"label": ["talks"], "start": pd.to_datetime(["2000-03-01"]),
    ...                         "end": pd.to_datetime(["2000-09-01"])})
    >>> ax = launches_and_engagement(launches, tests, periods)
    >>> [float(bar.get_height()) for bar in ax.containers[0]]
    [0.0, 3.0]
    """
    _need(launches, ["year", "counting_rule", "count", "count_unit"], "launches")
    _need(tests, ["date", "test_number"], "tests")
    _need(periods, PERIOD_COLUMNS, "periods")
    rules = sorted(map(str, launches["counting_rule"].dropna().unique()))
    if rule not in rules:
        raise ValueError(
            f"No launches counted under rule {rule!r}; the rules are: {', '.join(rules)}."
        )
    bars = launches[launches["counting_rule"] == rule].sort_values("year")
    unit = str(bars["count_unit"].iloc[0])
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.8), layout="constrained")
    colors = plot.PALETTE
    for i, row in enumerate(periods.itertuples()):
        ax.axvspan(_year_fraction(pd.Series([row.start])).iloc[0],
                   _year_fraction(pd.Series([row.end])).iloc[0],
                   color=colors[(i + 2) % len(colors)], alpha=0.25, linewidth=0,
                   label=f"{row.label} ({row.start:%b %Y}–{row.end:%b %Y})")
    ax.bar(bars["year"].astype(float) + 0.5, bars["count"].astype(float), width=0.8,
           color=colors[0], label=f"{unit} launched in the year")
    top = float(bars["count"].max()) if len(bars) else 1.0
    test_x = _year_fraction(tests["date"])
    ax.scatter(test_x, [top * 1.08] * len(tests), marker="v", s=60, color=colors[3],
               zorder=4, label="nuclear test (day of the test)")
    for x, number in zip(test_x, tests["test_number"], strict=True):
        ax.annotate(str(number), (x, top * 1.08), xytext=(0, 5), textcoords="offset points",
                    ha="center", fontsize=8, color=colors[3])
    ax.set_ylim(0, top * 1.25)
    ax.set_xlim(float(bars["year"].min()) - 0.5, float(bars["year"].max()) + 1.5)
    ax.set_xlabel("Year (bars cover the calendar year)")
    ax.set_ylabel(f"North Korean {unit} launched (count per year)")
    ax.legend(loc="upper left", fontsize=8)
    return _title_and_source(ax, title, source)


def episode_timeline(rows: pd.DataFrame, ax=None, *, label: str = "title",
                     title: str | None = None, source: str | None = None):
    """Dated episodes on a time line, coloured by the course's event categories.

    A thin wrapper on :func:`helpers.plot.timeline` at the notebook width (9 inches),
    with a source line when ``source`` is given. Pass short labels in a column
    named by ``label`` so that neighbouring episodes do not collide.

    Examples
    --------
    >>> rows = pd.DataFrame({"date": pd.to_datetime(["2018-09-19", "2023-11-22"]),
    ...                      "short": ["CMA signed", "partly suspended"],
    ...                      "category": ["inter-Korean", "inter-Korean"]})
    >>> ax = episode_timeline(rows, label="short", source="course data")
    >>> ax.texts[-1].get_text()
    'Source: course data'
    """
    _need(rows, ["date", label], "rows")
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.6), layout="constrained")
    plot.timeline(rows, ax, label=label, title=title)
    span_years = (rows["date"].max() - rows["date"].min()).days / 365.25
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y" if span_years > 6 else "%b %Y"))
    ax.set_xlabel("Date (local date of the event)")
    if source:
        plot.source_note(ax, source)
    return ax


# ---------------------------------------------------------------------------
# Lesson 11 · role-play
# (add this lesson's figure functions below this line)
# (the role-play's briefing reuses episode_timeline from Lesson 10)

__all__ = [
    "events_per_year",
    "zoomed_timeline",
    "LANES_09",
    "lanes_since_2024",
    "alliance_lanes_since_2024",
    "textwrap_label",
    "ASSET_TYPES_09",
    "asset_type",
    "asset_visits_by_year",
    "sma_contributions",
    "PERIOD_COLUMNS",
    "periods_from_events",
    "launches_and_engagement",
    "episode_timeline",
]
