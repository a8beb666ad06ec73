"""The benchmark's one table: rows from the raw measurements, text and CSV forms.

One row per page and size (queries, cold, warm, filter change, AppTest render), per
KPI and size (product, DuckDB on base tables, pandas, Polars; equal), one for the database
(file, build, peak memory) and one for the 1M-row import. The ``target`` column
says whether a row meets the issue's targets (10m: warm < 250 ms, cold < 1.5 s,
memory < 2 GB, pandas ≥ 10× slower than the product; 10k: every page < 100 ms; import < 30 s).
"""

from __future__ import annotations

import csv
import os
import platform
from collections.abc import Sequence
from pathlib import Path
from typing import Any

COLUMNS = (
    "size",
    "item",
    "queries",
    "cold_ms",
    "warm_ms",
    "filter_ms",
    "render_ms",
    "base_ms",
    "pandas_ms",
    "polars_ms",
    "speedup",
    "note",
    "target",
)
PAGE_LIMITS = {
    "10m": {"warm_ms": 250, "filter_ms": 250, "cold_ms": 1500},
    "10k": {"warm_ms": 100, "filter_ms": 100},
}
MEMORY_LIMIT_MB = 2048
SPEEDUP_MIN = 10
IMPORT_LIMIT_S = 30


def _page(path: str) -> str:
    return path.removeprefix("pages/").removesuffix(".py")


def _verdict(misses: list[str], applies: bool) -> str:
    if not applies:
        return ""
    return "MISSED " + "; ".join(misses) if misses else "met"


