"""Figures of lessons 00–03: the start, origins, the Cold War alliance, North Korea goes
nuclear.

See :mod:`helpers.figures` for the conventions every function follows.
"""

from __future__ import annotations

import matplotlib.dates as mdates  # noqa: F401
import matplotlib.pyplot as plt  # noqa: F401
import pandas as pd  # noqa: F401
from matplotlib.axes import Axes  # noqa: F401

from helpers import plot  # noqa: F401

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
        head = "".join(f"<th {cell}>{_escape(c)}</th>" for c in self.frame.columns)
        rows = "".join(
            "<tr>" + "".join(f"<td {cell}>{_escape(v)}</td>" for v in row) + "</tr>"
            for row in self.frame.itertuples(index=False)
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"

    def __repr__(self) -> str:
        columns = [str(c) for c in self.frame.columns]
        rows = [[str(v) if len(str(v)) <= 70 else str(v)[:69] + "…" for v in row]
                for row in self.frame.itertuples(index=False)]
        widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
        return "\n".join("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip()
                         for line in [columns, *rows])


def _cell(value: object) -> str:
    """One value as text: blanks as "—", whole floats without ".0"."""
    if value is None or (not isinstance(value, (str, list, tuple)) and pd.isna(value)):
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "—" if str(value) == "" else str(value)


def _escape(value: object) -> str:
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _precision_columns(frame: pd.DataFrame, precision: str) -> dict[str, str]:
    """Date column -> the column giving its precision (the loader's rule, see readable)."""
    dates = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]
    governed = {d: f"{d}_precision" for d in dates if f"{d}_precision" in frame}
    if precision in frame:
        shared = ["date"] if "date" in dates else dates
        governed.update({d: precision for d in shared if d not in governed})
    return governed


def readable(
    frame: pd.DataFrame,
    columns: list[str] | None = None,
    *,
    precision: str = "date_precision",
    **rename: str,
) -> Table:
    """The chosen columns of a table, ready to read.

    Dates are written only as precisely as they are known, by the loader's rule:
    ``X_precision`` describes the date column ``X``, and ``date_precision``
    describes ``date`` or, in a table without one, every date column without a
    precision of its own (a poll's fieldwork dates). Missing values show
    as "—", and text is left-aligned (long cells are cut in the plain-text form
    only). Keyword arguments rename columns for display
    (``readable(t, ["ncg"], ncg="NCG")``).

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"date": pd.to_datetime(["1958-01-01", "1953-07-27"]),
    ...                      "date_precision": ["month", "day"], "place": [None, "Panmunjom"]})
    >>> readable(rows, ["date", "place"], place="Place")
    date         Place
    Jan 1958     —
    27 Jul 1953  Panmunjom
    >>> polls = pd.DataFrame({"fieldwork_start": pd.to_datetime(["2022-11-01"]),
    ...                       "date_precision": ["month"]})
    >>> readable(polls, ["fieldwork_start"])
    fieldwork_start
    Nov 2022
    >>> readable(["not a table"])
    Traceback (most recent call last):
    ...
    TypeError: readable shows a table (DataFrame), not list.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"readable shows a table (DataFrame), not {type(frame).__name__}.")
    if columns is None:
        columns = list(frame.columns)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"Column(s) {', '.join(missing)} not in the table; it has: {', '.join(frame.columns)}."
        )
    governed = _precision_columns(frame, precision)
    shown = pd.DataFrame(index=frame.index)
    for column in columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            known = frame[governed[column]] if column in governed else None
            shown[column] = [
                "—" if pd.isna(v) else plot.format_date(v, "day" if known is None else known[i])
                for i, v in values.items()
            ]
        else:
            shown[column] = [_cell(v) for v in values]
    return Table(shown.reset_index(drop=True).rename(columns=rename))


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


def _title_and_source(ax: Axes, title: str | None, source: str | None) -> Axes:
    """Write the finding title and the source line a figure was given; return ``ax``."""
    if title:
        ax.set_title(title)
    if source:
        plot.source_note(ax, source)
    return ax


def _need(frame: pd.DataFrame, columns: list[str], what: str, *, allow_empty: bool = False) -> None:
    """Raise a clear error when a lesson table is not a table, lacks a column or is empty.

    The one check every lesson figure makes at the door (all three figure modules use it).
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a table (DataFrame), not {type(frame).__name__}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} needs the column(s) {', '.join(missing)}; "
            f"it has: {', '.join(map(str, frame.columns))}."
        )
    if frame.empty and not allow_empty:
        raise ValueError(f"{what} is empty: check the filter that built it.")


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
        _need(events, ["year", "label"], "events", allow_empty=True)
        marks = (events.groupby("year", sort=True)["label"]
                 .agg(lambda s: " / ".join(map(str, s))).reset_index())
        _l02_label_lines(ax, marks["year"].tolist(), marks["label"].tolist())
    ax.yaxis.set_major_formatter("{x:,.0f}")
    ax.set_xlabel("Year of the DoD report")
    ax.set_ylabel("US military personnel (persons)")
    return _title_and_source(ax, title, source)


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
    _need(troops, ["year", "producer", "troops", "is_default"], "troops", allow_empty=True)
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
    return _title_and_source(ax, title, source)




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
    _need(tests, columns, "tests", allow_empty=True)
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
    return _title_and_source(ax, title, source)


def _l03_counts(launches: pd.DataFrame) -> pd.DataFrame:
    _need(launches, ["year", "counting_rule", "count"], "launches", allow_empty=True)
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
    return _title_and_source(ax, title, source)


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
    return _title_and_source(ax, title, source)

__all__ = [
    "START_MILESTONES",
    "MAX_WIDTH",
    "Table",
    "readable",
    "milestones",
    "ORIGINS_LABELS",
    "lollipop_timeline",
    "treaty_steps",
    "troop_levels",
    "troops_by_producer",
    "yield_ranges",
    "launches_per_year",
    "launches_by_rule",
]
