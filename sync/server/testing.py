"""Run the platform server for tests and demos: in a thread (fast) or as a real process (can be killed)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import uvicorn

from sync.server.app import create_app

REPO_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ServerHandle:
    """A server running in a background thread of this process: ``url`` (no trailing slash), ``stop()``."""

    url: str
    app: Any
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def run_server_in_thread(db_url: str, port: int = 0, *, demo: bool = False, **kw: Any) -> ServerHandle:
    """Start ``create_app(db_url, **kw)`` on 127.0.0.1 (``port`` 0 = any free port) and wait until it serves.

    ``demo=True`` seeds the demo jurisdictions and users first (password ``demo1234``, stored with cheap
    argon2 parameters so logins in tests are fast).
    """
    app = create_app(db_url, **kw)
    if demo:
        from sync.server.seed import seed_demo

        seed_demo(app.state.engine, fast_hash=True)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    host, bound = sock.getsockname()[:2]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name=f"platform-{bound}")
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("platform server did not start")
        time.sleep(0.01)
    return ServerHandle(f"http://{host}:{bound}", app, server, thread)


@dataclass
class ProcessHandle:
    """A server in a child process: ``url``, ``kill()`` (SIGKILL, a crash), ``stop()`` (SIGTERM, clean)."""

    url: str
    proc: subprocess.Popen = field(repr=False)

    def kill(self) -> None:
        # The whole process group: with --workers the server is a supervisor and its worker processes.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()  # the supervisor stops its workers itself
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        self.kill()

    def __enter__(self) -> ProcessHandle:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def run_server_process(db_url: str, port: int | None = None, *, demo: bool = False, token_ttl: int | None = None,
                       timeout: float = 30.0, log_level: str = "warning", workers: int = 1) -> ProcessHandle:
    """``python -m sync.server.cli serve --db … --port …`` as a child process; returns once health answers.

    Restarting on the same ``port`` after ``kill()`` gives the client the same URL (crash/resume tests).
    ``workers`` > 1 runs that many server processes behind the one port (PostgreSQL only).
    """
    port = port or free_port()
    cmd = [sys.executable, "-m", "sync.server.cli", "serve", "--db", db_url, "--host", "127.0.0.1",
           "--port", str(port), "--log-level", log_level]
    if demo:
        cmd.append("--demo")
    if token_ttl is not None:
        cmd += ["--token-ttl", str(token_ttl)]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr else ""
            raise RuntimeError(f"platform server exited with {proc.returncode}: {err}")
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                break
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError("platform server did not become healthy")
        time.sleep(0.1)
    # Keep draining stderr so a chatty server never blocks on a full pipe.
    threading.Thread(target=lambda: proc.stderr and proc.stderr.read(), daemon=True).start()
    return ProcessHandle(url, proc)
