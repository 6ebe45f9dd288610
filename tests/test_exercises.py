"""The exercise conventions of docs/authoring.md, checked on every lesson.

Exercises are counted by their prompt cell's metadata; solutions sit after the
attempt, hidden, and stay executed so strict nbval proves they still pass.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
LESSONS = [p for p in NOTEBOOKS if not p.name.startswith("00")]
KINDS = {"interpretive", "computational"}


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def text(cell) -> str:
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


def tags(cell) -> list[str]:
    return list(cell.metadata.get("tags", []))


def exercises(nb) -> list[tuple[int, dict]]:
    return [(i, c.metadata["exercise"]) for i, c in enumerate(nb.cells)
            if isinstance(c.metadata.get("exercise"), dict)]


def test_every_notebook_has_lesson_metadata():
    missing = [p.name for p in NOTEBOOKS if "lesson" not in read(p).metadata]
    assert not missing, f"no 'lesson' metadata (docs/authoring.md): {missing}"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_at_least_four_exercises_half_interpretive(path):
    found = exercises(read(path))
    kinds = [meta.get("kind") for _, meta in found]
    assert len(kinds) >= 4, f"{path.name}: {len(kinds)} exercises"
    assert set(kinds) <= KINDS, kinds
    assert 2 * kinds.count("interpretive") >= len(kinds), kinds


def test_half_the_series_exercises_are_interpretive():
    kinds = [meta["kind"] for p in LESSONS for _, meta in exercises(read(p))]
    assert 2 * kinds.count("interpretive") >= len(kinds)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_exercise_is_prompt_work_check_or_answer_then_hidden_solution(path):
    nb = read(path)
    found = exercises(nb)
    ids = [meta.get("id") for _, meta in found]
    assert len(ids) == len(set(ids)), f"duplicate exercise ids: {ids}"
    bounds = [i for i, _ in found] + [len(nb.cells)]
    for (start, meta), end in zip(found, bounds[1:], strict=True):
        prompt = text(nb.cells[start])
        assert nb.cells[start].cell_type == "markdown"
        assert re.match(r"### Exercise \d+", prompt), prompt[:60]
        run = nb.cells[start + 1:end]
        work = [c for c in run if "exercise" in tags(c)]
        solutions = [c for c in run if "solution" in tags(c)]
        assert len(work) == 1, f"{meta}: one work cell tagged 'exercise'"
        assert solutions, f"{meta}: a solution cell tagged 'solution'"
        first_solution = run.index(solutions[0])
        assert run.index(work[0]) < first_solution, "the solution comes after the attempt"
        for solution in solutions:
            assert solution.metadata.get("jupyter", {}).get("source_hidden") is True
            assert text(solution).startswith("# Solution")
        if meta["kind"] == "computational":
            checks = [c for c in run if "check" in tags(c)]
            assert len(checks) == 1 and run.index(checks[0]) < first_solution, meta
            assert "check(" in text(solutions[-1]), "the solution re-runs the check"
            shown = "".join(o.get("data", {}).get("text/plain", "") + o.get("text", "")
                            for o in solutions[-1].outputs)
            assert "correct" in shown and "not yet" not in shown, f"{meta}: {shown!r}"
        else:
            assert "What a strong answer does" in prompt, meta
            answers = [c for c in run if "answer" in tags(c)]
            assert answers and answers[0].cell_type == "markdown", meta


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_interpretive_exercises_have_model_answers(path):
    interpretive = [meta for _, meta in exercises(read(path)) if meta["kind"] == "interpretive"]
    guide = ROOT / "docs" / "model-answers" / f"{path.stem[:2]}.md"
    assert guide.exists(), f"{guide.relative_to(ROOT)} is missing"
    content = guide.read_text(encoding="utf-8")
    for meta in interpretive:
        number = meta["id"].split(".")[-1]
        assert re.search(rf"^## Exercise {number}\b", content, re.M), (guide.name, meta)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_code_cell_longer_than_fifteen_lines(path):
    for cell in read(path).cells:
        if cell.cell_type == "code":
            lines = text(cell).strip().splitlines()
            assert len(lines) <= 15, f"{len(lines)} lines: {lines[0][:60]}"
