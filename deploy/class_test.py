"""Run a simulated class on a real JupyterHub, on this machine, and measure it.

``make class-test`` (or ``python deploy/class_test.py --students 5 --lesson 04``) starts
JupyterHub 6 with configurable-http-proxy on free loopback ports, the dummy authenticator and
``SimpleLocalProcessSpawner`` (each student a process of this machine, in a scratch home).
Then every student, at the same time, as a browser would:

1. logs in through the hub's login form and starts a server (spawn time);
2. opens the lesson through the Jupyter REST API and runs every code cell in a kernel over
   the kernel websocket (run time), waiting for both the execute reply and the idle status;
3. builds the lesson's widget in that kernel and changes each of its controls (p95 latency);
4. is measured: memory (PSS, so shared libraries count once) of the student's server plus
   kernel, sampled every 0.5 s; the class-wide peak is the highest sum over all students.

Everything is stopped by PID at the end, also on failure. The report (a Markdown table and
the node sizing derived from it) is printed and written to ``--out``.

Why not only a single-kernel memory figure: a class also pays for a Jupyter server per
student and for several students running cells at the same moment.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import psutil
import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HUB_NODE = ROOT / "build" / "hub"
CHP = HUB_NODE / "node_modules" / ".bin" / "configurable-http-proxy"
#: Memory kept free on a node for the system, the hub and the proxy (GiB), and headroom per
#: student above the measured peak (a student may open a second lesson or re-run cells).
NODE_RESERVED_GIB = 1.0
HEADROOM = 1.5

CONFIG = """
c = get_config()  # noqa: F821
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.JupyterHub.db_url = "sqlite:///{state}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{state}/cookie_secret"
c.JupyterHub.pid_file = "{state}/hub.pid"
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = "{state}/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.default_url = "/lab"
c.Spawner.args = {root_args!r}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {{"PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}}


def copy_lessons(spawner):
    import shutil
    from pathlib import Path

    home = Path("{state}") / "home" / spawner.user.name
    if not (home / "notebooks").exists():
        shutil.copytree({notebooks!r}, home / "notebooks")


c.Spawner.pre_spawn_hook = copy_lessons
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_proxy() -> Path:
    """configurable-http-proxy from the npm registry, installed once under build/hub/."""
    if not CHP.exists():
        HUB_NODE.mkdir(parents=True, exist_ok=True)
        command = ["npm", "install", "--no-audit", "--no-fund", "configurable-http-proxy@5"]
        subprocess.run(command, cwd=HUB_NODE, check=True, capture_output=True)
    return CHP


@contextlib.contextmanager
def hub(state: Path):
    """A running JupyterHub on free loopback ports; stopped with all its children by PID."""
    port = free_port()
    config = CONFIG.format(
        port=port,
        hub_port=free_port(),
        proxy_api_port=free_port(),
        chp=str(ensure_proxy()),
        state=state,
        singleuser=str(BIN / "jupyterhub-singleuser"),
        notebooks=str(ROOT / "notebooks"),
        root_args=["--allow-root"] if os.geteuid() == 0 else [],  # e.g. in a CI container
    )
    (state / "home").mkdir(parents=True)
    (state / "jupyterhub_config.py").write_text(config, encoding="utf-8")
    log = open(state / "hub.log", "w")  # noqa: SIM115 (closed in finally)
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    proc = subprocess.Popen(
        [str(BIN / "jupyterhub"), "-f", str(state / "jupyterhub_config.py")],
        cwd=state, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"hub exited: {(state / 'hub.log').read_text()[-2000:]}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{url}/hub/api", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise TimeoutError("JupyterHub did not start within 90 s")
            time.sleep(0.5)
        yield url, proc.pid
    finally:
        stop_tree(proc.pid)
        log.close()


def stop_tree(pid: int) -> None:
    """Stop a process and every descendant (single-user servers run in their own sessions)."""
    try:
        parent = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    family = [*parent.children(recursive=True), parent]
    for proc in family:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.send_signal(signal.SIGTERM)
    _, alive = psutil.wait_procs(family, timeout=15)
    for proc in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.kill()


# ----------------------------------------------------------------------------- a student
class Student:
    def __init__(self, url: str, name: str) -> None:
        self.url, self.name = url, name
        self.http = requests.Session()
        self.result: dict = {"student": name}

    def _xsrf(self) -> dict:
        return {"X-XSRFToken": self.http.cookies.get("_xsrf", path="/hub/") or ""}

    def login_and_spawn(self) -> None:
        self.http.get(f"{self.url}/hub/login", timeout=30)
        form = {"username": self.name, "password": "class", "_xsrf": self._xsrf()["X-XSRFToken"]}
        # next=/hub/home: log in without the hub starting the server on the redirect, so the
        # spawn below is timed on its own.
        login = f"{self.url}/hub/login?next=%2Fhub%2Fhome"
        response = self.http.post(login, data=form, timeout=60)
        response.raise_for_status()
        started = time.perf_counter()
        api = f"{self.url}/hub/api/users/{self.name}"
        self.http.post(f"{api}/server", headers=self._xsrf(), timeout=120).raise_for_status()
        while not self.http.get(api, timeout=30).json().get("servers", {}).get("", {}).get("ready"):
            if time.perf_counter() - started > 120:
                raise TimeoutError(f"{self.name}: server not ready after 120 s")
            time.sleep(0.2)
        self.result["spawn_s"] = time.perf_counter() - started
        token = self.http.post(f"{api}/tokens", headers=self._xsrf(), json={"note": "class"})
        token.raise_for_status()
        self.token = token.json()["token"]
        self.server = f"{self.url}/user/{self.name}"

    def _api(self, method: str, path: str, **kwargs):
        headers = {"Authorization": f"token {self.token}"}
        response = self.http.request(method, f"{self.server}/api/{path}", headers=headers,
                                     timeout=60, **kwargs)  # fmt: skip
        response.raise_for_status()
        return response.json()

    async def run_lesson(self, notebook: str, widget_code: str) -> None:
        model = self._api("GET", f"contents/notebooks/{notebook}")
        path = f"notebooks/{notebook}"
        body = {"path": path, "type": "notebook", "kernel": {"name": "python3"}}
        session = self._api("POST", "sessions", json=body)
        kernel = session["kernel"]["id"]
        ws_url = self.server.replace("http", "ws", 1) + f"/api/kernels/{kernel}/channels"
        request = HTTPRequest(ws_url, headers={"Authorization": f"token {self.token}"})
        ws = await websocket_connect(request)
        try:
            started = time.perf_counter()
            cells = [c for c in model["content"]["cells"] if c["cell_type"] == "code"]
            for cell in cells:
                source = (
                    cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                )
                await execute(ws, source)
            self.result["run_s"] = time.perf_counter() - started
            self.result["cells"] = len(cells)
            printed = await execute(ws, widget_code)
            latencies = json.loads(printed.strip().splitlines()[-1])
            self.result["widget_p95_ms"] = percentile(latencies, 95)
            self.result["widget_changes"] = len(latencies)
        finally:
            ws.close()


async def execute(ws, code: str) -> str:
    """Run ``code``; wait for the execute reply AND the idle status (either may come first)."""
    msg_id = uuid.uuid4().hex
    await ws.write_message(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "class",
                   "session": uuid.uuid4().hex, "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
    }))  # fmt: skip
    reply = idle = False
    printed = []
    while not (reply and idle):
        message = json.loads(await asyncio.wait_for(ws.read_message(), timeout=300))
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = message["header"]["msg_type"]
        if kind == "execute_reply":
            reply = True
            if message["content"]["status"] != "ok":
                raise RuntimeError(f"cell failed: {message['content'].get('evalue')}\n{code}")
        elif kind == "status" and message["content"]["execution_state"] == "idle":
            idle = True
        elif kind == "stream":
            printed.append(message["content"]["text"])
        elif kind == "error":
            raise RuntimeError(f"cell failed: {message['content']['evalue']}\n{code}")
    return "".join(printed)


def widget_code(lesson: str) -> str:
    """Kernel code: build the lesson's first widget, change each control, print latencies (ms)."""
    return (
        "import json, time\n"
        "from utils.bench import value_cycle\n"
        "from utils.live import REGISTRY, discover_widgets\n"
        f"key = [k for k in discover_widgets() if k[0] == {lesson!r}][0]\n"
        "view, ms = REGISTRY[key](), []\n"
        "for control in view.controls.values():\n"
        "    for value in value_cycle(control, 5):\n"
        "        t = time.perf_counter(); control.value = value\n"
        "        ms.append((time.perf_counter() - t) * 1000)\n"
        "print(json.dumps(ms))\n"
    )


def percentile(values, q: float) -> float:
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


# ----------------------------------------------------------------------------- memory
def user_memory_mb(hub_pid: int) -> dict[str, float]:
    """PSS (MB) of each student's single-user server plus its kernels, by user name."""
    found: dict[str, float] = {}
    with contextlib.suppress(psutil.NoSuchProcess):
        for proc in psutil.Process(hub_pid).children(recursive=True):
            with contextlib.suppress(psutil.Error):
                user = proc.environ().get("JUPYTERHUB_USER")
                if not user:
                    continue
                found[user] = found.get(user, 0.0) + proc.memory_full_info().pss / 2**20
    return found


class MemorySampler(threading.Thread):
    def __init__(self, hub_pid: int) -> None:
        super().__init__(daemon=True)
        self.hub_pid, self.stop_event = hub_pid, threading.Event()
        self.peak_by_user: dict[str, float] = {}
        self.peak_total = 0.0

    def run(self) -> None:
        while not self.stop_event.is_set():
            sample = user_memory_mb(self.hub_pid)
            for user, mb in sample.items():
                self.peak_by_user[user] = max(mb, self.peak_by_user.get(user, 0.0))
            self.peak_total = max(self.peak_total, sum(sample.values()))
            time.sleep(0.5)


# ----------------------------------------------------------------------------- the class
def run_class(students: int, lesson: str) -> dict:
    (notebook,) = [p.name for p in (ROOT / "notebooks").glob(f"{lesson}_*.ipynb")]
    state = Path(tempfile.mkdtemp(prefix="class-"))
    with hub(state) as (url, pid):
        sampler = MemorySampler(pid)
        sampler.start()
        names = [f"student{i + 1:02d}" for i in range(students)]
        class_started = time.perf_counter()

        def one(name: str) -> dict:
            student = Student(url, name)
            student.login_and_spawn()
            asyncio.run(student.run_lesson(notebook, widget_code(lesson)))
            return student.result

        results: list[dict] = []
        errors: list[str] = []
        threads = []
        for name in names:

            def work(name=name):
                try:
                    results.append(one(name))
                except Exception as exc:  # noqa: BLE001 - reported with the student's name
                    errors.append(f"{name}: {type(exc).__name__}: {exc}")

            threads.append(threading.Thread(target=work))
            threads[-1].start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - class_started
        sampler.stop_event.set()
        sampler.join()
        for row in results:
            row["memory_mb"] = sampler.peak_by_user.get(row["student"], float("nan"))
    if errors:  # keep the hub's log and the students' homes for the post-mortem
        errors.append(f"logs kept in {state}")
    else:
        shutil.rmtree(state, ignore_errors=True)
    return {"lesson": notebook, "students": students, "wall_s": wall, "errors": errors,
            "rows": sorted(results, key=lambda r: r["student"]),
            "class_peak_mb": sampler.peak_total}  # fmt: skip


def sizing(report: dict, node_gib=(8, 16, 32, 64)) -> list[tuple[int, int]]:
    """Students per node: (node GiB - reserved) / (peak per student x headroom)."""
    per_student = max(r["memory_mb"] for r in report["rows"]) * HEADROOM / 1024
    return [(gib, int((gib - NODE_RESERVED_GIB) // per_student)) for gib in node_gib]


def markdown(report: dict) -> str:
    rows = report["rows"]
    lines = [
        f"# Class test: {report['students']} students on JupyterHub, lesson {report['lesson']}",
        "",
        "Measured by `make class-test` (deploy/class_test.py) on this machine: JupyterHub 6,",
        "configurable-http-proxy, dummy authenticator, SimpleLocalProcessSpawner. All students",
        "start at the same moment. Memory is PSS of the student's server plus kernel.",
        "",
        "| Student | Spawn (s) | Lesson run (s) | Code cells | Widget p95 (ms) | Memory (MB) |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['student']} | {r['spawn_s']:.1f} | {r['run_s']:.1f} | {r['cells']} | "
            f"{r['widget_p95_ms']:.0f} | {r['memory_mb']:.0f} |"
        )
    if rows:
        med = {k: statistics.median(r[k] for r in rows) for k in ("spawn_s", "run_s", "memory_mb")}
        lines += [
            "",
            f"Median spawn {med['spawn_s']:.1f} s, lesson run {med['run_s']:.1f} s, memory "
            f"{med['memory_mb']:.0f} MB per student; class-wide peak "
            f"{report['class_peak_mb']:.0f} MB for {len(rows)} students; whole class "
            f"{report['wall_s']:.0f} s.",
            "",
            f"Node sizing (peak per student x {HEADROOM}, {NODE_RESERVED_GIB:g} GiB reserved):",
            "",
            "| Node memory | Students |",
            "|---|---|",
            *[f"| {gib} GiB | {n} |" for gib, n in sizing(report)],
        ]
    if report["errors"]:
        lines += ["", "Errors:", *[f"* {e}" for e in report["errors"]]]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=5)
    parser.add_argument("--lesson", default="04", help="lesson number, e.g. 04")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "class_test.md")
    args = parser.parse_args(argv)
    if args.students < 1 or not re.fullmatch(r"\d\d", args.lesson):
        parser.error("--students must be >= 1 and --lesson two digits")
    report = run_class(args.students, args.lesson)
    text = markdown(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    (args.out.with_suffix(".json")).write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(text)
    ok = not report["errors"] and len(report["rows"]) == args.students
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
