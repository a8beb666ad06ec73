"""Budget page: absorption, cost per outcome, pacing, flows and warnings, by hand.

The fixture is tests/fixtures.py with its "budget" extension (every row listed
there). Every expected value is worked out in the comment beside it (amounts in juta
Rupiah).

Budget lines of 2024 (pagu / realisasi):
  P1 APBN 100 / 90   P1 APBD 20 / 20 (two sources)   P2 APBD 50 / 40
  P3 APBN 20 / 20 (P3 also has 2023 APBN 40 / 35)   P4 APBD 30 / 30 (no graduate)
  P5 CSR 100 / 20 (ends 2025)   P7 APBN 40 / 10 (no enrolment at all)
  KEG-01 CSR 10 / 12, KEG-02 lainnya 20 / 25 (kegiatan, above their pagu)
  → APBN 160 / 120, APBD 100 / 90, CSR 110 / 32, lainnya 20 / 25; total 390 / 267.
2023: only P3 APBN 40 / 35 (a year with no APBD).

Programmes (start → end, enrolments):
  P3 2023-11-01 → 2024-01-20: A F lulus; A placed within 6 months
  P1 02-01 → 03-01: A B E lulus, C tidak_lulus, D mengundurkan_diri; A, E placed
  P4 04-01 → 05-01: D tidak_lulus, E mengundurkan_diri (zero graduates)
  P2 09-01 → 10-15: G C lulus; G placed (day 17)
  P7 10-01 → 11-30: no enrolment at all (spending without enrolments)
  P5 12-01 → 2025-02-28: B mengikuti, G terdaftar (ends after 2024)

Monthly spending 2024 (data up to June, n = 6): P1 APBN 15 each month 1-6; P1 APBD
10 in May, 5 in June; P4 APBD 16 in June; P5 CSR 11 in June; nothing else.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tests.fixtures import JT, build
from workforce import refresh
from workforce.budget import numbers as budget
from workforce.core import db, i18n, metrics
from workforce.core.filters import Filters, bind


@pytest.fixture(scope="module")
def budget_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("budget") / "budget.duckdb"
    conn = db.connect(path)
    try:
        refresh.init_database(conn)
        build(conn, extras=("budget",))
        conn.execute("checkpoint")
    finally:
        conn.close()
    return path


@pytest.fixture(scope="module")
def conn(budget_db: Path):
    connection = db.connect(budget_db, read_only=True)
    yield connection
    connection.close()


def run(conn, name: str, filters: Filters) -> pd.DataFrame:
    from workforce.core.filters import bind

    return db.run(conn, f"anggaran/{name}", **bind(f"anggaran/{name}", filters))


def rows(df: pd.DataFrame, key: str) -> dict:
    return {r[key]: r for r in df.to_dict("records")}


def na(value) -> bool:
    """Not available: None or NaN, never an infinite number or zero."""
    return value is None or (isinstance(value, float) and math.isnan(value))


ROOT = Path(__file__).resolve().parent.parent
Y2024 = Filters(tahun=2024)  # as_of = 2024-12-31
LATER = Filters(tahun=2024, as_of=date(2025, 6, 30))


# ---- pagu, realisasi, serapan ---------------------------------------------------------


def test_absorption_by_source(conn):
    by = rows(
        budget.absorption(run(conn, "line_groups", Y2024), ["sumber_dana"]),
        "sumber_dana",
    )
    assert by["APBN"]["pagu_rupiah"] == 160 * JT  # 100 + 20 + 40
    assert by["APBN"]["realisasi_rupiah"] == 120 * JT  # 90 + 20 + 10
    assert by["APBN"]["serapan_pct"] == pytest.approx(75.0)  # 120 / 160
    assert by["APBD"]["serapan_pct"] == pytest.approx(90.0)  # (20+40+30)/(20+50+30)
    assert by["CSR"]["serapan_pct"] == pytest.approx(32 / 110 * 100)  # (20+12)/(100+10)
    assert by["lainnya"]["serapan_pct"] == pytest.approx(125.0)  # 25 / 20
    total = budget.absorption(run(conn, "line_groups", Y2024)).iloc[0]
    assert (total["pagu_rupiah"], total["realisasi_rupiah"]) == (390 * JT, 267 * JT)


def test_yearly_trend_and_apbn_share_with_a_year_without_apbd(conn):
    years = rows(budget.yearly(run(conn, "by_year", Y2024)), "tahun")
    # 2023: P3 APBN 40 / 35 only, no APBD line
    assert years[2023]["serapan_pct"] == pytest.approx(35 / 40 * 100)
    assert years[2023]["porsi_apbn_pct"] == pytest.approx(100.0)
    assert years[2024]["porsi_apbn_pct"] == pytest.approx(120 / 267 * 100)  # 44,94%
    by_source = budget.absorption(run(conn, "by_year", Y2024), ["tahun", "sumber_dana"])
    assert set(by_source[by_source["tahun"] == 2023]["sumber_dana"]) == {"APBN"}
    # the registry agrees: APBD in 2023 has no pagu, so serapan is not available
    assert metrics.compute(conn, "pagu", Filters(tahun=2023)).by["APBD"].value == 0
    assert (
        metrics.compute(conn, "serapan_anggaran", Filters(tahun=2023)).by["APBD"].value
        is None
    )


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_yearly_matches_the_registry(conn, year):
    years = rows(budget.yearly(run(conn, "by_year", Y2024)), "tahun")
    f = Filters(tahun=year)
    for kpi, column in [
        ("pagu", "pagu_rupiah"),
        ("realisasi", "realisasi_rupiah"),
        ("serapan_anggaran", "serapan_pct"),
        ("porsi_apbn", "porsi_apbn_pct"),
    ]:
        expected = metrics.compute(conn, kpi, f).value
        got = years[year][column] if year in years else None
        if kpi in ("pagu", "realisasi") and year not in years:
            got = 0.0
        assert got == pytest.approx(expected) if expected is not None else na(got)


@pytest.mark.parametrize("kejuruan", ["Las", "Garmen", "Teknologi Informasi"])
def test_absorption_by_kejuruan_matches_the_registry(conn, kejuruan):
    table = rows(
        budget.absorption(run(conn, "line_groups", Y2024), ["kejuruan"]), "kejuruan"
    )
    f = Filters(tahun=2024, dims={"kejuruan": (kejuruan,)})
    expected = metrics.compute(conn, "serapan_anggaran", f).value
    assert table[kejuruan]["serapan_pct"] == pytest.approx(expected)


def programmes(conn, name: str, filters: Filters, **extra) -> pd.DataFrame:
    """A per-programme query with the page's outlier rule and row limit."""
    from workforce.core.filters import bind

    q = f"anggaran/{name}"
    if name == "programme_pacing":
        extra.setdefault("floor_pct", None)  # no schedule: the straight line
    return db.run(conn, q, **bind(q, filters, **budget.programme_params(**extra)))


