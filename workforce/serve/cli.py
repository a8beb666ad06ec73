"""The serving commands of ``python -m workforce``: ``serve`` (start, reload, stop,
status), ``proxy-config``, ``backup``, ``restore`` and ``publish-db``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from workforce.core import config
from workforce.serve import control, haproxy, profile, rolling, workers
from workforce.serve import snapshots as snap
from workforce.serve.stack import Options, Stack

Command = Callable[[argparse.Namespace], int]
RUN_DIR = config.ROOT / "var"


def _options(args: argparse.Namespace) -> Options:
    site = config.site_dir()
    return Options(
        db=config.db_path(args.db).resolve(),
        workers=args.workers,
        port=args.port,
        base_port=args.base_port,
        run_dir=Path(args.run_dir),
        drain_s=args.drain_seconds,
        site=site.absolute() if site and site.exists() else None,  # the link itself
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """Start the stack in the foreground, or talk to the running one."""
    run_dir = Path(args.run_dir)
    try:
        if args.action == "reload" and args.systemd:
            ports = [args.base_port + i for i in range(args.workers)]
            admin = haproxy.Admin(Path(args.socket))
            rolling.systemd_reload(admin, ports, args.drain_seconds)
            print(
                f"reloaded: workforce@{ports[0]}..{ports[-1]} restarted one at a time"
            )
        elif args.action == "reload":
            done = control.reload(run_dir)
            print(f"reloaded: {len(done['workers'])} workers restarted one at a time")
        elif args.action == "stop":
            control.stop(run_dir)
            print("stopped")
        elif args.action == "status":
            print(control.status(run_dir))
        else:
            return _start(args)
    except (control.NotRunningError, TimeoutError, OSError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def _start(args: argparse.Namespace) -> int:
    opts = _options(args)
    if not opts.db.exists():
        print(f"error: no database at {opts.db}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        Stack(opts).run()
    except workers.PortInUseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except haproxy.ProxyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 4
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    """Become one Streamlit worker with the production profile (systemd's
    workforce@PORT.service runs this); the cookie secret comes from the environment."""
    secret = os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET")
    if not secret:
        print(
            "error: STREAMLIT_SERVER_COOKIE_SECRET is not set (every worker needs the "
            "same one: /etc/workforce/workforce.env, see deploy/README.md)",
            file=sys.stderr,
        )
        return 2
    cmd = profile.streamlit_command(args.port, args.address)
    os.chdir(config.ROOT)
    os.execve(cmd[0], cmd, profile.worker_env(secret))
    return 0  # not reached


def cmd_proxy_config(args: argparse.Namespace) -> int:
    """Print the HAProxy config for workers on consecutive ports."""
    listen = haproxy.Listen(
        bind=args.bind,
        socket=Path(args.socket),
        log="log /dev/log local0" if args.syslog else "log stdout format raw local0",
        tls_cert=Path(args.tls_cert) if args.tls_cert else None,
        global_extra=_systemd_globals() if args.syslog else "",
    )
    servers = args.server or [
        f"{args.servers_host}:{args.base_port + i}" for i in range(args.workers)
    ]
    print(haproxy.render(servers, listen, args.site), end="")
    return 0


def _systemd_globals() -> str:
    """Debian's haproxy user and chroot, as its own package config sets them."""
    return "    user haproxy\n    group haproxy\n    chroot /var/lib/haproxy"


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the live database to a file, consistent while the app serves."""
    live = config.db_path(args.db)
    started = time.perf_counter()
    found = snap.backup(live, Path(args.out), args.wait)
    print(
        f"backup written: {args.out} ({Path(args.out).stat().st_size / 1e6:.1f} MB, "
        f"schema version {found['schema_version']}, "
        f"{found.get('pendaftaran', 0):,} enrolments) in {time.perf_counter() - started:.1f} s"
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Put a backup in place of the live database; the app opens it by itself."""
    live = config.db_path(args.db)
    kept = snap.restore(Path(args.backup), live, args.wait)
    print(f"restored {args.backup} to {live}")
    if kept:
        print(f"the file it replaced is kept as {kept}")
    print("if the backup is older than this version: python -m workforce upgrade")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    """Send the import host's database to every app host's copy."""
    source = config.db_path(args.source)
    done = snap.publish(source, args.to, args.wait)
    print(f"published {source} to {len(done)} target(s): {', '.join(done)}")
    return 0


