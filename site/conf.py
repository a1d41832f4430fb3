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
myst_update_mathjax = False  # keep MathJax 2 config below (myst would add a v3 one)
# Glossary anchors are HTML ids (<a id="hhi"></a>, so they also work in JupyterLab); MyST
# cannot see them and warns, but the links work: the browser test checks every fragment.
suppress_warnings = ["myst.header", "myst.xref_missing"]

html_theme = "sphinx_book_theme"
html_title = COURSE["title"]
# MathJax from the jupyter-server-mathjax package (MathJax 2.7), copied into the site, so
# formulas render with no network (Sphinx would load MathJax from a CDN).
import jupyter_server_mathjax  # noqa: E402

html_static_path = [str(Path(jupyter_server_mathjax.__file__).parent / "static")]
html_extra_path = ["_root"]  # build/site/index.html: a link to the home page, site/index.html
mathjax_path = "MathJax.js?config=TeX-AMS-MML_HTMLorMML-full"
mathjax3_config = None
# The package ships the STIX-Web fonts only (as Jupyter's own classic pages use them).
mathjax2_config = {
    "tex2jax": {"inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"]]},
    "HTML-CSS": {"availableFonts": [], "webFont": "STIX-Web", "imageFont": None},
}
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