def test_programme_absorption_and_iqr(conn):
    got = programmes(conn, "programme_absorption", Y2024)
    table = rows(got, "kode_program")
    assert set(table) == {"P1", "P2", "P3", "P4", "P5", "P7"}
    assert table["P1"]["serapan_pct"] == pytest.approx(110 / 120 * 100)  # 91,67%
    assert table["P1"]["pagu_rupiah"] == 120 * JT  # APBN 100 + APBD 20
    # serapan 20, 25, 80, 91.67, 100, 100: Q1 at 1.25 = 25 + 0.25 × 55 = 38.75, Q3
    # at 3.75 = 91.67 + 0.75 × 8.33 = 97.92, IQR 59.17, fences -50 and 186.67: none
    assert not any(r["is_outlier"] for r in table.values())
    # lowest serapan first (ties by code): P5 20, P7 25, P2 80, P1 91.67, P3 and P4
    # 100 (P3's 2024 line 20 / 20)
    assert list(got["kode_program"]) == ["P5", "P7", "P2", "P1", "P3", "P4"]
    assert set(got["programmes_count"]) == {6} and set(got["outliers_count"]) == {0}


def test_programme_rows_are_limited_and_counted(conn):
    """Only ``limit`` rows come back, those most needing a look; the counts cover all."""
    got = programmes(conn, "programme_absorption", Y2024, limit=2)
    assert list(got["kode_program"]) == ["P5", "P7"]
    assert set(got["programmes_count"]) == {6}
    pace = programmes(conn, "programme_pacing", Y2024, bulan=6, limit=1)
    assert len(pace) == 1 and pace["programmes_count"].iloc[0] == 6


def test_rows_shown_sentence_when_rows_are_cut(conn):
    """The caption under a cut per-programme table: 2 of the 6 programmes of 2024."""
    from workforce.budget import text as bt

    cut = programmes(conn, "programme_absorption", Y2024, limit=2)
    assert bt.rows_shown(cut, "id").startswith("Menampilkan 2 dari 6 program")
    assert bt.rows_shown(cut, "en").startswith("Showing 2 of 6 programmes")
    assert bt.rows_shown(programmes(conn, "programme_absorption", Y2024), "id") is None
    thousands = pd.DataFrame({"programmes_count": [10_232] * 500})
    assert "500 dari 10.232 program" in bt.rows_shown(thousands, "id")
    assert "500 of 10,232 programmes" in bt.rows_shown(thousands, "en")


def tukey(serapan: list[float | None]) -> pd.DataFrame:
    """programme_absorption over one programme per serapan value (pagu 100, or 0 for
    None), on a database holding only those budget lines (and the shared macros)."""
    mem = db.connect(":memory:")
    db.create_macros(mem)
    try:
        mem.execute(
            "create table mart_budget (tahun int, kode_program text, sumber_dana text,"
            " is_program bool, nama_program text, kejuruan text, penyelenggara text,"
            " jenis text, pagu_rupiah double, realisasi_rupiah double)"
        )
        for i, value in enumerate(serapan):
            pagu = 0.0 if value is None else 100.0
            mem.execute(
                "insert into mart_budget values (2024, ?, 'APBN', true, ?, 'K', 'P',"
                " 'pelatihan', ?, ?)",
                [f"P{i}", f"P{i}", pagu, value or 0.0],
            )
        return programmes(mem, "programme_absorption", Y2024).set_index("kode_program")
    finally:
        mem.close()


def test_iqr_fences_by_hand():
    # sorted 10 20 30 40 200: Q1 = 20, Q3 = 40 (linear), IQR 20, fences -10 and 70
    got = tukey([10, 20, 30, 40, 200])
    assert got["is_outlier"].to_dict() == {
        "P0": False,
        "P1": False,
        "P2": False,
        "P3": False,
        "P4": True,
    }
    assert list(got.index[:1]) == ["P4"]  # outliers first
    # 70 is on the fence: not an outlier; 70.5 is
    assert not tukey([10, 20, 30, 40, 70])["is_outlier"].any()
    assert tukey([10, 20, 30, 40, 70.5]).loc["P4", "is_outlier"]
    # without pagu there is no serapan: 3 values left, fewer than 4, no fences
    assert not tukey([10, 20, None, 30])["is_outlier"].any()
    assert not tukey([1, 2, 300])["is_outlier"].any()


# ---- cost per participant, graduate, placement ----------------------------------------


