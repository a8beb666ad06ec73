"""The shared filter model: periods, SQL params, URL round trip, hostile URL values."""

from __future__ import annotations

from datetime import date

import pytest

from workforce.core import db
from workforce.core.filters import (
    DIMENSIONS,
    Filters,
    bind,
    from_query_params,
    kecamatan_aliases,
    options_from_db,
)

OPTIONS = {
    "kecamatan": ["Cibeber", "Ciwandan", "Grogol", "Pulomerak"],
    "kejuruan": ["Pengelasan", "Listrik Industri", "Tata Boga, Perhotelan"],
    "penyelenggara": ["BLK Cilegon", "BBPVP Serang"],
    "jenis": ["pelatihan", "pemagangan", "sertifikasi"],
    "sumber_dana": ["APBN", "APBD", "CSR"],
}
YEARS = [2022, 2023, 2024]


# ---- periods ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kuartal", "start", "end", "previous"),
    [
        (None, date(2024, 1, 1), date(2024, 12, 31), (2023, None)),
        (1, date(2024, 1, 1), date(2024, 3, 31), (2023, 4)),  # Q1 → Q4 of last year
        (2, date(2024, 4, 1), date(2024, 6, 30), (2024, 1)),
        (3, date(2024, 7, 1), date(2024, 9, 30), (2024, 2)),
        (4, date(2024, 10, 1), date(2024, 12, 31), (2024, 3)),
    ],
)
def test_period_bounds_and_previous(kuartal, start, end, previous) -> None:
    f = Filters(2024, kuartal, {"kecamatan": ("Ciwandan",)})
    assert (f.start, f.end) == (start, end)
    prev = f.previous()
    assert (prev.tahun, prev.kuartal) == previous
    assert prev.values("kecamatan") == ("Ciwandan",)  # dimensions are kept


def test_leap_year_february_is_not_a_quarter_edge() -> None:
    assert Filters(2024, 1).previous().end == date(2023, 12, 31)
    assert Filters(2023, 4).previous().start == date(2023, 7, 1)


def test_sql_params_all_and_narrowed() -> None:
    assert Filters(2024).sql_params() == {
        "tahun": 2024,
        "start": date(2024, 1, 1),
        "end": date(2024, 12, 31),
        "as_of": date(2024, 12, 31),
        "kecamatan": None,
        "kejuruan": None,
        "penyelenggara": None,
        "jenis": None,
        "sumber_dana": None,
    }
    narrowed = Filters(2024, 2, {"kecamatan": ("Ciwandan", "Grogol")}).sql_params()
    assert narrowed["kecamatan"] == ["Ciwandan", "Grogol"]  # a list binds as LIST
    assert (narrowed["start"], narrowed["end"]) == (date(2024, 4, 1), date(2024, 6, 30))
    assert narrowed["kejuruan"] is None


def test_bind_passes_only_what_the_query_uses(tmp_path, monkeypatch) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "q.sql").write_text(
        "-- test: binds $tahun, $kecamatan and $extra\n"
        "select $tahun as t, $kecamatan as k, $extra as e\n"
    )
    monkeypatch.setattr(db, "QUERIES_DIR", tmp_path)
    db.load_query.cache_clear()
    db.query_params.cache_clear()
    try:
        f = Filters(2024, dims={"kecamatan": ("Ciwandan",)})
        assert bind("t/q", f, extra=1) == {
            "tahun": 2024,
            "kecamatan": ["Ciwandan"],
            "extra": 1,
        }
        assert bind("t/q", None, extra=1) == {"extra": 1}
    finally:
        db.load_query.cache_clear()
        db.query_params.cache_clear()


def test_is_filtered() -> None:
    assert not Filters(2024).is_filtered()
    assert Filters(2024, dims={"jenis": ("pelatihan",)}).is_filtered()


# ---- URL round trip --------------------------------------------------------------


