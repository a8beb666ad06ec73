"""The tracer study of the demo: graduates asked again 6 and 12 months after.

Each graduate whose survey date has come is called at about +6 months (+170 to
+200 days) and +12 months (+330 to +410 days). Whether they answer depends on the
provider and the kejuruan (response rates between 50% and 80%); a call that reaches
no one is recorded as ``tidak_terlacak`` for part of the non-answers. Some
graduates are asked twice in the 12-month window (a first call at +310 to +329
days): the later answer is the one that counts. At 12 months most of those placed
within 6 months still work, some found work later; wages drift from the placement
wage.
"""

from __future__ import annotations

import numpy as np

from workforce.demo import catalog as cat
from workforce.demo.labour import wages
from workforce.demo.plan import AS_OF_D, Arrays, sample_rows

STATUS = np.array(
    [
        "bekerja",
        "wirausaha",
        "magang",
        "tidak_bekerja",
        "studi_lanjut",
        "tidak_terlacak",
    ]
)
SUMBER = np.array(["survei", "telepon", "BPJS Ketenagakerjaan"])
BEKERJA, WIRAUSAHA, MAGANG, TIDAK, STUDI, TERLACAK = range(6)
ASKED_TWICE = 0.15  # share of 12-month answers preceded by an earlier call


def first_placements(pl: Arrays, n_persons: int) -> Arrays:
    """Each person's earliest placement (date -1 where there is none)."""
    order = np.lexsort((pl["date"], pl["person"]))
    person = pl["person"][order]
    first = order[np.unique(person, return_index=True)[1]]
    out = {k: np.full(n_persons, -1, dtype=np.int64) for k in ("date", "jenis", "firm")}
    out["upah"] = np.full(n_persons, np.nan)
    for k in out:
        out[k][pl["person"][first]] = pl[k][first]
    return out


def response_rates(rng: np.random.Generator, e: Arrays, rows: np.ndarray) -> np.ndarray:
    """Chance to answer, by provider and kejuruan, within 50-80%."""
    prov_eff = rng.uniform(-0.12, 0.12, int(e["prov"].max()) + 1)
    kej_eff = rng.uniform(-0.06, 0.06, len(cat.KEJURUAN))
    rate = 0.65 + prov_eff[e["prov"][rows]] + kej_eff[e["kej"][rows]]
    return np.clip(rate, 0.5, 0.8)


def status_12m(
    rng: np.random.Generator, placed6: np.ndarray, kind: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Status at 12 months and whether still with the first employer."""
    n = len(placed6)
    u = rng.random(n)
    was_kerja = placed6 & (kind == 0)
    after = np.select(  # not placed within 6 months: some found work since
        [u < 0.27, u < 0.33, u < 0.37, u < 0.47],
        [BEKERJA, WIRAUSAHA, MAGANG, STUDI],
        TIDAK,
    )
    kept = np.select([u < 0.80, u < 0.86], [BEKERJA, WIRAUSAHA], TIDAK)
    from_magang = np.select([u < 0.55, u < 0.65], [BEKERJA, MAGANG], TIDAK)
    own = np.where(u < 0.85, WIRAUSAHA, np.where(u < 0.93, BEKERJA, TIDAK))
    status = np.select(
        [was_kerja, placed6 & (kind == 1), placed6 & (kind == 2)],
        [kept, from_magang, own],
        after,
    )
    same = was_kerja & (status == BEKERJA) & (rng.random(n) < 0.72)
    return status, same


def make_tracer(
    rng: np.random.Generator, e: Arrays, pl: Arrays, emp: dict[str, np.ndarray]
) -> Arrays:
    """Tracer rows (6- and 12-month calls) of every graduate whose call date came."""
    rows = np.flatnonzero(e["status"] == 2)
    grad, person = e["lulus"][rows], e["person"][rows]
    first = first_placements(pl, int(e["person"].max()) + 1)
    fdate = first["date"][person]
    placed6 = (fdate >= 0) & (fdate >= grad - 30) & (fdate <= grad + 183)
    kind = np.where(placed6, first["jenis"][person], -1)
    answers = rng.random(len(rows)) < response_rates(rng, e, rows)
    status, same = status_12m(rng, placed6, kind)
    kej = e["kej"][rows]
    day12 = grad + rng.integers(330, 411, len(rows))
    drift = first["upah"][person] * rng.lognormal(0.05, 0.08, len(rows))
    fresh = wages(rng, kej, np.zeros(len(rows), dtype=np.int64), day12)
    upah = np.round(np.where(same & ~np.isnan(drift), drift, fresh), -3)
    other = sample_rows(rng, kej, emp["w_place"])
    firm = np.where(same, first["firm"][person], other)
    twelve = {
        "row": rows,
        "date": day12,
        "status": np.where(answers, status, TERLACAK),
        "upah": np.where(answers & (status == BEKERJA), upah, np.nan),
        "firm": np.where(answers & (status == BEKERJA), firm, -1),
        "same": np.where(answers & placed6 & (kind == 0), same, False),
    }
    return _join(rng, e, rows, placed6, kind, first, twelve)


def _join(
    rng: np.random.Generator,
    e: Arrays,
    rows: np.ndarray,
    placed6: np.ndarray,
    kind: np.ndarray,
    first: Arrays,
    twelve: Arrays,
) -> Arrays:
    """The 12-month calls, the earlier calls of some, the 6-month calls; only calls
    whose date has come, and non-answers kept as tidak_terlacak for about half."""
    n = len(rows)
    grad = e["lulus"][rows]
    six = {
        "row": rows,
        "date": grad + rng.integers(170, 201, n),
        "status": np.where(
            placed6, np.array([BEKERJA, MAGANG, WIRAUSAHA])[np.maximum(kind, 0)], TIDAK
        ),
        "upah": np.where(
            placed6 & (kind == 0), first["upah"][e["person"][rows]], np.nan
        ),
        "firm": np.where(placed6 & (kind != 2), first["firm"][e["person"][rows]], -1),
        "same": placed6 & (kind == 0),
    }
    reached = rng.random(n) < 0.7
    six["status"] = np.where(reached, six["status"], TERLACAK)
    six["upah"] = np.where(reached, six["upah"], np.nan)
    six["firm"] = np.where(reached, six["firm"], -1)
    six["same"] = reached & six["same"]
    twice = (twelve["status"] != TERLACAK) & (rng.random(n) < ASKED_TWICE)
    early = {k: v[twice] for k, v in twelve.items()}
    early["date"] = grad[twice] + rng.integers(310, 330, int(twice.sum()))
    early["status"] = np.full(int(twice.sum()), TIDAK)
    early["upah"] = np.full(int(twice.sum()), np.nan)
    early["firm"] = np.full(int(twice.sum()), -1)
    early["same"] = np.zeros(int(twice.sum()), dtype=bool)
    parts = [six, early, twelve]
    out = {k: np.concatenate([p[k] for p in parts]) for k in six}
    silent = out["status"] == TERLACAK
    keep = (out["date"] <= AS_OF_D) & (~silent | (rng.random(len(silent)) < 0.5))
    out = {k: v[keep] for k, v in out.items()}
    out["sumber"] = rng.choice(3, len(out["row"]), p=[0.3, 0.55, 0.15])
    return out