def test_cost_per_participant_by_source_and_total(conn):
    costs = run(conn, "cost_groups", Y2024)
    by = rows(budget.cost_table(costs, ["sumber_dana"]), "sumber_dana")
    # programmes starting in 2024: P1 (5 enrolments), P4 (2), P2 (2), P7 (0), P5 (2)
    assert by["APBN"]["biaya_per_peserta_rupiah"] == pytest.approx(
        20 * JT
    )  # (90+10)/(5+0)
    assert by["APBD"]["biaya_per_peserta_rupiah"] == pytest.approx(
        10 * JT
    )  # (20+30+40)/(5+2+2): P1 counts under both its sources
    assert by["CSR"]["biaya_per_peserta_rupiah"] == pytest.approx(10 * JT)  # 20 / 2
    assert "lainnya" not in by  # the lainnya line is a kegiatan, not a programme
    total = budget.cost_table(costs).iloc[0]
    # 90+20+30+40+10+20 = 210 juta over 5+2+2+0+2 = 11 enrolments, each programme once
    assert total["peserta_count"] == 11
    assert total["biaya_per_peserta_rupiah"] == pytest.approx(210 * JT / 11)


def test_cost_per_graduate_two_sources_and_zero_graduates(conn):
    costs = run(conn, "cost_groups", Y2024)
    by = rows(budget.cost_table(costs, ["sumber_dana"]), "sumber_dana")
    # ending in 2024: P3, P1, P4, P2, P7 (P5 ends in 2025). All lines of a programme
    # count, whatever their year. APBN P1 90 + P3 (35 + 20) + P7 10 = 155 juta over
    # 3 + 2 + 0 graduates; APBD P1 20 + P4 30 + P2 40 = 90 over 3 + 0 + 2; no CSR
    assert by["APBN"]["biaya_per_lulusan_rupiah"] == pytest.approx(155 * JT / 5)
    assert by["APBD"]["biaya_per_lulusan_rupiah"] == pytest.approx(90 * JT / 5)
    assert by["APBD"]["lulusan_count"] == 5  # A B E of P1 count under APBN and APBD
    assert by["CSR"]["lulusan_count"] == 0  # P5 started, has not ended
    assert na(by["CSR"]["biaya_per_lulusan_rupiah"])
    total = budget.cost_table(costs).iloc[0]
    assert total["lulusan_count"] == 7  # 3 + 2 + 0 + 2 + 0, P1 once
    assert total["biaya_per_lulusan_rupiah"] == pytest.approx(245 * JT / 7)
    kej = rows(budget.cost_table(costs, ["kejuruan"]), "kejuruan")
    # Teknologi Informasi ending in 2024: only P7, 10 juta, no graduate
    assert kej["Teknologi Informasi"]["lulusan_count"] == 0
    assert na(kej["Teknologi Informasi"]["biaya_per_lulusan_rupiah"])
    assert kej["Teknologi Informasi"]["realisasi_lulusan_rupiah"] == 10 * JT
    with pytest.raises(ValueError, match="no cost grouping"):
        budget.cost_table(costs, ["kode_program"])


def test_cost_chart_labels_each_bar_with_its_value_and_n(conn):
    """Each bar reads its cost in juta beside its n, as the table; a kejuruan with
    no graduate (Teknologi Informasi: P7, 10 juta, nobody enrolled) gets no bar and
    the label "t.a. · n = 0" at zero, so a missing bar is explained."""
    from workforce.budget import charts as budget_charts

    costs = run(conn, "cost_groups", Y2024)
    by = rows(budget.cost_table(costs, ["kejuruan"]), "kejuruan")
    fig, _, _ = budget_charts.cost_chart(costs, "id")
    graduates = next(t for t in fig.data if t.name == i18n.t("budget.legend.lulusan"))
    labels = dict(zip(graduates.y, graduates.text, strict=True))
    bars = dict(zip(graduates.y, graduates.x, strict=True))
    assert labels["Teknologi Informasi"] == "t.a. · n = 0"
    assert bars["Teknologi Informasi"] == 0
    # Garmen ending in 2024: P2 40 + P4 30 juta (APBD) over G and C of P2 = 35 juta
    assert labels["Garmen"] == "35,0 · n = 2"
    for name, row in by.items():
        if row["lulusan_count"]:
            juta = row["biaya_per_lulusan_rupiah"] / JT
            expected = f"{i18n.fmt_number(juta, 'id', 1)} · n = {row['lulusan_count']}"
            assert labels[name] == expected
            assert bars[name] == pytest.approx(juta)


def test_flow_nodes_stand_in_three_columns_at_one_scale():
    """APBN 3 and APBD 1 into A, A 4 into placed; 450 px high: a gap of 14 px is
    14 / 400 = 0,035 of the plot. The sources' column is the fullest: scale
    (1 − 0,035) / 4 = 0,24125; APBN 0,72375 tall (centre 0,361875), the gap, APBD
    0,24125 (centre 0,879375); A and placed 0,965 tall, centred on 0,5."""
    from workforce.budget import charts as budget_charts

    nodes = ["sumber:APBN", "sumber:APBD", "mid:A", "hasil:ditempatkan"]
    xs, ys = budget_charts._node_positions(
        nodes, [0, 1, 2], [2, 2, 3], [3.0, 1.0, 4.0], 450
    )
    assert xs == [0.001, 0.001, 0.3, 0.999]
    assert ys == pytest.approx([0.361875, 0.879375, 0.5, 0.5])
    assert budget_charts._two_lines("Lulus, belum ditempatkan") == (
        "Lulus, belum<br>ditempatkan"
    )
    assert budget_charts._two_lines("APBN") == "APBN"


