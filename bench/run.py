"""The performance benchmark: demo databases at 10 thousand, 1 million and 10 million
enrolments; every page's query set cold, warm and after a filter change; page renders
under AppTest; peak memory; file size; the KPIs against pandas and Polars peers
(bench/peers.py); a 1M-row import; the load test of the server (bench/load_test.py).

Usage: ``python bench/run.py [--sizes 10k,1m,10m] [--cache DIR] [--runs N]``.
Prints one table and writes it to ``bench/results/bench_<time>.csv`` (and
``bench/results/latest.csv``); the raw measurements go to ``bench/results/raw/``.
Databases are cached in ``--cache`` (default ``/tmp/workforce-bench`` or
``$WORKFORCE_BENCH_CACHE``); the 10M build takes minutes the first time.
Each measurement runs in its own child process (see bench/common.py). Figures are
wall times on a shared machine: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import build, import_bench, report
from bench.common import DEFAULT_CACHE, RESULTS, SIZES, python, read_json, run_child
from workforce.core import db


def enrolments(path: str) -> int:
    """Rows of ``pendaftaran`` in a database."""
    conn = db.connect(path, read_only=True)
    try:
        return int(conn.table("pendaftaran").aggregate("count(*)").fetchall()[0][0])
    finally:
        conn.close()


def child_json(script: str, args: list[str], out: Path, log: Path) -> dict[str, Any]:
    """Run one measuring child; its JSON result plus its own peak RSS."""
    child = run_child(python(script, *args, "--out", str(out)), log)
    if child.rc:
        raise RuntimeError(
            f"bench/{script} failed (see {log}):\n{child.output[-3000:]}"
        )
    return {**read_json(out), "child_peak_mb": child.peak_mb, "wall_s": child.wall_s}


def measure_size(size: str, args: argparse.Namespace, raw: Path) -> dict[str, Any]:
    """Build or reuse one database and run the three measuring children on it."""
    info = build.build(size, args.cache, args.rebuild)
    path = info["path"]
    info["enrolments"] = enrolments(path)
    calls = raw / f"calls_{size}.json"
    print(f"[{size}] recording pages under AppTest ...")
    rec = child_json(
        "record.py",
        ["--db", path, "--runs", str(args.render_runs)],
        calls,
        raw / f"record_{size}.log",
    )
    print(f"[{size}] replaying query sets (cold, warm, filter) ...")
    rep = child_json(
        "replay.py",
        [
            "--db",
            path,
            "--calls",
            str(calls),
            "--runs",
            str(args.runs),
            "--cold-runs",
            str(args.cold_runs),
        ],
        raw / f"replay_{size}.json",
        raw / f"replay_{size}.log",
    )
    print(f"[{size}] KPIs: product, DuckDB on base tables, pandas, Polars ...")
    peers = child_json(
        "peers.py",
        ["--db", path, "--runs", str(args.runs)],
        raw / f"peers_{size}.json",
        raw / f"peers_{size}.log",
    )
    return {"size": size, "db": info, "record": rec, "replay": rep, "peers": peers}


def load_test(args: argparse.Namespace, raw: Path) -> dict[str, Any]:
    """The load test of the server (bench/load_test.py) on the city-size (10k)
    database: 1 and 2 workers behind HAProxy, the paced phase with a worker killed
    and an import, the profile's settings."""
    path = build.build("10k", args.cache)["path"]
    print(
        f"[load] {args.load_users} tabs per phase, {args.load_seconds:.0f} s each ..."
    )
    out = raw / "load_test.json"
    cmd = python(
        "load_test.py", "--db", str(path), "--users", str(args.load_users),
        "--seconds", str(args.load_seconds), "--paced-users", str(args.paced_users),
        "--kill", "--import-during", "--settings", "--out", str(out),
    )  # fmt: skip
    child = run_child(cmd, raw / "load_test.log")
    if child.rc:
        raise RuntimeError(f"bench/load_test.py failed:\n{child.output[-3000:]}")
    return read_json(out)


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="10k,1m,10m", help="comma-separated: " + ",".join(SIZES)
    )
    parser.add_argument(
        "--cache", type=Path, default=DEFAULT_CACHE, help="where the databases are kept"
    )
    parser.add_argument(
        "--runs", type=int, default=7, help="warm runs per measure (median)"
    )
    parser.add_argument(
        "--cold-runs", type=int, default=3, help="cold runs per page (median)"
    )
    parser.add_argument(
        "--render-runs", type=int, default=3, help="AppTest renders per page (median)"
    )
    parser.add_argument(
        "--no-import", action="store_true", help="skip the 1M-row import"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="build the databases again"
    )
    parser.add_argument(
        "--load-users", type=int, default=6, help="load test tabs per phase (0: skip)"
    )
    parser.add_argument(
        "--load-seconds", type=float, default=15, help="load test phase length"
    )
    parser.add_argument(
        "--paced-users", type=int, default=50, help="load test paced tabs (10 s apart)"
    )
    args = parser.parse_args()
    args.sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in args.sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown sizes {unknown}; choose from {list(SIZES)}")
    return args


def main() -> None:
    """Measure every size, then the import; print and write the table."""
    args = parse_args()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    raw = RESULTS / "raw" / stamp
    load_before = os.getloadavg()
    sizes = [measure_size(size, args, raw) for size in args.sizes]
    imported = None if args.no_import else import_bench.measure(args.cache / "import")
    loaded = load_test(args, raw) if args.load_users else None
    table = report.rows(sizes, imported)
    context = report.context(load_before, os.getloadavg())
    text = report.text(table) + ("\n\n" + loaded["text"] if loaded else "")
    print()
    print(text)
    print(context)
    for name in (f"bench_{stamp}.csv", "latest.csv"):
        report.write_csv(RESULTS / name, table)
    (RESULTS / "latest.txt").write_text(text + "\n" + context + "\n")
    print(f"written: {RESULTS / f'bench_{stamp}.csv'} (raw figures in {raw})")


if __name__ == "__main__":
    main()
