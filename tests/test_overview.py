"""The overview page (Ringkasan): cards, attention list, trends, map, narrative, targets.

The fixture is tests/fixtures.py (every row and target listed there);
data_as_of is 31 December 2024. Values worked out by hand from it:

2024 (programmes starting/ending in 2024; as of 2024-12-31):
  tpt 6,08 (published; 2023: 7,25 -> change -1,17 points), target 6,0 -> at risk
      (lower is better; 6,08 <= 6,6)
  peserta 6 (A B C D E G; 2023: A F in P3 -> 2; change +4), target 10 -> off track
      (6 < 9, the at-risk floor)
  tingkat_kelulusan 7/11 = 63,64% (no programme ended in 2023: no change),
      target 70 -> at risk (63,64 >= 63)
  tingkat_sertifikasi 5/7 = 71,43%, target 70 -> on track
  tingkat_penempatan_6b 3/5 = 60,00%, target 80 -> off track (60 < 72)
  upah_median Rp 5 juta (4, 5, 6 juta; 2023: D's 4 juta -> +1 juta), no target
  serapan_anggaran 212/230 = 92,17% (2023: 35/40 = 87,50% -> +4,67 points)
  biaya_per_penempatan (P1 110 + P3 55 + P4 30 juta) / 3 placed = Rp 65 juta,
      target 70 juta -> on track (lower is better)
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.fixtures import AS_OF, build
from workforce import refresh
from workforce.core import db, geo, i18n, metrics
from workforce.core.filters import Filters, options_from_db
from workforce.overview import charts, frames
from workforce.overview import numbers as overview
from workforce.overview import text as narrative

ROOT = Path(__file__).resolve().parent.parent
# The real Kemendagri boundaries (never committed): $WORKFORCE_BOUNDARIES, or the
# shared folder beside the repository. Tests of the map itself use a synthetic
# file (``boundaries``), so they run on any clone.
BOUNDARIES = Path(
    os.environ.get("WORKFORCE_BOUNDARIES")
    or ROOT.parent / "shared" / "geo" / "cilegon_kecamatan.geojson"
)
needs_real_boundaries = pytest.mark.skipif(
    not BOUNDARIES.is_file(),
    reason=f"the real boundary file is not here ({BOUNDARIES}); set WORKFORCE_BOUNDARIES",
)


@pytest.fixture(scope="module")
def boundaries(tmp_path_factory) -> Path:
    """A synthetic GeoJSON: one square per kecamatan of ref_kecamatan, keyed on kode."""
    conn = db.connect(":memory:")
    refresh.init_database(conn)
    codes = db.run(conn, "overview/kecamatan")
    conn.close()
    features = []
    for i, row in enumerate(codes.itertuples(index=False)):
        x, y = 105.95 + (i % 4) * 0.02, -6.05 + (i // 4) * 0.02
        ring = [[x, y], [x + 0.02, y], [x + 0.02, y + 0.02], [x, y + 0.02], [x, y]]
        features.append(
            {
                "type": "Feature",
                "properties": {"kode": row.kecamatan_kode, "nama": row.nama},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    path = tmp_path_factory.mktemp("geo") / "synthetic.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


F2024 = Filters(tahun=2024, as_of=AS_OF)


@pytest.fixture(scope="module")
def overview_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("overview") / "overview.duckdb"
    conn = db.connect(path)
    try:
        refresh.init_database(conn)
        build(conn)
        conn.execute("checkpoint")
    finally:
        conn.close()
    return path


@pytest.fixture(scope="module")
def conn(overview_db):
    connection = db.connect(overview_db, read_only=True)
    yield connection
    connection.close()


@pytest.fixture
def db_copy(overview_db, tmp_path) -> Path:
    path = tmp_path / "copy.duckdb"
    shutil.copyfile(overview_db, path)
    return path


# ---- cards -----------------------------------------------------------------------


def test_cards_values_changes_targets_and_status(conn):
    cards = {c.metric.id: c for c in overview.cards(conn, F2024)}
    got = {k: (c.value, c.change, c.target, c.status) for k, c in cards.items()}
    assert got["tpt"][0] == pytest.approx(6.08)
    assert got["tpt"][1] == pytest.approx(6.08 - 7.25)  # -1,17 points
    assert got["tpt"][2:] == (6.0, "at_risk")
    assert got["peserta"] == (6, 4, 10, "off_track")
    assert got["tingkat_kelulusan"][0] == pytest.approx(7 / 11 * 100)
    assert got["tingkat_kelulusan"][1:] == (None, 70, "at_risk")  # 2023: none ended
    assert got["tingkat_sertifikasi"][0] == pytest.approx(5 / 7 * 100)
    assert got["tingkat_sertifikasi"][3] == "on_track"
    assert got["tingkat_penempatan_6b"] == (60.0, None, 80, "off_track")
    assert got["upah_median"] == (5_000_000, 1_000_000, None, None)  # 5 - 4 juta
    assert got["serapan_anggaran"][1] == pytest.approx(212 / 230 * 100 - 87.5)
    assert got["biaya_per_penempatan"] == (65_000_000, None, 70_000_000, "on_track")


def test_annual_total_targets_have_no_status_for_a_quarter_or_a_filter(conn):
    quarter = {
        c.metric.id: c for c in overview.cards(conn, Filters(2024, 1, as_of=AS_OF))
    }
    assert quarter["peserta"].value == 5  # P1 starts in Q1: A B C D E
    assert quarter["peserta"].target == 10 and quarter["peserta"].status is None
    # a rate keeps its status in a quarter: P3 ends 2024-01-20 -> 2/2 lulus
    assert quarter["tingkat_kelulusan"].status == "on_track"
    # the previous period of a quarter is the quarter before (Q4 2023: P3 starts)
    assert quarter["peserta"].previous.value == 2
    # BPS figures compare with the year before, whatever the quarter
    assert quarter["tpt"].previous_period.tahun == 2023


def test_change_format_and_direction():
    assert overview.fmt_change(6.08 - 7.25, "pct", "id") == "-1,17 poin"
    assert overview.fmt_change(6.08 - 7.25, "pct", "en") == "-1.17 points"
    assert overview.fmt_change(4, "count", "id") == "+4"
    assert overview.fmt_change(1_250_000, "rupiah", "id") == "+Rp 1,2 juta"
    assert overview.fmt_change(None, "pct", "id") is None
    assert overview.delta_color(metrics.get("tpt")) == "inverse"
    assert overview.delta_color(metrics.get("peserta")) == "normal"
    assert overview.delta_color(metrics.get("porsi_apbn")) == "off"
    assert overview.card_value(65_000_000, "rupiah", "id") == "Rp 65 juta"
    assert overview.card_value(65_000_000, "rupiah", "en") == "Rp 65M"
    assert overview.card_value(1_250_000_000, "rupiah", "id") == "Rp 1,2 M"
    assert overview.card_value(750_000, "rupiah", "en") == "Rp 750,000"
    assert overview.is_zero(0.001, "pct") and not overview.is_zero(0.01, "pct")


# ---- what needs attention ---------------------------------------------------------------


def test_attention_lists_off_track_first_with_the_groups_pulling_down(conn):
    options = {
        "kecamatan": ["Cibeber", "Cilegon", "Pulomerak", "Ciwandan", "Jombang"]
        + ["Grogol", "Purwakarta", "Citangkil"],
        "kejuruan": ["Las", "Garmen"],
    }
    items = overview.attention(conn, F2024, options)
    assert [i.card.metric.id for i in items] == [
        "peserta",  # off track (registry order within a severity)
        "tingkat_penempatan_6b",  # off track
        "tpt",  # at risk
        "tingkat_kelulusan",  # at risk
    ]
    lag = {i.card.metric.id: [(g.dimension, g.name) for g in i.laggards] for i in items}
    assert lag["peserta"] == []  # a count: nothing "pulls it down"
    assert lag["tpt"] == []  # no dimensions
    # placement 60%: Cibeber 1/2 = 50% (E placed, F not) is below; Ciwandan 2/3
    # above; kejuruan Las 3/5 = 60% equals the city; Garmen has no mature graduate
    assert lag["tingkat_penempatan_6b"] == [("kecamatan", "Cibeber")]
    # completion 63,64%: Citangkil 1/4 = 25% (C-P1 no, D-P1 no, C-P2 yes, D-P4 no),
    # Cibeber 2/3 and the others above; kejuruan Garmen 2/4 = 50% (G C yes, D E no)
    assert lag["tingkat_kelulusan"] == [
        ("kecamatan", "Citangkil"),
        ("kejuruan", "Garmen"),
    ]
    citangkil = items[3].laggards[0]
    assert (citangkil.result.numerator, citangkil.result.denominator) == (1, 4)
    assert citangkil.impact == pytest.approx((700 / 11 - 25) * 4)


# ---- trends ---------------------------------------------------------------------------


def test_funnel_per_year_equals_the_registry(conn):
    df = frames.funnel(conn, F2024, [2023, 2024]).set_index("tahun")
    # 2024: 6 persons; 7 lulus enrolments; 5 certified; 3 of 5 mature placed
    assert df.loc[2024, ["peserta", "lulusan", "tersertifikasi"]].tolist() == [6, 7, 5]
    assert df.loc[2024, ["ditempatkan_6b", "lulusan_matang"]].tolist() == [3, 5]
    # 2023: P3 starts (A, F); nothing ends in 2023
    assert df.loc[2023, ["peserta", "lulusan", "ditempatkan_6b"]].tolist() == [2, 0, 0]
    for tahun in (2023, 2024):
        f = Filters(tahun=tahun, as_of=AS_OF)
        assert df.loc[tahun, "peserta"] == metrics.compute(conn, "peserta", f).value
        for kpi in (
            "tingkat_kelulusan",
            "tingkat_sertifikasi",
            "tingkat_penempatan_6b",
        ):
            result = metrics.compute(conn, kpi, f)
            got = df.loc[tahun, f"{kpi}_pct"]
            assert (pd.isna(got) and result.value is None) or got == result.value


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (F2024, 2),
        # in the quarter only TPT needs attention: a BPS figure, no breakdown
        (Filters(tahun=2024, kuartal=3, as_of=AS_OF), 1),
        (Filters(tahun=2024), 2),
    ],
    ids=["year", "quarter", "no reporting date"],
)
def test_page_numbers_in_two_statements_equal_each_part_alone(conn, filters, expected):
    """The page reads the year's targets, then fetches its KPIs in at most two
    statements: the trends, the table and the cards, then the breakdowns of the KPIs
    needing attention (none where nothing needing attention has any). The numbers
    equal those of each part fetched on its own."""
    options = options_from_db(conn)[0]
    all_years = [int(y) for y in db.run(conn, "overview/years")["tahun"]]
    ref = db.run(conn, "overview/kecamatan")
    years = [
        y for y in all_years if y <= (filters.as_of or date(filters.tahun, 12, 31)).year
    ]
    cards = overview.cards(conn, filters)
    want = (
        frames.funnel(conn, filters, years),
        frames.funding(conn, filters, years),
        frames.kecamatan_table(conn, filters, ref),
        cards,
        overview.attention(conn, filters, options, cards=cards),
    )
    with db.count_statements() as sent:
        got = overview.page_numbers(conn, filters, options, all_years, ref)
    for frame_got, frame_want in zip(got[:3], want[:3], strict=True):
        pd.testing.assert_frame_equal(frame_got, frame_want)
    assert got[3] == want[3]
    assert got[4] == want[4]
    assert sent.sent[0] == ("metrics/targets",)
    assert len(sent) == 1 + expected, sent.sent
    assert len(sent.sent[1]) >= 10  # the first statement holds every KPI query


def test_funding_shares_per_year(conn):
    df = frames.funding(conn, F2024, [2023, 2024])
    shares = {(r.tahun, r.sumber_dana): r.porsi_pct for r in df.itertuples()}
    # 2024 realisasi: APBN 90 + 20 (P3) = 110 juta, APBD 20 + 40 + 30 = 90 juta,
    # CSR 12 juta; 212 juta
    assert shares[(2024, "APBN")] == pytest.approx(110 / 212 * 100)
    assert shares[(2024, "APBD")] == pytest.approx(90 / 212 * 100)
    assert shares[(2024, "CSR")] == pytest.approx(12 / 212 * 100)
    assert shares[(2024, "lainnya")] == 0
    assert shares[(2023, "APBN")] == 100  # P3: 35 juta, all APBN
    empty = frames.funding(conn, F2024, [2019])
    assert empty["porsi_pct"].isna().all()  # no spending: not available, not 0


def test_tpt_trend_uses_the_registry_definition(tmp_path):
    conn = db.connect(":memory:")
    refresh.init_database(conn)
    trend = db.run(conn, "overview/tpt_trend")
    city = trend[trend["wilayah"] == "Kota Cilegon"]
    for r in city.itertuples():
        registry = metrics.compute(conn, "tpt", Filters(tahun=int(r.tahun))).value
        assert r.tpt_pct == pytest.approx(registry)
    # the published rate wins over released (rounded) counts: 15.010 / 207.000
    # would give 7,25...; with only the counts the definition divides them
    conn.execute(
        "update statistik_tenaga_kerja set angkatan_kerja = 207000 "
        "where tahun = 2023 and wilayah = 'Kota Cilegon'"
    )
    trend = db.run(conn, "overview/tpt_trend").set_index(["wilayah", "tahun"])
    assert trend.loc[("Kota Cilegon", 2023), "tpt_pct"] == 7.25
    conn.execute(
        "update statistik_tenaga_kerja set tpt_pct = null "
        "where tahun = 2023 and wilayah = 'Kota Cilegon'"
    )
    trend = db.run(conn, "overview/tpt_trend").set_index(["wilayah", "tahun"])
    assert trend.loc[("Kota Cilegon", 2023), "tpt_pct"] == pytest.approx(
        15010 / 207000 * 100
    )
    assert pd.isna(trend.loc[("Kota Cilegon", 2023), "tpt_terbitan_pct"])
    assert trend.loc[("Kota Cilegon", 2023), "tpt_pct"] == pytest.approx(
        metrics.compute(conn, "tpt", Filters(tahun=2023)).value
    )
    assert set(trend.index.get_level_values(0)) == {
        "Kota Cilegon",
        "Provinsi Banten",
        "Indonesia",
    }
    conn.close()


# ---- kecamatan and the map -----------------------------------------------------------------


def test_kecamatan_table(conn):
    ref = db.run(conn, "overview/kecamatan")
    table = frames.kecamatan_table(conn, F2024, ref).set_index("nama")
    # 2024 participants: Ciwandan A B, Citangkil C D, Cibeber E, Grogol G
    assert table["peserta"].to_dict() == {
        "Cibeber": 1,
        "Cilegon": 0,
        "Pulomerak": 0,
        "Ciwandan": 2,
        "Jombang": 0,
        "Grogol": 1,
        "Purwakarta": 0,
        "Citangkil": 2,
    }
    assert table.loc["Ciwandan", "peserta_per_1000"] == pytest.approx(2 / 54851 * 1000)
    assert table.loc["Cibeber", "tingkat_penempatan_6b_pct"] == 50.0  # E yes, F no
    assert table.loc["Ciwandan", "tingkat_penempatan_6b_pct"] == pytest.approx(200 / 3)
    assert pd.isna(table.loc["Jombang", "tingkat_penempatan_6b_pct"])
    # Ciwandan 2 of 3: centre (2 + 1.9208) / 6.8416 = 0.573082, half 1.96 ·
    # √(2·1/3 + 0.9604) / 6.8416 = 1.96 · 1.275565 / 6.8416 = 0.365427
    # → 20.77% … 93.85%; Jombang: no mature graduate, no interval
    ciwandan = table.loc["Ciwandan"]
    assert ciwandan["tingkat_penempatan_6b_lo_pct"] == pytest.approx(20.766, abs=0.001)
    assert ciwandan["tingkat_penempatan_6b_hi_pct"] == pytest.approx(93.851, abs=0.001)
    assert pd.isna(table.loc["Jombang", "tingkat_penempatan_6b_hi_pct"])
    assert table.loc["Grogol", "kecamatan_kode"] == "36.72.06"


@needs_real_boundaries
def test_boundaries_match_all_eight_kecamatan_by_code(conn):
    geojson = geo.load(BOUNDARIES)
    codes = list(db.run(conn, "overview/kecamatan")["kecamatan_kode"])
    found = geo.match(geojson, codes)
    assert found.complete and len(found.matched) == 8 and found.unknown == ()
    # Grogol is "Gerogol" in the Kemendagri file: matched on 36.72.06, not the name
    assert found.matched["36.72.06"] == "Gerogol"
    west, south, east, north = geo.bounds(geojson)
    assert 105.8 < west < east < 106.2 and -6.2 < south < north < -5.8


def test_crowded_names_on_the_map_go_above_and_below_their_points():
    """Worked by hand, map 1.0 wide (crowded: closer than 0.12): A and B are 0.05
    apart, B north of A; C is 0.5 from both; D and E are 0.12 apart, not crowded."""
    points = {
        "A": (0.10, 0.10),
        "B": (0.13, 0.14),
        "C": (0.60, 0.10),
        "D": (0.30, 0.90),
        "E": (0.42, 0.90),
    }
    assert geo.label_positions(points, 1.0) == {
        "A": "bottom center",
        "B": "top center",
        "C": "middle center",
        "D": "middle center",
        "E": "middle center",
    }
    assert geo.label_positions({}, 1.0) == {}


@needs_real_boundaries
def test_on_the_real_map_cilegon_and_cibeber_do_not_share_a_line():
    """Their points are 0.016° apart on a map 0.166° wide (9%): on a phone the names
    touched. Cilegon, the northern, goes above; Cibeber below; the others centred."""
    geojson = geo.load(BOUNDARIES)
    west, _, east, _ = geo.bounds(geojson)
    where = geo.label_positions(geo.label_points(geojson), east - west)
    assert where["36.72.02"] == "top center" and where["36.72.01"] == "bottom center"
    assert sum(p == "middle center" for p in where.values()) == 6


def test_match_reports_missing_and_unknown_codes(conn, boundaries):
    geojson = geo.load(boundaries)
    broken = {**geojson, "features": [dict(f) for f in geojson["features"]]}
    broken["features"][5] = {
        **broken["features"][5],
        "properties": {"kode": "36.72.99", "nama": "Grogol"},
    }
    found = geo.match(
        broken, list(db.run(conn, "overview/kecamatan")["kecamatan_kode"])
    )
    assert found.missing == ("36.72.06",)  # a right name under a wrong code: no match
    assert found.unknown == ("36.72.99",)


def _is_map(spec: dict) -> bool:
    return spec["data"][0].get("fill") == "toself"


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(float(v)) for v in colour[colour.index("(") + 1 : -1].split(","))


def test_map_figure_is_offline_and_keyed_on_kode(conn, boundaries):
    geojson = geo.load(boundaries)
    table = frames.kecamatan_table(conn, F2024, db.run(conn, "overview/kecamatan"))
    fig = charts.map_figure(geojson, table, "peserta_per_1000", "x", "id")
    shapes = [t for t in fig.data if t.fill == "toself"]
    assert [t.meta["kode"] for t in shapes] == list(table["kecamatan_kode"])
    # SVG on plain axes: no map or geo subplot, which fetch tiles, a world outline
    # and label fonts online
    assert {t.type for t in fig.data} == {"scatter"}
    assert not fig.layout.map.to_plotly_json() and not fig.layout.geo.to_plotly_json()
    labels = [name for t in fig.data if t.mode == "text" for name in t.text]
    assert sorted(labels) == sorted(table["nama"])
    # the darkest fill is the highest value; each hover names its kecamatan
    top = table.loc[table["peserta_per_1000"].idxmax(), "kecamatan_kode"]
    darkest = min(shapes, key=lambda t: sum(_rgb(t.fillcolor)))
    assert darkest.meta["kode"] == top
    assert all(t.text.startswith(f"{t.name}: ") for t in shapes)


def test_without_boundary_file_there_is_no_geojson(monkeypatch, tmp_path):
    monkeypatch.delenv("WORKFORCE_BOUNDARIES", raising=False)
    assert geo.load() is None
    monkeypatch.setenv("WORKFORCE_BOUNDARIES", str(tmp_path / "missing.geojson"))
    assert geo.load() is None


# ---- narrative ------------------------------------------------------------------------------

TREND = pd.DataFrame(
    [
        (2024, "Kota Cilegon", 6.08),
        (2025, "Kota Cilegon", 7.41),
        (2025, "Provinsi Banten", 6.69),
        (2025, "Indonesia", 4.85),
        (2024, "Provinsi Banten", 6.68),
        (2024, "Indonesia", 4.91),
    ],
    columns=["tahun", "wilayah", "tpt_pct"],
)


def test_tpt_summary_sentences():
    assert narrative.tpt_summary(TREND, 2025, "id") == (
        "TPT Kota Cilegon Agustus 2025 7,41%, naik 1,33 poin dari 2024 dan di atas "
        "Provinsi Banten (6,69%) serta Indonesia (4,85%)."
    )
    assert narrative.tpt_summary(TREND, 2025, "en") == (
        "Kota Cilegon's open unemployment rate in August 2025 was 7.41%, up 1.33 "
        "points from 2024 and above Provinsi Banten (6.69%) and Indonesia (4.85%)."
    )
    # 2024: no 2023 row here; below Banten, above Indonesia
    assert narrative.tpt_summary(TREND, 2024, "id") == (
        "TPT Kota Cilegon Agustus 2024 6,08%, di bawah Provinsi Banten (6,68%) "
        "serta di atas Indonesia (4,91%)."
    )
    assert narrative.tpt_summary(TREND, 2026, "en") == (
        "Kota Cilegon's open unemployment rate for August 2026 is not available."
    )


def test_card_and_attention_sentences(conn):
    cards = {c.metric.id: c for c in overview.cards(conn, F2024)}
    assert narrative.kpi_sentence(cards["peserta"], "id") == (
        "Peserta 2024: 6, naik 4 dari 2023; target 10, di luar target."
    )
    assert narrative.kpi_sentence(cards["tpt"], "en") == (
        "Open unemployment rate August 2024: 6.08%, down 1.17 points from August 2023; "
        "target 6.00%, at risk."
    )
    assert narrative.kpi_sentence(cards["upah_median"], "id") == (
        "Upah median saat penempatan 2024: Rp 5 juta, naik Rp 1 juta dari 2023."
    )
    options = {
        "kecamatan": ["Citangkil", "Ciwandan", "Cibeber"],
        "kejuruan": ["Garmen"],
    }
    items = overview.attention(conn, F2024, options)
    kelulusan = next(i for i in items if i.card.metric.id == "tingkat_kelulusan")
    assert narrative.attention_sentence(kelulusan, "id") == (
        "Tingkat kelulusan 2024: 63,64%; target 70,00%, berisiko. Paling memberatkan "
        "angka kota: kecamatan Citangkil 25,00% (1 dari 4); kejuruan Garmen 50,00% "
        "(2 dari 4)."
    )
    assert narrative.attention_sentence(kelulusan, "en") == (
        "Completion rate 2024: 63.64%; target 70.00%, at risk. Weighing most on the "
        "city figure: kecamatan Citangkil 25.00% (1 of 4); vocation Garmen 50.00% "
        "(2 of 4)."
    )
    assert narrative.attention_summary(items, True, F2024, "id") == (
        "4 indikator perlu perhatian (berisiko atau di luar target)."
    )
    assert narrative.attention_summary([], False, F2024, "en") == (
        "No targets are set for 2024."
    )


def test_chart_sentences(conn):
    funnel = frames.funnel(conn, F2024, [2023, 2024])
    assert narrative.funnel_summary(funnel, 2024, "id") == (
        "2024: 6 peserta, 7 lulusan, 5 tersertifikasi, 3 ditempatkan dalam 6 bulan "
        "(dari 5 lulusan yang sudah lewat 6 bulan)."
    )
    assert narrative.rates_summary(funnel, 2024, "en") == (
        "2024: Completion rate 63.64%, Certification rate 71.43%, "
        "Placed within 6 months 60.00%."
    )
    funding = frames.funding(conn, F2024, [2023, 2024])
    assert narrative.funding_summary(funding, 2024, "id") == (
        "Realisasi anggaran 2024 Rp 212 juta: APBN 51,89%, APBD 42,45%, CSR 5,66%."
    )
    assert narrative.funding_summary(funding, 2022, "en") == (
        "No spending is recorded for 2022."
    )
    names = ["Ciwandan", "Cibeber", "Jombang", "Pulomerak"]
    assert narrative.ranking_summary(
        names, [66.666, 50.0, None, None], "Penempatan", "pct", "id"
    ) == ("Penempatan: tertinggi di Ciwandan (66,67%), terendah di Cibeber (50,00%).")
    assert (
        narrative.ranking_summary(
            names, [0.5, 0.0, 0.0, None], "Per 1,000", "count", "en", digits=2
        )
        == "Per 1,000: highest in Ciwandan (0.50), lowest in Cibeber, Jombang (0.00)."
    )
    assert i18n.period_label(2024, 2, "id") == "Triwulan 2 2024"
    assert i18n.period_label(2024, 2, "en") == "Q2 2024"
    assert i18n.period_label(2024, None, "id", in_sentence=True) == "tahun 2024"


# ---- targets ---------------------------------------------------------------------------------


def test_save_and_remove_a_target_is_audited(db_copy):
    old = overview.save_target(db_copy, 2024, "tingkat_kelulusan", 60.0, "test-admin")
    assert old == 70
    overview.save_target(db_copy, 2025, "tpt", 5.5, "test-admin")
    overview.save_target(db_copy, 2024, "peserta", None, "test-admin")
    conn = db.connect(db_copy, read_only=True)
    try:
        assert metrics.targets(conn, 2024)["tingkat_kelulusan"] == 60
        assert "peserta" not in metrics.targets(conn, 2024)
        assert metrics.targets(conn, 2025) == {"tpt": 5.5}
        log = conn.execute(
            'select user_name, action, detail from audit_log order by "at"'
        ).fetchall()
    finally:
        conn.close()
    assert log == [
        ("test-admin", "target_change", "tingkat_kelulusan 2024: 70.0 -> 60.0"),
        ("test-admin", "target_change", "tpt 2025: None -> 5.5"),
        ("test-admin", "target_change", "peserta 2024: 10.0 -> None"),
    ]
    with pytest.raises(KeyError):
        overview.save_target(db_copy, 2024, "not_a_kpi", 1.0, "test-admin")


# ---- the page under AppTest ----------------------------------------------------------------------

CARDS = {
    # label key -> (id value, en value)
    "tpt": ("6,08%", "6.08%"),
    "peserta": ("6", "6"),
    "tingkat_kelulusan": ("63,64%", "63.64%"),
    "tingkat_sertifikasi": ("71,43%", "71.43%"),
    "tingkat_penempatan_6b": ("60,00%", "60.00%"),
    "upah_median": ("Rp 5 juta", "Rp 5M"),  # "Rp 5 million" would not fit
    "serapan_anggaran": ("92,17%", "92.17%"),
    "biaya_per_penempatan": ("Rp 65 juta", "Rp 65M"),
}
BADGE = re.compile(r"^:[a-z]+-badge\[:material/[a-z_]+: (.+)\]$")
BADGES = {
    "id": ["Berisiko", "Di luar target", "Berisiko", "Sesuai target"]
    + ["Di luar target", "Tanpa target", "Tanpa target", "Sesuai target"],
    "en": ["At risk", "Off track", "At risk", "On track"]
    + ["Off track", "No target", "No target", "On track"],
}


def _overview(app_test, path: Path, lang: str, role: str = "admin", **params):
    at = app_test(path, lang=lang, role=role, tahun="2024", **params).run()
    at.switch_page("pages/ringkasan.py").run()
    assert not at.exception, at.exception
    return at


def _array(value) -> list:
    """A Plotly spec array: a plain list or a typed ``{"dtype", "bdata"}`` block."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), value["dtype"]).tolist()
    return list(value)