def test_a_label_on_a_line_goes_below_a_dip_and_above_otherwise():
    """78,6 (over its one neighbour 59,1) above; 59,1 (under (78,6 + 73,3) / 2)
    below; 73,3 (over (59,1 + 64,1) / 2) above; 64,1 (under 73,3, its only
    neighbour with a value) below; no value: above, nothing to move."""
    from workforce.budget import charts as budget_charts

    assert budget_charts.label_sides([78.6, 59.1, 73.3, 64.1, None]) == [
        "top center",
        "bottom center",
        "top center",
        "bottom center",
        "top center",
    ]


def test_cost_per_placement_counts_mature_programmes(conn):
    now = budget.cost_table(run(conn, "cost_groups", Y2024)).iloc[0]
    # mature at 2024-12-31 (ended by 2024-07-01): P3 55, P1 110, P4 30 juta over
    # placed A/P3, A/P1, E/P1 = 3
    assert now["biaya_per_penempatan_rupiah"] == pytest.approx(195 * JT / 3)
    later_costs = run(conn, "cost_groups", LATER)
    by = rows(budget.cost_table(later_costs, ["sumber_dana"]), "sumber_dana")
    # at 2025-06-30 (ended by 2024-12-29) all five are mature: APBN (90 + 55 + 10) /
    # (2 + 1 + 0), APBD (20 + 30 + 40) / (2 + 0 + 1: G), CSR none
    assert by["APBN"]["biaya_per_penempatan_rupiah"] == pytest.approx(155 * JT / 3)
    assert by["APBD"]["biaya_per_penempatan_rupiah"] == pytest.approx(30 * JT)
    assert na(by["CSR"]["biaya_per_penempatan_rupiah"])
    total = budget.cost_table(later_costs).iloc[0]
    assert total["biaya_per_penempatan_rupiah"] == pytest.approx(245 * JT / 4)


PERIODS = [
    Filters(tahun=2024),
    Filters(tahun=2024, as_of=date(2025, 6, 30)),
    Filters(tahun=2024, kuartal=1),
    Filters(tahun=2024, kuartal=3, as_of=date(2025, 6, 30)),
    Filters(tahun=2023),
    Filters(tahun=2024, dims={"penyelenggara": ("BLK Kota Cilegon",)}),
    Filters(tahun=2024, dims={"sumber_dana": ("CSR",)}, as_of=date(2025, 6, 30)),
]


@pytest.mark.parametrize("filters", PERIODS, ids=range(len(PERIODS)))
@pytest.mark.parametrize("kind", ["lulusan", "penempatan"])
def test_cost_tables_equal_the_registry(conn, filters, kind):
    """By source, in total and per kejuruan, the page's costs are the registry's."""
    kpi = f"biaya_per_{kind}"
    costs = run(conn, "cost_groups", filters)
    column = f"biaya_per_{kind}_rupiah"
    by_source = rows(budget.cost_table(costs, ["sumber_dana"]), "sumber_dana")
    registry = metrics.compute(conn, kpi, filters)
    for source in budget.SOURCES:
        got = by_source.get(source, {}).get(column)
        want = registry.by[source].value
        assert (na(got) and want is None) or got == pytest.approx(want), source
    total_rows = budget.cost_table(costs)
    total = total_rows.iloc[0][column] if len(total_rows) else None
    assert (na(total) and registry.value is None) or total == pytest.approx(
        registry.value
    )
    by_kej = rows(budget.cost_table(costs, ["kejuruan"]), "kejuruan")
    for kejuruan in ("Las", "Garmen", "Teknologi Informasi"):
        narrowed = Filters(
            tahun=filters.tahun,
            kuartal=filters.kuartal,
            as_of=filters.as_of,
            dims={**filters.dims, "kejuruan": (kejuruan,)},
        )
        want = metrics.compute(conn, kpi, narrowed).value
        got = by_kej.get(kejuruan, {}).get(column)
        assert (na(got) and want is None) or got == pytest.approx(want), kejuruan


@pytest.mark.parametrize("year", [2021, 2024, 2025])
def test_cost_tables_equal_the_registry_on_demo_data(demo_db, year):
    """Same check on the demo database: every source, quarter and kind agree."""
    demo = db.connect(demo_db, read_only=True)
    try:
        for kuartal in (None, 1, 2, 3, 4):
            f = Filters(tahun=year, kuartal=kuartal, as_of=date(year + 1, 6, 30))
            table = budget.cost_table(run(demo, "cost_groups", f), ["sumber_dana"])
            by = rows(table, "sumber_dana")
            for kind in ("lulusan", "penempatan"):
                registry = metrics.compute(demo, f"biaya_per_{kind}", f)
                for source in budget.SOURCES:
                    got = by.get(source, {}).get(f"biaya_per_{kind}_rupiah")
                    want = registry.by[source].value
                    assert (na(got) and want is None) or got == pytest.approx(want)
    finally:
        demo.close()


def placement_costs(conn, filters: Filters, **extra) -> pd.DataFrame:
    """anggaran/programme_placement_costs with the page's factor and row limit."""
    from workforce.core.filters import bind

    q = "anggaran/programme_placement_costs"
    params = {"factor": budget.EXPENSIVE_FACTOR, "limit": budget.PROGRAMME_ROWS}
    return db.run(conn, q, **bind(q, filters, **{**params, **extra}))


