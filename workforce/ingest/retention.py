"""Retention: delete the persons whose last programme ended more than N years ago,
with their enrolments, placements and tracer answers, and the rejected rows kept
from imports older than N years, in one atomic write; and
``forget-person``: the same for one person, named by a NIK read from standard input.

The audit log records the counts only (never who); the public figures and marts
are rebuilt from what is left, as after an import.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from workforce import refresh
from workforce.core import config, db, i18n, pseudonym
from workforce.ingest import lookups
from workforce.public import site

TABLES = ("pelacakan", "penempatan", "pendaftaran", "peserta")  # children first


@dataclass(frozen=True)
class RetentionResult:
    """What a retention run deleted (or would delete, on a dry run)."""

    years: int
    cutoff: date
    counts: dict[str, int]
    dry_run: bool

    def text(self, lang: str = i18n.DEFAULT_LANG) -> str:
        """The bilingual summary printed by the command."""
        key = "privacy.retention.dry_run" if self.dry_run else "privacy.retention.done"
        counts = {name: i18n.fmt_number(n, lang) for name, n in self.counts.items()}
        cutoff = i18n.fmt_date(self.cutoff, lang)
        return i18n.t(key, lang, years=self.years, cutoff=cutoff, **counts)


def cutoff_for(years: int, today: date) -> date:
    """``today`` N years back (29 February falls back to the 28th)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def stale_counts(
    conn: duckdb.DuckDBPyConnection, cutoff: date
) -> tuple[pd.DataFrame, dict[str, int]]:
    """The stale persons and how many rows of each personal table they hold."""
    stale = db.run(conn, "retention/stale_persons", cutoff=cutoff)
    row = lookups.read(conn, "retention/stale_counts", retention_stale=stale).iloc[0]
    counts = {f"{t}_count": int(row[f"{t}_count"]) for t in reversed(TABLES)}
    kept = db.rows(conn, "retention/quarantine_count", cutoff=cutoff)[0][0]
    return stale, {**counts, "karantina_count": int(kept)}


def delete(conn: duckdb.DuckDBPyConnection, stale: pd.DataFrame) -> None:
    """Delete the stale persons' rows, children first, on one cursor."""
    cur = conn.cursor()
    try:
        cur.register("retention_stale", stale)
        for table in TABLES:
            db.execute(cur, f"retention/delete_{table}")
    finally:
        cur.close()


def apply(
    path: Path, years: int, today: date, dry_run: bool = False, user: str = "cli"
) -> RetentionResult:
    """Delete (or with ``dry_run`` only count) what is past the retention period."""
    cutoff = cutoff_for(years, today)
    if dry_run:
        conn = db.connect(path, read_only=True)
        try:
            counts = stale_counts(conn, cutoff)[1]
        finally:
            conn.close()
        return RetentionResult(years, cutoff, counts, True)
    with db.atomic_write(path) as conn:
        stale, counts = stale_counts(conn, cutoff)
        db.execute(conn, "retention/delete_quarantine", cutoff=cutoff)
        if counts["peserta_count"]:
            delete(conn, stale)
            refresh.refresh_marts(conn)
        db.execute(conn, "audit/record", **_audit(years, cutoff, counts, user))
    if counts["peserta_count"]:
        site.refresh_after_change(path)
    return RetentionResult(years, cutoff, counts, False)


def forget(path: Path, peserta_id: str, user: str = "cli") -> dict[str, int]:
    """Delete one person and their rows (nothing when unknown); the counts."""
    one = pd.DataFrame({"peserta_id": [peserta_id]})
    with db.atomic_write(path) as conn:
        row = lookups.read(conn, "retention/stale_counts", retention_stale=one).iloc[0]
        counts = {f"{t}_count": int(row[f"{t}_count"]) for t in reversed(TABLES)}
        if counts["peserta_count"]:
            delete(conn, one)
            refresh.refresh_marts(conn)
            detail = "forget-person: " + _counts_text(counts)
            db.execute(conn, "audit/record", **_entry("forget_person", detail, user))
    if counts["peserta_count"]:
        site.refresh_after_change(path)
    return counts


def _counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{k.removesuffix('_count')} {n}" for k, n in counts.items())


def _audit(years: int, cutoff: date, counts: dict[str, int], user: str) -> dict:
    detail = f"retention {years} years (cutoff {cutoff}): " + _counts_text(counts)
    return _entry("retention", detail, user)


def _entry(action: str, detail: str, user: str) -> dict:
    at = datetime.now(UTC).replace(tzinfo=None)
    return {"at": at, "user_name": user, "action": action, "detail": detail}


def add_parser(sub: Any, handlers: dict[str, Any]) -> None:
    """Register the ``retention`` subcommand."""
    p = sub.add_parser(
        "retention",
        help="delete persons with no programme ended in the last N years",
    )
    p.add_argument("--years", type=int, required=True, help="retention period N")
    p.add_argument("--dry-run", action="store_true", help="count only, delete nothing")
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument("--as-of", type=date.fromisoformat, help="today (YYYY-MM-DD)")
    p.add_argument("--user", default="cli", help="who runs it (for the audit log)")
    p.add_argument("--lang", choices=i18n.LANGS, default="id", help="message language")
    handlers["retention"] = cmd_retention
    p = sub.add_parser(
        "forget-person",
        help="delete one person's data (the NIK is read from standard input)",
    )
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument("--user", default="cli", help="who runs it (for the audit log)")
    p.add_argument("--lang", choices=i18n.LANGS, default="id", help="message language")
    handlers["forget-person"] = cmd_forget


def cmd_retention(args: argparse.Namespace) -> int:
    """Run retention and print what it did."""
    path = config.db_path(args.db)
    if args.years < 1 or not path.exists():
        key = "privacy.retention.bad_years" if args.years < 1 else "privacy.no_db"
        print(f"error: {i18n.t(key, args.lang, path=path)}", file=sys.stderr)
        return 2
    today = args.as_of or date.today()
    result = apply(path, args.years, today, args.dry_run, args.user)
    print(result.text(args.lang))
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    """Read a NIK from standard input, delete that person; 1 when unknown."""
    path = config.db_path(args.db)
    if not path.exists():
        print(
            f"error: {i18n.t('privacy.no_db', args.lang, path=path)}", file=sys.stderr
        )
        return 2
    nik = re.sub(r"\D", "", sys.stdin.readline())
    conn = db.connect(path, read_only=True)
    try:
        demo = db.get_info(conn).get("is_demo") == "true"
    finally:
        conn.close()
    try:
        key = pseudonym.key_from_env()
    except pseudonym.KeyFileError as exc:
        print(f"error: {exc.text(args.lang)}", file=sys.stderr)
        return 4
    except pseudonym.MissingKeyError:
        if not demo:
            print(
                f"error: {i18n.t('ingest.error.missing_key', args.lang)}",
                file=sys.stderr,
            )
            return 4
        key = pseudonym.DEMO_KEY
    counts = forget(path, pseudonym.pseudonymise(nik, key), args.user)
    found = counts["peserta_count"] > 0
    key_id = "privacy.forget.done" if found else "privacy.forget.unknown"
    shown = {name: i18n.fmt_number(n, args.lang) for name, n in counts.items()}
    print(i18n.t(key_id, args.lang, **shown))
    return 0 if found else 1
