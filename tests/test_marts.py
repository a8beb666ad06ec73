"""The marts and common queries on the hand-built fixture, row by row.

Every expected value is worked out by hand from the facts in tests/fixture_data.py.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from tests.fixture_data import pid
from workforce.core import db

LABEL = {pid(x): x for x in "ABCDEFGH"}


def _rows(conn, sql: str) -> list[dict]:
    df = conn.execute(sql).df()
    records = df.astype(object).where(df.notna(), None).to_dict("records")
    for row in records:
        for key, value in row.items():
            if isinstance(value, pd.Timestamp):
                row[key] = value.date()
    return records


def test_mart_enrolment_row_by_row(fixture_conn) -> None:
    rows = _rows(
        fixture_conn,
        "select peserta_id, kode_program, kecamatan, umur, kelompok_umur, status, "
        "is_selesai, is_lulus, is_tersertifikasi, tanggal_lulus, placement_date, "
        "placement_jenis, days_to_placement, is_placed_6m from mart_enrolment",
    )
    got = {(LABEL[r.pop("peserta_id")], r.pop("kode_program")): r for r in rows}
    cols = [
        "kecamatan",
        "umur",
        "kelompok_umur",
        "status",
        "is_selesai",
        "is_lulus",
        "is_tersertifikasi",
        "tanggal_lulus",
        "placement_date",
        "placement_jenis",
        "days_to_placement",
        "is_placed_6m",
    ]
    d = date
    expected = {
        # A, born 2000-05-10, at 2023-03-01: 22 (birthday in May not reached).
        # Graduated 2023-04-30; the magang on 2023-11-16 is day 200 > 183 → not placed.
        ("A", "P23-LAS"): ("Ciwandan", 22, "20-24", "lulus", True, True, True,
                           d(2023, 4, 30), d(2023, 11, 16), "magang", 200, False),
        # C did not graduate: no placement is linked (his 2023-06-01 job is ignored).
        ("C", "P23-LAS"): ("Grogol", 37, "35+", "tidak_lulus", True, False, False,
                           None, None, None, None, False),
        # G, born 1990-09-01, at 2023-03-01: 32; withdrew → ended, not graduated.
        ("G", "P23-LAS"): ("Ciwandan", 32, "30-34", "mengundurkan_diri", True, False,
                           False, None, None, None, None, False),
        # A again, at 2024-02-01: 23. Window starts 2024-03-31 - 30 = 2024-03-01;
        # A's only placement (2023-11-16) is earlier → none.
        ("A", "P24-LAS"): ("Ciwandan", 23, "20-24", "lulus", True, True, False,
                           d(2024, 3, 31), None, None, None, False),
        # B, born 2003-03-01, at 2024-02-01: 2024 - 2003 - 1 = 20. Kerja on
        # 2024-03-11 = 20 days before graduation (within the -30 day margin).
        ("B", "P24-LAS"): ("Ciwandan", 20, "20-24", "lulus", True, True, True,
                           d(2024, 3, 31), d(2024, 3, 11), "kerja", -20, True),
        # D, born 1999-02-01, at 2024-02-01: exactly 25. Kerja 2024-07-09 = day 100
        # (30 Apr +30, 31 May +61, 30 Jun +91, 9 Jul +100).
        ("D", "P24-LAS"): ("Grogol", 25, "25-29", "lulus", True, True, True,
                           d(2024, 3, 31), d(2024, 7, 9), "kerja", 100, True),
        # E, born 2005-01-15, at 2024-05-01: 19. Wirausaha 2024-09-01 = day 32.
        ("E", "P24-LIS"): ("Cibeber", 19, "15-19", "lulus", True, True, False,
                           d(2024, 7, 31), d(2024, 9, 1), "wirausaha", 32, True),
        # F, born 1994-07-20, at 2024-12-01: 30; still in training.
        ("F", "P24-TIK"): ("Cibeber", 30, "30-34", "mengikuti", False, False, False,
                           None, None, None, None, False),
        # H, born 2001-09-01, at 2024-12-01: 23; registered only.
        ("H", "P24-TIK"): ("Grogol", 23, "20-24", "terdaftar", False, False, False,
                           None, None, None, None, False),
    }  # fmt: skip
    assert got == {
        key: dict(zip(cols, values, strict=True)) for key, values in expected.items()
    }


def test_mart_enrolment_dimensions(fixture_conn) -> None:
    rows = _rows(
        fixture_conn,
        "select distinct kode_program, program_tahun, kejuruan, penyelenggara, jenis, "
        "sumber_dana from mart_enrolment order by kode_program",
    )
    assert [tuple(r.values()) for r in rows] == [
        ("P23-LAS", 2023, "Pengelasan", "BLK Cilegon", "pelatihan", "APBN"),
        ("P24-LAS", 2024, "Pengelasan", "BBPVP Serang", "pelatihan", "APBN"),
        ("P24-LIS", 2024, "Listrik Industri", "BLK Cilegon", "pemagangan", "APBD"),
        ("P24-TIK", 2024, "Teknologi Informasi", "BBPVP Serang", "sertifikasi", "CSR"),
    ]


def test_mart_placement_is_lokal_and_dimensions(fixture_conn) -> None:
    rows = _rows(
        fixture_conn,
        "select peserta_id, jenis_penempatan, tanggal_mulai, tahun, kode_perusahaan, "
        "is_lokal, is_anggota_apindo, kejuruan, kecamatan, upah_bulanan_rupiah "
        "from mart_placement",
    )
    got = sorted(
        (LABEL[r.pop("peserta_id")], *r.values()) for r in rows
    )  # one tuple per placement, sorted by person
    assert got == [
        # PRS001 is in Ciwandan → local; an Apindo member.
        ("A", "magang", date(2023, 11, 16), 2023, "PRS001", True, True,
         "Pengelasan", "Ciwandan", 2_500_000),
        ("B", "kerja", date(2024, 3, 11), 2024, "PRS001", True, True,
         "Pengelasan", "Ciwandan", 5_000_000),
        # no programme → no kejuruan; the person's kecamatan still shows.
        ("C", "kerja", date(2023, 6, 1), 2023, "PRS001", True, True,
         None, "Grogol", 4_000_000),
        # PRS002 has kecamatan NULL → outside Cilegon → is_lokal false.
        ("D", "kerja", date(2024, 7, 9), 2024, "PRS002", False, False,
         "Pengelasan", "Grogol", 4_500_000),
        # wirausaha without an employer → is_lokal NULL (not counted either way).
        ("E", "wirausaha", date(2024, 9, 1), 2024, None, None, False,
         "Listrik Industri", "Cibeber", None),
    ]  # fmt: skip


def test_mart_budget_totals(fixture_conn) -> None:
    rows = _rows(
        fixture_conn,
        "select tahun, count(*) as lines, sum(pagu_rupiah) as pagu, "
        "sum(realisasi_rupiah) as realisasi, bool_and(is_program) as all_programmes "
        "from mart_budget group by tahun order by tahun",
    )
    assert rows == [
        # 2023: one line, 300 / 280 million.
        {"tahun": 2023, "lines": 1, "pagu": 300_000_000, "realisasi": 280_000_000,
         "all_programmes": True},
        # 2024: pagu 400 + 150 + 50 + 100 = 700 million; realisasi 390 + 120 + 50 + 20
        # = 580 million; P24-LIS is one programme with two lines (APBD and CSR).
        {"tahun": 2024, "lines": 4, "pagu": 700_000_000, "realisasi": 580_000_000,
         "all_programmes": True},
    ]  # fmt: skip
    lis = _rows(
        fixture_conn,
        "select sumber_dana, kejuruan from mart_budget where kode_program = 'P24-LIS' "
        "order by sumber_dana",
    )
    assert lis == [
        {"sumber_dana": "APBD", "kejuruan": "Listrik Industri"},
        {"sumber_dana": "CSR", "kejuruan": "Listrik Industri"},
    ]


def test_filter_options_are_exactly_the_fixtures(fixture_conn) -> None:
    df = db.run(fixture_conn, "common/filter_options")
    got = {dim: list(group["value"]) for dim, group in df.groupby("dimension")}
    assert got == {
        # all 8 kecamatan of the reference table, in Kemendagri code order
        "kecamatan": ["Cibeber", "Cilegon", "Pulomerak", "Ciwandan", "Jombang",
                      "Grogol", "Purwakarta", "Citangkil"],
        "kejuruan": ["Listrik Industri", "Pengelasan", "Teknologi Informasi"],
        "penyelenggara": ["BBPVP Serang", "BLK Cilegon"],
        "jenis": ["pelatihan", "pemagangan", "sertifikasi"],
        "sumber_dana": ["APBD", "APBN", "CSR"],
        "tahun": ["2023", "2024"],
    }  # fmt: skip


def test_dataset_info(fixture_conn) -> None:
    info = db.get_info(fixture_conn)
    assert info["is_demo"] == "true"
    assert info["data_as_of"] == "2024-12-31"
    assert info["data_version"].isdigit()
