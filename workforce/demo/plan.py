"""Who enrols where: the enrolment plan, programmes, persons and their outcomes.

Vectorised with numpy over all persons and enrolments at once; only the NIK hashing
loops (in chunks). Day numbers are days since 1970-01-01 (numpy ``datetime64[D]``).
"""

from __future__ import annotations

import numpy as np

from workforce.core.pseudonym import DEMO_KEY, pseudonymise
from workforce.demo import catalog as cat

Arrays = dict[str, np.ndarray]
AS_OF = "2025-12-31"
AS_OF_D = int(np.datetime64(AS_OF, "D").astype(np.int64))
CHUNK = 1_000_000
K = len(cat.KEJURUAN)
NP = len(cat.PROVIDERS)  # pemagangan hosts follow the providers in ref_penyelenggara
SUMBER = ("APBN", "APBD", "CSR", "lainnya")


# ---- small vectorised helpers ------------------------------------------------------


def probs(weights: object) -> np.ndarray:
    """Weights normalised to sum to 1."""
    w = np.asarray(weights, dtype=float)
    return w / w.sum()


def year_of(days: np.ndarray) -> np.ndarray:
    """Calendar year of day numbers (days since 1970-01-01)."""
    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def month_of(days: np.ndarray) -> np.ndarray:
    """Month (1-12) of day numbers."""
    return (
        days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12 + 1
    )


def rank_within(group: np.ndarray, within: np.ndarray | None = None) -> np.ndarray:
    """0-based rank of each row in its group, ordered by ``within`` then row."""
    order = (
        np.argsort(group, kind="stable")
        if within is None
        else np.lexsort((within, group))
    )
    g = group[order]
    idx = np.arange(len(g))
    first = np.maximum.accumulate(np.where(np.r_[True, g[1:] != g[:-1]], idx, 0))
    rank = np.empty(len(g), dtype=np.int64)
    rank[order] = idx - first
    return rank


def sample_rows(
    rng: np.random.Generator, group: np.ndarray, weights: object
) -> np.ndarray:
    """For each row, a column of ``weights[group]`` drawn with those weights."""
    cdf = np.cumsum(np.asarray(weights, dtype=float), axis=1)
    cdf /= cdf[:, -1:]
    u = rng.random(len(group))
    out = np.zeros(len(group), dtype=np.int64)
    for g in range(len(cdf)):
        mask = group == g
        out[mask] = np.searchsorted(cdf[g], u[mask], side="right")
    return np.minimum(out, cdf.shape[1] - 1)


# ---- enrolment plan and programmes -------------------------------------------------


def random_dates(rng: np.random.Generator, n: int) -> np.ndarray:
    """Wished start days: year by YEAR_W, month by MONTH_W (Q2-Q3 heavy)."""
    y = rng.choice(len(cat.YEARS), n, p=probs(cat.YEAR_W))
    m = rng.choice(12, n, p=probs(cat.MONTH_W))
    month0 = np.datetime64(f"{cat.YEARS[0]}-01", "M") + (y * 12 + m)
    return month0.astype("datetime64[D]").astype(np.int64) + rng.integers(0, 28, n)


def plan_enrolments(rng: np.random.Generator, n: int) -> Arrays:
    """Each person's 1-3 wished enrolments; (jenis, kejuruan) never repeats."""
    magang_ok = np.array([c.magang for c in cat.KEJURUAN])
    reps = rng.choice(3, n, p=[0.84, 0.11, 0.05])
    k0 = rng.choice(K, n, p=probs([c.weight for c in cat.KEJURUAN]))
    j0 = rng.choice(3, n, p=[0.80, 0.07, 0.13])
    j0[(j0 == 1) & ~magang_ok[k0]] = 0
    j1 = np.where(j0 == 0, rng.choice(3, n, p=[0.3, 0.15, 0.55]), 0)
    j1[(j1 == 1) & ~magang_ok[k0]] = 2
    other = (k0 + rng.integers(1, K, n)) % K
    k1 = np.where(j1 == 0, other, k0)
    j2, k2 = np.where(j1 == 0, 2, 0), np.where(j1 == 0, k1, other)
    d0 = random_dates(rng, n)
    d1 = d0 + np.where(j1 == 2, rng.integers(20, 150, n), rng.integers(60, 500, n))
    d2 = d1 + rng.integers(30, 400, n)
    keep1 = (reps >= 1) & (d1 <= AS_OF_D - 10)
    keep2 = keep1 & (reps >= 2) & (d2 <= AS_OF_D - 10)
    person = np.arange(n)
    plan = {
        "person": np.r_[person, person[keep1], person[keep2]],
        "jenis": np.r_[j0, j1[keep1], j2[keep2]],
        "kej": np.r_[k0, k1[keep1], k2[keep2]],
        "want": np.r_[d0, d1[keep1], d2[keep2]],
        "primary": np.r_[np.ones(n, bool), np.zeros(keep1.sum() + keep2.sum(), bool)],
    }
    plan["prov"] = choose_provider(rng, plan["jenis"], plan["kej"])
    return plan