def _badges(at) -> list[str]:
    """The status badges' texts, card by card (``:orange-badge[:material/x: Text]``)."""
    found = (BADGE.search(m.value) for m in at.markdown)
    return [m.group(1) for m in found if m]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_table_under_a_chart_has_headers_in_the_readers_language(
    app_test, overview_db, lang
):
    """No field name (``tpt_pct``, ``sumber_dana``) reaches a reader: the TPT,
    funnel, rates, funding and map tables are headed in the page's language, the
    funding source ``lainnya`` reads as a word."""
    at = _overview(app_test, overview_db, lang)
    frames = [f.value for f in at.dataframe]
    assert len(frames) >= 5
    for frame in frames:
        raw = [c for c in map(str, frame.columns) if re.fullmatch(r"[a-z0-9_]+", c)]
        assert not raw, raw
    headers = {str(c) for f in frames for c in f.columns}
    expected = (
        {
            "Sumber dana",
            "Tingkat kelulusan (%)",
            "Peserta per 1.000 penduduk",
        }
        if lang == "id"
        else {
            "Funding source",
            "Participants per 1,000 residents",
        }
    )
    assert expected <= headers
    assert f"{metrics.get('tpt').name(lang)} (%)" in headers
    sources = {
        v for f in frames if "Sumber dana" in f.columns for v in f["Sumber dana"]
    }
    assert "lainnya" not in sources


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_cards_match_the_hand_computed_fixture(app_test, overview_db, lang):
    at = _overview(app_test, overview_db, lang)
    index = 0 if lang == "id" else 1
    shown = {m.label: m.value for m in at.metric}
    expected = {metrics.get(k).short_name(lang): v[index] for k, v in CARDS.items()}
    # the KPI cards, then the 12-month card (6-month rate beside the 12-month one)
    twelve = metrics.get("retensi_12b").short_name(lang)
    assert shown == expected | {twelve: shown[twelve]}
    by_label = {m.label: m for m in at.metric}
    tpt = by_label[metrics.get("tpt").short_name(lang)]
    assert tpt.proto.delta == ("-1,17 poin" if lang == "id" else "-1.17 points")
    assert tpt.proto.color == 1  # GREEN: unemployment fell, lower is better
    assert tpt.label == ("TPT" if lang == "id" else "Unemployment (TPT)")
    assert metrics.get("tpt").name(lang) in tpt.help  # the full name on hover
    peserta = by_label[metrics.get("peserta").short_name(lang)]
    assert peserta.proto.delta == "+4" and peserta.proto.color == 1
    serapan = by_label[metrics.get("serapan_anggaran").short_name(lang)]
    assert serapan.proto.delta == ("+4,67 poin" if lang == "id" else "+4.67 points")
    assert serapan.proto.color == 1  # GREEN: absorption rose, higher is better
    kelulusan = by_label[metrics.get("tingkat_kelulusan").short_name(lang)]
    assert kelulusan.proto.delta == ""  # nothing ended in 2023: no change to show
    assert metrics.get("tingkat_kelulusan").definition(lang) in kelulusan.help
    # status per card: tpt at risk (lower is better, 6,08 vs 6,0), kelulusan at risk
    # (higher is better, 63,64 vs 70), biaya on track (lower, 65 vs 70 juta) ...
    assert _badges(at) == BADGES[lang]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_charts_have_sentences_tables_and_downloads(
    app_test, overview_db, monkeypatch, lang, boundaries
):
    monkeypatch.setenv("WORKFORCE_BOUNDARIES", str(boundaries))
    at = _overview(app_test, overview_db, lang)
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    types = [s["data"][0]["type"] for s in specs]
    assert types == ["scatter", "bar", "scatter", "bar", "scatter", "bar"]
    assert [_is_map(s) for s in specs] == [False] * 4 + [True, False]
    assert len(at.get("download_button")) == 6  # one "view data" CSV per chart
    captions = [c.value for c in at.caption]
    expected = (
        "Realisasi anggaran 2024 Rp 212 juta" if lang == "id" else "Spending in 2024"
    )
    assert any(c.startswith(expected) for c in captions)
    tpt = specs[0]["data"]
    assert [t["name"] for t in tpt][:3] == [
        "Kota Cilegon",
        "Provinsi Banten",
        "Indonesia",
    ]
    assert _array(tpt[3]["y"]) == [7.0, 6.0]  # the 2023 and 2024 TPT targets
    assert not at.info  # the map is there: no "needs a boundary file" note


