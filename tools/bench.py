"""`make bench`: how much the course costs beyond pandas and matplotlib.

(a) strict nbval over all notebooks, divided by the floor: as many trivial
    notebooks (they only import pandas and matplotlib.pyplot), run the same way;
(b) `import helpers`, divided by `import pandas, matplotlib.pyplot`.
Each figure is the median of several runs, all in one process tree, one run.
Targets: (a) <= 1.3, (b) <= 1.2.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

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


def main() -> None:
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        floor = trivial_notebooks(Path(tmp), len(notebooks))
        runs = 3
        course = median_of(NBVAL + [str(p) for p in notebooks], ROOT, runs)
        trivial = median_of(NBVAL + [str(p) for p in floor], Path(tmp), runs)
        # the import comparison runs outside the checkout, as a student's kernel would
        helpers_import = median_of([sys.executable, "-c", "import helpers"], Path(tmp), 9)
        base_import = median_of(
            [sys.executable, "-c", "import pandas, matplotlib.pyplot"], Path(tmp), 9
        )
    print(f"(a) strict nbval, {len(notebooks)} notebooks: {course:.2f} s; "
          f"floor ({len(floor)} trivial notebooks): {trivial:.2f} s; "
          f"ratio {course / trivial:.2f} (target <= 1.3)")
    print(f"(b) import helpers: {helpers_import:.3f} s; import pandas, matplotlib.pyplot: "
          f"{base_import:.3f} s; ratio {helpers_import / base_import:.2f} (target <= 1.2)")


if __name__ == "__main__":
    main()
