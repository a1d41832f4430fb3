"""JupyterLab 4: clear and re-run the start notebook and the scenario lab, then drive a slider."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("lab")]
RUN_TIMEOUT_MS = 180_000
NO_OUTPUTS_JS = "() => document.querySelectorAll('.jp-Notebook .jp-OutputArea-output').length === 0"
IMAGES_JS = (
    "() => Array.from(document.querySelectorAll('.jp-OutputArea-output img'))"
    ".map(i => i.src.length + i.src.slice(-120))"  # length and Adler-32: see test_voila.py
)


def _menu(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{menu}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}")).first.click()


def _open_notebook(page, base: str, token: str, name: str) -> None:
    # A fresh workspace per notebook: otherwise JupyterLab restores the tabs of earlier tests,
    # and their (hidden) outputs would confuse the checks below.
    workspace = name.removesuffix(".ipynb")
    url = f"{base}/lab/workspaces/{workspace}/tree/notebooks/{name}?reset&token={token}"
    page.goto(url, timeout=RUN_TIMEOUT_MS)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=RUN_TIMEOUT_MS)
    # Wait for the kernel to be ready before driving the menus.
    page.wait_for_function(
        "() => document.querySelector('.jp-Notebook-ExecutionIndicator, .jp-KernelStatus')",
        timeout=RUN_TIMEOUT_MS,
    )


def _clear_and_run_all(page) -> None:
    # On a busy machine the first click can land before the notebook panel is ready: retry.
    for attempt in range(3):
        _menu(page, "Edit", "Clear Outputs of All Cells")
        try:
            page.wait_for_function(NO_OUTPUTS_JS, timeout=20_000)
            break
        except Exception:
            if attempt == 2:
                raise
    # The notebook's kernel has just started: wait until it is idle, then run every cell.
    # (Restarting a kernel that is still starting can hang JupyterLab's reconnect, seen in CI.)
    page.wait_for_function(
        "() => /\\|\\s*Idle/.test(document.getElementById('jp-main-statusbar')?.innerText || '')",
        timeout=RUN_TIMEOUT_MS,
        polling=100,
    )
    _menu(page, "Run", "Run All Cells")
    page.wait_for_function(
        """() => {
            // A folded solution cell shows a placeholder instead of its numbered prompt.
            const prompts = Array.from(document.querySelectorAll('.jp-CodeCell'))
                .filter(c => !c.querySelector('.jp-InputPlaceholder'))
                .map(c => c.querySelector('.jp-InputPrompt'));
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=RUN_TIMEOUT_MS,
        polling=100,  # a run takes seconds: no need to look on every animation frame
    )


def _assert_no_errors(page) -> None:
    assert (
        page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        ).count()
        == 0
    )
    body = page.locator(".jp-Notebook").inner_text()
    assert "Error displaying widget" not in body
    assert "Traceback" not in body


@pytest.mark.parametrize("name", ["00_start_here.ipynb", "07_scenario_lab.ipynb"])
def test_clear_run_all_and_move_a_slider(page, lab_url, name):
    base, token = lab_url
    _open_notebook(page, base, token, name)
    _clear_and_run_all(page)
    _assert_no_errors(page)
    page.wait_for_selector(".widget-slider .noUi-handle", timeout=60_000)
    before = page.evaluate(IMAGES_JS)
    assert before, "the re-run notebook shows no figure"
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    page.keyboard.press("End")
    page.wait_for_function(
        f"before => JSON.stringify(({IMAGES_JS})()) !== JSON.stringify(before)",
        arg=before,
        timeout=30_000,
    )
