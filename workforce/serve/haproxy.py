"""HAProxy (Debian's package) in front of the workers: its config, its process and
its admin socket.

``render`` fills ``deploy/haproxy.cfg.in``; ``Admin`` speaks the runtime API on the
stats socket (``set server workers/w1 state drain``, ``show stat``), which the
rolling restart and the tests use.
"""

from __future__ import annotations

import csv
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from workforce.core import config

TEMPLATE = config.ROOT / "deploy" / "haproxy.cfg.in"
BACKEND = "workers"
DEBIAN_BINARY = Path("/usr/sbin/haproxy")


class ProxyError(RuntimeError):
    """HAProxy is missing, refuses its config or does not answer."""


@dataclass(frozen=True)
class Listen:
    """Where the proxy listens and how it logs (``./serve.sh``: loopback, stdout)."""

    bind: str = "127.0.0.1:8080"
    socket: Path = Path("var/haproxy.sock")
    log: str = "log stdout format raw local0"
    tls_cert: Path | None = None
    global_extra: str = ""


def worker_name(index: int) -> str:
    """The proxy's name of worker ``index`` (0-based): w1, w2, ..."""
    return f"w{index + 1}"


def server_lines(servers: list[str]) -> str:
    """One ``server`` line per worker address (``host:port``); the cookie value is
    the worker's name."""
    return "\n".join(
        f"    server {worker_name(i)} {address} cookie {worker_name(i)}"
        for i, address in enumerate(servers)
    )


def local(ports: list[int]) -> list[str]:
    """Worker addresses on this machine's loopback."""
    return [f"127.0.0.1:{port}" for port in ports]


def _bind_lines(listen: Listen) -> tuple[str, str]:
    """The frontend's bind lines and the sticky cookie's extra flags."""
    if listen.tls_cert is None:
        return f"    bind {listen.bind}", ""
    host = listen.bind.rsplit(":", 1)[0]
    return (
        f"    bind {host}:443 ssl crt {listen.tls_cert} alpn http/1.1\n"
        f"    bind {host}:80\n"
        "    http-request redirect scheme https unless { ssl_fc }\n"
        "    http-response set-header Strict-Transport-Security max-age=31536000",
        " secure",
    )


def render(servers: list[str], listen: Listen, site: str | None = None) -> str:
    """The HAProxy config for the workers at ``servers`` (``host:port`` each: on
    this machine's loopback, or app hosts' private addresses) and the static
    site's server at ``site`` (``host:port``; None: ``/situs/`` answers 503)."""
    bind, cookie_extra = _bind_lines(listen)
    values = {
        "LOG": listen.log,
        "SOCKET": str(listen.socket),
        "GLOBAL_EXTRA": listen.global_extra,
        "BIND": bind,
        "COOKIE_EXTRA": cookie_extra,
        "SERVERS": server_lines(servers),
        "SITE": f"    server site {site}" if site else "",
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    return text


def binary() -> Path:
    """HAProxy's executable, or ProxyError saying how to install it."""
    found = shutil.which("haproxy") or (
        str(DEBIAN_BINARY) if DEBIAN_BINARY.exists() else None
    )
    if not found:
        raise ProxyError(
            "HAProxy is not installed: `sudo apt-get install haproxy` "
            "(./serve.sh and ./test.sh do this when they can)"
        )
    return Path(found)


def check(cfg: Path) -> None:
    """``haproxy -c``: raise ProxyError with HAProxy's words if the config is wrong."""
    done = subprocess.run(
        [str(binary()), "-c", "-q", "-f", str(cfg)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise ProxyError(f"HAProxy refuses {cfg}:\n{done.stderr or done.stdout}")


def start(cfg: Path, log: Path) -> subprocess.Popen:
    """HAProxy in the foreground (``-db``), its log lines into ``log``."""
    check(cfg)
    out = log.open("ab")
    return subprocess.Popen(
        [str(binary()), "-db", "-f", str(cfg)], stdout=out, stderr=subprocess.STDOUT
    )


@dataclass(frozen=True)
class ServerState:
    """One worker as the proxy sees it: UP/DOWN/MAINT/DRAIN and open sessions."""

    name: str
    status: str
    sessions: int


class Admin:
    """HAProxy's runtime API on its stats socket."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def command(self, line: str, timeout: float = 5.0) -> str:
        """Send one command, return HAProxy's answer."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(self.path))
            sock.sendall(line.encode() + b"\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def set_state(self, server: str, state: str) -> None:
        """``ready``, ``drain`` or ``maint`` for one worker of the backend."""
        answer = self.command(f"set server {BACKEND}/{server} state {state}")
        if answer.strip():
            raise ProxyError(f"set server {server} state {state}: {answer.strip()}")

    def servers(self) -> dict[str, ServerState]:
        """Every worker's state (``show stat``)."""
        rows = csv.DictReader(self.command("show stat").lstrip("# ").splitlines())
        return {
            row["svname"]: ServerState(row["svname"], row["status"], int(row["scur"]))
            for row in rows
            if row["pxname"] == BACKEND and row["svname"] not in ("FRONTEND", "BACKEND")
        }
