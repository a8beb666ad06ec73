"""Replay each page's recorded query set straight against DuckDB: cold, warm, filtered.

Child process of ``bench/run.py``: ``python bench/replay.py --db PATH --calls JSON
--out JSON``. No Streamlit, no cache: every recorded call runs on a fresh cursor
and its result is read the way the app read it (a DataFrame for ``db.run``,
tuples for ``db.rows``).

- cold: the file's pages are dropped from the OS cache (``posix_fadvise``), a new
  connection opens it, and the page's whole set runs (connect time included);
- warm: the same connection, file in the OS cache and DuckDB's buffers, median of
  ``--runs`` after one unmeasured run;
- filter: the page's set recorded with a kejuruan filter, on the warm connection.

The peak RSS of this process is reported too (the DuckDB side of "peak memory").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    decode_params,
    evict,
    median_ms,
    peak_rss_mb,
    read_json,
    resident_mb,
    write_json,
)
from workforce.core import db
from workforce.core.config import APP_MEMORY_LIMIT

Call = tuple[str, str, Any, str]


def prepared(calls: list[dict[str, Any]]) -> list[Call]:
    """Recorded calls as (name, sql, params, fetch) ready to run."""
    return [
        (c["name"], c["sql"], decode_params(c["params"]), c.get("fetch") or "df")
        for c in calls
    ]


def run_set(conn: Any, calls: list[Call]) -> None:
    """Run every call on a fresh cursor, reading the result as the app read it."""
    for _, sql, params, fetch in calls:
        cur = conn.cursor()
        try:
            getattr(cur.execute(sql, params), fetch)()
        finally:
            cur.close()


def per_query_ms(conn: Any, calls: list[Call]) -> dict[str, float]:
    """Warm milliseconds per query name (summed over its calls), slowest first."""
    spent: dict[str, float] = {}
    for call in calls:
        started = time.perf_counter()
        run_set(conn, [call])
        spent[call[0]] = (
            spent.get(call[0], 0.0) + (time.perf_counter() - started) * 1000
        )
    return dict(sorted(spent.items(), key=lambda kv: -kv[1]))


def cold_ms(path: Path, calls: list[Call], runs: int) -> tuple[float, float | None]:
    """Median ms of open + whole set with the file out of the OS cache."""
    times, resident = [], None
    for _ in range(runs):
        evict(path)
        resident = resident_mb(path)
        started = time.perf_counter()
        conn = db.connect(path, read_only=True, memory_limit=APP_MEMORY_LIMIT)
        try:
            run_set(conn, calls)
        finally:
            conn.close()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), resident


def measure(path: Path, recorded: dict[str, Any], runs: int, cold_runs: int) -> dict:
    """Cold, warm and filtered timings of every page's set."""
    frame = prepared(recorded["frame"])
    out: dict[str, Any] = {}
    for page, data in recorded["pages"].items():
        calls, filtered = frame + prepared(data["calls"]), prepared(data["filtered"])
        cold, resident = cold_ms(path, calls, cold_runs)
        conn = db.connect(path, read_only=True, memory_limit=APP_MEMORY_LIMIT)
        try:
            run_set(conn, calls)
            warm = median_ms(lambda c=calls, k=conn: run_set(k, c), runs)
            run_set(conn, filtered)
            changed = median_ms(lambda c=filtered, k=conn: run_set(k, c), runs)
            slowest = per_query_ms(conn, calls)
        finally:
            conn.close()
        out[page] = {
            "queries": len(calls),
            "cold_ms": cold,
            "resident_after_evict_mb": resident,
            "warm_ms": warm,
            "filter_ms": changed,
            "slowest": dict(list(slowest.items())[:5]),
        }
        print(
            f"{page}: {len(calls)} q, cold {cold:.0f} warm {warm:.1f} filter {changed:.1f} ms"
        )
    return {"pages": out, "peak_mb": peak_rss_mb()}


def main() -> None:
    """Parse arguments, measure, write JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--calls", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7, help="warm runs (median)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold runs (median)")
    args = parser.parse_args()
    result = measure(args.db, read_json(args.calls), args.runs, args.cold_runs)
    write_json(args.out, result)


if __name__ == "__main__":
    main()
