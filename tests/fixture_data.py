"""The small hand-built test database: every row written out, every fact listed.

``build_fixture(conn)`` fills a database that already has the schema and the
reference tables (``refresh.init_database``), then rebuilds the marts. Tests compute
their expected values by hand from the facts below, so KEEP THIS FILE STABLE:
to test something new, add rows in your own fixture (copy the file, insert, call
``refresh.refresh_marts``) rather than change these.

Facts
-----
Kejuruan: 1 Pengelasan, 2 Listrik Industri, 3 Teknologi Informasi.
Penyelenggara: 1 BLK Cilegon, 2 BBPVP Serang.

Programmes (kode, kejuruan, penyelenggara, jenis, sumber_dana, tahun, mulai → selesai, kuota):
  P23-LAS  Pengelasan          BLK Cilegon   pelatihan   APBN  2023  2023-03-01 → 2023-04-30  16
  P24-LAS  Pengelasan          BBPVP Serang  pelatihan   APBN  2024  2024-02-01 → 2024-03-31  16
  P24-LIS  Listrik Industri    BLK Cilegon   pemagangan  APBD  2024  2024-05-01 → 2024-07-31  10
  P24-TIK  Teknologi Informasi BBPVP Serang  sertifikasi CSR   2024  2024-12-01 → 2025-02-28  20

Persons (label: sex, born, pendidikan, kecamatan, kelurahan, disabilitas); peserta_id =
pseudonymise(NIK, DEMO_KEY), see NIKS / pid():
  A  L 2000-05-10 SMK  Ciwandan (36.72.04) Kepuh         no
  B  P 2003-03-01 SMA  Ciwandan            Tegal Ratu    no
  C  L 1985-12-31 SD   Grogol   (36.72.06) Kotasari      no
  D  P 1999-02-01 D3   Grogol              Rawa Arum     yes
  E  L 2005-01-15 SMK  Cibeber  (36.72.01) Kedaleman     no
  F  P 1994-07-20 S1   Cibeber             (none)        no
  G  L 1990-09-01 SMP  Ciwandan            Randakari     no
  H  P 2001-09-01 SMK  Grogol              Gerem         no
  → 3 in Ciwandan (A B G), 3 in Grogol (C D H), 2 in Cibeber (E F).

Enrolments (9; A is enrolled in two programmes; every status occurs):
  P23-LAS  A lulus 2023-04-30 certified | C tidak_lulus | G mengundurkan_diri
  P24-LAS  A lulus 2024-03-31 not certified | B lulus 2024-03-31 certified
           | D lulus 2024-03-31 certified
  P24-LIS  E lulus 2024-07-31 not certified
  P24-TIK  F mengikuti | H terdaftar
  → 5 graduations (A twice, B, D, E), 3 certified (A/P23, B, D).
  Age at programme start (umur): A/P23 22, A/P24 23, B 20 (birthday 1 March not yet
  reached on 1 February), C 37, D 25 (birthday on the start day), E 19, F 30, G 32, H 23.

Employers:
  PRS001 PT Baja Contoh Cilegon      KBLI C  kecamatan Ciwandan  Apindo member
  PRS002 PT Logistik Contoh Serang   KBLI H  kecamatan NULL (outside Cilegon)  not a member

Placements (5):
  B kerja      2024-03-11 PRS001 P24-LAS  Rp 5.000.000  20 days BEFORE graduation (-20)
  D kerja      2024-07-09 PRS002 P24-LAS  Rp 4.500.000  day 100 after 2024-03-31
  A magang     2023-11-16 PRS001 P23-LAS  Rp 2.500.000  day 200 after 2023-04-30 (> 183)
  E wirausaha  2024-09-01 (no employer) P24-LIS  no wage  day 32 after 2024-07-31
  C kerja      2023-06-01 PRS001 (no programme)  Rp 4.000.000  C did not graduate
  → placed within 6 months (is_placed_6m): B/P24-LAS, D/P24-LAS, E/P24-LIS. A/P23-LAS
    is placed at day 200 (not within 6 months); A/P24-LAS has no placement on or after
    2024-03-01 (the 2023-11-16 one is too early).
  → is_lokal: PRS001 true (3 placements), PRS002 false, wirausaha NULL.

Vacancies (lowongan): PRS001 Pengelasan 2024: 10; PRS001 Listrik Industri 2024: 4;
  PRS002 Pengelasan 2023: 3.

Budget (anggaran; pagu / realisasi in Rupiah), P24-LIS funded from two sources:
  2023 P23-LAS APBN 300.000.000 / 280.000.000
  2024 P24-LAS APBN 400.000.000 / 390.000.000
  2024 P24-LIS APBD 150.000.000 / 120.000.000
  2024 P24-LIS CSR   50.000.000 /  50.000.000
  2024 P24-TIK CSR  100.000.000 /  20.000.000
  → 2024: pagu 700.000.000, realisasi 580.000.000.

dataset_info: is_demo = "true", data_as_of = "2024-12-31".
"""

