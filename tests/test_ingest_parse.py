"""Values as Indonesian spreadsheets carry them: dates, Rupiah, yes/no, NIK, names.

Each parser runs on the reference tables of the fixture database (real DuckDB,
read-only), with a fixed key and today = 30 November 2025.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from tests.ingest_files import KEY, TODAY
from workforce.core import pseudonym
from workforce.ingest import parse, read, templates
from workforce.ingest.lookups import DbLookups


@pytest.fixture(scope="module")
def lk(fixture_conn) -> DbLookups:
    return DbLookups(fixture_conn, KEY, TODAY)


def one(kind: str, text: str, lk: DbLookups, **column) -> tuple[object, str, dict]:
    """Parse a single cell: (value, reason code, params)."""
    col = templates.Column(column.pop("name", "x"), kind, **column)
    out = parse.parse_column(pd.Series([text], dtype="str"), col, lk).iloc[0]
    value = None if out["value"] is pd.NA else out["value"]
    return value, out["code"], json.loads(out["params"]) if out["params"] else {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-01", date(2025, 10, 1)),
        ("2025-10-01 00:00:00", date(2025, 10, 1)),
        ("01/10/2025", date(2025, 10, 1)),  # day first
        ("1/10/2025", date(2025, 10, 1)),
        ("01-10-2025", date(2025, 10, 1)),
        ("01.10.2025", date(2025, 10, 1)),
        ("1 Oktober 2025", date(2025, 10, 1)),
        ("1 oktober 2025", date(2025, 10, 1)),
        ("1-Okt-2025", date(2025, 10, 1)),
        ("01 Okt. 2025", date(2025, 10, 1)),
        ("17 Agustus 1945", date(1945, 8, 17)),
        ("17-Agt-2024", date(2024, 8, 17)),
        ("5 Mei 2024", date(2024, 5, 5)),
        ("9 Nopember 2024", date(2024, 11, 9)),
        ("31 Des 2024", date(2024, 12, 31)),
        ("29/02/2024", date(2024, 2, 29)),  # leap year
        ("45931", date(2025, 10, 1)),  # an Excel serial typed as text
    ],
)
def test_dates(lk, text: str, expected: date) -> None:
    value, code, _ = one("date", text, lk)
    assert code == ""
    assert value.date() == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("29/02/2025", "date_invalid"),  # not a leap year
        ("32/01/2025", "date_invalid"),
        ("1 Okto 2025", "date_invalid"),  # not a month name
        ("kemarin", "date_invalid"),
        ("01/10/25", "date_two_digit_year"),
        ("1-Okt-25", "date_two_digit_year"),
        ("10/25/2025", "date_month_first"),  # month 25 cannot be; US order
        ("01/01/1850", "date_out_of_range"),
    ],
)
def test_unreadable_dates(lk, text: str, code: str) -> None:
    assert one("date", text, lk)[:2] == (None, code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1500000", 1_500_000),
        ("1.500.000", 1_500_000),
        ("Rp 1.500.000,00", 1_500_000),
        ("Rp1.500.000", 1_500_000),
        ("rp. 1.500.000,-", 1_500_000),
        ("IDR 1.500.000", 1_500_000),
        ("1,500,000", 1_500_000),  # English thousands
        ("1,500,000.50", 1_500_000.5),
        ("1500000,50", 1_500_000.5),
        ("1500000.50", 1_500_000.5),
        ("Rp 98.500.000,75", 98_500_000.75),
        (" 2.500 ", 2_500),
    ],
)
def test_money(lk, text: str, expected: float) -> None:
    value, code, _ = one("money", text, lk, low=0)
    assert code == ""
    assert value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1,5 juta", "number_words"),
        ("2 jt", "number_words"),
        ("500 ribu", "number_words"),
        ("1,2 M", "number_words"),
        ("satu juta", "number_invalid"),
        ("1.50.000", "number_invalid"),
        ("-1.500.000", "negative"),
        ("(250.000)", "negative"),
    ],
)
def test_rejected_money(lk, text: str, code: str) -> None:
    assert one("money", text, lk, low=0)[:2] == (None, code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7,41", 7.41), ("7.41", 7.41), ("7,41%", 7.41), ("100", 100.0), ("0", 0.0)],
)
def test_percentages(lk, text: str, expected: float) -> None:
    value, code, _ = one("number", text, lk, low=0, high=100)
    assert (value, code) == (pytest.approx(expected), "")


def test_whole_numbers(lk) -> None:
    assert one("int", "2025", lk, low=2000, high=2100)[:2] == (2025, "")
    assert one("int", "1.200", lk, low=0)[:2] == (1200, "")
    assert one("int", "12,5", lk, low=0)[:2] == (None, "not_integer")
    assert one("int", "1999", lk, low=2000, high=2100) == (
        None,
        "below_min",
        {"min": "2000"},
    )
    assert one("int", "13", lk, low=1, high=12) == (None, "above_max", {"max": "12"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya", True), ("Ya", True), ("YA", True), ("y", True), ("1", True),
        ("true", True), ("TRUE", True), ("tidak", False), ("Tidak", False),
        ("t", False), ("T", False), ("0", False), ("false", False), ("n", False),
    ],
)  # fmt: skip
def test_yes_no(lk, text: str, expected: bool) -> None:
    assert one("bool", text, lk)[:2] == (expected, "")


def test_yes_no_rejects_other_words(lk) -> None:
    assert one("bool", "mungkin", lk)[:2] == (None, "bool_invalid")


def test_nik_becomes_the_pseudonym(lk) -> None:
    expected = pseudonym.pseudonymise("3672010101000001", KEY)
    assert one("nik", "3672010101000001", lk)[:2] == (expected, "")
    assert one("nik", "3672 0101 0100 0001", lk)[:2] == (expected, "")
    assert one("nik", "'3672010101000001", lk)[:2] == (expected, "")  # Excel text mark


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("367201010100001", "nik_length", {"digits": 15}),
        ("36720101010000011", "nik_length", {"digits": 17}),
        ("3672O10101000001", "nik_format", {}),
        ("3.67201E+15", "nik_scientific", {}),
        ("3,67201E+15", "nik_scientific", {}),
    ],
)
def test_bad_niks(lk, text: str, code: str, params: dict) -> None:
    assert one("nik", text, lk) == (None, code, params)


def test_pseudonymise_many_matches_the_pseudonym_module() -> None:
    niks = pd.Series([f"36720101010000{n:02d}" for n in range(20)], dtype="str")
    assert parse.pseudonymise_many(niks, KEY) == [
        pseudonym.pseudonymise(n, KEY) for n in niks
    ]


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("Ciwandan", "36.72.04"),
        ("CIWANDAN", "36.72.04"),
        (" Ciwandan", "36.72.04"),
        ("ciwandan ", "36.72.04"),
        ("Kec. Ciwandan", "36.72.04"),
        ("Gerogol", "36.72.06"),
        ("Grogol", "36.72.06"),
        ("Pulo Merak", "36.72.03"),
        ("36.72.08", "36.72.08"),
        ("3672011", "36.72.08"),  # BPS code of Citangkil
    ],
)
def test_kecamatan_names(lk, text: str, kode: str) -> None:
    assert one("kecamatan", text, lk)[:2] == (kode, "")


def test_unknown_kecamatan_and_outside_cilegon(lk) -> None:
    assert one("kecamatan", "Serang", lk)[:2] == (None, "kecamatan_unknown")
    assert one("kecamatan", "luar Cilegon", lk)[:2] == (None, "kecamatan_unknown")
    assert one("kecamatan", "Luar Cilegon", lk, outside_ok=True)[:2] == (None, "")


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("pendidikan", "smk", "SMK"),
        ("pendidikan", "D-3", "D3"),
        ("pendidikan", "D III", "D3"),
        ("pendidikan", "SLTA", "SMA"),
        ("status", "Tidak Lulus", "tidak_lulus"),
        ("status", "lulus", "lulus"),
        ("status", "mengundurkan diri", "mengundurkan_diri"),
        ("jenis_kelamin", "Laki-laki", "L"),
        ("jenis_kelamin", "perempuan", "P"),
        ("sumber_dana", "apbn", "APBN"),
        ("sumber_dana", "Lain-lain", "lainnya"),
        ("jenis", "Magang", "pemagangan"),
    ],
)
def test_closed_lists(lk, name: str, text: str, expected: str) -> None:
    assert one("enum", text, lk, name=name)[:2] == (expected, "")


def test_closed_list_names_the_allowed_values(lk) -> None:
    assert one("enum", "hibah", lk, name="sumber_dana") == (
        None,
        "enum_invalid",
        {"allowed": "APBN, APBD, CSR, lainnya"},
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("C", "C"), ("c", "C"), ("C - Industri Pengolahan", "C"), ("Konstruksi", "F")],
)
def test_kbli(lk, text: str, expected: str) -> None:
    assert one("kbli", text, lk)[:2] == (expected, "")


def test_headers_in_any_case_with_stray_spaces() -> None:
    assert read.header_key("  Kode Program ") == "kode_program"
    assert read.header_key("TANGGAL-LAHIR") == "tanggal_lahir"
    assert read.header_key("nik") == "nik"
