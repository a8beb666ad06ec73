"""Serving in production: the Streamlit profile, the HAProxy config, the refusals of
``serve`` (no HAProxy, a port in use), and backup, restore and publish-db copies that
give the same figures as the live database."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from workforce import cli
from workforce.core import config, db
from workforce.serve import haproxy, profile, snapshots

ROOT = Path(__file__).resolve().parent.parent
HAPROXY = shutil.which("haproxy") or (
    "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None
)
needs_haproxy = pytest.mark.skipif(HAPROXY is None, reason="./test.sh installs HAProxy")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workforce", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


# ---- the profile ----------------------------------------------------------------------


def test_the_profile_turns_off_what_a_server_does_not_need() -> None:
    cmd = profile.streamlit_command(8601)
    flags = dict(zip(cmd[5::2], cmd[6::2], strict=True))
    assert cmd[3:5] == ["run", str(config.ROOT / "dashboard.py")]
    assert flags["--server.fileWatcherType"] == "none"
    assert flags["--server.runOnSave"] == "false"
    assert flags["--runner.postScriptGC"] == "false"
    assert flags["--client.toolbarMode"] == "viewer"
    assert flags["--server.maxUploadSize"] == str(profile.MAX_UPLOAD_MB)
    assert flags["--server.port"] == "8601"
    assert flags["--server.address"] == "127.0.0.1"
    overridden = profile.streamlit_command(8601, **{"runner.postScriptGC": "true"})
    assert overridden[overridden.index("--runner.postScriptGC") + 1] == "true"


def test_run_sh_keeps_streamlit_defaults() -> None:
    """The laptop way stays as it was: no production flags in run.sh."""
    text = (ROOT / "run.sh").read_text()
    assert "postScriptGC" not in text and "fileWatcherType" not in text


def test_workers_share_one_cookie_secret_readable_by_its_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STREAMLIT_SERVER_COOKIE_SECRET", raising=False)
    path = tmp_path / "run" / "cookie_secret"
    first = profile.cookie_secret(path)
    assert len(first) == 64 and profile.cookie_secret(path) == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    env = profile.worker_env(first, base={})
    assert env["STREAMLIT_SERVER_COOKIE_SECRET"] == first
    monkeypatch.setenv("STREAMLIT_SERVER_COOKIE_SECRET", "from-the-environment")
    assert profile.cookie_secret(path) == "from-the-environment"


# ---- the proxy ------------------------------------------------------------------------


def test_the_proxy_config_names_every_worker_with_its_cookie() -> None:
    text = haproxy.render(
        haproxy.local([8601, 8602]), haproxy.Listen(bind="127.0.0.1:8080")
    )
    assert "server w1 127.0.0.1:8601 cookie w1" in text
    assert "server w2 127.0.0.1:8602 cookie w2" in text
    assert "cookie WFSRV insert indirect nocache httponly\n" in text
    assert "uri /_stcore/health" in text
    assert "@@" not in text


@needs_haproxy
@pytest.mark.parametrize("tls", [False, True], ids=["plain", "tls"])
def test_haproxy_accepts_the_rendered_config(tmp_path: Path, tls: bool) -> None:
    cert = None
    if tls:
        cert = tmp_path / "site.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=localhost", "-keyout", str(cert), "-out", str(cert)],
            check=True, capture_output=True,
        )  # fmt: skip
    listen = haproxy.Listen(socket=tmp_path / "h.sock", tls_cert=cert)
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(haproxy.render(haproxy.local([8601, 8602, 8603]), listen))
    haproxy.check(cfg)  # raises with HAProxy's words
    assert (" secure" in cfg.read_text()) is tls


def test_proxy_config_command_prints_a_config_for_systemd() -> None:
    done = _cli("proxy-config", "--workers", "3", "--base-port", "8701", "--syslog")
    assert done.returncode == 0, done.stderr
    assert "server w3 127.0.0.1:8703 cookie w3" in done.stdout
    assert (
        "log /dev/log local0" in done.stdout
        and "chroot /var/lib/haproxy" in done.stdout
    )


# ---- refusals -------------------------------------------------------------------------


def test_serve_without_haproxy_says_how_to_install_it(
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(haproxy, "DEBIAN_BINARY", tmp_path / "no-haproxy")
    code = cli.main(["serve", "--db", str(demo_db), "--run-dir", str(tmp_path)])
    assert code == 4
    assert "apt-get install haproxy" in capsys.readouterr().err


@needs_haproxy
def test_serve_refuses_a_port_in_use(demo_db: Path, tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = _cli(
            "serve", "--db", str(demo_db), "--run-dir", str(tmp_path),
            "--port", str(port), "--base-port", str(port + 100),
        )  # fmt: skip
    assert done.returncode == 2
    assert f"port(s) {port}" in done.stderr and "already in use" in done.stderr


def test_reload_without_a_running_stack_says_so(tmp_path: Path) -> None:
    done = _cli("serve", "reload", "--run-dir", str(tmp_path))
    assert done.returncode == 1 and "no stack started" in done.stderr


# ---- backup, restore, publish ---------------------------------------------------------


def _kpis(path: Path) -> dict:
    done = _cli("kpis", "--year", "2025", "--json", "--db", str(path))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_backup_while_the_app_reads_then_restore_gives_the_same_kpis(
    demo_db: Path, tmp_path: Path
) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copyfile(demo_db, live)
    reader = db.connect_snapshot(live)  # the app's read-only connection stays open
    try:
        done = _cli("backup", "--db", str(live), "--out", str(tmp_path / "b.duckdb"))
    finally:
        reader.close()
    assert done.returncode == 0, done.stderr
    assert "backup written" in done.stdout
    restored = tmp_path / "restored" / "cilegon.duckdb"
    done = _cli("restore", str(tmp_path / "b.duckdb"), "--db", str(restored))
    assert done.returncode == 0, done.stderr
    assert _kpis(restored) == _kpis(live)


def test_restore_keeps_the_file_it_replaces(demo_db: Path, tmp_path: Path) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copyfile(demo_db, live)
    before = live.stat().st_ino
    kept = snapshots.restore(demo_db, live)
    assert kept is not None and kept.stat().st_ino == before
    assert live.stat().st_ino != before


def test_backup_waits_for_an_import_and_refuses_after_its_wait(
    demo_db: Path, tmp_path: Path
) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copyfile(demo_db, live)
    with db.writer_lock(live):
        done = _cli(
            "backup", "--db", str(live), "--out", str(tmp_path / "b.duckdb"),
            "--wait", "0.5",
        )  # fmt: skip
    assert done.returncode == 3 and "another import" in done.stderr
    assert not (tmp_path / "b.duckdb").exists()


def test_restore_refuses_a_file_that_is_not_a_dashboard_database(
    demo_db: Path, tmp_path: Path
) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copyfile(demo_db, live)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(os.urandom(4096))
    done = _cli("restore", str(junk), "--db", str(live))
    assert done.returncode == 2 and "does not open" in done.stderr
    assert _kpis(live)  # untouched


def test_publish_db_puts_one_version_on_every_host(
    demo_db: Path, tmp_path: Path
) -> None:
    hosts = [tmp_path / "app1" / "cilegon.duckdb", tmp_path / "app2" / "cilegon.duckdb"]
    done = _cli(
        "publish-db",
        "--from",
        str(demo_db),
        *(a for h in hosts for a in ("--to", str(h))),
    )
    assert done.returncode == 0, done.stderr
    assert all(h.read_bytes() == demo_db.read_bytes() for h in hosts)
    assert not list(tmp_path.rglob("*.incoming"))


def test_proxy_config_for_app_hosts_past_one_machine() -> None:
    done = _cli(
        "proxy-config", "--server", "10.0.0.11:8601", "--server", "10.0.0.12:8601",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "server w1 10.0.0.11:8601 cookie w1" in done.stdout
    assert "server w2 10.0.0.12:8601 cookie w2" in done.stdout


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd here")
def test_systemd_units_verify(tmp_path: Path) -> None:
    """systemd-analyze accepts the units (with this checkout's Python in place of
    /opt/workforce/.venv/bin/python, which exists only on a server)."""
    for unit in (ROOT / "deploy" / "systemd").iterdir():
        text = unit.read_text().replace(
            "/opt/workforce/.venv/bin/python", sys.executable
        )
        (tmp_path / unit.name).write_text(text)
    (tmp_path / "workforce@8601.service").write_text(
        (tmp_path / "workforce@.service").read_text()
    )
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", "workforce@8601.service",
         "workforce-proxy.service", "workforce-site.service", "workforce.target"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    problems = [
        line for line in done.stderr.splitlines() if "/usr/sbin/haproxy" not in line
    ]
    assert not problems, done.stderr