from __future__ import annotations

from datetime import date

import duckdb

from workforce import refresh
from workforce.core import db
from workforce.core.names import norm
from workforce.core.pseudonym import DEMO_KEY, pseudonymise

DATA_AS_OF = date(2024, 12, 31)

NIKS = {
    "A": "3672040510000001",
    "B": "3672044103030002",
    "C": "3672063112850003",
    "D": "3672064102990004",
    "E": "3672011501050005",
    "F": "3672016007940006",
    "G": "3672040109900007",
    "H": "3672064109010008",
}


def pid(label: str) -> str:
    """The peserta_id of fixture person ``label`` (A-H)."""
    return pseudonymise(NIKS[label], DEMO_KEY)


KEJURUAN = [(1, "Pengelasan"), (2, "Listrik Industri"), (3, "Teknologi Informasi")]
PENYELENGGARA = [(1, "BLK Cilegon"), (2, "BBPVP Serang")]

PROGRAM = [
    # kode, nama, kejuruan_id, penyelenggara_id, jenis, sumber_dana, tahun, mulai, selesai, kuota
    ("P23-LAS", "Pengelasan SMAW 2023", 1, 1, "pelatihan", "APBN", 2023,
     date(2023, 3, 1), date(2023, 4, 30), 16),
    ("P24-LAS", "Pengelasan SMAW 2024", 1, 2, "pelatihan", "APBN", 2024,
     date(2024, 2, 1), date(2024, 3, 31), 16),
    ("P24-LIS", "Magang Listrik Industri 2024", 2, 1, "pemagangan", "APBD", 2024,
     date(2024, 5, 1), date(2024, 7, 31), 10),
    ("P24-TIK", "Sertifikasi Jaringan 2024", 3, 2, "sertifikasi", "CSR", 2024,
     date(2024, 12, 1), date(2025, 2, 28), 20),
]  # fmt: skip

PESERTA = [
    # label, jenis_kelamin, tanggal_lahir, pendidikan, kecamatan, kelurahan, disabilitas
    ("A", "L", date(2000, 5, 10), "SMK", "36.72.04", "36.72.04.1005", False),
    ("B", "P", date(2003, 3, 1), "SMA", "36.72.04", "36.72.04.1002", False),
    ("C", "L", date(1985, 12, 31), "SD", "36.72.06", "36.72.06.1001", False),
    ("D", "P", date(1999, 2, 1), "D3", "36.72.06", "36.72.06.1003", True),
    ("E", "L", date(2005, 1, 15), "SMK", "36.72.01", "36.72.01.1002", False),
    ("F", "P", date(1994, 7, 20), "S1", "36.72.01", None, False),
    ("G", "L", date(1990, 9, 1), "SMP", "36.72.04", "36.72.04.1006", False),
    ("H", "P", date(2001, 9, 1), "SMK", "36.72.06", "36.72.06.1004", False),
]

