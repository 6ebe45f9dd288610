"""Write the student release: a git repository students can be given, with no answers in it.

    python tools/student_release.py DEST [--repo owner/name] [--branch main]
    make student-release DEST=../alliance-students REPO=my-uni/alliance-students

The release holds what students open and what runs it, and nothing an instructor keeps back:

=========================  ==========================================================
in the release             lessons (notebooks/, with their outputs and their hidden-input
                           self-check solutions, which are part of the lessons), data/
                           (with the verification logs: they say which page supports
                           each row, and contain no answers), the helpers package (src/),
                           the student assignment notebooks, a README, licences, and the
                           set-up files: requirements-lock.txt (exact pins), binder/
                           (runtime.txt and postBuild), a Makefile (``make lab``),
                           pyproject.toml
left out                   assignments/masters (solutions, hidden tests, model answers,
                           rubrics), assignments/autograder (zips with hidden tests),
                           docs/ (instructor guide, grading guide, model answers,
                           authoring notes), tests/ and tools/
=========================  ==========================================================

``requirements-lock.txt`` pins, at the versions of ``requirements.lock`` (the versions the
course is tested with), the packages a student needs (pandas, matplotlib, JupyterLab,
ipykernel, Otter) and everything they depend on, and none of the test-only tools (pytest,
nbval, ruff, Playwright, repo2docker, Frictionless). It is installed with ``--no-deps``, so
pip installs exactly that list: Playwright, which nbconvert names for PDF export, is left
out because the assignments do not export PDFs.

DEST becomes a git repository with one commit per run. Run it again next term on the same
DEST: the tree is replaced and a new commit records the change (the history is kept).
``--repo`` and ``--branch`` name where the release will be pushed; the Colab cells and the
README's links then open that repository instead of the course's.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CANONICAL = "rokus-alliance-course/rokus-alliance-course"
MARKER = ".student-release"
ROOTS = ["pandas", "matplotlib", "jupyterlab", "ipykernel", "otter-grader", "hatchling"]
TEST_ONLY = {
    "pytest", "nbval", "ruff", "playwright", "jupyter-repo2docker", "frictionless", "coverage",
}
COPIED = ["notebooks", "data", "src/helpers", "assignments/student"]
TOP_FILES = ["LICENSE", "LICENSE-CONTENT.md", "CITATION.cff", "jupyter-overrides.json"]
FORBIDDEN_PARTS = {"masters", "autograder", "solutions", "docs", "tests", "tools", "model-answers"}
FORBIDDEN_NAMES = {"instructor-guide.md", "authoring.md", "grading.md"}
FORBIDDEN_MARKERS = ["# BEGIN SOLUTION", "# END SOLUTION", "# HIDDEN", "# BEGIN TESTS",
                     "**Rubric", "**Model answer"]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[canonical(name)] = version.strip()
    return pins


def runtime_requirements() -> list[str]:
    """``name==version`` for the student environment, versions from requirements.lock."""
    from packaging.requirements import Requirement

    pins, seen, todo = locked(), {}, [(name, ()) for name in ROOTS]
    while todo:
        name, extras = todo.pop()
        key = canonical(name)
        if key in TEST_ONLY or key in seen:
            continue
        if key not in pins:
            raise RuntimeError(f"{name} is needed by the student environment but not in "
                               "requirements.lock; run `make lock`")
        try:
            requires = distribution(name).requires or []
        except PackageNotFoundError:
            raise RuntimeError(f"{name} is not installed here; run `make setup`") from None
        seen[key] = f"{name}=={pins[key]}"
        for text in requires:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is None or any(marker.evaluate({"extra": e}) for e in ("", *extras)):
                todo.append((requirement.name, tuple(requirement.extras)))
    return sorted(seen.values(), key=str.lower)


def _toml_value(value) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    return str(value)


def pyproject(repo_url: str) -> str:
    """The course's pyproject.toml without test extras and tool settings."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = data["project"]
    project["optional-dependencies"] = {"lab": project["optional-dependencies"]["lab"]}
    project["urls"] = {"Repository": repo_url}
    tables = {
        "build-system": data["build-system"],
        "project": {k: v for k, v in project.items() if not isinstance(v, dict)},
        "project.optional-dependencies": project["optional-dependencies"],
        "project.scripts": project["scripts"],
        "project.urls": project["urls"],
        "tool.hatch.build.targets.wheel": {"packages": ["src/helpers"], "dev-mode-dirs": ["src"]},
        "tool.hatch.build.targets.wheel.force-include": {'"data"': "helpers/data"},
    }
    lines = ["# The student release of the course (make student-release); see README.md."]
    for table, values in tables.items():
        lines += ["", f"[{table}]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


MAKEFILE = """\
# `make lab` sets up .venv with the tested versions and opens JupyterLab.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help setup lab clean

help:
\t@echo "make lab     set up .venv and open JupyterLab (lessons in notebooks/, assignments in assignments/)"

setup: $(STAMP)

$(STAMP): requirements-lock.txt pyproject.toml
\t@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.X")'
\ttest -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
\t$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-lock.txt
\t$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
\tmkdir -p $(VENV)/share/jupyter/lab/settings
\tcp jupyter-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
\ttouch $(STAMP)

lab: $(STAMP)
\t$(BIN)/jupyter lab --ip=127.0.0.1 --ServerApp.root_dir=. \\
\t  --LabApp.default_url=/lab/tree/notebooks/00-start-here.ipynb $(ROOT_FLAG)

clean:
\trm -rf $(VENV)
"""  # noqa: E501

POSTBUILD = """\
#!/usr/bin/env bash
# Binder (repo2docker) runs this from the repository's top folder: install exactly the
# tested versions, then the course package.
set -euo pipefail
python -m pip install --no-cache-dir --no-deps -r requirements-lock.txt
python -m pip install --no-cache-dir --no-deps --no-build-isolation .
# No "Would you like to receive official Jupyter news?" pop-up for students.
settings="$(python -c 'import sys; print(sys.prefix)')/share/jupyter/lab/settings"
mkdir -p "$settings" && cp jupyter-overrides.json "$settings/overrides.json"
"""

GITIGNORE = ".venv/\n__pycache__/\n*.egg-info/\n.ipynb_checkpoints/\n.OTTER_LOG\nbuild/\n"


def readme(repo: str, branch: str) -> str:
    from helpers.links import ASSIGNMENTS, NOTEBOOKS, binder_link, colab_link

    lessons = "\n".join(f"| {n} | [Colab]({colab_link(n, branch=branch, repo=repo)}) |"
                        for n in NOTEBOOKS)
    tasks = "\n".join(f"| {n} | [Colab]({colab_link(n, branch=branch, repo=repo)}) |"
                      for n in ASSIGNMENTS)
    return f"""# The ROK–US alliance and extended deterrence: course notebooks (student edition)

Lessons in `notebooks/`, graded assignments in `assignments/student/`, the sourced data in
`data/` (see `data/README.md`), and the `helpers` package the notebooks use, in `src/`.

## Open the notebooks

- **In the browser:** [Binder]({binder_link(branch=branch, repo=repo)}) opens JupyterLab
  with everything installed (the first start takes a few minutes), or use Colab:

| lesson | |
| --- | --- |
{lessons}

| assignment | |
| --- | --- |
{tasks}

- **On your computer** (Python 3.11 or newer): `make lab`. It makes a virtual environment
  in `.venv` with the exact versions the course was tested with (`requirements-lock.txt`)
  and opens JupyterLab on this folder: lessons in `notebooks/`, assignments in
  `assignments/student/`.

## Assignments

Open the assignment your instructor names, replace each `...` with your code, run
`grader.check("q…")` under each answer (it checks the form of your answer only), and hand
in the `.ipynb` file. Your instructor grades it with hidden tests and reads your written
answers.

## Licences

Code: MIT (`LICENSE`). Text, figures and data: see `LICENSE-CONTENT.md`.
"""


ASSIGNMENTS_README = """# Graded assignments

Open the notebook your instructor sets. Each question asks you to write a small function
or a written answer; `grader.check("q…")` checks the form of a code answer. When you are
done: *Kernel → Restart Kernel and Run All Cells*, save, and hand in the `.ipynb` file.
"""


def _rewrite(text: str, repo: str, branch: str) -> str:
    text = text.replace(f"{CANONICAL}/main/", f"{repo}/{branch}/")
    return text.replace(CANONICAL, repo)


def write_tree(dest: Path, repo: str, branch: str) -> None:
    for folder in COPIED:
        source = ROOT / folder
        for path in sorted(source.rglob("*")):
            if path.is_dir() or "__pycache__" in path.parts or ".ipynb_checkpoints" in path.parts:
                continue
            target = dest / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix == ".ipynb":
                target.write_text(_rewrite(path.read_text("utf-8"), repo, branch), "utf-8")
            else:
                shutil.copy2(path, target)
    for name in TOP_FILES:
        shutil.copy2(ROOT / name, dest / name)
    url = f"https://github.com/{repo}"
    (dest / "pyproject.toml").write_text(pyproject(url), "utf-8")
    (dest / "requirements-lock.txt").write_text(
        "# Exact versions the course is tested with (from requirements.lock); install with\n"
        "# pip install --no-deps -r requirements-lock.txt (no test-only tools).\n"
        + "\n".join(runtime_requirements()) + "\n", "utf-8")
    # Binder reads binder/ only (and then does not `pip install .` on its own, with deps).
    (dest / "binder").mkdir()
    (dest / "binder" / "runtime.txt").write_text("python-3.11\n", "utf-8")
    (dest / "binder" / "postBuild").write_text(POSTBUILD, "utf-8")
    (dest / "binder" / "postBuild").chmod(0o755)
    (dest / "Makefile").write_text(MAKEFILE, "utf-8")
    (dest / ".gitignore").write_text(GITIGNORE, "utf-8")
    (dest / "README.md").write_text(readme(repo, branch), "utf-8")
    (dest / "assignments" / "README.md").write_text(ASSIGNMENTS_README, "utf-8")
    (dest / MARKER).write_text(f"Written by make student-release for {url} ({branch}).\n")


# -- the leak check -------------------------------------------------------------------


def _text(path: Path) -> str:
    if path.suffix == ".ipynb":
        notebook = json.loads(path.read_text("utf-8"))
        cells = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                 for c in notebook.get("cells", [])]
        return "\n".join(cells) + json.dumps(notebook.get("metadata", {}))
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError:
        return ""


