"""The command line: ``init`` creates and upgrades in place; the database path rule."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from workforce import refresh
from workforce.core import config, db

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workforce", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_init_creates_schema_and_reference_tables(tmp_path: Path) -> None:
    path = tmp_path / "new" / "w.duckdb"
    result = _cli("init", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert str(path) in result.stdout
    conn = db.connect(path, read_only=True)
    try:
        assert db.schema_version_readonly(conn) >= 1
        assert conn.execute("select count(*) from ref_kecamatan").fetchone() == (8,)
        assert conn.execute("select count(*) from peserta").fetchone() == (0,)
    finally:
        conn.close()
    assert not list(path.parent.glob(".*.tmp"))


def test_init_twice_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    assert _cli("init", "--db", str(path)).returncode == 0
    conn = db.connect(path)
    conn.execute("insert into ref_kejuruan values (1, 'Pengelasan', 'pengelasan')")
    conn.close()
    result = _cli("init", "--db", str(path))
    assert result.returncode == 0, result.stderr
    conn = db.connect(path, read_only=True)
    try:
        assert conn.execute("select nama from ref_kejuruan").fetchall() == [
            ("Pengelasan",)
        ]
        assert conn.execute("select count(*) from ref_kecamatan").fetchone() == (8,)
    finally:
        conn.close()


def test_init_uses_workforce_db_when_no_flag(tmp_path: Path) -> None:
    path = tmp_path / "from_env.duckdb"
    result = _cli("init", env={"WORKFORCE_DB": str(path)})
    assert result.returncode == 0, result.stderr
    assert path.is_file()


def test_init_refuses_while_another_writer_holds_the_file(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with db.writer_lock(path):
        result = _cli("init", "--db", str(path))
    assert result.returncode == 3
    assert "another import or build" in result.stderr


def test_db_path_rule(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("WORKFORCE_DB", raising=False)
    assert config.db_path() == config.DEFAULT_DB
    assert config.DEFAULT_DB.parent == ROOT / "data"
    monkeypatch.setenv("WORKFORCE_DB", str(tmp_path / "env.duckdb"))
    assert config.db_path() == tmp_path / "env.duckdb"  # env beats the default
    assert config.db_path(tmp_path / "flag.duckdb") == tmp_path / "flag.duckdb"
    assert config.db_path(str(tmp_path / "flag.duckdb")) == tmp_path / "flag.duckdb"
    monkeypatch.setenv("WORKFORCE_DB", "")
    assert config.db_path() == config.DEFAULT_DB  # empty means unset


def test_upgrade_rebuilds_marts_of_an_older_version_and_keeps_data(
    tmp_path: Path, fixture_db: Path
) -> None:
    """A file from an older version (a mart missing, another marts digest) is
    brought up to date in place; a current file is left alone."""
    path = tmp_path / "old.duckdb"
    path.write_bytes(fixture_db.read_bytes())
    conn = db.connect(path)
    enrolments = conn.execute("select count(*) from pendaftaran").fetchone()
    conn.execute("drop table mart_completion_month")
    conn.execute("update dataset_info set value = 'older' where key = 'marts_digest'")
    conn.close()
    assert refresh.upgrade_needed(path) == [
        "the pre-aggregated tables (marts) were built by another version"
    ]
    result = _cli("upgrade", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "database upgraded" in result.stdout
    assert refresh.upgrade_needed(path) == []
    conn = db.connect(path, read_only=True)
    try:
        assert conn.execute("select count(*) from pendaftaran").fetchone() == enrolments
        assert conn.execute("select count(*) from mart_completion_month").fetchone()[0]
    finally:
        conn.close()
    before = path.stat().st_mtime_ns
    again = _cli("upgrade", "--db", str(path))
    assert again.returncode == 0 and "up to date" in again.stdout
    assert path.stat().st_mtime_ns == before  # nothing rewritten


def test_upgrade_without_a_database_says_so(tmp_path: Path) -> None:
    result = _cli("upgrade", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 2 and "no database" in result.stderr


def test_trial_import_keeps_the_demo_running(demo_db: Path, tmp_path: Path) -> None:
    """``import --force`` on the demo: still a demo, labelled, and demo mode starts."""
    import shutil

    from streamlit.testing.v1 import AppTest

    from tests import ingest_files as f
    from workforce.core import i18n

    path = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_db, path)
    csv = tmp_path / "perusahaan.csv"
    csv.write_text(f.PERUSAHAAN_CLEAN)
    env = {"WORKFORCE_PSEUDONYM_KEY": ""}
    result = _cli(
        "import", "perusahaan", str(csv), "--db", str(path), "--force", env=env
    )
    assert result.returncode == 0, result.stderr
    conn = db.connect(path, read_only=True)
    try:
        info = db.get_info(conn)
    finally:
        conn.close()
    assert info["is_demo"] == "true"
    assert info.get("has_real_data") != "true"
    assert info["trial_import_on"] == date.today().isoformat()
    os.environ.pop("WORKFORCE_DEMO", None)
    os.environ["WORKFORCE_DB"] = str(path)
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    finally:
        os.environ.pop("WORKFORCE_DB")
    assert not at.exception, at.exception
    shown = "\n".join(w.value for w in at.warning)
    assert "Mode demo menolak" not in "\n".join(e.value for e in at.error)
    assert "impor uji coba" in shown
    assert i18n.t("public.title", "id") in [t.value for t in at.title]