def test_page_without_boundary_file_shows_bars_and_says_why(
    app_test, overview_db, monkeypatch
):
    monkeypatch.delenv("WORKFORCE_BOUNDARIES", raising=False)
    at = _overview(app_test, overview_db, "en")
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert not any(_is_map(s) for s in specs) and specs[-1]["data"][0]["type"] == "bar"
    assert any("WORKFORCE_BOUNDARIES" in i.value for i in at.info)


def test_a_saved_target_is_listed_exactly_in_its_kpis_unit():
    from workforce.overview import ui as overview_ui

    assert overview_ui._target_text("tpt", 6.4, "id") == "6,40%"
    assert overview_ui._target_text("peserta", 1150.0, "id") == "1.150"
    assert overview_ui._target_text("biaya_per_penempatan", 12_750_000.0, "id") == (
        "Rp 12.750.000"
    )
    assert overview_ui._target_text("peserta", 1150.0, "en") == "1,150"


def test_targets_editor_only_for_admins_and_saves(app_test, db_copy):
    staff = _overview(app_test, db_copy, "id", role="staff")
    assert not [e for e in staff.expander if "target" in e.label.lower()]
    at = _overview(app_test, db_copy, "id")
    # the saved TPT target of 2024 (6) opens in the box and reads 6,00% in the table
    at.selectbox(key="ov_target_kpi").select("tpt").run()
    assert at.number_input(key="ov_target_nilai_tpt_2024").value == 6.0
    listed = next(d.value for d in at.dataframe if "Nilai target" in d.value.columns)
    assert "6,00%" in listed["Nilai target"].tolist()
    at.selectbox(key="ov_target_kpi").select("tingkat_kelulusan").run()
    at.number_input(key="ov_target_nilai_tingkat_kelulusan_2024").set_value(60.0)
    at.button[[b.label for b in at.button].index("Simpan target")].click().run()
    assert not at.exception, at.exception
    assert any(
        "Target Tingkat kelulusan 2024 disimpan: 60,00%" in s.value for s in at.success
    )
    # 63,64% against the new target 60: on track now (the file was swapped in)
    assert _badges(at)[2] == "Sesuai target"


