"""The graded assignments: up to date with their masters, graded right by Otter, nothing leaked.

Every master in assignments/masters is built once into a temporary folder (Otter Assign), then
three submissions of each are graded with Otter's non-containerised runner (what `otter run`
does: offline, no Docker), two at a time:

* the solution notebook, which must score full marks;
* the blank student notebook, which must run and score 0;
* the *hard-coded* submission (tools/hard_coded.py): every answer function replaced by one
  that returns, whatever it is given, the value the solution computed on the real data.
  It must score at most half the autograded points: the hidden tests call the functions on
  altered copies of the data.

The three scores are printed (and attached to the test report as properties) by
``test_scores_solution_blank_hard_coded``. The whole module takes about two minutes on two cores.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import multiprocessing
import re
import sys
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import pytest

from tools.build_assignments import ASSIGNMENTS, Built, build, masters
from tools.hard_coded import hard_coded

MASTERS = masters()
NAMES = [p.stem for p in MASTERS]
STUDENT = ASSIGNMENTS / "student"
AUTOGRADER = ASSIGNMENTS / "autograder"
REBUILD = "run `make assignments` and commit assignments/student and assignments/autograder"

# Otter's configuration classes use an old traitlets idiom; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Traits should be given as instances")


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def source(cell) -> str:
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


def otter_run(notebook: str, autograder: str, output_dir: str) -> dict:
    """Grade one notebook as `otter run` does and return its results.json.

    ``debug=True`` makes an error in any cell fail the run instead of being ignored.
    """
    from otter.run import main as run

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        run(notebook, autograder=autograder, output_dir=output_dir, no_logo=True, debug=True)
    return json.loads(Path(output_dir, "results.json").read_text(encoding="utf-8"))


def hard_coded_run(solution: str, master: str, autograder: str, output_dir: str) -> dict:
    """Build the hard-coded submission from the solution, then grade it."""
    notebook = Path(output_dir, "submission", Path(solution).name)
    notebook.parent.mkdir()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        hard_coded(Path(solution), Path(master), notebook)
    return otter_run(str(notebook), autograder, output_dir)


def score(results: dict) -> tuple[float, float]:
    """Points scored and points possible, from the question entries of results.json."""
    questions = [t for t in results["tests"] if "max_score" in t]
    return sum(t["score"] for t in questions), sum(t["max_score"] for t in questions)


def public_tests(results: dict) -> dict:
    return next(t for t in results["tests"] if t["name"] == "Public Tests")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Built]:
    out = tmp_path_factory.mktemp("built")
    return {m.stem: build(m, out, run_tests=False, solutions=True) for m in MASTERS}


@pytest.fixture(scope="module")
def grades(built, tmp_path_factory) -> dict[tuple[str, str], dict]:
    """results.json of each solution and each blank student notebook, keyed (name, kind)."""
    import otter.run  # noqa: F401  (imported once here; forked workers inherit it)

    out = tmp_path_factory.mktemp("grades")
    jobs = {}
    for name, products in built.items():
        for kind, notebook in (("solution", products.solution), ("blank", products.student)):
            folder = out / f"{name}-{kind}"
            folder.mkdir()
            jobs[name, kind] = (otter_run, str(notebook), str(products.autograder), str(folder))
        folder = out / f"{name}-hard"
        folder.mkdir()
        master = ASSIGNMENTS / "masters" / f"{name}.ipynb"
        jobs[name, "hard"] = (
            hard_coded_run, str(products.solution), str(master), str(products.autograder),
            str(folder),
        )
    # On Linux, forked workers inherit the imported otter (seconds saved per run).
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method)) as pool:
        futures = {key: pool.submit(*job) for key, job in jobs.items()}
        results = {}
        for key, future in futures.items():
            try:
                results[key] = future.result()
            except RuntimeError as err:
                # Two kernels started at once can pick the same free TCP port (jupyter_client
                # chooses ports before the kernel binds them); run that one again, alone.
                if "Kernel died" not in str(err):
                    raise
                function, *arguments = jobs[key]
                results[key] = function(*arguments)
        return results


def test_there_are_four_assignments_or_more():
    assert len(NAMES) >= 4, NAMES
    assert sorted(p.stem for p in STUDENT.glob("*.ipynb")) == NAMES, REBUILD
    assert sorted(p.name for p in AUTOGRADER.glob("*.zip")) == [
        f"{n}-autograder.zip" for n in NAMES
    ], REBUILD


@pytest.mark.parametrize("name", NAMES)
def test_student_notebook_is_up_to_date(built, name):
    committed, fresh = read(STUDENT / f"{name}.ipynb"), read(built[name].student)
    assert committed.metadata == fresh.metadata, REBUILD
    assert len(committed.cells) == len(fresh.cells), REBUILD
    for old, new in zip(committed.cells, fresh.cells, strict=True):
        assert (old.cell_type, source(old), old.metadata) == (
            new.cell_type, source(new), new.metadata
        ), f"{REBUILD}; first difference: {source(new)[:80]!r}"


@pytest.mark.parametrize("name", NAMES)
def test_autograder_zip_is_up_to_date(built, name):
    committed = AUTOGRADER / f"{name}-autograder.zip"
    with zipfile.ZipFile(committed) as old, zipfile.ZipFile(built[name].autograder) as new:
        assert old.namelist() == new.namelist(), REBUILD
        for member in new.namelist():
            assert old.read(member) == new.read(member), f"{member} differs: {REBUILD}"
    assert committed.read_bytes() == built[name].autograder.read_bytes(), REBUILD


def announced_points(name: str) -> int:
    """The autograded points the assignment's opening cell promises the student."""
    first = source(read(STUDENT / f"{name}.ipynb").cells[0])
    match = re.search(r"\*\*Points:\*\* (\d+) autograded", first)
    assert match, "the opening cell states the points"
    return int(match.group(1))


