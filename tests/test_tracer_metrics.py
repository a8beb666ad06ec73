"""The five 12-month KPIs against values worked out by hand (tests/fixtures.py, its
"tracer" extension; every fact listed there).

Cohort of 2024 at 13 December 2025: T1's ten graduates and the base's Las graduates
A/P1, B/P1, E/P1, A/P3, F/P3 = 15 (TI of T2 and P2's G and C are immature, TJ did not
graduate). Answers in the +305..+425 window, latest first, tidak_terlacak left out:
TB bekerja, TC tidak_bekerja, TE wirausaha (its later answer), TG bekerja (its later
tidak_terlacak is no answer), TK magang, TM bekerja, TN tidak_bekerja, A/P1 bekerja,
B/P1 studi_lanjut, E/P1 wirausaha, F/P3 tidak_bekerja = 11 answers; TA (+304), TD
(+426), TF (tidak_terlacak) and A/P3 (never asked) did not answer and are not
counted as jobless.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests import fixtures as fx
from workforce import refresh
from workforce.core import db, metrics
from workforce.core.filters import Filters


@pytest.fixture(scope="module")
def conn():
    connection = db.connect(":memory:")
    refresh.init_database(connection)
    fx.build(connection, extras=("tracer",))
    yield connection
    connection.close()


def result(conn, kpi: str, as_of=fx.TRACER_AS_OF) -> metrics.Result:
    return metrics.compute(conn, kpi, Filters(tahun=2024, as_of=as_of))


def test_window_edges_land_where_the_fixture_says():
    assert (fx.day(305) - fx.T1_LULUS).days == 305
    assert fx.day(425) == fx.T1_LULUS + timedelta(days=425)


def test_retention_counts_answers_only_and_the_latest_answer(conn):
    r = result(conn, "retensi_12b")
    # working: TB, TE (wirausaha, latest), TG, TK (magang), TM, A/P1, E/P1 = 7 of 11
    assert (r.numerator, r.denominator) == (7, 11)
    assert r.value == pytest.approx(700 / 11)
    split = {k: v.value for k, v in r.by.items()}
    assert split == pytest.approx(
        {
            "bekerja": 400 / 11,  # TB, TG, TM, A/P1
            "wirausaha": 200 / 11,  # TE, E/P1
            "magang": 100 / 11,  # TK
            "tidak_bekerja": 300 / 11,  # TC at +425, TN, F/P3
            "studi_lanjut": 100 / 11,  # B/P1
        }
    )


def test_response_rate_is_answers_over_the_mature_cohort(conn):
    r = result(conn, "tingkat_respons_12b")
    assert (r.numerator, r.denominator) == (11, 15)  # 11 answers / 15 graduates
    assert r.value == pytest.approx(1100 / 15)


def test_median_wage_of_bekerja_answers(conn):
    r = result(conn, "upah_median_12b")
    # TB 5.000.000, A/P1 5.500.000, TM 6.000.000, TG 7.000.000: (5,5 + 6) / 2 juta
    # (TE's wirausaha and TK's magang wages left out; TA's 4.000.000 at +304 and
    # TD's 9.000.000 at +426 are outside)
    assert r.value == pytest.approx(5_750_000)
    assert r.denominator == 4


def test_kept_first_job_among_placed_in_kerja_within_6_months_who_answered(conn):
    r = result(conn, "bertahan_di_perusahaan")
    # placed kerja within 6 months: TA (no answer), TB (same), TG (moved), A/P1
    # (same; A/P3 not asked); TC placed at +200 is outside the window (its first
    # placement is a magang), B/P1's kerja at day 214 too; TE and E are wirausaha,
    # TK magang, TM and TN never placed, F's magang too early
    assert (r.numerator, r.denominator) == (2, 3)
    assert r.value == pytest.approx(200 / 3)


def test_repeat_employers_need_an_earlier_calendar_year(conn):
    r = result(conn, "perusahaan_berulang")
    # 2024 kerja/magang employers: E1 (A, G, TA, TB, TG), E2 (B, and TC twice in
    # 2024: no earlier year), E3 (TK); E1 hired F in 2023 -> 1 of 3
    assert (r.numerator, r.denominator) == (1, 3)
    assert r.value == pytest.approx(100 / 3)


def test_immature_cohort_is_not_counted(conn):
    # one day before P3's graduation (2024-01-20, the earliest of 2024) + 425 days
    # no 2024 graduate is mature
    early = date(2024, 1, 20) + timedelta(days=424)
    for kpi in ("retensi_12b", "tingkat_respons_12b", "upah_median_12b"):
        assert result(conn, kpi, as_of=early).value is None
    assert result(conn, "tingkat_respons_12b", as_of=early).denominator == 0
    p3 = result(conn, "tingkat_respons_12b", as_of=early + timedelta(days=1))
    assert (p3.numerator, p3.denominator) == (1, 2)  # A/P3 (not asked), F/P3
    # T1's and P1's graduates mature on 2024-03-01 + 425 days: 2 + 10 + 3 = 15
    t1 = result(conn, "tingkat_respons_12b", as_of=fx.day(425))
    assert t1.denominator == 15
    # P2's (G, C) one day after the data date: 15 + 2 (neither answered)
    later = result(conn, "tingkat_respons_12b", as_of=date(2025, 12, 14))
    assert (later.numerator, later.denominator) == (11, 17)


@pytest.mark.parametrize("kpi", list(fx.EXPECTED_TRACER_2024))
def test_each_12_month_kpi_equals_the_fixtures_hand_worked_value(conn, kpi):
    assert result(conn, kpi).value == pytest.approx(fx.EXPECTED_TRACER_2024[kpi])


def test_kpis_json_carries_the_retention_split(conn):
    found = metrics.to_json(
        metrics.compute_all(conn, Filters(tahun=2024, as_of=fx.TRACER_AS_OF))
    )
    assert found["retensi_12b"]["total"] == pytest.approx(700 / 11)
    assert found["retensi_12b"]["bekerja"] == pytest.approx(400 / 11)
    assert found["tingkat_respons_12b"] == pytest.approx(1100 / 15)
    assert found["upah_median_12b"] == 5_750_000