def test_expensive_programmes_rule():
    # Las: 10, 12, 30 juta per placement → median 12, 30 > 2 × 12 is flagged;
    # Listrik: one programme, nobody placed → no_placement, not "expensive".
    mem = db.connect(":memory:")
    db.create_macros(mem)  # the query's filter (a database of one table here)
    try:
        mem.execute(
            "create table mart_programme_budget (kode_program text, sumber_dana text,"
            " nama_program text, kejuruan text, penyelenggara text, jenis text,"
            " tanggal_selesai date, realisasi_rupiah double, ditempatkan_6b_count int)"
        )
        for code, kejuruan, source, money, placed in [
            ("L1", "Las", "APBN", 100 * JT, 10),
            ("L2", "Las", "APBN", 120 * JT, 10),
            ("L3", "Las", "APBD", 90 * JT, 3),
            ("K1", "Listrik", "APBD", 50 * JT, 0),
        ]:
            mem.execute(
                "insert into mart_programme_budget values"
                " (?, ?, ?, ?, 'P', 'pelatihan', '2024-03-31', ?, ?)",
                [code, source, code, kejuruan, money, placed],
            )
        got = placement_costs(mem, LATER)
    finally:
        mem.close()
    table = rows(got, "kode_program")
    assert table["L3"]["biaya_per_penempatan_rupiah"] == pytest.approx(30 * JT)
    assert table["L3"]["median_kejuruan_rupiah"] == pytest.approx(12 * JT)
    assert [k for k, r in table.items() if r["is_expensive"]] == ["L3"]
    assert table["K1"]["no_placement"] and not table["K1"]["is_expensive"]
    assert na(table["K1"]["biaya_per_penempatan_rupiah"])
    # the ones needing a look first: expensive, then nobody placed
    assert list(got["kode_program"]) == ["L3", "K1", "L1", "L2"]
    first = got.iloc[0]
    assert (first["expensive_count"], list(first["expensive_codes"])) == (1, ["L3"])
    assert (first["no_placement_count"], first["no_placement_rupiah"]) == (1, 50 * JT)
    assert first["programmes_count"] == 4


def test_programme_placement_costs_sum_sources(conn):
    table = rows(placement_costs(conn, LATER), "kode_program")
    # P1: APBD 20 + APBN 90 juta over A and E placed
    assert table["P1"]["biaya_per_penempatan_rupiah"] == pytest.approx(55 * JT)
    assert table["P1"]["sumber_dana"] == "APBD + APBN"
    assert table["P4"]["no_placement"] and table["P7"]["no_placement"]
    assert len(placement_costs(conn, LATER, limit=1)) == 1


# ---- pacing ---------------------------------------------------------------------------


def test_pacing_by_source_at_month_n(conn):
    monthly = run(conn, "monthly", Y2024)
    assert budget.data_month(monthly) == 6
    now = rows(budget.pacing_now(monthly, ["sumber_dana"]), "sumber_dana")
    # APBN: 6 × 15 = 90 of 160; 12 × 90 = 1080 ≥ 6 × 160 = 960 → on pace
    assert now["APBN"]["realisasi_kumulatif_rupiah"] == 90 * JT
    assert now["APBN"]["serapan_kumulatif_pct"] == pytest.approx(90 / 160 * 100)
    assert not now["APBN"]["is_lagging"]
    # APBD: 10 + 5 (P1) + 16 (P4) = 31 of 100; 372 < 600 → lagging
    assert now["APBD"]["realisasi_kumulatif_rupiah"] == 31 * JT
    assert now["APBD"]["is_lagging"]
    assert now["CSR"]["serapan_kumulatif_pct"] == pytest.approx(10.0)  # 11 / 110
    assert now["lainnya"]["is_lagging"]  # nothing spent of 20
    assert now["APBN"]["garis_lurus_pct"] == pytest.approx(50.0)  # 6 / 12


def test_pacing_by_programme_and_by_month(conn):
    monthly = run(conn, "monthly", Y2024)
    pace = programmes(conn, "programme_pacing", Y2024, bulan=6)
    prog = rows(pace, "kode_program")
    # P5: 11 of 100; 132 < 600 → lagging
    assert prog["P5"]["realisasi_kumulatif_rupiah"] == 11 * JT
    assert prog["P5"]["serapan_kumulatif_pct"] == pytest.approx(11.0)
    assert prog["P5"]["is_lagging"]
    # P1: 90 + 15 = 105 of 120; 1260 ≥ 720, on pace. P4: 16 of 30; 192 ≥ 180, on pace
    assert prog["P1"]["realisasi_kumulatif_rupiah"] == 105 * JT
    assert not prog["P1"]["is_lagging"] and not prog["P4"]["is_lagging"]
    assert prog["P1"]["garis_lurus_pct"] == pytest.approx(50.0)
    # P2, P3, P7 spent nothing monthly: 0 %, lagging; the kegiatan are no programmes
    assert set(prog) == {"P1", "P2", "P3", "P4", "P5", "P7"}
    assert set(pace["lagging_count"]) == {4} and set(pace["programmes_count"]) == {6}
    # serapan 0 0 0 11 53.33 87.5: Q1 at 1.25 = 0, Q3 at 3.75 = 11 + 0.75 × 42.33 =
    # 42.75, fences -64.1 and 106.9: no outlier
    assert set(pace["outliers_count"]) == {0} and not pace["is_outlier"].any()
    # month 5 (before the last month with data): P1 5 × 15 + 10 = 85 of 120
    may = rows(programmes(conn, "programme_pacing", Y2024, bulan=5), "kode_program")
    assert may["P1"]["realisasi_kumulatif_rupiah"] == 85 * JT
    assert may["P1"]["garis_lurus_pct"] == pytest.approx(5 / 12 * 100)
    # asking beyond the data stops at month 6
    assert set(programmes(conn, "programme_pacing", Y2024, bulan=12)["bulan"]) == {6}
    total = budget.pacing(monthly)
    assert list(total["bulan"]) == [1, 2, 3, 4, 5, 6]  # up to the last month with data
    # cumulative total: 15, 30, 45, 60, 85 (+10 APBD), 132 (+15 +5 +16 +11)
    assert list(total["realisasi_kumulatif_rupiah"] / JT) == [15, 30, 45, 60, 85, 132]
    # lines without any monthly figure: P2 APBD, P3 APBN, P7 APBN, KEG-01 CSR, KEG-02
    # lainnya
    assert budget.lines_without_monthly(monthly) == 5


