"""`make bench`: how much the course costs beyond pandas and matplotlib.

(a) strict nbval over all notebooks, divided by the floor: as many trivial
    notebooks (they only import pandas and matplotlib.pyplot), run the same way;
(a2) the same notebooks with their figures switched off (matplotlib's Agg
    backend, nothing drawn, lax nbval since the images are missing), divided
    by the same floor: what the lessons cost beyond their figures;
(b) `import helpers`, divided by `import pandas, matplotlib.pyplot`;
(c) loading a 200,000-row copy of `events` (the real schema, every check on),
    in seconds: the loader's own cost, which must stay near 1 s.
Each figure is the median of several runs, all in one process tree, one run;
the three notebook runs take turns.
Targets: (a) <= 1.3, (b) <= 1.2, (c) no more than 10 % above the last release.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROWS = 200_000

ROOT = Path(__file__).resolve().parents[1]
NBVAL = [
    sys.executable, "-m", "pytest", "-q", "-o", "addopts=", "-p", "no:cacheprovider",
    "--nbval", f"--nbval-sanitize-with={ROOT / 'tests' / 'nbval-sanitize.cfg'}",
]


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def median_of(command: list[str], cwd: Path, runs: int) -> float:
    return statistics.median(timed(command, cwd) for _ in range(runs))


def trivial_notebooks(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell("import pandas\nimport matplotlib.pyplot")]
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                           "language": "python"}
        path = folder / f"floor-{i:02d}.ipynb"
        nbformat.write(notebook, path)
        paths.append(path)
    return paths


def without_figures(notebooks: list[Path], folder: Path) -> list[Path]:
    """Copies of ``notebooks`` that build their figures but never draw them."""
    paths = []
    for source in notebooks:
        notebook = nbformat.read(source, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.source = cell.source.replace("%matplotlib inline", "")
        off = nbformat.v4.new_code_cell("import matplotlib\nmatplotlib.use('agg')")
        notebook.cells.insert(0, off)
        path = folder / source.name
        nbformat.write(notebook, path)
        paths.append(path)
    return paths


def big_package(folder: Path, rows: int = ROWS) -> Path:
    """A data package whose `events` has `rows` rows: the real rows, repeated with new ids."""
    import json

    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [
        r for r in descriptor["resources"] if r["name"] in ("events", "sources")
    ]
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (folder / "sources.csv").write_bytes((ROOT / "data" / "sources.csv").read_bytes())
    header, *body = (ROOT / "data" / "events.csv").read_text(encoding="utf-8").splitlines()
    lines = [header]
    for i in range(rows):
        row = body[i % len(body)]
        lines.append(row.replace(",", f"-copy-{i},", 1))  # the id is the first column
    (folder / "events.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def load_time(folder: Path, runs: int = 3) -> float:
    """Median seconds to load `events` from `folder`, in a fresh kernel-like process."""
    code = (
        "import sys, time; from helpers.data import DataPackage; "
        "t = time.perf_counter(); frame = DataPackage(sys.argv[1]).load('events'); "
        f"assert len(frame) == {ROWS}, len(frame); print(time.perf_counter() - t)"
    )
    times = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code, str(folder)], check=True,
                              capture_output=True, text=True)
        times.append(float(done.stdout.strip()))
    return statistics.median(times)


def main() -> None:
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        floor = trivial_notebooks(Path(tmp), len(notebooks))
        (Path(tmp) / "plain").mkdir()
        plain = without_figures(notebooks, Path(tmp) / "plain")
        lax = [a for a in NBVAL if not a.startswith("--nbval")] + ["--nbval-lax"]
        runs: dict[str, list[float]] = {"course": [], "floor": [], "plain": []}
        for _ in range(3):  # interleaved, so that a slow minute does not favour one of them
            runs["course"].append(timed(NBVAL + [str(p) for p in notebooks], ROOT))
            runs["floor"].append(timed(NBVAL + [str(p) for p in floor], Path(tmp)))
            runs["plain"].append(timed(lax + [str(p) for p in plain], Path(tmp)))
        course, trivial, no_figures = (statistics.median(runs[k]) for k in runs)
        # the import comparison runs outside the checkout, as a student's kernel would
        helpers_import = median_of([sys.executable, "-c", "import helpers"], Path(tmp), 9)
        base_import = median_of(
            [sys.executable, "-c", "import pandas, matplotlib.pyplot"], Path(tmp), 9
        )
        big = big_package(Path(tmp))
        load_200k = load_time(big)
    print(f"(a) strict nbval, {len(notebooks)} notebooks: {course:.2f} s; "
          f"floor ({len(floor)} trivial notebooks): {trivial:.2f} s; "
          f"ratio {course / trivial:.2f} (target <= 1.3)")
    print(f"(a2) the same notebooks, figures not drawn: {no_figures:.2f} s; "
          f"ratio {no_figures / trivial:.2f}; the figures cost {course - no_figures:.2f} s")
    print(f"(b) import helpers: {helpers_import:.3f} s; import pandas, matplotlib.pyplot: "
          f"{base_import:.3f} s; ratio {helpers_import / base_import:.2f} (target <= 1.2)")
    print(f"(c) load a {ROWS:,}-row events table: {load_200k:.2f} s")


if __name__ == "__main__":
    main()
