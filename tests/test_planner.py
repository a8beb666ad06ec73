"""The planner: projection arithmetic, saved scenarios, TPT trend, the meeting pack, the page.

Every expected number is worked out by hand in the comment beside it. The rates of
the projection tests are given directly (no database), so the arithmetic can be
followed line by line; the database tests use the small hand-built fixture of
tests/fixtures.py (facts listed there).
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.fixtures import AS_OF
from workforce.core import db, metrics
from workforce.core.filters import Filters
from workforce.planning import charts as planner_charts
from workforce.planning import numbers as planner_data
from workforce.planning import planner, scenarios
from workforce.planning.meeting_pack import pack as meeting_pack
from workforce.planning.planner import ALL
from workforce.planning.projection import numbers as projection
from workforce.planning.scenarios import Scenario

# ---- projection arithmetic on hand-given rates -------------------------------------

NAN = float("nan")


def rate_row(comp, cert, place, cost, fund_costs=None) -> dict:
    """One rates row; each rate/cost is (central, low, high); fund_costs by source."""
    row = {}
    for key, (c, lo, hi) in {
        "completion": comp,
        "certification": cert,
        "placement": place,
    }.items():
        row |= {f"{key}_pct": c, f"{key}_low": lo, f"{key}_high": hi}
    row |= dict(
        zip(("unit_cost_rupiah", "unit_cost_low", "unit_cost_high"), cost, strict=True)
    )
    for fund in planner.FUNDS:
        c, lo, hi = (fund_costs or {}).get(fund, (NAN, NAN, NAN))
        row |= {
            f"unit_cost_{fund}_rupiah": c,
            f"unit_cost_{fund}_low": lo,
            f"unit_cost_{fund}_high": hi,
        }
    return row


RATES = pd.DataFrame.from_dict(
    {
        # Las: its own APBN and APBD unit costs; no CSR cost (falls back to 4 juta)
        "Las": rate_row(
            (80, 70, 90),
            (50, 40, 60),
            (60, 50, 70),
            (4e6, 3e6, 5e6),
            {"APBN": (5e6, 4e6, 6e6), "APBD": (3e6, 2.5e6, 3.5e6)},
        ),
        # Garmen: one cost for every source, no spread
        "Garmen": rate_row((90, 90, 90), (40, 40, 40), (50, 50, 50), (2e6, 2e6, 2e6)),
        ALL: rate_row((85, 85, 85), (45, 45, 45), (55, 55, 55), (3.5e6, 3.5e6, 3.5e6)),
    },
    orient="index",
)
SEATS = pd.DataFrame(
    [
        {"kejuruan": "Las", "APBN": 20, "APBD": 10, "CSR": 0},
        {"kejuruan": "Garmen", "APBN": 0, "APBD": 10, "CSR": 0},
        {"kejuruan": "Baru", "APBN": 0, "APBD": 0, "CSR": 10},  # no history at all
        {"kejuruan": "Tutup", "APBN": 0, "APBD": 0, "CSR": 0},  # not offered
    ]
)
VACANCIES = {"Las": 40, "Garmen": 5}
BUDGET = {"APBN": 120e6, "APBD": 40e6, "CSR": 50e6}


@pytest.fixture(scope="module")
def proj() -> pd.DataFrame:
    return planner.project(SEATS, RATES, VACANCIES).set_index("kejuruan")


def test_projection_of_a_kejuruan_with_its_own_rates(proj) -> None:
    las = proj.loc["Las"]
    assert las["seats"] == 30  # 20 APBN + 10 APBD
    # graduates = 30 × 80% = 24 (low 30 × 70% = 21, high 30 × 90% = 27)
    assert (
        las["graduates"],
        las["graduates_low"],
        las["graduates_high"],
    ) == pytest.approx((24, 21, 27))
    # certified = 24 × 50% = 12 (low 21 × 40% = 8.4, high 27 × 60% = 16.2)
    assert (
        las["certified"],
        las["certified_low"],
        las["certified_high"],
    ) == pytest.approx((12, 8.4, 16.2))
    # placed = 24 × 60% = 14.4 (low 21 × 50% = 10.5, high 27 × 70% = 18.9)
    assert (las["placed"], las["placed_low"], las["placed_high"]) == pytest.approx(
        (14.4, 10.5, 18.9)
    )
    # cost = 20 × 5 juta + 10 × 3 juta = 130 juta (low 20×4 + 10×2.5 = 105, high 20×6 + 10×3.5 = 155)
    assert (
        las["cost_rupiah"],
        las["cost_rupiah_low"],
        las["cost_rupiah_high"],
    ) == pytest.approx((130e6, 105e6, 155e6))
    # cost per placement = 130 juta / 14.4 = 9.027.777,78; low pairs the low cost with
    # the high placements: 105 / 18.9 = 5.555.555,56; high 155 / 10.5 = 14.761.904,76
    assert las["cost_per_placement"] == pytest.approx(130e6 / 14.4)
    assert las["cost_per_placement_low"] == pytest.approx(105e6 / 18.9)
    assert las["cost_per_placement_high"] == pytest.approx(155e6 / 10.5)
    # vacancy gap: 24 graduates for 40 vacancies = 60% covered, 16 left; not oversupply
    assert (las["vacancies"], las["coverage_pct"], las["gap_after"]) == pytest.approx(
        (40, 60, 16)
    )
    assert not las["is_oversupply"] and las["has_history"]


def test_projection_falls_back_to_kejuruan_then_city_costs_and_rates(proj) -> None:
    garmen, baru = proj.loc["Garmen"], proj.loc["Baru"]
    # Garmen: 10 APBD seats × 90% = 9 graduates, 9 × 50% = 4.5 placed; no APBD cost
    # of its own → its all-source 2 juta: cost 20 juta, per placement 20 / 4.5 juta
    assert (
        garmen["graduates"],
        garmen["placed"],
        garmen["cost_rupiah"],
    ) == pytest.approx((9, 4.5, 20e6))
    assert garmen["cost_per_placement"] == pytest.approx(20e6 / 4.5)
    # 9 graduates for 5 vacancies = 180% > 1.5 × 5 = 7.5 → oversupply
    assert garmen["coverage_pct"] == pytest.approx(180) and garmen["is_oversupply"]
    # Baru: no row → the city's rates: 10 × 85% = 8.5 graduates, × 55% = 4.675 placed,
    # × 45% = 3.825 certified; the city has no CSR cost → city all-source 3,5 juta × 10
    assert (baru["graduates"], baru["placed"], baru["certified"]) == pytest.approx(
        (8.5, 4.675, 3.825)
    )
    assert baru["cost_rupiah"] == pytest.approx(35e6)
    assert not baru["has_history"]
    # no reported vacancy: coverage not available, any graduate is oversupply
    assert pd.isna(baru["coverage_pct"]) and baru["is_oversupply"]
    assert "Tutup" not in proj.index  # 0 seats: not projected


def test_totals_budget_flags_and_kpi_effect(proj) -> None:
    tot = planner.totals(proj.reset_index())
    # seats 30 + 10 + 10 = 50; graduates 24 + 9 + 8.5 = 41.5 (low 21 + 9 + 8.5 = 38.5,
    # high 27 + 9 + 8.5 = 44.5); placed 14.4 + 4.5 + 4.675 = 23.575;
    # cost 130 + 20 + 35 = 185 juta; per placement 185 juta / 23.575
    assert tot["seats"] == 50
    assert (
        tot["graduates"],
        tot["graduates_low"],
        tot["graduates_high"],
    ) == pytest.approx((41.5, 38.5, 44.5))
    assert tot["placed"] == pytest.approx(23.575)
    assert tot["cost_rupiah"] == pytest.approx(185e6)
    assert tot["cost_per_placement"] == pytest.approx(185e6 / 23.575)
    # vacancies 40 + 5 = 45; coverage 41.5 / 45
    assert tot["coverage_pct"] == pytest.approx(41.5 / 45 * 100)

    budget = planner.budget_check(SEATS, RATES, BUDGET).set_index("sumber_dana")
    # APBN: Las 20 × 5 juta = 100 juta of 120 → 20 juta left
    # APBD: Las 10 × 3 juta + Garmen 10 × 2 juta = 50 juta of 40 → over by 10 juta
    # CSR: Baru 10 × 3,5 juta = 35 juta of 50
    assert budget["cost_rupiah"].to_dict() == pytest.approx(
        {"APBN": 100e6, "APBD": 50e6, "CSR": 35e6}
    )
    assert budget["remaining_rupiah"].to_dict() == pytest.approx(
        {"APBN": 20e6, "APBD": -10e6, "CSR": 15e6}
    )
    assert budget["is_over"].to_dict() == {"APBN": False, "APBD": True, "CSR": False}
    # APBN low/high: 20 × 4 and 20 × 6 juta
    assert (
        budget.loc["APBN", "cost_rupiah_low"],
        budget.loc["APBN", "cost_rupiah_high"],
    ) == pytest.approx((80e6, 120e6))

    found = planner.flags(proj.reset_index(), budget.reset_index())
    assert [(k, v.get("fund") or v.get("kejuruan")) for k, v in found] == [
        ("over_budget", "APBD"),
        ("oversupply", "Garmen"),
        ("no_vacancies", "Baru"),
        ("no_history", "Baru"),
    ]
    assert found[0][1]["over"] == pytest.approx(10e6)

    effect = planner.kpi_effect(
        tot,
        {"tingkat_kelulusan": 80, "tingkat_penempatan_6b": 60, "peserta": 60},
        {"peserta": 45},
    ).set_index("indikator")
    # completion 41.5 / 50 = 83% (low 38.5 / 50 = 77%, high 44.5 / 50 = 89%) ≥ 80: on track
    kel = effect.loc["tingkat_kelulusan"]
    assert (kel["projected"], kel["low"], kel["high"]) == pytest.approx((83, 77, 89))
    assert kel["status"] == "on_track"
    # placement 23.575 / 41.5 = 56.81% < 60 but ≥ 60 × 0.9 = 54: at risk
    assert effect.loc["tingkat_penempatan_6b", "projected"] == pytest.approx(
        23.575 / 41.5 * 100
    )
    assert effect.loc["tingkat_penempatan_6b", "status"] == "at_risk"
    # 50 seats against a target of 60 participants: 50 < 54 → off track; actual kept
    assert effect.loc["peserta", "status"] == "off_track"
    assert effect.loc["peserta", "actual"] == 45


def test_rates_from_history_pool_the_years_and_range_over_solid_years() -> None:
    zero = {f"{k}_{p}": 0.0 for k in ("certification",) for p in ("num", "den")}
    money = {
        f"{m}_{f}_{u}": 0.0
        for f in planner.FUNDS
        for m, u in (("realisasi", "rupiah"), ("peserta", "count"))
    }
    hist = pd.DataFrame(
        [
            {
                "kejuruan": "Las",
                "tahun": 2023,
                "completion_num": 8,
                "completion_den": 10,
                "placement_num": 6,
                "placement_den": 8,
                "realisasi_rupiah": 50e6,
                "peserta_count": 10,
                **zero,
                **money,
            },
            {
                "kejuruan": "Las",
                "tahun": 2024,
                "completion_num": 18,
                "completion_den": 20,
                "placement_num": 3,
                "placement_den": 4,
                "realisasi_rupiah": 120e6,
                "peserta_count": 20,
                **zero,
                **money,
            },
        ]
    )
    las = planner.rates_from_history(hist).loc["Las"]
    # completion pooled (8 + 18) / (10 + 20) = 86.67%; years 80% and 90%
    assert (
        las["completion_pct"],
        las["completion_low"],
        las["completion_high"],
    ) == pytest.approx((26 / 30 * 100, 80, 90))
    # placement pooled (6 + 3) / (8 + 4) = 75%; 2024 has 4 < 5 graduates: only 2023
    # (6/8 = 75%) counts for the range
    assert (
        las["placement_pct"],
        las["placement_low"],
        las["placement_high"],
        las["placement_years"],
    ) == pytest.approx((75, 75, 75, 1))
    # unit cost: the latest solid year 120 / 20 = 6 juta; range 50/10 = 5 to 6 juta
    assert (
        las["unit_cost_rupiah"],
        las["unit_cost_low"],
        las["unit_cost_high"],
    ) == pytest.approx((6e6, 5e6, 6e6))
    assert pd.isna(las["certification_pct"])  # no graduates ever: not available


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_warning_has_a_sentence(proj, lang) -> None:
    budget = planner.budget_check(SEATS, RATES, BUDGET)
    found = planner.flags(proj.reset_index(), budget)
    texts = [planner_charts.flag_text(k, v, lang) for k, v in found]
    if lang == "id":
        assert texts == [
            "Biaya APBD melebihi pagu sebesar Rp 10 juta.",
            "Garmen: proyeksi 9 lulusan, lebih dari 1,5× lowongan yang dilaporkan (5).",
            "Baru: proyeksi 8 lulusan, padahal tidak ada lowongan yang dilaporkan.",
            "Baru: riwayat belum lengkap, dipakai tingkat kota.",
        ]
    else:
        assert texts[0] == "APBD cost exceeds the budget by Rp 10 million."


def test_summaries_without_data() -> None:
    empty = pd.DataFrame(columns=["kejuruan", "vacancies", "graduates", "gap"])
    assert planner_charts.link_match_summary(empty, "id", None) == (
        "Belum ada lowongan yang dilaporkan."
    )
    assert (
        planner_charts.link_match_summary(empty, "en", None)
        == "No vacancies reported yet."
    )


# ---- the database inputs follow the registry -------------------------------------------


@pytest.mark.parametrize(
    ("database", "years", "as_of"),
    [
        ("fixture_db", [2023, 2024], AS_OF),
        ("fixture_db", [2023, 2024], None),  # each year at its own end
        ("demo_db", [2021, 2022, 2023, 2024, 2025], date(2025, 9, 30)),
    ],
)
def test_history_equals_the_registry_per_kejuruan_and_year(
    request, database, years, as_of
) -> None:
    """All years in one query (with a reporting date) or one per year (without):
    every kejuruan and year's counts are the registry's."""
    conn = db.connect(request.getfixturevalue(database), read_only=True)
    try:
        hist = planner_data.history(conn, years, as_of)
        assert len(hist) > 0 and set(hist["tahun"]) <= set(years)
        for row in hist.itertuples(index=False):
            f = Filters(
                tahun=row.tahun, dims={"kejuruan": (row.kejuruan,)}, as_of=as_of
            )
            for key, metric_id in (
                ("completion", "tingkat_kelulusan"),
                ("certification", "tingkat_sertifikasi"),
                ("placement", "tingkat_penempatan_6b"),
            ):
                r = metrics.compute(conn, metric_id, f)
                assert getattr(row, f"{key}_num") == (r.numerator or 0), (row, key)
                assert getattr(row, f"{key}_den") == (r.denominator or 0), (row, key)
    finally:
        conn.close()


def test_basis_in_few_statements(fixture_conn) -> None:
    """The planner's basis reads the latest year's pagu and actuals, with the
    12-month rates of the history years, in one statement, and besides the targets
    (one read per year looked at) at most five: the filter options, the rates and
    the costs of all years in one each, the link-and-match of the latest year with
    vacancies and the latest year's KPIs."""
    with db.count_statements() as sent:
        planner_data.load_basis(fixture_conn, AS_OF)
    latest = ("metrics/pagu", *(f"metrics/{k}" for k in planner.KPI_IDS))
    lasting = {f"metrics/{k}" for k in planner_data.LASTING.values()}
    assert any(
        names[: len(latest)] == latest and set(names[len(latest) :]) == lasting
        for names in sent.sent
    ), sent.sent
    others = [names for names in sent.sent if names != ("metrics/targets",)]
    assert len(others) <= 5, others