def choose_provider(
    rng: np.random.Generator, jenis: np.ndarray, kej: np.ndarray
) -> np.ndarray:
    """Provider index: pelatihan by kejuruan, pemagangan host by sector, sertifikasi."""
    w_pel = [[c.providers.get(p.key, 0) for p in cat.PROVIDERS] for c in cat.KEJURUAN]
    w_host = [
        [c.sectors.get(cat.ANCHORS[h].sektor, 0) ** 2 + 1e-9 for h, _ in cat.HOSTS]
        for c in cat.KEJURUAN
    ]  # hosts in the kejuruan's main sectors
    keys = [p.key for p in cat.PROVIDERS]
    srt = np.array([keys.index(k) for k in cat.SERTIFIKASI_PROVIDERS])
    pel = sample_rows(rng, kej, w_pel)
    host = NP + sample_rows(rng, kej, w_host)
    p_srt = probs(list(cat.SERTIFIKASI_PROVIDERS.values()))
    cert = srt[rng.choice(len(srt), len(kej), p=p_srt)]
    return np.select([jenis == 0, jenis == 1], [pel, host], cert)


def kuota_of(prov: np.ndarray, jenis: np.ndarray) -> np.ndarray:
    """Class size by provider (pelatihan) or by jenis."""
    batch = np.array([p.batch for p in cat.PROVIDERS] + [0] * len(cat.HOSTS))
    return np.select(
        [jenis == 1, jenis == 2],
        [cat.MAGANG_BATCH, cat.SERTIFIKASI_BATCH],
        batch[prov],
    )


