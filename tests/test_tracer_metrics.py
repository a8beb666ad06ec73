"""The five 12-month KPIs against values worked out by hand (tests/tracer_fixture.py).

Cohort of 2024 at 31 December 2025: T1's eleven graduates (T2's graduate is
immature, J did not graduate). Answers in the +305..+425 window, latest first,
tidak_terlacak left out: B bekerja, C tidak_bekerja, E wirausaha (its later answer),
G bekerja (its later tidak_terlacak is no answer), K magang, M bekerja, N
tidak_bekerja = 7 answers; A (+304), D (+426), F (tidak_terlacak) and H (never
asked) did not answer and are not counted as jobless.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests import tracer_fixture as fx
from workforce import refresh
from workforce.core import db, metrics
from workforce.core.filters import Filters


@pytest.fixture(scope="module")
def conn():
    connection = db.connect(":memory:")
    refresh.init_database(connection)
    fx.build(connection)
    yield connection
    connection.close()


def result(conn, kpi: str, as_of=fx.AS_OF) -> metrics.Result:
    return metrics.compute(conn, kpi, Filters(tahun=2024, as_of=as_of))


def test_window_edges_land_where_the_fixture_says():
    assert (fx.day(305) - fx.T1_LULUS).days == 305
    assert fx.day(425) == fx.T1_LULUS + timedelta(days=425)


def test_retention_counts_answers_only_and_the_latest_answer(conn):
    r = result(conn, "retensi_12b")
    # working: B, E (wirausaha, latest), G, K (magang), M = 5 of 7 answers
    assert (r.numerator, r.denominator) == (5, 7)
    assert r.value == pytest.approx(500 / 7)
    split = {k: v.value for k, v in r.by.items()}
    assert split == pytest.approx(
        {
            "bekerja": 300 / 7,  # B, G, M
            "wirausaha": 100 / 7,  # E
            "magang": 100 / 7,  # K
            "tidak_bekerja": 200 / 7,  # C at +425, N
            "studi_lanjut": 0.0,
        }
    )


def test_response_rate_is_answers_over_the_mature_cohort(conn):
    r = result(conn, "tingkat_respons_12b")
    assert (r.numerator, r.denominator) == (7, 11)  # 7 answers / 11 T1 graduates
    assert r.value == pytest.approx(700 / 11)


def test_median_wage_of_bekerja_answers(conn):
    r = result(conn, "upah_median_12b")
    # B 5.000.000, M 6.000.000, G 7.000.000 (E's wirausaha and K's magang wages
    # left out; A's 4.000.000 at +304 and D's 9.000.000 at +426 are outside)
    assert r.value == pytest.approx(6_000_000)
    assert r.denominator == 3


def test_kept_first_job_among_placed_in_kerja_within_6_months_who_answered(conn):
    r = result(conn, "bertahan_di_perusahaan")
    # placed kerja within 6 months: A (no answer), B (same), G (moved); C placed at
    # +200 is outside the window (its first placement is a magang); E is wirausaha,
    # K magang, M and N never placed
    assert (r.numerator, r.denominator) == (1, 2)
    assert r.value == pytest.approx(50.0)


def test_repeat_employers_need_an_earlier_calendar_year(conn):
    r = result(conn, "perusahaan_berulang")
    # 2024 kerja/magang employers: E1, E2 (twice in 2024: no earlier year), E3;
    # E1 hired L in 2023 -> 1 of 3
    assert (r.numerator, r.denominator) == (1, 3)
    assert r.value == pytest.approx(100 / 3)


def test_immature_cohort_is_not_counted(conn):
    # one day before T1's graduation + 425 days the 2024 cohort is not mature
    early = fx.T1_LULUS + timedelta(days=424)
    for kpi in ("retensi_12b", "tingkat_respons_12b", "upah_median_12b"):
        assert result(conn, kpi, as_of=early).value is None
    assert result(conn, "tingkat_respons_12b", as_of=early).denominator == 0
    mature = result(conn, "tingkat_respons_12b", as_of=early + timedelta(days=1))
    assert mature.denominator == 11


def test_kpis_json_carries_the_retention_split(conn):
    found = metrics.to_json(
        metrics.compute_all(conn, Filters(tahun=2024, as_of=fx.AS_OF))
    )
    assert found["retensi_12b"]["total"] == pytest.approx(500 / 7)
    assert found["retensi_12b"]["bekerja"] == pytest.approx(300 / 7)
    assert found["tingkat_respons_12b"] == pytest.approx(700 / 11)
    assert found["upah_median_12b"] == 6_000_000