def summary(grades, name: str) -> str:
    parts = []
    for kind in ("solution", "blank", "hard"):
        scored, possible = score(grades[name, kind])
        parts.append(f"{kind} {scored:g}/{possible:g}")
    return f"{name}: " + ", ".join(parts)


def test_scores_solution_blank_hard_coded(grades, record_property):
    """Print the three scores of every assignment (shown with or without -s, see below)."""
    lines = [summary(grades, name) for name in NAMES]
    for line in lines:
        record_property("scores", line)
    report = "\n".join(["", "autograded scores (solution / blank / hard-coded):", *lines])
    print(report)
    sys.__stdout__.write(report + "\n")  # past pytest's capture, so `make test` shows it too
    for name in NAMES:
        solution, blank, hard = (score(grades[name, k]) for k in ("solution", "blank", "hard"))
        assert solution[0] == solution[1] > 0 and blank[0] == 0, summary(grades, name)
        assert hard[0] <= hard[1] / 2, summary(grades, name)


@pytest.mark.parametrize("name", NAMES)
def test_hard_coded_submission_scores_at_most_half(grades, name):
    """Answers typed in as the values they take on the real data earn at most half."""
    scored, possible = score(grades[name, "hard"])
    assert possible == score(grades[name, "solution"])[1]
    assert scored <= possible / 2, summary(grades, name)


@pytest.mark.parametrize("name", NAMES)
def test_solution_scores_full_marks(grades, name):
    results = grades[name, "solution"]
    scored, possible = score(results)
    assert possible > 0
    assert scored == possible, json.dumps(results, indent=1)[:3000]
    assert public_tests(results)["status"] == "passed", public_tests(results)["output"]
    assert possible == announced_points(name)


@pytest.mark.parametrize("name", NAMES)
def test_blank_student_notebook_runs_and_scores_zero(grades, name):
    results = grades[name, "blank"]  # graded with debug=True: any cell error fails the run
    scored, possible = score(results)
    assert possible == score(grades[name, "solution"])[1] > 0
    assert scored == 0, [t for t in results["tests"] if t.get("score")]
    assert public_tests(results)["status"] == "failed"


