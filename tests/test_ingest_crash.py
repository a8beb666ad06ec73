"""Nothing half-written: an import killed midway leaves the database as it was, and a
second import while one runs is refused clearly. Both run a real ``python -m
workforce import`` subprocess on a large generated file (marker ``slow``)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests import ingest_files as f
from tests.test_ingest import load, new_database, query
from workforce.core import db, pseudonym

ROOT = Path(__file__).resolve().parent.parent
PERSONS = 60_000
PROGRAMS = 8  # every person in every programme: 480,000 enrolments

pytestmark = pytest.mark.slow


def big_files() -> tuple[str, str, str]:
    """Programme, participant and enrolment CSVs (generated, vectorised)."""
    programs = "kode_program,nama_program,kejuruan,penyelenggara,jenis,sumber_dana," \
        "tahun,tanggal_mulai,tanggal_selesai\n" + "".join(
            f"B-{i},Program {i},Las,BLK Cilegon,pelatihan,APBD,2024,"
            f"01/03/2024,31/03/2024\n" for i in range(PROGRAMS)
        )  # fmt: skip
    niks = pd.Series(np.arange(PERSONS) + 3672020000000000).astype(str)
    peserta = pd.DataFrame({
        "nik": niks, "jenis_kelamin": "L", "tanggal_lahir": "01/01/2000",
        "pendidikan": "SMK", "kecamatan": "Ciwandan",
    }).to_csv(index=False)  # fmt: skip
    enrol = pd.DataFrame({
        "nik": np.repeat(niks.to_numpy(), PROGRAMS),
        "kode_program": np.tile([f"B-{i}" for i in range(PROGRAMS)], PERSONS),
        "status": "lulus", "tanggal_lulus": "31 Maret 2024",
    }).to_csv(index=False)  # fmt: skip
    return programs, peserta, enrol


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A database with 60,000 persons and a 480,000-row enrolment file to import."""
    work = tmp_path_factory.mktemp("crash")
    path = new_database(work / "base.duckdb")
    programs, peserta, enrol = big_files()
    load(path, "program", "b.csv", programs)
    load(path, "peserta", "p.csv", peserta)
    big = work / "pendaftaran_big.csv"
    big.write_text(enrol)
    return path, big


def fresh(prepared: tuple[Path, Path], tmp_path: Path) -> Path:
    path = tmp_path / "live.duckdb"
    path.write_bytes(prepared[0].read_bytes())
    return path


def start_import(path: Path, csv: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), pseudonym.ENV_VAR: f.KEY.decode()}
    return subprocess.Popen(
        [sys.executable, "-m", "workforce", "import", "pendaftaran", str(csv),
         "--db", str(path), "--wait", "0"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def wait_for_copy(path: Path, proc: subprocess.Popen, suffix: str = ".tmp") -> Path:
    """The writer's private copy of the database, once it exists."""
    copy = path.with_name(f".{path.name}.{proc.pid}{suffix}")
    deadline = time.monotonic() + 120
    while not copy.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the import never started writing"
        time.sleep(0.02)
    return copy


def checksums(path: Path) -> dict[str, tuple]:
    """Row count and an order-independent hash of every table."""
    conn = db.connect(path, read_only=True)
    try:
        names = conn.execute("select table_name from duckdb_tables()").fetchall()
        tables = [r[0] for r in names]
        return {
            t: conn.execute(f"select count(*), sum(hash(t)) from {t} as t").fetchone()
            for t in tables
        }
    finally:
        conn.close()


def test_a_killed_import_leaves_the_database_as_it_was(prepared, tmp_path: Path):
    path = fresh(prepared, tmp_path)
    before_sums = checksums(path)
    before_bytes = hashlib.sha256(path.read_bytes()).hexdigest()
    proc = start_import(path, prepared[1])
    copy = wait_for_copy(path, proc)
    # let it get well into reading, validating and writing its copy
    wal = copy.with_name(copy.name + ".wal")
    deadline = time.monotonic() + 60
    while not wal.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL  # it was killed, it did not finish
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before_bytes
    assert checksums(path) == before_sums
    assert query(path, "select count(*) from pendaftaran") == [(0,)]
    # no lock is left behind: the next import runs at once and removes the copy
    result = load(path, "perusahaan", "p.csv", f.PERUSAHAAN_CLEAN, wait_s=0)
    assert result.inserted == 3
    assert not list(tmp_path.glob(".live.duckdb.*"))


def test_a_second_import_is_refused_while_readers_keep_reading(prepared, tmp_path):
    path = fresh(prepared, tmp_path)
    proc = start_import(path, prepared[1])
    wait_for_copy(path, proc)
    with pytest.raises(db.LockedError):
        load(path, "perusahaan", "p.csv", f.PERUSAHAAN_CLEAN, wait_s=0)
    # a reader (the dashboard) still reads the live file during the import
    assert query(path, "select count(*) from peserta") == [(PERSONS,)]
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert out.startswith(f"inserted {PERSONS * PROGRAMS}, replaced 0, rejected 0")
    assert query(path, "select count(*) from pendaftaran") == [(PERSONS * PROGRAMS,)]
    assert query(path, "select count(*) from perusahaan") == [(0,)]  # was refused
    assert load(path, "perusahaan", "p.csv", f.PERUSAHAAN_CLEAN).inserted == 3
