"""Static lists behind the demo data: kejuruan, providers, employers, rates, targets.

Every rate here is a modelling assumption for a *synthetic* Cilegon, tuned so the
dashboard shows realistic patterns (link-and-match gaps, a COVID dip in 2020,
back-loaded budgets, APBN-heavy funding). Employer names are invented: none is a
real company, so no real firm is credited with made-up hires or vacancies.
"""

from __future__ import annotations

from typing import NamedTuple


class Kejuruan(NamedTuple):
    """One vocation with the behaviour of its trainees and its labour market."""

    nama: str
    weight: float  # share of training demand
    female: float  # share of women among trainees
    lulus: float  # completion probability of an ended enrolment
    cert: float  # certification rate of graduates
    place: float  # probability that a graduate is ever placed
    wirausaha: float  # share of placements that are self-employment
    wage: float  # wage factor against the UMK
    demand: float  # vacancies per graduate (> 1: under-supplied)
    sectors: dict[str, float]  # KBLI affinity of its employers
    providers: dict[str, float]  # who runs its pelatihan batches
    magang: bool  # offered as pemagangan with industry


class Provider(NamedTuple):
    """A training provider (pemagangan hosts are employers, see HOSTS)."""

    key: str
    nama: str
    short: str  # prefix of kode_program
    sumber: dict[str, float]  # funding sources of its batches
    batch: int  # class size (kuota)
    days: tuple[int, int]  # length of a pelatihan batch in days
    lulus: float  # completion adjustment
    cost: tuple[float, float]  # unit cost, juta Rupiah per participant


class Employer(NamedTuple):
    """An invented employer: KBLI letter, kecamatan (None = outside Cilegon), Apindo."""

    nama: str
    sektor: str
    kecamatan: str | None
    apindo: bool
    size: float  # relative hiring weight


_K = Kejuruan
_IND = {"C": 5, "F": 3, "N": 2, "D": 1, "H": 1}
_SVC = {"I": 5, "G": 3, "N": 1}
_TECH = {"bbpvp": 7, "blk": 2, "lpk_ct": 2}
_OPS = {"bbpvp": 6, "blk": 2, "lpk_km": 2}
_HOSP = {"blk": 4, "bbpvp": 3, "lpk_bw": 2}

# fmt: off
KEJURUAN: tuple[Kejuruan, ...] = (
    # nama, weight, female, lulus, cert, place, wirausaha, wage, demand,
    # sectors, providers, magang
    _K("Las SMAW", 9, .03, .86, .82, .82, .03, 1.10, 2.2, _IND, _TECH, True),
    _K("Listrik Industri", 8, .06, .88, .80, .81, .04, 1.08, 1.9, _IND, _TECH, True),
    _K("Otomasi Industri", 4, .10, .84, .75, .80, .02, 1.15, 2.0, _IND, _TECH, True),
    _K("Operator Proses Kimia", 4, .12, .87, .78, .78, .01, 1.12, 1.8,
       {"C": 6, "D": 1, "N": 1}, {"bbpvp": 6, "lpk_km": 3}, True),
    _K("Operator Alat Berat", 6, .02, .85, .84, .80, .03, 1.12, 1.7,
       {"F": 4, "H": 3, "N": 3, "C": 1}, _OPS, True),
    _K("Operator Forklift", 5, .04, .90, .85, .74, .02, 1.00, 1.2,
       {"H": 5, "C": 3, "G": 1}, _OPS, True),
    _K("Logistik Pelabuhan", 5, .20, .88, .70, .70, .03, 1.00, 1.1,
       {"H": 6, "N": 2}, {"bbpvp": 5, "lpk_km": 2, "blk": 2}, True),
    _K("Teknisi AC", 5, .04, .87, .72, .66, .14, 0.98, 1.0,
       {"N": 3, "G": 3, "C": 1, "I": 1}, _TECH, False),
    _K("TIK / Jaringan", 6, .35, .85, .66, .58, .08, 1.00, 0.8,
       {"J": 5, "N": 2, "C": 1}, {"bbpvp": 5, "blk": 3}, False),
    _K("Desain Grafis", 6, .55, .84, .60, .50, .22, 0.92, 0.45,
       {"J": 4, "G": 2, "N": 2}, {"blk": 4, "bbpvp": 4}, False),
    _K("Menjahit / Garmen", 7, .88, .86, .62, .52, .30, 0.86, 0.40,
       {"C": 4, "G": 2}, {"blk": 5, "bbpvp": 4}, False),
    _K("Tata Boga", 7, .82, .90, .65, .54, .34, 0.88, 0.35, _SVC, _HOSP, False),
    _K("Perhotelan", 5, .55, .89, .68, .56, .03, 0.92, 0.6,
       {"I": 7, "N": 1}, _HOSP, False),
    _K("K3 Umum", 6, .25, .91, .85, .66, .01, 1.05, 1.0,
       _IND, {"bbpvp": 5, "blk": 2, "lpk_ct": 2}, True),
    _K("Mekatronika", 3, .08, .82, .74, .78, .02, 1.12, 1.8,
       _IND, {"bbpvp": 7, "lpk_ct": 2}, True),
    _K("Otomotif Sepeda Motor", 6, .04, .86, .63, .60, .25, 0.90, 0.7,
       {"G": 5, "N": 1}, {"blk": 4, "bbpvp": 4, "lpk_ct": 2}, False),
    _K("Scaffolding", 3, .01, .88, .83, .78, .02, 1.05, 1.6,
       {"F": 6, "C": 2, "N": 2}, _OPS, True),
    _K("Administrasi Perkantoran", 5, .75, .88, .58, .48, .05, 0.90, 0.40,
       {"N": 4, "G": 2, "K": 1, "J": 1}, {"blk": 5, "bbpvp": 2, "lpk_bw": 2}, False),
)

