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
# Lesson 10 · engagement and pressure
# (add this lesson's figure functions below this line)

__all__ += ["periods_from_events", "launches_and_engagement", "episode_timeline"]

#: The columns a table of periods needs (one row per shaded period).
PERIOD_COLUMNS = ["label", "start", "end"]


def _need(frame: pd.DataFrame, columns: list[str], what: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a table (DataFrame), not {type(frame).__name__}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} needs the column(s) {', '.join(missing)}; "
            f"it has: {', '.join(map(str, frame.columns))}."
        )


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
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax


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
