"""The pip and conda/Binder environments must ask for the same packages with compatible bounds."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]
NAME = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*(.*)$")


def _split(requirement: str) -> tuple[str, str]:
    match = NAME.match(requirement)
    assert match, f"cannot parse requirement {requirement!r}"
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _conda_dependencies() -> tuple[dict[str, str], list[str]]:
    """Parse the small, flat environment.yml without needing PyYAML."""
    conda, pip, in_pip = {}, [], False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("- pip:"):
            in_pip = True
            continue
        if not stripped.startswith("- ") or line.lstrip().startswith("#"):
            continue
        item = stripped[2:].split("#", 1)[0].strip()
        if in_pip and len(line) - len(line.lstrip()) > 4:
            pip.append(item)
        elif item != "pip" and not item.startswith("conda-forge"):
            name, spec = _split(item)
            conda[name] = spec
            in_pip = False
    return conda, pip


def test_runtime_dependencies_match_environment_yml():
    runtime = dict(_split(r) for r in _pyproject()["project"]["dependencies"])
    conda, _ = _conda_dependencies()
    for name, spec in runtime.items():
        assert name in conda, f"{name} is in pyproject.toml but not in environment.yml"
        assert conda[name] == spec, (
            f"{name}: pyproject says {spec!r}, environment.yml {conda[name]!r}"
        )


def test_python_pin_satisfies_requires_python():
    """repo2docker only understands an exact `python=X.Y`; it must satisfy requires-python."""
    conda, _ = _conda_dependencies()
    requires = _pyproject()["project"]["requires-python"]
    assert conda["python"].startswith("="), "environment.yml must pin python=X.Y for Binder"
    assert conda["python"].lstrip("=") + ".0" in SpecifierSet(requires)


def test_environment_installs_the_project_itself():
    _, pip = _conda_dependencies()
    assert pip == ["-e ."], "Binder must install the project (pip: [-e .]) so `import utils` works"


def test_demo_extra_matches_environment_yml():
    """Voila is in environment.yml so the demo works on Binder; it must match the demo extra."""
    demo = dict(_split(r) for r in _pyproject()["project"]["optional-dependencies"]["demo"])
    conda, _ = _conda_dependencies()
    assert conda["voila"] == demo["voila"]


def test_lock_file_pins_every_runtime_dependency_exactly():
    lock = (ROOT / "requirements" / "constraints.txt").read_text(encoding="utf-8")
    pinned = dict(
        line.split("==", 1)
        for line in lock.splitlines()
        if "==" in line and not line.startswith("#")
    )
    pinned = {k.lower().replace("_", "-"): v for k, v in pinned.items()}
    for requirement in _pyproject()["project"]["dependencies"]:
        name, spec = _split(requirement)
        assert name in pinned, f"{name} is not pinned in requirements/constraints.txt"
        assert pinned[name] in SpecifierSet(spec), f"{name}=={pinned[name]} violates {spec!r}"


#: Packages whose internals or output formats the lessons and tests rely on (figure pixels,
#: dtypes, widget and notebook formats): each carries an upper bound just above the minor
#: series of the locked version, so `make lock` cannot jump to an untested release.
BOUNDED = ("matplotlib", "pandas", "ipywidgets", "jupyterlab", "numpy", "nbval", "voila",
           "nbconvert", "frictionless")  # fmt: skip


def _all_pyproject_specs() -> dict[str, list[str]]:
    project = _pyproject()["project"]
    groups = [project["dependencies"], *project["optional-dependencies"].values()]
    specs: dict[str, list[str]] = {}
    for group in groups:
        for requirement in group:
            name, spec = _split(requirement)
            specs.setdefault(name, []).append(spec)
    return specs


def _locked() -> dict[str, str]:
    lock = (ROOT / "requirements" / "constraints.txt").read_text(encoding="utf-8")
    pairs = (line.split("==", 1) for line in lock.splitlines() if "==" in line)
    return {k.lower().replace("_", "-"): v.strip() for k, v in pairs if not k.startswith("#")}


def test_packages_we_rely_on_have_an_upper_bound_just_above_the_locked_minor():
    specs, locked = _all_pyproject_specs(), _locked()
    for name in BOUNDED:
        assert name in specs, f"{name} is not in pyproject.toml"
        assert len(set(specs[name])) == 1, f"{name} has different bounds: {specs[name]}"
        spec = SpecifierSet(specs[name][0])
        uppers = [s for s in spec if s.operator == "<"]
        assert len(uppers) == 1, f"{name}: one upper bound '<X.Y' expected in {spec}"
        major, minor = (int(p) for p in locked[name].split(".")[:2])
        assert uppers[0].version == f"{major}.{minor + 1}", (
            f"{name}=={locked[name]} is locked, so the bound should be <{major}.{minor + 1}, "
            f"not {uppers[0]}"
        )
        assert locked[name] in spec, f"{name}=={locked[name]} violates {spec}"


def test_every_package_in_both_files_has_identical_bounds():
    specs = _all_pyproject_specs()
    conda, _ = _conda_dependencies()
    shared = sorted(set(conda) & set(specs))
    assert {"matplotlib", "pandas", "ipywidgets", "jupyterlab", "numpy", "voila"} <= set(shared)
    for name in shared:
        for spec in specs[name]:
            assert conda[name] == spec, f"{name}: pyproject {spec!r}, conda {conda[name]!r}"


def test_every_package_a_test_imports_is_installed_by_make_test():
    """Top-level imports of tests/ must come from the standard library, the project or a
    requirement of pyproject (directly or as a documented dependency of one)."""
    import ast
    import sys

    installed_by = {"PIL": "pillow", "yaml": "pyyaml"}
    specs = _all_pyproject_specs()
    local = {p.stem for p in (ROOT / "tests").rglob("*.py")} | {"utils", "tests"}
    for path in (ROOT / "tests").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module.split(".")[0]]
            else:
                continue
            for module in modules:
                if module in sys.stdlib_module_names or module in local:
                    continue
                package = installed_by.get(module, module.replace("_", "-").lower())
                assert package in specs, f"{path.name} imports {module}, not in pyproject.toml"
