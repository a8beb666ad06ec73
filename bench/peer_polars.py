"""The KPIs in Polars: the benchmark's second peer (bench/peers.py).

The base tables are read once (``load``, timed apart) through Arrow into Polars
frames: person ids and programme codes as ``Categorical`` (one string cache, so the
tables' codes agree), small text columns as ``Categorical`` too, Rupiah as floats.
Each KPI is a lazy query: Polars pushes the filters down before the joins and runs
the plan on all cores.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import polars as pl

from workforce.core.filters import Filters

ENDED = ["lulus", "tidak_lulus", "mengundurkan_diri"]
JENIS = ("kerja", "magang", "wirausaha")
SUMBER = ("APBN", "APBD", "CSR", "lainnya")
TABLES = (
    "pendaftaran",
    "program",
    "penempatan",
    "anggaran",
    "lowongan",
    "ref_kejuruan",
)
CATEGORICAL = (
    "peserta_id", "kode_program", "status", "jenis_penempatan", "sumber_dana",
)  # fmt: skip
Groups = dict[str, tuple[float | None, float | None, float | None]]


def _compact(frame: pl.DataFrame) -> pl.LazyFrame:
    casts = [
        pl.col(c).cast(pl.Categorical) for c in CATEGORICAL if c in frame.columns
    ] + [
        pl.col(c).cast(pl.Float64)
        for c, t in frame.schema.items()
        if isinstance(t, pl.Decimal)
    ]
    return frame.with_columns(casts).lazy()


def load(conn: Any) -> SimpleNamespace:
    """The base tables as compact Polars frames, ready for lazy queries."""
    frames = {n: conn.table(n).pl() for n in TABLES}
    return SimpleNamespace(
        **{n: _compact(f).collect().lazy() for n, f in frames.items()}
    )


def _ratio(num: float, den: float, scale: float = 100.0) -> float | None:
    return num / den * scale if den else None


def _programmes(t: SimpleNamespace, column: str, f: Filters) -> pl.LazyFrame:
    return t.program.filter(pl.col(column).is_between(f.start, f.end)).select(
        "kode_program", "kejuruan_id"
    )


def _enrolments(t: SimpleNamespace, column: str, f: Filters) -> pl.LazyFrame:
    return t.pendaftaran.join(_programmes(t, column, f), on="kode_program")


def peserta(t: SimpleNamespace, f: Filters) -> Groups:
    """Distinct persons enrolled in programmes starting in the period."""
    q = _enrolments(t, "tanggal_mulai", f).select(pl.col("peserta_id").n_unique())
    n = float(q.collect().item())
    return {"total": (n, n, None)}


def _completion(t: SimpleNamespace, f: Filters) -> dict[str, float]:
    lulus = pl.col("status") == "lulus"
    q = _enrolments(t, "tanggal_selesai", f).select(
        lulus=lulus.sum(),
        ended=pl.col("status").cast(pl.String).is_in(ENDED).sum(),
        certified=(lulus & pl.col("is_tersertifikasi")).sum(),
    )
    return {k: float(v) for k, v in q.collect().row(0, named=True).items()}


def tingkat_kelulusan(t: SimpleNamespace, f: Filters) -> Groups:
    """lulus / ended enrolments of programmes ending in the period."""
    c = _completion(t, f)
    return {"total": (_ratio(c["lulus"], c["ended"]), c["lulus"], c["ended"])}


def tingkat_sertifikasi(t: SimpleNamespace, f: Filters) -> Groups:
    """Certified graduates / graduates of programmes ending in the period."""
    c = _completion(t, f)
    return {"total": (_ratio(c["certified"], c["lulus"]), c["certified"], c["lulus"])}


def tingkat_penempatan_6b(t: SimpleNamespace, f: Filters) -> Groups:
    """Mature graduates placed within the window, by the first placement's jenis."""
    last = min(f.end, f.as_of - timedelta(days=183))
    g = t.pendaftaran.filter(
        (pl.col("status") == "lulus")
        & pl.col("tanggal_lulus").is_between(f.start, last)
    ).select("peserta_id", "kode_program", "tanggal_lulus")
    placed = (
        g.join(
            t.penempatan.select("peserta_id", "tanggal_mulai", "jenis_penempatan"),
            on="peserta_id",
        )
        .filter(pl.col("tanggal_mulai") >= pl.col("tanggal_lulus") - timedelta(days=30))
        .group_by("peserta_id", "kode_program")
        .agg(
            pl.col("tanggal_lulus").first(),
            pl.col("jenis_penempatan").sort_by("tanggal_mulai").first(),
            pl.col("tanggal_mulai").min(),
        )
        .filter(
            pl.col("tanggal_mulai") <= pl.col("tanggal_lulus") + timedelta(days=183)
        )
        .group_by("jenis_penempatan")
        .len()
    )
    counts = {str(j): float(n) for j, n in placed.collect().iter_rows()}
    den = float(g.select(pl.len()).collect().item())
    total = sum(counts.values())
    out = {"total": (_ratio(total, den), total, den)}
    for jenis in JENIS:
        num = counts.get(jenis, 0.0)
        out[jenis] = (_ratio(num, den), num, den)
    return out


