"""Localised tables behind the outcome charts: the "view data" tables and CSVs.

Streamlit-free. Tables keep numbers numeric (so columns sort correctly) with
rates rounded to one decimal, put the sample size n beside every rate and add a
note where n < 20. Headers come from ``locales/outcomes.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from workforce.core import compare
from workforce.outcomes import numbers as oc
from workforce.outcomes import text as ot


def renamed(df: pd.DataFrame, columns: Mapping[str, str], lang: str) -> pd.DataFrame:
    """Keep ``columns`` (source -> ``outcomes.col.*`` key) with translated headers."""
    out = df[list(columns)].copy()
    out.columns = [ot.tr(f"col.{key}", lang) for key in columns.values()]
    return out


def _round(series: pd.Series) -> pd.Series:
    return series.astype("Float64").round(1)


def _intervals(df: pd.DataFrame, name: str, lang: str) -> list[str]:
    """``62,0% (55,1–68,4%)`` per row from ``<name>_pct``, ``_lo`` and ``_hi``."""
    return [
        compare.interval_text(p, lo, hi, lang)
        for p, lo, hi in zip(
            df[f"{name}_pct"], df[f"{name}_lo"], df[f"{name}_hi"], strict=True
        )
    ]


# ---- tables ---------------------------------------------------------------------


def funnel_table(stages: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The funnel as a table: stage, count, base, n, percent, note."""
    df = stages.assign(
        stage=[ot.tr(f"stage.{s}", lang) for s in stages["stage"]],
        base_label=[ot.tr(f"base.{s}", lang) for s in stages["stage"]],
        base=stages["base"].astype("Int64"),  # a count: 1370 in the CSV, not 1370.0
        pct=_round(stages["pct"]),
        note=[ot.note(r, lang) for r in stages["reliable"]],
    )
    return renamed(
        df,
        {
            "stage": "stage",
            "count": "count",
            "base_label": "base",
            "base": "base_n",
            "pct": "pct",
            "note": "note",
        },
        lang,
    )


def breakdown_table(rows: pd.DataFrame, dim: str, lang: str) -> pd.DataFrame:
    """A breakdown (``outcomes.breakdown``) as a sortable table, n beside every rate."""
    df = rows.assign(
        grp=[ot.value_label(dim, v, lang) for v in rows["grp"]],
        note=[
            ot.note(bool(r), lang)
            for r in rows[[f"{s.name}_reliable" for s in oc.RATES]].all(axis=1)
        ],
    )
    columns: dict[str, str] = {"grp": "", "terdaftar_count": "terdaftar"}
    columns["lulus_count"] = "lulus"
    for spec in oc.RATES:
        df[f"{spec.name}_ci"] = _intervals(df, spec.name, lang)
        df[f"{spec.name}_pct"] = _round(df[f"{spec.name}_pct"])
        columns[f"{spec.name}_pct"] = f"{spec.name}_pct"
        columns[f"{spec.name}_ci"] = f"{spec.name}_ci"
        columns[f"{spec.name}_n"] = f"{spec.name}_n"
    columns["note"] = "note"
    out = df[list(columns)].copy()
    out.columns = [
        ot.tr(f"dim.{dim}", lang) if not key else ot.tr(f"col.{key}", lang)
        for key in columns.values()
    ]
    return out


def cohort_table(curve: pd.DataFrame, grain: str, lang: str) -> pd.DataFrame:
    """The cohort curve as a table; immature points stay empty."""
    df = curve.assign(
        cohort=[ot.cohort_label(s, grain, lang) for s in curve["cohort_start"]],
        ditempatkan_pct=_round(curve["ditempatkan_pct"]),
        note=[ot.note(bool(r), lang) for r in curve["reliable"]],
    )
    return renamed(
        df,
        {
            "cohort": "cohort",
            "bulan": "bulan",
            "lulusan_count": "lulusan",
            "ditempatkan_count": "ditempatkan",
            "ditempatkan_pct": "ditempatkan_pct",
            "note": "note",
        },
        lang,
    )


def yes_no(values: pd.Series, lang: str) -> list[str]:
    """``ya``/``tidak`` (id), ``yes``/``no`` (en)."""
    return [ot.tr("yes", lang) if bool(v) else ot.tr("no", lang) for v in values]


# ---- penempatan ---------------------------------------------------------------------


