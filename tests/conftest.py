"""Shared fixtures: a tiny, valid data package to break in many ways; no figure left open."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(autouse=True)
def close_figures():
    """Close every figure a test made, so figures never pile up across tests."""
    yield
    plt.close("all")

TINY_DESCRIPTOR = {
    "name": "tiny",
    "resources": [
        {
            "name": "sources",
            "path": "sources.csv",
            "schema": {
                "fields": [
                    {"name": "source_id", "type": "string",
                     "constraints": {"required": True, "unique": True}},
                    {"name": "producer", "type": "string"},
                    {"name": "title", "type": "string"},
                    {"name": "publisher", "type": "string"},
                    {"name": "published", "type": "string"},
                    {"name": "url", "type": "string"},
                    {"name": "accessed", "type": "date"},
                    {"name": "licence_note", "type": "string"},
                ],
                "primaryKey": ["source_id"],
            },
        },
        {
            "name": "events",
            "path": "events.csv",
            "schema": {
                "fields": [
                    {"name": "id", "type": "string", "constraints": {"required": True}},
                    {"name": "date", "type": "date"},
                    {"name": "precision", "type": "string",
                     "constraints": {"enum": ["day", "month", "year"]},
                     "categoriesOrdered": True},
                    {"name": "troops", "type": "integer", "unit": "personnel"},
                    {"name": "year", "type": "year"},
                    {"name": "share_pct", "type": "number", "unit": "percent"},
                    {"name": "signed", "type": "boolean"},
                    {"name": "source_ids", "type": "string"},
                ],
                "primaryKey": ["id"],
            },
        },
    ],
}

TINY_SOURCES = (
    "source_id,producer,title,publisher,published,url,accessed,licence_note\n"
    "avalon-mdt,US Department of State,Mutual Defense Treaty,Avalon Project,1953,"
    "https://avalon.law.yale.edu/20th_century/kor001.asp,2026-11-28,public domain\n"
    "ucsb-message,Dwight D. Eisenhower,Special Message to the Senate,American Presidency Project,"
    "1954-01-11,https://www.presidency.ucsb.edu/node/233609,2026-11-28,public domain\n"
)

TINY_EVENTS = (
    "id,date,precision,troops,year,share_pct,signed,source_ids\n"
    "mdt-signed,1953-10-01,day,,1953,,true,avalon-mdt\n"
    "mdt-in-force,1954-11-17,day,50000,1954,2.5,false,avalon-mdt;ucsb-message\n"
)


@pytest.fixture
def tiny_package(tmp_path: Path) -> Callable[..., Path]:
    """Write a small data package; keyword arguments replace its parts."""

    def make(events: str = TINY_EVENTS, sources: str = TINY_SOURCES,
             descriptor: dict | None = None) -> Path:
        folder = tmp_path / "pkg"
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        (folder / "datapackage.json").write_text(json.dumps(descriptor or TINY_DESCRIPTOR))
        if events is not None:
            (folder / "events.csv").write_text(events)
        (folder / "sources.csv").write_text(sources)
        return folder

    return make


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The course wheel, built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (path,) = out.glob("*.whl")
    return path


@pytest.fixture(scope="session")
def wheel_venv(wheel, tmp_path_factory) -> Path:
    """A new venv with the wheel installed in it.

    Dependencies (pandas, matplotlib, nbclient...) are borrowed from this
    environment through a .pth line; the course package comes only from the
    wheel, because a .pth line does not run this environment's editable hook.
    """
    venv = tmp_path_factory.mktemp("wheel-venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    probe = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(
        subprocess.run([venv / "bin" / "python", "-c", probe],
                       check=True, capture_output=True, text=True).stdout.strip()
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(site), str(wheel)],
        check=True, capture_output=True,
    )
    return venv
