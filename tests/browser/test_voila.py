"""Every lesson renders in Voila, and every control visibly changes what it drives."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from notebooks_common import NOTEBOOKS

# What a reader sees change: figure images, HTML captions/messages and text in output areas.
# An image counts by the length and the last 120 characters of its base64 PNG: they hold the
# zlib stream's Adler-32 of every pixel, so any changed pixel changes them. (Comparing whole
# data URLs on every animation frame cost Chromium more CPU than drawing the pages.)
SIGNATURE_JS = """() => Array.from(document.querySelectorAll(
    '.widget-output img, .jupyter-widgets-output-area img, .widget-html-content, '
    + '.widget-output pre')).map(e => e.src ? e.src.length + e.src.slice(-120) : e.textContent)
    .join('\\u241e')"""
CONTROL_SELECTORS = {
    "slider": ".widget-slider .noUi-handle",
    "dropdown": ".widget-dropdown select",
    "checkbox": ".widget-checkbox input[type=checkbox]",
    "toggle_buttons": ".widget-toggle-buttons",
    "toggle_button": "button.widget-toggle-button",
    "select_multiple": ".widget-select-multiple select",
}
RENDER_TIMEOUT_MS = 120_000
#: ``make bench`` sets this to a file: each control's change-to-visible-change time is appended
#: there (one JSON object per line) so the benchmark reports the browser-side p95.
LATENCY_LOG = os.environ.get("BENCH_BROWSER_LATENCY_LOG")
pytestmark = pytest.mark.browser


def _open(page, base_url: str, name: str) -> None:
    page.goto(f"{base_url}/voila/render/{name}", timeout=RENDER_TIMEOUT_MS)
    page.wait_for_load_state("networkidle", timeout=RENDER_TIMEOUT_MS)
    page.wait_for_selector(".jp-OutputArea, .jp-Cell", timeout=RENDER_TIMEOUT_MS)
    page.wait_for_function(
        "() => document.querySelectorAll('.widget-label, .widget-html, .widget-output').length > 0",
        timeout=RENDER_TIMEOUT_MS,
    )


def _assert_clean(page, name: str) -> None:
    body = page.locator("body").inner_text()
    assert "Error displaying widget" not in body, f"{name}: a widget failed to display"
    assert "Traceback" not in body, f"{name}: a cell raised an error"
    assert "There was an error when executing cell" not in body, f"{name}: Voila cell error"


def _change(page, kind: str, control) -> str:
    """Change one control once and describe what was done."""
    if kind == "slider":
        # Move to the maximum, or to the minimum if the slider already sits at its maximum.
        control.focus()
        at_max = control.get_attribute("aria-valuenow") == control.get_attribute("aria-valuemax")
        page.keyboard.press("Home" if at_max else "End")
        return "slider moved to " + ("minimum" if at_max else "maximum")
    if kind == "dropdown":
        options = control.locator("option")
        count = options.count()
        current = control.evaluate("e => e.selectedIndex")
        control.select_option(index=(current + 1) % count)
        return f"dropdown option {(current + 1) % count}"
    if kind == "checkbox":
        control.click()
        return "checkbox toggled"
    if kind == "toggle_buttons":
        buttons = control.locator("button")
        for i in range(buttons.count()):
            if "mod-active" not in (buttons.nth(i).get_attribute("class") or ""):
                buttons.nth(i).click()
                return f"toggle button {i}"
        raise AssertionError("toggle buttons with no inactive option")
    if kind == "toggle_button":
        control.click()
        return "toggle button pressed"
    if kind == "select_multiple":
        count = control.locator("option").count()
        chosen = control.evaluate("e => Array.from(e.selectedOptions).map(o => o.index)")
        new = [i for i in range(count) if i not in chosen][:1] + chosen[:1]
        control.select_option(index=new)
        return f"selection {new}"
    raise AssertionError(kind)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_lesson_renders_and_every_control_works(page, voila_url, notebook):
    _open(page, voila_url, notebook.name)
    _assert_clean(page, notebook.name)
    changed = 0
    for kind, selector in CONTROL_SELECTORS.items():
        controls = page.locator(selector)
        for i in range(controls.count()):
            control = controls.nth(i)
            if not control.is_visible():
                continue
            control.scroll_into_view_if_needed()
            before = page.evaluate(SIGNATURE_JS)
            started = time.perf_counter()
            action = _change(page, kind, control)
            try:
                page.wait_for_function(
                    f"before => ({SIGNATURE_JS})() !== before", arg=before, timeout=15_000
                )
            except Exception as exc:  # re-raise with the control named
                raise AssertionError(
                    f"{notebook.name}: {kind} #{i} ({action}) changed nothing"
                ) from exc
            _log_latency(notebook.name, f"{kind} #{i}", time.perf_counter() - started)
            changed += 1
    assert changed >= 1, f"{notebook.name}: found no interactive control"
    _assert_clean(page, notebook.name)


def _log_latency(notebook: str, control: str, seconds: float) -> None:
    if LATENCY_LOG:
        with Path(LATENCY_LOG).open("a", encoding="utf-8") as log:
            log.write(json.dumps({"notebook": notebook, "control": control, "ms": seconds * 1e3}))
            log.write("\n")
