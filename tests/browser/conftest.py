"""Real-browser fixtures: Voila and JupyterLab on free loopback ports, and Debian's Chromium.

Servers are started as subprocesses and always stopped by PID, even when a test fails. On failure a
screenshot and the browser console log are saved under ``test-artifacts/`` (ignored by git).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"server exited early with code {proc.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (loopback only)
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"server at {url} did not answer within {timeout} s")


def stop(proc: subprocess.Popen) -> None:
    """Stop the server and its kernels: they share its process group."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)


def _server_env() -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED="0", JUPYTER_PREFER_ENV_PATH="1")
    env.pop("MPLBACKEND", None)
    return env


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: `apt-get install chromium` (.ci/run does it)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@contextlib.contextmanager
def serve(command: list[str], root: Path, ready_path: str):
    """Run a server in its own process group, wait until ``ready_path`` answers, always stop it."""
    port = free_port()
    log_path = root / "server.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [*command, f"--port={port}"],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=_server_env(),
            start_new_session=True,
        )
        try:
            wait_for_http(f"http://127.0.0.1:{port}{ready_path}", proc, log_path)
            yield f"http://127.0.0.1:{port}"
        finally:
            stop(proc)


@pytest.fixture(scope="session")
def voila_url(tmp_path_factory):
    """A Voila server over a scratch copy of notebooks/, so nothing in the repo is touched."""
    root = tmp_path_factory.mktemp("voila")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    command = [
        str(BIN / "voila"),
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        "--VoilaConfiguration.http_keep_alive_timeout=60",
        str(root / "notebooks"),
    ]
    with serve(command, root, "/") as url:
        yield url


@pytest.fixture(scope="session")
def lab_url(tmp_path_factory):
    """A JupyterLab server (token on) over a scratch copy of notebooks/."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    # Render every cell (no windowing), so the test sees all prompts, and skip the news prompt.
    settings = root / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    token = "browser-test-token"
    command = [
        str(BIN / "jupyter"),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={root / 'settings'}",
        f"--LabApp.workspaces_dir={root / 'workspaces'}",
        "--LabApp.news_url=None",
        *(["--allow-root"] if os.geteuid() == 0 else []),
        "--LabServerApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    with serve(command, root, f"/api/status?token={token}") as url:
        yield url, token


@pytest.fixture
def page(browser, request):
    """A fresh page whose console log and screenshot are kept when the test fails."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    console: list[str] = []
    pg.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
    pg.on("pageerror", lambda exc: console.append(f"pageerror: {exc}"))
    yield pg
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = request.node.name.replace("/", "_").replace("[", "_").replace("]", "")
        try:
            pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception:  # the page may be gone; the log still helps
            pass
        (ARTIFACTS / f"{name}.console.log").write_text("\n".join(console), encoding="utf-8")
    context.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)