def page_rows(m: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per page: query count, cold, warm, filter change, render."""
    size, limits = m["size"], PAGE_LIMITS.get(m["size"], {})
    rows = []
    for page, r in m["replay"]["pages"].items():
        render = m["record"]["pages"][page]["render_ms"]
        misses = [f"{k} > {v}" for k, v in limits.items() if r[k] > v]
        rows.append(
            {
                "size": size,
                "item": f"page {_page(page)}",
                "queries": r["queries"],
                "cold_ms": r["cold_ms"],
                "warm_ms": r["warm_ms"],
                "filter_ms": r["filter_ms"],
                "render_ms": render,
                "note": "slowest: "
                + ", ".join(f"{k} {v:.0f}" for k, v in list(r["slowest"].items())[:2]),
                "target": _verdict(misses, bool(limits)),
            }
        )
    return rows


def kpi_rows(m: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per KPI (product on marts, DuckDB on base tables, pandas, Polars) and
    one for all of them with the ratios. ``speedup`` = pandas / product."""
    size, kpis = m["size"], m["peers"]["kpis"]
    rows = [
        {
            "size": size,
            "item": f"kpi {kpi}",
            "queries": 1,
            "warm_ms": r["product_ms"],
            "base_ms": r["base_ms"],
            "pandas_ms": r["pandas_ms"],
            "polars_ms": r["polars_ms"],
            "speedup": r["pandas_ms"] / r["product_ms"],
            "note": "equal"
            if r["equal"]
            else "DIFFERENT: " + "; ".join(r["differences"]),
        }
        for kpi, r in kpis.items()
    ]
    total = {
        k: sum(r[k] for r in kpis.values())
        for k in ("product_ms", "base_ms", "pandas_ms", "polars_ms")
    }
    equal = all(r["equal"] for r in kpis.values())
    load = m["peers"]["load_s"]
    ratio = total["pandas_ms"] / total["product_ms"]
    rows.append(
        {
            "size": size,
            "item": f"kpi all {len(kpis)}",
            "queries": len(kpis),
            "warm_ms": total["product_ms"],
            "base_ms": total["base_ms"],
            "pandas_ms": total["pandas_ms"],
            "polars_ms": total["polars_ms"],
            "speedup": ratio,
            "note": f"{'all equal' if equal else 'NOT EQUAL'}; "
            + peer_ratios(total)
            + f"; load pandas {load['pandas']:.1f} s, Polars {load['polars']:.1f} s; "
            f"peak {m['peers']['peak_mb']:,.0f} MB",
            "target": _verdict(
                [f"speedup < {SPEEDUP_MIN}"] if ratio < SPEEDUP_MIN else [],
                size == "10m",
            ),
        }
    )
    return rows


def peer_ratios(total: dict[str, float]) -> str:
    """Each peer's time over the product's (marts) and over DuckDB's on the base
    tables: above 1 the peer is slower, below 1 faster."""
    return (
        f"time peer / product (marts): pandas {total['pandas_ms'] / total['product_ms']:.1f}, "
        f"Polars {total['polars_ms'] / total['product_ms']:.1f}; "
        f"peer / DuckDB on base tables: pandas {total['pandas_ms'] / total['base_ms']:.1f}, "
        f"Polars {total['polars_ms'] / total['base_ms']:.1f}"
    )


def database_row(m: dict[str, Any]) -> dict[str, Any]:
    """File size, build time, peak memory of the query and AppTest processes."""
    d, size = m["db"], m["size"]
    peak = max(m["replay"]["peak_mb"], m["record"]["peak_mb"])
    note = (
        f"{d['enrolments']:,} enrolments; file {d['size_mb']:,.0f} MB; build {d['build_s']:.0f} s "
        f"(peak {d['build_peak_mb']:,.0f} MB); peak RSS queries {m['replay']['peak_mb']:,.0f} MB, "
        f"app under AppTest {m['record']['peak_mb']:,.0f} MB"
    )
    misses = (
        [f"peak {peak:.0f} MB > {MEMORY_LIMIT_MB}"] if peak > MEMORY_LIMIT_MB else []
    )
    return {
        "size": size,
        "item": "database",
        "note": note,
        "target": _verdict(misses, size == "10m"),
    }


def import_row(r: dict[str, Any]) -> dict[str, Any]:
    """The 1M-row pendaftaran import."""
    ok = r["rc"] == 0 and r["loaded"] == r["rows"]
    note = (
        f"{r['rows']:,} rows, {r['csv_mb']:.0f} MB CSV: {r['wall_s']:.1f} s wall, peak {r['peak_mb']:,.0f} MB"
        + ("" if ok else f"; FAILED rc={r['rc']} loaded={r['loaded']}")
    )
    misses = (
        []
        if ok and r["wall_s"] < IMPORT_LIMIT_S
        else [f"{r['wall_s']:.1f} s ≥ {IMPORT_LIMIT_S} s"]
    )
    return {
        "size": "1m",
        "item": "import pendaftaran",
        "note": note,
        "target": _verdict(misses, True),
    }


def rows(
    sizes: Sequence[dict[str, Any]], imported: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """Every row of the table, sizes in the order measured."""
    out: list[dict[str, Any]] = []
    for m in sizes:
        out += page_rows(m) + kpi_rows(m) + [database_row(m)]
    if imported:
        out.append(import_row(imported))
    return out


def _cell(value: Any, column: str) -> str:
    if value is None or value == "":
        return ""
    if column == "speedup":
        return f"{value:.1f}×"
    if column.endswith("_ms"):
        return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"
    return str(value)


def text(table: Sequence[dict[str, Any]]) -> str:
    """The table as Markdown (also readable in a terminal)."""
    cells = [[_cell(r.get(c), c) for c in COLUMNS] for r in table]
    lines = [
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join("---" for _ in COLUMNS) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def write_csv(path: Path, table: Sequence[dict[str, Any]]) -> None:
    """The table as CSV (numbers unrounded)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for row in table:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})


def context(before: tuple[float, ...], after: tuple[float, ...]) -> str:
    """Machine, versions and load average around the run."""
    import duckdb
    import pandas
    import polars
    import streamlit

    return (
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, duckdb {duckdb.__version__}, "
        f"pandas {pandas.__version__}, polars {polars.__version__}, streamlit {streamlit.__version__}; load average "
        f"(1/5/15 min) before {before[0]:.1f}/{before[1]:.1f}/{before[2]:.1f}, after {after[0]:.1f}/{after[1]:.1f}/{after[2]:.1f}"
    )
