"""The ways in: Binder, Colab, JupyterHub links, offline HTML, and an accessible palette."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import nbformat
import numpy as np
import pytest

from helpers import PALETTE
from helpers.links import (
    ASSIGNMENTS,
    NOTEBOOKS,
    binder_link,
    colab_link,
    main,
    nbgitpuller_link,
    repository_url,
)

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_PATHS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
IDS = [p.stem for p in NOTEBOOK_PATHS]


def colab_cell() -> str:
    return (
        "# On Colab, install the course package (elsewhere this cell does nothing).\n"
        "import sys\n\n"
        'if "google.colab" in sys.modules:\n'
        f'    repo = "{repository_url()}"\n'
        '    %pip install --quiet "rokus-alliance-course @ git+{repo}"'
    )


# -- Binder -------------------------------------------------------------------


def test_postbuild_installs_the_package_without_resolving():
    text = (ROOT / "postBuild").read_text()
    assert text.startswith("#!/usr/bin/env bash")
    assert "set -euo pipefail" in text
    assert re.search(r"pip install --no-deps .*\.\s*$", text, re.M)
    assert (ROOT / "postBuild").stat().st_mode & 0o111


def test_repo2docker_builds_from_environment_yml_and_postbuild():
    repo2docker = Path(sys.executable).with_name("repo2docker")
    result = subprocess.run(
        [repo2docker, "--no-build", "--debug", str(ROOT)],
        capture_output=True, text=True, timeout=300, check=True,
    )
    dockerfile = result.stdout + result.stderr
    assert "Building conda environment for python=3.11" in dockerfile
    assert 'env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"' in dockerfile
    assert "RUN ./postBuild" in dockerfile


# -- Colab ---------------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=IDS)
def test_first_code_cell_installs_on_colab_only_and_prints_nothing(path):
    notebook = nbformat.read(path, as_version=4)
    first = next(c for c in notebook.cells if c.cell_type == "code")
    assert first.source == colab_cell()
    assert first.outputs == []
    assert max(map(len, first.source.splitlines())) <= 80, "the cell fits the notebook column"


def test_colab_cell_runs_pip_on_colab_and_nothing_elsewhere(monkeypatch):
    import types

    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    calls: list[str] = []
    shell.register_magic_function(lambda line: calls.append(line), "line", "pip")
    try:
        assert shell.run_cell(colab_cell()).success and calls == []
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
        assert shell.run_cell(colab_cell()).success
        assert calls == [f'install --quiet "rokus-alliance-course @ git+{repository_url()}"']
    finally:
        InteractiveShell.clear_instance()


def test_a_notebook_runs_from_the_wheel_outside_the_checkout(wheel_venv, tmp_path):
    work = tmp_path / "student"
    work.mkdir()
    notebook = work / "00-start-here.ipynb"
    shutil.copy(ROOT / "notebooks" / "00-start-here.ipynb", notebook)
    script = (
        "import sys, nbformat\n"
        "from nbclient import NotebookClient\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        "NotebookClient(nb, kernel_name='python3', timeout=120,"
        " resources={'metadata': {'path': sys.argv[2]}}).execute()\n"
        "import helpers; print(helpers.__file__)\n"
        "print(sum(o.output_type == 'error' for c in nb.cells if c.cell_type == 'code'"
        " for o in c.outputs))\n"
    )
    result = subprocess.run(
        [wheel_venv / "bin" / "python", "-c", script, str(notebook), str(work)],
        cwd=work, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    package_file, errors = result.stdout.split()
    assert Path(package_file).is_relative_to(wheel_venv) and errors == "0"


# -- JupyterHub, Binder and Colab links ------------------------------------------


def test_links_come_from_pyproject():
    import tomllib

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]
    assert repository_url() == urls["Repository"]
    link = nbgitpuller_link("https://hub.example.edu", "05-washington-declaration", branch="fall")
    assert "repo=" + repository_url().replace(":", "%3A").replace("/", "%2F") in link
    assert link.endswith("05-washington-declaration.ipynb&branch=fall")


def test_course_links_command(capsys):
    assert main(["--hub", "https://hub.example.edu"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == NOTEBOOKS + ASSIGNMENTS
    assert "assignments%2Fstudent%2Fa1-reading-the-timeline.ipynb" in lines[len(NOTEBOOKS)]
    with pytest.raises(SystemExit):
        main(["--hub", "hub.example.edu"])
    assert "must start with https://" in capsys.readouterr().err


def test_links_name_every_notebook_that_exists():
    assert [p.stem for p in NOTEBOOK_PATHS] == NOTEBOOKS
    students = sorted((ROOT / "assignments" / "student").glob("*.ipynb"))
    assert [p.stem for p in students] == ASSIGNMENTS


def test_readme_has_binder_and_colab_badges():
    readme = (ROOT / "README.md").read_text()
    assert binder_link() in readme
    for notebook in NOTEBOOKS:
        assert colab_link(notebook) in readme, notebook


# -- Offline HTML ----------------------------------------------------------------


def test_html_export_has_every_notebook_with_images_embedded(tmp_path):
    from tools.export_html import export

    pages = export(tmp_path / "html")
    index = pages[0].read_text()
    for path in NOTEBOOK_PATHS:
        page = tmp_path / "html" / f"notebooks-{path.stem}.html"
        assert page in pages and f'href="{page.name}"' in index
        text = page.read_text()
        figures = sum(
            "image/png" in o.get("data", {})
            for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"
            for o in c.outputs
        )
        assert text.count("data:image/png;base64,") >= figures
        assert not re.search(r'<img[^>]+src="(?!data:)', text), "an image is not embedded"


# -- Accessibility -----------------------------------------------------------------

# Machado, Oliveira & Fernandes (2009) simulation matrices, severity 1.0, linear RGB.
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                     [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
}


def _linear(hex_colour: str) -> np.ndarray:
    srgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ np.clip(linear_rgb, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


@pytest.mark.parametrize("vision", ["normal", *CVD])
def test_palette_colours_stay_distinguishable(vision):
    """Every pair of palette colours differs by CIE76 delta E >= 10 under each simulation."""
    colours = [_linear(c) for c in PALETTE]
    if vision != "normal":
        colours = [np.array(CVD[vision]) @ c for c in colours]
    labs = [_lab(c) for c in colours]
    closest = min(float(np.linalg.norm(a - b)) for a, b in combinations(labs, 2))
    assert closest >= 10, f"two colours nearly merge under {vision}: delta E {closest:.1f}"


def test_figures_have_white_background():
    import matplotlib.pyplot as plt

    from helpers import style

    with style():
        fig, ax = plt.subplots()
    assert fig.get_facecolor()[:3] == (1.0, 1.0, 1.0) and ax.get_facecolor()[:3] == (1, 1, 1)
    plt.close(fig)


def test_readme_course_map_is_current():
    from tools.course_map import update

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert update(readme) == readme, "README course map is stale: run python tools/course_map.py"


def test_instructor_schedule_is_current_and_lists_every_lesson():
    from tools.course_map import WEEKS, update_guide

    guide = (ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    assert update_guide(guide) == guide, "schedule is stale: run python tools/course_map.py"
    taught = sorted(number for _, numbers, _ in WEEKS for number in numbers)
    assert taught == sorted(p.name[:2] for p in NOTEBOOK_PATHS), "every lesson has a week"