def master_blocks(name: str) -> list[tuple[str, nbformat.NotebookNode]]:
    """Each master cell with the otter block it sits in: solution, tests or other."""
    block, tagged = "other", []
    for cell in read(ASSIGNMENTS / "masters" / f"{name}.ipynb").cells:
        text = source(cell).strip()
        if cell.cell_type == "raw" and text.startswith("# BEGIN SOLUTION"):
            block = "solution"
        elif cell.cell_type == "raw" and text.startswith("# BEGIN TESTS"):
            block = "tests"
        elif cell.cell_type == "raw" and text.startswith("# END"):
            block = "other"
        else:
            tagged.append((block, cell))
    return tagged


def squash(text: str) -> str:
    """Whitespace collapsed and quotes made double, as Otter rewrites test code."""
    return " ".join(text.split()).replace("'", '"')


def secrets(name: str) -> dict[str, list[str]]:
    """What of the master must not reach students: answers (with model answers) and hidden tests.

    Whole statements, not single words: a given cell may well share a word or an id with an
    answer.
    """
    answers, hidden = [], []
    for block, cell in master_blocks(name):
        text = source(cell)
        if block == "solution" and cell.cell_type == "markdown":
            answers += [squash(p)[:80] for p in text.split("\n\n") if len(p.strip()) > 20]
        elif block == "solution":
            inside, lines = False, []
            for line in text.splitlines():
                if line.strip() == "# BEGIN SOLUTION":
                    inside, lines = True, []
                elif line.strip() == "# END SOLUTION":
                    inside = False
                    answers.append(squash("\n".join(lines)))
                elif "# SOLUTION" in line:
                    answers.append(squash(line.split("# SOLUTION")[0]))
                elif inside:
                    lines.append(line)
        elif block == "tests" and text.startswith("# HIDDEN"):
            statements = ast.parse("\n".join(text.splitlines()[1:])).body
            hidden += [
                squash(ast.unparse(statement)) for statement in statements
                if not isinstance(statement, ast.Import | ast.ImportFrom)  # not a secret
            ]
    return {"answers": answers, "hidden": hidden}


def shown_to_students(name: str) -> str:
    notebook = read(STUDENT / f"{name}.ipynb")
    return squash("\n".join(source(c) for c in notebook.cells) + json.dumps(notebook.metadata))


@pytest.mark.parametrize("name", NAMES)
def test_no_solution_or_hidden_test_reaches_students(name):
    notebook, shown = read(STUDENT / f"{name}.ipynb"), shown_to_students(name)
    for kind, fragments in secrets(name).items():
        leaked = [fragment for fragment in fragments if fragment in shown]
        assert not leaked, f"{kind} in the student notebook: {leaked}"
    for marker in ("# SOLUTION", "# BEGIN SOLUTION", "# HIDDEN", "BEGIN TESTS", "Rubric"):
        assert marker not in shown, marker
    cases = [
        case
        for test in notebook.metadata["otter"]["tests"].values()
        for suite in test["suites"]
        for case in suite["cases"]
    ]
    assert cases and not any(case["hidden"] for case in cases)
    for cell in notebook.cells:
        assert not cell.get("outputs"), "student notebooks carry no outputs"


def doctest_code(test_file: str) -> str:
    """The code of every case of an OK-format test file, without the >>> prompts."""
    tree = ast.parse(test_file)
    test = next(
        ast.literal_eval(node.value) for node in tree.body
        if isinstance(node, ast.Assign) and node.targets[0].id == "test"
    )
    return " ".join(
        line[4:] for suite in test["suites"] for case in suite["cases"]
        for line in case["code"].splitlines() if line.startswith((">>> ", "... "))
    )


@pytest.mark.parametrize("name", NAMES)
def test_the_leak_check_sees_what_it_looks_for(built, name):
    """Every fragment the leak check looks for is in the solutions or in the hidden tests."""
    found = secrets(name)
    assert len(found["answers"]) >= 5 and len(found["hidden"]) >= 5
    solution = read(built[name].solution)
    solution_text = squash("\n".join(source(c) for c in solution.cells))
    assert [a for a in found["answers"] if a not in solution_text] == []
    with zipfile.ZipFile(built[name].autograder) as autograder:
        files = [autograder.read(m) for m in autograder.namelist() if m.startswith("tests/")]
    tests = squash(" ".join(doctest_code(f.decode()) for f in files))
    assert [h for h in found["hidden"] if h not in tests] == []


