"""Budgets, monthly spending and KPI targets of the demo.

Amounts are computed in thousands of Rupiah (integers) and stored in Rupiah, so every
line is a round number and the months of a line add up to its realisasi exactly.
Targets are derived from the demo's own actual values so that some KPIs are on
track, some at risk and some off track (see ``catalog.TARGET_PLAN``).
"""

from __future__ import annotations

import numpy as np

from workforce.demo import catalog as cat
from workforce.demo.labour import placed_6m
from workforce.demo.plan import AS_OF_D, Arrays, by_jenis, month_of, year_of

TARGET_YEARS = (2023, 2024, 2025)
MATURE_D = AS_OF_D - 183  # graduated at least 183 days before the data date


def unit_costs(rng: np.random.Generator, prog: Arrays) -> np.ndarray:
    """Cost per participant in juta Rupiah, by provider and jenis."""
    cost = by_jenis(
        prog["prov"], prog["jenis"], "cost", cat.MAGANG_COST, cat.SERTIFIKASI_COST
    )
    return rng.uniform(cost[:, 0], cost[:, 1])


def absorption(rng: np.random.Generator, n: int) -> np.ndarray:
    """Realisasi / pagu: mostly 85-99%, a few slow lines, two lines over the pagu."""
    rate = 0.85 + 0.14 * rng.beta(5, 2, n)
    low = rng.random(n) < 0.02
    rate[low] = rng.uniform(0.4, 0.75, low.sum())
    over = rng.choice(n, min(2, n), replace=False)
    rate[over] = rng.uniform(1.02, 1.08, len(over))
    return rate


def make_anggaran(rng: np.random.Generator, prog: Arrays) -> Arrays:
    """One line per programme and source; ~6% get a second source (co-funding)."""
    n = len(prog["start"])
    pagu = np.round(prog["kuota"] * unit_costs(rng, prog) * 1000)
    real = np.round(pagu * absorption(rng, n))
    two = np.flatnonzero(rng.random(n) < 0.06)
    pagu2 = np.round(pagu[two] * rng.uniform(0.1, 0.3, len(two)))
    real2 = np.round(pagu2 * (0.85 + 0.14 * rng.beta(5, 2, len(two))))
    co_funder = np.array(
        [1, 2, 1, 1]
    )  # APBN->APBD, APBD->CSR, CSR->APBD, lainnya->APBD
    return {
        "prog": np.r_[np.arange(n), two],
        "sumber": np.r_[prog["sumber"], co_funder[prog["sumber"][two]]],
        "pagu_k": np.r_[pagu, pagu2].astype(np.int64),
        "real_k": np.r_[real, real2].astype(np.int64),
    }


def make_bulanan(rng: np.random.Generator, ang: Arrays, prog: Arrays) -> np.ndarray:
    """Spending per line and month (thousands), back-loaded, summing to realisasi."""
    pi, n = ang["prog"], len(ang["prog"])
    months = np.arange(1, 13)
    first = month_of(prog["start"])[pi]
    last = np.where(year_of(prog["end"]) > prog["tahun"], 12, month_of(prog["end"]))[pi]
    running = (months >= first[:, None]) & (months <= last[:, None])
    w = np.array(cat.SPEND_MONTH_W) * (1 + 3 * running)
    lag = rng.random(n) < 0.25  # late payers: even more back-loaded
    w = np.where(lag[:, None], w * (months / 12.0) ** 2, w)
    alloc = np.floor(ang["real_k"][:, None] * w / w.sum(axis=1, keepdims=True))
    alloc[np.arange(n), w.argmax(axis=1)] += ang["real_k"] - alloc.sum(axis=1)
    return alloc.astype(np.int64)


def pct(num: np.ndarray | float, den: np.ndarray | float) -> float:
    """num / den x 100 (sums of boolean masks or amounts); NaN when den is 0."""
    n, d = float(np.sum(num)), float(np.sum(den))
    return 100 * n / d if d else float("nan")


