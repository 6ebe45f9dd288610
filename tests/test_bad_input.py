"""Every kind of bad input gives a DataError whose message says what to fix."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers
from helpers.data import DataError, DataPackage
from tests.conftest import TINY_EVENTS


def test_tiny_package_loads_with_schema_dtypes(tiny_package):
    events = DataPackage(tiny_package()).load("events")
    assert events["date"].dtype == "datetime64[ns]"
    assert events["troops"].dtype == "Int64"
    assert events["year"].dtype == "Int64"
    assert events["share_pct"].dtype == "float64"
    assert events["signed"].dtype == "boolean"
    assert isinstance(events["precision"].dtype, pd.CategoricalDtype)
    assert events["precision"].cat.ordered
    assert list(events["precision"].cat.categories) == ["day", "month", "year"]
    assert events["id"].dtype == "string"
    assert pd.isna(events.loc[0, "troops"])  # an empty cell stays missing, not 0


def test_unknown_dataset_lists_valid_names():
    with pytest.raises(DataError, match=r"No dataset called 'troops'.*Valid names: .*events"):
        helpers.load("troops")


def test_close_name_gets_a_suggestion():
    with pytest.raises(DataError, match="Did you mean 'events'"):
        helpers.load("event")


def test_non_string_name():
    with pytest.raises(DataError, match="A dataset name is a string"):
        helpers.load(3)


def test_missing_file(tiny_package):
    package = DataPackage(tiny_package(events=None))
    with pytest.raises(DataError, match=r"events.csv is missing"):
        package.load("events")


def test_missing_datapackage(tmp_path):
    with pytest.raises(DataError, match="No datapackage.json"):
        DataPackage(tmp_path)


def test_missing_column(tiny_package):
    broken = TINY_EVENTS.replace(",troops", "").replace(",,1953", ",1953").replace(",50000", "")
    with pytest.raises(DataError, match=r"missing column\(s\) troops"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_extra_column(tiny_package):
    lines = TINY_EVENTS.strip().split("\n")
    broken = "\n".join([lines[0] + ",comment"] + [line + ",x" for line in lines[1:]])
    with pytest.raises(DataError, match=r"not in the schema comment"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_unparseable_date_names_line_and_value(tiny_package):
    broken = TINY_EVENTS.replace("1954-11-17", "17/11/1954")
    with pytest.raises(DataError, match=r"column date: expected a date.*line 3: '17/11/1954'"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_impossible_date(tiny_package):
    broken = TINY_EVENTS.replace("1954-11-17", "1954-02-30")
    with pytest.raises(DataError, match=r"line 3: '1954-02-30'"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_wrong_type_integer(tiny_package):
    broken = TINY_EVENTS.replace("50000", "about 50000")
    with pytest.raises(DataError, match=r"column troops: expected an integer"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_unquoted_comma_is_explained(tiny_package):
    broken = TINY_EVENTS.replace("50000", "50,000")
    message = r"line 3 has 9 values where the header has 8.*double quotes"
    with pytest.raises(DataError, match=message):
        DataPackage(tiny_package(events=broken)).load("events")


def test_not_utf8(tiny_package):
    folder = tiny_package()
    (folder / "events.csv").write_bytes(TINY_EVENTS.replace("mdt", "m\xe9t").encode("latin-1"))
    with pytest.raises(DataError, match="not UTF-8"):
        DataPackage(folder).load("events")


def test_fractional_integer(tiny_package):
    broken = TINY_EVENTS.replace("50000", "50000.5")
    with pytest.raises(DataError, match=r"expected a whole integer"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_wrong_boolean(tiny_package):
    broken = TINY_EVENTS.replace("true", "yes")
    with pytest.raises(DataError, match=r"column signed: expected true or false"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_value_outside_enum(tiny_package):
    broken = TINY_EVENTS.replace(",day,50000", ",week,50000")
    with pytest.raises(DataError, match=r"column precision: expected one of .*'week'"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_duplicate_id(tiny_package):
    broken = TINY_EVENTS.replace("mdt-in-force", "mdt-signed")
    with pytest.raises(DataError, match=r"duplicate id.*id=mdt-signed"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_required_value_missing(tiny_package):
    broken = TINY_EVENTS.replace("mdt-in-force,", ",")
    with pytest.raises(DataError, match=r"column id: a value is required"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_unresolved_source_id(tiny_package):
    broken = TINY_EVENTS.replace("avalon-mdt;ucsb-message", "avalon-mdt;nobody-2099")
    with pytest.raises(DataError, match=r"row 3 \(id 'mdt-in-force'\).*'nobody-2099' not found"):
        DataPackage(tiny_package(events=broken)).load("events")


def test_header_only_file(tiny_package):
    header_only = TINY_EVENTS.split("\n")[0] + "\n"
    with pytest.raises(DataError, match="has a header but no rows"):
        DataPackage(tiny_package(events=header_only)).load("events")


def test_empty_file(tiny_package):
    with pytest.raises(DataError, match="is empty"):
        DataPackage(tiny_package(events="")).load("events")


def test_empty_selection_has_nothing_to_cite(tiny_package):
    package = DataPackage(tiny_package())
    events = package.load("events")
    with pytest.raises(DataError, match="Nothing to cite"):
        package.sources_for(events[events["id"] == "no-such-event"])


def test_selection_without_source_column(tiny_package):
    package = DataPackage(tiny_package())
    events = package.load("events")
    with pytest.raises(DataError, match="no source_ids column"):
        package.sources_for(events[["id", "date"]])


def test_sources_for_unknown_id(tiny_package):
    with pytest.raises(DataError, match="'nobody' not found"):
        DataPackage(tiny_package()).sources_for(["nobody"])


def test_sources_for_lists_each_source_once_in_order(tiny_package):
    package = DataPackage(tiny_package())
    bibliography = package.sources_for(package.load("events"))
    assert bibliography.ids == ["avalon-mdt", "ucsb-message"]
    text = str(bibliography)
    assert text.startswith(
        "1. [avalon-mdt] US Department of State (1953). *Mutual Defense Treaty*."
    )
    assert "2. [ucsb-message] Dwight D. Eisenhower (1954-01-11)" in text
    assert bibliography._repr_markdown_().count("\n") == 1


def test_load_returns_a_copy(tiny_package):
    package = DataPackage(tiny_package())
    first = package.load("events")
    first.loc[0, "id"] = "changed"
    assert package.load("events").loc[0, "id"] == "mdt-signed"


def test_bad_json(tmp_path):
    (tmp_path / "datapackage.json").write_text("{not json")
    with pytest.raises(DataError, match="not valid JSON"):
        DataPackage(tmp_path)


def test_error_is_a_value_error():
    # so `except ValueError` in student code also catches it
    assert issubclass(DataError, ValueError)
