"""Build the graded assignments from their otter-assign masters.

    python tools/build_assignments.py                  # every master (what `make assignments` runs)
    python tools/build_assignments.py a1-reading-the-timeline
    python tools/build_assignments.py --out DIR --solutions --no-run-tests

For each ``assignments/masters/NAME.ipynb`` this runs Otter Assign and writes

* ``student/NAME.ipynb``: the notebook students open (solutions and hidden tests removed;
  the public tests travel in its metadata, so ``grader.check`` needs no other file);
* ``autograder/NAME-autograder.zip``: the zip for ``otter run`` and Gradescope (hidden tests
  included);
* with ``--solutions``, ``solutions/NAME.ipynb``: the solution notebook Otter Assign made.

under ``assignments/`` or under ``--out``. Otter Assign runs every test against the solutions
first (skip with ``--no-run-tests``) and stops if they do not score full marks.

Otter stamps each build with the time and with random cell ids. Both are normalised here
(cell ids by position; zip entries sorted, dated 1980-01-01 and stored uncompressed), so
building twice gives the same bytes and a build leaves no diff when the masters are unchanged.

The masters name the course repository (the Colab cell, the grading image's requirements) as
``rokus-alliance-course/rokus-alliance-course``; a fork that changes ``[project.urls]
Repository`` in pyproject.toml gets its own address in the built notebooks and zips.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = ROOT / "assignments"
MASTERS = ASSIGNMENTS / "masters"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
CANONICAL_REPOSITORY = "rokus-alliance-course/rokus-alliance-course"
EXECUTABLE = {"run_autograder", "setup.sh"}


@dataclass(frozen=True)
class Built:
    """Where one assignment's build products were written."""

    name: str
    student: Path
    autograder: Path
    solution: Path | None = None


def masters() -> list[Path]:
    """The master notebooks, in name order."""
    return sorted(MASTERS.glob("*.ipynb"))


def github_path() -> str:
    """``owner/name`` of the course repository on GitHub, from pyproject.toml."""
    from helpers.links import repository_url

    url = repository_url()
    prefix = "https://github.com/"
    return url[len(prefix):] if url.startswith(prefix) else CANONICAL_REPOSITORY


def normalise_notebook(notebook: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Give every cell an id from its position and record which master the notebook came from."""
    for i, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{i:02d}"
        cell.metadata.pop("execution", None)
    notebook.metadata["rokus_course"] = {
        "generated_from": f"assignments/masters/{name}.ipynb",
        "generated_by": "make assignments (tools/build_assignments.py); edit the master instead",
    }
    nbformat.validate(notebook)
    return notebook


def normalise_zip(source: Path, destination: Path) -> None:
    """Copy a zip with its entries sorted, dated 1980-01-01 and stored uncompressed."""
    with zipfile.ZipFile(source) as original:
        entries = sorted(original.infolist(), key=lambda info: info.filename)
        contents = [(info.filename, original.read(info)) for info in entries if not info.is_dir()]
    destination.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_STORED) as copy:
        for filename, data in contents:
            info = zipfile.ZipInfo(filename, date_time=ZIP_DATE)
            info.create_system = 3  # unix, so the permissions below are read everywhere
            mode = 0o755 if Path(filename).name in EXECUTABLE else 0o644
            info.external_attr = (0o100000 | mode) << 16
            copy.writestr(info, data)


def build(master: Path, out: Path, *, run_tests: bool = True, solutions: bool = False) -> Built:
    """Run Otter Assign on ``master`` and write the normalised products under ``out``."""
    from otter.assign import main as otter_assign

    name = master.stem
    with tempfile.TemporaryDirectory(prefix=f"assign-{name}-") as tmp:
        copy = Path(tmp) / "master" / master.name
        copy.parent.mkdir()
        text = master.read_text(encoding="utf-8")
        copy.write_text(text.replace(CANONICAL_REPOSITORY, github_path()), encoding="utf-8")
        dist = Path(tmp) / "dist"
        otter_assign(str(copy), str(dist), no_run_tests=not run_tests, debug=run_tests)
        student = out / "student" / f"{name}.ipynb"
        student.parent.mkdir(parents=True, exist_ok=True)
        notebook = nbformat.read(dist / "student" / f"{name}.ipynb", as_version=4)
        nbformat.write(normalise_notebook(notebook, name), student)
        zips = sorted((dist / "autograder").glob(f"{name}-autograder_*.zip"))
        if len(zips) != 1:
            raise RuntimeError(f"expected one autograder zip from otter assign, found {zips}")
        autograder = out / "autograder" / f"{name}-autograder.zip"
        normalise_zip(zips[0], autograder)
        solution = None
        if solutions:
            solution = out / "solutions" / f"{name}.ipynb"
            solution.parent.mkdir(parents=True, exist_ok=True)
            solution.write_bytes((dist / "autograder" / f"{name}.ipynb").read_bytes())
    return Built(name, student, autograder, solution)


def remove_stale(out: Path, names: set[str]) -> list[Path]:
    """Delete built notebooks and zips whose master no longer exists."""
    stale = [p for p in (out / "student").glob("*.ipynb") if p.stem not in names]
    stale += [
        p for p in (out / "autograder").glob("*-autograder.zip")
        if p.name.removesuffix("-autograder.zip") not in names
    ]
    for path in stale:
        path.unlink()
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="master names (default: all of them)")
    parser.add_argument("--out", type=Path, default=ASSIGNMENTS, help="output folder")
    parser.add_argument("--no-run-tests", action="store_true", help="skip the solution check")
    parser.add_argument("--solutions", action="store_true", help="also write solution notebooks")
    args = parser.parse_args(argv)
    available = {p.stem: p for p in masters()}
    unknown = [n for n in args.names if n not in available]
    if unknown:
        parser.error(f"no master named {', '.join(unknown)}; masters: {', '.join(available)}")
    chosen = [available[n] for n in args.names] or list(available.values())
    for master in chosen:
        print(f"building {master.relative_to(ROOT)}", flush=True)
        try:
            built = build(
                master, args.out, run_tests=not args.no_run_tests, solutions=args.solutions
            )
        except RuntimeError as err:
            print(f"{err}\n\n{master.name}: its solutions do not pass its own tests. If data/ "
                  "changed, update the hidden tests (and any text quoting the old value) in the "
                  "master.", file=sys.stderr)
            return 1
        for path in (built.student, built.autograder, built.solution):
            if path is not None:
                print(f"  wrote {path}", flush=True)
    if not args.names:
        for path in remove_stale(args.out, set(available)):
            print(f"  removed {path} (its master is gone)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