def test_pacing_boundary_is_strictly_below_the_line():
    # pagu 1200 → straight line at month 6 is 600: 600 is on pace, 599 lags
    monthly = pd.DataFrame(
        {
            "kode_program": ["A"] * 12 + ["B"] * 12,
            "sumber_dana": "APBD",
            "pagu_rupiah": 1200.0,
            "bulan": list(range(1, 13)) * 2,
            "realisasi_rupiah": [100.0] * 6
            + [0.0] * 6
            + [100.0] * 5
            + [99.0]
            + [0.0] * 6,
            "bulan_data": 6,
        }
    )
    now = rows(budget.pacing_now(monthly, ["kode_program"]), "kode_program")
    assert now["A"]["realisasi_kumulatif_rupiah"] == 600 and not now["A"]["is_lagging"]
    assert now["B"]["realisasi_kumulatif_rupiah"] == 599 and now["B"]["is_lagging"]


def test_no_monthly_data_for_the_year(conn):
    monthly = run(conn, "monthly", Filters(tahun=2023))
    assert len(monthly) == 12  # APBN (P3) × 12 months, nothing spent
    assert budget.data_month(monthly) is None
    assert budget.pacing(monthly).empty


# ---- flows and warnings ---------------------------------------------------------------


def flows(conn, filters: Filters, middle: str) -> pd.DataFrame:
    from workforce.core.filters import bind

    q = "anggaran/flow_rupiah"
    return db.run(conn, q, **bind(q, filters, middle=middle))


def test_rupiah_flow_allocates_by_enrolments(conn):
    flow = budget.flow_rupiah(flows(conn, Y2024, "jenis"), "jenis")
    by_outcome = flow.groupby("hasil")["nilai"].sum() / JT
    # P1 110 over 5: placed A E → 44, graduated not placed B → 22, not graduated C D
    # → 44; P3 55 over 2: A placed 27.5, F 27.5; P4 30 not graduated; P2 40 over 2:
    # G placed 20, C 20; P7 10 without enrolments
    assert by_outcome.to_dict() == pytest.approx(
        {
            "ditempatkan": 44 + 27.5 + 20,
            "lulus_belum": 22 + 27.5 + 20,
            "tidak_lulus": 44 + 30,
            "tanpa_peserta": 10,
        }
    )
    # the flow's total is the cost-per-graduate numerator: 245 juta
    assert flow["nilai"].sum() == pytest.approx(245 * JT)
    nodes, src, tgt, values = budget.sankey_links(flow, "jenis")
    # no CSR money in a programme ending in 2024 (P5 ends in 2025)
    assert nodes[:2] == ["sumber:APBN", "sumber:APBD"] and "sumber:CSR" not in nodes
    assert sum(v for s, v in zip(src, values, strict=True) if s < 2) == pytest.approx(
        245 * JT
    )


def test_persons_flow(conn):
    flow = budget.flow_persons(run(conn, "outcomes", Y2024), "kejuruan")
    # under each programme's own source: P1 and P3 (APBN, Las) 5 + 2; P2 (APBD,
    # Garmen): G placed, C not; P4 (APBD, Garmen): 2 not graduated; P7 has no one
    assert flow["nilai"].sum() == 11
    apbd = flow[flow["sumber_dana"] == "APBD"].set_index("hasil")["nilai"].to_dict()
    assert apbd == {"ditempatkan": 1, "lulus_belum": 1, "tidak_lulus": 2}


def test_data_quality_warnings(conn):
    lines = run(conn, "line_issues", Y2024)
    assert len(lines) == 3  # only the lines with an issue come back
    over = budget.over_ceiling(lines)
    assert list(over["kode_program"]) == ["KEG-01", "KEG-02"]  # 12 > 10, 25 > 20 juta
    assert list(over["selisih_rupiah"]) == [2 * JT, 5 * JT]
    idle = budget.spending_without_enrolment(lines)
    assert list(idle["kode_program"]) == ["P7"]  # 10 juta, nobody enrolled


# ---- the page under AppTest -------------------------------------------------------------


def open_budget(app_test, db_path: Path, lang: str, **query):
    """The Anggaran page as the demo admin (the fixture database is demo data)."""
    at = app_test(db_path, lang=lang, **query).run()
    at.switch_page("pages/anggaran.py").run()
    enter = [b for b in at.button if "demo" in (b.key or "")]
    if enter:  # the login prompt of a page that needs staff: enter as demo admin
        enter[0].click().run()
    assert not at.exception, at.exception
    return at


