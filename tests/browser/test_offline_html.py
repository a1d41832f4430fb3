"""The offline HTML edition shows live controls with every network request blocked."""

from __future__ import annotations

import pytest
from notebooks_common import NOTEBOOK_DIR

from utils.notebook_tools import html_edition

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("offline-html")]


def test_offline_html_renders_widgets_without_network(browser, tmp_path):
    (page_path,) = html_edition([NOTEBOOK_DIR / "00_start_here.ipynb"], tmp_path)
    html = page_path.read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-state+json" in html, "widget state is not embedded"
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html

    context = browser.new_context()
    blocked: list[str] = []

    def only_local(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    try:
        page.goto(page_path.as_uri())
        page.wait_for_selector(".widget-slider, .widget-dropdown, .widget-checkbox", timeout=60_000)
        assert page.locator(".widget-output img, .jupyter-widgets-output-area img").count() >= 1
        assert "Error displaying widget" not in page.locator("body").inner_text()
    finally:
        context.close()
    assert not [u for u in blocked if "embed-amd" in u or "require" in u], blocked
