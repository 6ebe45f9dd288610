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



# ---------------------------------------------------------------------------
# Lesson 09 · since 2024
# (add this lesson's figure functions below this line)



# ---------------------------------------------------------------------------
# Lesson 10 · themes added by the missing-chapters work
# (add this lesson's figure functions below this line)
