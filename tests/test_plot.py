"""Plot helpers: axes in, axes out; no global side effects; clear errors."""

from __future__ import annotations

import json

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import helpers
from helpers.data import default_data_dir
from helpers.plot import PALETTE, category_colors, category_label, category_style, format_date

EVENTS = pd.DataFrame(
    {
        "date": pd.to_datetime(["1953-07-27", "1953-10-01", "1954-11-17"]),
        "title": ["Armistice", "Treaty signed", "Treaty in force"],
        "category": pd.Categorical(
            ["war", "treaty", "treaty"], categories=["war", "treaty", "nuclear"]
        ),
    }
)



def test_style_does_not_leak():
    before = dict(mpl.rcParams)
    with helpers.style():
        fig, ax = plt.subplots()
        assert mpl.rcParams["axes.prop_cycle"].by_key()["color"] == PALETTE
    assert fig.get_facecolor() == (1.0, 1.0, 1.0, 1.0)
    assert dict(mpl.rcParams) == before


def test_timeline_draws_on_given_axes_and_returns_them():
    fig, ax = plt.subplots()
    out = helpers.timeline(EVENTS, ax=ax, title="Three events")
    assert out is ax
    assert [t.get_text().split("\n")[0] for t in ax.texts] == list(EVENTS["title"])
    assert ax.get_title() == "Three events"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["war", "treaty"]  # in category order, only those present


def test_timeline_sorts_by_date():
    ax = helpers.timeline(EVENTS.iloc[::-1])
    assert ax.texts[0].get_text().startswith("Armistice")


def test_category_colours_follow_declared_order():
    colours = category_colors(EVENTS["category"])
    assert list(colours) == ["war", "treaty", "nuclear"]
    assert colours["war"] == PALETTE[0]


def test_timeline_errors_are_clear():
    with pytest.raises(ValueError, match="Column\\(s\\) when not in the table"):
        helpers.timeline(EVENTS, date="when")
    with pytest.raises(ValueError, match="No events to draw"):
        helpers.timeline(EVENTS.iloc[0:0])


def test_annotate_events_and_source_note():
    fig, ax = plt.subplots()
    ax.plot(pd.to_datetime(["1950-01-01", "2000-01-01"]), [0, 1])
    helpers.annotate_events(ax, EVENTS)
    assert len(ax.lines) == 1 + len(EVENTS)
    helpers.source_note(ax, "US Department of Defense")
    assert ax.texts[-1].get_text() == "Source: US Department of Defense"
    helpers.source_note(ax, "Sources: A; B")
    assert ax.texts[-1].get_text() == "Sources: A; B"


# -- one category, one look, in every notebook --------------------------------------

CATEGORIES = list(helpers.load("events")["category"].cat.categories)


def test_every_event_category_has_its_own_colour_and_marker():
    styles = [category_style(c) for c in CATEGORIES]
    assert len(set(styles)) == len(CATEGORIES)  # no two categories look the same
    markers = [m for _, m in styles]
    assert len(set(markers)) == len(CATEGORIES)  # the shape alone tells them apart
    assert all(colour in PALETTE for colour, _ in styles)


def test_the_styles_follow_the_schema_enum():
    descriptor = json.loads((default_data_dir() / "datapackage.json").read_text("utf-8"))
    events = next(r for r in descriptor["resources"] if r["name"] == "events")
    enum = next(f for f in events["schema"]["fields"] if f["name"] == "category")
    assert CATEGORIES == enum["constraints"]["enum"]
    assert category_style(CATEGORIES[0]) == (PALETTE[0], "o")


def look(category: str) -> tuple[str, str]:
    colour, marker = category_style(category)
    return mpl.colors.to_hex(colour), marker


def drawn_styles(ax) -> dict[str, tuple[str, str]]:
    """Legend label -> (colour, marker) as drawn."""
    return {
        handle.get_label(): (mpl.colors.to_hex(handle.get_color()), handle.get_marker())
        for handle in ax.get_legend().legend_handles
    }