def test_basis_of_the_fixture(fixture_conn) -> None:
    b = planner_data.load_basis(fixture_conn, AS_OF)
    assert (b.latest_year, b.plan_year, b.years) == (2024, 2025, [2023, 2024])
    # pagu 2024: APBN 100 (P1) + 20 (P3), APBD 20 (P1) + 50 (P2) + 30 (P4), CSR 10
    # (KEG-01) juta
    assert b.pagu == {"APBN": 120e6, "APBD": 100e6, "CSR": 10e6}
    # vacancies 2024: Las 10 + 2, Garmen 1
    assert b.vacancy_year == 2024
    assert b.vacancies == {"Las": 12, "Garmen": 1}
    las = b.rates.loc["Las"]
    # completion: nothing ends in 2023; 2024 P1 3 of 5 ended, P3 2 of 2 → 5/7
    assert las["completion_pct"] == pytest.approx(5 / 7 * 100)
    # certified: A E of A B E (P1), A F (P3) → 4 of 5
    assert las["certification_pct"] == pytest.approx(80)
    # placed within 6 months: A/P1, E/P1, A/P3 of A B E A F → 3 of 5
    assert las["placement_pct"] == pytest.approx(60)
    # unit cost of programmes starting in the year: 2023 P3 (35 + 20) juta / 2
    # enrolments, 2024 P1 (90 + 20) juta / 5; 2024 has 5 participants → its cost,
    # 22 juta; APBN 90 / 5 = 18 juta (P3's 2 enrolments are too few)
    assert las["unit_cost_rupiah"] == pytest.approx(110e6 / 5)
    assert las["unit_cost_APBN_rupiah"] == pytest.approx(90e6 / 5)
    # Garmen: P4 (30 juta) and P2 (40 juta) start in 2024 with 2 enrolments each; no
    # year has 5 participants → pooled (30 + 40) / 4 = 17,5 juta
    assert b.rates.loc["Garmen", "unit_cost_APBD_rupiah"] == pytest.approx(70e6 / 4)
    # seats to start from: 2024 programmes' enrolments by source: Las APBN 5 and
    # APBD 5 (P1 paid by both), Garmen APBD 2 + 2 (P2, P4); Teknologi Informasi's P5
    # has no budget line
    seats = b.seats.set_index("kejuruan")
    assert seats.to_dict("index") == {
        "Garmen": {"APBN": 0, "APBD": 4, "CSR": 0},
        "Las": {"APBN": 5, "APBD": 5, "CSR": 0},
        "Teknologi Informasi": {"APBN": 0, "APBD": 0, "CSR": 0},
    }