def _snapshot_parsers(
    sub: argparse._SubParsersAction, handlers: dict[str, Command]
) -> None:
    p = sub.add_parser("backup", help="copy the live database while the app serves")
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument("--out", required=True, help="backup file to write")
    p.add_argument(
        "--wait", type=float, default=60.0, help="seconds to wait for an import"
    )
    handlers["backup"] = cmd_backup
    p = sub.add_parser("restore", help="put a backup in place of the live database")
    p.add_argument("backup", help="backup file (from `backup`)")
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument(
        "--wait", type=float, default=60.0, help="seconds to wait for an import"
    )
    handlers["restore"] = cmd_restore
    p = sub.add_parser(
        "publish-db", help="send the import host's database to the app hosts' copies"
    )
    p.add_argument("--from", dest="source", help="database (default: $WORKFORCE_DB)")
    p.add_argument(
        "--to", action="append", required=True, help="PATH or HOST:/PATH (repeat)"
    )
    p.add_argument(
        "--wait", type=float, default=60.0, help="seconds to wait for an import"
    )
    handlers["publish-db"] = cmd_publish


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def _serve_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve", help="production: Streamlit workers behind HAProxy (./serve.sh)"
    )
    p.add_argument(
        "action",
        nargs="?",
        default="start",
        choices=["start", "reload", "stop", "status"],
    )
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument(
        "--workers",
        type=int,
        default=_env_int("WORKERS", os.cpu_count() or 1),
        help="Streamlit processes (default: $WORKERS or the number of cores)",
    )
    p.add_argument(
        "--port", type=int, default=_env_int("PORT", 8080), help="the proxy's port"
    )
    p.add_argument(
        "--base-port",
        type=int,
        default=_env_int("BASE_PORT", 8601),
        help="first worker's port (loopback); the others follow",
    )
    p.add_argument(
        "--run-dir",
        default=os.environ.get("WORKFORCE_RUN_DIR", str(RUN_DIR)),
        help="state, logs, proxy config and socket (default: var/)",
    )
    p.add_argument(
        "--systemd",
        action="store_true",
        help="reload: restart the workforce@PORT units (a server) instead",
    )
    p.add_argument(
        "--socket",
        default="/run/haproxy/workforce.sock",
        help="reload --systemd: HAProxy's admin socket",
    )
    p.add_argument(
        "--drain-seconds",
        type=float,
        default=10.0,
        help="reload: how long a worker takes no new tabs before it restarts",
    )


def _proxy_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("proxy-config", help="print the HAProxy config (deploy/)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--base-port", type=int, default=8601)
    p.add_argument("--servers-host", default="127.0.0.1", help="where workers listen")
    p.add_argument(
        "--server",
        action="append",
        help="HOST:PORT of a worker (repeat; app hosts past one machine)",
    )
    p.add_argument("--bind", default="127.0.0.1:8080", help="address:port (no TLS)")
    p.add_argument("--socket", default="/run/haproxy/workforce.sock")
    p.add_argument(
        "--site", help="the static site's server (host:port), served at /situs/"
    )
    p.add_argument("--tls-cert", help="PEM (certificate + key): listen on 443 and 80")
    p.add_argument(
        "--syslog", action="store_true", help="log to /dev/log; Debian's user, chroot"
    )


def add_commands(sub: argparse._SubParsersAction, handlers: dict[str, Command]) -> None:
    """Register the serving commands."""
    _serve_parser(sub)
    handlers["serve"] = cmd_serve
    _proxy_parser(sub)
    handlers["proxy-config"] = cmd_proxy_config
    p = sub.add_parser(
        "worker", help="one Streamlit worker, production profile (systemd)"
    )
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--address", default="127.0.0.1", help="listen address (loopback)")
    handlers["worker"] = cmd_worker
    _snapshot_parsers(sub, handlers)