def kpi_actuals(
    e: Arrays, prog: Arrays, pl: Arrays, ang: Arrays, emp: dict[str, np.ndarray]
) -> dict[str, list[float]]:
    """The demo's own KPI values for TARGET_YEARS (approximating metrics.md)."""
    pe, lul, placed6 = e["prog"], e["status"] == 2, placed_6m(e, pl)
    start_y, end_y = year_of(prog["start"])[pe], year_of(prog["end"])[pe]
    lul_y = np.where(lul, year_of(e["lulus"]), 0)
    pl_y, firm = year_of(pl["date"]), pl["firm"]
    is_local = np.array([k is not None for k in emp["kec"]] + [False])
    local = is_local[firm]  # firm -1 (wirausaha) reads the final False
    ang_y = prog["tahun"][ang["prog"]]
    real_p = np.bincount(
        ang["prog"], ang["real_k"] * 1000.0, minlength=len(prog["start"])
    )
    placed_p = np.bincount(pe, placed6, minlength=len(prog["start"]))
    mature_p = prog["end"] <= MATURE_D
    umk = {y: cat.UMK[y] for y in TARGET_YEARS}
    out: dict[str, list[float]] = {k: [] for k in cat.TARGET_PLAN}
    for y in TARGET_YEARS:
        g, ended = lul & (lul_y == y), (e["status"] >= 2) & (end_y == y)
        kerja = pl["upah"][(pl["jenis"] == 0) & (pl_y == y)]
        cost_p = mature_p & (year_of(prog["end"]) == y)
        apbn = (ang_y == y) & (ang["sumber"] == 0)
        out["peserta"].append(float(np.unique(e["person"][start_y == y]).size))
        out["tingkat_kelulusan"].append(pct(lul & ended, ended))
        out["tingkat_sertifikasi"].append(pct(g & e["cert"], g))
        out["tingkat_penempatan_6b"].append(
            pct(
                g & placed6 & (e["lulus"] <= MATURE_D),
                g & (e["lulus"] <= MATURE_D),
            )
        )
        out["upah_vs_umk"].append(
            100 * np.median(kerja) / umk[y] if len(kerja) else np.nan
        )
        out["porsi_lokal"].append(pct(local & (pl_y == y), (firm >= 0) & (pl_y == y)))
        out["serapan_anggaran"].append(
            pct(ang["real_k"][ang_y == y], ang["pagu_k"][ang_y == y])
        )
        out["biaya_per_penempatan"].append(pct(real_p[cost_p], placed_p[cost_p]) / 100)
        out["porsi_apbn"].append(pct(ang["real_k"][apbn], ang["real_k"][ang_y == y]))
    return out


def round_target(kpi: str, value: float) -> float:
    """Counts to tens, Rupiah to Rp 100,000, percentages to one decimal (at most 98)."""
    if kpi == "peserta":
        return float(round(value, -1) if value >= 100 else round(value))
    if kpi == "biaya_per_penempatan":
        return float(round(value, -5))
    if kpi == "upah_vs_umk":
        return round(value, 1)
    return min(round(value, 1), 98.0)


def make_targets(actual: dict[str, list[float]]) -> Arrays:
    """Targets for 2023-2025: TPT against BPS, the rest from the demo's values."""
    rows = [(y, "tpt", v) for y, v in cat.TPT_TARGET.items()]
    for kpi, (plan, lower) in cat.TARGET_PLAN.items():
        for y, status, value in zip(TARGET_YEARS, plan, actual[kpi], strict=True):
            if np.isfinite(value) and value > 0:
                goal = value * cat.TARGET_MULT[(status, lower)]
                rows.append((y, kpi, round_target(kpi, goal)))
    tahun, indikator, nilai = zip(*rows, strict=True)
    return {
        "tahun": np.array(tahun),
        "indikator": np.array(indikator),
        "nilai_target": np.array(nilai, dtype=float),
    }
