"""The KPIs in idiomatic pandas: the benchmark's pandas peer (bench/peers.py).

The base tables are read once (``load``, timed apart) into compact frames: the
64-character person ids and the programme codes become integer codes shared by
every table, the small text columns categoricals, the Rupiah amounts floats. Each
KPI then filters first (programmes by date, enrolments by status) and joins only
what is left, on the integer codes; nothing is joined that the KPI does not need.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd

from workforce.core.filters import Filters

ENDED = ["lulus", "tidak_lulus", "mengundurkan_diri"]
JENIS = ("kerja", "magang", "wirausaha")
SUMBER = ("APBN", "APBD", "CSR", "lainnya")
Groups = dict[str, tuple[float | None, float | None, float | None]]


def _codes(values: list[pd.Series]) -> list[np.ndarray]:
    """Integer codes of several columns over one shared vocabulary."""
    _, uniques = pd.factorize(pd.concat(values, ignore_index=True))
    return [uniques.get_indexer(v).astype(np.int32) for v in values]


def load(conn: Any) -> SimpleNamespace:
    """The base tables as compact DataFrames (what ``st.cache_data`` would hold)."""
    t = SimpleNamespace(**{n: conn.table(n).df() for n in _TABLES})
    d, pn, p, a = t.pendaftaran, t.penempatan, t.program, t.anggaran
    d["peserta_id"], pn["peserta_id"] = _codes([d["peserta_id"], pn["peserta_id"]])
    codes = _codes([p["kode_program"], d["kode_program"], a["kode_program"]])
    p["kode_program"], d["kode_program"], a["kode_program"] = codes
    for frame, col in ((d, "status"), (pn, "jenis_penempatan"), (a, "sumber_dana")):
        frame[col] = frame[col].astype("category")
    for col in ("pagu_rupiah", "realisasi_rupiah"):
        a[col] = a[col].astype("float64")
    pn["upah_bulanan_rupiah"] = pn["upah_bulanan_rupiah"].astype("float64")
    return t


_TABLES = (
    "pendaftaran",
    "program",
    "penempatan",
    "anggaran",
    "lowongan",
    "ref_kejuruan",
)


def _ts(day: date) -> pd.Timestamp:
    return pd.Timestamp(day)


def _ratio(num: float, den: float, scale: float = 100.0) -> float | None:
    return num / den * scale if den else None


def _programmes(t: SimpleNamespace, column: str, f: Filters) -> np.ndarray:
    """Codes of the programmes whose ``column`` date falls in the period."""
    p = t.program
    return p.loc[p[column].between(_ts(f.start), _ts(f.end)), "kode_program"].to_numpy()


def _enrolments(t: SimpleNamespace, column: str, f: Filters) -> pd.DataFrame:
    d = t.pendaftaran
    return d[d["kode_program"].isin(_programmes(t, column, f))]


def peserta(t: SimpleNamespace, f: Filters) -> Groups:
    """Distinct persons enrolled in programmes starting in the period."""
    n = float(_enrolments(t, "tanggal_mulai", f)["peserta_id"].nunique())
    return {"total": (n, n, None)}


def tingkat_kelulusan(t: SimpleNamespace, f: Filters) -> Groups:
    """lulus / ended enrolments of programmes ending in the period."""
    status = _enrolments(t, "tanggal_selesai", f)["status"]
    num, den = float((status == "lulus").sum()), float(status.isin(ENDED).sum())
    return {"total": (_ratio(num, den), num, den)}


def tingkat_sertifikasi(t: SimpleNamespace, f: Filters) -> Groups:
    """Certified graduates / graduates of programmes ending in the period."""
    e = _enrolments(t, "tanggal_selesai", f)
    lulus = e["status"] == "lulus"
    num, den = float((lulus & e["is_tersertifikasi"]).sum()), float(lulus.sum())
    return {"total": (_ratio(num, den), num, den)}


def tingkat_penempatan_6b(t: SimpleNamespace, f: Filters) -> Groups:
    """Mature graduates placed within the window, by the first placement's jenis."""
    d = t.pendaftaran
    last = min(_ts(f.end), _ts(f.as_of) - pd.Timedelta(days=183))
    g = d.loc[
        (d["status"] == "lulus") & d["tanggal_lulus"].between(_ts(f.start), last),
        ["peserta_id", "kode_program", "tanggal_lulus"],
    ]
    pn = t.penempatan
    pn = pn.loc[
        pn["peserta_id"].isin(g["peserta_id"].to_numpy())
        & (pn["tanggal_mulai"] >= g["tanggal_lulus"].min() - pd.Timedelta(days=30)),
        ["peserta_id", "tanggal_mulai", "jenis_penempatan"],
    ]
    pairs = g.merge(pn, on="peserta_id")
    pairs = pairs[
        pairs["tanggal_mulai"] >= pairs["tanggal_lulus"] - pd.Timedelta(days=30)
    ]
    first = pairs.loc[
        pairs.groupby(["peserta_id", "kode_program"])["tanggal_mulai"].idxmin()
    ]
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
    pn = t.penempatan
    jenis = pn.loc[
        pn["tanggal_mulai"].between(_ts(f.start), _ts(f.end)), "jenis_penempatan"
    ]
    counts = jenis.value_counts()
    out = {"total": (float(len(jenis)), float(len(jenis)), None)}
    for name in JENIS:
        n = float(counts.get(name, 0))
        out[name] = (n, n, None)
    return out