def monthly_table(by_month: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Placements per month and jenis."""
    df = by_month.assign(
        jenis_penempatan=[ot.tr(f"jp.{j}", lang) for j in by_month["jenis_penempatan"]]
    )
    return renamed(
        df,
        {
            "bulan": "bulan_mulai",
            "jenis_penempatan": "jenis_penempatan",
            "penempatan_count": "penempatan",
        },
        lang,
    )


def sector_table(sectors: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Placements per KBLI sector, Apindo members and others."""
    df = sectors.assign(
        sektor=[
            f"{k} {n}"
            for k, n in zip(sectors["sektor_kbli"], sectors["sektor_nama"], strict=True)
        ]
    )
    out = renamed(df, {"sektor": "sektor", "penempatan_count": "penempatan"}, lang)
    out[ot.tr("apindo.member", lang)] = sectors["apindo_count"].to_numpy()
    out[ot.tr("apindo.other", lang)] = sectors["lainnya_count"].to_numpy()
    return out


def employer_table(employers: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every employer with placements: sector, Apindo, location, counts."""
    df = employers.assign(
        sektor=[
            f"{k} {n}"
            for k, n in zip(
                employers["sektor_kbli"], employers["sektor_nama"], strict=True
            )
        ],
        apindo=yes_no(employers["is_anggota_apindo"], lang),
        lokal=yes_no(employers["is_lokal"], lang),
    )
    return renamed(
        df,
        {
            "nama_perusahaan": "perusahaan",
            "sektor": "sektor",
            "apindo": "apindo",
            "lokal": "lokal",
            "penempatan_count": "penempatan",
            "kerja_count": "kerja",
            "magang_count": "magang",
        },
        lang,
    )


def local_table(local: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Placements in Cilegon and outside per kejuruan, the local share with its 95%
    Wilson interval."""
    units = compare.compare(
        local.assign(
            k=local["lokal_count"], n=local["lokal_count"] + local["luar_count"]
        )
    )
    df = units.assign(
        kejuruan=[ot.value_label("kejuruan", k, lang) for k in local["kejuruan"]],
        lokal_pct=_round(units["pct"]),
        lokal_ci=[
            compare.interval_text(p, lo, hi, lang)
            for p, lo, hi in zip(
                units["pct"], units["lo_pct"], units["hi_pct"], strict=True
            )
        ],
    )
    columns = {"lokal_count": "lokal_count", "luar_count": "luar_count"}
    out = renamed(
        df, columns | {"lokal_pct": "lokal_pct", "lokal_ci": "lokal_ci"}, lang
    )
    out.insert(0, ot.tr("dim.kejuruan", lang), df["kejuruan"].to_numpy())
    return out


def wage_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Wage quartiles per kejuruan with n and the UMK."""
    df = rows.assign(
        kejuruan=[ot.value_label("kejuruan", k, lang) for k in rows["kejuruan"]],
        note=[ot.note(bool(r), lang) for r in rows["reliable"]],
    )
    out = renamed(
        df,
        {
            "n_count": "n",
            "p25_rupiah": "p25",
            "median_rupiah": "median",
            "p75_rupiah": "p75",
            "umk_rupiah": "umk",
            "note": "note",
        },
        lang,
    )
    out.insert(0, ot.tr("dim.kejuruan", lang), df["kejuruan"].to_numpy())
    return out


def time_table(bins: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Graduates per time-to-placement bin."""
    df = bins.assign(waktu=[ot.tr(f"bin.{b}", lang) for b in bins["bin"]])
    return renamed(df, {"waktu": "waktu", "lulusan_count": "lulusan"}, lang)


# ---- link and match -------------------------------------------------------------------


def _kelas(values: pd.Series, lang: str) -> list[str]:
    return [
        "" if v is None or pd.isna(v) else ot.tr(f"kelas.{v}", lang) for v in values
    ]


def gap_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One year's vacancies, graduates, gap and class per kejuruan."""
    df = rows.assign(kelas=_kelas(rows["kelas"], lang))
    out = renamed(
        df,
        {
            "lowongan_count": "lowongan",
            "lulusan_count": "lulusan",
            "gap_count": "gap",
            "kelas": "kelas",
        },
        lang,
    )
    out.insert(0, ot.tr("dim.kejuruan", lang), df["kejuruan"].to_numpy())
    return out


def persistence_table(
    persist: pd.DataFrame, gaps: pd.DataFrame, years: list[int], lang: str
) -> pd.DataFrame:
    """Per kejuruan: the gap of each year (the heatmap), the latest class, how many
    years running it has held, whether that is persistent, years under and over."""
    wide = gaps.pivot_table(
        index="kejuruan", columns="tahun", values="gap_count", aggfunc="sum"
    ).reindex(index=persist["kejuruan"], columns=years)
    out = pd.DataFrame({ot.tr("dim.kejuruan", lang): persist["kejuruan"].to_numpy()})
    for year in years:
        out[str(year)] = wide[year].astype("Int64").to_numpy()
    out[ot.tr("col.kelas", lang)] = _kelas(persist["kelas"], lang)
    out[ot.tr("col.streak", lang)] = persist["streak"].to_numpy()
    out[ot.tr("col.persistent", lang)] = yes_no(persist["is_persistent"], lang)
    out[ot.tr("col.kurang_years", lang)] = persist["kurang_years"].to_numpy()
    out[ot.tr("col.lebih_years", lang)] = persist["lebih_years"].to_numpy()
    return out


def employers_vacancy_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Employers with vacancies: sector, Apindo, vacancies, graduates hired."""
    df = rows.assign(
        sektor=[
            f"{k} {n}"
            for k, n in zip(rows["sektor_kbli"], rows["sektor_nama"], strict=True)
        ],
        apindo=yes_no(rows["is_anggota_apindo"], lang),
        lokal=yes_no(rows["is_lokal"], lang),
    )
    return renamed(
        df,
        {
            "nama_perusahaan": "perusahaan",
            "sektor": "sektor",
            "apindo": "apindo",
            "lokal": "lokal",
            "kejuruan_list": "kejuruan_lowongan",
            "lowongan_count": "lowongan",
            "lulusan_ditempatkan_count": "lulusan_ditempatkan",
            "penempatan_count": "penempatan_semua",
        },
        lang,
    )
