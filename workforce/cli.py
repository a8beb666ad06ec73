"""The command line: ``python -m workforce <command>``.

Each command is a small function taking the parsed arguments and returning an exit
code. The database path follows the shared rule (``--db``, ``$WORKFORCE_DB``, the
embedded default in ``data/``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date

from workforce import refresh
from workforce.access import cli as auth_cli
from workforce.core import config, db, reporting
from workforce.ingest import cli as ingest_cli
from workforce.ingest import retention
from workforce.planning.meeting_pack import cli as meeting_pack_cli
from workforce.public import audit, open_data, publishing, release, site
from workforce.public.site import cli as site_cli
from workforce.serve import cli as serve_cli
from workforce.serve.snapshots import SnapshotError

Command = Callable[[argparse.Namespace], int]


def cmd_init(args: argparse.Namespace) -> int:
    """Create (or upgrade) a database with the schema and reference tables; a new
    one starts with release 1 of its (still empty) public figures published."""
    path = config.db_path(args.db)
    new = not path.exists()
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)
        if new:
            release.publish(conn, release.FIRST_NOTE, "init")
    print(f"database ready: {path} (schema version {_version(path)})")
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    """Bring an existing database up to this version (migrations, marts)."""
    path = config.db_path(args.db)
    if not path.exists():
        print(f"error: no database at {path}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    done = refresh.upgrade(path)
    if done:
        elapsed = time.perf_counter() - started
        print(f"database upgraded: {path} in {elapsed:.1f} s ({'; '.join(done)})")
    else:
        print(f"database up to date: {path}")
    return 0


def cmd_init_demo(args: argparse.Namespace) -> int:
    """Build the deterministic demo database (never over real data)."""
    from workforce.demo import RealDataError, build_demo_file

    path = config.db_path(args.db)
    started = time.perf_counter()
    try:
        counts = build_demo_file(path, participants=args.participants, seed=args.seed)
    except RealDataError as exc:
        print(
            f"error: {exc}. The demo is built only into a new, empty or demo "
            "database: give another file with --db.",
            file=sys.stderr,
        )
        return 5
    elapsed = time.perf_counter() - started
    summary = ", ".join(f"{table} {n:,}" for table, n in counts.items())
    print(f"demo database built: {path} in {elapsed:.1f} s ({summary})")
    if failed := site.refresh_after_change(path):
        print(f"public site not updated: {failed}")
    elif config.site_dir():
        print(f"public site written: {config.site_dir()}")
    return 0


def cmd_kpis(args: argparse.Namespace) -> int:
    """Print every KPI of the registry for the whole city as one JSON object."""
    from workforce.core import metrics

    path = config.db_path(args.db)
    if not path.exists():
        print(f"error: no database at {path}", file=sys.stderr)
        return 2
    conn = db.connect(path, read_only=True)
    try:
        given = date.fromisoformat(args.as_of) if args.as_of else None
        as_of = given or reporting.as_of(db.get_info(conn))
        values = metrics.kpis_for_year(conn, args.year, as_of)
    finally:
        conn.close()
    if args.json:
        print(json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        for kpi_id, value in values.items():
            print(f"{kpi_id}: {value}")
    return 0


def _version(path: object) -> int:
    conn = db.connect(str(path), read_only=True)
    try:
        return db.schema_version_readonly(conn)
    finally:
        conn.close()


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    """The argument parser and the function behind each command."""
    parser = argparse.ArgumentParser(prog="python -m workforce", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    handlers: dict[str, Command] = {}

    p = sub.add_parser("init", help="empty database with schema and reference tables")
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    handlers["init"] = cmd_init

    p = sub.add_parser(
        "upgrade", help="upgrade an existing database (migrations, pre-aggregates)"
    )
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    handlers["upgrade"] = cmd_upgrade

    p = sub.add_parser("init-demo", help="build the demo database")
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument(
        "--participants", type=int, default=6000, help="persons (default 6000)"
    )
    p.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    handlers["init-demo"] = cmd_init_demo
    auth_cli.add_commands(sub, handlers)

    p = sub.add_parser("kpis", help="every KPI for the whole city for one year")
    p.add_argument("--year", type=int, required=True, help="reporting year")
    p.add_argument(
        "--as-of",
        help="reporting date YYYY-MM-DD (default: the database's reporting date, "
        "the earliest 'data per' of its tables; else 31 Dec of YEAR)",
    )
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    handlers["kpis"] = cmd_kpis
    ingest_cli.add_parser(sub, handlers)
    retention.add_parser(sub, handlers)
    open_data.add_parser(sub, handlers)
    audit.add_parser(sub, handlers)
    site_cli.add_parser(sub, handlers)
    publishing.add_parser(sub, handlers)
    meeting_pack_cli.add_parser(sub, handlers)
    serve_cli.add_commands(sub, handlers)
    return parser, handlers


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and run one command."""
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    try:
        return handlers[args.command](args)
    except db.LockedError as exc:
        print(
            f"error: another import or build is writing {exc}; try again later",
            file=sys.stderr,
        )
        return 3
    except SnapshotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
