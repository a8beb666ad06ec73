"""Comparing units honestly on Hasil Pelatihan: the funnel plot's units, classes and
sentence, and the provider scorecard, worked by hand on the KPI fixture
(tests/fixtures.py); both sections rendered under AppTest in both languages on
the demo database."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tests.fixtures import build
from workforce import refresh
from workforce.compare import numbers as cn
from workforce.compare import tables as tb
from workforce.compare import text as ct
from workforce.core import compare, db, metrics
from workforce.core.filters import Filters

PAGE = "pages/pelatihan.py"


@pytest.fixture(scope="module")
def conn():
    connection = db.connect(":memory:")
    refresh.init_database(connection)
    build(connection)
    yield connection
    connection.close()


def test_funnel_of_completion_by_provider_by_hand(conn):
    funnel = cn.funnel(conn, "tingkat_kelulusan", "penyelenggara", Filters(tahun=2024))
    # penyelenggara 1 (BBPVP Serang) runs P1 + P3: 7 ended enrolments, 5 lulus;
    # penyelenggara 2 (BLK Kota Cilegon) runs P2 + P4: 4 ended, 2 lulus.
    # p0 = 7 / 11 = 63.636%
    assert funnel.p0 == pytest.approx(700 / 11)
    units = funnel.units.set_index("unit")
    assert units.loc["BBPVP Serang", ["k", "n"]].tolist() == [5, 7]
    # 95% limits at n = 7: 1.96 · √(0.636364 · 0.363636 / 7) = 1.96 · 0.181818
    # = 0.356364 → 28.00% … 99.27%; 71.43% lies inside
    assert units.loc["BBPVP Serang", "lo95_pct"] == pytest.approx(28.0)
    assert units.loc["BBPVP Serang", "hi95_pct"] == pytest.approx(99.2727, abs=1e-4)
    assert units.loc["BBPVP Serang", "kelas"] == "within"
    assert units.loc["BLK Kota Cilegon", "kelas"] == "too_few"  # n = 4 < 5
    assert funnel.plotted["unit"].tolist() == ["BBPVP Serang"]
    assert ct.funnel_sentence(funnel, "id") == (
        "Tingkat kelulusan seluruh pilihan: 63,6%. Tidak ada dari 1 unit yang "
        "berbeda dari rata-rata kota melampaui batas kebetulan."
    )
    assert ct.too_few_line(funnel, "en") == (
        "Too few (n < 5), not drawn: BLK Kota Cilegon (n = 4)."
    )
    table = tb.funnel_table(funnel, "id")
    assert table.iloc[0].tolist() == [
        "BBPVP Serang",
        5,
        7,
        71.4,
        "71,4% (35,9–91,8%)",
        "28,0–99,3%",
        "7,5–100,0%",  # 99.8%: ± 3.09 · 0.181818 = 0.561818 → 7.45% … 119.8% → 100
        "Tidak dapat dibedakan",
    ]


def _funnel(p0: float, rows: list[tuple[str, int, int]]) -> cn.Funnel:
    units = pd.DataFrame(rows, columns=["unit", "k", "n"])
    return cn.Funnel("tingkat_penempatan_6b", "penyelenggara", p0,
                     compare.compare(units, p0))  # fmt: skip


def test_sentence_names_units_beyond_the_998_limits():
    # p0 = 70%, n = 200: 99.8% limits 59.99% … 80.01%, 95% limits 63.65% … 76.35%
    # (tests/test_compare.py); BLK X 118/200 = 59% below, LPK Y 170/200 = 85% above,
    # LPK Z 120/200 = 60% between, the other two within; Kecil 2 of 3: too few
    funnel = _funnel(
        70.0,
        [
            ("BLK <X>", 118, 200),
            ("LPK Y", 170, 200),
            ("LPK Z", 120, 200),
            ("A", 140, 200),
            ("B", 145, 200),
            ("Kecil", 2, 3),
        ],
    )
    assert funnel.outside()["unit"].tolist() == ["LPK Y", "BLK <X>"]  # 15 > 11 pts
    assert ct.funnel_sentence(funnel, "id") == (
        "Penempatan dalam 6 bulan seluruh pilihan: 70,0%. **LPK Y** (85,0%, n = 200) "
        "di atas rata-rata kota melampaui batas kebetulan; **BLK \\<X\\>** (59,0%, "
        "n = 200) di bawah rata-rata kota melampaui batas kebetulan. 3 unit lainnya "
        "tidak dapat dibedakan dari rata-rata kota melampaui kebetulan (1 di "
        "antaranya di luar batas 95%, di dalam batas 99,8%)."
    )
    en = ct.funnel_sentence(funnel, "en")
    assert (
        "**BLK \\<X\\>** (59.0%, n = 200) is below the city's rate beyond chance" in en
    )
    assert en.endswith("outside the 95% but inside the 99.8% limits).")


def test_scorecard_by_hand(conn):
    card = cn.scorecard(conn, Filters(tahun=2024)).set_index("penyelenggara")
    bbpvp = card.loc["BBPVP Serang"]
    # peserta: A B C D E start P1 in 2024 (P3 started in 2023) = 5
    # completion 5 of 7; certification: graduates of P1 (A B E) and P3 (A F) = 5,
    # certified A E A F = 4 → 80%; placed within 6 months 3 of 5 mature = 60%
    assert bbpvp["peserta"] == 5
    assert (bbpvp["tingkat_kelulusan_pct"], bbpvp["tingkat_kelulusan_n"]) == (
        pytest.approx(500 / 7),
        7,
    )
    assert (bbpvp["tingkat_sertifikasi_pct"], bbpvp["tingkat_sertifikasi_n"]) == (
        pytest.approx(80.0),
        5,
    )
    # 4 of 5: centre 5.9208 / 8.8416 = 0.669653, half 1.96 · √(0.8 + 0.9604) /
    # 8.8416 = 1.96 · 1.326801 / 8.8416 = 0.294124 → 37.55% … 96.38%
    assert bbpvp["tingkat_sertifikasi_lo"] == pytest.approx(37.553, abs=0.001)
    assert bbpvp["tingkat_sertifikasi_hi"] == pytest.approx(96.378, abs=0.001)
    assert bbpvp["tingkat_penempatan_6b_pct"] == pytest.approx(60.0)
    # the last row is the selection, equal to the registry's own figures
    assert card.index[-1] == cn.TOTAL
    whole = Filters(tahun=2024)
    for metric_id in cn.SCORE_RATES:
        result = metrics.compute(conn, metric_id, whole)
        assert card.loc[cn.TOTAL, f"{metric_id}_n"] == int(result.denominator or 0)
        if result.value is None:
            assert pd.isna(card.loc[cn.TOTAL, f"{metric_id}_pct"])
        else:
            assert card.loc[cn.TOTAL, f"{metric_id}_pct"] == pytest.approx(result.value)
    cost = metrics.compute(conn, "biaya_per_penempatan", whole)
    assert card.loc[cn.TOTAL, "biaya_per_penempatan"] == pytest.approx(cost.value)
    table = tb.scorecard_table(card.reset_index(), "id").set_index("Penyelenggara")
    assert table.loc["BBPVP Serang", "Kelulusan (selang 95%)"] == "71,4% (35,9–91,8%)"
    assert table.loc["BBPVP Serang", "n selesai"] == 7
    assert table.loc["Semua penyelenggara", "Peserta"] == 6
    assert table.loc["BBPVP Serang", "Bekerja 12 bln (selang 95%)"] == "t.a."
    assert "Biaya per penempatan APBN (Rp)" in table.columns


# ---- the page under AppTest -----------------------------------------------------------


def _run(at):
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _filters(demo_db, year: int) -> Filters:
    conn = db.connect(demo_db, read_only=True)
    try:
        as_of = date.fromisoformat(db.get_info(conn)["data_as_of"])
    finally:
        conn.close()
    return Filters(tahun=year, as_of=as_of)


def _expected_funnel(demo_db, metric_id: str, unit: str, year: int) -> cn.Funnel:
    conn = db.connect(demo_db, read_only=True)
    try:
        return cn.funnel(conn, metric_id, unit, _filters(demo_db, year))
    finally:
        conn.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pelatihan_shows_funnel_plot_and_scorecard(app_test, demo_db, lang):
    at = _run(app_test(demo_db, lang=lang, tahun="2023"))
    headers = [h.value for h in at.header]
    assert ct.tr("funnel_title", lang) in headers
    assert ct.tr("score_title", lang) in headers
    captions = [c.value for c in at.caption]
    first = _expected_funnel(demo_db, "tingkat_kelulusan", "penyelenggara", 2023)
    assert ct.funnel_sentence(first, lang) in captions
    # 2023 graduates are old enough for the 12-month rate: it can be picked
    rate = at.selectbox(key="compare_rate")
    assert ct.rate_name("retensi_12b", lang) in rate.options
    rate.set_value("tingkat_penempatan_6b").run()
    at.segmented_control(key="compare_unit").set_value("kejuruan").run()
    assert not at.exception
    picked = _expected_funnel(demo_db, "tingkat_penempatan_6b", "kejuruan", 2023)
    assert ct.funnel_sentence(picked, lang) in [c.value for c in at.caption]
    frames = {tuple(f.value.columns): f.value for f in at.dataframe}
    unit_col = ct.tr("unit.kejuruan", lang)
    funnel_frame = next(v for k, v in frames.items() if k[0] == unit_col)
    assert len(funnel_frame) == len(picked.units)
    score = next(
        v for k, v in frames.items() if k[0] == ct.tr("score.col.penyelenggara", lang)
    )
    assert score.iloc[-1, 0] == ct.tr("score.total", lang)
    assert ct.tr("score.col.retensi_12b", lang) in score.columns
    charts = at.get("plotly_chart")
    assert len(charts) >= 3  # the funnel, a breakdown, the funnel plot
