"""The Streamlit worker processes: start one on a port, wait until it is healthy,
stop it, and check that a port is free before anything starts."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from workforce.core import config
from workforce.serve import profile


class PortInUseError(RuntimeError):
    """A port the stack needs is taken (an old server still running?)."""


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when nothing listens on ``host:port``."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def require_free(ports: list[int], host: str = "127.0.0.1") -> None:
    """Raise PortInUseError naming every taken port."""
    taken = [p for p in ports if not port_free(p, host)]
    if taken:
        raise PortInUseError(
            f"port(s) {', '.join(map(str, taken))} on {host} already in use: "
            "stop what listens there (`./serve.sh stop` if it is an older stack) "
            "or choose other ports (PORT, BASE_PORT)"
        )


def healthy(port: int, host: str = "127.0.0.1", timeout: float = 2.0) -> bool:
    """Streamlit's ``/_stcore/health`` answers ``ok``."""
    url = f"http://{host}:{port}/_stcore/health"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status == 200
    except OSError:
        return False


def wait_healthy(
    port: int, proc: subprocess.Popen | None = None, timeout: float = 90.0
) -> bool:
    """Poll the health endpoint until it answers, the process dies or time is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        if healthy(port):
            return True
        time.sleep(0.25)
    return False


def start(
    port: int,
    db: Path,
    env: dict[str, str],
    log: Path,
    script: Path | None = None,
    **flags: str,
) -> subprocess.Popen:
    """One ``streamlit run dashboard.py`` (or ``script``) with the production
    profile on ``port``."""
    log.parent.mkdir(parents=True, exist_ok=True)
    out = log.open("ab")
    return subprocess.Popen(
        profile.streamlit_command(port, script=script, **flags),
        cwd=config.ROOT,
        env={**env, "WORKFORCE_DB": str(db)},
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(proc: subprocess.Popen, grace: float = 10.0) -> None:
    """SIGTERM (Streamlit closes its sessions), SIGKILL after ``grace`` seconds."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def start_site(folder: Path, port: int, log: Path) -> subprocess.Popen:
    """The static site's server (``workforce.serve.site``) on ``port``."""
    out = log.open("ab")
    return subprocess.Popen(
        [sys.executable, "-m", "workforce.serve.site", str(folder), str(port)],
        stdout=out,
        stderr=subprocess.STDOUT,
        cwd=config.ROOT,
    )


def wait_listening(
    port: int, proc: subprocess.Popen, timeout: float = 15.0, host: str = "127.0.0.1"
) -> bool:
    """True once something accepts connections on ``port``; False if ``proc``
    exits first or the time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if not port_free(port, host):
            return True
        time.sleep(0.1)
    return False