def metric_values(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def open_tab(at, index: int):
    """Open the page's ``index``-th tab (only the open tab runs: a switch reruns)."""
    label = [t.label for t in at.tabs][index]
    at.session_state["budget_tab"] = label
    at.run()
    assert not at.exception, at.exception
    return at


def every_tab(at) -> tuple[int, str]:
    """Charts and dataframe text over all the tabs, each opened in turn."""
    charts, frames = 0, []
    for index in range(len(at.tabs)):
        open_tab(at, index)
        charts += len(at.get("plotly_chart"))
        frames += [str(df.value) for df in at.dataframe]
    return charts, " ".join(frames)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "id",
            {
                "Pagu anggaran": "Rp 390 juta",
                "Realisasi anggaran": "Rp 267 juta",
                "Serapan anggaran": "68,46%",  # 267 / 390
                "Biaya per peserta": "Rp 19,1 juta",  # 210 / 11
                "Biaya per lulusan": "Rp 35 juta",  # 245 / 7
                "Biaya per penempatan": "Rp 65 juta",  # 195 / 3
            },
        ),
        (
            "en",
            {
                "Budget ceiling": "Rp 390 million",
                "Spending": "Rp 267 million",
                "Budget absorption": "68.46%",
                "Cost per participant": "Rp 19.1 million",
                "Cost per graduate": "Rp 35 million",
                "Cost per placement": "Rp 65 million",
            },
        ),
    ],
)
def test_page_runs_in_both_languages(app_test, budget_db, lang, expected):
    at = open_budget(app_test, budget_db, lang, tahun="2024")
    assert metric_values(at).items() >= expected.items()
    # only the first tab ran: trend, APBN share, sources
    assert len(at.get("plotly_chart")) == 3
    charts, frames = every_tab(at)
    assert charts >= 6  # + costs, flow, pace
    assert metric_values(at).items() >= expected.items()  # the cards stay
    warnings = " ".join(w.value for w in at.warning)
    # two lines above their pagu (KEG-01, KEG-02); a programme without enrolments (P7)
    assert ("2 baris anggaran" if lang == "id" else "2 budget lines") in warnings
    assert "P7" in frames


def test_page_flow_in_persons_and_year_without_monthly_data(app_test, budget_db):
    at = open_budget(app_test, budget_db, "id", tahun="2024")
    open_tab(at, 2)  # Aliran dana
    at.radio(key="budget_flow_unit").set_value("orang").run()
    at.radio(key="budget_flow_middle").set_value("kejuruan").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    # 11 enrolments in programmes ending in 2024, 4 placed within 6 months (A/P1,
    # E/P1, A/P3, G/P2): 36,4%
    assert "Dari 11 pendaftaran" in captions and "4 (36,4%)" in captions
    older = open_tab(open_budget(app_test, budget_db, "en", tahun="2023"), 3)
    infos = " ".join(i.value for i in older.info)
    assert "No monthly spending data for 2023" in infos


def test_programme_tables_agree_with_pandas_on_demo_data(demo_db):
    """On the demo database: every programme's serapan and outlier flag from SQL
    equal a pandas computation over the budget lines (quartiles by linear
    interpolation, Tukey's fences), and the order puts outliers first."""
    conn = db.connect(demo_db, read_only=True)
    try:
        f = Filters(tahun=2024)
        got = programmes(conn, "programme_absorption", f, limit=100_000)
        first = programmes(conn, "programme_absorption", f)
        lines = conn.execute(
            "select kode_program, pagu_rupiah::double as pagu,"
            " realisasi_rupiah::double as real from mart_budget"
            " where tahun = 2024 and is_program"
        ).df()
    finally:
        conn.close()
    want = lines.groupby("kode_program")[["pagu", "real"]].sum()
    want["serapan"] = want["real"] / want["pagu"].where(want["pagu"] != 0) * 100
    q1, q3 = want["serapan"].quantile(0.25), want["serapan"].quantile(0.75)
    low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
    want["odd"] = want["serapan"].notna() & ~want["serapan"].between(low, high)
    got = got.set_index("kode_program").loc[want.index]
    assert len(want) > 50
    assert got["serapan_pct"].to_numpy() == pytest.approx(
        want["serapan"].to_numpy(), nan_ok=True
    )
    assert (got["is_outlier"] == want["odd"]).all()
    assert want["odd"].any()  # the demo has outliers to find
    n_odd = int(want["odd"].sum())
    assert first["is_outlier"].iloc[:n_odd].all()


# ---- the SQL groupings against the row-level rule -------------------------------------


