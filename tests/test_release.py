"""The student release (`make student-release`): complete, runnable on its own, and answer-free.

The release is written once per test session with the Makefile target, as an instructor
would run it. Running its notebooks "from inside the release alone" uses this interpreter
with ``PYTHONPATH`` pointing at the release's ``src/`` (so ``import helpers`` and the data
come from the release, which the test checks), instead of a second virtualenv: installing
the locked environment again would take minutes and test pip rather than the release. That
the release's pins are the tested ones (``requirements.lock``) is checked separately, file
against file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import distribution
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from helpers.links import ASSIGNMENTS, NOTEBOOKS, links
from tools.student_release import TEST_ONLY, canonical, find_leaks, locked, secret_fragments

ROOT = Path(__file__).resolve().parents[1]
REPO, BRANCH = "uni/alliance-students", "term"


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("release") / "alliance-students"
    run = subprocess.run(
        ["make", "--no-print-directory", "student-release", f"DEST={dest}", f"REPO={REPO}",
         f"BRANCH={BRANCH}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return dest


def git(dest: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(dest), *args], capture_output=True, text=True,
                          check=True).stdout


def test_release_is_a_committed_git_repository(release):
    assert git(release, "status", "--porcelain") == ""
    assert git(release, "rev-parse", "--abbrev-ref", "HEAD").strip() == BRANCH
    assert len(git(release, "log", "--oneline").splitlines()) == 1
    tracked = set(git(release, "ls-files").split())
    assert "notebooks/00-start-here.ipynb" in tracked and ".student-release" in tracked


def test_a_second_release_to_the_same_folder_keeps_the_history(release, tmp_path):
    copy = tmp_path / "again"
    shutil.copytree(release, copy)
    (copy / "notebooks" / "stale.ipynb").write_text("{}")
    git(copy, "add", "-A")
    git(copy, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "stale")
    from tools.student_release import release as make_release

    make_release(copy, REPO, BRANCH)
    assert not (copy / "notebooks" / "stale.ipynb").exists(), "files gone from the course go"
    assert len(git(copy, "log", "--oneline").splitlines()) == 3
    with pytest.raises(SystemExit, match="not a student release"):
        make_release(ROOT / "notebooks", REPO, BRANCH)


def test_release_has_what_students_need(release):
    expected = [f"notebooks/{n}.ipynb" for n in NOTEBOOKS]
    expected += [f"assignments/student/{n}.ipynb" for n in ASSIGNMENTS]
    expected += ["data/datapackage.json", "data/README.md", "data/events.csv",
                 "src/helpers/__init__.py", "src/helpers/data.py", "README.md", "LICENSE",
                 "LICENSE-CONTENT.md", "pyproject.toml", "requirements-lock.txt",
                 "binder/runtime.txt", "binder/postBuild", "Makefile", "assignments/README.md"]
    missing = [p for p in expected if not (release / p).is_file()]
    assert not missing, missing
    assert os.access(release / "binder" / "postBuild", os.X_OK)
    shipped = {p.name for p in (release / "data").glob("*.csv")}
    assert shipped == {p.name for p in (ROOT / "data").glob("*.csv")}


def test_release_contains_no_answers(release):
    assert find_leaks(release) == []
    assert len(secret_fragments()) >= 40, "the content check has answers to look for"
    present = {p.relative_to(release).parts[0] for p in release.iterdir()}
    assert not present & {"docs", "tests", "tools"}, present
    assert sorted(p.name for p in (release / "assignments").iterdir()) == ["README.md", "student"]
    assert not list(release.rglob("*.zip"))


def test_the_leak_check_catches_planted_leaks(release, tmp_path):
    planted = tmp_path / "planted"
    shutil.copytree(release, planted, ignore=shutil.ignore_patterns(".git"))
    masters = ROOT / "assignments" / "masters"
    master = sorted(masters.glob("*.ipynb"))[0]
    (planted / "assignments" / "masters").mkdir()
    shutil.copy(master, planted / "assignments" / "masters" / master.name)
    (planted / "assignments" / "a1-autograder.zip").write_bytes(b"PK")
    (planted / "docs" / "model-answers").mkdir(parents=True)
    (planted / "docs" / "model-answers" / "05.md").write_text("## Exercise 1\n")
    # a hidden test pasted into a student notebook, a model answer into the data README
    hidden = next(f for f in secret_fragments() if f.startswith("for _") or "_reference(" in f)
    notebook = planted / "assignments" / "student" / f"{ASSIGNMENTS[0]}.ipynb"
    content = json.loads(notebook.read_text())
    content["cells"].append({"cell_type": "markdown", "metadata": {}, "source": hidden})
    notebook.write_text(json.dumps(content))
    model = next(f for f in secret_fragments() if f.startswith("**Model answer"))
    readme = planted / "data" / "README.md"
    readme.write_text(readme.read_text() + "\n\n" + model + "\n")
    (planted / "src" / "helpers" / "extra.py").write_text("# BEGIN SOLUTION\nanswer = 1\n")
    leaks = "\n".join(find_leaks(planted))
    for where in [f"assignments/masters/{master.name}", "assignments/a1-autograder.zip",
                  "docs/model-answers/05.md",
                  f"{notebook.relative_to(planted)}: contains an answer",
                  "data/README.md: contains an answer", "src/helpers/extra.py: contains"]:
        assert where in leaks, f"planted leak not found: {where}\n{leaks}"


def release_pins(release: Path) -> dict[str, str]:
    pins = {}
    for line in (release / "requirements-lock.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            pins[canonical(name)] = version
    return pins


def test_release_environment_is_the_tested_one_without_test_tools(release):
    pins, tested = release_pins(release), locked()
    assert {k: tested.get(k) for k in pins} == pins, "every pin equals requirements.lock"
    assert not set(pins) & TEST_ONLY, set(pins) & TEST_ONLY
    assert {"pandas", "matplotlib", "jupyterlab", "ipykernel", "otter-grader"} <= set(pins)
    # Complete: with --no-deps, every requirement of every pinned package must be pinned too.
    from packaging.requirements import Requirement

    for name in pins:
        for text in distribution(name).requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                assert canonical(requirement.name) in pins | dict.fromkeys(TEST_ONLY), (
                    f"{name} needs {requirement.name}, which the release does not pin")
    for setup in ("binder/postBuild", "Makefile"):
        assert "--no-deps -r requirements-lock.txt" in (release / setup).read_text(), setup
    assert (release / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    assert not (release / "environment.yml").exists()
    assert not (release / "requirements.txt").exists()
    assert "test =" not in (release / "pyproject.toml").read_text()


def test_binder_builds_python_311_and_installs_only_the_pins(release):
    """repo2docker's Dockerfile for the release (--no-build: no Docker needed)."""
    repo2docker = Path(sys.executable).parent / "jupyter-repo2docker"
    run = subprocess.run([str(repo2docker), "--no-build", "--debug", str(release)],
                         capture_output=True, text=True, timeout=300)
    dockerfile = run.stdout + run.stderr
    assert "python=3.11" in dockerfile, dockerfile[-3000:]
    assert "./binder/postBuild" in dockerfile
    assert "pip install --no-cache-dir ." not in dockerfile, "Binder would resolve its own deps"
    assert "requirements.txt" not in dockerfile


