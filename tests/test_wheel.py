"""The built wheel carries the data: it loads a dataset far from the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (path,) = out.glob("*.whl")
    return path


def test_wheel_contains_package_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "helpers/__init__.py" in names
    assert "helpers/data/datapackage.json" in names
    data_files = {p.name for p in (ROOT / "data").glob("*.csv")}
    assert {f"helpers/data/{n}" for n in data_files} <= names


def test_wheel_in_a_new_venv_loads_data_outside_the_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(
        subprocess.run(
            [venv / "bin" / "python", "-c",
             "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    )
    # dependencies (pandas, matplotlib) come from this environment; the course
    # package itself only from the wheel (a .pth line does not run the editable hook)
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(site), str(wheel)],
        check=True, capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    script = (
        "import helpers, pathlib; "
        "frame = helpers.load('events'); "
        "print(pathlib.Path(helpers.__file__).parent); "
        "print(helpers.data.default_data_dir()); "
        "print(len(frame), frame['date'].dtype)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    result = subprocess.run(
        [venv / "bin" / "python", "-c", script], cwd=work, env=env,
        check=True, capture_output=True, text=True,
    )
    package_dir, data_dir, summary = result.stdout.strip().splitlines()
    assert Path(package_dir).is_relative_to(site)
    assert Path(data_dir) == Path(package_dir) / "data"
    rows, dtype = summary.split()
    assert int(rows) > 0 and dtype == "datetime64[ns]"
