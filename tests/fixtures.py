"""The one small test database: every row written out, every derived fact listed.

``build(conn)`` fills a database that already has the schema and the reference
tables (``refresh.init_database``) with the rows below, rebuilds the marts and sets
the dataset info. ``EXPECTED`` holds the KPI values of the registry worked out by
hand from these facts, with the arithmetic beside each. Tests compute their own
expected values from the facts listed here; a test that needs an edge case the
base lacks adds rows HERE (and re-derives what moves), never a dataset of its own.

Facts
-----
Kejuruan: 1 Las, 2 Garmen. Penyelenggara: 1 BBPVP Serang, 2 BLK Kota Cilegon.
Employers: E1 PT Baja (KBLI C, kecamatan Ciwandan 36.72.04, Apindo member: local);
  E2 PT Luar (KBLI H, no kecamatan: outside Cilegon, not a member).

Persons (all L, SMK, no disability, no kelurahan; peserta_id = pid(label)):
  A  born 2000-01-10  Ciwandan  (36.72.04)
  B  born 1999-05-05  Ciwandan
  C  born 2001-07-07  Citangkil (36.72.08)
  D  born 1998-03-03  Citangkil
  E  born 2002-02-02  Cibeber   (36.72.01)
  F  born 1997-12-12  Cibeber
  G  born 2003-09-09  Grogol    (36.72.06)

Programmes (kode = nama, kuota 20):
  P1  Las    BBPVP Serang      pelatihan    APBN  tahun 2024  2024-02-01 → 2024-03-01
  P2  Garmen BLK Kota Cilegon  pelatihan    APBD  tahun 2024  2024-09-01 → 2024-10-15
  P3  Las    BBPVP Serang      sertifikasi  APBN  tahun 2023  2023-11-01 → 2024-01-20
  P4  Garmen BLK Kota Cilegon  pelatihan    APBD  tahun 2024  2024-04-01 → 2024-05-01

Enrolments (11; status, certified):
  P1  A lulus 2024-03-01 cert | B lulus 2024-03-01 | C tidak_lulus | D mengundurkan_diri
      | E lulus 2024-03-01 cert
  P3  A lulus 2024-01-20 cert | F lulus 2024-01-20 cert       (A is enrolled twice)
  P2  G lulus 2024-10-15      | C lulus 2024-10-15 cert       (immature at 2024-12-31)
  P4  D tidak_lulus | E mengundurkan_diri                     (a zero-graduate programme)

Placements (5; jenis, start, employer, programme, monthly wage):
  A kerja     2024-02-15 E1 P1 Rp 5.000.000  15 days BEFORE graduating from P1 (in the
              window lulus − 30 … lulus + 183), day 26 after P3's graduation
  B kerja     2024-10-01 E2 P1 Rp 4.000.000  day 214 after P1: outside the window
  E wirausaha 2024-05-01 —  P1 no wage       day 61
  F magang    2023-12-01 E1 P3 Rp 2.500.000  50 days before graduating: too early
  G kerja     2024-11-01 E1 P2 Rp 6.000.000  day 17; P2's cohort is immature
  → E1 hired in 2023 (F) and in 2024 (A, G): a repeat employer; E2 only in 2024.

Vacancies (lowongan): E1 Las 2024: 10; E2 Las 2024: 2; E1 Garmen 2024: 1.

Budget (tahun, kode_program, sumber_dana, pagu / realisasi, juta):
  2024 P1 APBN 100 / 90 | 2024 P1 APBD 20 / 20 (P1 funded from two sources)
  2024 P2 APBD 50 / 40  | 2024 P4 APBD 30 / 30
  2023 P3 APBN 40 / 35  | 2024 P3 APBN 20 / 20 (P3's money spans two years)
  2024 KEG-01 CSR 10 / 12 (a kegiatan that is no programme; realisasi above pagu)
  → 2024: pagu 100 + 20 + 50 + 30 + 20 + 10 = 230, realisasi 90 + 20 + 40 + 30 + 20
    + 12 = 212 (APBN 110, APBD 90, CSR 12); 2023: 40 / 35, all APBN.

Targets: 2024 tpt 6,0; tingkat_kelulusan 70; peserta 10; tingkat_sertifikasi 70;
  tingkat_penempatan_6b 80; biaya_per_penempatan Rp 70 juta. 2023 tpt 7,0.

dataset_info: is_demo "true", data_as_of 2024-12-31 (AS_OF).

Derived facts (as of 2024-12-31; 183 days before it is 2024-07-01)
------------------------------------------------------------------
2024 participants: P1 A B C D E, P2 G C, P4 D E → 6 persons (A B C D E G); Q1 only
  P1 → 5; Q2 only P4 → 2 (D E). 2023: P3 A F → 2.
  Per kecamatan 2024: Ciwandan 2 (A B), Citangkil 2 (C D), Cibeber 1 (E), Grogol 1
  (G). Per kejuruan 2024: Las 5 (P1), Garmen 4 (G C D E).
Ended enrolments in programmes ending in 2024 (all four): 11, lulus 7 (A B E, A F,
  G C), certified 5 (A/P1, E/P1, A/P3, F/P3, C/P2). None end in 2023.
Mature graduates (lulus ≤ 2024-07-01): A B E of P1, A F of P3 = 5; placed within 6
  months: A/P1 (−15), E/P1 (61), A/P3 (26, the same job) = 3. At 2025-06-30 P2's G
  and C are mature too: 7, placed 4 (G at day 17).
Edges: a person in two programmes (A), a placement before graduation (A), one after
  the window (B), one too early (F), an immature cohort (P2), a programme funded from
  two sources (P1), a programme's money in two years (P3), a zero-graduate
  programme (P4), a kegiatan budget line (KEG-01), realisasi above pagu (CSR), a
  wirausaha without employer or wage (E), an employer outside Cilegon (E2), a
  repeat employer (E1), an empty year (2019: zero denominators).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import duckdb

from workforce import refresh
from workforce.core import db
from workforce.core.pseudonym import DEMO_KEY, pseudonymise

AS_OF = date(2024, 12, 31)
UMK_2024 = 4_815_102  # UMK Kota Cilegon 2024 (reference table ref_umk)

# person -> (kecamatan_kode, birth date)
PERSONS = {
    "A": ("36.72.04", "2000-01-10"),  # Ciwandan
    "B": ("36.72.04", "1999-05-05"),  # Ciwandan
    "C": ("36.72.08", "2001-07-07"),  # Citangkil
    "D": ("36.72.08", "1998-03-03"),  # Citangkil
    "E": ("36.72.01", "2002-02-02"),  # Cibeber
    "F": ("36.72.01", "1997-12-12"),  # Cibeber
    "G": ("36.72.06", "2003-09-09"),  # Grogol
}
PROGRAMMES = [
    # kode, kejuruan_id, penyelenggara_id, jenis, sumber_dana, tahun, mulai, selesai
    ("P1", 1, 1, "pelatihan", "APBN", 2024, "2024-02-01", "2024-03-01"),
    ("P2", 2, 2, "pelatihan", "APBD", 2024, "2024-09-01", "2024-10-15"),
    ("P3", 1, 1, "sertifikasi", "APBN", 2023, "2023-11-01", "2024-01-20"),
    ("P4", 2, 2, "pelatihan", "APBD", 2024, "2024-04-01", "2024-05-01"),
]
ENROLMENTS = [
    # person, programme, status, tanggal_lulus, tersertifikasi
    ("A", "P1", "lulus", "2024-03-01", True),
    ("B", "P1", "lulus", "2024-03-01", False),
    ("C", "P1", "tidak_lulus", None, False),
    ("D", "P1", "mengundurkan_diri", None, False),
    ("E", "P1", "lulus", "2024-03-01", True),
    ("A", "P3", "lulus", "2024-01-20", True),  # A is enrolled twice
    ("F", "P3", "lulus", "2024-01-20", True),
    ("G", "P2", "lulus", "2024-10-15", False),  # immature at 31 Dec 2024
    ("C", "P2", "lulus", "2024-10-15", True),
    ("D", "P4", "tidak_lulus", None, False),  # P4 has no graduate
    ("E", "P4", "mengundurkan_diri", None, False),
]
PLACEMENTS = [
    # person, jenis, mulai, employer, programme, wage
    ("A", "kerja", "2024-02-15", "E1", "P1", 5_000_000),  # 15 days before graduating
    ("B", "kerja", "2024-10-01", "E2", "P1", 4_000_000),  # day 214: outside window
    ("E", "wirausaha", "2024-05-01", None, "P1", None),  # day 61
    ("F", "magang", "2023-12-01", "E1", "P3", 2_500_000),  # 50 days before: too early
    ("G", "kerja", "2024-11-01", "E1", "P2", 6_000_000),  # day 17 (cohort immature)
]
BUDGET = [
    # tahun, kode_program, sumber_dana, pagu, realisasi
    (2024, "P1", "APBN", 100_000_000, 90_000_000),
    (2024, "P1", "APBD", 20_000_000, 20_000_000),  # P1 funded from two sources
    (2024, "P2", "APBD", 50_000_000, 40_000_000),
    (2024, "P4", "APBD", 30_000_000, 30_000_000),
    (2023, "P3", "APBN", 40_000_000, 35_000_000),
    (2024, "P3", "APBN", 20_000_000, 20_000_000),  # P3's APBN money spans two years
    (2024, "KEG-01", "CSR", 10_000_000, 12_000_000),  # kegiatan, above pagu
]
VACANCIES = [
    # employer, kejuruan_id, tahun, jumlah
    ("E1", 1, 2024, 10),
    ("E2", 1, 2024, 2),
    ("E1", 2, 2024, 1),
]
TARGETS = [
    # tahun, kpi, target
    (2024, "tpt", 6.0),
    (2024, "tingkat_kelulusan", 70),
    (2024, "peserta", 10),
    (2024, "tingkat_sertifikasi", 70),
    (2024, "tingkat_penempatan_6b", 80),
    (2024, "biaya_per_penempatan", 70_000_000),
    (2023, "tpt", 7.0),
]

# The registry's KPIs per year, as of AS_OF, worked out by hand from the facts above
# (None: not available, a zero denominator). tpt and tpak come from the BPS reference
# table that init_database loads, not from the fixture rows.
EXPECTED: dict[int, dict[str, float | None]] = {
    2024: {
        "tpt": 6.08,  # published for 2024
        "tpak": None,  # not published for 2024
        "peserta": 6,  # A B C D E G
        "tingkat_kelulusan": 7 / 11 * 100,  # 63,64%: 7 lulus of 11 ended enrolments
        "tingkat_sertifikasi": 5 / 7 * 100,  # 71,43%: A/P1 E/P1 A/P3 F/P3 C/P2
        "tingkat_penempatan_6b": 3 / 5 * 100,  # A/P1, E/P1, A/P3 of A B E A F
        "penempatan": 4,  # A B G kerja, E wirausaha (F's began in 2023)
        "upah_median": 5_000_000,  # median of A 5, B 4, G 6 juta
        "upah_vs_umk": 5_000_000 / UMK_2024 * 100,  # 103,84%
        "porsi_lokal": 2 / 3 * 100,  # A, G at E1 of A, B, G (E: no employer)
        "kesenjangan_link_match": 6,  # vacancies 10 + 2 + 1 = 13 − 7 graduates
        "pagu": 230_000_000,  # 100 + 20 + 50 + 30 + 20 + 10 juta
        "realisasi": 212_000_000,  # 90 + 20 + 40 + 30 + 20 + 12 juta
        "serapan_anggaran": 212 / 230 * 100,  # 92,17%
        "porsi_apbn": 110 / 212 * 100,  # APBN P1 90 + P3 20 juta = 110 of 212
        # programmes ending in 2024: P1 110 + P2 40 + P3 (35 + 20) + P4 30 = 235 juta
        # over 3 + 2 + 2 + 0 graduates
        "biaya_per_lulusan": 235_000_000 / 7,
        # ending by 2024-07-01: P1 110 + P3 55 + P4 30 = 195 juta over placed A, E, A
        "biaya_per_penempatan": 195_000_000 / 3,  # Rp 65 juta
        # no 2024 graduate is 425 days old at 2024-12-31, and there is no tracer survey
        "retensi_12b": None,
        "tingkat_respons_12b": None,
        "upah_median_12b": None,
        "bertahan_di_perusahaan": None,
        # kerja/magang employers in 2024: E1 (A, G), E2 (B); E1 also hired F in 2023
        "perusahaan_berulang": 1 / 2 * 100,
    },
    2023: {
        "tpt": 7.25,  # published for 2023
        "tpak": 62.70,
        "peserta": 2,  # P3 starts 2023-11-01: A F
        "tingkat_kelulusan": None,  # no programme ends in 2023
        "tingkat_sertifikasi": None,
        "tingkat_penempatan_6b": None,  # nobody graduates in 2023
        "penempatan": 1,  # F magang 2023-12-01
        "upah_median": None,  # no kerja placement in 2023
        "upah_vs_umk": None,
        "porsi_lokal": 100.0,  # F at E1, 1 of 1
        "pagu": 40_000_000,  # P3 APBN
        "realisasi": 35_000_000,
        "serapan_anggaran": 35 / 40 * 100,  # 87,50%
        "porsi_apbn": 100.0,  # all APBN
        "biaya_per_lulusan": None,  # no programme ends in 2023
        "biaya_per_penempatan": None,
        "perusahaan_berulang": 0.0,  # E1 hired F; no earlier year: 0 of 1
    },
}


def pid(person: str) -> str:
    """Pseudonym of a fixture person (made-up NIK)."""
    return pseudonymise(f"367201010100000{ord(person) % 10}", DEMO_KEY)


def _insert_base(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(
        "insert into ref_kejuruan values (1, 'Las', 'las'), (2, 'Garmen', 'garmen')"
    )
    conn.execute(
        "insert into ref_penyelenggara values "
        "(1, 'BBPVP Serang', 'bbpvp serang'), (2, 'BLK Kota Cilegon', 'blk kota cilegon')"
    )
    conn.executemany(
        "insert into peserta values (?, 'L', ?, 'SMK', ?, null, false)",
        [(pid(p), born, kec) for p, (kec, born) in PERSONS.items()],
    )
    conn.execute(
        "insert into perusahaan values ('E1', 'PT Baja', 'C', '36.72.04', true),"
        " ('E2', 'PT Luar', 'H', null, false)"
    )
    conn.executemany(
        "insert into program values (?, ?, ?, ?, ?, ?, ?, ?, ?, 20)",
        [(row[0], row[0], *row[1:]) for row in PROGRAMMES],
    )
    conn.executemany(
        "insert into pendaftaran values (?, ?, ?, ?, ?)",
        [(pid(p), *rest) for p, *rest in ENROLMENTS],
    )
    conn.executemany(
        "insert into penempatan values (?, ?, ?, ?, ?, ?)",
        [(pid(p), *rest) for p, *rest in PLACEMENTS],
    )
    conn.executemany("insert into anggaran values (?, ?, ?, ?, ?)", BUDGET)
    conn.executemany("insert into lowongan values (?, ?, ?, ?)", VACANCIES)
    conn.executemany("insert into target values (?, ?, ?)", TARGETS)


EXTRAS: dict[str, object] = {}


def build(conn: duckdb.DuckDBPyConnection, extras: Iterable[str] = ()) -> None:
    """Insert the fixture (and the named ``extras``) into an initialised database,
    rebuild the marts and set the dataset info."""
    _insert_base(conn)
    for name in extras:
        EXTRAS[name](conn)  # type: ignore[operator]
    refresh.refresh_marts(conn)
    db.set_info(conn, "is_demo", "true")
    db.set_info(conn, "data_as_of", AS_OF.isoformat())