def make_batches(rng: np.random.Generator, plan: Arrays) -> tuple[Arrays, Arrays]:
    """Cut each (provider, jenis, kejuruan) queue, in date order, into classes."""
    group = (plan["prov"] * 3 + plan["jenis"]) * K + plan["kej"]
    order = np.lexsort((plan["want"], group))
    e = {k: v[order] for k, v in plan.items()}
    g, n = group[order], len(order)
    idx = np.arange(n)
    start = np.r_[True, g[1:] != g[:-1]]
    first = np.maximum.accumulate(np.where(start, idx, 0))
    gsize = np.diff(np.r_[np.flatnonzero(start), n])
    size = np.repeat(gsize, gsize)
    kuota = kuota_of(e["prov"], e["jenis"])
    chunk = (idx - first) * (-(-size // kuota)) // size
    new = start | np.r_[True, chunk[1:] != chunk[:-1]]
    e["prog"] = np.cumsum(new) - 1
    p0 = np.flatnonzero(new)
    mid = p0 + np.diff(np.r_[p0, n]) // 2
    prog = {
        "prov": e["prov"][p0],
        "jenis": e["jenis"][p0],
        "kej": e["kej"][p0],
        "kuota": kuota[p0],
        "start": e["want"][mid],
        "group": g[p0],
    }
    describe_programmes(rng, prog)
    return e, prog


def by_jenis(
    prov: np.ndarray,
    jenis: np.ndarray,
    field: str,
    magang: tuple[float, float],
    sertifikasi: tuple[float, float],
) -> np.ndarray:
    """(low, high) of a Provider range field per row; fixed for the other jenis."""
    table = [getattr(p, field) for p in cat.PROVIDERS] + [(0, 0)] * len(cat.HOSTS)
    out = np.array(table, dtype=float)[prov]
    out = np.where((jenis == 1)[:, None], np.array(magang, dtype=float), out)
    return np.where((jenis == 2)[:, None], np.array(sertifikasi, dtype=float), out)


def describe_programmes(rng: np.random.Generator, prog: Arrays) -> None:
    """Length, end date, year and funding source of each programme."""
    prov, jenis = prog["prov"], prog["jenis"]
    days = by_jenis(prov, jenis, "days", cat.MAGANG_DAYS, cat.SERTIFIKASI_DAYS)
    length = rng.integers(days[:, 0].astype(np.int64), days[:, 1].astype(np.int64) + 1)
    prog["end"] = prog["start"] + length - 1
    prog["tahun"] = year_of(prog["start"])
    funders = [p.sumber for p in cat.PROVIDERS] + [cat.MAGANG_SUMBER]
    w = [[f.get(s, 0) for s in SUMBER] for f in funders]
    prog["sumber"] = sample_rows(rng, np.where(jenis == 1, NP, prov), w)
    prog["kode"], prog["nama"] = programme_labels(prog)


def programme_labels(prog: Arrays) -> tuple[np.ndarray, np.ndarray]:
    """kode_program (PREFIX-tahun-seq) and nama_program (jenis kejuruan Angkatan n)."""
    prefixes = (
        [p.short for p in cat.PROVIDERS]
        + [s for _, s in cat.HOSTS]
        + [p.short + "-SRT" for p in cat.PROVIDERS]
    )
    pid = np.where(prog["jenis"] == 2, NP + len(cat.HOSTS) + prog["prov"], prog["prov"])
    seq = rank_within(pid * 10_000 + prog["tahun"], prog["start"]) + 1
    batch = rank_within(prog["group"] * 10_000 + prog["tahun"], prog["start"]) + 1
    tahun = prog["tahun"].astype(str).astype(object)
    kode = (
        np.array(prefixes, dtype=object)[pid]
        + "-"
        + tahun
        + "-"
        + np.char.zfill(seq.astype(str), 4).astype(object)
    )
    label = np.array(
        ["Pelatihan", "Pemagangan", "Sertifikasi Kompetensi"], dtype=object
    )
    kej = np.array([c.nama for c in cat.KEJURUAN], dtype=object)
    nama = (
        label[prog["jenis"]]
        + " "
        + kej[prog["kej"]]
        + " Angkatan "
        + batch.astype(str).astype(object)
        + " Tahun "
        + tahun
    )
    return kode.astype(str), nama.astype(str)


# ---- persons and outcomes ----------------------------------------------------------


def make_persons(
    rng: np.random.Generator, e: Arrays, prog: Arrays, kel: Arrays
) -> Arrays:
    """One row per person: sex by kejuruan, age at the first programme, address."""
    prim = np.flatnonzero(e["primary"])
    n = len(prim)
    kej0, jenis0 = np.empty(n, np.int64), np.empty(n, np.int64)
    who = e["person"][prim]
    kej0[who], jenis0[who] = e["kej"][prim], e["jenis"][prim]
    start0 = np.full(n, np.iinfo(np.int64).max)  # the person's earliest programme
    np.minimum.at(start0, e["person"], prog["start"][e["prog"]])
    female = rng.random(n) < np.array([c.female for c in cat.KEJURUAN])[kej0]
    age = np.where(
        jenis0 == 2, rng.uniform(20, 48, n), 17.05 + 18.9 * rng.beta(2, 4, n)
    )
    dob = start0 - np.floor(age * 365.25).astype(np.int64)
    kec = rng.choice(len(kel["kec_w"]), n, p=probs(kel["kec_w"]))
    kel_i = kel["first"][kec] + (rng.random(n) * kel["count"][kec]).astype(np.int64)
    pend = rng.choice(len(cat.PENDIDIKAN), n, p=probs(list(cat.PENDIDIKAN.values())))
    ids = peserta_ids(kel["kec_no"][kec], female, dob)
    return {
        "ids": ids,
        "female": female,
        "dob": dob,
        "kec": kec,
        "kel": kel_i,
        "pend": pend,
        "disab": rng.random(n) < 0.02,
    }


def peserta_ids(kec_no: np.ndarray, female: np.ndarray, dob: np.ndarray) -> np.ndarray:
    """Synthetic NIKs (3672 CC DDMMYY SSSS, women's day + 40), hashed (demo key)."""
    d = dob.astype("datetime64[D]")
    month_start = d.astype("datetime64[M]")
    day = (d - month_start.astype("datetime64[D]")).astype(np.int64) + 1 + 40 * female
    ddmmyy = (day * 100 + month_of(dob)) * 100 + year_of(dob) % 100
    key = kec_no * 1_000_000 + ddmmyy
    serial = rank_within(key) + 1
    if len(serial) and serial.max() > 9999:
        raise ValueError("more than 9,999 persons share a birth date and kecamatan")
    nik = 3672 * 10**12 + key * 10_000 + serial
    ids = np.empty(len(nik), dtype="S64")
    for lo in range(0, len(nik), CHUNK):
        text = nik[lo : lo + CHUNK].astype(str).tolist()
        ids[lo : lo + CHUNK] = [pseudonymise(t, DEMO_KEY) for t in text]
    return ids


def set_outcomes(rng: np.random.Generator, e: Arrays, prog: Arrays) -> None:
    """Status, graduation date and certification of every enrolment."""
    n, pe = len(e["prog"]), e["prog"]
    start, end = prog["start"][pe], prog["end"][pe]
    lulus_k = np.array([c.lulus for c in cat.KEJURUAN])
    prov_adj = np.array([p.lulus for p in cat.PROVIDERS] + [0.0] * len(cat.HOSTS))
    noise = rng.normal(0, 0.03, len(prog["start"]))[pe]
    p_l = np.clip(
        lulus_k[e["kej"]]
        + prov_adj[e["prov"]]
        + np.array([0, -0.03, 0.04])[e["jenis"]]
        + noise,
        0.6,
        0.92,
    )
    p_d = rng.uniform(0.03, 0.08, len(prog["start"]))[pe]
    u, ended = rng.random(n), end <= AS_OF_D
    e["status"] = np.select(
        [~ended & (u < 0.05), ~ended, u < p_l, u < p_l + p_d], [0, 1, 2, 4], 3
    )
    is_l = e["status"] == 2
    e["lulus"] = np.where(
        is_l, np.clip(end + rng.integers(-2, 6, n), start, AS_OF_D), -1
    )
    cert_k = np.array([c.cert for c in cat.KEJURUAN])[e["kej"]]
    cert_p = np.select(
        [e["jenis"] == 2, e["jenis"] == 1], [0.95, cert_k - 0.08], cert_k
    )
    e["cert"] = is_l & (rng.random(n) < cert_p)