# ---- saved scenarios ------------------------------------------------------------------------


def test_scenario_saved_listed_reloaded_and_replaced(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WORKFORCE_SCENARIOS_DIR", str(tmp_path / "sc"))
    sc = Scenario.from_frame("  Rencana  Pagu Naik ", 2026, BUDGET, SEATS, 2025)
    path = scenarios.save(sc)
    assert path == tmp_path / "sc" / "rencana-pagu-naik.json"
    assert json.loads(path.read_text())["name"] == "Rencana Pagu Naik"  # spaces tidied
    scenarios.save(Scenario.from_frame("Skénario Hemat", 2026, {}, SEATS.head(1)))
    assert scenarios.list_names() == ["Rencana Pagu Naik", "Skénario Hemat"]
    back = scenarios.load("rencana pagu naik")  # same file name, any case
    assert (back.name, back.tahun, back.basis_year) == ("Rencana Pagu Naik", 2026, 2025)
    assert back.budget == BUDGET
    pd.testing.assert_frame_equal(back.seats_frame(), SEATS)
    # saving under the same name replaces it
    scenarios.save(Scenario.from_frame("Rencana Pagu Naik", 2026, {"APBN": 1.0}, SEATS))
    assert scenarios.load("Rencana Pagu Naik").budget["APBN"] == 1.0
    assert len(list((tmp_path / "sc").glob("*.json"))) == 2
    # side by side: Hemat has only Las 20 APBN + 10 APBD seats
    table = scenarios.compare(
        [back, scenarios.load("Skénario Hemat")], RATES, VACANCIES
    )
    assert table.loc["seats"].tolist() == [50, 30]
    assert table.loc["cost"].tolist() == pytest.approx([185e6, 130e6])


def test_bad_names_and_files_are_refused(tmp_path) -> None:
    for bad in ("", "   ", "!!!", "x" * 81):
        with pytest.raises(scenarios.ScenarioError):
            scenarios.check_name(bad)
    with pytest.raises(scenarios.ScenarioError):
        scenarios.load("tidak ada", tmp_path)
    (tmp_path / "rusak.json").write_text("{not json")
    assert scenarios.list_names(tmp_path) == []  # an unreadable file is skipped
    with pytest.raises(scenarios.ScenarioError):
        scenarios.load("rusak", tmp_path)
    # seats that are blank, negative or fractional become whole, non-negative
    messy = pd.DataFrame([{"kejuruan": "Las", "APBN": None, "APBD": -3, "CSR": 2.6}])
    sc = Scenario.from_frame("x", 2026, {}, messy)
    assert sc.seats == {"Las": {"APBN": 0, "APBD": 0, "CSR": 3}}


# ---- TPT projection ----------------------------------------------------------------------------


def test_tpt_trend_and_prediction_interval_on_a_tiny_series() -> None:
    # 2021-2024: 10, 9, 7, 6 (2020 = 20 is the COVID year, left out)
    series = {2020: 20.0, 2021: 10.0, 2022: 9.0, 2023: 7.0, 2024: 6.0}
    fit = projection.fit_trend(series)
    # x̄ = 2022.5, ȳ = 8, Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5,
    # Sxy = (−1.5)(2) + (−0.5)(1) + (0.5)(−1) + (1.5)(−2) = −7 → slope −1.4
    assert fit.years == (2021, 2022, 2023, 2024) and fit.excluded == (2020,)
    assert fit.slope == pytest.approx(-1.4)
    # fitted 10.1, 8.7, 7.3, 5.9 → residuals −0.1, 0.3, −0.3, 0.1; SSR 0.2;
    # s = √(0.2 / 2) = 0.3162; t(0.90, 2 dof) = 0.8 / √0.18 = 1.8856 (with 2 dof
    # the t quantile has a closed form: (2p − 1) / √(2p(1 − p)), p = 0.90)
    t2 = 0.8 / 0.18**0.5
    assert fit.resid_sd == pytest.approx(0.1**0.5)
    assert fit.t_value == pytest.approx(t2) == pytest.approx(1.8856, abs=1e-4)
    first, second, _ = projection.project(fit, horizon=3)
    # 2025: 8 − 1.4 × 2.5 = 4.5; leverage 1 + 1/4 + 2.5²/5 = 2.5;
    # half-width 1.8856 × 0.3162 × √2.5 = 1.8856 × 0.5 = 0.9428
    assert (first.tahun, first.value) == (2025, pytest.approx(4.5))
    assert (first.low, first.high) == pytest.approx((4.5 - t2 / 2, 4.5 + t2 / 2))
    assert first.high - first.value == pytest.approx(0.9428, abs=1e-4)
    # 2026: 3.1; leverage 1 + 1/4 + 3.5²/5 = 3.7 → ± 1.8856 × √(0.1 × 3.7)
    assert second.value == pytest.approx(3.1)
    assert second.high - second.value == pytest.approx(t2 * (0.37**0.5))
    # with 2020 kept the line is another one
    assert projection.fit_trend(series, exclude=()).years[0] == 2020
    # the band never leaves 0-100
    steep = projection.project(projection.fit_trend({2021: 3, 2022: 2, 2023: 0.5}), 3)
    assert all(0 <= p.low <= p.value <= p.high for p in steep)


@pytest.mark.parametrize(
    ("dof", "expected"),
    [
        (1, 3.0777),  # Cauchy: tan(0.4π)
        (2, 1.8856),  # 0.8 / √0.18
        (5, 1.4759),  # printed tables: 1.476
        (6, 1.4398),  # Kota Cilegon 2017-2025 without 2020: 8 years, 6 dof
        (40, 1.3031),  # printed tables: 1.303
        (1000, 1.2824),  # printed tables: 1.282; still above z = 1.2816
    ],
)
def test_t_quantile_is_students_t_at_every_dof(dof: int, expected: float) -> None:
    assert projection.t_quantile(dof) == pytest.approx(expected, abs=1e-4)
    # wider with fewer years, and never the normal quantile's 1.2816 (too narrow)
    assert projection.t_quantile(dof) > projection.t_quantile(dof + 1) > 1.2816
    with pytest.raises(ValueError):
        projection.t_quantile(0)


def test_tpt_series_is_the_registry_and_needs_three_years(fixture_conn) -> None:
    series = projection.tpt_series(fixture_conn)
    assert series[2025] == pytest.approx(7.41)  # BPS Kota Cilegon, data/seed
    assert series[2024] == metrics.compute(fixture_conn, "tpt", Filters(2024)).value
    with pytest.raises(ValueError):
        projection.fit_trend({2024: 6.0, 2025: 7.0})


# ---- meeting pack ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pack_inputs(fixture_db):
    from workforce.core import db

    conn = db.connect(fixture_db, read_only=True)
    basis = planner_data.load_basis(conn, AS_OF)
    seats = pd.DataFrame([{"kejuruan": "Las", "APBN": 10, "APBD": 0, "CSR": 0}])
    sc = Scenario.from_frame("Rapat Uji", 2025, {"APBN": 100e6}, seats, 2024)
    yield conn, basis, sc
    conn.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_meeting_pack_pdf_and_xlsx(pack_inputs, lang) -> None:
    conn, basis, sc = pack_inputs
    pack = meeting_pack.build(conn, basis, sc, lang, is_demo=True)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pack.pdf)).pages)
    flat = " ".join(text.split())
    # Las, 10 APBN seats: graduates 10 × 5/7 = 7,14; placed × 60% = 4,29; cost
    # 10 × 18 juta = 180 juta (over the 100 juta budget by 80 juta); per placement
    # 180 juta / (50/7 × 0,6 = 30/7) = 180 × 7 / 30 = 42 juta
    expected = {
        "id": [
            "Bahan Rapat Perencanaan Pelatihan Vokasi 2025",
            "1. IKU 2024 terhadap target",
            "Link & match 2024",
            'Skenario "Rapat Uji"',
            "Rp 42 juta",
            "Biaya APBN melebihi pagu sebesar Rp 80 juta",
            "Data per 31 Desember 2024",
            "DATA CONTOH (DEMO)",
            "Tingkat kelulusan",
            "TPT Kota Cilegon 2025 adalah 7,41%",
        ],
        "en": [
            "Vocational Training Planning Meeting Pack 2025",
            "1. KPIs 2024 against targets",
            "Link & match 2024",
            'Scenario "Rapat Uji"',
            "Rp 42 million",
            "APBN cost exceeds the budget by Rp 80 million",
            "Data as of 31 December 2024",
            "DEMO DATA",
            "Completion rate",
            "rate was 7.41% in 2025",
        ],
    }[lang]
    for phrase in expected:
        assert phrase in flat, phrase
    assert len(PdfReader(io.BytesIO(pack.pdf)).pages) >= 5

    wb = load_workbook(io.BytesIO(pack.xlsx))
    names = {
        "id": [
            "Info",
            "IKU 2024",
            "Link & match 2024",
            "Skenario",
            "Anggaran",
            "Dampak target",
            "TPT",
            "Tingkat historis",
            "Riwayat per tahun",
            "Kartu skor 2024",
        ],
        "en": [
            "Info",
            "KPI 2024",
            "Link & match 2024",
            "Scenario",
            "Budget",
            "Target effect",
            "TPT",
            "Historical rates",
            "History by year",
            "Scorecard 2024",
        ],
    }[lang]
    assert wb.sheetnames == names
    rows = list(wb[names[3]].values)
    header, las = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[0] == ("Kejuruan" if lang == "id" else "Vocation")
    seats_col = "Kursi" if lang == "id" else "Seats"
    cost_col = "Biaya (Rp)" if lang == "id" else "Cost (Rp)"
    assert (las[header[0]], las["APBN"], las[seats_col]) == ("Las", 10, 10)
    assert las[cost_col] == pytest.approx(10 * 90e6 / 5)
    tpt = {r[0]: r[1] for r in list(wb["TPT"].values)[1:]}
    assert tpt[2025] == pytest.approx(7.41) and 2026 in tpt  # published + projected
    kpi_rows = list(wb[names[1]].values)
    kpi = {r[0]: r[2] for r in kpi_rows[1:]}
    assert kpi[metrics.get("realisasi").name(lang)] == 212e6  # 90+20+40+30+20+12
    codes = {m.id for m in metrics.REGISTRY} | {"pct", "count", "rupiah"}
    assert not codes & {str(v) for row in kpi_rows for v in row}  # names, no codes
    peserta = kpi[metrics.get("peserta").name(lang)]
    assert isinstance(peserta, int)  # a head count is a whole number
    info = {r[0]: r[1] for r in wb[names[0]].values}
    assert isinstance(info["Data per" if lang == "id" else "Data as of"], datetime)
    sheet = wb[names[1]]
    first = max(len(str(r[0])) for r in kpi_rows)
    assert sheet.column_dimensions["A"].width >= first  # as wide as its content
    # the first page reads alone: the KPIs against their targets, what needs
    # attention (with units), the scenario
    page1 = " ".join(PdfReader(io.BytesIO(pack.pdf)).pages[0].extract_text().split())
    assert (
        "Ringkasan untuk pimpinan" if lang == "id" else "Summary for the mayor"
    ) in page1
    assert ("Perlu perhatian" if lang == "id" else "Needs attention") in page1
    assert (
        "IKU 2024 yang bertarget" if lang == "id" else "KPIs of 2024 with a target"
    ) in page1
    assert ("orang" if lang == "id" else "people") in flat


