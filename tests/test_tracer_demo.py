"""The demo's tracer study: deterministic, realistic, scaled with the demo's size."""

from __future__ import annotations

from datetime import date

import pytest

from workforce import refresh
from workforce.core import db, metrics
from workforce.core.filters import Filters
from workforce.demo import build_demo

AS_OF = date(2025, 12, 31)


def demo(participants: int, seed: int = 42):
    conn = db.connect(":memory:")
    refresh.init_database(conn)
    counts = build_demo(conn, participants, seed)
    return conn, counts


@pytest.fixture(scope="module")
def conn():
    connection, _ = demo(3000)
    yield connection
    connection.close()


def test_same_seed_same_rows_and_size_scales_the_study():
    a, small = demo(1000)
    b, again = demo(1000)
    rows = "select * from pelacakan order by all"
    assert a.execute(rows).fetchall() == b.execute(rows).fetchall()
    _, large = demo(3000)
    assert large["pelacakan"] > 2 * small["pelacakan"] > 0


def test_response_rates_between_50_and_80_percent_and_differ_by_provider(conn):
    for year in (2022, 2023, 2024):
        r = metrics.compute(
            conn, "tingkat_respons_12b", Filters(tahun=year, as_of=AS_OF)
        )
        assert 50 <= r.value <= 80
    rates = conn.execute(
        "select penyelenggara, count(status_kerja) / count(*) * 100 as pct"
        " from mart_tracer_answer where tanggal_lulus <= date '2024-10-31'"
        " group by all having count(*) >= 100"
    ).fetchall()
    values = [pct for _, pct in rates]
    assert len(values) >= 3 and max(values) - min(values) > 5


def test_some_graduates_are_asked_twice_in_the_12_month_window(conn):
    twice = conn.execute(
        "select count(*) from (select t.peserta_id from pelacakan as t"
        " join pendaftaran as d using (peserta_id, kode_program)"
        " where t.tanggal_survei between d.tanggal_lulus + 305 and d.tanggal_lulus + 425"
        " and t.status_kerja <> 'tidak_terlacak'"
        " group by t.peserta_id, t.kode_program having count(*) > 1)"
    ).fetchone()[0]
    assert twice > 20


def test_wages_drift_from_the_placement_wage(conn):
    pairs = conn.execute(
        "select t.upah_bulanan_rupiah, p.upah_bulanan_rupiah from pelacakan as t"
        " join penempatan as p on p.peserta_id = t.peserta_id"
        " and p.kode_perusahaan = t.kode_perusahaan and p.jenis_penempatan = 'kerja'"
        " where t.is_sama_dengan_penempatan_awal and t.status_kerja = 'bekerja'"
        " and t.tanggal_survei > p.tanggal_mulai + 300"
    ).fetchall()
    ratios = sorted(float(a) / float(b) for a, b in pairs)
    assert len(ratios) > 50
    assert sum(r != 1 for r in ratios) > 0.9 * len(ratios)
    assert 1.0 < ratios[len(ratios) // 2] < 1.15  # a small raise, typically


def test_no_tracer_call_after_the_demo_date_and_none_before_graduation(conn):
    late, early = conn.execute(
        "select count(*) filter (where t.tanggal_survei > date '2025-12-31'),"
        " count(*) filter (where t.tanggal_survei < d.tanggal_lulus)"
        " from pelacakan as t join pendaftaran as d using (peserta_id, kode_program)"
    ).fetchone()
    assert (late, early) == (0, 0)
