"""``python -m workforce meeting-pack --year YYYY --out DIR [--scenario NAME]``.

Writes the meeting pack of the year being planned (the PDF and the XLSX, the same
files as the Perencanaan page's buttons) into DIR, so operators can make it from a
script and tests can read it. The basis is the latest year with data before
YEAR; without ``--scenario`` the pack shows that year's budget and seats repeated.
Exit codes: 0 written; 2 no database, no data before YEAR, or no such scenario.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb

from workforce.core import config, db, i18n, reporting
from workforce.core.filters import options_from_db
from workforce.planning import numbers as planner_data
from workforce.planning import planner, scenarios
from workforce.planning.meeting_pack import pack as meeting_pack
from workforce.planning.scenarios import Scenario


class _RefusedError(Exception):
    """A sentence for the operator; the command exits with code 2."""


def add_parser(
    sub: argparse._SubParsersAction,
    handlers: dict[str, Callable[[argparse.Namespace], int]],
) -> None:
    """Register ``meeting-pack`` on the CLI."""
    p = sub.add_parser("meeting-pack", help="the planning meeting's PDF and XLSX")
    p.add_argument("--year", type=int, required=True, help="the year being planned")
    p.add_argument("--out", required=True, help="output directory (created if needed)")
    p.add_argument("--scenario", help="a saved scenario (default: last year repeated)")
    p.add_argument("--lang", choices=i18n.LANGS, default="id", help="pack language")
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    handlers["meeting-pack"] = cmd_meeting_pack


def cmd_meeting_pack(args: argparse.Namespace) -> int:
    """Build the pack and write ``bahan-rapat-<year>-<scenario>.pdf/.xlsx``."""
    path = config.db_path(args.db)
    if not path.exists():
        print(f"error: no database at {path}", file=sys.stderr)
        return 2
    conn = db.connect(path, read_only=True)
    try:
        pack, name = _build(conn, args)
    except (_RefusedError, scenarios.ScenarioError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for ext, content in (("pdf", pack.pdf), ("xlsx", pack.xlsx)):
        target = out / meeting_pack.file_name(args.year, name, ext)
        target.write_bytes(content)
        print(f"written: {target} ({len(content):,} bytes)")
    return 0


def _build(
    conn: duckdb.DuckDBPyConnection, args: argparse.Namespace
) -> tuple[meeting_pack.Pack, str]:
    info = db.get_info(conn)
    options, years = options_from_db(conn)
    before = [y for y in years if y < args.year]
    if not before or max(before) != args.year - 1:
        raise _RefusedError(
            f"no data for {args.year - 1}: the pack plans from the year before"
        )
    basis = planner_data.load_basis(conn, reporting.as_of(info), (options, before))
    chosen = (
        scenarios.load(args.scenario) if args.scenario else _repeat(basis, args.lang)
    )
    demo = info.get("is_demo") == "true"
    return meeting_pack.build(conn, basis, chosen, args.lang, demo), chosen.name


def _repeat(basis: planner.Basis, lang: str) -> Scenario:
    """The latest year's budget and seats, as the planner page starts."""
    name = i18n.t("planner.pack.repeat", lang, year=basis.latest_year)
    return Scenario.from_frame(
        name, basis.plan_year, basis.pagu, basis.seats, basis.latest_year
    )