def test_a_category_keeps_its_look_whatever_else_is_in_the_figure():
    events = helpers.load("events")
    def some(*categories: str) -> pd.DataFrame:
        return pd.concat([events[events["category"] == c].head(2) for c in categories])

    first = drawn_styles(helpers.timeline(some("force posture", "trilateral")))
    # a plain-text column, not a categorical, gives the same looks
    other = some("trilateral", "inter-Korean", "diplomacy")
    plain = other.assign(category=lambda t: t["category"].astype(str))
    second = drawn_styles(helpers.timeline(plain))
    assert first["Trilateral"] == second["Trilateral"] == look("trilateral")
    assert first["Force posture"] == look("force posture")
    assert second["Inter-Korean"] == look("inter-Korean")
    assert second["Diplomacy"] == look("diplomacy")


def test_the_scatter_points_match_the_legend():
    events = helpers.load("events")
    subset = events[events["category"].isin(["war and armistice", "force posture"])].head(6)
    ax = helpers.timeline(subset)
    points = {(mpl.colors.to_hex(c.get_facecolor()[0]), len(c.get_offsets()))
              for c in ax.collections if isinstance(c, mpl.collections.PathCollection)}
    counts = subset["category"].value_counts()
    assert points == {(look(c)[0], counts[c]) for c in subset["category"].unique()}


def test_legend_names_are_readable():
    events = helpers.load("events")
    ax = helpers.timeline(events[events["category"] == "nuclear and missile (DPRK)"].head(3))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Nuclear and missile (DPRK)"]
    assert category_label("NCG step (deterrence_measures)") == "NCG step (deterrence_measures)"


def test_default_figure_is_at_most_nine_inches_wide():
    ax = helpers.timeline(EVENTS)
    assert ax.figure.get_size_inches()[0] <= 9


def test_unknown_category_style_is_a_clear_error():
    with pytest.raises(ValueError, match="'war' is not an event category"):
        category_style("war")


# -- bad arguments are refused at the door -----------------------------------------

WITH_NAT = EVENTS.assign(date=[EVENTS["date"][0], pd.NaT, EVENTS["date"][2]])
BAD_CALLS = [
    ("list-not-frame", lambda: helpers.timeline([1, 2]), TypeError, "must be a pandas DataFrame"),
    ("one-nat", lambda: helpers.timeline(WITH_NAT), ValueError,
     r"1 row\(s\) have no date: 'Treaty signed'. Drop them first"),
    ("all-nat", lambda: helpers.timeline(EVENTS.assign(date=pd.NaT)), ValueError,
     "has no dates at all"),
    ("text-dates", lambda: helpers.timeline(EVENTS.assign(date=["1953-07-27"] * 3)), TypeError,
     r"not dates. Convert it first: .*pd.to_datetime"),
    ("nan-category", lambda: helpers.timeline(EVENTS.assign(category=["war", None, "treaty"])),
     ValueError, r"1 row\(s\) have no category \(dates 1953-10-01\)"),
    ("nan-label", lambda: helpers.timeline(EVENTS.assign(title=["a", None, "c"])), ValueError,
     "have no title"),
    ("unknown-precision", lambda: helpers.timeline(EVENTS.assign(date_precision="week")),
     ValueError, "Unknown date precision 'week'"),
    ("missing-precision", lambda: helpers.timeline(
        EVENTS.assign(date_precision=["day", None, "day"])), ValueError, "No date precision"),
    ("ax-not-axes", lambda: helpers.timeline(EVENTS, ax="left"), TypeError,
     "ax must be a matplotlib Axes"),
    ("title-not-text", lambda: helpers.timeline(EVENTS, title=3), TypeError, "title must be text"),
    ("column-name-not-text", lambda: helpers.timeline(EVENTS, date=0), TypeError,
     "A column name is text"),
    ("annotate-nat", lambda: helpers.annotate_events(plt.subplots()[1], WITH_NAT), ValueError,
     "have no date"),
    ("annotate-without-axes", lambda: helpers.annotate_events(None, EVENTS), TypeError,
     r"ax must be a matplotlib Axes .*, not NoneType"),
    ("annotate-list", lambda: helpers.annotate_events(plt.subplots()[1], ["x"]), TypeError,
     "must be a pandas DataFrame"),
    ("source-note-none", lambda: helpers.source_note(plt.subplots()[1], None), ValueError,
     "source_note needs the source as text"),
    ("source-note-empty", lambda: helpers.source_note(plt.subplots()[1], "  "), ValueError,
     "needs the source as text"),
    ("source-note-no-axes", lambda: helpers.source_note("ax", "DoD"), TypeError,
     "ax must be a matplotlib Axes"),
    ("format-date-nat", lambda: format_date(pd.NaT), ValueError, "needs a date"),
]


