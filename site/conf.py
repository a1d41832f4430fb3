"""Sphinx configuration of the course website (``make site`` -> build/site/).

The site is built from the notebooks as stored (their outputs are checked by nbval), so nothing
is executed here. Where the course is published is read from ``course.toml``.
Build: ``sphinx-build -b html -c site . build/site``.
"""

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
COURSE = tomllib.loads((ROOT / "course.toml").read_text(encoding="utf-8"))["course"]

project = COURSE["title"]
author = "Russia-China Dependence Lab contributors"
copyright = "lessons CC BY 4.0, code MIT"  # noqa: A001 (Sphinx's name)
extensions = ["myst_nb"]
root_doc = "site/index"
include_patterns = [
    "site/index.md",
    "notebooks/[0-9][0-9]_*.ipynb",
    "notebooks/glossary.md",
    "INSTRUCTORS.md",
    "LICENSE-CONTENT.md",
    "docs/instructors/*.md",
]
exclude_patterns = ["build", ".venv", "**/.ipynb_checkpoints"]

# Notebooks are shown as stored; never executed here. No widget JavaScript from a CDN: the
# widget outputs are stored as text, and the static figure above each widget is an image.
nb_execution_mode = "off"
nb_ipywidgets_js = {}
nb_output_stderr = "remove"
myst_enable_extensions = ["dollarmath", "colon_fence"]
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]

html_theme = "sphinx_book_theme"
html_title = COURSE["title"]
html_static_path = []
html_theme_options = {
    "repository_url": COURSE["repository_url"],
    "repository_branch": COURSE["branch"],
    "path_to_docs": "",
    "use_repository_button": True,
    "launch_buttons": {
        "binderhub_url": COURSE["binderhub_url"],
        "jupyterhub_url": COURSE["jupyterhub_url"],
        "notebook_interface": "jupyterlab",
    },
    "show_toc_level": 2,
}
# Pages must work with no network: no external fonts or analytics.
html_theme_options["analytics"] = {}