def _cost_table_by_rows(costs: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """The cost rule over one row per programme × source (tests/sql/
    programme_costs_rows.sql): money summed, each programme's count once per group."""
    kinds = {
        "peserta": (costs["starts_in_period"], "peserta_count"),
        "lulusan": (costs["ends_in_period"], "lulusan_count"),
        "penempatan": (
            costs["ends_in_period"] & costs["is_mature"],
            "ditempatkan_count",
        ),
    }
    df = costs.assign(_all="total")
    keys = by or ["_all"]
    out = df[keys].drop_duplicates().reset_index(drop=True)
    for kind, (mask, count) in kinds.items():
        rows_ = df[mask]
        money = rows_.groupby(keys)["realisasi_rupiah"].sum()
        heads = (
            rows_.drop_duplicates([*keys, "kode_program"]).groupby(keys)[count].sum()
        )
        part = pd.DataFrame({f"realisasi_{kind}_rupiah": money, count: heads})
        out = out.merge(part.reset_index(), on=keys, how="left").fillna(
            {f"realisasi_{kind}_rupiah": 0.0, count: 0}
        )
    return out.drop(columns=["_all"], errors="ignore")


@pytest.mark.parametrize("source", ["fixture", "demo"])
def test_cost_groups_equal_the_row_level_rule(conn, demo_db, source):
    """anggaran/cost_groups.sql gives, for every grouping, the money and counts of the
    rule applied to one row per programme and source; flow_rupiah's total is the
    money of the programmes ending in the period."""
    from workforce.core.filters import bind

    target = conn if source == "fixture" else db.connect(demo_db, read_only=True)
    sql = (ROOT / "tests" / "sql" / "programme_costs_rows.sql").read_text()
    cases = [
        Filters(tahun=2024),
        Filters(tahun=2024, as_of=date(2025, 6, 30)),
        Filters(tahun=2023, kuartal=3),
        Filters(tahun=2024, dims={"sumber_dana": ("APBD", "CSR")}),
    ]
    checked = 0
    for f in cases:
        params = bind("anggaran/cost_groups", f)
        costs = target.execute(sql, params).df()
        groups = db.run(target, "anggaran/cost_groups", **params)
        for by in (["sumber_dana"], ["kejuruan"], ["kejuruan", "sumber_dana"], []):
            want = _cost_table_by_rows(costs, by) if len(costs) else None
            got = budget.cost_table(groups, by)
            if want is None:
                assert got.empty
                continue
            keys = by or []
            want = want.sort_values(keys, ignore_index=True) if keys else want
            got = got.sort_values(keys, ignore_index=True) if keys else got
            for column in want.columns:
                if column in keys:
                    assert list(got[column]) == list(want[column])
                else:
                    assert got[column].astype(float).tolist() == pytest.approx(
                        want[column].astype(float).tolist()
                    ), (by, column)
            checked += len(want)
        ending = costs[costs["ends_in_period"]]["realisasi_rupiah"].sum()
        flow = budget.flow_rupiah(flows(target, f, "kejuruan"), "kejuruan")
        assert flow["nilai"].sum() == pytest.approx(ending)
    assert checked > 10


@pytest.mark.parametrize("bulan", [3, 9, 12])
def test_programme_pacing_equals_the_monthly_rows_on_demo_data(demo_db, bulan):
    """programme_pacing reads mart_budget's folded cumulative spending; on the demo
    database it equals summing realisasi_bulanan's rows month by month, and the
    monthly query's per-source months add up to the same spending."""
    conn = db.connect(demo_db, read_only=True)
    try:
        f = Filters(tahun=2024)
        got = programmes(conn, "programme_pacing", f, bulan=bulan, limit=100_000)
        monthly = run(conn, "monthly", f)
        lines = conn.execute(
            "select kode_program, sumber_dana, pagu_rupiah::double as pagu"
            " from mart_budget where tahun = 2024 and is_program"
        ).df()
        spent = conn.execute(
            "select kode_program, sumber_dana, bulan, realisasi_rupiah::double as r"
            " from realisasi_bulanan where tahun = 2024"
        ).df()
        last = conn.execute(
            "select max(bulan) from realisasi_bulanan where tahun = 2024"
        ).fetchone()[0]
    finally:
        conn.close()
    n = min(bulan, last)
    upto = (
        spent[spent["bulan"] <= n].groupby(["kode_program", "sumber_dana"])["r"].sum()
    )
    per_line = lines.join(upto, on=["kode_program", "sumber_dana"]).fillna({"r": 0.0})
    want = per_line.groupby("kode_program")[["pagu", "r"]].sum()
    got = got.set_index("kode_program").loc[want.index]
    assert len(want) > 50 and set(got["bulan"]) == {n}
    assert got["realisasi_kumulatif_rupiah"].tolist() == pytest.approx(
        want["r"].tolist()
    )
    assert got["pagu_rupiah"].tolist() == pytest.approx(want["pagu"].tolist())
    assert list(got["is_lagging"]) == list(12 * want["r"] < n * want["pagu"])
    assert budget.data_month(monthly) == last


def test_behind_is_against_the_citys_own_schedule():
    # pagu 1200, month 6: straight line 50%; the schedule's floor 10% (earlier
    # years' programmes spend late). A spent 144 (12%): under the straight line but
    # on schedule; B spent 108 (9%): behind schedule too.
    monthly = pd.DataFrame(
        {
            "kode_program": ["A"] * 12 + ["B"] * 12,
            "sumber_dana": "APBD",
            "pagu_rupiah": 1200.0,
            "bulan": list(range(1, 13)) * 2,
            "realisasi_rupiah": [24.0] * 6 + [0.0] * 6 + [18.0] * 6 + [0.0] * 6,
            "bulan_data": 6,
        }
    )
    schedule = pd.DataFrame(
        {"bulan": range(1, 13), "floor_pct": [m * 10 / 6 for m in range(1, 13)]}
    )
    now = rows(
        budget.pacing_now(monthly, ["kode_program"], 6, schedule), "kode_program"
    )
    assert now["A"]["is_lagging"] and not now["A"]["is_behind"]
    assert now["B"]["is_lagging"] and now["B"]["is_behind"]
    assert now["A"]["jadwal_pct"] == pytest.approx(10.0)
    # no floor (too few earlier programmes): the straight line is the schedule
    empty = schedule.assign(floor_pct=None)
    plain = rows(budget.pacing_now(monthly, ["kode_program"], 6, empty), "kode_program")
    assert plain["A"]["is_behind"] and plain["B"]["is_behind"]


def test_in_december_the_schedule_flags_few_where_the_straight_line_flags_all(
    demo_db,
):
    """The demo's programmes spend most in the last quarter, as Cilegon's do: the
    straight line n/12 flags nearly every programme and source in December; the
    city's own schedule flags the slowest tenth or so."""
    conn = db.connect(demo_db, read_only=True)
    try:
        f = Filters(tahun=2024)
        q = "anggaran/pace_schedule"
        schedule = db.run(conn, q, **bind(q, f, **budget.schedule_params()))
        floor = budget.pace_floor(schedule, 12)
        got = programmes(conn, "programme_pacing", f, bulan=12, floor_pct=floor)
        monthly = run(conn, "monthly", f)
    finally:
        conn.close()
    first = got.iloc[0]
    total, straight = int(first["programmes_count"]), int(first["lagging_count"])
    behind = int(first["behind_count"])
    assert floor is not None and schedule["programmes_count"].iloc[0] >= 10
    assert straight >= 0.8 * total  # the straight line fires for nearly everything
    assert behind <= 0.3 * total and behind < straight
    sources = budget.pacing_now(monthly, ["sumber_dana"], 12, schedule)
    assert sources["is_lagging"].all() and not sources["is_behind"].all()
    # the floor is the 10th percentile: about a tenth of the earlier programmes
    # were below it, by construction
    assert 0 < floor < 100
