"""The labour-market side of the demo: employers, placements and vacancies.

Placement chances vary by kejuruan and year (a COVID dip in 2020, rising after
2021); vacancies are drawn from each kejuruan's graduates times its demand ratio, so
link-and-match gaps are visible and persistent.
"""

from __future__ import annotations

import math

import numpy as np

from workforce.demo import catalog as cat
from workforce.demo.plan import AS_OF_D, NP, Arrays, probs, sample_rows, year_of

N_YEARS = len(cat.YEARS)


def employer_count(participants: int) -> int:
    """60 employers for 2,000 persons, growing slowly to at most 120."""
    grow = 12 * math.log2(max(participants, 2000) / 2000)
    return int(min(120, round(60 + grow)))


def generic_employers(rng: np.random.Generator, n: int) -> list[cat.Employer]:
    """Invented employers "PT <A> <B> <sector word>", spread over sectors and places."""
    sectors, places = list(cat.SECTOR_P), list(cat.KECAMATAN_P)
    sec = rng.choice(len(sectors), n, p=probs(list(cat.SECTOR_P.values())))
    kec = rng.choice(len(places), n, p=probs(list(cat.KECAMATAN_P.values())))
    combo = rng.permutation(len(cat.NAME_A) * len(cat.NAME_B))[:n]  # unique names
    apindo, size = rng.random(n) < 0.33, rng.lognormal(0, 0.7, n)
    nb = len(cat.NAME_B)
    out = []
    for c, s, k, a, z in zip(combo, sec, kec, apindo, size, strict=True):
        words = (cat.NAME_A[c // nb], cat.NAME_B[c % nb], cat.SECTOR_WORD[sectors[s]])
        out.append(cat.Employer("PT " + " ".join(words), sectors[s], places[k], a, z))
    return out


def make_employers(
    rng: np.random.Generator, participants: int, kec_kode: dict[str, str]
) -> dict[str, np.ndarray]:
    """The anchor employers plus generic ones; weights for hiring and for vacancies."""
    n_gen = employer_count(participants) - len(cat.ANCHORS)
    firms = [*cat.ANCHORS, *generic_employers(rng, n_gen)]
    vac_only = np.r_[np.zeros(len(cat.ANCHORS), bool), rng.random(n_gen) < 0.12]
    reporter = np.r_[np.ones(len(cat.ANCHORS), bool), rng.random(n_gen) < 0.6]
    aff = np.array(
        [[k.sectors.get(f.sektor, 0.05) * f.size for f in firms] for k in cat.KEJURUAN]
    )
    kec = [kec_kode[f.kecamatan] if f.kecamatan else None for f in firms]
    return {
        "kode": np.array([f"PRS-{i + 1:04d}" for i in range(len(firms))]),
        "nama": np.array([f.nama for f in firms]),
        "sektor": np.array([f.sektor for f in firms]),
        "kec": np.array(kec, dtype=object),
        "apindo": np.array([bool(f.apindo) for f in firms]),
        "w_place": aff * ~vac_only,  # some report vacancies but hire no graduate
        "w_vac": aff * (reporter | vac_only),
    }


def placement_kind(
    rng: np.random.Generator, kej: np.ndarray, jenis: np.ndarray
) -> np.ndarray:
    """0 kerja, 1 magang, 2 wirausaha (self-employment common in services)."""
    wir = np.array([c.wirausaha for c in cat.KEJURUAN])[kej]
    wir = np.where(jenis == 1, 0.02, wir)
    mag = np.where(jenis == 1, 0.05, 0.12)
    u = rng.random(len(kej))
    return np.select([u < wir, u < wir + mag], [2, 1], 0)


def wages(
    rng: np.random.Generator, kej: np.ndarray, kind: np.ndarray, date: np.ndarray
) -> np.ndarray:
    """Monthly Rupiah: around the UMK for kerja, an allowance for magang, NaN = none."""
    year = np.clip(year_of(date), cat.YEARS[0], cat.YEARS[-1])
    umk = np.array([cat.UMK[y] for y in cat.YEARS])[year - cat.YEARS[0]]
    n = len(kej)
    kerja = (
        umk * np.array([c.wage for c in cat.KEJURUAN])[kej] * rng.lognormal(0, 0.12, n)
    )
    magang = rng.uniform(2.0e6, 3.5e6, n)
    usaha = np.where(rng.random(n) < 0.4, rng.uniform(1.0e6, 3.0e6, n), np.nan)
    return np.round(np.select([kind == 0, kind == 1], [kerja, magang], usaha), -3)


def placement_days(
    rng: np.random.Generator, jenis: np.ndarray, prov: np.ndarray
) -> np.ndarray:
    """Days from graduation to start: a few before (tailor-made), mostly months 1-3."""
    n = len(jenis)
    tailor = (jenis == 1) | (prov == 0)
    before = rng.random(n) < np.where(tailor, 0.08, 0.03)
    after = np.ceil(rng.lognormal(np.log(55), 0.9, n)).astype(np.int64)
    return np.where(before, -rng.integers(1, 31, n), after)


def make_placements(
    rng: np.random.Generator, e: Arrays, prog: Arrays, emp: dict[str, np.ndarray]
) -> Arrays:
    """At most one placement per graduation, a few days to months after it."""
    rows = np.flatnonzero(e["status"] == 2)
    n = len(rows)
    kej, jenis, prov, grad = (e[k][rows] for k in ("kej", "jenis", "prov", "lulus"))
    chance = (
        np.array([c.place for c in cat.KEJURUAN])[kej]
        * np.array(cat.YEAR_PLACE)[year_of(grad) - cat.YEARS[0]]
        * np.array([1.0, 1.12, 0.9])[jenis]
    )
    placed = rng.random(n) < np.minimum(chance, 0.95)
    days = placement_days(rng, jenis, prov)
    date = grad + days
    keep = placed & (date <= AS_OF_D)
    kind = placement_kind(rng, kej, jenis)
    firm = sample_rows(rng, kej, emp["w_place"])
    host = np.array([h for h, _ in cat.HOSTS])[np.clip(prov - NP, 0, None)]
    firm = np.where((jenis == 1) & (rng.random(n) < 0.7), host, firm)
    pl = {
        "person": e["person"][rows],
        "jenis": kind,
        "date": date,
        "firm": np.where(kind == 2, -1, firm),
        "prog": np.where(rng.random(n) < 0.92, e["prog"][rows], -1),
        "upah": wages(rng, kej, kind, date),
    }
    pl = {k: v[keep] for k, v in pl.items()}
    key = (pl["person"] * 3 + pl["jenis"]) * 100_000 + pl["date"]
    first = np.sort(np.unique(key, return_index=True)[1])
    return {k: v[first] for k, v in pl.items()}


def make_lowongan(
    rng: np.random.Generator, e: Arrays, emp: dict[str, np.ndarray]
) -> Arrays:
    """Vacancies per employer, kejuruan, year: graduates x demand ratio, shared."""
    lulus = e["status"] == 2
    cell = e["kej"][lulus] * N_YEARS + year_of(e["lulus"][lulus]) - cat.YEARS[0]
    grads = np.bincount(cell, minlength=len(cat.KEJURUAN) * N_YEARS).reshape(
        -1, N_YEARS
    )
    out: dict[str, list[np.ndarray]] = {
        "firm": [],
        "kej": [],
        "tahun": [],
        "jumlah": [],
    }
    for k, kej in enumerate(cat.KEJURUAN):
        w = probs(emp["w_vac"][k])
        noise = rng.lognormal(0, 0.1, N_YEARS)
        totals = np.round(grads[k] * kej.demand * noise).astype(np.int64)
        for y, total in enumerate(totals):
            counts = rng.multinomial(total, w)
            nz = np.flatnonzero(counts)
            out["firm"].append(nz)
            out["kej"].append(np.full(len(nz), k))
            out["tahun"].append(np.full(len(nz), cat.YEARS[y]))
            out["jumlah"].append(counts[nz])
    return {k: np.concatenate(v) for k, v in out.items()}


def placed_6m(e: Arrays, pl: Arrays) -> np.ndarray:
    """Per enrolment: graduated and placed from lulus - 30 to lulus + 183 days.

    As mart_enrolment: the person's first placement on or after lulus - 30 days.
    """
    if not len(pl["date"]):
        return np.zeros(len(e["status"]), bool)
    span = 1 << 20  # more days than any date here
    keys = np.sort(pl["person"] * span + pl["date"])
    i = np.minimum(
        np.searchsorted(keys, e["person"] * span + e["lulus"] - 30), len(keys) - 1
    )
    first = keys[i] - e["person"] * span
    found = (first >= e["lulus"] - 30) & (first < span)
    return (e["status"] == 2) & found & (first <= e["lulus"] + 183)