def upah_median(t: SimpleNamespace, f: Filters) -> Groups:
    """Median wage of kerja placements starting in the period."""
    pn = t.penempatan
    wages = pn.loc[
        (pn["jenis_penempatan"] == "kerja")
        & pn["tanggal_mulai"].between(_ts(f.start), _ts(f.end)),
        "upah_bulanan_rupiah",
    ].dropna()
    return {
        "total": (
            float(wages.median()) if len(wages) else None,
            None,
            float(len(wages)),
        )
    }


def kesenjangan_link_match(t: SimpleNamespace, f: Filters) -> Groups:
    """Per kejuruan: vacancies of the year minus graduates of the year."""
    names = t.ref_kejuruan.set_index("kejuruan_id")["nama"]
    low = t.lowongan[t.lowongan["tahun"] == f.tahun]
    vac = low.groupby("kejuruan_id")["jumlah"].sum()
    d = t.pendaftaran
    grads = d.loc[
        (d["status"] == "lulus") & (d["tanggal_lulus"].dt.year == f.tahun),
        "kode_program",
    ]
    per_programme = grads.value_counts()
    kejuruan = t.program.set_index("kode_program")["kejuruan_id"]
    lul = per_programme.groupby(kejuruan.reindex(per_programme.index).to_numpy()).sum()
    both = pd.concat([vac.rename("v"), lul.rename("l")], axis=1).fillna(0).astype(float)
    both.index = names.reindex(both.index).to_numpy()
    out = {str(k): (r.v - r.l, r.v, r.l) for k, r in both.iterrows()}
    v, lu = float(both["v"].sum()), float(both["l"].sum())
    out["total"] = (v - lu, v, lu)
    return out


def _by_source(t: SimpleNamespace, column: str, tahun: int) -> Groups:
    year = t.anggaran[t.anggaran["tahun"] == tahun]
    sums = year.groupby("sumber_dana", observed=True)[column].sum()
    out = {"total": (float(year[column].sum()),) * 2 + (None,)}
    for source in SUMBER:
        out[source] = (float(sums.get(source, 0.0)),) * 2 + (None,)
    return out


def pagu(t: SimpleNamespace, f: Filters) -> Groups:
    """Budget ceilings of the year by sumber_dana."""
    return _by_source(t, "pagu_rupiah", f.tahun)


def realisasi(t: SimpleNamespace, f: Filters) -> Groups:
    """Spending of the year by sumber_dana."""
    return _by_source(t, "realisasi_rupiah", f.tahun)


def biaya_per_lulusan(t: SimpleNamespace, f: Filters) -> Groups:
    """Realisasi of programmes ending in the period / their graduates, by source."""
    codes = _programmes(t, "tanggal_selesai", f)
    d = t.pendaftaran
    lulusan = d.loc[
        d["kode_program"].isin(codes) & (d["status"] == "lulus"), "kode_program"
    ].value_counts()
    a = t.anggaran
    lines = (
        a[a["kode_program"].isin(codes)]
        .groupby(["kode_program", "sumber_dana"], observed=True, as_index=False)[
            "realisasi_rupiah"
        ]
        .sum()
    )
    lines["lulusan"] = lines["kode_program"].map(lulusan).fillna(0).astype(float)
    sums = lines.groupby("sumber_dana", observed=True)[
        ["realisasi_rupiah", "lulusan"]
    ].sum()
    out: Groups = {}
    for source in SUMBER:
        num, den = (
            (float(x) for x in sums.loc[source]) if source in sums.index else (0.0, 0.0)
        )
        out[source] = (
            (_ratio(num, den, 1.0), num, den) if den or num else (None, 0.0, 0.0)
        )
    num = float(lines["realisasi_rupiah"].sum())
    den = float(lines.drop_duplicates("kode_program")["lulusan"].sum())
    out["total"] = (_ratio(num, den, 1.0), num, den)
    return out


KPIS: dict[str, Callable[[SimpleNamespace, Filters], Groups]] = {
    fn.__name__: fn
    for fn in (
        peserta, tingkat_kelulusan, tingkat_sertifikasi, tingkat_penempatan_6b,
        penempatan, upah_median, kesenjangan_link_match, pagu, realisasi,
        biaya_per_lulusan,
    )
}  # fmt: skip
