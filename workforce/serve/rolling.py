"""Restarting workers one at a time behind HAProxy: drain (no new tabs), then
maintenance, restart, health, ready. The open tabs of the worker being restarted
reconnect to the others; the others never stop serving.

Used by ``serve reload`` for ``./serve.sh``'s stack (the stack restarts its own
child) and, with ``--systemd``, for a server's ``workforce@PORT`` units.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

from workforce.serve import haproxy, workers


def restart_one(
    admin: haproxy.Admin,
    name: str,
    port: int,
    restart: Callable[[], None],
    drain_s: float,
) -> None:
    """Drain worker ``name``, ``restart`` it, wait for its health, put it back."""
    admin.set_state(name, "drain")
    wait_drained(admin, name, drain_s)
    admin.set_state(name, "maint")
    restart()
    if not workers.wait_healthy(port):
        raise RuntimeError(f"worker {name} (port {port}) did not come back")
    admin.set_state(name, "ready")
    wait_up(admin, name)


def wait_drained(admin: haproxy.Admin, name: str, drain_s: float) -> None:
    """Until the worker holds no sessions or ``drain_s`` is over (an open tab keeps
    its websocket: it reconnects to another worker when this one stops)."""
    deadline = time.monotonic() + drain_s
    while time.monotonic() < deadline:
        if admin.servers()[name].sessions == 0:
            return
        time.sleep(0.5)


def wait_up(admin: haproxy.Admin, name: str, timeout: float = 30.0) -> None:
    """Until HAProxy's health checks see the worker up again."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if admin.servers()[name].status.startswith("UP"):
            return
        time.sleep(0.25)
    raise RuntimeError(f"HAProxy does not see worker {name} up")


def systemd_reload(admin: haproxy.Admin, ports: list[int], drain_s: float) -> None:
    """Every ``workforce@PORT`` unit restarted in turn (the proxy names them w1...)."""
    for i, port in enumerate(ports):
        unit = f"workforce@{port}.service"
        restart_one(
            admin,
            haproxy.worker_name(i),
            port,
            lambda unit=unit: subprocess.run(
                ["systemctl", "restart", unit], check=True
            ),
            drain_s,
        )
