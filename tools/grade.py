"""Grade a folder of submissions offline and write one CSV of scores.

    python tools/grade.py SUBMISSIONS [--out results] [--assignment NAME]
    make grade SUBMISSIONS=submissions/a1            # the same, results in results/

SUBMISSIONS holds the students' notebooks: ``alice.ipynb``, ``bob.ipynb``, … (or one folder
per student, ``alice/a1-reading-the-timeline.ipynb``). Each notebook is graded with Otter's
local runner (what ``otter run`` does: offline, no Docker) against the autograder zip of its
assignment, which is read from the notebook's metadata (``--assignment`` overrides it).
Folders are created as needed. The script writes

* ``OUT/<submission>/results.json``: Otter's full results for each notebook;
* ``OUT/scores.csv``: one row per submission: the autograded points of each question,
  the total, the points possible, and the written questions left for you to grade by hand.

A notebook that cannot be graded (not a notebook, an unknown assignment, a kernel crash)
gets a row with its error instead of stopping the run.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
AUTOGRADER = ROOT / "assignments" / "autograder"
MASTERS = ROOT / "assignments" / "masters"


def assignments() -> list[str]:
    return sorted(p.name.removesuffix("-autograder.zip") for p in AUTOGRADER.glob("*.zip"))


def written_questions(name: str) -> list[str]:
    """Names and points of the manually graded questions, from the master."""
    master = MASTERS / f"{name}.ipynb"
    if not master.exists():
        return []
    found = []
    for cell in nbformat.read(master, as_version=4).cells:
        text = cell.source
        question = cell.cell_type == "raw" and text.startswith("# BEGIN QUESTION")
        if question and "manual: true" in text:
            question = re.search(r"name: (\S+)", text).group(1)
            points = re.search(r"points: (\d+)", text).group(1)
            found.append(f"{question} ({points} pts)")
    return found


def which_assignment(notebook: Path, override: str | None) -> str:
    known = assignments()
    if override:
        if override not in known:
            raise ValueError(f"no assignment {override!r}; known: {', '.join(known)}")
        return override
    metadata = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    origin = metadata.get("rokus_course", {}).get("generated_from", "")
    name = Path(origin).stem or metadata.get("otter", {}).get("assignment_name", "")
    if name not in known:
        stem = notebook.stem
        name = next((k for k in known if stem.startswith(k)), "")
    if not name:
        raise ValueError(
            f"cannot tell which assignment {notebook.name} is (its metadata was removed?); "
            "pass --assignment NAME"
        )
    return name


def submissions(folder: Path) -> list[tuple[str, Path]]:
    """(label, notebook) for every submission: top-level notebooks and one level of folders."""
    found = [(p.stem, p) for p in sorted(folder.glob("*.ipynb"))]
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        found += [(f"{sub.name}/{p.stem}", p) for p in sorted(sub.glob("*.ipynb"))]
    return [(label, path) for label, path in found if ".ipynb_checkpoints" not in path.parts]


def grade_one(notebook: Path, assignment: str, out: Path) -> dict:
    """Run Otter on one notebook; return its results.json."""
    from otter.run import main as run

    out.mkdir(parents=True, exist_ok=True)
    zip_path = AUTOGRADER / f"{assignment}-autograder.zip"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        run(str(notebook), autograder=str(zip_path), output_dir=str(out), no_logo=True)
    return json.loads((out / "results.json").read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("submissions", type=Path, help="folder of submitted notebooks")
    parser.add_argument("--out", type=Path, default=Path("results"), help="results folder")
    parser.add_argument("--assignment", help="assignment name, if the notebooks lost theirs")
    args = parser.parse_args(argv)
    if not args.submissions.is_dir():
        parser.error(f"{args.submissions} is not a folder of submissions")
    found = submissions(args.submissions)
    if not found:
        parser.error(f"no .ipynb files in {args.submissions} (or in its subfolders)")
    args.out.mkdir(parents=True, exist_ok=True)
    rows, questions = [], []
    for label, notebook in found:
        row = {"submission": label}
        try:
            assignment = which_assignment(notebook, args.assignment)
            row["assignment"] = assignment
            results = grade_one(notebook, assignment, args.out / label)
            graded = [t for t in results["tests"] if "max_score" in t]
            for test in graded:
                row[test["name"]] = test["score"]
                if test["name"] not in questions:
                    questions.append(test["name"])
            row["autograded"] = sum(t["score"] for t in graded)
            row["possible"] = sum(t["max_score"] for t in graded)
            row["grade_by_hand"] = "; ".join(written_questions(assignment))
            print(f"{label}: {row['autograded']:g}/{row['possible']:g} ({assignment})", flush=True)
        except Exception as err:  # one broken submission must not stop the class's grading
            row["error"] = f"{type(err).__name__}: {err}"[:300]
            print(f"{label}: not graded: {row['error']}", file=sys.stderr, flush=True)
        rows.append(row)
    columns = ["submission", "assignment", *questions, "autograded", "possible",
               "grade_by_hand", "error"]
    table = args.out / "scores.csv"
    with table.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {table}")
    return 1 if any("error" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
