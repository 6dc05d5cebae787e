"""The conda environment.yml, pyproject.toml and constraints.txt name the same packages."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import yaml
from packaging.requirements import Requirement

import analystkit as ak

ROOT = ak.paths.ROOT


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in reqs}


def _conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    found = {}
    for dep in env["dependencies"]:
        if not isinstance(dep, str):
            continue  # the pip: section installs the kit itself
        name, spec = re.match(r"([A-Za-z0-9_.\-]+)\s*(.*)", dep).groups()
        if name not in ("python", "pip"):
            found[name.lower()] = spec.replace(" ", "")
    return found


def test_environment_yml_matches_pyproject() -> None:
    assert _conda_requirements() == _pyproject_requirements()


def test_every_dependency_is_pinned_in_constraints() -> None:
    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line
    }
    missing = {name.replace("_", "-") for name in _pyproject_requirements()} - pinned
    assert not missing, f"not pinned in constraints.txt (run `make lock`): {sorted(missing)}"


def test_python_floor_is_311() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _dev_install() -> set[str]:
    """What `pip install -e ".[dev]"` installs: analystkit's requirements with the dev
    extra and, recursively, theirs (with the extras asked for; markers evaluated here)."""
    found: set[str] = set()
    todo = [(Requirement(r), {"dev"}) for r in metadata.requires("analystkit") or []]
    while todo:
        req, parent_extras = todo.pop()
        wanted = req.marker is None or any(
            req.marker.evaluate({"extra": extra}) for extra in parent_extras | {""}
        )
        if not wanted or _canonical(req.name) in found:
            continue
        found.add(_canonical(req.name))
        try:
            todo += [(Requirement(r), req.extras) for r in metadata.requires(req.name) or []]
        except metadata.PackageNotFoundError:
            continue
    return found


def test_constraints_hold_only_pins_of_everything_the_dev_install_brings() -> None:
    lines = [line for line in (ROOT / "constraints.txt").read_text().splitlines() if line]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==\S+", line) for line in lines), (
        "constraints.txt holds only pins, as `make lock` writes them"
    )
    missing = _dev_install() - {_canonical(line.split("==")[0]) for line in lines}
    assert not missing, (
        f"installed but not pinned in constraints.txt (`make lock`): {sorted(missing)}"
    )