def test_page_for_a_quarter_and_a_kecamatan(app_test, overview_db):
    at = _overview(app_test, overview_db, "id", kuartal="2")
    peserta = {m.label: m for m in at.metric}["Peserta"]
    # Q2 2024: P4 starts (D, E) -> 2; Q1: P1 (A B C D E) -> 5; change -3
    assert (peserta.value, peserta.proto.delta) == ("2", "-3")
    assert "Target setahun: 10 (status hanya untuk setahun penuh tanpa filter)" in [
        c.value for c in at.caption
    ]
    at = _overview(app_test, overview_db, "en", kecamatan="Citangkil")
    shown = {m.label: m.value for m in at.metric}
    assert shown["Participants"] == "2"  # C and D
    assert shown["Completion rate"] == "25.00%"  # C-P1 no, D-P1 no, C-P2 yes, D-P4 no


def _texts(at) -> str:
    """Every sentence, caption and card help text on the page, joined."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join(parts + [m.help or "" for m in at.metric])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_quarter_labels_every_figure_with_the_period_it_covers(
    app_test, overview_db, lang
):
    """Triwulan 1 picked: quarterly KPIs say the quarter; the budget's absorption
    (yearly lines) and TPT (BPS's August survey) say the year they cover, and
    that no quarterly figure exists."""
    at = _overview(app_test, overview_db, lang, kuartal="1")
    text = _texts(at)
    q1, year = ("Triwulan 1 2024", "2024") if lang == "id" else ("Q1 2024", "2024")
    serapan = metrics.get("serapan_anggaran").name(lang)
    assert f"{serapan} {year}: 92" in text  # the yearly figure, called the year's
    assert f"{serapan} {q1}" not in text
    august = "Agustus 2024" if lang == "id" else "August 2024"
    assert f"{metrics.get('tpt').name(lang)} {august}" in text
    assert f"{metrics.get('peserta').name(lang)} {q1}" in text
    only = "Tidak ada angka per triwulan" if lang == "id" else "No quarterly figure"
    only_captions = [c.value for c in at.caption if c.value.startswith(only)]
    assert len(only_captions) == 2  # TPT and serapan anggaran; the others are Q1


def _funnel_traces(at) -> list[str]:
    spec = json.loads(at.get("plotly_chart")[1].proto.spec)
    return [t.get("name", "") for t in spec["data"]]


def test_city_targets_are_not_drawn_over_a_filtered_selection(app_test, overview_db):
    target = i18n.t(
        "overview.chart.target_of", "en", name=i18n.t("overview.stage.peserta", "en")
    )
    assert target in _funnel_traces(_overview(app_test, overview_db, "en"))
    at = _overview(app_test, overview_db, "en", kecamatan="Ciwandan")
    assert target not in _funnel_traces(at)
    assert any("target is for the whole city" in c.value for c in at.caption)


def test_the_map_names_every_kecamatan_on_it(
    app_test, overview_db, monkeypatch, boundaries
):
    monkeypatch.setenv("WORKFORCE_BOUNDARIES", str(boundaries))
    at = _overview(app_test, overview_db, "id")
    spec = next(
        json.loads(c.proto.spec)
        for c in at.get("plotly_chart")
        if _is_map(json.loads(c.proto.spec))
    )
    labels = [t for t in spec["data"] if t.get("mode") == "text"]
    named = [n for t in labels for n in t.get("text", [])]
    shapes = [t["name"] for t in spec["data"] if t.get("fill") == "toself"]
    assert sorted(named) == sorted(shapes)  # every kecamatan, once
    lon = [x for t in labels for x in _array(t.get("x", []))]
    assert all(105.9 < x < 106.1 for x in lon)  # inside Cilegon


def test_chart_ticks_write_thousands_the_indonesian_way(app_test, overview_db) -> None:
    """Counts get thousands separators (1.000, beside labels like 1.010); an axis of
    years stays 2024, one tick per year."""
    at = _overview(app_test, overview_db, "id")
    funnel = json.loads(at.get("plotly_chart")[1].proto.spec)["layout"]
    assert funnel["separators"] == ",."
    assert funnel["yaxis"]["separatethousands"] is True
    assert funnel["xaxis"]["tickformat"] == "d" and funnel["xaxis"]["dtick"] == 1
