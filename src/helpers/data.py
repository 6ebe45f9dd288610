"""Load the course datasets with the dtypes their schema declares.

Every dataset is a CSV file in the package's ``data/`` folder, described by
``data/datapackage.json`` (a Frictionless Data Package). The schema decides
the dtypes, so a CSV file and its description cannot drift apart:

========== =======================================================
schema     pandas dtype
========== =======================================================
string     ``string`` (``category`` when the field lists an enum)
integer    ``Int64`` (nullable)
year       ``Int64`` (nullable)
number     ``float64``
date       ``datetime64``
boolean    ``boolean`` (nullable)
========== =======================================================

A field with ``constraints.enum`` becomes a categorical whose categories keep
the enum's order; ``"categoriesOrdered": true`` makes it an ordered one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from pathlib import Path

import pandas as pd

__all__ = [
    "DataError",
    "DataPackage",
    "Source",
    "Bibliography",
    "default_data_dir",
    "load",
    "list_datasets",
    "describe",
    "sources_for",
]

SOURCE_SEPARATOR = ";"
BIBLIOGRAPHY = "sources"


class DataError(ValueError):
    """A dataset, its schema or a request for it is not as expected.

    The message says what is wrong and, where it can, how to fix it.
    """


def default_data_dir() -> Path:
    """Return the folder that holds ``datapackage.json``.

    An installed wheel carries the data inside the package
    (``helpers/data``); a source checkout keeps it at the repository root
    (``data/``). This is the only place where the location is decided.

    Examples
    --------
    >>> (default_data_dir() / "datapackage.json").is_file()
    True
    """
    candidates = [
        Path(str(files("helpers"))) / "data",
        Path(__file__).resolve().parents[2] / "data",
    ]
    for folder in candidates:
        if (folder / "datapackage.json").is_file():
            return folder
    raise DataError(
        "Cannot find the course data (datapackage.json). Looked in: "
        + ", ".join(str(c) for c in candidates)
        + ". Reinstall the package, e.g. `pip install -e .` from the repository root."
    )


def is_source_field(name: str) -> bool:
    """Whether a column holds source ids (``source_ids`` or ``*_source_ids``).

    Examples
    --------
    >>> is_source_field("source_ids"), is_source_field("npg_source_ids"), is_source_field("title")
    (True, True, False)
    """
    return name == "source_ids" or name.endswith("_source_ids")


def split_ids(cell: object) -> list[str]:
    """Split one ``;``-separated cell of source ids into a list.

    Examples
    --------
    >>> split_ids("avalon-mdt;ucsb-eisenhower-mdt")
    ['avalon-mdt', 'ucsb-eisenhower-mdt']
    >>> split_ids(None)
    []
    """
    if pd.isna(cell):
        return []
    return [part.strip() for part in str(cell).split(SOURCE_SEPARATOR) if part.strip()]


@dataclass(frozen=True)
class Source:
    """One entry of the bibliography (a row of ``data/sources.csv``)."""

    source_id: str
    producer: str
    title: str
    publisher: str = ""
    published: str = ""
    url: str = ""
    accessed: str = ""
    licence_note: str = ""

    def citation(self) -> str:
        """A one-line, human-readable citation.

        Examples
        --------
        >>> Source("x", "US Department of State", "A Treaty", "Avalon Project", "1953",
        ...        "https://example.org", "2026-11-28").citation()  # doctest: +NORMALIZE_WHITESPACE
        'US Department of State (1953). *A Treaty*. Avalon Project.
        <https://example.org> (accessed 2026-11-28).'
        """
        year = f" ({self.published})" if self.published else ""
        parts = [f"{self.producer}{year}.", f"*{self.title}*."]
        if self.publisher and self.publisher != self.producer:
            parts.append(f"{self.publisher}.")
        if self.url:
            parts.append(f"<{self.url}>")
        if self.accessed:
            parts.append(f"(accessed {self.accessed}).")
        return " ".join(parts)


class Bibliography(tuple):
    """The sources behind some rows: a tuple of :class:`Source`.

    It shows itself as a numbered list in a notebook and as plain text in
    a terminal.
    """

    def __str__(self) -> str:
        return "\n".join(
            f"{i}. [{s.source_id}] {s.citation()}" for i, s in enumerate(self, 1)
        )

    def _repr_markdown_(self) -> str:
        return "\n".join(
            f"{i}. {s.citation()} `[{s.source_id}]`" for i, s in enumerate(self, 1)
        )

    def __repr__(self) -> str:
        return str(self)

    @property
    def ids(self) -> list[str]:
        """The source ids, in order."""
        return [s.source_id for s in self]


class DataPackage:
    """A folder with ``datapackage.json`` and the CSV files it describes.

    Most users call :func:`load`, which uses the course's own package. Make
    a ``DataPackage`` yourself to read another folder laid out the same way.

    Parameters
    ----------
    folder
        The folder that holds ``datapackage.json``.

    Examples
    --------
    >>> package = DataPackage(default_data_dir())
    >>> "events" in package.names
    True
    """

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        descriptor = self.folder / "datapackage.json"
        if not descriptor.is_file():
            raise DataError(f"No datapackage.json in {self.folder}.")
        try:
            self.descriptor = json.loads(descriptor.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise DataError(f"{descriptor} is not valid JSON: {err}") from None
        self._resources = {r["name"]: r for r in self.descriptor.get("resources", [])}
        self._frames: dict[str, pd.DataFrame] = {}

    @property
    def names(self) -> list[str]:
        """The dataset names, sorted."""
        return sorted(self._resources)

    def resource(self, name: str) -> dict:
        """The descriptor of one dataset; a clear error for an unknown name."""
        if not isinstance(name, str):
            raise DataError(f"A dataset name is a string, not {type(name).__name__}.")
        if name not in self._resources:
            hint = ""
            close = [n for n in self.names if name.lower() in n or n in name.lower()]
            if close:
                hint = f" Did you mean {close[0]!r}?"
            raise DataError(
                f"No dataset called {name!r}.{hint} "
                f"Valid names: {', '.join(self.names)}."
            )
        return self._resources[name]

    def load(self, name: str) -> pd.DataFrame:
        """Read one dataset, check it against its schema and type its columns."""
        if name not in self._frames:
            self._frames[name] = self._read(name)
        return self._frames[name].copy()

    # -- reading and checking -------------------------------------------------

    def _read(self, name: str) -> pd.DataFrame:
        resource = self.resource(name)
        path = self.folder / resource["path"]
        if not path.is_file():
            raise DataError(
                f"Dataset {name!r} is described in datapackage.json but its file "
                f"{resource['path']} is missing from {self.folder}."
            )
        try:
            raw = pd.read_csv(
                path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8"
            )
        except pd.errors.ParserError as err:
            fields = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(err))
            detail = (
                f"line {fields[2]} has {fields[3]} values where the header has {fields[1]}"
                if fields
                else str(err).strip()
            )
            raise DataError(
                f"{resource['path']} is not a valid CSV file: {detail}. "
                "A value that contains a comma must be wrapped in double quotes."
            ) from None
        except UnicodeDecodeError:
            raise DataError(f"{resource['path']} is not UTF-8 text.") from None
        except pd.errors.EmptyDataError:
            raise DataError(f"{resource['path']} is empty: it has no header row.") from None
        fields = resource["schema"]["fields"]
        expected = [f["name"] for f in fields]
        missing = [c for c in expected if c not in raw.columns]
        extra = [c for c in raw.columns if c not in expected]
        if missing or extra:
            problems = []
            if missing:
                problems.append(f"missing column(s) {', '.join(missing)}")
            if extra:
                problems.append(f"column(s) not in the schema {', '.join(extra)}")
            raise DataError(
                f"{resource['path']} does not match its schema: {'; '.join(problems)}. "
                "Update the file or the field list in datapackage.json."
            )
        if raw.empty:
            raise DataError(f"{resource['path']} has a header but no rows.")
        frame = raw[expected].copy()
        for field in fields:
            frame[field["name"]] = _convert(frame[field["name"]], field, resource["path"])
        _check_primary_key(frame, resource)
        if name != BIBLIOGRAPHY and BIBLIOGRAPHY in self._resources:
            self._check_sources(frame, resource)
        return frame

    def _check_sources(self, frame: pd.DataFrame, resource: dict) -> None:
        known = set(self.bibliography)
        source_fields = [c for c in frame.columns if is_source_field(c)]
        for column in source_fields:
            for row, cell in frame[column].items():
                ids = split_ids(cell)
                unknown = [i for i in ids if i not in known]
                if unknown:
                    raise DataError(
                        f"{resource['path']}, row {_row_label(frame, row)}, column "
                        f"{column}: source id(s) {', '.join(map(repr, unknown))} not "
                        f"found in sources.csv."
                    )

    @cached_property
    def bibliography(self) -> dict[str, Source]:
        """All sources, keyed by id."""
        table = self.load(BIBLIOGRAPHY)
        return {
            row["source_id"]: Source(**{k: _text(v) for k, v in row.items()})
            for row in table.to_dict("records")
        }

    def sources_for(self, rows: pd.DataFrame | pd.Series | str | Iterable[str]) -> Bibliography:
        """The sources cited by some rows (or by explicit source ids)."""
        ids = _collect_ids(rows)
        if not ids:
            raise DataError(
                "Nothing to cite: the selection is empty or has no source ids. "
                "Check your filter, or pass a DataFrame with a source_ids column."
            )
        unknown = [i for i in ids if i not in self.bibliography]
        if unknown:
            raise DataError(
                f"Source id(s) {', '.join(map(repr, unknown))} not found in sources.csv."
            )
        return Bibliography(self.bibliography[i] for i in ids)

    def describe(self, name: str) -> pd.DataFrame:
        """One row per column of a dataset: type, unit and description."""
        resource = self.resource(name)
        return pd.DataFrame(
            [
                {
                    "column": f["name"],
                    "type": f.get("type", "string"),
                    "unit": f.get("unit", ""),
                    "description": f.get("description", ""),
                }
                for f in resource["schema"]["fields"]
            ]
        ).set_index("column")


def _text(value: object) -> str:
    """A cell as plain text: empty for missing, ISO for dates."""
    if pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _row_label(frame: pd.DataFrame, row: int) -> str:
    """Row number as in the CSV (header is line 1) plus the id when there is one."""
    label = f"{row + 2}"
    if "id" in frame.columns:
        label += f" (id {frame.at[row, 'id']!r})"
    return label


def _convert(column: pd.Series, field: dict, path: str) -> pd.Series:
    name, kind = field["name"], field.get("type", "string")
    constraints = field.get("constraints", {})
    if constraints.get("required") and column.isna().any():
        rows = [str(i + 2) for i in column.index[column.isna()]][:5]
        raise DataError(
            f"{path}, column {name}: a value is required but line(s) {', '.join(rows)} are empty."
        )
    if kind in ("integer", "year", "number"):
        numbers = pd.to_numeric(column, errors="coerce")
        article = "an" if kind == "integer" else "a"
        _report_bad(column, numbers.isna() & column.notna(), path, name, f"{article} {kind}")
        if kind == "number":
            return numbers.astype("float64")
        _report_bad(
            column, numbers.notna() & (numbers != numbers.round()), path, name, f"a whole {kind}"
        )
        return numbers.astype("Int64")
    if kind == "date":
        dates = pd.to_datetime(column, format="%Y-%m-%d", errors="coerce")
        _report_bad(column, dates.isna() & column.notna(), path, name, "a date (YYYY-MM-DD)")
        return dates.astype("datetime64[ns]")  # the same unit under pandas 2 and 3
    if kind == "boolean":
        mapping = {"true": True, "false": False}
        lowered = column.str.lower()
        _report_bad(column, column.notna() & ~lowered.isin(mapping), path, name, "true or false")
        return lowered.map(mapping).astype("boolean")
    if "enum" in constraints:
        allowed = constraints["enum"]
        _report_bad(
            column,
            column.notna() & ~column.isin(allowed),
            path,
            name,
            f"one of {allowed}",
        )
        dtype = pd.CategoricalDtype(allowed, ordered=bool(field.get("categoriesOrdered")))
        return column.astype(dtype)
    return column.astype("string")


def _report_bad(column: pd.Series, bad: pd.Series, path: str, name: str, wanted: str) -> None:
    if bad.any():
        examples = [f"line {i + 2}: {column[i]!r}" for i in column.index[bad]][:5]
        raise DataError(f"{path}, column {name}: expected {wanted}; got {'; '.join(examples)}.")


def _check_primary_key(frame: pd.DataFrame, resource: dict) -> None:
    key = resource["schema"].get("primaryKey")
    if not key:
        return
    key = [key] if isinstance(key, str) else list(key)
    duplicated = frame.duplicated(subset=key, keep=False)
    if duplicated.any():
        values = frame.loc[duplicated, key].drop_duplicates().head(5)
        shown = "; ".join(
            ", ".join(f"{k}={v}" for k, v in row.items()) for row in values.to_dict("records")
        )
        raise DataError(
            f"{resource['path']}: duplicate id(s) in primary key ({', '.join(key)}): {shown}."
        )


def _collect_ids(rows: object) -> list[str]:
    """Source ids in first-seen order from a frame, a column, one id or many ids."""
    if isinstance(rows, pd.DataFrame):
        columns = [c for c in rows.columns if is_source_field(c)]
        if not columns:
            raise DataError(
                "This table has no source_ids column, so its sources are unknown. "
                "Keep the source_ids column when you select columns."
            )
        cells: Iterable[object] = (cell for c in columns for cell in rows[c])
    elif isinstance(rows, pd.Series):
        cells = rows
    elif isinstance(rows, str):
        cells = [rows]
    else:
        cells = list(rows)
    seen: dict[str, None] = {}
    for cell in cells:
        for source_id in split_ids(cell):
            seen.setdefault(source_id, None)
    return list(seen)


_PACKAGE: DataPackage | None = None


def _package() -> DataPackage:
    global _PACKAGE
    if _PACKAGE is None:
        _PACKAGE = DataPackage(default_data_dir())
    return _PACKAGE


def list_datasets() -> list[str]:
    """Names of all datasets, for :func:`load`.

    Examples
    --------
    >>> "events" in list_datasets()
    True
    """
    return _package().names


def load(name: str) -> pd.DataFrame:
    """Load one course dataset as a typed DataFrame.

    Dates arrive as datetimes, counts and years as nullable integers, and
    fixed lists of values as categoricals, all as ``datapackage.json`` says.
    The data are checked on the way in: a missing column, a bad date or an
    unknown source id raises :class:`DataError` with a message that names
    the file, line and value.

    Parameters
    ----------
    name
        A dataset name; see :func:`list_datasets`.

    Returns
    -------
    pandas.DataFrame
        A fresh copy: changing it does not change what the next call returns.

    Examples
    --------
    >>> events = load("events")
    >>> events["date"].dtype
    dtype('<M8[ns]')
    >>> load("event")
    Traceback (most recent call last):
    ...
    helpers.data.DataError: No dataset called 'event'. Did you mean 'events'? Valid names: ...
    """
    return _package().load(name)


def describe(name: str) -> pd.DataFrame:
    """The columns of a dataset with their type, unit and description.

    Examples
    --------
    >>> describe("events").loc["date", "type"]
    'date'
    """
    return _package().describe(name)


def sources_for(rows: pd.DataFrame | pd.Series | str | Iterable[str]) -> Bibliography:
    """The bibliography entries behind some rows, as a readable numbered list.

    Parameters
    ----------
    rows
        A DataFrame with a ``source_ids`` column (every ``*source_ids``
        column counts), one such column, one source id, or several ids.

    Examples
    --------
    >>> events = load("events")
    >>> armistice = events[events["id"] == "armistice-signed-1953"]
    >>> bib = sources_for(armistice)
    >>> len(bib) >= 1
    True
    >>> sources_for(events.iloc[0:0])
    Traceback (most recent call last):
    ...
    helpers.data.DataError: Nothing to cite: the selection is empty or has no source ids. ...
    """
    return _package().sources_for(rows)


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(text: str) -> bool:
    """Whether ``text`` is a lowercase, hyphenated id such as ``mdt-signed-1953``.

    Examples
    --------
    >>> is_slug("mdt-signed-1953"), is_slug("MDT signed")
    (True, False)
    """
    return bool(_SLUG.match(text))
