"""The 12-month KPIs in the public figures and the open data, with suppression.

On the test fixture with its "tracer" extension (tests/fixtures.py; 2024, limit 5)
every person-based 12-month figure rests on small counts and is hidden: retensi 7 of
11 (4 not working), response 11 of 15 (4 without an answer), the median wage over 4
bekerja answers, kept-the-first-job 2 of 3. The repeat-employer share (1 of 3)
counts employers, not persons, and is published. On the demo
the city-wide values are published and equal the registry's.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests import fixtures as fx
from workforce import refresh
from workforce.core import db, metrics
from workforce.core.filters import Filters
from workforce.demo import build_demo
from workforce.public import numbers as public_data
from workforce.public import open_data

PERSON_KPIS = (
    "retensi_12b",
    "tingkat_respons_12b",
    "upah_median_12b",
    "bertahan_di_perusahaan",
)


def publication(conn) -> public_data.Publication:
    aggregate = public_data.build(conn)
    try:
        return public_data.publication(aggregate, 5)
    finally:
        aggregate.close()


def kpi_row(pub: public_data.Publication, year: int, kpi_id: str):
    rows = pub.kpi[(pub.kpi["tahun"] == year) & (pub.kpi["kpi_id"] == kpi_id)]
    assert len(rows) == 1
    return rows.iloc[0]


@pytest.fixture(scope="module")
def fixture_pub():
    conn = db.connect(":memory:")
    refresh.init_database(conn)
    fx.build(conn, extras=("tracer",))
    pub = publication(conn)
    conn.close()
    return pub


def test_small_tracer_figures_are_hidden(fixture_pub):
    for kpi_id in PERSON_KPIS:
        row = kpi_row(fixture_pub, 2024, kpi_id)
        assert row["status"] != "", kpi_id
        assert row["nilai"] != row["nilai"]  # NaN: not published
    employers = kpi_row(fixture_pub, 2024, "perusahaan_berulang")
    assert employers["status"] == ""
    assert employers["nilai"] == pytest.approx(100 / 3)


def test_open_data_carries_the_definitions_and_the_suppressed_values(fixture_pub):
    tables = open_data.tables(fixture_pub)
    defined = set(tables["kpi_definisi"]["kpi_id"])
    assert set(PERSON_KPIS) | {"perusahaan_berulang"} <= defined
    kpi = tables["kpi_tahunan"]
    row = kpi[(kpi["tahun"] == 2024) & (kpi["kpi_id"] == "retensi_12b")].iloc[0]
    assert row["satuan"] == "pct" and row["nilai"] != row["nilai"]


def test_demo_city_figures_are_published_and_equal_the_registry():
    conn = db.connect(":memory:")
    refresh.init_database(conn)
    build_demo(conn, 3000, 7)
    pub = publication(conn)
    filters = Filters(tahun=2023, as_of=date(2025, 12, 31))
    for kpi_id in PERSON_KPIS:
        row = kpi_row(pub, 2023, kpi_id)
        expected = metrics.compute(conn, kpi_id, filters).value
        assert row["status"] == "" and row["nilai"] == pytest.approx(expected)
    conn.close()
