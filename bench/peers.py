"""The KPIs four ways, checked equal and timed side by side (child of bench/run.py).

``python bench/peers.py --db PATH --out JSON [--runs N]`` computes 10 KPIs of the
registry for the dashboard's default selection (latest year, whole city, reporting
date = the data date):

- **product**: ``metrics.compute``, what the dashboard runs (queries/metrics/ on the
  marts, tables pre-aggregated at import);
- **DuckDB on base tables**: the same KPIs from the base tables, one query each
  (queries/bench/), no marts;
- **pandas**: idiomatic pandas (bench/peer_pandas.py) on the base tables read once;
- **Polars**: lazy Polars with categoricals (bench/peer_polars.py), read once.

The peers' loading is timed apart (a dashboard would keep the frames in memory);
each result is compared with the product's (values, numerators, denominators of
every group; counts exactly, Rupiah to 1e-9 relative); each side's time is the
median of ``--runs``. Product vs a peer says what the marts buy; DuckDB on base
tables vs a peer compares the engines on the same work.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import peer_pandas, peer_polars
from bench.common import median_ms, peak_rss_mb, write_json
from workforce.core import db, metrics
from workforce.core.filters import Filters

Groups = dict[str, tuple[float | None, float | None, float | None]]
PEERS = {"pandas": peer_pandas, "polars": peer_polars}


def product(conn: Any, kpi: str, f: Filters) -> Groups:
    """The registry's result as ``{grp: (value, numerator, denominator)}``."""
    r = metrics.compute(conn, kpi, f)
    out = {"total": (r.value, r.numerator, r.denominator)}
    out.update({k: (v.value, v.numerator, v.denominator) for k, v in r.by.items()})
    return out


def base_tables(conn: Any, kpi: str, f: Filters) -> Groups:
    """The KPI from the base tables (queries/bench/<kpi>.sql)."""
    name = f"bench/{kpi}"
    values = {"start": f.start, "end": f.end, "as_of": f.as_of, "tahun": f.tahun}
    params = {k: v for k, v in values.items() if k in db.query_params(name)}
    return {grp: (v, n, d) for grp, v, n, d in db.rows(conn, name, **params)}


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def differences(ours: Groups, theirs: Groups) -> list[str]:
    """Where a peer's result differs from the product's (empty = equal)."""
    out = []
    for grp in sorted(set(ours) | set(theirs)):
        a, b = ours.get(grp), theirs.get(grp)
        if a is None or b is None or not all(map(_same, a, b)):
            out.append(f"{grp}: peer {a} product {b}")
    return out


def default_filters(conn: Any) -> Filters:
    """The dashboard's default selection: latest year, whole city, the data date."""
    as_of = date.fromisoformat(db.get_info(conn)["data_as_of"])
    return Filters(tahun=as_of.year, as_of=as_of)


def _load(module: Any, conn: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    tables = module.load(conn)
    return tables, time.perf_counter() - started


def measure(path: Path, runs: int) -> dict[str, Any]:
    """Load the peers, then compute, compare and time every KPI four ways."""
    conn = db.connect(path, read_only=True)
    f = default_filters(conn)
    loaded = {name: _load(module, conn) for name, module in PEERS.items()}
    kpis = {}
    for kpi in peer_pandas.KPIS:
        truth = product(conn, kpi, f)
        row: dict[str, Any] = {
            "product_ms": median_ms(lambda k=kpi: metrics.compute(conn, k, f), runs),
            "base_ms": median_ms(lambda k=kpi: base_tables(conn, k, f), runs),
            "differences": [
                f"base: {d}" for d in differences(base_tables(conn, kpi, f), truth)
            ],
        }
        for name, module in PEERS.items():
            fn, tables = module.KPIS[kpi], loaded[name][0]
            row[f"{name}_ms"] = median_ms(lambda fn=fn, t=tables: fn(t, f), runs)
            row["differences"] += [
                f"{name}: {d}" for d in differences(fn(tables, f), truth)
            ]
        row["equal"] = not row["differences"]
        kpis[kpi] = row
        print(
            kpi,
            {k: round(v, 1) for k, v in row.items() if k.endswith("_ms")},
            row["equal"],
        )
    conn.close()
    return {
        "tahun": f.tahun,
        "load_s": {name: seconds for name, (_, seconds) in loaded.items()},
        "kpis": kpis,
        "peak_mb": peak_rss_mb(),
    }


def main() -> None:
    """Parse arguments, measure, write JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    write_json(args.out, measure(args.db, args.runs))


if __name__ == "__main__":
    main()
