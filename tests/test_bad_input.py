"""Every kind of bad input gives a DataError whose message says what to fix.

One table of bad inputs (``CASES``): each breaks a small, valid data package in
one way and names the error type and a fragment of the message it must give.
No case may return data, and no message may run past a few lines.
"""

from __future__ import annotations

import copy
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers.data import DataError, DataPackage
from tests.conftest import TINY_EVENTS

# -- a small package with every kind of rule --------------------------------------

SOURCES = (
    "source_id,producer,title,published,accessed\n"
    "avalon-mdt,US Department of State,Mutual Defense Treaty,1953,2026-11-28\n"
    "ucsb-message,Dwight D. Eisenhower,Special Message to the Senate,1954-01-11,2026-11-28\n"
)
EVENTS = (
    "id,date,date_precision,title,category,troops,share_pct,year,signed,source_ids\n"
    "mdt-signed-1953,1953-10-01,day,Treaty signed,treaty,,12.5,1953,true,avalon-mdt\n"
    "mdt-in-force-1954,1954-11-17,day,Treaty in force,treaty,50000,2.5,1954,false,"
    "avalon-mdt;ucsb-message\n"
    "cut-1971,1971-03-01,month,\"Troops cut, 7th Division leaves\",force posture,43000,,1971,,"
    "ucsb-message\n"
    "decade-1980,1980-01-01,year,A quiet decade,force posture,39000,,1980,,avalon-mdt\n"
)
SLUG = "[a-z0-9]+(-[a-z0-9]+)*"
DESCRIPTOR = {
    "name": "rules",
    "resources": [
        {
            "name": "sources",
            "path": "sources.csv",
            "schema": {
                "fields": [
                    {"name": "source_id", "type": "string",
                     "constraints": {"required": True, "unique": True, "pattern": SLUG}},
                    {"name": "producer", "type": "string", "constraints": {"required": True}},
                    {"name": "title", "type": "string", "constraints": {"required": True}},
                    {"name": "published", "type": "string"},
                    {"name": "accessed", "type": "date"},
                ],
                "primaryKey": ["source_id"],
            },
        },
        {
            "name": "events",
            "path": "events.csv",
            "schema": {
                "fields": [
                    {"name": "id", "type": "string",
                     "constraints": {"required": True, "unique": True, "pattern": SLUG}},
                    {"name": "date", "type": "date",
                     "constraints": {"required": True, "minimum": "1900-01-01",
                                     "maximum": "2100-12-31"}},
                    {"name": "date_precision", "type": "string",
                     "constraints": {"required": True, "enum": ["day", "month", "year"]},
                     "categoriesOrdered": True},
                    {"name": "title", "type": "string",
                     "constraints": {"required": True, "maxLength": 60}},
                    {"name": "category", "type": "string",
                     "constraints": {"required": True, "enum": ["treaty", "force posture"]}},
                    {"name": "troops", "type": "integer", "constraints": {"minimum": 0}},
                    {"name": "share_pct", "type": "number",
                     "constraints": {"minimum": 0, "maximum": 100}},
                    {"name": "year", "type": "year",
                     "constraints": {"minimum": 1900, "maximum": 2100}},
                    {"name": "signed", "type": "boolean"},
                    {"name": "source_ids", "type": "string",
                     "constraints": {"required": True, "pattern": f"{SLUG}(;{SLUG})*"}},
                ],
                "primaryKey": ["id"],
            },
        },
    ],
}