def penempatan(t: SimpleNamespace, f: Filters) -> Groups:
    """Placements starting in the period, by jenis."""
    q = (
        t.penempatan.filter(pl.col("tanggal_mulai").is_between(f.start, f.end))
        .group_by("jenis_penempatan")
        .len()
    )
    counts = {str(j): float(n) for j, n in q.collect().iter_rows()}
    total = sum(counts.values())
    out = {"total": (total, total, None)}
    for jenis in JENIS:
        n = counts.get(jenis, 0.0)
        out[jenis] = (n, n, None)
    return out


def upah_median(t: SimpleNamespace, f: Filters) -> Groups:
    """Median wage of kerja placements starting in the period."""
    q = t.penempatan.filter(
        (pl.col("jenis_penempatan") == "kerja")
        & pl.col("tanggal_mulai").is_between(f.start, f.end)
    ).select(
        median=pl.col("upah_bulanan_rupiah").median(),
        n=pl.col("upah_bulanan_rupiah").count(),
    )
    median, n = q.collect().row(0)
    return {"total": (median, None, float(n))}


def kesenjangan_link_match(t: SimpleNamespace, f: Filters) -> Groups:
    """Per kejuruan: vacancies of the year minus graduates of the year."""
    vac = (
        t.lowongan.filter(pl.col("tahun") == f.tahun)
        .group_by("kejuruan_id")
        .agg(v=pl.col("jumlah").sum().cast(pl.Float64))
    )
    grads = (
        t.pendaftaran.filter(
            (pl.col("status") == "lulus")
            & (pl.col("tanggal_lulus").dt.year() == f.tahun)
        )
        .join(t.program.select("kode_program", "kejuruan_id"), on="kode_program")
        .group_by("kejuruan_id")
        .agg(l=pl.len().cast(pl.Float64))
    )
    both = (
        vac.join(grads, on="kejuruan_id", how="full", coalesce=True)
        .join(t.ref_kejuruan.select("kejuruan_id", "nama"), on="kejuruan_id")
        .with_columns(pl.col("v", "l").fill_null(0.0))
        .collect()
    )
    out = {
        r["nama"]: (r["v"] - r["l"], r["v"], r["l"]) for r in both.iter_rows(named=True)
    }
    v, lu = float(both["v"].sum()), float(both["l"].sum())
    out["total"] = (v - lu, v, lu)
    return out


def _by_source(t: SimpleNamespace, column: str, tahun: int) -> Groups:
    q = (
        t.anggaran.filter(pl.col("tahun") == tahun)
        .group_by("sumber_dana")
        .agg(pl.col(column).sum())
    )
    sums = {str(s): float(v) for s, v in q.collect().iter_rows()}
    total = sum(sums.values())
    out = {"total": (total, total, None)}
    for source in SUMBER:
        out[source] = (sums.get(source, 0.0),) * 2 + (None,)
    return out


def pagu(t: SimpleNamespace, f: Filters) -> Groups:
    """Budget ceilings of the year by sumber_dana."""
    return _by_source(t, "pagu_rupiah", f.tahun)


def realisasi(t: SimpleNamespace, f: Filters) -> Groups:
    """Spending of the year by sumber_dana."""
    return _by_source(t, "realisasi_rupiah", f.tahun)


def biaya_per_lulusan(t: SimpleNamespace, f: Filters) -> Groups:
    """Realisasi of programmes ending in the period / their graduates, by source."""
    programmes = _programmes(t, "tanggal_selesai", f).select("kode_program")
    lulusan = (
        t.pendaftaran.filter(pl.col("status") == "lulus")
        .join(programmes, on="kode_program")
        .group_by("kode_program")
        .agg(lulusan=pl.len().cast(pl.Float64))
    )
    lines = (
        t.anggaran.join(programmes, on="kode_program")
        .group_by("kode_program", "sumber_dana")
        .agg(pl.col("realisasi_rupiah").sum())
        .join(lulusan, on="kode_program", how="left")
        .with_columns(pl.col("lulusan").fill_null(0.0))
        .collect()
    )
    out: Groups = {}
    for (source,), part in lines.group_by("sumber_dana"):
        num, den = float(part["realisasi_rupiah"].sum()), float(part["lulusan"].sum())
        out[str(source)] = (_ratio(num, den, 1.0), num, den)
    num = float(lines["realisasi_rupiah"].sum())
    den = float(lines.unique("kode_program")["lulusan"].sum())
    out["total"] = (_ratio(num, den, 1.0), num, den)
    for source in SUMBER:
        out.setdefault(source, (None, 0.0, 0.0))
    return out


KPIS: dict[str, Callable[[SimpleNamespace, Filters], Groups]] = {
    fn.__name__: fn
    for fn in (
        peserta, tingkat_kelulusan, tingkat_sertifikasi, tingkat_penempatan_6b,
        penempatan, upah_median, kesenjangan_link_match, pagu, realisasi,
        biaya_per_lulusan,
    )
}  # fmt: skip
