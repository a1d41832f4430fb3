"""The course website works offline: every lesson page, its figures, the table of contents,
search, and every internal link, with every request beyond loopback blocked.

The site is built once per session into a scratch folder (``sphinx-build``, as ``make site``
does) and served by ``python -m http.server`` on a free loopback port.
"""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import urljoin, urlparse

import pytest
from conftest import BIN, ROOT, serve
from notebooks_common import NOTEBOOKS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("site")]
#: ``python -m http.server`` bound to loopback, taking ``--port=N`` as ``serve`` passes it.
STATIC_SERVER = (
    "import sys, http.server\n"
    "port = int(sys.argv[1].split('=')[1])\n"
    "http.server.test(http.server.SimpleHTTPRequestHandler, port=port, bind='127.0.0.1')"
)


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    build = [str(BIN / "sphinx-build"), "-b", "html", "-q", "-W", "-c", "site", ".", str(out)]
    subprocess.run(build, cwd=ROOT, check=True, capture_output=True)
    with serve([sys.executable, "-c", STATIC_SERVER], out, "/") as url:
        yield url


@pytest.fixture
def offline_page(page):
    """The page fixture with every non-loopback request aborted and recorded."""
    blocked: list[str] = []

    def route(r):
        host = urlparse(r.request.url).hostname or ""
        if r.request.url.startswith("data:") or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.context.route("**/*", route)
    page.blocked = blocked
    return page


def test_every_lesson_page_has_its_figures_and_the_table_of_contents(offline_page, site_url):
    page = offline_page
    page.goto(f"{site_url}/")  # the root page leads to the home page
    page.wait_for_url("**/site/index.html")
    toc = page.locator("nav.bd-links a")
    titles = [toc.nth(i).inner_text() for i in range(toc.count())]
    assert sum(t.startswith("Lesson") for t in titles) >= len(NOTEBOOKS) - 1, titles
    for notebook in NOTEBOOKS:
        page.goto(f"{site_url}/notebooks/{notebook.stem}.html")
        assert page.locator("h1").first.inner_text(), notebook.name
        figures = page.locator("img[src*='_images']")
        assert figures.count() >= 1, f"{notebook.name}: no figure on the page"
        assert all(
            figures.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
            for i in range(figures.count())
        ), f"{notebook.name}: a figure did not load"
        assert page.locator("nav.bd-links").count() == 1
        if page.locator("span.math").count():  # formulas are typeset by the bundled MathJax
            page.wait_for_selector(".MathJax", timeout=30_000)
    assert not page.blocked, f"requests beyond loopback: {page.blocked[:5]}"


def test_search_finds_a_lesson(offline_page, site_url):
    page = offline_page
    page.goto(f"{site_url}/search.html?q=pipeline")
    page.wait_for_selector("ul.search li", timeout=30_000)
    hits = page.locator("ul.search li a").all_inner_texts()
    assert any("Lesson" in hit for hit in hits), hits
    assert not page.blocked, f"requests beyond loopback: {page.blocked[:5]}"


def test_no_broken_internal_link(offline_page, site_url):
    """Crawl every page reachable from the home page (HTTP only; pages were rendered above);
    every link must load and every #fragment must name an id on its page."""
    page = offline_page
    to_visit, seen, broken, pages = [f"{site_url}/site/index.html"], set(), [], {}
    fragments: set[tuple[str, str]] = set()
    while to_visit:
        url = to_visit.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.request.get(url)
        if response.status != 200:
            broken.append(url)
            continue
        if url.endswith(".html"):
            pages[url] = response.text()
            for href in re.findall(r'href="([^"]*)"', pages[url]):
                target, _, fragment = urljoin(url, href).partition("#")
                if not target.startswith(site_url):
                    continue
                if fragment and target.endswith(".html"):
                    fragments.add((target, fragment))
                if target not in seen:
                    to_visit.append(target)
    missing = [
        f"{target}#{fragment}"
        for target, fragment in sorted(fragments)
        if target in pages and f'id="{fragment}"' not in pages[target]
    ]
    assert not broken, f"broken internal links: {broken}"
    assert not missing, f"links to missing anchors: {missing[:10]}"
    assert len(seen) > len(NOTEBOOKS), "the crawl should reach every lesson"
