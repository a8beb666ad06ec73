"""The pandas-only baseline: the same KPIs from DataFrames, checked equal to the registry.

Child process of ``bench/run.py``: ``python bench/pandas_baseline.py --db PATH --out
JSON``. As a typical Streamlit app does, the raw tables are loaded into DataFrames
once (timed apart, not part of any KPI), then each KPI is computed with pandas for
the dashboard's default selection (latest year, whole city, reporting date = the
data date): the joins it needs (enrolment to programme, graduates to placements in
the window tanggal_lulus - 30 days .. + 183 days) are part of the KPI's time, since
a pandas app has no pre-joined marts. Each result is compared with
``metrics.compute`` (values, numerators and denominators of every group; counts
exactly, Rupiah sums to 1e-9 relative) and both sides are timed, median of runs.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_ms, peak_rss_mb, write_json
from workforce.core import db, metrics
from workforce.core.filters import Filters

TABLES = (
    "pendaftaran",
    "program",
    "penempatan",
    "anggaran",
    "lowongan",
    "ref_kejuruan",
)
ENDED = ("lulus", "tidak_lulus", "mengundurkan_diri")
JENIS = ("kerja", "magang", "wirausaha")
SUMBER = ("APBN", "APBD", "CSR", "lainnya")
Groups = dict[str, tuple[float | None, float | None, float | None]]


def load(conn: Any) -> SimpleNamespace:
    """Every table a KPI needs, as DataFrames (what ``st.cache_data`` would hold)."""
    return SimpleNamespace(**{name: conn.table(name).df() for name in TABLES})


def _ratio(num: float, den: float, scale: float = 100.0) -> float | None:
    return num / den * scale if den else None


def _in(col: pd.Series, start: date, end: date) -> pd.Series:
    return col.between(pd.Timestamp(start), pd.Timestamp(end))


def enrolments(t: SimpleNamespace) -> pd.DataFrame:
    """Enrolments with their programme's dates (the join every enrolment KPI needs)."""
    cols = ["kode_program", "tanggal_mulai", "tanggal_selesai", "kejuruan_id"]
    return t.pendaftaran.merge(t.program[cols], on="kode_program", how="inner")


# ---- the KPIs ------------------------------------------------------------------------


def peserta(t: SimpleNamespace, f: Filters) -> Groups:
    """Distinct persons enrolled in programmes starting in the period."""
    e = enrolments(t)
    n = float(e.loc[_in(e["tanggal_mulai"], f.start, f.end), "peserta_id"].nunique())
    return {"total": (n, n, None)}


def _ended(t: SimpleNamespace, f: Filters) -> pd.DataFrame:
    e = enrolments(t)
    return e[_in(e["tanggal_selesai"], f.start, f.end)]


def tingkat_kelulusan(t: SimpleNamespace, f: Filters) -> Groups:
    """lulus / ended enrolments of programmes ending in the period."""
    e = _ended(t, f)
    num = float((e["status"] == "lulus").sum())
    den = float(e["status"].isin(ENDED).sum())
    return {"total": (_ratio(num, den), num, den)}


def tingkat_sertifikasi(t: SimpleNamespace, f: Filters) -> Groups:
    """Certified graduates / graduates of programmes ending in the period."""
    e = _ended(t, f)
    lulus = e["status"] == "lulus"
    num, den = float((lulus & e["is_tersertifikasi"]).sum()), float(lulus.sum())
    return {"total": (_ratio(num, den), num, den)}


def tingkat_penempatan_6b(t: SimpleNamespace, f: Filters) -> Groups:
    """Mature graduates placed within the window, split by the first placement's jenis."""
    g = t.pendaftaran[t.pendaftaran["status"] == "lulus"]
    mature = pd.Timestamp(f.as_of) - pd.Timedelta(days=183)
    g = g[_in(g["tanggal_lulus"], f.start, f.end) & (g["tanggal_lulus"] <= mature)]
    pl = t.penempatan[["peserta_id", "tanggal_mulai", "jenis_penempatan"]]
    pairs = g[["peserta_id", "kode_program", "tanggal_lulus"]].merge(
        pl, on="peserta_id"
    )
    pairs = pairs[
        pairs["tanggal_mulai"] >= pairs["tanggal_lulus"] - pd.Timedelta(days=30)
    ]
    first = pairs.sort_values("tanggal_mulai", kind="stable").drop_duplicates(
        ["peserta_id", "kode_program"]
    )
    placed = first[
        first["tanggal_mulai"] <= first["tanggal_lulus"] + pd.Timedelta(days=183)
    ]
    den = float(len(g))
    counts = placed["jenis_penempatan"].value_counts()
    out = {"total": (_ratio(len(placed), den), float(len(placed)), den)}
    for jenis in JENIS:
        num = float(counts.get(jenis, 0))
        out[jenis] = (_ratio(num, den), num, den)
    return out


def penempatan(t: SimpleNamespace, f: Filters) -> Groups:
    """Placements starting in the period, by jenis."""
    p = t.penempatan[_in(t.penempatan["tanggal_mulai"], f.start, f.end)]
    counts = p["jenis_penempatan"].value_counts()
    out = {"total": (float(len(p)), float(len(p)), None)}
    for jenis in JENIS:
        n = float(counts.get(jenis, 0))
        out[jenis] = (n, n, None)
    return out


def upah_median(t: SimpleNamespace, f: Filters) -> Groups:
    """Median wage of kerja placements starting in the period."""
    p = t.penempatan
    wages = p.loc[
        (p["jenis_penempatan"] == "kerja") & _in(p["tanggal_mulai"], f.start, f.end),
        "upah_bulanan_rupiah",
    ].dropna()
    value = float(wages.median()) if len(wages) else None
    return {"total": (value, None, float(len(wages)))}


