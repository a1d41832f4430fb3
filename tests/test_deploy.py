"""The class deployment: Zero to JupyterHub values valid for the chart, sized from the
measured class, and every launch link read from the one publishing setting (course.toml)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from utils import course

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "deploy" / "config.yaml").read_text(encoding="utf-8"))
SCHEMA = json.loads((ROOT / "deploy" / "z2jh-4.4.0.values.schema.json").read_text())
#: The chart's own defaults: helm validates them merged with the user's values.
DEFAULTS = yaml.safe_load((ROOT / "deploy" / "z2jh-4.4.0.values.yaml").read_text())
CLASS = json.loads((ROOT / "docs" / "class_test.json").read_text(encoding="utf-8"))
UNITS = {"K": 1e-3, "M": 1, "G": 1e3, "Ki": 1024 / 1e6, "Mi": 1.048576, "Gi": 1073.741824}


def megabytes(quantity: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)([KMG]i?)", quantity).groups()
    return float(number) * UNITS[unit]


def merged(defaults: dict, values: dict) -> dict:
    """Helm's merge of user values over the chart's defaults (dictionaries merge, rest replace)."""
    out = dict(defaults)
    for key, value in values.items():
        both = isinstance(value, dict) and isinstance(defaults.get(key), dict)
        out[key] = merged(defaults[key], value) if both else value
    return out


def test_config_is_valid_for_the_chart():
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    errors = sorted(validator.iter_errors(merged(DEFAULTS, CONFIG)), key=str)
    assert not errors, [e.message for e in errors]
    broken = merged(DEFAULTS, {**CONFIG, "cull": {"enabled": "yes", "every": "often"}})
    assert list(validator.iter_errors(broken)), "the schema must reject a wrong type"
    typo = merged(DEFAULTS, {**CONFIG, "singleuser": {**CONFIG["singleuser"], "memroy": {}}})
    assert list(validator.iter_errors(typo)), "the schema must reject an unknown key"


def test_memory_comes_from_the_measured_class():
    assert CLASS["students"] >= 5 and not CLASS["errors"]
    peak = max(row["memory_mb"] for row in CLASS["rows"])  # server + kernel, PSS
    memory = CONFIG["singleuser"]["memory"]
    guarantee, limit = megabytes(memory["guarantee"]), megabytes(memory["limit"])
    assert peak <= guarantee <= 1.5 * peak, (peak, guarantee)
    assert limit >= 2 * peak, "room for a second lesson kernel"


def test_idle_servers_are_culled_and_the_image_is_this_repository():
    assert CONFIG["cull"]["enabled"] and CONFIG["cull"]["timeout"] <= 4 * 3600
    repo = course.settings()["repository_url"].rstrip("/").split("/")[-1]
    assert CONFIG["singleuser"]["image"]["name"].endswith("/" + repo)


def test_readme_badge_and_site_read_course_toml():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert course.badge() in readme, "run python -m utils.course after editing course.toml"
    conf = (ROOT / "site" / "conf.py").read_text(encoding="utf-8")
    assert 'COURSE["repository_url"]' in conf and 'COURSE["jupyterhub_url"]' in conf


@pytest.mark.parametrize("notebook", ["notebooks/04_pipelines_and_leverage.ipynb"])
def test_nbgitpuller_link_opens_the_lesson(notebook):
    link = course.nbgitpuller_url(notebook)
    s = course.settings()
    assert link.startswith(s["jupyterhub_url"] + "/hub/user-redirect/git-pull?")
    assert "urlpath=lab%2Ftree%2Frussia-china-dependence-lab%2Fnotebooks%2F04_" in link
    assert "repo=https%3A%2F%2Fgithub.com%2F" in link and f"branch={s['branch']}" in link


def test_links_command_rewrites_the_badge_from_course_toml(tmp_path, monkeypatch, capsys):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "04_x.ipynb").write_text("{}")
    (tmp_path / "course.toml").write_text(
        (ROOT / "course.toml").read_text().replace("russia-china-dependence-lab/", "someone/")
    )
    (tmp_path / "README.md").write_text(
        "[![Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/v2/gh/old/old/HEAD)"
    )
    monkeypatch.setattr(course, "ROOT", tmp_path)
    assert course.main() == 0
    assert "gh/someone/russia-china-dependence-lab/main" in (tmp_path / "README.md").read_text()
    assert "04_x: https://hub.example.edu/hub/user-redirect/git-pull?" in capsys.readouterr().out
    toml = (tmp_path / "course.toml").read_text()
    (tmp_path / "course.toml").write_text(
        toml.replace("https://github.com/", "https://gitlab.com/")
    )
    with pytest.raises(ValueError, match="github.com"):
        course.binder_url()
