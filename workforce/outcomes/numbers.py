"""Training outcomes, placements and link-and-match: shaping query results for pages.

Streamlit-free. The queries under ``queries/pelatihan``, ``queries/penempatan`` and
``queries/link_match`` return counts; this module turns them into rates with their
sample sizes, flags small samples, shapes cohort curves (leaving immature points
empty) and classifies kejuruan as over- or under-supplied year after year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from workforce.core import compare

SMALL_N = 20  # a rate or median on fewer than 20 cases is marked unreliable
BREAKDOWNS = ("kejuruan", "penyelenggara", "jenis", "sumber_dana", "kode_program")
EQUITY = ("jenis_kelamin", "kelompok_umur", "pendidikan", "disabilitas", "kecamatan")
# Breakdowns counted from each enrolment (pelatihan/outcomes_by_enrolment.sql, run for
# the one picked); the others come with pelatihan/outcomes_by_group.sql.
PER_ENROLMENT = (
    "kode_program",
    "jenis_kelamin",
    "kelompok_umur",
    "pendidikan",
    "disabilitas",
)
HORIZONS = (1, 3, 6, 12)  # months after graduation shown in the cohort view
BALANCE_BAND = 0.10  # |gap| within 10% of the larger count = balanced
PERSISTENT_YEARS = 3  # the same class this many years running = persistent


@dataclass(frozen=True)
class RateSpec:
    """A funnel rate: its name, numerator column and denominator (base) column."""

    name: str
    numerator: str
    denominator: str


# The registry's definitions (metrics.md): completion over ended enrolments,
# certification over graduates, placement within 6 months over mature graduates.
RATES = (
    RateSpec("kelulusan", "lulus_count", "selesai_count"),
    RateSpec("sertifikasi", "tersertifikasi_count", "lulus_count"),
    RateSpec("penempatan_6b", "ditempatkan_6b_count", "lulusan_matang_count"),
)
FUNNEL_STAGES = (
    # stage, count column, base column (None: the first stage has no rate)
    ("terdaftar", "terdaftar_count", None),
    ("lulus", "lulus_count", "selesai_count"),
    ("tersertifikasi", "tersertifikasi_count", "lulus_count"),
    ("ditempatkan_6b", "ditempatkan_6b_count", "lulusan_matang_count"),
)


def rate(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator * 100``; None where the denominator is 0 or missing."""
    if numerator is None or denominator is None or pd.isna(denominator):
        return None
    if denominator == 0:
        return None
    return float(numerator) / float(denominator) * 100


def is_reliable(n: float | None) -> bool:
    """True when a rate's sample size is at least SMALL_N."""
    return n is not None and not pd.isna(n) and n >= SMALL_N


def _rate_column(num: pd.Series, den: pd.Series) -> pd.Series:
    values = [rate(a, b) for a, b in zip(num, den, strict=True)]
    return pd.Series(values, index=num.index, dtype="Float64")


def with_rates(df: pd.DataFrame) -> pd.DataFrame:
    """Add ``<rate>_pct``, its 95% Wilson interval ``<rate>_lo``/``<rate>_hi``,
    ``<rate>_n`` and ``<rate>_reliable`` for every funnel rate."""
    out = df.copy()
    for spec in RATES:
        out[f"{spec.name}_pct"] = _rate_column(
            out[spec.numerator], out[spec.denominator]
        )
        lo, hi = compare.wilson_arrays(out[spec.numerator], out[spec.denominator])
        out[f"{spec.name}_lo"] = pd.Series(lo, index=out.index, dtype="Float64")
        out[f"{spec.name}_hi"] = pd.Series(hi, index=out.index, dtype="Float64")
        out[f"{spec.name}_n"] = out[spec.denominator].astype("int64")
        out[f"{spec.name}_reliable"] = out[spec.denominator] >= SMALL_N
    return out


def funnel(by_group: pd.DataFrame) -> pd.DataFrame:
    """The funnel of the whole selection: stage, count, base, pct, reliable."""
    total = by_group[by_group["dimension"] == "total"]
    row = total.iloc[0] if len(total) else None
    records = []
    for stage, count_col, base_col in FUNNEL_STAGES:
        count = int(row[count_col]) if row is not None else 0
        base = int(row[base_col]) if row is not None and base_col else None
        records.append(
            {
                "stage": stage,
                "count": count,
                "base": base,
                "pct": rate(count, base) if base_col else None,
                "reliable": is_reliable(base) if base_col else True,
            }
        )
    return pd.DataFrame.from_records(records)


