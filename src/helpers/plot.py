"""Figures for the course: a timeline, event annotations and a house style.

Every function takes ``ax=None`` (a new figure is made) and returns the axes.
None of them calls ``plt.show()`` or changes global settings: wrap a figure
in ``with style():`` to get the course palette and a white background.

An event category has one colour and one marker in every notebook
(:func:`category_style`), fixed by the order of the ``category`` enum of
``events`` in ``datapackage.json``: add a new category at the end of that
list and no existing category changes its look. Arguments are checked at the
door: a wrong type or a missing date is a clear error, not a traceback.

One thing happens on import: in a Jupyter kernel with the inline backend,
figures are shown before pyplot's end-of-cell redraw runs, so a figure is
drawn once for the page instead of once more for nothing
(:func:`show_inline_figures_first`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from cycler import cycler
from matplotlib.axes import Axes

__all__ = [
    "PALETTE",
    "MARKERS",
    "category_style",
    "category_label",
    "style",
    "timeline",
    "annotate_events",
    "source_note",
    "category_colors",
    "category_markers",
    "format_date",
    "place_labels",
]

#: Okabe & Ito's colour-blind-safe palette; tests check every pair stays apart
#: under simulated protanopia, deuteranopia and tritanopia.
PALETTE = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black (a grey here merged with reddish purple under deuteranopia)
]

_STYLE = {
    "axes.prop_cycle": cycler(color=PALETTE),
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "font.size": 10,
    "legend.frameon": False,
}


@contextmanager
def style() -> Iterator[None]:
    """Apply the course style (palette, white background) inside a ``with`` block.

    Global settings are restored when the block ends.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> before = mpl.rcParams["figure.facecolor"]
    >>> with style():
    ...     mpl.rcParams["axes.spines.top"]
    False
    >>> mpl.rcParams["figure.facecolor"] == before
    True
    """
    with mpl.rc_context(_STYLE):
        try:
            yield
        finally:
            # pyplot may switch interactive mode on when the first figure of a
            # kernel is made inside the block; leaving it switched on keeps the
            # inline backend showing later figures (rc_context would undo it)
            interactive = mpl.is_interactive()
    mpl.interactive(interactive)


#: Marker shapes, one per event category (in the enum's order), so no two share one.
MARKERS = ["o", "s", "D", "^", "v", "P", "X", "h", "p", "<", ">", "d"]
EVENT_CATEGORIES = ("events", "category")  # the dataset and field whose enum fixes the styles
FIGURE_WIDTH = 9  # inches: a figure the course draws is never wider


@cache
def _event_categories() -> tuple[str, ...]:
    """The event categories in their declared order, read once from datapackage.json."""
    from helpers.data import default_data_dir

    descriptor = json.loads(
        (default_data_dir() / "datapackage.json").read_text(encoding="utf-8")
    )
    dataset, column = EVENT_CATEGORIES
    for resource in descriptor.get("resources", []):
        if resource.get("name") == dataset:
            for field in resource["schema"]["fields"]:
                if field["name"] == column:
                    return tuple(field.get("constraints", {}).get("enum", ()))
    return ()


def category_style(category: str) -> tuple[str, str]:
    """The colour and marker of an event category: the same in every notebook.

    The styles follow the order of the ``category`` enum of ``events`` in
    ``datapackage.json``; each category has its own marker, so even where
    two colours look alike (or print in grey) the shapes tell them apart.

    Examples
    --------
    >>> category_style("war and armistice")
    ('#0072B2', 'o')
    >>> category_style("no such category")
    Traceback (most recent call last):
    ...
    ValueError: 'no such category' is not an event category; the categories are: ...
    """
    known = _event_categories()
    if not isinstance(category, str) or category not in known:
        raise ValueError(
            f"{category!r} is not an event category; the categories are: "
            f"{', '.join(known)} (datapackage.json, events.category)."
        )
    i = known.index(category)
    return PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]


def category_label(category: object) -> str:
    """How a category reads in a legend: an event category with a capital letter.

    Examples
    --------
    >>> category_label("nuclear and missile (DPRK)"), category_label("NCG step")
    ('Nuclear and missile (DPRK)', 'NCG step')
    """
    text = str(category)
    if text in _event_categories():
        return text[:1].upper() + text[1:]
    return text


def category_markers(categories: pd.Series | list) -> dict:
    """Give each category a marker shape that, with its colour, tells it apart.

    Event categories get their fixed marker (:func:`category_style`); other
    categories all take a circle, told apart by colour.

    Examples
    --------
    >>> category_markers(["trilateral", "force posture"])
    {'trilateral': 'X', 'force posture': 'D'}
    >>> category_markers(["a", "b"])
    {'a': 'o', 'b': 'o'}
    """
    values = list(category_colors(categories))
    if values and set(values) <= set(_event_categories()):
        return {value: category_style(value)[1] for value in values}
    return {value: MARKERS[(i // len(PALETTE)) % len(MARKERS)] for i, value in enumerate(values)}


def category_colors(categories: pd.Series | list) -> dict:
    """Give each category a palette colour.

    Event categories get their fixed colour (:func:`category_style`), whatever
    else is in the table; other categories take the palette in their own
    order (a categorical column keeps its declared order).

    Examples
    --------
    >>> category_colors(["treaty", "war"])
    {'treaty': '#0072B2', 'war': '#E69F00'}
    >>> category_colors(["force posture"])
    {'force posture': '#009E73'}
    >>> category_colors([f"SMA {n}" for n in range(1, 13)])
    Traceback (most recent call last):
    ...
    ValueError: 12 categories, but the palette has 8 colours that stay apart: ...
    """
    if isinstance(categories, pd.Series) and isinstance(categories.dtype, pd.CategoricalDtype):
        values = list(categories.cat.categories)
    else:
        values = list(dict.fromkeys(categories))
    if values and set(values) <= set(_event_categories()):
        return {value: category_style(value)[0] for value in values}
    if len(values) > len(PALETTE):
        raise ValueError(
            f"{len(values)} categories, but the palette has {len(PALETTE)} colours that stay "
            "apart: two categories would share a colour. Group some of them, or label the bars "
            "directly."
        )
    return {value: PALETTE[i] for i, value in enumerate(values)}


def show_inline_figures_first() -> bool:
    """Under the inline backend, show figures before pyplot redraws them.

    After each cell IPython runs two matplotlib hooks: pyplot's redraw of every
    changed figure, then the inline backend's ``flush_figures``, which draws
    each figure again into a PNG and closes it. The first draw is never seen.
    Putting ``flush_figures`` first leaves the redraw nothing to do, and saves
    about a third of the cost of every figure in a lesson. Nothing else changes: the same
    figures appear, and figures kept open (``InlineBackend.close_figures =
    False``) are still redrawn. Returns whether the order was changed.

    Outside IPython, or with another backend, nothing happens:

    >>> show_inline_figures_first()
    False
    """
    ipython = sys.modules.get("IPython")  # not imported: not in IPython (and stay cheap)
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or "inline" not in mpl.get_backend():
        return False
    from matplotlib_inline.backend_inline import flush_figures

    hooks = shell.events.callbacks["post_execute"]
    redraw = getattr(plt, "_draw_all_if_interactive", None)
    if flush_figures not in hooks or redraw not in hooks:
        return False
    if hooks.index(flush_figures) < hooks.index(redraw):
        return False
    hooks.remove(flush_figures)
    hooks.insert(hooks.index(redraw), flush_figures)
    return True


show_inline_figures_first()


_FONT = 8.0  # label font size, points
_LINE = _FONT * 1.25  # line height, points
_CHAR = _FONT * 0.55  # average character width, points
_GAP = 6.0  # space kept between two labels, points


def place_labels(
    xs: list[float], texts: list[str], aligns: list[str]
) -> tuple[list[float], tuple[float, float]]:
    r"""Heights for timeline labels so that no two labels overlap.

    Works in points: ``xs`` are the events' positions along the axis, each
    label is a box as wide as its longest line and as tall as its lines. Each
    label, in date order, goes to the side (above or below the axis) where it
    can sit lowest without touching a label already placed.

    Returns the stem height of each label (negative below the axis) and how
    far the labels reach above and below the axis.

    Examples
    --------
    >>> heights, reach = place_labels([10, 12, 300], ["A\n1953", "B\n1953", "C\n1954"],
    ...                               ["center"] * 3)
    >>> heights[0] > 0 > heights[1], heights[2] > 0   # same place: one up, one down
    (True, True)
    >>> abs(heights[0]) == abs(heights[2])            # far apart: the same low level
    True
    """
    placed: dict[int, list[tuple[float, float, float, float]]] = {1: [], -1: []}
    heights: list[float] = []
    reach = {1: 0.0, -1: 0.0}
    base = _LINE * 1.5
    for i, (x, text, align) in enumerate(zip(xs, texts, aligns, strict=True)):
        lines = str(text).split("\n")
        width = max(len(line) for line in lines) * _CHAR
        tall = len(lines) * _LINE
        left = x if align == "left" else x - width if align == "right" else x - width / 2
        span = (left - _GAP / 2, left + width + _GAP / 2)
        best = None
        for side in (1, -1) if i % 2 == 0 else (-1, 1):
            blocking = sorted((b, t) for x0, x1, b, t in placed[side]
                              if x0 < span[1] and span[0] < x1)
            low = base
            for bottom, top in blocking:
                if low + tall + _GAP <= bottom:
                    break
                low = max(low, top + _GAP)
            if best is None or low < best[1]:
                best = (side, low)
        side, low = best
        placed[side].append((span[0], span[1], low, low + tall))
        reach[side] = max(reach[side], low + tall)
        heights.append(side * low)
    return heights, (reach[1], reach[-1])


def _new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _check_axes(ax: object, optional: bool = True) -> None:
    if (ax is None and optional) or isinstance(ax, Axes):
        return
    raise TypeError(
        f"ax must be a matplotlib Axes (e.g. from `fig, ax = plt.subplots()`)"
        f"{' or None' if optional else ''}, not {type(ax).__name__}."
    )


def _check_table(events: object, what: str = "events") -> None:
    if not isinstance(events, pd.DataFrame):
        raise TypeError(
            f"{what} must be a pandas DataFrame (e.g. load('events') or a filter of it), "
            f"not {type(events).__name__}."
        )


def _rows_named(frame: pd.DataFrame, mask: pd.Series, label: str) -> str:
    """A few rows, named by their label (or index), for an error message."""
    names = [str(v)[:40] for v in frame.loc[mask, label].head(3)] if label in frame else []
    names = names or [str(i) for i in frame.index[mask][:3]]
    more = f" and {int(mask.sum()) - 3} more" if mask.sum() > 3 else ""
    return ", ".join(repr(n) for n in names) + more


def _check_dates(frame: pd.DataFrame, date: str, label: str, numeric_ok: bool = False) -> None:
    column = frame[date]
    if pd.api.types.is_datetime64_any_dtype(column):
        pass
    elif numeric_ok and pd.api.types.is_numeric_dtype(column):
        pass
    else:
        raise TypeError(
            f"Column {date!r} holds {column.dtype} values, not dates. Convert it first: "
            f"table[{date!r}] = pd.to_datetime(table[{date!r}])."
        )
    missing = column.isna()
    if missing.all():
        raise ValueError(f"Column {date!r} has no dates at all: nothing to place on the axis.")
    if missing.any():
        raise ValueError(
            f"{int(missing.sum())} row(s) have no {date}: {_rows_named(frame, missing, label)}. "
            f"Drop them first (table.dropna(subset=[{date!r}])) or fill in the date."
        )


def timeline(
    events: pd.DataFrame,
    ax: Axes | None = None,
    *,
    date: str = "date",
    label: str = "title",
    category: str | None = "category",
    precision: str = "date_precision",
    title: str | None = None,
) -> Axes:
    """Draw dated events on a horizontal time axis, labels on staggered stems.

    Each label shows the date only as precisely as it is known: when the
    table has a ``date_precision`` column (``day``, ``month`` or ``year``),
    an event known to the month reads "Mar 1977", not "1 Mar 1977".

    Parameters
    ----------
    events
        One row per event, with a datetime column and a text column.
    ax
        Axes to draw on; a new figure when ``None``.
    date, label, category, precision
        Column names. ``category=None`` draws every event in one colour; a
        missing ``precision`` column means every date is exact to the day.
    title
        The figure title: state the finding, not just the topic.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> events = pd.DataFrame({
    ...     "date": pd.to_datetime(["1953-07-27", "1953-10-01"]),
    ...     "title": ["Armistice signed", "Treaty signed"],
    ...     "category": ["war", "treaty"]})
    >>> ax = timeline(events, title="Two events")
    >>> len(ax.texts)
    2
    """
    _check_table(events)
    _check_axes(ax)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be text, not {type(title).__name__}.")
    _require_columns(events, [date, label] + ([category] if category else []))
    if events.empty:
        raise ValueError("No events to draw: the table is empty. Check your filter.")
    _check_dates(events, date, label)
    for column in [label] + ([category] if category else []):
        missing = events[column].isna()
        if missing.any():
            raise ValueError(
                f"{int(missing.sum())} row(s) have no {column} (dates "
                f"{', '.join(f'{d:%Y-%m-%d}' for d in events.loc[missing, date][:3])}). "
                f"Fill it in or drop those rows."
            )
    if precision in events.columns:
        for known in events[precision].dropna().unique():
            format_date(pd.Timestamp("2000-01-01"), known)  # an unknown precision fails here
    rows = events.sort_values(date).reset_index(drop=True)
    precisions = rows[precision] if precision in rows.columns else ["day"] * len(rows)
    texts = [f"{text}\n{format_date(when, known)}"
             for when, text, known in zip(rows[date], rows[label], precisions, strict=True)]
    span = rows[date].max() - rows[date].min()
    pad = max(span * 0.04, pd.Timedelta(days=20))
    start, end = rows[date].min() - pad, rows[date].max() + pad
    where = [(when - start) / (end - start) for when in rows[date]]
    # labels near either end are aligned inwards so they stay inside the axes
    aligns = ["left" if w < 0.12 else "right" if w > 0.88 else "center" for w in where]
    width_pt = (ax.get_position().width * ax.figure.get_figwidth() * 72 if ax is not None
                else FIGURE_WIDTH * 0.8 * 72)
    heights, (up, down) = place_labels([w * width_pt for w in where], texts, aligns)
    ax = _new_axes(ax, (FIGURE_WIDTH, min(9.0, max(3.0, (up + down) / 72 + 1.4))))
    if category:
        colors = category_colors(events[category])
        markers = category_markers(events[category])
    else:
        colors, markers = {None: PALETTE[0]}, {None: "o"}
    keys = list(rows[category]) if category else [None] * len(rows)
    ax.vlines(rows[date], 0, heights, color="0.6", linewidth=0.8)
    ax.axhline(0, color="0.3", linewidth=1)
    # events on the same day are drawn side by side on the axis, not on top of each other
    same_day = rows.groupby(rows[date]).cumcount().to_numpy()
    lift = [0.0 if n == 0 else (n + 1) // 2 * 7.0 * (1 if n % 2 else -1) for n in same_day]
    for key in dict.fromkeys(keys):
        chosen = [k == key for k in keys]
        ax.scatter(rows[date][chosen], [y for y, c in zip(lift, chosen, strict=True) if c],
                   s=40, color=colors[key], marker=markers[key], edgecolors="0.2",
                   linewidths=0.4, zorder=3)
    for when, text, height, align in zip(rows[date], texts, heights, aligns, strict=True):
        ax.annotate(text, xy=(when, height), xytext=(0, 2 if height > 0 else -2),
                    textcoords="offset points", ha=align,
                    va="bottom" if height > 0 else "top", fontsize=8)
    ax.set_ylim(-down - 4, up + 4)
    ax.yaxis.set_visible(False)
    ax.spines[["left", "top", "right"]].set_visible(False)
    ax.set_xlim(start, end)
    if category:
        handles = [
            plt.Line2D([], [], marker=markers[c], linestyle="", color=colors[c],
                       label=category_label(c))
            for c in colors
            if c in set(rows[category])
        ]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    if title:
        ax.set_title(title)
    return ax


def format_date(when: pd.Timestamp, precision: object = "day") -> str:
    """A date written only as precisely as it is known.

    Examples
    --------
    >>> import pandas as pd
    >>> day = pd.Timestamp("1953-07-27")
    >>> format_date(day), format_date(day, "month"), format_date(day, "year")
    ('27 Jul 1953', 'Jul 1953', '1953')
    >>> format_date(day, "week")
    Traceback (most recent call last):
    ...
    ValueError: Unknown date precision 'week': use 'day', 'month' or 'year'.
    """
    if not isinstance(when, pd.Timestamp) or pd.isna(when):
        raise ValueError(f"format_date needs a date (a pandas Timestamp), not {when!r}.")
    if precision not in ("day", "month", "year"):
        missing = not isinstance(precision, str) and pd.isna(precision)
        raise ValueError(
            f"No date precision for {when:%Y-%m-%d}: fill in day, month or year." if missing
            else f"Unknown date precision {precision!r}: use 'day', 'month' or 'year'."
        )
    if precision == "year":
        return f"{when:%Y}"
    if precision == "month":
        return f"{when:%b %Y}"
    return f"{when.day} {when:%b %Y}"


def annotate_events(
    ax: Axes,
    events: pd.DataFrame,
    *,
    date: str = "date",
    label: str = "title",
    color: str = "0.35",
) -> Axes:
    """Mark dated events on a time-series plot with dashed lines and labels.

    The x axis must be in dates (or in years: a ``year`` column of integers
    works when ``date`` names it).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([1950, 2000], [0, 10])
    >>> events = pd.DataFrame({"year": [1971], "title": ["7th Infantry Division leaves"]})
    >>> ax = annotate_events(ax, events, date="year")
    >>> [t.get_text() for t in ax.texts]
    ['7th Infantry Division leaves']
    """
    _check_axes(ax, optional=False)
    _check_table(events)
    _require_columns(events, [date, label])
    _check_dates(events, date, label, numeric_ok=True)
    for when, text in zip(events[date], events[label], strict=True):
        ax.axvline(when, color=color, linestyle="--", linewidth=0.8)
        ax.annotate(
            str(text),
            xy=(when, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(2, -4),
            textcoords="offset points",
            rotation=90,
            ha="left",
            va="top",
            fontsize=8,
            color=color,
        )
    return ax


def source_note(ax: Axes, text: str) -> Axes:
    """Write a source line under the axes and their x label (``Source: …``).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = source_note(ax, "US Department of Defense")
    >>> ax.texts[-1].get_text()
    'Source: US Department of Defense'
    """
    _check_axes(ax, optional=False)
    if not isinstance(text, str) or not text.strip():
        raise ValueError(
            f"source_note needs the source as text, e.g. \"US Department of Defense\"; "
            f"got {text!r}."
        )
    prefix = "" if text.lower().startswith("source") else "Source: "
    ax.annotate(
        prefix + text,
        xy=(0, 0),
        # x from the axes' left edge, y from the bottom of the x label
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -4),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=8,
        color="0.35",
        annotation_clip=False,
    )
    return ax


def _require_columns(frame: pd.DataFrame, columns: list[str]) -> None:
    for c in columns:
        if not isinstance(c, str):
            raise TypeError(f"A column name is text, not {type(c).__name__} {c!r}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"Column(s) {', '.join(missing)} not in the table; "
            f"it has: {', '.join(map(str, frame.columns))}."
        )
