"""What follows every change of the data: marts, checks and public aggregates.

Called by the import (``workforce.ingest``), the demo build (``workforce.demo``)
and the ``init``/``upgrade`` commands, inside the same write transaction as the
change itself (``db.atomic_write``). It sits above ``core`` and the ``public``
feature, so that ``core`` never imports a feature.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import duckdb

from workforce.core import checks, db
from workforce.core.config import QUERIES_DIR, ROOT
from workforce.public import numbers as public_numbers
from workforce.public import release

# Python whose results refresh_marts stores: a change here makes the marts stale.
_STORED_BY = ("workforce/core/metrics.py", "workforce/public/numbers.py")


def marts_digest() -> str:
    """A hash of what refresh_marts stores: the SQL of queries/marts/ and
    queries/checks/, and of the public aggregates (the registry's queries/metrics/,
    queries/public/build/ and store/, the registry and the public aggregates'
    code). A file built with other code is stale. Whole-line SQL comments are left
    out, so editing a file's notes does not make a database rebuild its marts."""
    digest = hashlib.sha256()
    files = [
        *(QUERIES_DIR / "marts").glob("*.sql"),
        *(QUERIES_DIR / "checks").glob("*.sql"),
        *(QUERIES_DIR / "metrics").glob("*.sql"),
        *(QUERIES_DIR / "public" / "build").glob("*.sql"),
        *(QUERIES_DIR / "public" / "store").glob("*.sql"),
    ]
    for path in sorted(files):
        lines = path.read_text(encoding="utf-8").splitlines()
        code = "\n".join(x for x in lines if not x.lstrip().startswith("--"))
        digest.update(path.name.encode() + b"\0" + code.encode())
    for name in _STORED_BY:
        digest.update(name.encode() + b"\0" + (ROOT / name).read_bytes())
    return digest.hexdigest()[:16]


def refresh_marts(conn: duckdb.DuckDBPyConnection) -> list[checks.CheckResult]:
    """Rebuild the pre-aggregated tables (queries/marts/*.sql), store the data-quality
    check results (``check_results``, also returned) and the public aggregates
    (pub_kpi, pub_outcome, for the data_as_of already set), bump data_version."""
    db.build_marts(conn)
    found = checks.store(conn)
    public_numbers.store(conn)
    db.set_info(conn, "data_version", str(time.time_ns()))
    db.set_info(conn, "marts_digest", marts_digest())
    return found


def init_database(conn: duckdb.DuckDBPyConnection) -> None:
    """Schema, reference tables, published statistics and empty marts."""
    db.migrate(conn)
    db.seed_reference(conn)
    refresh_marts(conn)


def upgrade_needed(path: Path) -> list[str]:
    """Why an existing database file needs ``upgrade`` (empty: it is current).

    Read-only: a newer schema migration not applied, or marts built from other
    SQL than queries/marts/ holds now (a new version of the dashboard).
    """
    conn = db.connect(path, read_only=True)
    try:
        reasons = []
        latest = max((v for v, _ in db.migration_files()), default=0)
        current = db.schema_version_readonly(conn)
        if current < latest:
            reasons.append(f"schema version {current} < {latest}")
        built = db.get_info(conn).get("marts_digest") if current else None
        if current and built != marts_digest():
            reasons.append(
                "the pre-aggregated tables (marts) were built by another version"
            )
        return reasons
    finally:
        conn.close()


def upgrade(path: Path) -> list[str]:
    """Apply new migrations and rebuild stale marts, atomically; what was done."""
    reasons = upgrade_needed(path)
    if reasons:
        with db.atomic_write(path) as conn:
            refresh_marts(conn)  # atomic_write has applied the migrations
            if release.latest(conn) is None:
                # a database from before releases: the public keeps seeing what it
                # saw, as release 1, instead of an empty page until an admin acts
                release.publish(conn, release.UPGRADE_NOTE, "upgrade")
                reasons.append("release 1 published from the current public figures")
    return reasons
