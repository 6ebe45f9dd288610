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


_L02_MARKERS = ["o", "s", "D", "^"]


def _l02_axes(ax: plt.Axes | None) -> plt.Axes:
    """The given axes, or new 9 x 4.5 inch axes (the notebook column's width)."""
    return plot._new_axes(ax, (9, 4.5))


def _l02_need_columns(frame: pd.DataFrame, columns: list[str], what: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a table (DataFrame), not {type(frame).__name__}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} needs the column(s) {', '.join(missing)}; "
            f"it has: {', '.join(map(str, frame.columns))}."
        )


def _l02_label_lines(ax: plt.Axes, xs: list, labels: list) -> None:
    """Dashed lines at ``xs``; horizontal labels in rows near the top, never overlapping.

    Each label goes in the highest row where it clears the labels already
    placed (rows step down by 7 % of the axes height).
    """
    renderer = ax.figure.canvas.get_renderer()
    rows: list[list] = []
    for x, label in zip(xs, labels, strict=True):
        ax.axvline(x, color="0.45", linestyle="--", linewidth=0.8, zorder=0)
        for level in range(12):
            text = ax.annotate(str(label), xy=(x, 0.97 - 0.07 * level),
                               xycoords=("data", "axes fraction"), xytext=(2, 0),
                               textcoords="offset points", ha="left", va="top",
                               fontsize=8, color="0.2",
                               bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none"})
            box = text.get_window_extent(renderer)
            if level == len(rows):
                rows.append([])
            if all(box.x0 > other.x1 + 2 for other in rows[level]):
                rows[level].append(box)
                break
            text.remove()


def troop_levels(
    troops: pd.Series,
    *,
    events: pd.DataFrame | None = None,
    ax: plt.Axes | None = None,
    title: str | None = None,
    source: str | None = None,
    ymax: float | None = None,
) -> plt.Axes:
    """US troop numbers by year as a line, with decisions marked on it.

    A year missing from ``troops`` breaks the line, so a gap is never drawn
    as if it were data. Each event gets a dashed line and a horizontal label
    near the top; labels that would overlap step down a row.

    Parameters
    ----------
    troops
        Personnel counts indexed by year (one producer's series).
    events
        Optional table with a ``year`` column (integers) and a ``label``
        column; events in the same year share one line.
    ax, title, source, ymax
        Axes to draw on, the finding as a title, the source line, and the
        top of the y axis (default: 10 % above the largest count).

    Examples
    --------
    >>> counts = pd.Series([60000, 45000, 40000], index=[1969, 1971, 1972])
    >>> marks = pd.DataFrame({"year": [1969], "label": ["Nixon Doctrine"]})
    >>> ax = troop_levels(counts, events=marks, title="A cut")
    >>> [t.get_text() for t in ax.texts]
    ['Nixon Doctrine']
    """
    if not isinstance(troops, pd.Series) or troops.empty:
        raise ValueError("troops must be a non-empty Series of counts indexed by year.")
    years = pd.Index(troops.index)
    if not pd.api.types.is_integer_dtype(years):
        raise ValueError(
            "Index troops by year (whole numbers), e.g. default.loc[1955:1991, 'troops']."
        )
    ax = _l02_axes(ax)
    full = troops.astype(float).reindex(range(int(years.min()), int(years.max()) + 1))
    ax.plot(full.index, full.values, color=plot.PALETTE[0], marker="o", markersize=3,
            linewidth=1.5, label="US military personnel in South Korea")
    ax.set_xlim(years.min() - 1, years.max() + 1)
    ax.set_ylim(0, ymax if ymax else float(troops.max()) * 1.1)
    if events is not None and len(events):
        _l02_need_columns(events, ["year", "label"], "events")
        marks = (events.groupby("year", sort=True)["label"]
                 .agg(lambda s: " / ".join(map(str, s))).reset_index())
        _l02_label_lines(ax, marks["year"].tolist(), marks["label"].tolist())
    ax.yaxis.set_major_formatter("{x:,.0f}")
    ax.set_xlabel("Year of the DoD report")
    ax.set_ylabel("US military personnel (persons)")
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax


def troops_by_producer(
    troops: pd.DataFrame,
    *,
    names: dict,
    start: int,
    end: int,
    levels: dict | None = None,
    ax: plt.Axes | None = None,
    title: str | None = None,
    source: str | None = None,
) -> plt.Axes:
    """Every producer's troop figure per year, the default series as a line.

    Parameters
    ----------
    troops
        The ``usfk_troops`` table (``year``, ``producer``, ``troops``,
        ``is_default``).
    names
        Producer -> short name for the legend; producers not named are skipped.
    start, end
        First and last year shown.
    levels
        Optional ``{label: value}`` of reference numbers that are not counts
        (a policy level, a statutory floor); each is drawn as a labelled
        horizontal line.
    ax, title, source
        As for :func:`troop_levels`.

    Examples
    --------
    >>> t = pd.DataFrame({"year": [2008, 2008, 2009], "producer": ["A", "B", "A"],
    ...                   "troops": [25000, 50000, 26000], "is_default": [True, False, True]})
    >>> ax = troops_by_producer(t, names={"A": "update", "B": "rebuild"}, start=2008,
    ...                         end=2009, levels={"28,500: a stated level": 28500})
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['default series', 'update', 'rebuild']
    """
    _l02_need_columns(troops, ["year", "producer", "troops", "is_default"], "troops")
    rows = troops[troops["year"].between(start, end)]
    if rows.empty:
        raise ValueError(f"No troop figures between {start} and {end}.")
    ax = _l02_axes(ax)
    default = (rows[rows["is_default"].fillna(False).astype(bool)]
               .set_index("year")["troops"].astype(float)
               .reindex(range(start, end + 1)))
    ax.plot(default.index, default.values, color="0.6", linewidth=1, zorder=1,
            label="default series")
    for i, (producer, short) in enumerate(names.items()):
        mine = rows[rows["producer"].astype(str) == producer]
        if mine.empty:
            continue
        ax.scatter(mine["year"], mine["troops"], s=26, zorder=2, label=short,
                   color=plot.PALETTE[i % len(plot.PALETTE)],
                   marker=_L02_MARKERS[i % len(_L02_MARKERS)])
    for j, (label, value) in enumerate((levels or {}).items()):
        ax.axhline(value, color="0.2", linestyle=[":", "-."][j % 2], linewidth=1)
        ax.annotate(label, xy=(1, value), xycoords=("axes fraction", "data"),
                    xytext=(-2, 3), textcoords="offset points", ha="right", fontsize=8,
                    bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none"}, zorder=3)
    ax.set_xlim(start - 1, end + 1)
    ax.set_ylim(0, float(rows["troops"].max()) * 1.1)
    ax.yaxis.set_major_formatter("{x:,.0f}")
    ax.set_xlabel("Year of the report")
    ax.set_ylabel("US military personnel (persons)")
    ax.legend(loc="lower left", ncols=3, fontsize=8)
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax




# ---------------------------------------------------------------------------
# Lesson 03 · North Korea goes nuclear
# (add this lesson's figure functions below this line)


def _l03_short_estimator(name: object) -> str:
    text = str(name).split(" (")[0].split(",")[0]
    return {"Korea Meteorological Administration": "KMA",
            "ROK National Intelligence Service": "ROK NIS",
            "Russian Ministry of Defence": "Russian MoD"}.get(text, text)


def yield_ranges(
    tests: pd.DataFrame,
    *,
    ax: plt.Axes | None = None,
    title: str | None = None,
    source: str | None = None,
) -> plt.Axes:
    """Each nuclear test's yield as two named estimates on a log axis.

    One row per test; the default (South Korean) estimate sits just above
    the row's line and the alternative just below it. A range is a bar, a
    single value a dot, an "under X kt" estimate an arrow to the left.
    Nothing is moved along the yield axis.

    Examples
    --------
    >>> t = pd.DataFrame({"test_number": [1], "date": pd.to_datetime(["2006-10-09"]),
    ...     "seismic_magnitude_mb": [4.3], "yield_kt_low": [0.55], "yield_kt_high": [0.55],
    ...     "yield_estimator": ["KIGAM"], "alt_yield_kt_low": [None],
    ...     "alt_yield_kt_high": [1.0], "alt_yield_estimator": ["US ODNI"]})
    >>> ax = yield_ranges(t)
    >>> sorted(t.get_text() for t in ax.texts if t.get_text())
    ['KIGAM: 0.55 kt', 'US ODNI: under 1 kt']
    """
    columns = ["test_number", "date", "seismic_magnitude_mb"] + [
        f"{p}yield_{c}" for p in ("", "alt_") for c in ("kt_low", "kt_high", "estimator")]
    _l02_need_columns(tests, columns, "tests")
    ax = _l02_axes(ax)
    series = [("", -0.18, plot.PALETTE[0], "South Korean government estimate (default)"),
              ("alt_", 0.18, plot.PALETTE[1], "Another named estimate")]
    for prefix, offset, color, legend in series:
        for _, row in tests.iterrows():
            y = row["test_number"] + offset
            low, high = row[f"{prefix}yield_kt_low"], row[f"{prefix}yield_kt_high"]
            if pd.isna(high):
                continue
            name = _l03_short_estimator(row[f"{prefix}yield_estimator"])
            if pd.isna(low):
                ax.annotate("", xy=(0.2, y), xytext=(high, y),
                            arrowprops={"arrowstyle": "->", "color": color, "lw": 2})
                text = f"{name}: under {high:g} kt"
            elif low == high:
                ax.plot(high, y, "o", color=color, markersize=7)
                text = f"{name}: {high:g} kt"
            else:
                ax.hlines(y, low, high, color=color, linewidth=7)
                text = f"{name}: {low:g}–{high:g} kt"
            ax.annotate(text, xy=(high, y), xytext=(7, 0), textcoords="offset points",
                        va="center", fontsize=7.5, color="0.2")
        ax.plot([], [], "s", color=color, markersize=8, label=legend)
    ax.set_xscale("log")
    ax.set_xlim(0.1, 5000)
    ax.set_xticks([0.1, 1, 10, 100, 1000], ["0.1", "1", "10", "100", "1,000"])
    ax.set_yticks(tests["test_number"], [
        f"Test {n}, {d:%b %Y}\nUSGS mb {m}" for n, d, m in
        zip(tests["test_number"], tests["date"], tests["seismic_magnitude_mb"], strict=True)])
    ax.set_ylim(tests["test_number"].max() + 0.6, tests["test_number"].min() - 0.6)
    ax.grid(axis="x", color="0.9")
    ax.set_xlabel("Estimated yield (kilotons of TNT equivalent, log scale)")
    ax.set_ylabel("Nuclear test (number, date, magnitude)")
    ax.legend(loc="upper right", fontsize=8)
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax


def _l03_counts(launches: pd.DataFrame) -> pd.DataFrame:
    _l02_need_columns(launches, ["year", "counting_rule", "count"], "launches")
    return launches.pivot(index="year", columns="counting_rule", values="count")


def launches_per_year(
    launches: pd.DataFrame,
    *,
    rule: str,
    label: str,
    start: int,
    end: int,
    flag: dict | None = None,
    ax: plt.Axes | None = None,
    title: str | None = None,
    source: str | None = None,
) -> plt.Axes:
    """One counting rule, one bar per year, every bar labelled with its count.

    A year with no verified count gets no bar and the words "not verified";
    a count of zero is written as 0, so the two cannot be confused.
    ``flag`` maps a year to a short note (e.g. how that year's figure was
    obtained); its bar is hatched and the note written above it.

    Examples
    --------
    >>> rows = pd.DataFrame({"year": [2018, 2019, 2020], "counting_rule": ["m"] * 3,
    ...                      "count": [0, 27, None]})
    >>> ax = launches_per_year(rows, rule="m", label="missiles", start=2018, end=2020)
    >>> [t.get_text() for t in ax.texts]
    ['0', '27', 'not\\nverified']
    """
    counts = _l03_counts(launches)
    if rule not in counts.columns:
        raise ValueError(f"No rows for counting_rule {rule!r}; rules: {', '.join(counts.columns)}.")
    years = list(range(start, end + 1))
    values = counts[rule].reindex(years)
    ax = _l02_axes(ax)
    flag = flag or {}
    for year, value in zip(years, values, strict=True):
        if pd.isna(value):
            ax.annotate("not\nverified", xy=(year, 0), xytext=(0, 2), textcoords="offset points",
                        ha="center", va="bottom", fontsize=7, color="0.35")
            continue
        ax.bar(year, value, width=0.7, color=plot.PALETTE[0],
               hatch="//" if year in flag else None, edgecolor="white")
        note = f"{int(value)}" + (f"\n{flag[year]}" if year in flag else "")
        ax.annotate(note, xy=(year, value), xytext=(0, 2), textcoords="offset points",
                    ha="center", va="bottom", fontsize=8)
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(start - 0.6, end + 0.6)
    top = float(values.max()) if values.notna().any() else 1.0
    ax.set_ylim(0, top * 1.25)
    ax.set_xlabel("Year")
    ax.set_ylabel(label)
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax


def launches_by_rule(
    launches: pd.DataFrame,
    *,
    years: list[int],
    rules: dict,
    ax: plt.Axes | None = None,
    title: str | None = None,
    source: str | None = None,
) -> plt.Axes:
    """The same years counted under each rule, side by side (horizontal bars).

    ``rules`` maps a counting rule to its legend label, in the order to draw.
    A rule with no verified count for a year gets the words "not verified"
    where its bar would be.

    Examples
    --------
    >>> rows = pd.DataFrame({"year": [2019, 2019], "counting_rule": ["a", "b"],
    ...                      "count": [27, 14]})
    >>> ax = launches_by_rule(rows, years=[2019], rules={"a": "missiles", "b": "days"})
    >>> [t.get_text() for t in ax.texts]
    ['27', '14']
    """
    counts = _l03_counts(launches)
    unknown = [r for r in rules if r not in counts.columns]
    if unknown:
        raise ValueError(f"No rows for counting_rule(s) {', '.join(unknown)}.")
    ax = _l02_axes(ax)
    height = 0.8 / len(rules)
    for i, (rule, label) in enumerate(rules.items()):
        color, first = plot.PALETTE[i % len(plot.PALETTE)], True
        for j, year in enumerate(years):
            y = j + (i - (len(rules) - 1) / 2) * height
            value = counts[rule].get(year, float("nan"))
            if pd.isna(value):
                ax.annotate("not verified", xy=(0, y), xytext=(3, 0), textcoords="offset points",
                            va="center", fontsize=8, color="0.35", style="italic")
                continue
            ax.barh(y, value, height=height * 0.9, color=color, label=label if first else None)
            first = False
            ax.annotate(f"{int(value)}", xy=(value, y), xytext=(3, 0),
                        textcoords="offset points", va="center", fontsize=8)
    ax.set_yticks(range(len(years)), [str(y) for y in years])
    ax.invert_yaxis()
    ax.set_xlim(0, float(counts.loc[counts.index.isin(years), list(rules)].max().max()) * 1.2)
    ax.set_xlabel("Count (missiles, or launch days: see the legend)")
    ax.set_ylabel("Year")
    ax.legend(loc="lower right", fontsize=8)
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax




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
