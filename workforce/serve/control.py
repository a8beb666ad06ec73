"""Talking to a running stack from another shell: ``serve reload``, ``serve stop``,
``serve status``. The stack's process id and state are in ``<run_dir>/serve.json``;
a reload is a ``SIGHUP`` to it, followed until the stack says it is done."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from typing import Any

from workforce.serve import haproxy
from workforce.serve.stack import STATE_FILE


class NotRunningError(RuntimeError):
    """No stack runs from this run directory."""


def state(run_dir: Path) -> dict[str, Any]:
    """The running stack's state; NotRunningError if there is none."""
    path = run_dir / STATE_FILE
    if not path.exists():
        raise NotRunningError(f"no stack started from {run_dir} (no {path})")
    data = json.loads(path.read_text())
    if data["state"] == "stopped" or not _alive(data["pid"]):
        raise NotRunningError(f"the stack of {run_dir} is not running")
    return data


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def reload(run_dir: Path, timeout: float = 600.0) -> dict[str, Any]:
    """Ask the stack for a rolling restart and wait until it has finished."""
    before = state(run_dir)
    os.kill(before["pid"], signal.SIGHUP)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = state(run_dir)
        if now["reloads"] > before["reloads"] and now["state"] == "serving":
            return now
    raise TimeoutError(f"reload not finished after {timeout:.0f} s; see {run_dir}/log")


def stop(run_dir: Path, timeout: float = 60.0) -> None:
    """Stop the stack (SIGTERM) and wait for it to exit."""
    pid = state(run_dir)["pid"]
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.25)
    if _alive(pid):
        raise TimeoutError(f"the stack (pid {pid}) did not stop in {timeout:.0f} s")


def status(run_dir: Path) -> str:
    """One line per worker: the proxy's view of it and its process."""
    data = state(run_dir)
    seen = haproxy.Admin(run_dir / "haproxy.sock").servers()
    lines = [
        f"stack pid {data['pid']}: {data['state']} on port {data['port']}, db {data['db']}"
    ]
    for worker in data["workers"]:
        proxy = seen.get(worker["name"])
        lines.append(
            f"  {worker['name']} port {worker['port']} pid {worker['pid']}: "
            + (
                f"{proxy.status}, {proxy.sessions} sessions"
                if proxy
                else "not in the proxy"
            )
        )
    return "\n".join(lines)
