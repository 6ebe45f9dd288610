"""Every command of the grading documentation works as written, in a fresh copy of the course.

docs/grading.md's ``sh`` blocks are run line by line, unchanged, from the top folder of a
copy of the repository's files (the files git tracks or would track, with their dates, and
this checkout's .venv), after two submissions have been put where the text says:
``submissions/a1/alice.ipynb`` (the solutions) and ``submissions/a1/bob.ipynb`` (a blank
notebook). Nothing is created beforehand: the commands must make their own folders.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "grading.md"
A1 = "a1-reading-the-timeline"

pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances")


def documented_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE.read_text("utf-8"), re.DOTALL)
    return [line for block in blocks for line in block.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def fresh_copy(dest: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    return dest


def test_the_grading_guide_documents_make_grade_and_otter_run():
    commands = documented_commands()
    assert any(c.startswith("make grade SUBMISSIONS=") for c in commands), commands
    assert any("otter run" in c and " -o " in c for c in commands), commands
    readme = (ROOT / "assignments" / "README.md").read_text("utf-8")
    for step in re.findall(r"`(make grade [^`]+)`", readme):
        assert step in commands, f"assignments/README.md gives a command the guide does not: {step}"


def test_every_grading_command_runs_as_written(tmp_path):
    stamp = ROOT / ".venv" / ".installed"
    if not stamp.exists() or any(
        stamp.stat().st_mtime < (ROOT / f).stat().st_mtime
        for f in ("requirements.lock", "pyproject.toml")
    ):
        pytest.skip("the environment is not set up (run `make setup` first)")
    course = fresh_copy(tmp_path / "course")
    from tools.build_assignments import MASTERS, build

    built = build(MASTERS / f"{A1}.ipynb", tmp_path / "built", run_tests=False, solutions=True)
    (course / "submissions" / "a1").mkdir(parents=True)
    shutil.copy(built.solution, course / "submissions" / "a1" / "alice.ipynb")
    shutil.copy(course / "assignments" / "student" / f"{A1}.ipynb",
                course / "submissions" / "a1" / "bob.ipynb")
    assert not (course / "results").exists()
    for command in documented_commands():
        run = subprocess.run(["bash", "-c", command], cwd=course, capture_output=True,
                             text=True, timeout=600)
        assert run.returncode == 0, f"{command}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    with (course / "results" / "a1" / "scores.csv").open() as handle:
        scores = {row["submission"]: row for row in csv.DictReader(handle)}
    assert set(scores) == {"alice", "bob"}
    assert float(scores["alice"]["autograded"]) == float(scores["alice"]["possible"]) > 0
    assert float(scores["bob"]["autograded"]) == 0
    assert "q4" in scores["alice"]["grade_by_hand"]
    assert (course / "results" / "a1" / "alice" / "results.json").is_file()
    assert (course / "results" / "alice" / "results.json").is_file()


@pytest.mark.parametrize(
    ("make_folder", "fragment"),
    [
        (lambda tmp: tmp / "missing", "is not a folder of submissions"),
        (lambda tmp: tmp, "no .ipynb files"),
    ],
)
def test_grade_reports_a_bad_folder(tmp_path, capsys, make_folder, fragment):
    from tools.grade import main

    with pytest.raises(SystemExit):
        main([str(make_folder(tmp_path))])
    assert fragment in capsys.readouterr().err


def test_grade_rejects_an_unknown_assignment(tmp_path):
    from tools.grade import which_assignment

    notebook = tmp_path / "x.ipynb"
    notebook.write_text('{"metadata": {}}')
    with pytest.raises(ValueError, match="pass --assignment NAME"):
        which_assignment(notebook, None)
    with pytest.raises(ValueError, match="no assignment 'a9'"):
        which_assignment(notebook, "a9")
    assert which_assignment(notebook, A1) == A1
