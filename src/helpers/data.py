"""Load the course datasets with the dtypes their schema declares, or refuse.

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

What the loader guarantees
--------------------------
A table comes back only if every rule holds; otherwise :class:`DataError`
names the file, line, column, value and rule. The rules are the Table Schema
that ``datapackage.json`` declares -- types, ``required`` (a blank cell counts
as missing), ``unique``, ``enum``, ``minimum``/``maximum`` (and the exclusive
forms), ``minLength``/``maxLength``, ``pattern``, ``primaryKey`` and
``foreignKeys`` -- plus a few the standard cannot express:

* the CSV is well formed: every line has as many values as the header, no
  blank lines, quotes are balanced, the header names the schema's fields in
  order, with no invisible spaces;
* no value starts or ends with a space;
* numbers are finite; integers fit in 64 bits; dates lie in 1678-2261;
* every id in a ``source_ids`` (or ``*_source_ids``) column is a
  ``source_id`` of ``sources.csv``, every such cell names at least one;
* a date whose ``date_precision`` (or ``<date>_precision``) is ``month`` is
  the 1st of its month, ``year`` means 1 January.

The descriptor itself is checked too: an unknown type or constraint is an
error, never silently ignored. Tables are cached, and read again whenever
``datapackage.json`` or a CSV file they depend on changes.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import numpy as np
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
TYPES = ("string", "integer", "number", "year", "date", "boolean")
PRECISIONS = ("day", "month", "year")
#: which constraints apply to which types
CONSTRAINTS = {
    "required": TYPES,
    "unique": TYPES,
    "enum": ("string",),
    "minimum": ("integer", "number", "year", "date"),
    "maximum": ("integer", "number", "year", "date"),
    "exclusiveMinimum": ("integer", "number", "year", "date"),
    "exclusiveMaximum": ("integer", "number", "year", "date"),
    "minLength": ("string",),
    "maxLength": ("string",),
    "pattern": ("string",),
}
#: field properties that change how a cell is read; this loader reads only the defaults
PARSING_PROPERTIES = ("trueValues", "falseValues", "missingValues", "bareNumber",
                      "decimalChar", "groupChar")
TRUE_VALUES = ("true", "True", "TRUE", "1")  # Table Schema's defaults
FALSE_VALUES = ("false", "False", "FALSE", "0")
EARLIEST, LATEST = pd.Timestamp("1678-01-01"), pd.Timestamp("2261-12-31")
SHOWN = 40  # characters of a value quoted in an error message
BOM = b"\xef\xbb\xbf"
INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]")


class DataError(ValueError):
    """A dataset, its schema or a request for it is not as expected.

    The message says what is wrong and, where it can, how to fix it.
    """


def _show(value: object) -> str:
    """A value for an error message: quoted, and cut short when long.

    Examples
    --------
    >>> _show("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
    """
    text = str(value)
    if len(text) <= SHOWN:
        return repr(text)
    return f"{text[:SHOWN - 3] + '…'!r} ({len(text)} characters)"


def _list(values: Iterable[object], limit: int = 5) -> str:
    values = list(values)
    shown = ", ".join(_show(v) for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


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
    return isinstance(name, str) and (name == "source_ids" or name.endswith("_source_ids"))


def split_ids(cell: object) -> list[str]:
    """Split one ``;``-separated cell of source ids into a list.

    Examples
    --------
    >>> split_ids("avalon-mdt;ucsb-eisenhower-mdt")
    ['avalon-mdt', 'ucsb-eisenhower-mdt']
    >>> split_ids(None)
    []
    """
    if not isinstance(cell, str) and pd.isna(cell):
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


# -- the descriptor -------------------------------------------------------------


def _read_descriptor(path: Path) -> dict[str, dict]:
    """Read datapackage.json and check it; return its resources by name."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataError(
            f"{path.name} is not UTF-8 text (byte {err.start} cannot be read). "
            "Save it as UTF-8."
        ) from None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as err:
        raise DataError(
            f"{path.name} is not valid JSON: {err.msg} at line {err.lineno}, "
            f"column {err.colno}."
        ) from None
    if not isinstance(descriptor, dict):
        raise DataError(
            f"{path.name} must hold one JSON object ({{...}}) with a \"resources\" list; "
            f"it holds a {type(descriptor).__name__}."
        )
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        raise DataError(f"{path.name} has no \"resources\" list: nothing to load.")
    by_name: dict[str, dict] = {}
    for number, resource in enumerate(resources, 1):
        _check_resource(resource, number)
        name = resource["name"]
        if name in by_name:
            raise DataError(
                f"{path.name} lists the resource {name!r} twice; keep one of the two entries."
            )
        by_name[name] = resource
    for resource in by_name.values():
        for key in resource["schema"].get("foreignKeys", []):
            target = key["reference"]["resource"] or resource["name"]
            if target not in by_name:
                raise DataError(
                    f"datapackage.json, resource {resource['name']!r}: a foreign key refers "
                    f"to resource {target!r}, which is not in the package."
                )
            names = [f["name"] for f in by_name[target]["schema"]["fields"]]
            _check_names(key["reference"]["fields"], names, resource["name"],
                         f"foreign key reference to {target!r}")
    return by_name