@pytest.mark.parametrize(
    "filters",
    [
        Filters(2024),
        Filters(2023, 1),
        Filters(2024, 4, {"kecamatan": ("Ciwandan", "Grogol")}),
        Filters(
            2022,
            None,
            {
                "kecamatan": ("Pulomerak",),
                "kejuruan": ("Tata Boga, Perhotelan", "Pengelasan"),
                "penyelenggara": ("BBPVP Serang",),
                "jenis": ("pemagangan",),
                "sumber_dana": ("APBD", "CSR"),
            },
        ),
    ],
)
def test_query_params_round_trip(filters: Filters) -> None:
    url = filters.to_query_params()
    assert all(isinstance(v, list) for v in url.values())
    assert from_query_params(url, OPTIONS, YEARS) == filters


def test_url_form() -> None:
    f = Filters(2024, 2, {"kecamatan": ("Ciwandan",)})
    assert f.to_query_params() == {
        "tahun": ["2024"],
        "kuartal": ["2"],
        "kecamatan": ["Ciwandan"],
    }


# ---- hostile and sloppy URL values ------------------------------------------------

HOSTILE = [
    "'; drop table peserta; --",
    "<script>alert(1)</script>",
    "2024 or 1=1",
    "2024'--",
    "<img src=x onerror=alert(1)>",
    "Ciwandan' or '1'='1",
    "%27%3B",
    "²",  # isdigit() but not a number int() accepts
    "-1",
    "99999999999999999999",
    "",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_dropped(value: str) -> None:
    params = {key: [value] for key in ("tahun", "kuartal", *DIMENSIONS)}
    f = from_query_params(params, OPTIONS, YEARS)
    assert f == Filters(2024)  # latest year, no quarter, nothing narrowed


def test_unknown_year_falls_back_to_latest_and_no_years_to_today() -> None:
    assert from_query_params({"tahun": ["1999"]}, OPTIONS, YEARS).tahun == 2024
    assert from_query_params({}, OPTIONS, []).tahun == date.today().year


def test_unknown_kecamatan_is_dropped_known_kept() -> None:
    f = from_query_params({"kecamatan": ["Atlantis", "Ciwandan"]}, OPTIONS, YEARS)
    assert f.values("kecamatan") == ("Ciwandan",)


def test_repeated_keys_comma_lists_case_and_spaces() -> None:
    params = {
        "tahun": [" 2023 ", "2024"],  # the first valid value wins
        "kuartal": ["5", "3"],
        "kecamatan": [" ciwandan ", "GROGOL,pulomerak", "Ciwandan"],
        "kejuruan": ["tata  boga, perhotelan"],  # a name holding a comma
        "sumber_dana": "apbn,Apbd",  # a plain string is accepted too
    }
    f = from_query_params(params, OPTIONS, YEARS)
    assert f.tahun == 2023
    assert f.kuartal == 3
    assert f.values("kecamatan") == ("Ciwandan", "Grogol", "Pulomerak")  # no repeats
    assert f.values("kejuruan") == ("Tata Boga, Perhotelan",)
    assert f.values("sumber_dana") == ("APBN", "APBD")


def test_values_only_from_their_own_dimension() -> None:
    f = from_query_params(
        {"kecamatan": ["Pengelasan"], "jenis": ["APBN"]}, OPTIONS, YEARS
    )
    assert not f.is_filtered()


# ---- against the fixture database ----------------------------------------------------


def test_options_from_db(fixture_conn) -> None:
    options, years = options_from_db(fixture_conn)
    assert years == [2023, 2024]
    assert options["kejuruan"] == ["Garmen", "Las", "Teknologi Informasi"]
    assert options["kecamatan"][:4] == ["Cibeber", "Cilegon", "Pulomerak", "Ciwandan"]


def test_kemendagri_spelling_and_variants_map_to_the_option(fixture_conn) -> None:
    options, years = options_from_db(fixture_conn)
    aliases = {"kecamatan": kecamatan_aliases(fixture_conn, options["kecamatan"])}
    f = from_query_params(
        {"kecamatan": ["Gerogol", "pulo merak", "36.72.04"]}, options, years, aliases
    )
    assert f.values("kecamatan") == ("Grogol", "Pulomerak", "Ciwandan")
    assert (
        from_query_params({"kecamatan": ["Gerogol"]}, options, years).values(
            "kecamatan"
        )
        == ()
    )  # without aliases only the shown names match
