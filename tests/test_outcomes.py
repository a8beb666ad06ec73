"""Training outcomes, placements and link & match, against hand-computed values.

The base fixture is ``build`` of tests/fixtures.py (every row listed there);
the link-and-match tests add a few rows (``EXTRA`` below) to have several years.
The arithmetic is written beside each assertion. The page queries must agree with
the KPI registry, so several tests compare them with ``metrics.compute`` directly.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tests.fixtures import build
from workforce import refresh
from workforce.core import db, i18n, metrics
from workforce.core.filters import Filters, bind
from workforce.outcomes import numbers as oc
from workforce.outcomes import text as ot

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("pages/pelatihan.py", "pages/penempatan.py", "pages/link_match.py")


@pytest.fixture(scope="module")
def conn():
    connection = db.connect(":memory:")
    refresh.init_database(connection)
    build(connection)
    yield connection
    connection.close()


def run(conn, name: str, filters: Filters) -> pd.DataFrame:
    return db.run(conn, name, **bind(name, filters))


def by_group(conn, filters: Filters) -> pd.DataFrame:
    """Every breakdown: the month-mart ones and each per-enrolment one."""
    name = "pelatihan/outcomes_by_enrolment"
    parts = [run(conn, "pelatihan/outcomes_by_group", filters)] + [
        db.run(conn, name, **bind(name, filters, dimension=dim))
        for dim in oc.PER_ENROLMENT
    ]
    return pd.concat(parts, ignore_index=True)


def row_level(conn, filters: Filters) -> pd.DataFrame:
    """The same counts straight from mart_enrolment (tests/sql/outcomes_by_group_rows.sql)."""
    sql = (ROOT / "tests" / "sql" / "outcomes_by_group_rows.sql").read_text()
    params = bind("pelatihan/outcomes_by_group", filters)
    return conn.execute(sql, params).df()


# ---- funnel ---------------------------------------------------------------------------


def test_funnel_counts_and_rates(conn):
    stages = oc.funnel(by_group(conn, Filters(tahun=2024))).set_index("stage")
    # programmes ending in 2024: P1, P2, P3 (ends 2024-01-20), P4 -> 5 + 2 + 2 + 2 = 11
    # enrolments, all ended; lulus A B E (P1), A F (P3), G C (P2) = 7 -> 7/11
    assert (
        by_group(conn, Filters(tahun=2024))
        .query("dimension == 'total'")["selesai_count"]
        .item()
        == 11
    )
    assert stages.loc["terdaftar", "count"] == 11
    assert stages.loc["lulus", ["count", "base"]].tolist() == [7, 11]
    assert stages.loc["lulus", "pct"] == pytest.approx(7 / 11 * 100)
    # certified: A(P1) E(P1) A(P3) F(P3) C(P2) = 5 of 7 graduates
    assert stages.loc["tersertifikasi", ["count", "base"]].tolist() == [5, 7]
    # mature graduates (lulus <= 2024-07-01): A B E (P1), A F (P3) = 5; placed within
    # 6 months: A(P1) at -15 days, E at day 61, A(P3) at day 26 = 3 -> 60 %
    assert stages.loc["ditempatkan_6b", ["count", "base"]].tolist() == [3, 5]
    assert stages.loc["ditempatkan_6b", "pct"] == pytest.approx(60.0)
    assert not stages["reliable"].iloc[1:].any()  # every base is under 20


@pytest.mark.parametrize("lang", ["id", "en"])
def test_funnel_chart_names_each_bar_above_it(conn, lang):
    """The same 2024 funnel as drawn: each stage's name and count above its bar, the
    rate with its own base on a line of its own (⚠: every base is under 20)."""
    from workforce.outcomes import charts as ch

    fig = ch.funnel_figure(oc.funnel(by_group(conn, Filters(tahun=2024))), lang)
    notes = [a.text for a in fig.layout.annotations]
    if lang == "id":
        assert notes == [
            "<b>Terdaftar</b>: 11",
            "<b>Lulus</b>: 7<br>63,64% dari pendaftaran yang selesai (11) ⚠",
            "<b>Tersertifikasi</b>: 5<br>71,43% dari lulusan (7) ⚠",
            "<b>Ditempatkan ≤ 6 bulan</b>: 3<br>60,00% dari lulusan ≥ 6 bulan (5) ⚠",
        ]
    else:
        assert notes[3] == (
            "<b>Placed ≤ 6 months</b>: 3<br>60.00% of graduates ≥ 6 months ago (5) ⚠"
        )
    assert list(fig.data[0].x) == [11, 7, 5, 3]
    assert list(fig.data[0].marker.pattern.shape) == [
        "",
        ch.HATCH,
        ch.HATCH,
        ch.HATCH,
    ]


def test_funnel_by_kejuruan_with_rates_and_small_sample_flags(conn):
    rows = oc.breakdown(by_group(conn, Filters(tahun=2024)), "kejuruan").set_index(
        "grp"
    )
    # Las = P1 + P3: 7 enrolments, lulus 5, certified A E A F = 4, mature 5, placed 3
    las = rows.loc["Las"]
    assert [las.terdaftar_count, las.lulus_count, las.tersertifikasi_count] == [7, 5, 4]
    assert las.kelulusan_pct == pytest.approx(5 / 7 * 100)
    assert las.sertifikasi_pct == pytest.approx(4 / 5 * 100)
    assert (las.penempatan_6b_pct, las.penempatan_6b_n) == (pytest.approx(60.0), 5)
    # Garmen = P2 + P4: 4 enrolments, lulus G C = 2 (P4 none), certified C = 1;
    # G and C graduated 2024-10-15: not mature, so no placement rate (not 0)
    garmen = rows.loc["Garmen"]
    assert [garmen.terdaftar_count, garmen.lulus_count] == [4, 2]
    assert garmen.kelulusan_pct == pytest.approx(50.0)
    assert pd.isna(garmen.penempatan_6b_pct) and garmen.penempatan_6b_n == 0
    assert not rows["penempatan_6b_reliable"].any()  # n 5 and 0 < 20
    assert rows.index.tolist() == ["Las", "Garmen"]  # largest group first


def test_breakdown_rates_carry_wilson_intervals(conn):
    from workforce.outcomes import tables as tb

    rows = oc.breakdown(by_group(conn, Filters(tahun=2024)), "kejuruan")
    las = rows.set_index("grp").loc["Las"]
    # Las completion 5 of 7: centre (5 + 1.9208) / 10.8416 = 0.638356, half
    # 1.96 · √(5·2/7 + 0.9604) / 10.8416 = 1.96 · 1.545630 / 10.8416 = 0.279427
    # → 35.89% … 91.78%
    assert (las.kelulusan_lo, las.kelulusan_hi) == (
        pytest.approx(35.893, abs=0.001),
        pytest.approx(91.778, abs=0.001),
    )
    # Garmen: no mature graduate, so no placement rate and no interval
    garmen = rows.set_index("grp").loc["Garmen"]
    assert pd.isna(garmen.penempatan_6b_lo) and pd.isna(garmen.penempatan_6b_hi)
    table = tb.breakdown_table(rows, "kejuruan", "id").set_index("Kejuruan")
    assert table.loc["Las", "Kelulusan (selang 95%)"] == "71,4% (35,9–91,8%)"
    # 3 of 5 placed: 60,0% (23,1–88,2%), n 5 beside it
    assert table.loc["Las", "Ditempatkan ≤ 6 bln (selang 95%)"] == "60,0% (23,1–88,2%)"
    assert table.loc["Las", "n lulusan ≥ 6 bln"] == 5
    assert table.loc["Garmen", "Ditempatkan ≤ 6 bln (selang 95%)"] == "t.a."
    en = tb.breakdown_table(rows, "kejuruan", "en").set_index("Vocation")
    assert en.loc["Las", "Completion (95% interval)"] == "71.4% (35.9–91.8%)"


def test_local_share_table_has_intervals():
    from workforce.outcomes import tables as tb

    local = pd.DataFrame(
        {"kejuruan": ["Las", "Garmen"], "lokal_count": [8, 0], "luar_count": [2, 0]}
    )
    table = tb.local_table(local, "id")
    # 8 of 10 local: Wilson 49,0% … 94,3% (centre 9.9208 / 13.8416 = 0.716738,
    # half 1.96 · √(8·2/10 + 0.9604) / 13.8416 = 1.96 · 1.588207 / 13.8416 = 0.224894)
    assert table.iloc[0].tolist()[1:] == [8, 2, 80.0, "80,0% (49,0–94,3%)"]
    assert table.iloc[1].tolist()[-1] == "t.a."  # no placement, no share


def test_equity_and_batch_breakdowns(conn):
    df = by_group(conn, Filters(tahun=2024))
    kec = oc.breakdown(df, "kecamatan").set_index("grp")
    # Ciwandan: A (P1, P3) and B (P1) = 3 enrolments, all graduated and mature;
    # placed A(P1) and A(P3) -> 2 of 3
    assert kec.loc[
        "Ciwandan", ["terdaftar_count", "ditempatkan_6b_count"]
    ].tolist() == [
        3,
        2,
    ]
    # men: A (P1, P3), C (P1, P2), E (P1, P4), G (P2) = 7 enrolments; women: B (P1),
    # D (P1, P4), F (P3) = 4; D has a disability: 2 of 11 (largest group first)
    assert oc.breakdown(df, "jenis_kelamin")["grp"].tolist() == ["L", "P"]
    assert oc.breakdown(df, "disabilitas")["grp"].tolist() == ["tidak", "ya"]
    sexes = oc.breakdown(df, "jenis_kelamin").set_index("grp")["terdaftar_count"]
    assert sexes.to_dict() == {"L": 7, "P": 4}
    batch = oc.breakdown(df, "kode_program").set_index("grp")
    # P4: D and E ended without graduating: a real 0 %, not "not available"
    assert batch.loc["P4", ["lulus_count", "selesai_count"]].tolist() == [0, 2]
    assert batch.loc["P4", "kelulusan_pct"] == 0
    # age at programme start: E 19 (P1, P4) -> 15-19: 2; A 24 (P1) and 23 (P3), C 22
    # (P1) and 23 (P2), G 20 -> 20-24: 5; D 25 (P1, on her birthday; P4) -> 25-29: 2;
    # B 30 (P1) -> 30-34: 1; F 35 (P3) -> 35+: 1
    ages = oc.breakdown(df, "kelompok_umur").set_index("grp")["terdaftar_count"]
    assert ages.to_dict() == {"15-19": 2, "20-24": 5, "25-29": 2, "30-34": 1, "35+": 1}


@pytest.mark.parametrize(
    "dims",
    [
        {},
        {"kejuruan": ("Las",)},
        {"kejuruan": ("Garmen",)},
        {"kecamatan": ("Ciwandan", "Cibeber")},
        {"jenis": ("sertifikasi",)},
        {"sumber_dana": ("APBD",)},
        {"penyelenggara": ("BBPVP Serang",)},
    ],
)
@pytest.mark.parametrize("as_of", [None, date(2025, 6, 30)])
def test_funnel_total_is_the_registry(conn, dims, as_of):
    filters = Filters(tahun=2024, dims=dims, as_of=as_of)
    total = by_group(conn, filters).query("dimension == 'total'").iloc[0]
    for spec in oc.RATES:
        kpi = {
            "kelulusan": "tingkat_kelulusan",
            "sertifikasi": "tingkat_sertifikasi",
            "penempatan_6b": "tingkat_penempatan_6b",
        }[spec.name]
        r = metrics.compute(conn, kpi, filters)
        assert (total[spec.numerator], total[spec.denominator]) == (
            r.numerator,
            r.denominator,
        ), (kpi, dims)


def test_every_kejuruan_row_is_the_registry_filtered_to_it(conn):
    rows = oc.breakdown(by_group(conn, Filters(tahun=2024)), "kejuruan")
    for row in rows.itertuples():
        r = metrics.compute(
            conn,
            "tingkat_kelulusan",
            Filters(tahun=2024, dims={"kejuruan": (row.grp,)}),
        )
        assert (row.lulus_count, row.selesai_count) == (r.numerator, r.denominator)


# ---- cohorts ------------------------------------------------------------------------


def cohort_points(conn, grain: str, as_of: date) -> dict:
    curve = oc.cohort_curve(
        run(conn, "pelatihan/cohort_placement", Filters(tahun=2024)), grain, as_of
    )
    return {
        (str(r.cohort_start)[:10], r.bulan): (
            None if pd.isna(r.ditempatkan_pct) else round(r.ditempatkan_pct, 2)
        )
        for r in curve.itertuples()
    }


def test_cohort_curve_by_quarter_leaves_immature_points_empty(conn):
    # Q1 2024 cohort (ends 2024-03-31): A B E (P1, lulus 03-01), A F (P3, 01-20) = 5.
    # days to first placement: A/P1 -15, A/P3 26, E 61, B 214, F none (its
    # apprenticeship began 50 days before graduating, outside the -30 day window).
    # Q4 2024 cohort: G (day 17), C (none), lulus 2024-10-15.
    points = cohort_points(conn, "kuartal", date(2024, 12, 31))
    assert points == {
        ("2024-01-01", 1): 40.0,  # A/P1, A/P3 = 2 of 5; mature: 03-31 + 30 <= 12-31
        ("2024-01-01", 3): 60.0,  # + E = 3 of 5
        ("2024-01-01", 6): 60.0,  # still 3 (B at day 214)
        ("2024-01-01", 12): None,  # 03-31 + 365 days > 12-31: immature
        ("2024-10-01", 1): None,  # 12-31 + 30 > 12-31
        ("2024-10-01", 3): None,
        ("2024-10-01", 6): None,
        ("2024-10-01", 12): None,
    }
    later = cohort_points(conn, "kuartal", date(2025, 6, 30))
    assert later[("2024-01-01", 12)] == 80.0  # + B (day 214) = 4 of 5
    assert later[("2024-10-01", 1)] == 50.0  # G at day 17 = 1 of 2
    assert later[("2024-10-01", 3)] == 50.0  # 12-31 + 91 = 2025-04-01 <= 06-30
    assert later[("2024-10-01", 6)] is None  # 12-31 + 183 = 2025-07-02 > 06-30


def test_a_cohort_without_a_single_point_is_named_not_drawn(conn):
    """At 2024-12-31 the Q4 2024 cohort (lulus 2024-10-15) has no point old enough:
    the chart leaves it out of the lines and the legend, the sentence says so; by
    2025-06-30 it has points and is drawn."""
    from workforce.outcomes import charts as ch

    rows = run(conn, "pelatihan/cohort_placement", Filters(tahun=2024))
    curve = oc.cohort_curve(rows, "kuartal", date(2024, 12, 31))
    fig = ch.cohort_figure(curve, "kuartal", "id")
    assert [t.name for t in fig.data] == ["T1 2024"]
    # no cohort of the selection is 6 months old at 2024-12-31 except Q1's 5
    assert ot.cohort_sentence(curve, "kuartal", "id") == (
        "Angkatan T1 2024 ditempatkan 60,0% dalam 6 bulan (n = 5); angkatan lain"
        " belum cukup umur atau tidak ada. Angkatan T4 2024 belum cukup umur untuk"
        " satu titik pun, jadi belum digambar."
    )
    assert ot.cohort_sentence(curve, "kuartal", "en").endswith(
        " Cohort Q4 2024: not yet old enough for any point, so not drawn."
    )
    later = oc.cohort_curve(rows, "kuartal", date(2025, 6, 30))
    names = [t.name for t in ch.cohort_figure(later, "kuartal", "id").data]
    assert names == ["T1 2024", "T4 2024"]
    assert "belum digambar" not in ot.cohort_sentence(later, "kuartal", "id")


def test_year_cohort_at_six_months_is_the_registry(conn):
    as_of = date(2025, 7, 2)  # 2024-12-31 + 183 days: the 2024 cohort is mature
    points = cohort_points(conn, "tahun", as_of)
    # 7 graduates of 2024; within 183 days: A/P1, A/P3, E, G = 4 -> 57.14 %
    assert points[("2024-01-01", 6)] == round(4 / 7 * 100, 2)
    r = metrics.compute(conn, "tingkat_penempatan_6b", Filters(tahun=2024, as_of=as_of))
    assert (r.numerator, r.denominator) == (4, 7)
    assert points[("2024-01-01", 12)] is None  # needs 2025-12-31
    assert oc.mature_cohorts(
        oc.cohort_curve(
            run(conn, "pelatihan/cohort_placement", Filters(tahun=2024)), "tahun", as_of
        ),
        6,
    )["lulusan_count"].tolist() == [7]


# ---- placements ---------------------------------------------------------------------


def test_placements_per_month_sum_to_the_registry(conn):
    df = run(conn, "penempatan/by_month", Filters(tahun=2024))
    # D's job (2023-06-01) and F's apprenticeship (2023-12-01) show as the year before
    assert df[df["bulan"] < pd.Timestamp("2024-01-01")]["penempatan_count"].sum() == 2
    in_2024 = df[df["bulan"] >= pd.Timestamp("2024-01-01")]
    per_jenis = in_2024.groupby("jenis_penempatan")["penempatan_count"].sum().to_dict()
    assert per_jenis == {"kerja": 3, "wirausaha": 1}  # A B G; E
    r = metrics.compute(conn, "penempatan", Filters(tahun=2024))
    assert {k: v.value for k, v in r.by.items() if v.value} == per_jenis


def test_sectors_employers_and_local_share(conn):
    employers = run(conn, "penempatan/by_employer", Filters(tahun=2024))
    # E1 PT Baja (C, Apindo, Ciwandan): A, G; E2 PT Luar (H, outside): B
    assert employers[["kode_perusahaan", "penempatan_count"]].values.tolist() == [
        ["E1", 2],
        ["E2", 1],
    ]
    sectors = oc.sectors(employers)
    assert sectors[
        ["sektor_kbli", "apindo_count", "lainnya_count"]
    ].values.tolist() == [
        ["C", 2, 0],
        ["H", 0, 1],
    ]
    assert oc.apindo_share(employers) == pytest.approx(2 / 3 * 100)
    local = run(conn, "penempatan/local_by_kejuruan", Filters(tahun=2024))
    # Las: A at E1 (local), B at E2 (outside); Garmen: G at E1
    assert local.set_index("kejuruan").to_dict("index") == {
        "Las": {"lokal_count": 1, "luar_count": 1},
        "Garmen": {"lokal_count": 1, "luar_count": 0},
    }
    porsi = metrics.compute(conn, "porsi_lokal", Filters(tahun=2024))
    assert (
        local["lokal_count"].sum(),
        (local["lokal_count"] + local["luar_count"]).sum(),
    ) == (
        porsi.numerator,
        porsi.denominator,
    )


def test_wage_quartiles_by_kejuruan(conn):
    wages = run(conn, "penempatan/wage_by_kejuruan", Filters(tahun=2024))
    # kerja wages 2024: A 5 jt, B 4 jt (Las), G 6 jt (Garmen)
    median, umk, n = oc.wage_total(wages)
    assert (median, umk, n) == (5_000_000, 4_815_102, 3)
    assert median == metrics.compute(conn, "upah_median", Filters(tahun=2024)).value
    rows = oc.wage_rows(wages).set_index("kejuruan")
    # Las [4, 5] jt: p25 4.25, median 4.5, p75 4.75 (linear interpolation)
    assert rows.loc["Las", ["p25_rupiah", "median_rupiah", "p75_rupiah"]].tolist() == [
        4_250_000,
        4_500_000,
        4_750_000,
    ]
    assert rows.index.tolist() == ["Garmen", "Las"]  # highest median first
    assert not rows["reliable"].any()


def test_time_to_placement_bins(conn):
    filters = Filters(tahun=2024)  # reporting date 2024-12-31
    bins = run(conn, "penempatan/time_to_placement", filters)
    # 2024 graduates mature at 2024-12-31 (graduated by 2024-07-01): A/P1 -15
    # (bin 1), A/P3 26 (bin 2), E 61 (bin 3), B 214 (bin 5), F none (bin 7); G and
    # C (2024-10-15) are left out, as the KPI leaves them out
    assert dict(zip(bins["bin"], bins["lulusan_count"], strict=True)) == {
        1: 1,
        2: 1,
        3: 1,
        5: 1,
        7: 1,
    }
    assert oc.placed_within(bins, 2) == (2, 5)
    placed, graduates = oc.placed_within(bins, 4)
    assert (placed, graduates) == (3, 5)
    kpi = metrics.compute(conn, "tingkat_penempatan_6b", filters)
    assert (kpi.numerator, kpi.denominator) == (placed, graduates)  # one figure


# ---- link and match -----------------------------------------------------------------


@pytest.fixture(scope="module")
def conn_years():
    """The fixture with its "link_match" extension (tests/fixtures.py): P6 (Garmen,
    2023: B G E graduate on 2023-06-30), more vacancies (Las 2023: 4; Garmen 2022: 3;
    Las 2022: 0) and employer E4 with 5 Las vacancies in 2024 that took on only D,
    who never graduated."""
    connection = db.connect(":memory:")
    refresh.init_database(connection)
    build(connection, extras=("link_match",))
    yield connection
    connection.close()


def test_gaps_by_year(conn_years):
    gaps = run(conn_years, "link_match/gap_by_year", Filters(tahun=2024))
    got = {
        (r.tahun, r.kejuruan): (r.lowongan_count, r.lulusan_count, r.gap_count)
        for r in gaps.itertuples()
    }
    assert got == {
        # 2024 Las: vacancies 10 + 2 + 5 (E4) = 17, graduates A B E (P1) A F (P3) = 5
        (2024, "Las"): (17, 5, 12),
        (2024, "Garmen"): (1, 2, -1),  # E1 1 vacancy; G C graduate (P2)
        (2023, "Las"): (4, 0, 4),  # E1 4; nobody graduated in Las in 2023
        (2023, "Garmen"): (0, 3, -3),  # no vacancy; B G E graduate (P6)
        (2022, "Garmen"): (3, 0, 3),  # E2 3
        (2022, "Las"): (0, 0, 0),  # a reported row of 0 vacancies
    }


@pytest.mark.parametrize("kejuruan", [None, ("Garmen",)])
def test_gaps_by_year_are_the_registry_year_by_year(conn_years, kejuruan):
    dims = {"kejuruan": kejuruan} if kejuruan else {}
    gaps = run(conn_years, "link_match/gap_by_year", Filters(tahun=2024, dims=dims))
    for year in (2020, 2021, 2022, 2023, 2024):
        r = metrics.compute(
            conn_years, "kesenjangan_link_match", Filters(tahun=year, dims=dims)
        )
        ours = gaps[gaps["tahun"] == year].set_index("kejuruan")
        assert {k: v.value for k, v in r.by.items()} == ours["gap_count"].to_dict()
        assert {k: v.numerator for k, v in r.by.items()} == ours[
            "lowongan_count"
        ].to_dict()
        assert (r.value or 0) == ours["gap_count"].sum()


def test_supply_classes_of_one_year(conn_years):
    rows = oc.gap_year(
        run(conn_years, "link_match/gap_by_year", Filters(tahun=2024)), 2024
    )
    # Las +12 of 17: under-supplied; Garmen -1 of 2 (|1| > 10 % of 2): over-supplied
    assert rows[["kejuruan", "kelas"]].values.tolist() == [
        ["Las", "kurang"],
        ["Garmen", "lebih"],
    ]
    assert oc.classify_gap(20, 19) == "seimbang"  # |1| <= 10 % of 20
    assert oc.classify_gap(0, 0) is None


def test_persistence_over_the_years():
    gaps = pd.DataFrame(
        [
            # kejuruan, tahun, lowongan, lulusan
            ("Las", 2021, 30, 10), ("Las", 2022, 30, 10), ("Las", 2023, 25, 10),
            ("Las", 2024, 40, 20),  # under-supplied 4 years running
            ("Garmen", 2021, 30, 10), ("Garmen", 2022, 5, 20), ("Garmen", 2023, 5, 30),
            ("Garmen", 2024, 1, 25),  # over-supplied 3 years running (2022-2024)
            ("TIK", 2023, 10, 5), ("TIK", 2024, 5, 10),  # flips: streak 1
            ("Boga", 2022, 10, 20), ("Boga", 2023, 10, 20),  # nothing in 2024
            ("AC", 2024, 20, 19),  # balanced
        ],
        columns=["kejuruan", "tahun", "lowongan_count", "lulusan_count"],
    )  # fmt: skip
    gaps["gap_count"] = gaps["lowongan_count"] - gaps["lulusan_count"]
    out = oc.persistence(gaps, 2024, years=4).set_index("kejuruan")
    assert out.loc["Las", ["kelas", "streak", "is_persistent"]].tolist() == [
        "kurang",
        4,
        True,
    ]
    assert out.loc["Garmen", ["kelas", "streak", "is_persistent"]].tolist() == [
        "lebih",
        3,
        True,
    ]
    assert out.loc["Garmen", "2021"] == "kurang"
    assert out.loc["TIK", ["kelas", "streak", "is_persistent"]].tolist() == [
        "lebih",
        1,
        False,
    ]
    boga = out.loc["Boga"]  # no class in 2024: no streak
    assert pd.isna(boga["kelas"]) and (boga["streak"], boga["is_persistent"]) == (
        0,
        False,
    )
    assert out.loc["AC", "kelas"] == "seimbang"
    assert out.index[:2].tolist() == ["Las", "Garmen"]  # persistent first
    text = ot.persistence_sentence(out.reset_index(), "en")
    assert text == (
        "1 vocations have been under-supplied 3 years running or more (Las) and 1 "
        "over-supplied (Garmen)."
    )


def test_employers_with_vacancies_but_no_graduates(conn_years):
    df = run(conn_years, "link_match/employer_vacancies", Filters(tahun=2024))
    got = df.set_index("kode_perusahaan")[
        ["lowongan_count", "penempatan_count", "lulusan_ditempatkan_count"]
    ].to_dict("index")
    assert got == {
        # E4: 5 vacancies; took on D (never graduated) -> 0 graduates
        "E4": {
            "lowongan_count": 5,
            "penempatan_count": 1,
            "lulusan_ditempatkan_count": 0,
        },
        # E1: 10 + 1 vacancies; A (2024-02-15, graduated 03-01: within -30 days) and
        # G (2024-11-01, graduated 10-15) are graduates
        "E1": {
            "lowongan_count": 11,
            "penempatan_count": 2,
            "lulusan_ditempatkan_count": 2,
        },
        # E2: 2 vacancies; B (2024-10-01, graduated 2024-03-01)
        "E2": {
            "lowongan_count": 2,
            "penempatan_count": 1,
            "lulusan_ditempatkan_count": 1,
        },
    }
    none = oc.employers_without_graduates(df)
    assert none["kode_perusahaan"].tolist() == ["E4"]
    assert ot.employers_sentence(df, none, 2024, "id") == (
        "1 dari 3 perusahaan yang melaporkan lowongan pada 2024 tidak menerima satu "
        "pun lulusan program (5 lowongan)."
    )
    only_garmen = run(
        conn_years,
        "link_match/employer_vacancies",
        Filters(tahun=2024, dims={"kejuruan": ("Garmen",)}),
    )
    assert only_garmen["kode_perusahaan"].tolist() == ["E1"]  # E1's 1 Garmen vacancy


# ---- sentences ----------------------------------------------------------------------


def test_funnel_sentence_in_both_languages(conn):
    stages = oc.funnel(by_group(conn, Filters(tahun=2024)))
    assert ot.funnel_sentence(stages, Filters(tahun=2024), "id") == (
        "Dari 11 pendaftaran di program yang berakhir pada tahun 2024, 7 lulus "
        "(tingkat kelulusan 63,6%, ⚠ n < 20, tidak andal) dan 5 tersertifikasi "
        "(tingkat sertifikasi 71,4%, ⚠ n < 20, tidak andal); dari 5 lulusan yang "
        "sudah 6 bulan, 3 ditempatkan dalam 6 bulan (60,0%, ⚠ n < 20, tidak andal)."
    )
    english = ot.funnel_sentence(stages, Filters(tahun=2024, kuartal=1), "en")
    assert english.startswith("Of 11 enrolments in programmes ending in Q1 2024,")


def test_rates_sentence_says_when_samples_are_small(conn):
    rows = oc.breakdown(by_group(conn, Filters(tahun=2024)), "kejuruan")
    assert ot.rates_sentence(rows, "kejuruan", "en") == (
        "No vocation group has at least 20 graduates past the 6-month mark: "
        "placement rates here are unreliable (2 groups)."
    )
    big = rows.assign(
        penempatan_6b_n=[40, 25],
        penempatan_6b_pct=pd.array([55.0, 70.0], dtype="Float64"),
        penempatan_6b_reliable=[True, True],
    )
    assert ot.rates_sentence(big, "kejuruan", "id") == (
        "Tingkat penempatan ≤ 6 bulan menurut kejuruan berkisar dari 55,0% (Las, "
        "n = 40) hingga 70,0% (Garmen, n = 25) di antara kelompok dengan n ≥ 20; 0 "
        "dari 2 kelompok bersampel kecil."
    )


def test_every_literal_outcomes_key_used_exists():
    used = set()
    for name in ("text", "tables", "charts", "ui"):
        code = (ROOT / "workforce" / "outcomes" / f"{name}.py").read_text("utf-8")
        used |= set(re.findall(r"\btr\(\s*\"([a-z0-9_.]+)\"", code))
    for page in PAGES:
        code = (ROOT / page).read_text(encoding="utf-8")
        used |= set(re.findall(r"\btr\(\s*\"([a-z0-9_.]+)\"", code))
        used |= {
            k.removeprefix("outcomes.")
            for k in re.findall(r"\"(outcomes\.[a-z0-9_.]+)\"", code)
        }
    assert len(used) > 30
    missing = {k for k in used if f"outcomes.{k}" not in i18n.catalogue()}
    assert not missing


def test_every_outcomes_key_has_both_languages():
    keys = [k for k in i18n.catalogue() if k.startswith("outcomes.")]
    assert len(keys) > 100
    for key in keys:
        entry = i18n.catalogue()[key]
        assert entry.get("id") and entry.get("en"), key


# ---- pages under AppTest -----------------------------------------------------------


def _open(at, page: str):
    # straight to the page: the default page (Ringkasan) is another issue's
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_the_fixture(app_test, fixture_db: Path, page: str, lang: str):
    at = _open(app_test(fixture_db, lang=lang, tahun="2024"), page)
    assert at.get("plotly_chart"), "at least one chart"
    assert at.get("download_button"), "CSV downloads"
    assert at.title[0].value == i18n.t(
        {
            "pages/pelatihan.py": "nav.pelatihan",
            "pages/penempatan.py": "nav.penempatan",
        }.get(page, "nav.link_match"),
        lang,
    )


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_the_demo(app_test, demo_db: Path, page: str, lang: str):
    at = _open(app_test(demo_db, lang=lang), page)
    assert len(at.get("plotly_chart")) >= 3


def test_pelatihan_page_shows_the_hand_computed_funnel(app_test, fixture_db: Path):
    # tests/fixtures.py, 2024: P1, P2, P3 and P4 end in 2024: 11 enrolments, 7
    # graduate (63,6%); certified A/P1 E/P1 A/P3 F/P3 C/P2 = 5 of 7 (71,4%); mature
    # (lulus <= 2024-07-01) A B E of P1, A F of P3; placed within 6 months A/P1
    # (-15 days), E/P1 (day 61), A/P3 (day 26) = 3 of 5 (60,0%). P5 runs into 2025.
    at = _open(app_test(fixture_db, tahun="2024"), "pages/pelatihan.py")
    assert (
        "Dari 11 pendaftaran di program yang berakhir pada tahun 2024, 7 lulus "
        "(tingkat kelulusan 63,6%, ⚠ n < 20, tidak andal) dan 5 tersertifikasi "
        "(tingkat sertifikasi 71,4%, ⚠ n < 20, tidak andal); dari 5 lulusan yang "
        "sudah 6 bulan, 3 ditempatkan dalam 6 bulan (60,0%, ⚠ n < 20, tidak andal)."
    ) in _captions(at)


def test_pages_follow_the_kejuruan_filter(app_test, fixture_db: Path):
    at = _open(
        app_test(fixture_db, tahun="2024", kejuruan="Las"),
        "pages/link_match.py",
    )
    # Las 2024: E1 reported 10 vacancies, E2 2; graduates A B E (P1), A F (P3) = 5
    assert (
        "Pada 2024, perusahaan melaporkan 12 lowongan untuk 5 lulusan (kesenjangan +7)."
        in _captions(at)
    )
    at = _open(
        app_test(fixture_db, tahun="2024", kejuruan="Las"),
        "pages/penempatan.py",
    )
    # the 2024 placements of a Las programme (P1): A and B kerja, E's own business;
    # G's job (P2, Garmen) and those of 2023 are left out
    assert (
        "Pada tahun 2024 tercatat 3 penempatan: 2 kerja, 0 magang dan 1 wirausaha."
        in _captions(at)
    )


def _every_breakdown(conn, params: dict) -> pd.DataFrame:
    """outcomes_by_group plus outcomes_by_enrolment for each per-enrolment breakdown,
    with raw params (a period need not be whole months)."""

    def one(name: str, **extra) -> pd.DataFrame:
        wanted = db.query_params(name)
        return db.run(
            conn, name, **{k: v for k, v in {**params, **extra}.items() if k in wanted}
        )

    parts = [one("pelatihan/outcomes_by_group")] + [
        one("pelatihan/outcomes_by_enrolment", dimension=dim)
        for dim in oc.PER_ENROLMENT
    ]
    return _sorted(pd.concat(parts, ignore_index=True))


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    df = df.drop(columns="tahun", errors="ignore")
    counts = [c for c in df.columns if c.endswith("_count")]
    df = df.astype({c: "int64" for c in counts} | {"dimension": str, "grp": str})
    return df.sort_values(["dimension", "grp"], ignore_index=True)


def _outcome_cases(conn) -> list[dict]:
    kejuruan = [
        r[0]
        for r in conn.execute(
            "select distinct kejuruan from mart_enrolment order by 1"
        ).fetchall()
    ]
    kecamatan = [
        r[0]
        for r in conn.execute(
            "select distinct kecamatan from mart_enrolment order by 1"
        ).fetchall()
    ]
    cases = []
    for tahun in (2023, 2024, 2025):
        cases.append(Filters(tahun=tahun).sql_params())
    cases.append(Filters(tahun=2024, kuartal=2, as_of=date(2024, 12, 31)).sql_params())
    cases.append(
        {
            **Filters(tahun=2024).sql_params(),
            "kejuruan": kejuruan[:2],
            "kecamatan": kecamatan[:3],
        }
    )
    # a period of partial months: the marts' day-level edges
    cases.append(
        {
            **Filters(tahun=2024).sql_params(),
            "start": date(2024, 2, 10),
            "end": date(2024, 11, 20),
            "as_of": date(2025, 3, 15),
        }
    )
    return cases


@pytest.mark.parametrize("source", ["fixture", "demo"])
def test_breakdowns_from_the_marts_equal_the_row_level_count(conn, demo_db, source):
    """The month-mart breakdowns (outcomes_by_group) and the per-enrolment ones
    (outcomes_by_enrolment) together give exactly the counts of the row-level query,
    for whole years, a quarter, filters and a period of partial months."""
    target = conn if source == "fixture" else db.connect(demo_db, read_only=True)
    sql = (ROOT / "tests" / "sql" / "outcomes_by_group_rows.sql").read_text()
    non_trivial = 0
    for params in _outcome_cases(target):
        wanted = set(re.findall(r"\$([a-z_]+)", sql))
        expected = _sorted(
            target.execute(sql, {k: v for k, v in params.items() if k in wanted}).df()
        )
        got = _every_breakdown(target, params)
        pd.testing.assert_frame_equal(got, expected)
        non_trivial += len(expected) > 10
    assert non_trivial >= 3