PROVIDERS: tuple[Provider, ...] = (
    # key, nama, short, sumber, batch, days, lulus, cost
    Provider("bbpvp", "BBPVP Serang", "BBPVP", {"APBN": 1}, 16, (16, 90), .02,
             (5.0, 7.5)),
    Provider("blk", "BLK Kota Cilegon", "BLKC", {"APBD": 1}, 20, (14, 20), -.02,
             (3.0, 4.5)),
    Provider("lpk_km", "LPK Krakatau Mandiri", "LPKKM", {"CSR": .55, "APBN": .45},
             18, (20, 60), -.03, (3.5, 6.0)),
    Provider("lpk_ct", "LPK Cilegon Teknik", "LPKCT", {"CSR": .5, "APBN": .5},
             18, (20, 60), -.04, (3.5, 6.0)),
    Provider("lpk_bw", "LPK Bina Wisata Banten", "LPKBW", {"CSR": .6, "lainnya": .4},
             18, (20, 45), -.03, (3.0, 5.0)),
)

ANCHORS: tuple[Employer, ...] = (
    Employer("PT Baja Selat Sunda", "C", "Ciwandan", True, 12),
    Employer("PT Petrokimia Anyer Nusantara", "C", "Ciwandan", True, 9),
    Employer("PT Kaca Kimia Merak", "C", "Pulomerak", True, 7),
    Employer("PT Pembangkit Listrik Suralaya Jaya", "D", "Pulomerak", True, 7),
    Employer("PT Pelabuhan Cigading Raya", "H", "Ciwandan", True, 7),
    Employer("PT Baja Lembaran Citangkil", "C", "Citangkil", True, 6),
    Employer("PT Polimer Grogol Industri", "C", "Grogol", True, 5),
    Employer("PT Terminal Curah Ciwandan", "H", "Ciwandan", True, 4),
    Employer("PT Konstruksi Baja Banten", "F", "Citangkil", True, 5),
    Employer("PT Rekayasa Pabrik Cilegon", "F", "Jombang", True, 4),
    Employer("PT Logistik Merak Sentosa", "H", None, True, 4),
    Employer("PT Kimia Serang Utama", "C", None, True, 5),
    Employer("PT Garmen Serang Makmur", "C", None, False, 5),
    Employer("PT Jasa Tenaga Industri Banten", "N", None, True, 6),
    Employer("PT Sewa Alat Berat Sunda Perkasa", "N", "Grogol", False, 3),
    Employer("PT Hotel Cilegon Permai", "I", "Jombang", True, 4),
    Employer("PT Boga Rasa Nusantara", "I", None, False, 3),
    Employer("PT Niaga Motor Cilegon", "G", "Cilegon", False, 3),
    Employer("PT Data Teknologi Banten", "J", None, False, 2),
    Employer("PT Retail Serba Ada Banten", "G", None, False, 3),
)
# fmt: on

