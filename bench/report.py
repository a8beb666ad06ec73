"""The benchmark's one table: rows from the raw measurements, text and CSV forms.

One row per page and size (queries, cold, warm, filter change, AppTest render), per
baseline KPI and size (registry vs pandas, speedup, equal), one for the database
(file, build, peak memory) and one for the 1M-row import. The ``target`` column
says whether a row meets the issue's targets (10m: warm < 250 ms, cold < 1.5 s,
memory < 2 GB, pandas ≥ 10× slower; 10k: every page < 100 ms; import < 30 s).
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
    "pandas_ms",
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
    """One row per baseline KPI (registry vs pandas) and one for all of them."""
    size, kpis = m["size"], m["pandas"]["kpis"]
    rows = [
        {
            "size": size,
            "item": f"kpi {kpi}",
            "queries": 1,
            "warm_ms": r["duckdb_ms"],
            "pandas_ms": r["pandas_ms"],
            "speedup": r["pandas_ms"] / r["duckdb_ms"],
            "note": "equal"
            if r["equal"]
            else "DIFFERENT: " + "; ".join(r["differences"]),
        }
        for kpi, r in kpis.items()
    ]
    duck = sum(r["duckdb_ms"] for r in kpis.values())
    pand = sum(r["pandas_ms"] for r in kpis.values())
    equal = all(r["equal"] for r in kpis.values())
    rows.append(
        {
            "size": size,
            "item": f"kpi all {len(kpis)}",
            "queries": len(kpis),
            "warm_ms": duck,
            "pandas_ms": pand,
            "speedup": pand / duck,
            "note": f"{'all equal' if equal else 'NOT EQUAL'}; pandas load {m['pandas']['load_s']:.1f} s, peak {m['pandas']['peak_mb']:,.0f} MB",
            "target": _verdict(
                [f"speedup < {SPEEDUP_MIN}"] if pand / duck < SPEEDUP_MIN else [],
                size == "10m",
            ),
        }
    )
    return rows


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


def load_row(r: dict[str, Any]) -> dict[str, Any]:
    """The load test: simulated users switching pages and filters at city size."""
    p95 = r["filter_p95_s"]
    note = (
        f"{r['users']} users, {r['seconds']:.0f} s: {r['page_switches']} page switches, "
        f"{r['filter_changes']} filter changes, {r['errors']} errors; filter change to "
        f"updated numbers median {r['filter_median_s'] or 0:.2f} s, p95 {p95 or 0:.2f} s; "
        f"CPU s: server {r['server_cpu_s']:.0f}, the {r['users']} Chromium tabs on the same "
        f"cores {r['browsers_cpu_s']:.0f}"
    )
    misses = [f"{r['errors']} errors"] if r["errors"] else []
    if not r["filter_changes"]:
        misses.append("no filter change measured")
    return {
        "size": "10k",
        "item": "load test",
        "filter_ms": p95 * 1000 if p95 is not None else None,
        "note": note
        + (f"; first error: {r['error_samples'][0]}" if r["errors"] else ""),
        "target": _verdict(misses, True),
    }


def rows(
    sizes: Sequence[dict[str, Any]],
    imported: dict[str, Any] | None,
    loaded: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Every row of the table, sizes in the order measured."""
    out: list[dict[str, Any]] = []
    for m in sizes:
        out += page_rows(m) + kpi_rows(m) + [database_row(m)]
    if imported:
        out.append(import_row(imported))
    if loaded:
        out.append(load_row(loaded))
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
    import streamlit

    return (
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, duckdb {duckdb.__version__}, "
        f"pandas {pandas.__version__}, streamlit {streamlit.__version__}; load average "
        f"(1/5/15 min) before {before[0]:.1f}/{before[1]:.1f}/{before[2]:.1f}, after {after[0]:.1f}/{after[1]:.1f}/{after[2]:.1f}"
    )