def kesenjangan_link_match(t: SimpleNamespace, f: Filters) -> Groups:
    """Per kejuruan: vacancies of the year minus graduates of the year."""
    names = t.ref_kejuruan.set_index("kejuruan_id")["nama"]
    low = t.lowongan[t.lowongan["tahun"] == f.tahun]
    vac = low.groupby(low["kejuruan_id"].map(names))["jumlah"].sum().astype(float)
    e = enrolments(t)
    grads = e[(e["status"] == "lulus") & (e["tanggal_lulus"].dt.year == f.tahun)]
    lul = grads.groupby(grads["kejuruan_id"].map(names)).size().astype(float)
    both = pd.concat([vac.rename("v"), lul.rename("l")], axis=1).fillna(0.0)
    out = {str(k): (r.v - r.l, r.v, r.l) for k, r in both.iterrows()}
    v, lu = float(both["v"].sum()), float(both["l"].sum())
    out["total"] = (v - lu, v, lu)
    return out


def _by_source(lines: pd.DataFrame, column: str, tahun: int) -> Groups:
    year = lines[lines["tahun"] == tahun]
    sums = year.groupby("sumber_dana")[column].sum()
    out = {"total": (float(year[column].sum()),) * 2 + (None,)}
    for source in SUMBER:
        out[source] = (float(sums.get(source, 0.0)),) * 2 + (None,)
    return out


def pagu(t: SimpleNamespace, f: Filters) -> Groups:
    """Budget ceilings of the year by sumber_dana."""
    return _by_source(t.anggaran, "pagu_rupiah", f.tahun)


def realisasi(t: SimpleNamespace, f: Filters) -> Groups:
    """Spending of the year by sumber_dana."""
    return _by_source(t.anggaran, "realisasi_rupiah", f.tahun)


def biaya_per_lulusan(t: SimpleNamespace, f: Filters) -> Groups:
    """Realisasi of programmes ending in the period / their graduates, by source."""
    prog = t.program[_in(t.program["tanggal_selesai"], f.start, f.end)]
    e = t.pendaftaran[t.pendaftaran["kode_program"].isin(prog["kode_program"])]
    lulusan = e[e["status"] == "lulus"].groupby("kode_program").size()
    lines = t.anggaran[t.anggaran["kode_program"].isin(prog["kode_program"])]
    lines = lines.groupby(["kode_program", "sumber_dana"], as_index=False)[
        "realisasi_rupiah"
    ].sum()
    lines["lulusan"] = lines["kode_program"].map(lulusan).fillna(0).astype(float)
    out = {}
    for source, part in lines.groupby("sumber_dana"):
        num, den = float(part["realisasi_rupiah"].sum()), float(part["lulusan"].sum())
        out[str(source)] = (_ratio(num, den, 1.0), num, den)
    num = float(lines["realisasi_rupiah"].sum())
    den = float(lines.drop_duplicates("kode_program")["lulusan"].sum())
    out["total"] = (_ratio(num, den, 1.0), num, den)
    for source in SUMBER:
        out.setdefault(source, (None, 0.0, 0.0))
    return out


KPIS: dict[str, Callable[[SimpleNamespace, Filters], Groups]] = {
    f.__name__: f
    for f in (
        peserta,
        tingkat_kelulusan,
        tingkat_sertifikasi,
        tingkat_penempatan_6b,
        penempatan,
        upah_median,
        kesenjangan_link_match,
        pagu,
        realisasi,
        biaya_per_lulusan,
    )
}


# ---- the registry side and the comparison --------------------------------------------


def registry(conn: Any, kpi: str, f: Filters) -> Groups:
    """The registry's result as ``{grp: (value, numerator, denominator)}``."""
    r = metrics.compute(conn, kpi, f)
    out = {"total": (r.value, r.numerator, r.denominator)}
    out.update({k: (v.value, v.numerator, v.denominator) for k, v in r.by.items()})
    return out


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def differences(ours: Groups, theirs: Groups) -> list[str]:
    """Where the pandas result differs from the registry's (empty = equal)."""
    out = []
    for grp in sorted(set(ours) | set(theirs)):
        a, b = ours.get(grp), theirs.get(grp)
        if a is None or b is None or not all(map(_same, a, b)):
            out.append(f"{grp}: pandas {a} registry {b}")
    return out


def default_filters(conn: Any) -> Filters:
    """The dashboard's default selection: latest year, whole city, the data date."""
    info = db.get_info(conn)
    as_of = date.fromisoformat(info["data_as_of"])
    return Filters(tahun=as_of.year, as_of=as_of)


def measure(path: Path, runs: int) -> dict[str, Any]:
    """Load, compute, compare and time every KPI of the baseline."""
    conn = db.connect(path, read_only=True)
    f = default_filters(conn)
    started = time.perf_counter()
    tables = load(conn)
    load_s = time.perf_counter() - started
    kpis = {}
    for kpi, fn in KPIS.items():
        diff = differences(fn(tables, f), registry(conn, kpi, f))
        kpis[kpi] = {
            "duckdb_ms": median_ms(lambda k=kpi: metrics.compute(conn, k, f), runs),
            "pandas_ms": median_ms(lambda fn=fn: fn(tables, f), runs),
            "equal": not diff,
            "differences": diff[:5],
        }
        row = kpis[kpi]
        print(
            f"{kpi}: duckdb {row['duckdb_ms']:.1f} ms, pandas {row['pandas_ms']:.1f} ms, equal {row['equal']}"
        )
    conn.close()
    return {"tahun": f.tahun, "load_s": load_s, "kpis": kpis, "peak_mb": peak_rss_mb()}


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
