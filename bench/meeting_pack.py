"""Benchmark: how long the meeting pack takes (target: under 15 s for one click).

Usage: ``python bench/meeting_pack.py [--db PATH] [--participants N] [--runs 3]``.
Without ``--db`` it builds the demo database (6000 participants, seed 42) in a
temporary directory. Prints, in seconds: the planner's basis (what the page caches
per database), then each pack: the first one with a cold Chromium (what a click
costs when the page's warm-up has not finished), the others with the browser
warm, each split into collect / images / pdf / xlsx; and the file sizes.
Figures only, never an assertion (see STYLE.md: bench/ prints figures).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workforce.core import db
from workforce.planning import numbers as planner_data
from workforce.planning.meeting_pack import pack as meeting_pack
from workforce.planning.scenarios import Scenario


def _database(args: argparse.Namespace, tmp: Path) -> Path:
    if args.db:
        return Path(args.db)
    from workforce.demo import build_demo_file

    path = tmp / "bench.duckdb"
    started = time.perf_counter()
    build_demo_file(path, participants=args.participants, seed=42)
    print(
        f"demo database ({args.participants} participants): "
        f"{time.perf_counter() - started:.1f} s"
    )
    return path


def main() -> int:
    """Build the pack ``--runs`` times and print the timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db")
    parser.add_argument("--participants", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", default="id", choices=("id", "en"))
    args = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} cores, load average "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        conn = db.connect(_database(args, Path(tmp)), read_only=True)
        as_of_text = db.get_info(conn).get("data_as_of")
        as_of = date.fromisoformat(as_of_text) if as_of_text else None
        started = time.perf_counter()
        basis = planner_data.load_basis(conn, as_of)
        print(
            f"planner basis (cached by the page): {time.perf_counter() - started:.2f} s"
        )
        scenario = Scenario.from_frame(
            "Bench", basis.plan_year, basis.pagu, basis.seats, basis.latest_year
        )
        for run in range(1, args.runs + 1):
            pack = meeting_pack.build(conn, basis, scenario, args.lang, is_demo=True)
            steps = ", ".join(f"{k} {v:.2f}" for k, v in pack.timings.items())
            label = "cold browser" if run == 1 else "warm browser"
            print(
                f"pack {run} ({label}): {pack.seconds:.2f} s ({steps}); "
                f"PDF {len(pack.pdf) // 1024} KiB, XLSX {len(pack.xlsx) // 1024} KiB"
            )
        conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