def breakdown(by_group: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """The rows of one dimension with rates, largest group (by terdaftar) first."""
    rows = by_group[by_group["dimension"] == dimension]
    rows = rows.drop(columns=["dimension", "tahun"], errors="ignore").sort_values(
        ["terdaftar_count", "lulusan_matang_count", "grp"],
        ascending=[False, False, True],
    )
    return with_rates(rows).reset_index(drop=True)


# ---- cohorts ------------------------------------------------------------------


def cohort_curve(cohorts: pd.DataFrame, grain: str, as_of: date) -> pd.DataFrame:
    """Share of each cohort placed by month 1, 3, 6, 12; immature points are empty.

    A point is mature when the cohort's last graduation day plus the horizon in days
    is on or before the reporting date ``as_of`` (as for tingkat_penempatan_6b).
    """
    df = cohorts[cohorts["grain"] == grain].copy()
    if df.empty:
        return df.assign(is_mature=pd.Series(dtype=bool), ditempatkan_pct=None)
    ends = pd.to_datetime(df["cohort_end"]).dt.date
    days = df["hari"].astype(int)
    df["is_mature"] = [
        end + timedelta(days=int(d)) <= as_of for end, d in zip(ends, days, strict=True)
    ]
    placed = df["ditempatkan_count"].astype("Int64").where(df["is_mature"])
    df["ditempatkan_count"] = placed
    df["ditempatkan_pct"] = [
        rate(p, n) if m else None
        for p, n, m in zip(placed, df["lulusan_count"], df["is_mature"], strict=True)
    ]
    df["ditempatkan_pct"] = df["ditempatkan_pct"].astype("Float64")
    df["reliable"] = df["lulusan_count"] >= SMALL_N
    return df.drop(columns="grain").reset_index(drop=True)


def mature_cohorts(curve: pd.DataFrame, bulan: int) -> pd.DataFrame:
    """Cohorts with a value at horizon ``bulan`` (month), oldest first."""
    rows = curve[(curve["bulan"] == bulan) & curve["is_mature"]]
    return rows.sort_values("cohort_start").reset_index(drop=True)


def drawn_cohorts(curve: pd.DataFrame) -> set:
    """The cohorts (``cohort_start``) with a value at one horizon at least."""
    shown = curve["is_mature"] & curve["ditempatkan_pct"].notna()
    return set(curve.loc[shown, "cohort_start"])


# ---- placements -----------------------------------------------------------------


def sectors(employers: pd.DataFrame) -> pd.DataFrame:
    """Placements per KBLI sector, split into Apindo members and others."""
    df = employers.assign(
        apindo_count=employers["penempatan_count"].where(
            employers["is_anggota_apindo"], 0
        )
    )
    out = df.groupby(["sektor_kbli", "sektor_nama"], as_index=False)[
        ["penempatan_count", "apindo_count"]
    ].sum()
    out["lainnya_count"] = out["penempatan_count"] - out["apindo_count"]
    return out.sort_values(
        ["penempatan_count", "sektor_kbli"], ascending=[False, True]
    ).reset_index(drop=True)


def top_employers(employers: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The ``n`` employers with the most placements."""
    return employers.sort_values(
        ["penempatan_count", "nama_perusahaan"], ascending=[False, True]
    ).head(n)


def apindo_share(employers: pd.DataFrame) -> float | None:
    """Share (0-100) of placements at known employers that went to Apindo members."""
    total = employers["penempatan_count"].sum()
    members = employers.loc[employers["is_anggota_apindo"], "penempatan_count"].sum()
    return rate(members, total)


def wage_rows(wages: pd.DataFrame) -> pd.DataFrame:
    """Per-kejuruan wage rows (no total), with the small-sample flag, highest first."""
    rows = wages[~wages["is_total"]].copy()
    rows["reliable"] = rows["n_count"] >= SMALL_N
    return rows.sort_values(
        ["median_rupiah", "kejuruan"], ascending=[False, True]
    ).reset_index(drop=True)


def wage_total(wages: pd.DataFrame) -> tuple[float | None, float | None, int]:
    """(median, UMK, n) of all wages in the selection."""
    total = wages[wages["is_total"]]
    if total.empty or not total["n_count"].iloc[0]:
        umk = wages["umk_rupiah"].iloc[0] if len(wages) else None
        return None, _num(umk), 0
    row = total.iloc[0]
    return _num(row["median_rupiah"]), _num(row["umk_rupiah"]), int(row["n_count"])


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def placed_within(bins: pd.DataFrame, last_bin: int) -> tuple[int, int]:
    """(placed in bins 1..last_bin, graduates) from time_to_placement's bins."""
    total = int(bins["lulusan_count"].sum())
    placed = int(bins.loc[bins["bin"] <= last_bin, "lulusan_count"].sum())
    return placed, total


# ---- link and match -----------------------------------------------------------


def classify_gap(lowongan: float, lulusan: float) -> str | None:
    """``kurang`` (under-supplied: industry wants more), ``lebih`` (over-supplied),
    ``seimbang`` (|gap| within 10% of the larger count), None without any count."""
    larger = max(lowongan, lulusan)
    if larger == 0:
        return None
    gap = lowongan - lulusan
    if abs(gap) <= BALANCE_BAND * larger:
        return "seimbang"
    return "kurang" if gap > 0 else "lebih"


def gaps_with_class(gaps: pd.DataFrame) -> pd.DataFrame:
    """gap_by_year rows with their supply class."""
    out = gaps.copy()
    out["kelas"] = [
        classify_gap(v, g)
        for v, g in zip(out["lowongan_count"], out["lulusan_count"], strict=True)
    ]
    return out


def gap_year(gaps: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """One year's gaps with classes, largest shortage first."""
    rows = gaps_with_class(gaps[gaps["tahun"] == tahun])
    return rows.sort_values(
        ["gap_count", "kejuruan"], ascending=[False, True]
    ).reset_index(drop=True)


def _streak(classes: list[str | None]) -> tuple[str | None, int]:
    """The class of the last year and for how many years running it has held."""
    if not classes or classes[-1] is None:
        return None, 0
    last, count = classes[-1], 0
    for value in reversed(classes):
        if value != last:
            break
        count += 1
    return last, count


def persistence(gaps: pd.DataFrame, tahun: int, years: int = 5) -> pd.DataFrame:
    """Per kejuruan: its class in each of the ``years`` up to ``tahun``, the current
    streak and whether it is persistent (same class PERSISTENT_YEARS years or more)."""
    span = list(range(tahun - years + 1, tahun + 1))
    classed = gaps_with_class(gaps[gaps["tahun"].isin(span)])
    records = []
    for kejuruan, rows in classed.groupby("kejuruan", sort=True):
        by_year = dict(zip(rows["tahun"], rows["kelas"], strict=True))
        classes = [by_year.get(y) for y in span]
        last, streak = _streak(classes)
        records.append(
            {
                "kejuruan": kejuruan,
                **{str(y): c for y, c in zip(span, classes, strict=True)},
                "kelas": last,
                "streak": streak,
                "is_persistent": last in ("kurang", "lebih")
                and streak >= PERSISTENT_YEARS,
                "kurang_years": classes.count("kurang"),
                "lebih_years": classes.count("lebih"),
            }
        )
    columns = ["kejuruan", *map(str, span), "kelas", "streak", "is_persistent"]
    out = pd.DataFrame.from_records(
        records, columns=[*columns, "kurang_years", "lebih_years"]
    )
    order = {"kurang": 0, "lebih": 1, "seimbang": 2}
    out["_o"] = out["kelas"].map(order).fillna(3)
    return (
        out.sort_values(
            ["is_persistent", "_o", "streak", "kejuruan"],
            ascending=[False, True, False, True],
        )
        .drop(columns="_o")
        .reset_index(drop=True)
    )


def employers_without_graduates(vacancies: pd.DataFrame) -> pd.DataFrame:
    """Employers that reported vacancies but took on no programme graduate."""
    rows = vacancies[vacancies["lulusan_ditempatkan_count"] == 0]
    return rows.sort_values(
        ["lowongan_count", "nama_perusahaan"], ascending=[False, True]
    ).reset_index(drop=True)