PENDAFTARAN = [
    # label, kode_program, status, tanggal_lulus, is_tersertifikasi
    ("A", "P23-LAS", "lulus", date(2023, 4, 30), True),
    ("C", "P23-LAS", "tidak_lulus", None, False),
    ("G", "P23-LAS", "mengundurkan_diri", None, False),
    ("A", "P24-LAS", "lulus", date(2024, 3, 31), False),
    ("B", "P24-LAS", "lulus", date(2024, 3, 31), True),
    ("D", "P24-LAS", "lulus", date(2024, 3, 31), True),
    ("E", "P24-LIS", "lulus", date(2024, 7, 31), False),
    ("F", "P24-TIK", "mengikuti", None, False),
    ("H", "P24-TIK", "terdaftar", None, False),
]

PERUSAHAAN = [
    ("PRS001", "PT Baja Contoh Cilegon", "C", "36.72.04", True),
    ("PRS002", "PT Logistik Contoh Serang", "H", None, False),
]

PENEMPATAN = [
    # label, jenis, tanggal_mulai, kode_perusahaan, kode_program, upah_bulanan_rupiah
    ("B", "kerja", date(2024, 3, 11), "PRS001", "P24-LAS", 5_000_000),
    ("D", "kerja", date(2024, 7, 9), "PRS002", "P24-LAS", 4_500_000),
    ("A", "magang", date(2023, 11, 16), "PRS001", "P23-LAS", 2_500_000),
    ("E", "wirausaha", date(2024, 9, 1), None, "P24-LIS", None),
    ("C", "kerja", date(2023, 6, 1), "PRS001", None, 4_000_000),
]

LOWONGAN = [
    ("PRS001", 1, 2024, 10),
    ("PRS001", 2, 2024, 4),
    ("PRS002", 1, 2023, 3),
]

ANGGARAN = [
    (2023, "P23-LAS", "APBN", 300_000_000, 280_000_000),
    (2024, "P24-LAS", "APBN", 400_000_000, 390_000_000),
    (2024, "P24-LIS", "APBD", 150_000_000, 120_000_000),
    (2024, "P24-LIS", "CSR", 50_000_000, 50_000_000),
    (2024, "P24-TIK", "CSR", 100_000_000, 20_000_000),
]


def build_fixture(conn: duckdb.DuckDBPyConnection) -> None:
    """Insert the fixture rows into an initialised database and rebuild the marts."""
    conn.executemany(
        "insert into ref_kejuruan values (?, ?, ?)",
        [(i, name, norm(name)) for i, name in KEJURUAN],
    )
    conn.executemany(
        "insert into ref_penyelenggara values (?, ?, ?)",
        [(i, name, norm(name)) for i, name in PENYELENGGARA],
    )
    conn.executemany(
        "insert into program values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", PROGRAM
    )
    conn.executemany(
        "insert into peserta values (?, ?, ?, ?, ?, ?, ?)",
        [(pid(label), *rest) for label, *rest in PESERTA],
    )
    conn.executemany(
        "insert into pendaftaran values (?, ?, ?, ?, ?)",
        [(pid(label), *rest) for label, *rest in PENDAFTARAN],
    )
    conn.executemany("insert into perusahaan values (?, ?, ?, ?, ?)", PERUSAHAAN)
    conn.executemany(
        "insert into penempatan values (?, ?, ?, ?, ?, ?)",
        [(pid(label), *rest) for label, *rest in PENEMPATAN],
    )
    conn.executemany("insert into lowongan values (?, ?, ?, ?)", LOWONGAN)
    conn.executemany("insert into anggaran values (?, ?, ?, ?, ?)", ANGGARAN)
    refresh.refresh_marts(conn)
    db.set_info(conn, "is_demo", "true")
    db.set_info(conn, "data_as_of", DATA_AS_OF.isoformat())