def _check_resource(resource: object, number: int) -> None:
    where = f"datapackage.json, resource {number}"
    if not isinstance(resource, dict):
        raise DataError(f"{where} is a {type(resource).__name__}, not an object ({{...}}).")
    name = resource.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataError(f"{where} has no \"name\"; give it one, e.g. \"events\".")
    where = f"datapackage.json, resource {name!r}"
    path = resource.get("path")
    if not isinstance(path, str) or not path.strip():
        raise DataError(f"{where} has no \"path\" to a CSV file, e.g. \"{name}.csv\".")
    if Path(path).is_absolute() or ".." in Path(path).parts:
        raise DataError(f"{where}: path {path!r} must be a file inside the data folder.")
    encoding = str(resource.get("encoding", "utf-8")).lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8"):
        raise DataError(f"{where}: encoding {resource['encoding']!r}; this loader reads utf-8.")
    dialect = resource.get("dialect", {})
    defaults = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True}
    if not isinstance(dialect, dict) or any(
        dialect.get(k, v) != v for k, v in defaults.items()
    ):
        raise DataError(f"{where}: a CSV dialect other than plain comma-separated is not read.")
    schema = resource.get("schema")
    if not isinstance(schema, dict):
        raise DataError(f"{where} has no \"schema\" object describing its columns.")
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        raise DataError(f"{where}: the schema has no \"fields\" list.")
    names: list[str] = []
    for position, field in enumerate(fields, 1):
        _check_field(field, f"{where}, field {position}")
        if field["name"] in names:
            raise DataError(f"{where}: field {field['name']!r} is listed twice.")
        names.append(field["name"])
    if schema.get("missingValues", [""]) != [""]:
        raise DataError(f"{where}: missingValues other than [\"\"] are not read; leave "
                        "missing values as empty cells.")
    key = schema.get("primaryKey")
    if key is not None:
        _check_names([key] if isinstance(key, str) else key, names, name, "primaryKey")
    foreign = schema.get("foreignKeys", [])
    if not isinstance(foreign, list):
        raise DataError(f"{where}: foreignKeys must be a list.")
    for item in foreign:
        reference = item.get("reference") if isinstance(item, dict) else None
        if not isinstance(reference, dict) or not isinstance(reference.get("resource"), str):
            raise DataError(f"{where}: a foreign key needs \"fields\" and a \"reference\" "
                            "with \"resource\" and \"fields\".")
        for part in (item, reference):
            if isinstance(part.get("fields"), str):
                part["fields"] = [part["fields"]]
        _check_names(item.get("fields"), names, name, "foreignKeys")
        if not isinstance(reference.get("fields"), list) or len(reference["fields"]) != len(
            item["fields"]
        ):
            raise DataError(f"{where}: a foreign key's fields and reference fields must "
                            "pair up one to one.")


def _check_names(keys: object, names: list[str], resource: str, what: str) -> None:
    if not isinstance(keys, list) or not keys or not all(isinstance(k, str) for k in keys):
        raise DataError(f"datapackage.json, resource {resource!r}: {what} must name fields.")
    unknown = [k for k in keys if k not in names]
    if unknown:
        raise DataError(f"datapackage.json, resource {resource!r}: {what} names "
                        f"{_list(unknown)}, not a field of that resource.")


def _check_field(field: object, where: str) -> None:
    if not isinstance(field, dict):
        raise DataError(f"{where} is a {type(field).__name__}, not an object ({{...}}).")
    name = field.get("name")
    if not isinstance(name, str) or not name.strip() or INVISIBLE.search(name):
        raise DataError(f"{where} needs a \"name\" without spaces at either end; got {name!r}.")
    where = f"{where.rsplit(',', 1)[0]}, field {name!r}"
    kind = field.setdefault("type", "string")
    if kind not in TYPES:
        raise DataError(
            f"{where}: type {kind!r} is not one this loader reads ({', '.join(TYPES)}). "
            "Use one of these, e.g. \"date\" for a day."
        )
    if field.get("format", "default") != "default":
        raise DataError(f"{where}: format {field['format']!r} is not read; dates are "
                        "YYYY-MM-DD. Remove \"format\".")
    for prop in PARSING_PROPERTIES:
        if prop in field:
            raise DataError(f"{where}: {prop!r} is not read by this loader; remove it.")
    constraints = field.setdefault("constraints", {})
    if not isinstance(constraints, dict):
        raise DataError(f"{where}: constraints must be an object ({{...}}).")
    for rule, value in constraints.items():
        if rule not in CONSTRAINTS:
            raise DataError(f"{where}: constraint {rule!r} is not one this loader checks "
                            f"({', '.join(CONSTRAINTS)}).")
        if kind not in CONSTRAINTS[rule]:
            raise DataError(f"{where}: constraint {rule!r} does not apply to type {kind!r}.")
        if rule in ("required", "unique") and not isinstance(value, bool):
            raise DataError(f"{where}: {rule} must be true or false, not {value!r}.")
        if rule == "enum" and (
            not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value)
        ):
            raise DataError(f"{where}: enum must be a list of strings.")
        if rule in ("minLength", "maxLength") and (
            not isinstance(value, int) or isinstance(value, bool) or value < 0
        ):
            raise DataError(f"{where}: {rule} must be a whole number >= 0, not {value!r}.")
        if rule == "pattern":
            try:
                re.compile(value)
            except (re.error, TypeError):
                raise DataError(f"{where}: pattern {value!r} is not a regular expression.") \
                    from None
        if rule.endswith("imum"):
            try:
                _bound(kind, value)
            except (TypeError, ValueError):
                raise DataError(f"{where}: {rule} {value!r} is not a {kind}.") from None


def _bound(kind: str, value: object) -> object:
    if kind == "date":
        if not isinstance(value, str):
            raise TypeError
        return pd.Timestamp(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError
    if kind in ("integer", "year") and value != int(value):
        raise ValueError
    return value


def _signature(path: Path) -> tuple | None:
    """What tells that a file changed: size, modification time, inode, and a hash if small."""
    try:
        stat = path.stat()
    except OSError:
        return None
    import hashlib

    digest = ""
    if stat.st_size < 2_000_000:
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:
            return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino, digest)