def write_package(folder: Path, events: str | bytes = EVENTS, sources: str | bytes = SOURCES,
                  descriptor: object = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = descriptor if isinstance(descriptor, (str, bytes)) else json.dumps(
        DESCRIPTOR if descriptor is None else descriptor
    )
    for name, content in (("datapackage.json", text), ("events.csv", events),
                          ("sources.csv", sources)):
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def replace(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)

    return change


def descriptor_with(change: Callable[[dict], object]) -> dict:
    descriptor = copy.deepcopy(DESCRIPTOR)
    change(descriptor)
    return descriptor


def field(descriptor: dict, name: str, resource: int = 1) -> dict:
    return next(f for f in descriptor["resources"][resource]["schema"]["fields"]
                if f["name"] == name)


def set_field(name: str, **values: object) -> Callable[[dict], None]:
    return lambda d: field(d, name).update(values)


def set_constraint(name: str, **values: object) -> Callable[[dict], None]:
    return lambda d: field(d, name)["constraints"].update(values)


# -- the table ---------------------------------------------------------------------
# (case id, what to change in events.csv / sources.csv / the descriptor, message fragment)

CSV_CASES = [
    # constraints declared in the schema
    ("negative-troops", replace(",50000,", ",-5,"), r"'-5' is below the minimum 0 \(rule: minimum"),
    ("poll-710-percent", replace(",12.5,", ",710,"), r"line 2, column share_pct: '710' is above "
                                                     r"the maximum 100"),
    ("title-too-long", replace("Treaty signed", "T" * 200),
     r"column title: 'TTTT.*' \(200 characters\) is longer than 60 characters \(rule: maxLength"),
    ("inf-number", replace(",12.5,", ",inf,"), r"'inf' is not a finite number"),
    ("nan-number", replace(",12.5,", ",NaN,"), r"'NaN' is not a number"),
    ("two-digit-year", replace(",1953,true", ",53,true"), r"'53' is not a four-digit year"),
    ("year-out-of-range", replace(",1953,true", ",1853,true"), r"'1853' is below the minimum 1900"),
    ("date-below-minimum", replace("1953-10-01", "1853-10-01"),
     r"is below the minimum 1900-01-01"),
    ("date-before-pandas", replace("1953-10-01", "1492-10-12"), r"'1492-10-12' lies outside"),
    ("date-typo-2950", replace("1954-11-17", "2950-11-17"), r"line 3, column date: '2950-11-17'"),
    ("unknown-enum", replace(",day,", ",week,"), r"'week' is not one of the allowed values"),
    ("enum-wrong-case", replace(",treaty,", ",Treaty,"), r"Did you mean 'treaty'\?"),
    ("id-pattern", replace("mdt-signed-1953", "MDT signed"), r"'MDT signed' does not match"),
    ("id-trailing-space", replace("mdt-signed-1953,", "mdt-signed-1953 ,"),
     r"column id: 'mdt-signed-1953 ' starts or ends with a space"),
    ("title-leading-space", replace(",Treaty signed,", ", Treaty signed,"),
     r"' Treaty signed' starts or ends with a space"),
    ("whitespace-only-required", replace(",Treaty signed,", ",   ,"),
     r"column title: '   ' is only spaces: a blank cell counts as missing"),
    ("no-break-space", replace(",Treaty signed,", ",Treaty signed\u00a0,"),
     r"starts or ends with a space"),
    ("required-empty", replace(",Treaty signed,", ",,"),
     r"line 2, column title: an empty cell where a value is required"),
    ("duplicate-id", replace("mdt-in-force-1954", "mdt-signed-1953"),
     r"line 3, column id: 'mdt-signed-1953' is already used on line 2 \(rule: unique\)"),
    ("empty-source-ids", replace(",avalon-mdt\n", ",\n"),
     r"column source_ids: an empty cell where a value is required"),
    ("source-ids-only-separator", replace(",avalon-mdt\n", ",;\n"), r"has an empty source id"),
    ("source-ids-only-space", replace(",avalon-mdt\n", ", \n"), r"only spaces"),
    ("source-ids-trailing-separator", replace(",avalon-mdt\n", ",avalon-mdt;\n"),
     r"has an empty source id"),
    ("source-ids-space-after-separator",
     replace("avalon-mdt;ucsb-message", "avalon-mdt; ucsb-message"),
     r"has a space around a source id"),
    ("unknown-source-id", replace("avalon-mdt;ucsb-message", "avalon-mdt;nobody-2099"),
     r"line 3, column source_ids: .*'nobody-2099' not found in sources.csv"),
    # types
    ("text-in-integer", replace("50000", "about 50000"), r"'about 50000' is not an integer"),
    ("fraction-in-integer", replace("50000", "50000.5"), r"is not a whole integer"),
    ("integer-overflow", replace("50000", "9" * 25), r"too large for a 64-bit integer"),
    ("thousands-separator", replace("50000", '"50,000"'), r"'50,000' is not an integer"),
    ("text-in-number", replace(",12.5,", ",12.5%,"), r"'12.5%' is not a number"),
    ("bad-boolean", replace("true", "yes"), r"column signed: 'yes' is not true or false"),
    ("bad-date-format", replace("1954-11-17", "17/11/1954"),
     r"line 3, column date: '17/11/1954' is not a date"),
    ("impossible-date", replace("1954-11-17", "1954-02-30"), r"'1954-02-30' is not a date"),
    ("date-without-padding", replace("1954-11-17", "1954-11-7"), r"'1954-11-7' is not a date"),
    # date precision
    ("month-precision-not-first", replace("1971-03-01,month", "1971-03-15,month"),
     r"column date: '1971-03-15' has date_precision 'month' but is not the 1st"),
    ("year-precision-with-day", replace("1980-01-01,year", "1980-06-01,year"),
     r"'1980-06-01' has date_precision 'year' but is not 1 January"),
    # the CSV itself
    ("row-one-value-short", replace(",12.5,1953,true,avalon-mdt", ",12.5,1953,true"),
     r"line 2 has 9 values where the header has 10. A value is missing"),
    ("unquoted-comma", replace("50000", "50,000"),
     r"line 3 has 11 values where the header has 10.*double quotes"),
    ("trailing-comma-every-row", lambda t: t.replace("\n", ",\n").replace(
        "source_ids,\n", "source_ids\n"), r"every line ends with a comma"),
    ("trailing-comma-header-too", lambda t: t.replace("\n", ",\n"),
     r"column 11 of the header has no name \(a comma at the end of the header\?\)"),
    ("header-trailing-space", replace("title,", "title ,"),
     r"header 'title ' contains a space or an invisible character. Rename it to 'title'"),
    ("header-zero-width-space", replace("title,", "ti\u200btle,"), r"invisible character"),
    ("header-duplicate", replace("troops,", "title,"), r"the header names 'title' twice"),
    ("missing-column", lambda t: "\n".join(
        ",".join(c for i, c in enumerate(line.split(",")) if i != 5) for line in
        EVENTS.replace('"Troops cut, 7th Division leaves"', "Troops cut").strip().split("\n")
    ) + "\n", r"missing column\(s\) troops"),
    ("columns-swapped", lambda t: t.replace("troops,share_pct", "share_pct,troops", 1),
     r"in another order"),
    ("unterminated-quote", replace('"Troops cut, 7th Division leaves"',
                                   '"Troops cut, 7th Division leaves'),
     r"line 4, column title: a quoted value opens here"),
    ("stray-quote", replace("Treaty in force", 'Treaty "in" force'),
     r"line 3, column title: a double quote in the middle of a value"),
    ("blank-line", replace("\nmdt-in-force", "\n\nmdt-in-force"), r"line 3 is blank"),
    ("header-only", lambda t: t.split("\n")[0] + "\n", r"has a header but no rows"),
    ("empty-file", lambda t: "", r"events.csv is empty"),
    ("not-utf8", lambda t: t.replace("Treaty signed", "Trait\xe9 sign\xe9").encode("latin-1"),
     r"line 2, column title: this text is not UTF-8"),
]

DESCRIPTOR_CASES = [
    ("unknown-type-datetime", set_field("date", type="datetime"),
     r"field 'date': type 'datetime' is not one this loader reads"),
    ("unknown-constraint", set_constraint("troops", multipleOf=10),
     r"constraint 'multipleOf' is not one this loader checks"),
    ("constraint-wrong-type", set_constraint("title", minimum=3),
     r"constraint 'minimum' does not apply to type 'string'"),
    ("bad-pattern", set_constraint("id", pattern="[a-z"), r"is not a regular expression"),
    ("bound-not-a-number", set_constraint("troops", minimum="zero"), r"minimum 'zero' is not"),
    ("unsupported-format", set_field("date", format="%d/%m/%Y"), r"format '%d/%m/%Y' is not read"),
    ("unsupported-true-values", set_field("signed", trueValues=["yes"]),
     r"'trueValues' is not read"),
    ("field-listed-twice", lambda d: d["resources"][1]["schema"]["fields"].append(
        {"name": "id", "type": "string"}), r"field 'id' is listed twice"),
    ("resource-listed-twice", lambda d: d["resources"].append(copy.deepcopy(d["resources"][1])),
     r"lists the resource 'events' twice"),
    ("resource-without-schema", lambda d: d["resources"][1].pop("schema"),
     r"resource 'events' has no \"schema\""),
    ("resource-without-name", lambda d: d["resources"][1].pop("name"),
     r"resource 2 has no \"name\""),
    ("resource-without-path", lambda d: d["resources"][1].pop("path"), r"has no \"path\""),
    ("path-outside-folder", lambda d: d["resources"][1].update(path="../events.csv"),
     r"must be a file inside the data folder"),
    ("primary-key-unknown-field", lambda d: d["resources"][1]["schema"].update(
        primaryKey=["ident"]), r"primaryKey names 'ident', not a field"),
    ("foreign-key-unknown-resource", lambda d: d["resources"][1]["schema"].update(
        foreignKeys=[{"fields": ["id"], "reference": {"resource": "nope", "fields": ["x"]}}]),
     r"refers to resource 'nope', which is not in the package"),
    ("other-encoding", lambda d: d["resources"][1].update(encoding="latin-1"),
     r"this loader reads utf-8"),
]

FILE_CASES = [  # datapackage.json itself
    ("descriptor-is-a-list", "[]", r"must hold one JSON object"),
    ("descriptor-not-json", "{not json", r"is not valid JSON: .* at line 1"),
    ("descriptor-not-utf8", '{"name": "caf\xe9"}'.encode("latin-1"), r"is not UTF-8 text"),
    ("descriptor-without-resources", '{"name": "x"}', r"has no \"resources\" list"),
]


def loaded(folder: Path) -> pd.DataFrame:
    return DataPackage(folder).load("events")


@pytest.mark.parametrize(("change", "fragment"), [c[1:] for c in CSV_CASES],
                         ids=[c[0] for c in CSV_CASES])
def test_bad_csv_is_refused_with_a_clear_message(tmp_path, change, fragment):
    folder = write_package(tmp_path, events=change(EVENTS))
    with pytest.raises(DataError, match=fragment) as caught:
        loaded(folder)
    assert_short(caught.value)


@pytest.mark.parametrize(("change", "fragment"), [c[1:] for c in DESCRIPTOR_CASES],
                         ids=[c[0] for c in DESCRIPTOR_CASES])
def test_bad_schema_is_refused_with_a_clear_message(tmp_path, change, fragment):
    folder = write_package(tmp_path, descriptor=descriptor_with(change))
    with pytest.raises(DataError, match=fragment) as caught:
        loaded(folder)
    assert_short(caught.value)


@pytest.mark.parametrize(("text", "fragment"), [c[1:] for c in FILE_CASES],
                         ids=[c[0] for c in FILE_CASES])
def test_bad_descriptor_file_is_refused(tmp_path, text, fragment):
    folder = write_package(tmp_path, descriptor=text)
    with pytest.raises(DataError, match=fragment) as caught:
        loaded(folder)
    assert_short(caught.value)


def assert_short(error: Exception) -> None:
    """A message a student reads: a few lines at most, never a dumped file."""
    text = str(error)
    assert len(text) <= 400, text
    assert text.count("\n") <= 3, text
    assert "Traceback" not in text


def test_the_valid_package_loads_with_schema_dtypes(tmp_path):
    events = loaded(write_package(tmp_path))
    assert events["date"].dtype == "datetime64[ns]"
    assert events["troops"].dtype == "Int64" and pd.isna(events.loc[0, "troops"])
    assert events["year"].dtype == "Int64"
    assert events["share_pct"].dtype == "float64"
    assert events["signed"].dtype == "boolean" and pd.isna(events.loc[2, "signed"])
    assert list(events["date_precision"].cat.categories) == ["day", "month", "year"]
    assert events["date_precision"].cat.ordered
    assert events["id"].dtype == "string"
    assert events.loc[2, "title"] == "Troops cut, 7th Division leaves"


def test_standard_boolean_spellings_are_read(tmp_path):
    events = loaded(write_package(tmp_path, events=EVENTS.replace(",true,", ",TRUE,")
                                  .replace(",false,", ",0,")))
    assert events["signed"].tolist()[:2] == [True, False]


def test_crlf_line_endings_and_a_byte_order_mark_are_read(tmp_path):
    text = "\ufeff" + EVENTS.replace("\n", "\r\n")
    events = loaded(write_package(tmp_path, events=text))
    assert list(events.columns)[0] == "id" and events.loc[3, "source_ids"] == "avalon-mdt"


def test_a_quoted_value_may_hold_quotes_and_commas(tmp_path):
    text = EVENTS.replace('"Troops cut, 7th Division leaves"', '"The ""Nixon"" cut, 1971"')
    assert loaded(write_package(tmp_path, events=text)).loc[2, "title"] == 'The "Nixon" cut, 1971'


def test_a_bad_row_in_sources_is_refused_when_events_load(tmp_path):
    sources = SOURCES.replace("avalon-mdt,US", "avalon-mdt ,US")
    with pytest.raises(DataError, match=r"sources.csv, line 2, column source_id"):
        loaded(write_package(tmp_path, sources=sources))


def test_foreign_keys_are_enforced(tmp_path):
    def link(d: dict) -> None:
        d["resources"][1]["schema"]["fields"].append({"name": "follows", "type": "string"})
        d["resources"][1]["schema"]["foreignKeys"] = [
            {"fields": ["follows"], "reference": {"resource": "", "fields": ["id"]}}]

    lines = EVENTS.strip().split("\n")
    rows = [lines[0] + ",follows", lines[1] + ",", lines[2] + ",mdt-signed-1953",
            lines[3] + ",mdt-signed-1953", lines[4] + ",no-such-event"]
    folder = write_package(tmp_path, events="\n".join(rows) + "\n",
                           descriptor=descriptor_with(link))
    with pytest.raises(DataError, match=r"line 5, column follows: 'no-such-event' is not a id "
                                        r"in events.csv \(rule: foreignKeys\)"):
        loaded(folder)
    rows[4] = lines[4] + ",cut-1971"
    (folder / "events.csv").write_text("\n".join(rows) + "\n")
    assert loaded(folder)["follows"].iloc[3] == "cut-1971"


def test_long_values_are_cut_short_in_messages(tmp_path):
    title = "A" * 5000
    folder = write_package(tmp_path, events=EVENTS.replace("Treaty signed", title))
    with pytest.raises(DataError) as caught:
        loaded(folder)
    assert "(5000 characters)" in str(caught.value)
    assert_short(caught.value)


# -- the cache: an edited file is read again -----------------------------------------


def touch_later(path: Path) -> None:
    """Move the modification time on, as a later save would."""
    later = time.time() + 5
    os.utime(path, (later, later))


def test_an_edited_csv_is_read_again(tmp_path):
    folder = write_package(tmp_path)
    package = DataPackage(folder)
    assert package.load("events").loc[0, "title"] == "Treaty signed"
    path = folder / "events.csv"
    path.write_text(EVENTS.replace("Treaty signed", "Treaty signed!"))
    assert package.load("events").loc[0, "title"] == "Treaty signed!"
    # the same size and a kept modification time: the hash still tells
    stat = path.stat()
    path.write_text(EVENTS.replace("Treaty signed", "Treaty Signed!"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert package.load("events").loc[0, "title"] == "Treaty Signed!"


def test_a_csv_replaced_with_garbage_gives_a_clear_error_not_the_old_table(tmp_path):
    folder = write_package(tmp_path)
    package = DataPackage(folder)
    assert len(package.load("events")) == 4
    (folder / "events.csv").write_bytes(b"\x00\xff garbage \x89PNG")
    with pytest.raises(DataError):
        package.load("events")
    (folder / "events.csv").unlink()
    with pytest.raises(DataError, match="events.csv is missing"):
        package.load("events")


def test_an_edited_descriptor_and_sources_are_read_again(tmp_path):
    folder = write_package(tmp_path)
    package = DataPackage(folder)
    assert len(package.load("events")) == 4
    strict = descriptor_with(set_constraint("troops", minimum=45000))
    (folder / "datapackage.json").write_text(json.dumps(strict))
    touch_later(folder / "datapackage.json")
    with pytest.raises(DataError, match="'43000' is below the minimum 45000"):
        package.load("events")
    (folder / "datapackage.json").write_text(json.dumps(DESCRIPTOR))
    assert len(package.load("events")) == 4
    (folder / "sources.csv").write_text(SOURCES.replace("ucsb-message", "ucsb-msg"))
    with pytest.raises(DataError, match="'ucsb-message' not found in sources.csv"):
        package.load("events")


def test_the_course_loader_sees_an_edit_without_a_restart(tmp_path, monkeypatch):
    folder = write_package(tmp_path)
    monkeypatch.setattr(helpers.data, "_PACKAGE", DataPackage(folder))
    assert helpers.load("events").loc[3, "troops"] == 39000
    (folder / "events.csv").write_text(EVENTS.replace("39000", "39500"))
    assert helpers.load("events").loc[3, "troops"] == 39500


def test_load_returns_a_copy(tmp_path):
    package = DataPackage(write_package(tmp_path))
    first = package.load("events")
    first.loc[0, "id"] = "changed"
    assert package.load("events").loc[0, "id"] == "mdt-signed-1953"


# -- asking for data the wrong way ---------------------------------------------------

API_CASES = [
    ("unknown-name", lambda: helpers.load("troops"),
     r"No dataset called 'troops'.*Valid names: .*events"),
    ("close-name", lambda: helpers.load("event"), r"Did you mean 'events'"),
    ("name-with-space", lambda: helpers.load("events "), r"Did you mean 'events'"),
    ("empty-name", lambda: helpers.load(""), r"Give a dataset name, e.g. load\('events'\)"),
    ("number-as-name", lambda: helpers.load(3), r"A dataset name is a string such as 'events'"),
    ("type-as-name", lambda: helpers.load(list), r"not type"),
    ("describe-unknown", lambda: helpers.describe("nope"), r"No dataset called 'nope'"),
    ("sources-for-none", lambda: helpers.sources_for(None), r"sources_for cannot read NoneType"),
    ("sources-for-number", lambda: helpers.sources_for(3), r"sources_for cannot read int"),
    ("sources-for-wrong-column", lambda: helpers.sources_for(helpers.load("events")["title"]),
     r"This column 'title' holds no source ids"),
    ("sources-for-dict-without-ids", lambda: helpers.sources_for({"title": "x"}),
     r"This dict holds no source ids"),
    ("sources-for-list-of-numbers", lambda: helpers.sources_for([1, 2]),
     r"A source id is text, not int"),
    ("sources-for-unknown-id", lambda: helpers.sources_for(["nobody"]), r"'nobody' not found"),
    ("sources-for-empty-selection", lambda: helpers.sources_for(helpers.load("events").iloc[0:0]),
     r"Nothing to cite"),
    ("sources-for-no-source-column",
     lambda: helpers.sources_for(helpers.load("events")[["id", "date"]]),
     r"no source_ids column"),
    ("package-folder-none", lambda: DataPackage(None), r"A data folder is a path"),
]


@pytest.mark.parametrize(("call", "fragment"), [c[1:] for c in API_CASES],
                         ids=[c[0] for c in API_CASES])
def test_bad_requests_get_a_clear_message(call, fragment):
    with pytest.raises(DataError, match=fragment) as caught:
        call()
    assert_short(caught.value)


def test_there_are_at_least_sixty_bad_inputs():
    assert len(CSV_CASES) + len(DESCRIPTOR_CASES) + len(FILE_CASES) + len(API_CASES) >= 60


def test_sources_for_accepts_a_row_a_dict_and_a_column():
    events = helpers.load("events")
    row = events[events["id"] == "armistice-signed-1953"].iloc[0]
    expected = helpers.sources_for(events[events["id"] == "armistice-signed-1953"]).ids
    assert helpers.sources_for(row).ids == expected
    assert helpers.sources_for(row.to_dict()).ids == expected
    first = events["source_ids"].iloc[[0]]
    assert helpers.sources_for(first).ids == helpers.data.split_ids(first.iloc[0])


def test_missing_datapackage(tmp_path):
    with pytest.raises(DataError, match="No datapackage.json"):
        DataPackage(tmp_path)


def test_the_old_tiny_package_still_loads(tiny_package):
    events = DataPackage(tiny_package()).load("events")
    assert events["troops"].dtype == "Int64"
    with pytest.raises(DataError, match=r"column precision: 'week' is not one of"):
        DataPackage(tiny_package(events=TINY_EVENTS.replace(",day,5", ",week,5"))).load("events")


def test_error_is_a_value_error():
    # so `except ValueError` in student code also catches it
    assert issubclass(DataError, ValueError)


def test_old_mac_line_ends_get_a_clear_message(tmp_path):
    # a lone \r ends lines only in files from Mac OS 9 and earlier; say how to re-save
    with pytest.raises(DataError, match=r"old Mac line ends\?"):
        loaded(write_package(tmp_path, events=EVENTS.replace("\n", "\r")))
