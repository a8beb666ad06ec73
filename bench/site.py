"""Benchmark: how long the static public site takes to generate, per size.

``python bench/site.py [--sizes 10k 1m] [--cache DIR]`` builds (or reuses) the demo
database of each size (``bench/build.py``), then runs ``python -m workforce
publish-site`` on it in a child process, three times, and prints the wall time, the
peak memory and what was written. Generation reads the public aggregates only
(pub_kpi, pub_outcome), so it should hardly grow with the number of enrolments.
Figures only, never an assertion.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.build import build
from bench.common import DEFAULT_CACHE, SIZES, run_child


def time_site(db_path: Path, runs: int) -> tuple[list[float], float, int]:
    """Wall seconds of each generation, the peak RSS (MB) and the files written."""
    walls, peaks = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        for _ in range(runs):
            cmd = [sys.executable, "-m", "workforce", "publish-site", "--db", str(db_path),
                   "--out", str(out), "--base-url", "https://data.cilegon.example/"]  # fmt: skip
            child = run_child(cmd, Path(tmp) / "publish.log")
            if child.rc:
                raise RuntimeError(child.output[-2000:])
            walls.append(child.wall_s)
            peaks.append(child.peak_mb)
        files = sum(1 for p in out.resolve().rglob("*") if p.is_file())
    return walls, max(peaks), files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", default=["10k", "1m"], choices=SIZES)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    print(
        "| size | enrolments | generation s (median of runs) | runs s | peak MB | files |"
    )
    print("|---|--:|--:|---|--:|--:|")
    for size in args.sizes:
        built = build(size, args.cache)
        walls, peak, files = time_site(Path(built["path"]), args.runs)
        runs = ", ".join(f"{w:.1f}" for w in walls)
        print(f"| {size} | {SIZES[size]:,} | {statistics.median(walls):.1f} | {runs} "
              f"| {peak:,.0f} | {files} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
