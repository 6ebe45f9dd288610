"""`make bench` builds its comparison notebooks correctly (timings themselves are never tested)."""

from __future__ import annotations

from pathlib import Path

import nbformat

from tools.bench import trivial_notebooks, without_figures

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_figure_free_copies_keep_every_cell_and_draw_nothing(tmp_path):
    copies = without_figures(NOTEBOOKS, tmp_path)
    assert [p.name for p in copies] == [p.name for p in NOTEBOOKS]
    for original, copy in zip(NOTEBOOKS, copies, strict=True):
        before = nbformat.read(original, as_version=4).cells
        after = nbformat.read(copy, as_version=4).cells
        assert len(after) == len(before) + 1
        assert "matplotlib.use('agg')" in after[0].source
        code = [c.source for c in after if c.cell_type == "code"]
        assert not any("%matplotlib inline" in source for source in code), copy.name


def test_floor_notebooks_only_import_pandas_and_pyplot(tmp_path):
    floor = trivial_notebooks(tmp_path, 3)
    assert len(floor) == 3
    cells = nbformat.read(floor[0], as_version=4).cells
    assert [c.source for c in cells] == ["import pandas\nimport matplotlib.pyplot"]
