"""The overview tests' own small database: every row written out, every fact listed.

A copy of the KPI registry fixture (tests/test_metrics.py, as of the commit "Cost
KPIs: a programme's lines of one source in several years count its graduates
once"), kept here so that the overview's hand-computed values do not move when
that fixture grows. Plus targets and the dataset info of a real build.

Persons (kecamatan): A B Ciwandan, C D Citangkil, E F Cibeber, G Grogol.
Kejuruan 1 Las, 2 Garmen. Programmes (kejuruan, sumber_dana, mulai → selesai):
  P1 Las    APBN 2024-02-01 → 2024-03-01   A lulus(cert) B lulus C tidak D mundur E lulus(cert)
  P2 Garmen APBD 2024-09-01 → 2024-10-15   G lulus C lulus(cert)
  P3 Las    APBN 2023-11-01 → 2024-01-20   A lulus(cert) F lulus(cert)
  P4 Garmen APBD 2024-04-01 → 2024-05-01   D tidak E mundur
Placements: A kerja 2024-02-15 (P1, Rp 5 juta; 15 days before graduating),
  B kerja 2024-10-01 (day 214: outside), E wirausaha 2024-05-01 (day 61),
  F magang 2023-12-01 (50 days before graduating: too early), G kerja 2024-11-01
  (Rp 6 juta; cohort immature at 2024-12-31). B's wage Rp 4 juta.
Budget (pagu / realisasi, juta): 2024 P1 APBN 100/90, P1 APBD 20/20, P2 APBD 50/40,
  P4 APBD 30/30, P3 APBN 20/20, KEG-01 CSR 10/12; 2023 P3 APBN 40/35.
Targets 2024: tpt 6,0; tingkat_kelulusan 70; peserta 10; tingkat_sertifikasi 70;
  tingkat_penempatan_6b 80; biaya_per_penempatan Rp 70 juta. 2023: tpt 7,0.
dataset_info: is_demo "true", data_as_of 2024-12-31.
"""

from __future__ import annotations

from datetime import date

import duckdb

from workforce import refresh
from workforce.core import db
from workforce.core.pseudonym import DEMO_KEY, pseudonymise

AS_OF = date(2024, 12, 31)
PERSONS = {
    "A": ("36.72.04", "2000-01-10"),
    "B": ("36.72.04", "1999-05-05"),
    "C": ("36.72.08", "2001-07-07"),
    "D": ("36.72.08", "1998-03-03"),
    "E": ("36.72.01", "2002-02-02"),
    "F": ("36.72.01", "1997-12-12"),
    "G": ("36.72.06", "2003-09-09"),
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
    ("A", "P3", "lulus", "2024-01-20", True),
    ("F", "P3", "lulus", "2024-01-20", True),
    ("G", "P2", "lulus", "2024-10-15", False),
    ("C", "P2", "lulus", "2024-10-15", True),
    ("D", "P4", "tidak_lulus", None, False),
    ("E", "P4", "mengundurkan_diri", None, False),
]
PLACEMENTS = [
    # person, jenis, mulai, employer, programme, wage
    ("A", "kerja", "2024-02-15", "E1", "P1", 5_000_000),
    ("B", "kerja", "2024-10-01", "E2", "P1", 4_000_000),
    ("E", "wirausaha", "2024-05-01", None, "P1", None),
    ("F", "magang", "2023-12-01", "E1", "P3", 2_500_000),
    ("G", "kerja", "2024-11-01", "E1", "P2", 6_000_000),
]
BUDGET = [
    # tahun, kode_program, sumber_dana, pagu, realisasi
    (2024, "P1", "APBN", 100_000_000, 90_000_000),
    (2024, "P1", "APBD", 20_000_000, 20_000_000),
    (2024, "P2", "APBD", 50_000_000, 40_000_000),
    (2024, "P4", "APBD", 30_000_000, 30_000_000),
    (2023, "P3", "APBN", 40_000_000, 35_000_000),
    (2024, "P3", "APBN", 20_000_000, 20_000_000),
    (2024, "KEG-01", "CSR", 10_000_000, 12_000_000),
]
TARGETS = [
    (2024, "tpt", 6.0),
    (2024, "tingkat_kelulusan", 70),
    (2024, "peserta", 10),
    (2024, "tingkat_sertifikasi", 70),
    (2024, "tingkat_penempatan_6b", 80),
    (2024, "biaya_per_penempatan", 70_000_000),
    (2023, "tpt", 7.0),
]


def pid(person: str) -> str:
    """Pseudonym of a fixture person (made-up NIK)."""
    return pseudonymise(f"367201010100000{ord(person) % 10}", DEMO_KEY)


def build_overview(conn: duckdb.DuckDBPyConnection) -> None:
    """Insert the fixture into an initialised database and rebuild the marts."""
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
    conn.executemany("insert into target values (?, ?, ?)", TARGETS)
    refresh.refresh_marts(conn)
    db.set_info(conn, "is_demo", "true")
    db.set_info(conn, "data_as_of", AS_OF.isoformat())