def squash(text: str) -> str:
    return " ".join(text.split()).replace("'", '"')


def secret_fragments(root: Path = ROOT) -> list[str]:
    """Text that marks an answer: hidden tests and solutions of the masters, model answers."""
    import ast

    fragments = []
    for master in sorted((root / "assignments" / "masters").glob("*.ipynb")):
        block = "other"
        for cell in json.loads(master.read_text("utf-8"))["cells"]:
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            stripped = text.strip()
            if cell["cell_type"] == "raw":
                if stripped.startswith("# BEGIN SOLUTION"):
                    block = "solution"
                elif stripped.startswith("# BEGIN TESTS"):
                    block = "tests"
                elif stripped.startswith("# END"):
                    block = "other"
                continue
            if block == "solution" and cell["cell_type"] == "markdown":
                fragments += [squash(p)[:80] for p in text.split("\n\n") if len(p.strip()) > 40]
            elif block == "solution":
                inside = False
                for line in text.splitlines():
                    if line.strip() in ("# BEGIN SOLUTION", "# END SOLUTION"):
                        inside = line.strip() == "# BEGIN SOLUTION"
                    elif inside or line.rstrip().endswith("# SOLUTION"):
                        fragments.append(squash(line.split("# SOLUTION")[0]))
            elif block == "tests" and stripped.startswith("# HIDDEN"):
                body = ast.parse("\n".join(text.splitlines()[1:])).body
                fragments += [squash(ast.unparse(s)) for s in body]
    for answers in sorted((root / "docs" / "model-answers").glob("*.md")):
        fragments += [squash(p)[:80] for p in answers.read_text("utf-8").split("\n\n")
                      if len(p.strip()) > 40 and not p.lstrip().startswith("#")]
    # Short or generic code (imports, a filter a lesson also uses) is not a fingerprint.
    public = squash(" ".join(_text(p) for p in [*sorted((root / "notebooks").glob("*.ipynb")),
                                                *sorted((root / "src").rglob("*.py"))]))
    return sorted({
        f for f in fragments
        if len(f) >= 40 and not f.startswith(("import ", "from ")) and f not in public
    })


