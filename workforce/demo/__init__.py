"""Deterministic demo data for a synthetic Kota Cilegon, 2019-2025.

``build_demo(conn, participants, seed)`` fills a database prepared by
``refresh.init_database`` with persons, programmes, enrolments, placements, employers,
vacancies, budgets and targets drawn from ``np.random.default_rng(seed)``: the same
seed and size give the same tables. ``build_demo_file`` builds a demo database file
atomically and refuses to replace real data. The parts: ``catalog`` (static lists
and rates), ``plan`` (enrolments, programmes, persons), ``labour`` (employers,
placements, vacancies), ``money`` (budgets, monthly spending, targets).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import duckdb
import numpy as np

from workforce import refresh
from workforce.core import db
from workforce.demo import store
from workforce.demo.labour import make_employers, make_lowongan, make_placements
from workforce.demo.money import kpi_actuals, make_anggaran, make_bulanan, make_targets
from workforce.demo.plan import (
    AS_OF,
    Arrays,
    make_batches,
    make_persons,
    plan_enrolments,
    set_outcomes,
)
from workforce.demo.tracer import make_tracer
from workforce.public import release

__all__ = ["AS_OF", "RealDataError", "build_demo", "build_demo_file"]

DATA_TABLES = (
    "peserta",
    "program",
    "pendaftaran",
    "penempatan",
    "pelacakan",
    "perusahaan",
    "lowongan",
    "anggaran",
    "realisasi_bulanan",
)


class RealDataError(RuntimeError):
    """The target database holds real (non-demo) data; the demo will not replace it."""


def read_reference(conn: duckdb.DuckDBPyConnection) -> dict[str, np.ndarray]:
    """Kecamatan (with population) and kelurahan codes from the reference tables."""
    kec = conn.table("ref_kecamatan").order("kecamatan_kode").fetchnumpy()
    kel = conn.table("ref_kelurahan").order("kelurahan_kode").fetchnumpy()
    kec_code = np.asarray(kec["kecamatan_kode"], dtype=str)
    kel_kec = np.searchsorted(kec_code, np.asarray(kel["kecamatan_kode"], dtype=str))
    count = np.bincount(kel_kec, minlength=len(kec_code))
    return {
        "kec_code": kec_code,
        "kec_name": np.asarray(kec["nama"], dtype=str),
        "kec_w": np.asarray(kec["penduduk"], dtype=float),
        "kec_no": np.array([int(c.rsplit(".", 1)[1]) for c in kec_code]),
        "kel_code": np.asarray(kel["kelurahan_kode"], dtype=str),
        "first": np.r_[0, np.cumsum(count)[:-1]],
        "count": count,
    }


class Demo(NamedTuple):
    """Every generated table, as numpy arrays."""

    ref: Arrays
    e: Arrays
    prog: Arrays
    persons: Arrays
    emp: Arrays
    pl: Arrays
    vac: Arrays
    ang: Arrays
    months: np.ndarray
    targets: Arrays
    tr: Arrays


def generate(conn: duckdb.DuckDBPyConnection, participants: int, seed: int) -> Demo:
    """Draw every table from one random generator, in a fixed order."""
    rng = np.random.default_rng(seed)
    ref = read_reference(conn)
    e, prog = make_batches(rng, plan_enrolments(rng, participants))
    persons = make_persons(rng, e, prog, ref)
    del e["want"], e["primary"]  # not needed any more; frees memory at scale
    set_outcomes(rng, e, prog)
    kec_kode = dict(zip(ref["kec_name"], ref["kec_code"], strict=True))
    emp = make_employers(rng, participants, kec_kode)
    pl = make_placements(rng, e, prog, emp)
    vac = make_lowongan(rng, e, emp)
    ang = make_anggaran(rng, prog)
    months = make_bulanan(rng, ang, prog)
    targets = make_targets(kpi_actuals(e, prog, pl, ang, emp))
    tr = make_tracer(rng, e, pl, emp)  # drawn last: the other tables stay as they were
    return Demo(ref, e, prog, persons, emp, pl, vac, ang, months, targets, tr)


def store_all(conn: duckdb.DuckDBPyConnection, d: Demo) -> dict[str, int]:
    """Insert every table, parents before children; return row counts."""
    ids, kode, firms = d.persons["ids"], d.prog["kode"], d.emp["kode"]
    rank = store.hash_rank(ids)

    def by_person(person: np.ndarray) -> np.ndarray:
        return np.argsort(rank[person], kind="stable")

    tables: list[tuple[str, store.Columns, np.ndarray | None]] = [
        *((name, cols, None) for name, cols in store.reference_columns(d.emp).items()),
        ("program", store.program_columns(d.prog), None),
        ("peserta", store.peserta_columns(d.persons, d.ref), np.argsort(rank)),
        (
            "pendaftaran",
            store.pendaftaran_columns(d.e, ids, kode),
            by_person(d.e["person"]),
        ),
        (
            "penempatan",
            store.penempatan_columns(d.pl, ids, kode, firms),
            by_person(d.pl["person"]),
        ),
        (
            "pelacakan",
            store.pelacakan_columns(d.tr, d.e, ids, kode, firms),
            by_person(d.e["person"][d.tr["row"]]),
        ),
        ("lowongan", store.lowongan_columns(d.vac, firms), None),
        *(
            (name, cols, None)
            for name, cols in store.budget_columns(d.ang, d.months, d.prog).items()
        ),
        ("target", dict(d.targets), None),
    ]
    return {name: store.insert(conn, name, cols, order) for name, cols, order in tables}


def build_demo(
    conn: duckdb.DuckDBPyConnection, participants: int = 6000, seed: int = 42
) -> dict[str, int]:
    """Fill an initialised database with demo data; return row counts per table."""
    if participants < 1:
        raise ValueError("participants must be at least 1")
    counts = store_all(conn, generate(conn, participants, seed))
    db.set_info(conn, "data_as_of", AS_OF)  # before the marts: the public aggregates
    refresh.refresh_marts(conn)
    info = {
        "is_demo": "true",
        "demo_seed": str(seed),
        "demo_participants": str(participants),
        "data_as_of": AS_OF,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    for key, value in info.items():
        db.set_info(conn, key, value)
    return counts


# ---- building a file --------------------------------------------------------------


def real_data_reason(conn: duckdb.DuckDBPyConnection) -> str | None:
    """Why this database holds real data (None if it is empty or pure demo)."""
    listed = conn.table_function("duckdb_tables").select("table_name").fetchall()
    tables = {row[0] for row in listed}
    info = db.get_info(conn) if "dataset_info" in tables else {}
    if info.get("has_real_data") == "true":
        return "dataset_info has_real_data = true (real data was imported)"
    if info.get("is_demo") == "true":
        return None
    filled = [
        t for t in DATA_TABLES if t in tables and conn.table(t).limit(1).fetchall()
    ]
    return (
        f"it is not a demo database and has rows in {', '.join(filled)}"
        if filled
        else None
    )


def check_replaceable(path: Path) -> None:
    """Raise RealDataError unless ``path`` is missing, empty or a demo database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        conn = db.connect(path, read_only=True)
    except duckdb.Error as exc:
        if "lock" in str(exc).lower():
            raise db.LockedError(f"{path} is open in another process: {exc}") from exc
        raise RealDataError(
            f"{path}: cannot be read ({exc}); not replacing it"
        ) from exc
    try:
        reason = real_data_reason(conn)
    finally:
        conn.close()
    if reason:
        raise RealDataError(f"{path}: refusing to replace it with demo data: {reason}")


def build_demo_file(
    path: Path, participants: int = 6000, seed: int = 42
) -> dict[str, int]:
    """Build a new demo database at ``path`` (replacing only a demo or empty one),
    with release 1 of its public figures published."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with db.writer_lock(path):  # no import is half-way: check, then clear the old demo
        check_replaceable(path)
        for old in (path, path.with_name(path.name + ".wal")):
            old.unlink(missing_ok=True)
    with db.atomic_write(path) as conn:
        reason = real_data_reason(conn)  # another writer may have created it since
        if reason:
            raise RealDataError(f"{path}: refusing to build demo data: {reason}")
        refresh.init_database(conn)
        counts = build_demo(conn, participants, seed)
        release.publish(conn, release.DEMO_NOTE, "init-demo")  # the page works at once
        return counts
