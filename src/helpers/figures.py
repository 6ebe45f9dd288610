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


def _need(frame: pd.DataFrame, columns: list[str], what: str) -> None:
    """Raise a clear error when a lesson table lacks the columns a figure needs."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a table (DataFrame), not {type(frame).__name__}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} needs the column(s) {', '.join(missing)}; "
            f"it has: {', '.join(map(str, frame.columns))}."
        )
    if frame.empty:
        raise ValueError(f"{what} is empty: check the filter that built it.")


class ProseTable:
    """A table for reading: prose left-aligned, missing values as "—", no index.

    Shows as HTML in a notebook and as left-aligned plain text elsewhere. Build
    it with :func:`prose_table`.
    """

    def __init__(self, cells: pd.DataFrame) -> None:
        self.cells = cells

    def __repr__(self) -> str:
        columns = [str(c) for c in self.cells.columns]
        rows = [[v if len(v) <= 70 else v[:69] + "…" for v in row]
                for row in self.cells.itertuples(index=False)]
        widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
        lines = [columns] + rows
        return "\n".join("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip()
                         for line in lines)

    def _repr_html_(self) -> str:
        from html import escape

        style = 'style="text-align:left; vertical-align:top"'
        head = "".join(f"<th {style}>{escape(str(c))}</th>" for c in self.cells.columns)
        body = "".join(
            "<tr>" + "".join(f"<td {style}>{escape(v)}</td>" for v in row) + "</tr>"
            for row in self.cells.itertuples(index=False)
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _show(value: object, precision: object = "day") -> str:
    if value is None or value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    if isinstance(value, pd.Timestamp):
        return plot.format_date(value, precision if isinstance(precision, str) else "day")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def prose_table(frame: pd.DataFrame, columns: list[str] | None = None, **rename: str) -> ProseTable:
    """Show only ``columns`` of ``frame``, prose left-aligned and blanks as "—".

    Dates are written only as precisely as the table's ``date_precision``
    column says (when it has one). Keyword arguments rename columns for
    display (``prose_table(t, ["ncg"], ncg="NCG")``).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"title": ["A"], "note": [None], "n": [3.0],
    ...                   "date": [pd.Timestamp("1958-01-01")], "date_precision": ["month"]})
    >>> print(prose_table(t, ["title", "note", "date"], note="Note"))
    title  Note  date
    A      —     Jan 1958
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"prose_table shows a DataFrame, not {type(frame).__name__}.")
    columns = list(frame.columns) if columns is None else list(columns)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"Column(s) {', '.join(missing)} not in the table; "
                         f"it has: {', '.join(map(str, frame.columns))}.")
    precision = (frame["date_precision"].astype(object) if "date_precision" in frame.columns
                 else pd.Series("day", index=frame.index))
    cells = pd.DataFrame({
        rename.get(c, c): [_show(v, p) for v, p in zip(frame[c], precision, strict=True)]
        for c in columns
    })
    return ProseTable(cells)


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


__all__ += ["prose_table", "npg_size_by_year", "npg_membership", "consultative_bodies"]



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


__all__ += ["own_weapons_polls", "wording_effects", "seoul_tokyo_record"]



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
# Lesson 10 · engagement and pressure
# (add this lesson's figure functions below this line)

__all__ += ["periods_from_events", "launches_and_engagement", "episode_timeline"]

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