# pemagangan hosts: (index in ANCHORS, kode_program prefix); they are providers too
HOSTS: tuple[tuple[int, str], ...] = (
    (0, "MGBSS"),
    (1, "MGPAN"),
    (2, "MGKKM"),
    (3, "MGPLS"),
    (4, "MGPCR"),
)
MAGANG_SUMBER = {"APBN": 0.75, "CSR": 0.25}
MAGANG_BATCH, MAGANG_DAYS = 20, (180, 365)
MAGANG_COST = (8.0, 14.0)  # juta Rupiah per apprentice (allowance, insurance)
SERTIFIKASI_PROVIDERS = {"bbpvp": 0.7, "blk": 0.3}  # funded as the provider is
SERTIFIKASI_BATCH, SERTIFIKASI_DAYS = 20, (2, 5)
SERTIFIKASI_COST = (3.0, 3.6)  # refresher plus the LSP competency test

# generic employers: "PT <A> <B> <sector word>"
NAME_A = ("Sinar", "Mitra", "Karya", "Bumi", "Cahaya", "Duta", "Putra", "Prima")
NAME_A += ("Mega", "Surya", "Abadi", "Bintang")
NAME_B = ("Cilegon", "Banten", "Krakatau", "Merak", "Selat Sunda", "Nusantara")
NAME_B += ("Samudra", "Anyer", "Ciwandan", "Jaya")
SECTOR_WORD = {"C": "Industri", "H": "Logistik", "F": "Konstruksi", "D": "Energi"}
SECTOR_WORD |= {"I": "Boga", "G": "Niaga", "J": "Digital", "N": "Servis"}
SECTOR_WORD |= {"K": "Finansial"}
SECTOR_P = {"C": 30, "H": 15, "F": 13, "D": 4, "I": 10, "G": 11, "J": 6, "N": 9, "K": 2}
# where generic employers sit (heavy industry on the coast); None = outside Cilegon
KECAMATAN_P = {"Ciwandan": 3, "Citangkil": 3, "Pulomerak": 2, "Grogol": 2}
KECAMATAN_P |= {"Cilegon": 1, "Jombang": 1.5, "Cibeber": 1, "Purwakarta": 1, None: 6}

YEARS = tuple(range(2019, 2026))
YEAR_W = (0.14, 0.07, 0.11, 0.15, 0.17, 0.18, 0.18)  # enrolments; 2020 COVID dip
YEAR_PLACE = (0.94, 0.72, 0.86, 0.95, 1.0, 1.04, 1.06)  # placement factor per year
MONTH_W = (0.03, 0.06, 0.08, 0.10, 0.11, 0.12, 0.12, 0.12, 0.10, 0.07, 0.06, 0.03)
SPEND_MONTH_W = (0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.3, 1.5, 1.9, 2.6)
PENDIDIKAN = {
    "SD": 1,
    "SMP": 8,
    "SMA": 28,
    "SMK": 46,
    "D1": 1,
    "D3": 7,
    "D4": 1,
    "S1": 8,
}
# UMK Kota Cilegon (ref_umk); 2019-2020 approximate, only used to draw demo wages
UMK = {2019: 3_913_000, 2020: 4_246_000, 2021: 4_309_772, 2022: 4_340_254}
UMK |= {2023: 4_657_223, 2024: 4_815_102, 2025: 5_128_084}

# KPI targets: the status wanted in 2023, 2024, 2025 and whether lower is better;
# the target is the demo's own actual value times TARGET_MULT.
TARGET_PLAN: dict[str, tuple[tuple[str, str, str], bool]] = {
    "peserta": (("on", "on", "risk"), False),
    "tingkat_kelulusan": (("on", "risk", "on"), False),
    "tingkat_sertifikasi": (("risk", "off", "risk"), False),
    "tingkat_penempatan_6b": (("off", "risk", "off"), False),
    "upah_vs_umk": (("on", "on", "risk"), False),
    "porsi_lokal": (("risk", "off", "off"), False),
    "serapan_anggaran": (("on", "risk", "on"), False),
    "biaya_per_penempatan": (("on", "risk", "off"), True),
    "porsi_apbn": (("on", "on", "risk"), False),
}
# at risk = within 10% of the target on the wrong side
TARGET_MULT = {("on", False): 0.93, ("risk", False): 1.045, ("off", False): 1.16}
TARGET_MULT |= {("on", True): 1.08, ("risk", True): 0.95, ("off", True): 0.82}
# TPT against the real BPS figures (7.25, 6.08, 7.41): on track, at risk, off track
TPT_TARGET = {2023: 7.9, 2024: 5.9, 2025: 6.4}