def find_leaks(dest: Path, fragments: list[str] | None = None) -> list[str]:
    """Every file or passage in ``dest`` that students must not get; empty when clean."""
    fragments = secret_fragments() if fragments is None else fragments
    leaks = []
    for path in sorted(p for p in dest.rglob("*") if p.is_file()):
        relative = path.relative_to(dest)
        if relative.parts[0] == ".git":
            continue
        if (set(relative.parts[:-1]) & FORBIDDEN_PARTS or relative.name in FORBIDDEN_NAMES
                or path.suffix == ".zip"):
            leaks.append(f"{relative}: instructor-only file")
            continue
        text = _text(path)
        shown = squash(text)
        leaks += [f"{relative}: contains {m!r}" for m in FORBIDDEN_MARKERS if m in text]
        leaks += [f"{relative}: contains an answer: {f[:60]!r}" for f in fragments if f in shown]
    return leaks


# -- git ----------------------------------------------------------------------------


def git(dest: Path, *args: str) -> str:
    command = ["git", "-C", str(dest), "-c", "user.name=Course release",
               "-c", "user.email=course-release@localhost", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def release(dest: Path, repo: str, branch: str) -> str:
    """Write (or refresh) the release in ``dest`` and commit it; return the commit id."""
    dest = dest.resolve()
    if dest.exists() and any(dest.iterdir()) and not (dest / MARKER).exists():
        raise SystemExit(f"{dest} exists and is not a student release; choose an empty folder.")
    if dest.is_relative_to(ROOT) and dest != ROOT and not dest.is_relative_to(ROOT / "build"):
        raise SystemExit("write the release outside the course repository (or under build/).")
    dest.mkdir(parents=True, exist_ok=True)
    if not (dest / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", branch, str(dest)], check=True)
    for child in dest.iterdir():
        if child.name != ".git":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    write_tree(dest, repo, branch)
    leaks = find_leaks(dest)
    if leaks:
        raise SystemExit("the release would leak answers:\n  " + "\n  ".join(leaks[:20]))
    git(dest, "add", "-A")
    if git(dest, "status", "--porcelain").strip():
        source = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip() or "unknown"
        git(dest, "commit", "-q", "-m", f"Student release from course commit {source}")
    return git(dest, "rev-parse", "HEAD").strip()


def main(argv: list[str] | None = None) -> int:
    from helpers.links import _github_path

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="folder to write (empty, or an earlier release)")
    parser.add_argument("--repo", help="GitHub owner/name the release is pushed to "
                        "(default: the course repository)")
    parser.add_argument("--branch", default="main", help="branch of the release (default: main)")
    args = parser.parse_args(argv)
    try:
        repo = _github_path(args.repo)
    except ValueError as err:
        parser.error(str(err))
    commit = release(args.dest, repo, args.branch)
    print(f"wrote the student release to {args.dest} (commit {commit[:10]}, for "
          f"github.com/{repo}, branch {args.branch}); push it with\n"
          f"  git -C {args.dest} push https://github.com/{repo} {args.branch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
