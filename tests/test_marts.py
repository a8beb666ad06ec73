"""The marts and common queries on the hand-built fixture, row by row.

Every expected value is worked out by hand from the facts in tests/fixtures.py.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from tests.fixtures import PERSONS, pid
from workforce.core import db

LABEL = {pid(x): x for x in PERSONS}


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
        # A, born 2000-01-10, at 2024-02-01: 24. Graduated 2024-03-01; window from
        # 2024-01-31: his job of 2024-02-15 is day -15 → placed.
        ("A", "P1"): ("Ciwandan", 24, "20-24", "lulus", True, True, True,
                      d(2024, 3, 1), d(2024, 2, 15), "kerja", -15, True),
        # A again, at 2023-11-01: 23. Graduated 2024-01-20; the same job is day 26.
        ("A", "P3"): ("Ciwandan", 23, "20-24", "lulus", True, True, True,
                      d(2024, 1, 20), d(2024, 2, 15), "kerja", 26, True),
        # B, born 1993-05-05, at 2024-02-01: 2024 - 1993 - 1 = 30 (May not reached).
        # Kerja on 2024-10-01 = day 214 (Mar 31, Apr 30, May 31, Jun 30, Jul 31,
        # Aug 31, Sep 30) > 183 → not placed within 6 months.
        ("B", "P1"): ("Ciwandan", 30, "30-34", "lulus", True, True, False,
                      d(2024, 3, 1), d(2024, 10, 1), "kerja", 214, False),
        # B at 2024-12-01: 31; still in training → not ended.
        ("B", "P5"): ("Ciwandan", 31, "30-34", "mengikuti", False, False, False,
                      None, None, None, None, False),
        # C, born 2001-07-07, at 2024-02-01: 22; failed → ended, not graduated.
        ("C", "P1"): ("Citangkil", 22, "20-24", "tidak_lulus", True, False, False,
                      None, None, None, None, False),
        # C at 2024-09-01: 23; graduated 2024-10-15, never placed.
        ("C", "P2"): ("Citangkil", 23, "20-24", "lulus", True, True, True,
                      d(2024, 10, 15), None, None, None, False),
        # D, born 1999-02-01, at 2024-02-01: exactly 25; withdrew. Her 2023 job
        # (no programme) is linked to no enrolment: she never graduated.
        ("D", "P1"): ("Citangkil", 25, "25-29", "mengundurkan_diri", True, False,
                      False, None, None, None, None, False),
        ("D", "P4"): ("Citangkil", 25, "25-29", "tidak_lulus", True, False, False,
                      None, None, None, None, False),
        # E, born 2005-01-15, at 2024-02-01: 19. Wirausaha 2024-05-01 = day 61
        # (Mar 31, Apr 30).
        ("E", "P1"): ("Cibeber", 19, "15-19", "lulus", True, True, True,
                      d(2024, 3, 1), d(2024, 5, 1), "wirausaha", 61, True),
        ("E", "P4"): ("Cibeber", 19, "15-19", "mengundurkan_diri", True, False,
                      False, None, None, None, None, False),
        # F, born 1987-12-12, at 2023-11-01: 35 (December not reached). Her magang of
        # 2023-12-01 is before the window (2024-01-20 - 30 = 2023-12-21) → none.
        ("F", "P3"): ("Cibeber", 35, "35+", "lulus", True, True, True,
                      d(2024, 1, 20), None, None, None, False),
        # G, born 2003-09-09, at 2024-09-01: 20 (birthday not reached). Kerja
        # 2024-11-01 = day 17 (Oct 16 days + 1).
        ("G", "P2"): ("Grogol", 20, "20-24", "lulus", True, True, False,
                      d(2024, 10, 15), d(2024, 11, 1), "kerja", 17, True),
        # G at 2024-12-01: 21; registered only.
        ("G", "P5"): ("Grogol", 21, "20-24", "terdaftar", False, False, False,
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
        ("P1", 2024, "Las", "BBPVP Serang", "pelatihan", "APBN"),
        ("P2", 2024, "Garmen", "BLK Kota Cilegon", "pelatihan", "APBD"),
        ("P3", 2023, "Las", "BBPVP Serang", "sertifikasi", "APBN"),
        ("P4", 2024, "Garmen", "BLK Kota Cilegon", "pelatihan", "APBD"),
        ("P5", 2024, "Teknologi Informasi", "BLK Kota Cilegon", "pemagangan", "CSR"),
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
        # E1 is in Ciwandan → local; an Apindo member.
        ("A", "kerja", date(2024, 2, 15), 2024, "E1", True, True,
         "Las", "Ciwandan", 5_000_000),
        # E2 has kecamatan NULL → outside Cilegon → is_lokal false.
        ("B", "kerja", date(2024, 10, 1), 2024, "E2", False, False,
         "Las", "Ciwandan", 4_000_000),
        # no programme → no kejuruan; the person's kecamatan still shows.
        ("D", "kerja", date(2023, 6, 1), 2023, "E1", True, True,
         None, "Citangkil", 4_000_000),
        # wirausaha without an employer → is_lokal NULL (not counted either way).
        ("E", "wirausaha", date(2024, 5, 1), 2024, None, None, False,
         "Las", "Cibeber", None),
        ("F", "magang", date(2023, 12, 1), 2023, "E1", True, True,
         "Las", "Cibeber", 2_500_000),
        ("G", "kerja", date(2024, 11, 1), 2024, "E1", True, True,
         "Garmen", "Grogol", 6_000_000),
    ]  # fmt: skip


def test_mart_budget_totals(fixture_conn) -> None:
    rows = _rows(
        fixture_conn,
        "select tahun, count(*) as lines, sum(pagu_rupiah) as pagu, "
        "sum(realisasi_rupiah) as realisasi, bool_and(is_program) as all_programmes "
        "from mart_budget group by tahun order by tahun",
    )
    assert rows == [
        # 2023: one line, P3's 40 / 35 million.
        {"tahun": 2023, "lines": 1, "pagu": 40_000_000, "realisasi": 35_000_000,
         "all_programmes": True},
        # 2024: pagu 100 + 20 + 50 + 30 + 20 + 10 = 230 million; realisasi 90 + 20 +
        # 40 + 30 + 20 + 12 = 212 million; KEG-01 is a kegiatan, no programme.
        {"tahun": 2024, "lines": 6, "pagu": 230_000_000, "realisasi": 212_000_000,
         "all_programmes": False},
    ]  # fmt: skip
    p1 = _rows(
        fixture_conn,
        "select sumber_dana, kejuruan from mart_budget where kode_program = 'P1' "
        "order by sumber_dana",
    )
    # P1 is one programme with two lines (APBD and APBN)
    assert p1 == [
        {"sumber_dana": "APBD", "kejuruan": "Las"},
        {"sumber_dana": "APBN", "kejuruan": "Las"},
    ]


def test_filter_options_are_exactly_the_fixtures(fixture_conn) -> None:
    df = db.run(fixture_conn, "common/filter_options")
    got = {dim: list(group["value"]) for dim, group in df.groupby("dimension")}
    assert got == {
        # all 8 kecamatan of the reference table, in Kemendagri code order
        "kecamatan": ["Cibeber", "Cilegon", "Pulomerak", "Ciwandan", "Jombang",
                      "Grogol", "Purwakarta", "Citangkil"],
        "kejuruan": ["Garmen", "Las", "Teknologi Informasi"],
        "penyelenggara": ["BBPVP Serang", "BLK Kota Cilegon"],
        "jenis": ["pelatihan", "pemagangan", "sertifikasi"],
        "sumber_dana": ["APBD", "APBN", "CSR"],
        "tahun": ["2023", "2024"],
    }  # fmt: skip


def test_dataset_info(fixture_conn) -> None:
    info = db.get_info(fixture_conn)
    assert info["is_demo"] == "true"
    assert info["data_as_of"] == "2024-12-31"
    assert info["data_version"].isdigit()