def test_pack_file_names() -> None:
    assert meeting_pack.file_name(2026, "Rencana Pagu Naik", "pdf") == (
        "bahan-rapat-2026-rencana-pagu-naik.pdf"
    )


# ---- the page ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_runs_in_both_languages(
    app_test, demo_db, lang, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("WORKFORCE_SCENARIOS_DIR", str(tmp_path))
    at = app_test(demo_db, lang=lang)
    at.switch_page("pages/perencanaan.py").run()  # straight to the page
    assert not at.exception, [e.message for e in at.exception]
    labels = [m.label for m in at.metric]
    assert labels[:2] == (
        ["Kursi", "Lulusan"] if lang == "id" else ["Seats", "Graduates"]
    )
    assert len(at.get("plotly_chart")) == 3  # scenario, budget, TPT
    assert any("Proyeksi TPT" in s.value or "projection" in s.value for s in at.header)


def test_page_saves_and_reloads_a_scenario(
    app_test, fixture_db, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("WORKFORCE_SCENARIOS_DIR", str(tmp_path))
    at = app_test(fixture_db)
    at.switch_page("pages/perencanaan.py").run()
    seats_before = at.metric[0].value
    # nothing saved yet: nothing to compare with, so no empty "compare" box
    assert not [m for m in at.multiselect if m.key == "plan_compare"]
    at.number_input(key="plan_budget_APBN").set_value(250.0).run()
    at.text_input(key="plan_save_name").input("Pagu APBN 250").run()
    at.button(key="plan_save").click().run()
    assert not at.exception
    saved = scenarios.load("Pagu APBN 250", tmp_path)
    assert saved.budget["APBN"] == 250e6  # juta in the input, Rupiah in the file
    at.number_input(key="plan_budget_APBN").set_value(999.0).run()
    # side by side: the current planner (999 juta) and the saved one (250 juta)
    at.multiselect(key="plan_compare").select("Pagu APBN 250").run()
    compared = next(d.value for d in at.dataframe if "Pagu APBN 250" in d.value.columns)
    assert list(compared.columns) == ["(simulasi saat ini)", "Pagu APBN 250"]
    # fixture pagu 2024: APBD 100 + CSR 10 juta; APBN 999 vs 250 juta: 1.109 juta
    # and 360 juta
    assert compared.loc["Pagu total"].tolist() == ["Rp 1,1 miliar", "Rp 360 juta"]
    at.selectbox(key="plan_load_name").select("Pagu APBN 250").run()
    at.button(key="plan_load").click().run()
    assert at.number_input(key="plan_budget_APBN").value == 250.0
    assert at.metric[0].value == seats_before


@pytest.mark.parametrize("database", ["fixture_db", "demo_db"])
@pytest.mark.parametrize("sources", [None, ("APBD", "CSR")])
def test_costs_by_year_equal_the_budget_page_year_by_year(request, database, sources):
    """perencanaan/costs_by_year (all years in one query) gives each year's spending
    and enrolments of starting programmes exactly as the budget page's
    anggaran/cost_groups (peserta columns) for that year alone."""
    from workforce.budget import numbers as budget
    from workforce.core.filters import bind

    conn = db.connect(request.getfixturevalue(database), read_only=True)
    dims = {"sumber_dana": sources} if sources else {}
    years = [2021, 2022, 2023, 2024, 2025]
    try:
        q = "perencanaan/costs_by_year"
        span = {"start": date(2021, 1, 1), "end": date(2025, 12, 31)}
        got = db.run(conn, q, **bind(q, Filters(2025, dims=dims), **span))
        compared = 0
        for year in years:
            groups = db.run(
                conn,
                "anggaran/cost_groups",
                **bind("anggaran/cost_groups", Filters(year, dims=dims)),
            )
            mine = got[got["tahun"] == year]
            for by, rows_ in (
                (["kejuruan"], mine[mine["sumber_dana"].isna()]),
                (["kejuruan", "sumber_dana"], mine[mine["sumber_dana"].notna()]),
            ):
                want = budget.cost_table(groups, by)
                # cost_groups also lists kejuruan whose programmes only end that year
                started = (want["peserta_count"] > 0) | (
                    want["realisasi_peserta_rupiah"] > 0
                )
                want = want[started].set_index(by)
                have = rows_.set_index(by)
                assert sorted(have.index) == sorted(want.index), (year, by)
                for key in want.index:
                    assert (
                        have.loc[key, "peserta_count"] == want.loc[key, "peserta_count"]
                    )
                    assert have.loc[key, "realisasi_rupiah"] == pytest.approx(
                        want.loc[key, "realisasi_peserta_rupiah"]
                    )
                    compared += 1
        assert compared > 3
    finally:
        conn.close()


def test_a_name_sharing_another_names_file_asks_before_replacing(tmp_path) -> None:
    first = Scenario.from_frame("Rencana A", 2026, {"APBN": 1.0}, SEATS)
    path = scenarios.save(first, tmp_path)
    for other in ("rencana-a", "RENCANA_A!"):
        with pytest.raises(scenarios.NameTakenError) as taken:
            scenarios.save(Scenario.from_frame(other, 2026, {}, SEATS), tmp_path)
        assert taken.value.other == "Rencana A"
    assert json.loads(path.read_text())["budget"]["APBN"] == 1.0  # kept
    scenarios.save(first, tmp_path)  # the same name replaces without asking
    second = Scenario.from_frame("rencana-a", 2026, {"APBN": 2.0}, SEATS)
    assert scenarios.save(second, tmp_path, replace_other=True) == path
    assert scenarios.list_names(tmp_path) == ["rencana-a"]


def _flat_rates(units: dict[str, float], placement: dict[str, float]) -> pd.DataFrame:
    """Hand-made rates: every band equal; completion 100%, certification 100%."""
    rows = []
    for name in [planner.ALL, *units]:
        unit = units.get(name, 10e6)
        row = {"kejuruan": name}
        for band in planner.BANDS:
            suffix = band or "_pct"
            row[f"completion{suffix}"] = 100.0
            row[f"certification{suffix}"] = 100.0
            row[f"placement{suffix}"] = placement.get(name, 50.0)
            money = band or "_rupiah"
            row[f"unit_cost{money}"] = unit
            for fund in planner.FUNDS:
                row[f"unit_cost_{fund}{money}"] = unit
        rows.append(row)
    return pd.DataFrame(rows).set_index("kejuruan")


def test_the_budget_binds_and_the_chosen_programmes_give_way() -> None:
    # APBN: Las 10 seats × Rp 10 juta + Listrik 10 × Rp 5 juta = Rp 150 juta against
    # a budget of Rp 100 juta: Rp 50 juta too much.
    rates = _flat_rates({"Las": 10e6, "Listrik": 5e6}, {"Las": 50.0, "Listrik": 80.0})
    seats = pd.DataFrame(
        {
            "kejuruan": ["Las", "Listrik"],
            "APBN": [10, 10],
            "APBD": [0, 0],
            "CSR": [0, 0],
        }
    )
    budget = {"APBN": 100e6, "APBD": 0.0, "CSR": 0.0}
    check = planner.budget_check(seats, rates, budget).set_index("sumber_dana")
    assert check.at["APBN", "remaining_rupiah"] == -50e6
    # Listrik gives way first: 50 / 5 = 10 seats, all of them
    fit = planner.fit_to_budget(seats, rates, budget, ["Listrik", "Las"])
    assert fit.set_index("kejuruan")["APBN"].to_dict() == {"Las": 10, "Listrik": 0}
    # Las gives way first: 50 / 10 = 5 seats
    fit = planner.fit_to_budget(seats, rates, budget, ["Las", "Listrik"])
    assert fit.set_index("kejuruan")["APBN"].to_dict() == {"Las": 5, "Listrik": 10}
    after = planner.budget_check(fit, rates, budget).set_index("sumber_dana")
    assert after.at["APBN", "cost_rupiah"] == 100e6 and not after["is_over"].any()
    # nobody chosen: the dearest per placement first. Las: 10 juta / 50% = 20 juta
    # per placement; Listrik: 5 / 80% = 6,25 juta: Las gives way first
    assert planner.give_way_order(seats, rates) == ["Las", "Listrik"]
    assert planner.give_way_order(seats, rates, ["Listrik"]) == ["Listrik", "Las"]
    # a budget of Rp 7 juta: Las loses all 10 (Rp 100 juta), Listrik ceil(43/5) = 9
    tight = planner.fit_to_budget(seats, rates, {"APBN": 7e6}, ["Las", "Listrik"])
    assert tight.set_index("kejuruan")["APBN"].to_dict() == {"Las": 0, "Listrik": 1}


def _fit_table(at) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if "Muat APBN (kursi)" in d.value.columns)


def test_cutting_apbn_shows_the_seats_it_pays_for(app_test, demo_db) -> None:
    """APBN cut to Rp 2.000 juta: the page shows the shortfall, fewer seats that fit,
    and the planners' choice of who gives way changes which seats remain."""
    at = app_test(demo_db, lang="id")
    at.run()
    at.switch_page("pages/perencanaan.py").run()
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert "Kursi yang muat dalam anggaran" not in labels  # the plan fits
    at.number_input(key="plan_budget_APBN").set_value(2000.0).run()
    assert not at.exception
    shown = {m.label: m.value for m in at.metric}
    assert shown["Kursi yang muat dalam anggaran"] != shown["Kursi"]
    assert any("Anggaran mengikat" in m.value for m in at.markdown)
    choice = at.multiselect(key="plan_give_way")
    first = choice.options[0]
    choice.set_value([first]).run()
    table = _fit_table(at)
    row = table[table["Kejuruan"] == first].iloc[0]
    assert row["Muat APBN (kursi)"] == "0" or row["Rencana APBN (kursi)"] == "0"
    at.button(key="plan_bind_apply").click().run()
    assert not at.exception
    assert not any("Anggaran mengikat" in m.value for m in at.markdown)  # it fits
