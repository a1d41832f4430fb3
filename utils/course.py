"""Where the course is published, from ``course.toml``: Binder and nbgitpuller links.

Whoever publishes the repository edits ``course.toml`` and runs ``python -m utils.course``,
which rewrites the Binder badge in ``README.md`` and prints one nbgitpuller link per lesson
for the JupyterHub in ``course.toml``. The website's launch buttons read the same file
(``site/conf.py``); ``tests/test_deploy.py`` checks they all agree.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
BADGE = re.compile(r"\[!\[Binder\]\(https://mybinder\.org/badge_logo\.svg\)\]\([^)]*\)")


def settings() -> dict:
    return tomllib.loads((ROOT / "course.toml").read_text(encoding="utf-8"))["course"]


def _github_path() -> str:
    url = settings()["repository_url"].rstrip("/")
    if not url.startswith("https://github.com/"):
        raise ValueError(f"repository_url must be a https://github.com/ URL, got {url!r}")
    return url.removeprefix("https://github.com/")


def binder_url(notebook: str = "notebooks/00_start_here.ipynb") -> str:
    s = settings()
    hub = s["binderhub_url"].rstrip("/")
    return f"{hub}/v2/gh/{_github_path()}/{s['branch']}?urlpath={quote('lab/tree/' + notebook)}"


def nbgitpuller_url(notebook: str) -> str:
    """A link that clones (or updates) the repository on the JupyterHub and opens ``notebook``."""
    s = settings()
    folder = _github_path().split("/")[-1]
    query = urlencode(
        {
            "repo": s["repository_url"],
            "branch": s["branch"],
            "urlpath": f"lab/tree/{folder}/{notebook}",
        }  # fmt: skip
    )
    return f"{s['jupyterhub_url'].rstrip('/')}/hub/user-redirect/git-pull?{query}"


def badge() -> str:
    return f"[![Binder](https://mybinder.org/badge_logo.svg)]({binder_url()})"


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(BADGE.sub(badge(), text), encoding="utf-8")
    print("README badge:", badge())
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        print(f"{path.stem}: {nbgitpuller_url('notebooks/' + path.name)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
