"""Property tests of the import's parsers: whatever a cell holds, the answer is a
value or a row error with a reason the report can say, never an exception.

Hypothesis writes the cells: any text, and text shaped like what clerks type
(numbers, Rupiah, dates, NIKs, kecamatan names with stray case and spaces).
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workforce import refresh
from workforce.core import db, i18n
from workforce.ingest import parse
from workforce.ingest.lookups import DbLookups
from workforce.ingest.templates import Column

KEY = b"property-test-key-0123456789"
TODAY = date(2025, 11, 30)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.fixture(scope="module")
def lookups() -> DbLookups:
    """The reference lists of a new database (kecamatan, kelurahan, KBLI)."""
    conn = db.connect(":memory:")
    refresh.init_database(conn)
    return DbLookups(conn, KEY, TODAY)


COLUMNS = {
    "number": Column("tpt_pct", "number", low=0, high=100),
    "money": Column("pagu", "money", low=0),
    "int": Column("tahun", "int", low=2000, high=2100),
    "date": Column("tanggal_mulai", "date"),
    "nik": Column("nik", "nik"),
    "kecamatan": Column("kecamatan", "kecamatan"),
    "text": Column("nama_program", "text"),
    "refname": Column("kejuruan", "refname"),
    "bool": Column("disabilitas", "bool"),
}

digits = st.text("0123456789", min_size=1, max_size=25)
numbers = st.builds(
    lambda sign, rp, body, tail: f"{sign}{rp}{body}{tail}",
    st.sampled_from(["", "-", "+", "(", " "]),
    st.sampled_from(["", "Rp ", "Rp", "rp.", "IDR "]),
    st.one_of(
        digits,
        st.from_regex(r"\d{1,3}(\.\d{3}){0,6}(,\d{1,4})?", fullmatch=True),
        st.from_regex(r"\d{1,3}(,\d{3}){0,6}(\.\d{1,4})?", fullmatch=True),
    ),
    st.sampled_from(["", ",-", "%", ")", " juta", "e5"]),
)
dates = st.builds(
    lambda d, sep, m, y: f"{d}{sep}{m}{sep}{y}",
    st.integers(-1, 40).map(str),
    st.sampled_from(["/", "-", ".", " ", ""]),
    st.one_of(
        st.integers(0, 14).map(str),
        st.sampled_from(["Oktober", "okt", "Agt", "Mei", "Desember", "Smarch"]),
    ),
    st.one_of(st.integers(0, 99999).map(str), st.just("2025")),
)
kecamatan = st.builds(
    lambda pre, name, post: f"{pre}{name}{post}",
    st.sampled_from(["", " ", "Kec. ", "KECAMATAN "]),
    st.sampled_from(
        ["Ciwandan", "CIWANDAN", "Gerogol", "grogol", "Citangkil", "Cibeber", "X"]
    ),
    st.sampled_from(["", " ", "  ", "\t"]),
)
cells = st.one_of(st.text(max_size=40), numbers, dates, digits, kecamatan)


def _check(parsed: pd.DataFrame, typed: list[str]) -> None:
    assert list(parsed.index) == list(range(len(typed)))
    assert set(parsed.columns) == {"value", "code", "params"}
    for value, code, params in parsed.itertuples(index=False):
        if code:
            assert pd.isna(value), (code, value)
            # the reason exists in both languages and its params fill it
            values = parse.json.loads(params) if params else {}
            for lang in i18n.LANGS:
                assert i18n.t(f"ingest.reason.{code}", lang, **values)


@pytest.mark.parametrize("kind", list(COLUMNS))
@SETTINGS
@given(typed=st.lists(cells, min_size=1, max_size=8))
def test_every_parser_answers_a_value_or_a_reason(kind, typed, lookups) -> None:
    series = pd.Series(typed, dtype="str")
    _check(parse.parse_column(series, COLUMNS[kind], lookups), typed)


@SETTINGS
@given(typed=numbers)
def test_a_number_read_is_the_number_typed(typed: str, lookups) -> None:
    parsed = parse.parse_column(
        pd.Series([typed], dtype="str"), COLUMNS["money"], lookups
    )
    value, code = parsed.iloc[0]["value"], parsed.iloc[0]["code"]
    if not code:
        assert 0 <= float(value) <= parse.MAX_NUMBER
        whole = typed.replace("Rp", "").replace("rp.", "").replace("IDR", "")
        assert str(int(float(value))).lstrip("0")[:1] in whole  # its first digit


@SETTINGS
@given(day=st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_a_date_written_each_way_reads_back_the_same(day: date, lookups) -> None:
    month = i18n.fmt_date(day, "id").split()[1]
    written = [
        day.isoformat(),
        day.strftime("%d/%m/%Y"),
        f"{day.day} {month} {day.year}",
        f"{day.day}-{month[:3]}-{day.year}",
    ]
    parsed = parse.parse_column(
        pd.Series(written, dtype="str"), COLUMNS["date"], lookups
    )
    assert set(parsed["code"]) == {""}, parsed
    assert {pd.Timestamp(v).date() for v in parsed["value"]} == {day}


@SETTINGS
@given(
    nik=st.text("0123456789", min_size=16, max_size=16),
    pad=st.sampled_from(["", " ", "'"]),
)
def test_a_nik_is_pseudonymised_and_never_kept(nik: str, pad: str, lookups) -> None:
    parsed = parse.parse_column(
        pd.Series([pad + nik], dtype="str"), COLUMNS["nik"], lookups
    )
    value = parsed.iloc[0]["value"]
    assert len(value) == 64 and nik not in value  # an HMAC-SHA-256, hex


@SETTINGS
@given(typed=kecamatan)
def test_a_kecamatan_variant_is_known_or_refused(typed: str, lookups) -> None:
    parsed = parse.parse_column(
        pd.Series([typed], dtype="str"), COLUMNS["kecamatan"], lookups
    )
    value, code = parsed.iloc[0]["value"], parsed.iloc[0]["code"]
    if "X" in typed:
        assert code == "kecamatan_unknown"
    else:
        assert code == "" and str(value).startswith("36.72.")


def test_the_lookups_database_is_duckdb(lookups) -> None:
    """The parsers above read the real reference tables of a new database."""
    assert isinstance(lookups.conn, duckdb.DuckDBPyConnection)
    assert lookups.kecamatan()["ciwandan"] == "36.72.04"  # data/seed/ref_kecamatan.csv
