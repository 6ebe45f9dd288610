"""The built wheel carries the data: it loads a dataset far from the checkout."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_package_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "helpers/__init__.py" in names
    assert "helpers/data/datapackage.json" in names
    data_files = {p.name for p in (ROOT / "data").glob("*.csv")}
    assert {f"helpers/data/{n}" for n in data_files} <= names


def test_wheel_in_a_new_venv_loads_data_outside_the_checkout(wheel_venv, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    script = (
        "import helpers, pathlib; "
        "frame = helpers.load('events'); "
        "print(pathlib.Path(helpers.__file__).parent); "
        "print(helpers.data.default_data_dir()); "
        "print(len(frame), frame['date'].dtype)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [wheel_venv / "bin" / "python", "-c", script], cwd=work, env=env,
        check=True, capture_output=True, text=True,
    )
    package_dir, data_dir, summary = result.stdout.strip().splitlines()
    assert Path(package_dir).is_relative_to(wheel_venv)
    assert Path(data_dir) == Path(package_dir) / "data"
    rows, dtype = summary.split()
    assert int(rows) > 0 and dtype == "datetime64[ns]"
