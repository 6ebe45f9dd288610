"""The notebooks as a student meets them: structure, stored outputs, exercises.

Strict nbval (run by pytest on notebooks/) proves the stored outputs are what
the code gives today; these tests check what nbval cannot.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def source(cell) -> str:
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00-start-here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_opening_has_title_objectives_and_time(path):
    first = source(read(path).cells[0])
    assert first.startswith("# "), "the first cell is the title"
    assert "Learning objectives" in first
    assert re.search(r"Estimated time", first)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_imports_not_path_hacks(path):
    code = "\n".join(source(c) for c in read(path).cells if c.cell_type == "code")
    assert "from helpers import" in code or "import helpers" in code
    for forbidden in ("sys.path", "../data", "read_csv(", "pd.to_datetime", "plt.show()"):
        assert forbidden not in code, f"{forbidden!r} in {path.name}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_outputs_are_clean(path):
    for cell in read(path).cells:
        if cell.cell_type != "code" or not source(cell).strip():
            continue
        assert cell.execution_count is not None, f"unexecuted cell: {source(cell)[:60]}"
        for output in cell.outputs:
            assert output.output_type != "error", source(cell)[:80]
            if output.output_type == "stream":
                assert output.name != "stderr", f"warning stored: {output.text[:200]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_figure_has_alt_text_beside_it(path):
    cells = read(path).cells
    for i, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        if any("image/png" in o.get("data", {}) for o in cell.outputs):
            nearby = [source(c) for c in cells[max(0, i - 2): i + 3] if c.cell_type == "markdown"]
            assert any("Alt text" in text for text in nearby), (
                f"no alt text near: {source(cell)[:80]}"
            )


def test_executing_again_reproduces_every_output_byte_for_byte(tmp_path):
    """`make notebooks` is reproducible: a fresh run of the start notebook, figures included,
    gives exactly the stored file (the other notebooks were checked by running it twice)."""
    from tools.execute_notebooks import execute

    path = NOTEBOOKS[0]
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    assert nbformat.writes(execute(copy, cwd=path.parent)) + "\n" == path.read_text()


@pytest.mark.parametrize("path", NOTEBOOKS[1:], ids=IDS[1:])
def test_lesson_has_key_terms_discussion_summary_and_sources(path):
    cells = read(path).cells
    markdown = "\n".join(source(c) for c in cells if c.cell_type == "markdown")
    assert "**Key terms:**" in source(cells[0])
    discuss = re.search(r"^## Discuss.*?(?=^## |\Z)", markdown, re.S | re.M)
    assert discuss, "a ## Discuss section"
    questions = re.findall(r"^\s*(?:\d+\.|-)\s+\S", discuss.group(0), re.M)
    assert len(questions) >= 2, "at least two discussion questions"
    assert re.search(r"^## Key points", markdown, re.M)
    assert re.search(r"^## Further reading", markdown, re.M)
    assert re.search(r"^## Sources", markdown, re.M)
    last_code = [c for c in cells if c.cell_type == "code"][-1]
    assert "sources_for(" in source(last_code), "the Sources section is rendered from the data"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_hangul_in_plot_code(path):
    """The default fonts have no Hangul glyphs: keep Korean script in markdown only."""
    code = "\n".join(source(c) for c in read(path).cells if c.cell_type == "code")
    assert not re.search("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]", code)