@pytest.mark.parametrize("name", NAMES)
def test_written_questions_have_a_rubric(name):
    manual = [
        source(c) for c in read(ASSIGNMENTS / "masters" / f"{name}.ipynb").cells
        if c.cell_type == "raw" and "# BEGIN QUESTION" in source(c) and "manual: true" in source(c)
    ]
    answers = [
        source(c) for block, c in master_blocks(name)
        if block == "solution" and c.cell_type == "markdown"
    ]
    assert len(answers) == len(manual), "each written question has one model answer"
    assert all(re.search(r"points: \d", q) for q in manual), manual
    assert all("Model answer" in a and "**Rubric" in a for a in answers)
    guide = squash((ASSIGNMENTS.parent / "docs" / "grading.md").read_text("utf-8"))
    for answer in answers:
        rubric = squash(answer[answer.index("**Rubric"):])
        assert rubric in guide, f"docs/grading.md should give this rubric as is: {rubric}"
        model = squash(answer[:answer.index("**Rubric")])
        assert model in guide, f"docs/grading.md should give this model answer as is: {model}"
        levels = re.findall(r"^- \*\*\d — ", answer[answer.index("**Rubric"):], re.MULTILINE)
        assert len(levels) >= 3, f"a rubric with levels (- **N — ...): {rubric[:200]}"


def question_points(name: str) -> tuple[int, int]:
    """(autograded, written) points, from the masters' BEGIN QUESTION cells."""
    import yaml

    auto = written = 0
    for cell in read(ASSIGNMENTS / "masters" / f"{name}.ipynb").cells:
        text = source(cell)
        if cell.cell_type == "raw" and text.startswith("# BEGIN QUESTION"):
            config = yaml.safe_load(text.removeprefix("# BEGIN QUESTION"))
            points = config["points"]
            total = sum(points) if isinstance(points, list) else points
            if config.get("manual"):
                written += total
            else:
                auto += total
    return auto, written


@pytest.mark.parametrize("name", NAMES)
def test_written_analysis_is_at_least_40_percent(name):
    auto, written = question_points(name)
    assert written / (auto + written) >= 0.4, (name, auto, written)
    first = source(read(STUDENT / f"{name}.ipynb").cells[0])
    assert f"**Points:** {auto} autograded" in first and f"and {written} written" in first


@pytest.mark.parametrize("name", NAMES)
def test_autograded_questions_are_functions_tested_on_altered_data(name):
    """Each autograded question's answer defines a function; a hidden test perturbs the data."""
    from tools.hard_coded import answer_names

    functions, _ = answer_names(ASSIGNMENTS / "masters" / f"{name}.ipynb")
    hidden = " ".join(
        source(c) for block, c in master_blocks(name)
        if block == "tests" and source(c).startswith("# HIDDEN")
    )
    auto_questions = [
        c for c in read(ASSIGNMENTS / "masters" / f"{name}.ipynb").cells
        if c.cell_type == "raw" and source(c).startswith("# BEGIN QUESTION")
        and "manual: true" not in source(c)
    ]
    assert len(functions) == len(auto_questions) >= 3, functions
    for function in functions:
        called = re.search(rf"{function}\(_?table\.copy\(\)", hidden)
        assert called, f"no hidden test calls {function} on altered data"
    assert "def _perturbed" in hidden


# The student notebooks' `--nbval-lax` run is in tests/test_release.py: it runs them from inside
# the student release, the copy students get.


def test_grading_guide_has_the_masters_model_answers():
    """docs/grading.md's generated section is what `make assignments` writes today."""
    from tools.build_assignments import GRADING_GUIDE, grading_section

    assert grading_section() in GRADING_GUIDE.read_text("utf-8"), (
        "run `make assignments` and commit docs/grading.md"
    )