# -- the package --------------------------------------------------------------


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
        if not isinstance(folder, (str, os.PathLike)) or not str(folder).strip():
            raise DataError(f"A data folder is a path, not {folder!r}.")
        self.folder = Path(folder)
        self._descriptor_path = self.folder / "datapackage.json"
        if not self._descriptor_path.is_file():
            raise DataError(f"No datapackage.json in {self.folder}.")
        self._descriptor_signature: tuple | None = None
        self._frames: dict[str, tuple[tuple, pd.DataFrame]] = {}
        self._sources: tuple[tuple, dict[str, Source]] | None = None
        self._loading: list[str] = []
        self._refresh()

    def _refresh(self) -> None:
        """Read datapackage.json again if it changed; forget tables read under the old one."""
        signature = _signature(self._descriptor_path)
        if signature is None:
            raise DataError(f"No datapackage.json in {self.folder}.")
        if signature != self._descriptor_signature:
            self._resources = _read_descriptor(self._descriptor_path)
            self.descriptor = json.loads(self._descriptor_path.read_text(encoding="utf-8"))
            self._descriptor_signature = signature
            self._frames.clear()
            self._sources = None

    @property
    def names(self) -> list[str]:
        """The dataset names, sorted."""
        self._refresh()
        return sorted(self._resources)

    def resource(self, name: str) -> dict:
        """The descriptor of one dataset; a clear error for an unknown name."""
        if not isinstance(name, str):
            raise DataError(
                f"A dataset name is a string such as 'events', not {type(name).__name__} "
                f"{_show(name)}. Valid names: {', '.join(self.names)}."
            )
        import difflib

        if not name.strip():
            raise DataError(
                f"Give a dataset name, e.g. load('events'). Valid names: {', '.join(self.names)}."
            )
        self._refresh()
        if name not in self._resources:
            wanted = name.strip().lower()
            close = [n for n in self.names if wanted == n or wanted in n or n in wanted]
            close += difflib.get_close_matches(wanted, self.names, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise DataError(
                f"No dataset called {_show(name)}.{hint} Valid names: {', '.join(self.names)}."
            )
        return self._resources[name]

    def load(self, name: str) -> pd.DataFrame:
        """Read one dataset, check it against its schema and type its columns.

        The table is kept, and read again when its CSV file, ``sources.csv``
        (or another file its keys refer to) or ``datapackage.json`` changes.
        """
        resource = self.resource(name)
        signature = self._depends(resource)
        cached = self._frames.get(name)
        if cached is None or cached[0] != signature:
            if name in self._loading:
                raise DataError(
                    f"datapackage.json: the foreign keys of {' -> '.join(self._loading)} -> "
                    f"{name} form a loop; a table cannot depend on itself through others."
                )
            self._loading.append(name)
            try:
                frame = _Reader(self, resource).read()
            finally:
                self._loading.pop()
            self._frames[name] = (signature, frame)
        return self._frames[name][1].copy()

    def _depends(self, resource: dict) -> tuple:
        """The signatures of every file a table's checks read."""
        paths = [self.folder / resource["path"]]
        others = [key["reference"]["resource"] for key in resource["schema"].get("foreignKeys", [])]
        if resource["name"] != BIBLIOGRAPHY and BIBLIOGRAPHY in self._resources:
            others.append(BIBLIOGRAPHY)
        for other in others:
            if other and other != resource["name"]:
                paths.append(self.folder / self._resources[other]["path"])
        return (self._descriptor_signature, *(_signature(p) for p in paths))

    @property
    def bibliography(self) -> dict[str, Source]:
        """All sources, keyed by id."""
        table = self.load(BIBLIOGRAPHY)
        signature = self._frames[BIBLIOGRAPHY][0]
        if self._sources is None or self._sources[0] != signature:
            fields = [f.name for f in Source.__dataclass_fields__.values()]
            self._sources = (signature, {
                row["source_id"]: Source(**{k: _text(row.get(k)) for k in fields})
                for row in table.to_dict("records")
            })
        return self._sources[1]

    def sources_for(
        self, rows: pd.DataFrame | pd.Series | Mapping | str | Iterable[str]
    ) -> Bibliography:
        """The sources cited by some rows (or by explicit source ids)."""
        ids = _collect_ids(rows)
        if not ids:
            raise DataError(
                "Nothing to cite: the selection is empty or has no source ids. "
                "Check your filter, or pass a DataFrame with a source_ids column."
            )
        known = self.bibliography
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise DataError(
                f"Source id(s) {_list(unknown)} not found in sources.csv. "
                "Check the spelling, or add the source to sources.csv."
            )
        return Bibliography(known[i] for i in ids)

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


# -- reading one table ----------------------------------------------------------


class _Reader:
    """Read one CSV file and enforce its schema; every failure is a DataError."""

    def __init__(self, package: DataPackage, resource: dict):
        self.package = package
        self.resource = resource
        self.fields = resource["schema"]["fields"]
        self.path = resource["path"]
        self.lines = np.zeros(0, dtype=np.int64)  # the file line of each row
        self.widest = np.zeros(len(self.fields), dtype=np.int64)  # most bytes in a value
        self.narrowest = np.zeros(len(self.fields), dtype=np.int64)  # fewest, empty aside
        self.empty = np.zeros((0, len(self.fields)), dtype=bool)

    # messages -------------------------------------------------------------------

    def fail(self, column: str, bad: np.ndarray | pd.Series, values: pd.Series | np.ndarray,
             problem: str, fix: str) -> None:
        """Raise for the first row where ``bad`` holds, naming the line and the value."""
        rows = np.flatnonzero(np.asarray(bad, dtype=bool))
        if not len(rows):
            return
        first = rows[0]
        value = values.iloc[first] if isinstance(values, pd.Series) else values[first]
        others = [str(n) for n in self.lines[rows[1:4]]]
        also = ""
        if others:
            more = " and more" if len(rows) > 4 else ""
            also = f" Also line{'s' if len(others) > 1 else ''} {', '.join(others)}{more}."
        shown = "an empty cell" if _missing(value) else _show(value)
        raise DataError(
            f"{self.path}, line {self.lines[first]}, column {column}: {shown} {problem}."
            f"{also} {fix}"
        )

    def at(self, position: int, data: bytes, message: str) -> DataError:
        """An error about a byte of the file: its line and column."""
        line = data.count(b"\n", 0, position) + 1
        start = data.rfind(b"\n", 0, position) + 1
        column = _column_at(data[start:position])
        names = [f["name"] for f in self.fields]
        label = names[column] if column < len(names) else f"{column + 1}"
        return DataError(f"{self.path}, line {line}, column {label}: {message}")

    # the file ---------------------------------------------------------------------

    def read(self) -> pd.DataFrame:
        path = self.package.folder / self.path
        if not path.is_file():
            raise DataError(
                f"Dataset {self.resource['name']!r} is described in datapackage.json but its "
                f"file {self.path} is missing from {self.package.folder}."
            )
        data = path.read_bytes()
        start = len(BOM) if data.startswith(BOM) else 0
        if not data[start:start + 4096].strip() and not data[start:].strip():  # no big copy
            raise DataError(f"{self.path} is empty: it has no header row.")
        self.scan(data, start)
        raw = self.parse(path, data)
        if len(raw) != len(self.lines):
            raise DataError(
                f"{self.path}: read {len(raw)} rows but the file has {len(self.lines)} lines of "
                "data. Are the line endings unusual (save with \\n or \\r\\n)?"
            )
        frame = pd.DataFrame(index=raw.index)
        for position, field in enumerate(self.fields):
            column = raw.iloc[:, position]
            empty = self.empty[:, position]
            if empty.any():  # pandas kept empty cells as "": make them missing
                column = column.where(~empty)
            frame[field["name"]] = self.convert(column, field)
        self.check_precision(frame)
        self.check_keys(frame)
        return frame

    def parse(self, path: Path, data: bytes) -> pd.DataFrame:
        """The cells as text (missing as NaN), read by pandas."""
        try:
            # the scan knows which cells are empty; pandas need not look for them
            return pd.read_csv(path, dtype=object, na_filter=False, encoding="utf-8",
                               memory_map=True)
        except UnicodeDecodeError:
            raise self.not_utf8(data) from None
        except (pd.errors.ParserError, ValueError) as err:  # the scan should have caught it
            raise DataError(f"{self.path} is not a valid CSV file: {str(err)[:200]}") from None

    def not_utf8(self, data: bytes) -> DataError:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as err:
            return self.at(err.start, data, "this text is not UTF-8. Save the file as UTF-8 "
                                            "(in a spreadsheet: CSV UTF-8).")
        return DataError(f"{self.path} is not UTF-8 text.")

    def scan(self, data: bytes, start: int) -> None:
        """Check the CSV's structure from its bytes (fast: a few numpy passes).

        Quotes must open at the start of a value and close at its end, every
        line must have as many values as the header, no line may be blank and
        no value may start or end with a space. Sets ``self.lines``.
        """
        buf = np.frombuffer(data, dtype=np.uint8)
        size = len(buf)
        quotes, ends, line_end, newlines = _find_delimiters(buf)
        if len(quotes):
            self.check_quotes(buf, quotes[quotes >= start], data, start)
        if not data.endswith(b"\n"):
            ends = np.append(ends, size)
            line_end = np.append(line_end, True)
        starts = np.empty_like(ends)
        starts[0] = start
        starts[1:] = ends[:-1] + 1
        if b"\r" in data:  # Windows line ends: a value ends before the \r
            crlf = line_end & (ends > starts)
            crlf[crlf] = buf[ends[crlf] - 1] == 13
            ends = ends - crlf
        last = np.flatnonzero(line_end)  # index of each line's last value
        counts = np.diff(last, prepend=-1)
        first = last - counts + 1  # index of each line's first value
        blank = (counts == 1) & (ends[last] == starts[last])
        if newlines == len(last) - (not data.endswith(b"\n")):
            lines = np.arange(1, len(last) + 1)
        else:  # a quoted value runs over several lines
            lines = np.searchsorted(np.flatnonzero(buf == 10), starts[first]) + 1
        if blank.any():
            raise DataError(f"{self.path}, line {lines[blank.argmax()]} is blank. "
                            "Delete the empty line.")
        header = self.check_header(data[starts[0]:ends[last[0]]].decode("utf-8", "replace"),
                                   int(counts[0]))
        self.lines = lines[1:]
        if len(last) == 1:
            raise DataError(f"{self.path} has a header but no rows.")
        wrong = np.flatnonzero(counts[1:] != len(header))
        if len(wrong):
            row = wrong[0]
            got = int(counts[row + 1])
            if got > len(header):
                trailing = (len(wrong) == len(self.lines) and (counts[1:] == got).all()
                            and got == len(header) + 1
                            and (ends[last[1:]] == starts[last[1:]]).all())
                why = "A value that contains a comma must be wrapped in double quotes" + (
                    "; every line ends with a comma: remove the comma at the end of each line"
                    if trailing else "") + "."
            else:
                why = ("A value is missing: an empty value still needs its comma "
                       f"({len(header) - 1} commas on every line).")
            also = f" ({len(wrong)} lines are wrong.)" if len(wrong) > 1 else ""
            raise DataError(
                f"{self.path}, line {self.lines[row]} has {got} values where the header has "
                f"{len(header)}.{also} {why}"
            )
        # values that start or end with a space (quoted ones inside their quotes)
        starts, ends = starts[len(header):], ends[len(header):]
        quoted = (ends > starts) & (buf[np.minimum(starts, size - 1)] == 34)
        starts = starts + quoted
        ends = ends - quoted
        # bytes per value, an upper bound on its characters: most maxLength checks end here
        widths = (ends - starts).reshape(-1, len(header))
        self.widest = widths.max(axis=0)
        self.empty = widths == 0  # rows x columns: the missing values
        dates = [i for i, f in enumerate(self.fields) if f["type"] == "date"]
        self.narrowest[:] = 0
        if dates:
            self.narrowest[dates] = np.where(self.empty[:, dates], 10**9,
                                             widths[:, dates]).min(axis=0)
        filled = ~self.empty.ravel()  # empty values are skipped below
        head = buf[np.minimum(starts, size - 1)]
        tail = buf[np.maximum(ends - 1, 0)]
        spaced = ((head == 32) | (head == 9) | (tail == 32) | (tail == 9)) & filled
        for maybe, offset, other in ((head == 0xC2, 1, 0xA0), (tail == 0xA0, -2, 0xC2)):
            if maybe.any():  # a no-break space, U+00A0, is C2 A0 in UTF-8
                index = np.flatnonzero(maybe)
                near = (starts if offset > 0 else ends)[index] + offset
                spaced[index] |= (buf[np.clip(near, 0, size - 1)] == other) & filled[index]
        if spaced.any():
            where = spaced.argmax()
            self.spaced(data, int(starts[where]), int(ends[where]), header)

    def spaced(self, data: bytes, begin: int, end: int, header: list[str]) -> None:
        value = data[begin:end].decode("utf-8", "replace")
        line = data.count(b"\n", 0, begin) + 1
        column = header[_column_at(data[data.rfind(b"\n", 0, begin) + 1:begin])]
        field = self.fields[header.index(column)]
        if value.strip():
            problem = f"{_show(value)} starts or ends with a space"
            fix = "Delete the space (an id with a trailing space would be a different id)."
        elif field["constraints"].get("required") or is_source_field(column):
            problem = f"{_show(value)} is only spaces: a blank cell counts as missing"
            fix = "This column requires a value: fill it in."
        else:
            problem = f"{_show(value)} is only spaces"
            fix = "Leave the cell empty (nothing between the commas) or fill it in."
        raise DataError(f"{self.path}, line {line}, column {column}: {problem}. {fix}")

    def check_quotes(self, buf: np.ndarray, quotes: np.ndarray, data: bytes, start: int) -> None:
        """A quote opens right after a delimiter and closes right before one ("" inside)."""
        size = len(buf)
        before = np.where(quotes > start, buf[np.maximum(quotes - 1, 0)], 10)
        after = np.where(quotes < size - 1, buf[np.minimum(quotes + 1, size - 1)], 10)
        pair_before = np.zeros(len(quotes), dtype=bool)
        pair_before[1:] = quotes[1:] == quotes[:-1] + 1
        pair_after = np.zeros(len(quotes), dtype=bool)
        pair_after[:-1] = pair_before[1:]
        opening = np.arange(len(quotes)) % 2 == 0
        good_open = (before == 44) | (before == 10) | pair_before
        good_close = (after == 44) | (after == 10) | (after == 13) | pair_after
        bad = np.where(opening, ~good_open, ~good_close)
        if bad.any():
            k = int(bad.argmax())
            if not opening[k] and data.count(b"\n", quotes[k - 1], quotes[k]):
                raise self.at(int(quotes[k - 1]), data,
                              "a quoted value opens here and does not close on this line. "
                              "Add the closing double quote.")
            raise self.at(int(quotes[k]), data,
                          "a double quote in the middle of a value. Wrap the whole value in "
                          "double quotes and write a quote inside it twice (\"\").")
        if len(quotes) % 2:
            raise self.at(int(quotes[-1]), data,
                          "a quoted value opens here and never closes. Add the closing "
                          "double quote.")

    def check_header(self, line: str, count: int) -> list[str]:
        import csv

        try:
            header = next(csv.reader([line]))
        except csv.Error:
            raise DataError(f"{self.path}, line 1: the header cannot be read (old Mac line "
                            "ends?). Save the file with \\n or \\r\\n line ends.") from None
        if len(header) != count:  # a quoted newline in the header: read it the slow way
            header = [""] * count
        names = [f["name"] for f in self.fields]
        for position, label in enumerate(header, 1):
            if not label.strip():
                end = " (a comma at the end of the header?)" if position == len(header) else ""
                raise DataError(f"{self.path}, line 1: column {position} of the header has no "
                                f"name{end}. Remove it or name it as datapackage.json does.")
            if INVISIBLE.search(label):
                clean = INVISIBLE.sub("", label)
                raise DataError(
                    f"{self.path}, line 1: header {label!r} contains a space or an invisible "
                    f"character. Rename it to {clean!r}" + (" as the schema says." if clean in
                                                             names else ".")
                )
        duplicated = sorted({h for h in header if header.count(h) > 1})
        if duplicated:
            raise DataError(f"{self.path}, line 1: the header names {_list(duplicated)} twice.")
        if header != names:
            missing = [n for n in names if n not in header]
            extra = [h for h in header if h not in names]
            problems = []
            if missing:
                problems.append(f"missing column(s) {', '.join(missing)}")
            if extra:
                problems.append(f"column(s) not in the schema {', '.join(extra)}")
            if not problems:
                problems.append(f"the columns are in another order ({', '.join(header)}) than "
                                f"the schema's fields ({', '.join(names)})")
            raise DataError(
                f"{self.path} does not match its schema: {'; '.join(problems)}. "
                "Update the file or the field list in datapackage.json."
            )
        return header

    # the cells ----------------------------------------------------------------

    def convert(self, column: pd.Series, field: dict) -> pd.Series:
        name, kind = field["name"], field["type"]
        constraints = field["constraints"]
        present = column.notna().to_numpy()
        key = self.resource["schema"].get("primaryKey") or []
        if (constraints.get("required") or name in ([key] if isinstance(key, str) else key)
                or is_source_field(name)) and not present.all():
            rule = "required" if constraints.get("required") else (
                "every row names its sources" if is_source_field(name) else "primary key")
            self.fail(name, ~present, column, f"where a value is required (rule: {rule})",
                      "Fill it in.")
        if kind == "string":
            result = self.check_text(column, field, present)
        elif kind == "boolean":
            values = column.to_numpy(dtype=object)
            is_true = np.isin(values, TRUE_VALUES)
            is_false = np.isin(values, FALSE_VALUES)
            self.fail(name, present & ~is_true & ~is_false, column,
                      "is not true or false (rule: type boolean)", "Write true or false.")
            result = pd.Series(pd.arrays.BooleanArray(is_true, ~present), index=column.index)
        elif kind == "date":
            result = self.check_date(column, field, present)
        elif kind in ("integer", "year"):
            result = self.check_integer(column, field, present)
        else:
            numbers = pd.to_numeric(column, errors="coerce").astype("float64")
            parsed = numbers.notna().to_numpy()
            self.fail(name, present & ~parsed, column, "is not a number (rule: type number)",
                      "Write digits with a decimal point, e.g. 2.5: no units, no thousands "
                      "separators.")
            self.fail(name, np.isinf(numbers.to_numpy()), column,
                      "is not a finite number (rule: type number)", "Write a finite number.")
            result = numbers
        if kind != "string":
            self.check_range(result, column, field)
        if constraints.get("unique"):
            self.check_unique(result, column, name)
        return result

    def check_text(self, column: pd.Series, field: dict, present: np.ndarray) -> pd.Series:
        name = field["name"]
        constraints = field["constraints"]
        if "enum" in constraints:
            allowed = constraints["enum"]
            dtype = pd.CategoricalDtype(allowed, ordered=bool(field.get("categoriesOrdered")))
            codes = pd.Index(allowed).get_indexer(column)
            bad = present & (codes == -1)
            if bad.any():
                import difflib

                value = column.iloc[np.flatnonzero(bad)[0]]
                close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
                hint = f"Did you mean {close[0]!r}? " if close else ""
                self.fail(name, bad, column,
                          f"is not one of the allowed values (rule: enum: {_list(allowed, 4)})",
                          f"{hint}Use one of the values listed for {name} in datapackage.json.")
            return pd.Series(pd.Categorical.from_codes(codes, dtype=dtype), index=column.index)
        result = column.astype("string")
        source = is_source_field(name) and self.resource["name"] != BIBLIOGRAPHY
        distinct = None  # the different values, when a check needs them
        if (source or "pattern" in constraints) and not constraints.get("unique"):
            distinct = column[present].unique()
        if source:
            self.check_source_ids(column, name, distinct)
        position = [f["name"] for f in self.fields].index(name)
        if "minLength" in constraints or (
            "maxLength" in constraints and self.widest[position] > constraints["maxLength"]
        ):
            lengths = result.str.len().to_numpy(dtype="float64", na_value=np.nan)
            low, high = constraints.get("minLength", 0), constraints.get("maxLength", np.inf)
            self.fail(name, lengths < low, column,
                      f"is shorter than {low} characters (rule: minLength {low})",
                      "Write the value in full.")
            self.fail(name, lengths > high, column,
                      f"is longer than {high} characters (rule: maxLength {high})",
                      "Shorten it (or, if the limit is wrong, raise it in datapackage.json).")
        if "pattern" in constraints:
            pattern = re.compile(constraints["pattern"])
            values = column[present].to_numpy() if distinct is None else distinct
            if not _all_match(constraints["pattern"], values):
                wrong = {v for v in values if not pattern.fullmatch(v)}
                hint = field.get("description", "")
                self.fail(name, column.isin(wrong).to_numpy(), column,
                          f"does not match the pattern {constraints['pattern']} (rule: pattern)",
                          f"Expected: {hint[:120]}" if hint else "Fix the value.")
        return result

    def check_source_ids(self, column: pd.Series, name: str,
                         distinct: np.ndarray | None) -> None:
        """Each ;-separated id resolves to sources.csv: a list-valued foreign key, which
        Table Schema cannot declare, so it is checked here."""
        if BIBLIOGRAPHY not in self.package._resources:
            return
        known = self.package.bibliography
        problems: dict[str, str] = {}
        for cell in column.dropna().unique() if distinct is None else distinct:
            parts = cell.split(SOURCE_SEPARATOR)
            if any(not p.strip() for p in parts):
                problems[cell] = (f"has an empty source id (rule: ids separated by "
                                  f"{SOURCE_SEPARATOR!r}, none empty)")
            elif any(p != p.strip() for p in parts):
                problems[cell] = "has a space around a source id (rule: no spaces in ids)"
            else:
                unknown = [p for p in parts if p not in known]
                if unknown:
                    problems[cell] = (f"names source id(s) {_list(unknown, 3)} not found in "
                                      "sources.csv (rule: every source id resolves)")
        if problems:
            bad = column.isin(problems).to_numpy()
            cell = column.iloc[np.flatnonzero(bad)[0]]
            self.fail(name, bad, column, problems[cell],
                      "Fix the id, or add the source to sources.csv first.")

    def check_date(self, column: pd.Series, field: dict, present: np.ndarray) -> pd.Series:
        name = field["name"]
        dates = pd.to_datetime(column, format="%Y-%m-%d", errors="coerce")
        position = [f["name"] for f in self.fields].index(name)
        if self.widest[position] == self.narrowest[position] == 10:
            shape = np.ones(len(column), dtype=bool)  # every value has ten bytes: YYYY-MM-DD
        else:
            shape = column.str.len().to_numpy(dtype="float64", na_value=np.nan) == 10
        self.fail(name, present & (dates.isna().to_numpy() | ~shape), column,
                  "is not a date (rule: type date)", "Write it as YYYY-MM-DD, e.g. 1953-07-27.")
        outside = ((dates < EARLIEST) | (dates > LATEST)).to_numpy()
        self.fail(name, outside, column,
                  "lies outside the years 1678-2261 that a pandas date can hold",
                  "Is the year a typo?")
        return dates.astype("datetime64[ns]")  # the same unit under pandas 2 and 3

    def check_integer(self, column: pd.Series, field: dict, present: np.ndarray) -> pd.Series:
        name, kind = field["name"], field["type"]
        digits = r"\d{4}" if kind == "year" else r"[+-]?\d+"
        values = column[present]
        wrong = ~values.str.fullmatch(digits).to_numpy(dtype=bool)
        bad = np.zeros(len(column), dtype=bool)
        bad[np.flatnonzero(present)[wrong]] = True
        if kind == "year":
            self.fail(name, bad, column, "is not a four-digit year (rule: type year)",
                      "Write the year in full, e.g. 1953.")
        else:
            looks_whole = values.str.fullmatch(r"[+-]?\d+\.0*").to_numpy(dtype=bool)
            fix = ("Write a whole number: digits only, no decimals, units or thousands "
                   "separators, e.g. 28500.")
            problem = "is not a whole integer" if (looks_whole | ~wrong).all() else \
                "is not an integer"
            numeric = pd.to_numeric(values, errors="coerce")
            if (numeric[wrong].notna()).any():
                problem = "is not a whole integer"
            self.fail(name, bad, column, f"{problem} (rule: type integer)", fix)
        big = np.zeros(len(column), dtype=bool)
        big[np.flatnonzero(present)] = values.str.lstrip("+-").str.len().to_numpy() > 18
        self.fail(name, big, column, "is too large for a 64-bit integer (rule: type integer)",
                  "Check the number of digits.")
        numbers = np.zeros(len(column), dtype=np.int64)
        numbers[present] = pd.to_numeric(values).to_numpy(dtype=np.int64)
        return pd.Series(pd.arrays.IntegerArray(numbers, ~present), index=column.index)

    def check_range(self, result: pd.Series, column: pd.Series, field: dict) -> None:
        name, kind = field["name"], field["type"]
        tests = {
            "minimum": (lambda v, b: v < b, "is below the minimum {}"),
            "exclusiveMinimum": (lambda v, b: v <= b, "is not above {}"),
            "maximum": (lambda v, b: v > b, "is above the maximum {}"),
            "exclusiveMaximum": (lambda v, b: v >= b, "is not below {}"),
        }
        for rule, (outside, problem) in tests.items():
            if rule in field["constraints"]:
                bound = field["constraints"][rule]
                bad = outside(result, _bound(kind, bound)).to_numpy(dtype=bool, na_value=False)
                self.fail(name, bad, column, problem.format(bound) + f" (rule: {rule} {bound})",
                          "Check the value (a typo, a unit, a sign?); if the rule is wrong, "
                          "change it in datapackage.json.")

    def check_unique(self, result: pd.Series, column: pd.Series, name: str) -> None:
        repeated = (result.duplicated(keep="first") & result.notna()).to_numpy(dtype=bool)
        if repeated.any():
            value = result.iloc[np.flatnonzero(repeated)[0]]
            first = self.lines[np.flatnonzero((result == value).to_numpy(dtype=bool,
                                                                          na_value=False))[0]]
            self.fail(name, repeated, column,
                      f"is already used on line {first} (rule: unique)",
                      "Give each row its own value.")

    def check_precision(self, frame: pd.DataFrame) -> None:
        """A month-precision date is the 1st of a month; a year-precision date is 1 January."""
        for precision, dates in _precision_pairs(self.fields):
            level = frame[precision]
            known = level.notna().to_numpy()
            if not (isinstance(level.dtype, pd.CategoricalDtype)
                    and set(level.cat.categories) <= set(PRECISIONS)):
                unknown = known & ~level.isin(PRECISIONS).to_numpy()
                self.fail(precision, unknown, level,
                          f"is not a precision (rule: one of {', '.join(PRECISIONS)})",
                          "Write day, month or year.")
            month_level = (level == "month").to_numpy(dtype=bool, na_value=False)
            year_level = (level == "year").to_numpy(dtype=bool, na_value=False)
            for date in dates:
                when = frame[date]
                dated = when.notna().to_numpy()
                self.fail(precision, dated & ~known, level,
                          f"but {date} holds a date (rule: a date says how precise it is)",
                          "Write day, month or year.")
                day = when.dt.day.to_numpy(dtype="float64", na_value=np.nan)
                month = when.dt.month.to_numpy(dtype="float64", na_value=np.nan)
                bad = dated & month_level & (day != 1)
                if bad.any():
                    self.fail(date, bad, when.dt.strftime("%Y-%m-%d"),
                              f"has {precision} 'month' but is not the 1st of a month (rule: "
                              "a month-precision date is the first day of its month)",
                              f"Write the 1st of the month, or set {precision} to day.")
                bad = dated & year_level & ((day != 1) | (month != 1))
                if bad.any():
                    self.fail(date, bad, when.dt.strftime("%Y-%m-%d"),
                              f"has {precision} 'year' but is not 1 January (rule: a "
                              "year-precision date is 1 January)",
                              f"Write 1 January of the year, or set {precision} to day or month.")

    def check_keys(self, frame: pd.DataFrame) -> None:
        schema = self.resource["schema"]
        key = schema.get("primaryKey")
        key = [key] if isinstance(key, str) else list(key or [])
        fields = {f["name"]: f for f in self.fields}
        if len(key) == 1 and fields[key[0]]["constraints"].get("unique"):
            key = []  # already checked as unique
        if key:
            duplicated = frame.duplicated(subset=key, keep="first").to_numpy()
            if duplicated.any():
                row = frame.iloc[np.flatnonzero(duplicated)[0]]
                value = ", ".join(f"{k}={row[k]}" for k in key)
                same = (frame[key] == row[key]).all(axis=1).to_numpy()
                first = self.lines[np.flatnonzero(same)[0]]
                self.fail(", ".join(key), duplicated, pd.Series([value] * len(frame)),
                          f"duplicates the primary key of line {first} (rule: primaryKey; "
                          "duplicate id)", "Give each row its own key.")
        for foreign in schema.get("foreignKeys", []):
            target = foreign["reference"]["resource"] or self.resource["name"]
            other = frame if target == self.resource["name"] else self.package.load(target)
            mine, theirs = foreign["fields"], foreign["reference"]["fields"]
            left = frame[mine].astype("object")
            right = other[theirs].astype("object")
            right.columns = mine
            complete = left.notna().all(axis=1).to_numpy()
            found = pd.MultiIndex.from_frame(left).isin(pd.MultiIndex.from_frame(right))
            bad = complete & ~found
            shown = left.astype(str).agg(", ".join, axis=1) if len(mine) > 1 else left[mine[0]]
            target_path = self.package._resources[target]["path"]
            self.fail(", ".join(mine), bad, shown,
                      f"is not a {', '.join(theirs)} in {target_path} (rule: foreignKeys)",
                      f"Fix the value, or add the row to {target_path} first.")


def _all_match(pattern: str, values: np.ndarray) -> bool:
    """Whether every value matches ``pattern`` in full (Table Schema patterns are anchored).

    Many values are tested in one call of the regular-expression engine: joined
    by line ends, they all match exactly when the pattern, anchored to whole
    lines, matches as many times as there are values (a match that ran over a
    line end would swallow the start of the next value and leave it unmatched).

    Examples
    --------
    >>> import numpy as np
    >>> _all_match("[a-z]+(-[a-z]+)*", np.array(["ab-cd", "ef"], dtype=object))
    True
    >>> _all_match("[a-z]+(-[a-z]+)*", np.array(["ab-cd", "e f"], dtype=object))
    False
    >>> _all_match("[^;]+", np.array(["a", "b;"], dtype=object))
    False
    """
    if len(values) < 1000:
        compiled = re.compile(pattern)
        return all(map(compiled.fullmatch, values))
    joined = "\n".join(values)
    if joined.count("\n") != len(values) - 1:  # a value holds a line end: one at a time
        compiled = re.compile(pattern)
        return all(map(compiled.fullmatch, values))
    try:
        lines = re.compile(f"(?m)^(?:{pattern})$")
    except re.error:
        compiled = re.compile(pattern)
        return all(map(compiled.fullmatch, values))
    return len(lines.findall(joined)) == len(values)


def _precision_pairs(fields: list[dict]) -> list[tuple[str, list[str]]]:
    """Which precision field describes which date fields.

    ``X_precision`` describes the date field ``X``; ``date_precision`` describes
    ``date`` or, without one, every date field that has no precision of its own.

    Examples
    --------
    >>> _precision_pairs([{"name": "fieldwork_start", "type": "date"},
    ...                   {"name": "date_precision", "type": "string"},
    ...                   {"name": "published", "type": "date"},
    ...                   {"name": "published_precision", "type": "string"}])
    [('date_precision', ['fieldwork_start']), ('published_precision', ['published'])]
    """
    dates = [f["name"] for f in fields if f.get("type") == "date"]
    names = {f["name"] for f in fields}
    pairs = []
    for name in (f["name"] for f in fields):
        if not name.endswith("_precision"):
            continue
        target = name[: -len("_precision")]
        if target in dates:
            pairs.append((name, [target]))
        elif name == "date_precision":
            own = [d for d in dates if f"{d}_precision" not in names]
            if own:
                pairs.append((name, own))
    return pairs


def _find_delimiters(buf: np.ndarray, chunk: int = 1 << 20) -> tuple[np.ndarray, ...]:
    """Where the double quotes are, and the commas and line ends outside quotes.

    Returns the quotes' positions, the value ends' positions, whether each
    value end is a line end, and the number of line ends in the file. The
    search runs in chunks that stay in the CPU cache, several times faster on
    a large file than comparing the whole file at once.
    """
    size = min(chunk, len(buf))
    first, second = np.empty(size, bool), np.empty(size, bool)
    found, newlines = [], 0
    for offset in range(0, len(buf), chunk):
        part = buf[offset:offset + chunk]
        one, two = first[:len(part)], second[:len(part)]
        np.equal(part, 34, out=one)
        np.equal(part, 44, out=two)
        np.logical_or(one, two, out=one)
        np.equal(part, 10, out=two)
        newlines += int(np.count_nonzero(two))
        np.logical_or(one, two, out=one)
        found.append(np.flatnonzero(one) + offset)
    special = np.concatenate(found)
    kind = buf[special]
    quoted = kind == 34
    # an even number of quotes before it (a running parity, cheaper than a cumulative count)
    outside = ~quoted & ~np.logical_xor.accumulate(quoted)
    return special[quoted], special[outside], kind[outside] == 10, newlines


def _column_at(prefix: bytes) -> int:
    """How many delimiters (commas outside quotes) a line has before a point."""
    inside, count = False, 0
    for byte in prefix:
        if byte == 34:
            inside = not inside
        elif byte == 44 and not inside:
            count += 1
    return count


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _text(value: object) -> str:
    """A cell as plain text: empty for missing, ISO for dates."""
    if _missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _collect_ids(rows: object) -> list[str]:
    """Source ids in first-seen order from a frame, a row, a column, one id or many ids."""
    wanted = ("Pass a DataFrame with a source_ids column, one row of it, its source_ids "
              "column, one source id or a list of ids")
    if isinstance(rows, pd.DataFrame):
        columns = [c for c in rows.columns if is_source_field(c)]
        if not columns:
            raise DataError(
                "This table has no source_ids column, so its sources are unknown. "
                "Keep the source_ids column when you select columns."
            )
        cells: Iterable[object] = (cell for c in columns for cell in rows[c])
    elif isinstance(rows, (pd.Series, Mapping)):
        keys = list(rows.index if isinstance(rows, pd.Series) else rows.keys())
        source_keys = [k for k in keys if is_source_field(k)]
        if source_keys:  # one row (a Series from .iloc[i] or a dict)
            cells = [rows[k] for k in source_keys]
        elif isinstance(rows, pd.Series) and (rows.name is None or is_source_field(rows.name)):
            cells = list(rows)
        else:
            what = f"column {rows.name!r}" if isinstance(rows, pd.Series) else "dict"
            raise DataError(f"This {what} holds no source ids. {wanted}.")
    elif isinstance(rows, str):
        cells = [rows]
    elif isinstance(rows, Iterable) and not isinstance(rows, (bytes, bytearray)):
        cells = list(rows)
    else:
        raise DataError(f"sources_for cannot read {type(rows).__name__} {_show(rows)}. "
                        f"{wanted}.")
    seen: dict[str, None] = {}
    for cell in cells:
        if not isinstance(cell, str) and not _missing(cell):
            raise DataError(f"A source id is text, not {type(cell).__name__} {_show(cell)}. "
                            f"{wanted}.")
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
    The data are checked on the way in against every rule of the schema: a
    broken rule raises :class:`DataError` with a message that names the
    file, line, column, value and rule. An edited file is read again.

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


def sources_for(rows: pd.DataFrame | pd.Series | Mapping | str | Iterable[str]) -> Bibliography:
    """The bibliography entries behind some rows, as a readable numbered list.

    Parameters
    ----------
    rows
        A DataFrame with a ``source_ids`` column (every ``*source_ids``
        column counts), one row of it (``events.iloc[0]`` or a dict), its
        ``source_ids`` column, one source id, or several ids.

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
