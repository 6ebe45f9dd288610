"""environment.yml (Binder, conda) and requirements.lock agree with pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PROJECT = PYPROJECT["project"]


def canonical(requirement: str) -> str:
    name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_packages() -> set[str]:
    names = {canonical(r) for r in PROJECT["dependencies"]}
    for extra in PROJECT["optional-dependencies"].values():
        names.update(canonical(r) for r in extra)
    return names


def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def environment_packages() -> set[str]:
    names = set()
    for entry in environment()["dependencies"]:
        if isinstance(entry, dict):
            names.update(canonical(r) for r in entry.get("pip", []) if not r.startswith("-"))
        else:
            names.add(canonical(entry))
    return names - {"python", "pip"}


def test_environment_yml_lists_the_same_packages_as_pyproject():
    assert environment_packages() == pyproject_packages()


def test_environment_yml_pins_python_and_uses_conda_forge():
    env = environment()
    assert env["channels"] == ["conda-forge"]
    pythons = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert pythons and re.fullmatch(r"python\s*=\s*3\.1[1-9]", pythons[0])


def test_lock_pins_every_dependency_exactly():
    lock = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            lock[canonical(name)] = version
    missing = pyproject_packages() - set(lock)
    assert not missing, f"pyproject dependencies not in requirements.lock: {missing}"


def test_python_requirement_is_311_or_newer():
    assert PROJECT["requires-python"] == ">=3.11"