@pytest.mark.parametrize(("call", "kind", "fragment"), [c[1:] for c in BAD_CALLS],
                         ids=[c[0] for c in BAD_CALLS])
def test_bad_arguments_get_a_clear_error(call, kind, fragment):
    with pytest.raises(kind, match=fragment) as caught:
        call()
    assert len(str(caught.value)) < 400


_SHELL_SCRIPT = """
import sys
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
if sys.argv[1] == "with-helpers":
    shell.run_cell("import helpers.plot")
shell.run_cell("import matplotlib.pyplot as plt\\ndraws = []")
shell.run_cell(
    "fig, ax = plt.subplots(layout='constrained'); ax.set_title('one figure')\\n"
    "fig.canvas.mpl_connect('draw_event', lambda event: draws.append(1))")
shell.run_cell("open_figures = len(plt.get_fignums())")
print(len(shell.user_ns["draws"]), shell.user_ns["open_figures"])
"""


def _draws_for_one_inline_figure(tmp_path, mode: str) -> tuple[int, int]:
    import os
    import subprocess
    import sys

    script = tmp_path / "shell.py"
    script.write_text(_SHELL_SCRIPT, encoding="utf-8")
    env = {**os.environ, "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    done = subprocess.run([sys.executable, str(script), mode], capture_output=True, text=True,
                          env=env, cwd=tmp_path, check=True, timeout=120)
    draws, still_open = done.stdout.split()[-2:]
    return int(draws), int(still_open)


def test_inline_figures_are_not_drawn_once_more_for_nothing(tmp_path):
    # pyplot's end-of-cell redraw used to run before the inline backend showed the
    # figure: one full draw that nobody saw. With helpers imported the figure is
    # shown (and closed) first, so that draw does not happen; it is still shown.
    plain, plain_open = _draws_for_one_inline_figure(tmp_path, "plain")
    fixed, fixed_open = _draws_for_one_inline_figure(tmp_path, "with-helpers")
    assert fixed == plain - 1, (plain, fixed)
    assert fixed >= 1 and plain_open == fixed_open == 0


def test_show_inline_figures_first_is_a_no_op_outside_ipython():
    assert helpers.plot.show_inline_figures_first() is False


def test_readable_dates_keep_the_precision_the_loader_gives_them():
    from helpers.figures import readable

    polls = helpers.load("nuclear_opinion_polls")
    month = polls[polls["date_precision"] == "month"].head(1)
    assert len(month) == 1, "the polls have a month-precision row to test with"
    shown = readable(month, ["fieldwork_start"]).frame["fieldwork_start"].iloc[0]
    assert shown == format_date(month["fieldwork_start"].iloc[0], "month")
    events = helpers.load("events")
    year = events[events["date_precision"] == "year"].head(1).assign(copied=lambda t: t["date"])
    table = readable(year, ["date", "copied"]).frame.iloc[0]
    assert table["date"] == format_date(year["date"].iloc[0], "year")  # date_precision is date's
    assert table["copied"] == format_date(year["date"].iloc[0], "day")  # not every date's
