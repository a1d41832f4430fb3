"""Offline HTML edition: lessons as static pages whose widgets render with no network at all.

nbconvert's HTML embeds the widget state, but by default loads require.js and the widget
html-manager from public CDNs, so a page opened in a classroom without internet shows no
widgets. Here both scripts are shipped next to the pages in ``_static/``: require.js from the
Voila installation, and ``@jupyter-widgets/html-manager`` from the npm registry at a pinned
version whose integrity hash is checked before use.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import nbformat

HTML_MANAGER_VERSION = "1.0.15"
HTML_MANAGER_INTEGRITY = (
    "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/"
    "c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA=="
)
STATIC = "_static"
CACHE = Path(__file__).resolve().parents[1] / "build" / ".cache"
# Fonts the html-manager stylesheet refers to (icons); .svg/.eot/.ttf fallbacks are not needed.
ASSET_SUFFIXES = (".woff2", ".woff")


def _integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def html_manager_dist(cache: Path = CACHE) -> Path:
    """Return the unpacked ``dist/`` of the pinned html-manager, fetching it once with npm."""
    cache.mkdir(parents=True, exist_ok=True)
    tarball = cache / f"jupyter-widgets-html-manager-{HTML_MANAGER_VERSION}.tgz"
    if not tarball.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError(
                "npm is needed once to fetch @jupyter-widgets/html-manager for the offline HTML "
                "edition; install Node.js/npm or copy the tarball into " + str(cache)
            )
        subprocess.run(
            [npm, "pack", f"@jupyter-widgets/html-manager@{HTML_MANAGER_VERSION}", "--silent"],
            cwd=cache,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if _integrity(tarball) != HTML_MANAGER_INTEGRITY:
        tarball.unlink()
        raise RuntimeError(f"{tarball.name} failed its integrity check; it was removed, run again")
    target = cache / f"html-manager-{HTML_MANAGER_VERSION}"
    if not (target / "dist" / "embed-amd.js").exists():
        with tarfile.open(tarball) as archive:
            members = [m for m in archive.getmembers() if m.name.startswith("package/dist/")]
            for member in members:
                member.name = member.name.removeprefix("package/")
            archive.extractall(target, members=members, filter="data")
    return target / "dist"


def require_js() -> Path:
    """require.js as shipped with Voila, so no CDN is needed."""
    path = Path(sys.prefix) / "share" / "jupyter" / "voila" / "templates" / "base" / "static"
    path = path / "require.min.js"
    if not path.exists():
        raise RuntimeError(f"require.min.js not found at {path}; install the `demo` extra (voila)")
    return path


def prepare_assets(out: Path) -> Path:
    """Copy require.js, the html-manager and its fonts into ``out/_static``."""
    static = out / STATIC
    static.mkdir(parents=True, exist_ok=True)
    shutil.copy2(require_js(), static / "require.min.js")
    dist = html_manager_dist()
    shutil.copy2(dist / "embed-amd.js", static / "embed-amd.js")
    for font in dist.iterdir():
        if font.suffix in ASSET_SUFFIXES:
            shutil.copy2(font, static / font.name)
    return static


def export_html(nb: nbformat.NotebookNode, target: Path) -> Path:
    """Write ``nb`` (executed, with widget state) as a page that needs nothing but ``_static``."""
    from nbconvert import HTMLExporter

    prepare_assets(target.parent)
    exporter = HTMLExporter(
        template_name="lab",
        require_js_url=f"{STATIC}/require.min.js",
        widget_renderer_url=f"{STATIC}/embed-amd.js",
        mathjax_url=f"{STATIC}/no-mathjax.js",
    )
    body, _ = exporter.from_notebook_node(nb)
    target.write_text(body, encoding="utf-8")
    return target