def test_make_lab_opens_lessons_and_assignments(release):
    run = subprocess.run(["make", "-n", "lab"], cwd=release, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    command = run.stdout
    assert "--ServerApp.root_dir=. " in command
    assert "--no-deps -r requirements-lock.txt" in command
    start = re.search(r"default_url=/lab/tree/(\S+)", command).group(1)
    assert (release / start).is_file()


def link_target(link: str) -> str:
    """The file a course link opens, relative to the repository."""
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    if "repo" in query:  # nbgitpuller: lab/tree/<checkout>/<path>
        assert query["repo"] == [f"https://github.com/{REPO}"] and query["branch"] == [BRANCH]
        return query["urlpath"][0].split("/", 3)[3]
    if parts.netloc == "mybinder.org":
        assert parts.path == f"/v2/gh/{REPO}/{BRANCH}"
        return unquote(query["urlpath"][0]).removeprefix("lab/tree/")
    prefix = f"/github/{REPO}/blob/{BRANCH}/"
    assert parts.path.startswith(prefix), link
    return parts.path.removeprefix(prefix)


@pytest.mark.parametrize("service", ["nbgitpuller", "binder", "colab"])
def test_every_course_link_resolves_to_a_file_in_the_release(release, service):
    pairs = links(service, hub="https://hub.example.edu", branch=BRANCH, repo=REPO)
    assert len(pairs) == len(NOTEBOOKS) + len(ASSIGNMENTS)
    missing = [link for _, link in pairs if not (release / link_target(link)).is_file()]
    assert not missing, missing


def test_release_readme_links_resolve(release):
    readme = (release / "README.md").read_text()
    found = re.findall(r"\]\((https://[^)]+)\)", readme)
    assert len(found) == len(NOTEBOOKS) + len(ASSIGNMENTS) + 1
    for link in found:
        target = link_target(link)
        assert (release / target).is_file(), link
    for notebook in [*(release / "notebooks").glob("*.ipynb"),
                     *(release / "assignments" / "student").glob("*.ipynb")]:
        text = notebook.read_text()
        assert "rokus-alliance-course/rokus-alliance-course" not in text, notebook.name


def pytest_in_release(release: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(release / "src")}
    command = [sys.executable, "-m", "pytest", "-q", "-o", "addopts=", "-p", "no:cacheprovider",
               "--rootdir", str(release), "-c", os.devnull, *args]
    return subprocess.run(command, cwd=release, env=env, capture_output=True, text=True,
                          timeout=1200)


def test_every_notebook_runs_from_inside_the_release(release, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(release / "src")}
    where = subprocess.run(
        [sys.executable, "-c", "import helpers, helpers.data as d; "
         "print(helpers.__file__); print(d.default_data_dir())"],
        cwd=release / "notebooks", env=env, capture_output=True, text=True, check=True,
    ).stdout.split()
    assert all(Path(p).resolve().is_relative_to(release.resolve()) for p in where), where
    sanitize = tmp_path / "nbval-sanitize.cfg"  # a test setting, not part of the release
    shutil.copy(ROOT / "tests" / "nbval-sanitize.cfg", sanitize)
    lessons = ["--nbval", f"--nbval-sanitize-with={sanitize}", "notebooks"]
    students = ["--nbval-lax", "assignments/student"]
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda args: pytest_in_release(release, *args), [lessons, students]))
    for i, (run, args) in enumerate(zip(runs, [lessons, students], strict=True)):
        # two kernels started at once can pick the same free TCP port: run that one again, alone
        if run.returncode and "Address already in use" in run.stdout + run.stderr:
            runs[i] = pytest_in_release(release, *args)
    for run in runs:
        assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
