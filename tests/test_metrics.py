"""KPI registry checked against values worked out by hand on a tiny fixture.

The fixture (tests/fixtures.py, every fact listed there) is small enough to compute
each KPI on paper; the arithmetic is written beside each assertion and in
``fixtures.EXPECTED``. It covers the edge cases of metrics.md: a person enrolled twice, a placement 15 days before graduation, a
placement after the 6-month window, an immature cohort, a programme funded from
two sources, a zero-graduate programme, a kegiatan budget line that is no
programme, realisasi above pagu, and an empty year (zero denominators).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests import fixtures
from tests.fixtures import build
from workforce import refresh
from workforce.core import db, metrics
from workforce.core.filters import Filters, options_from_db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def conn():
    connection = db.connect(":memory:")
    refresh.init_database(connection)
    build(connection)
    yield connection
    connection.close()


def value(conn, kpi: str, **kwargs) -> float | None:
    return metrics.compute(conn, kpi, Filters(tahun=2024, **kwargs)).value


def test_peserta_counts_distinct_persons_in_programmes_starting_in_period(conn):
    # P1 (A B C D E), P2 (G C), P4 (D E) start in 2024; P3 started in 2023.
    assert value(conn, "peserta") == 6  # A B C D E G
    assert value(conn, "peserta", kuartal=1) == 5  # only P1 starts in Q1
    assert value(conn, "peserta", dims={"kecamatan": ("Ciwandan",)}) == 2  # A B
    assert value(conn, "peserta", dims={"kejuruan": ("Garmen",)}) == 4  # G C D E


def test_completion_and_certification(conn):
    r = metrics.compute(conn, "tingkat_kelulusan", Filters(tahun=2024))
    # ended enrolments in P1..P4 (all end in 2024): 11, of which lulus: 7
    assert (r.numerator, r.denominator) == (7, 11)
    assert r.value == pytest.approx(7 / 11 * 100)
    # certified graduates: A(P1) E(P1) A(P3) F(P3) C(P2) = 5 of 7
    assert value(conn, "tingkat_sertifikasi") == pytest.approx(5 / 7 * 100)


def test_placement_within_6_months_counts_mature_cohorts_per_enrolment(conn):
    r = metrics.compute(conn, "tingkat_penempatan_6b", Filters(tahun=2024))
    # mature graduates (lulus <= 2024-07-01): A,B,E of P1 and A,F of P3 = 5
    # placed: A(P1) at -15 days, E day 61, A(P3) day 26 (same job counts for both) = 3
    assert (r.numerator, r.denominator) == (3, 5)
    assert r.value == pytest.approx(60.0)
    assert r.by["kerja"].value == pytest.approx(40.0)  # A twice
    assert r.by["wirausaha"].value == pytest.approx(20.0)  # E
    assert r.by["magang"].value == 0  # F's apprenticeship began 50 days too early


def test_placement_rate_includes_cohort_once_mature(conn):
    later = Filters(tahun=2024, as_of=date(2025, 6, 30))
    r = metrics.compute(conn, "tingkat_penempatan_6b", later)
    # now P2's graduates (G, C; lulus 2024-10-15) are mature too: 7 graduates,
    # placed A, E, A, G = 4
    assert (r.numerator, r.denominator) == (4, 7)


def test_placements_wages_and_local_share(conn):
    r = metrics.compute(conn, "penempatan", Filters(tahun=2024))
    # A kerja, B kerja, E wirausaha, G kerja start in 2024; F's began in 2023
    assert r.value == 4
    assert {k: v.value for k, v in r.by.items()} == {
        "kerja": 3,
        "magang": 0,
        "wirausaha": 1,
    }
    assert value(conn, "upah_median") == 5_000_000  # median of 4, 5, 6 juta
    assert value(conn, "upah_vs_umk") == pytest.approx(5_000_000 / 4_815_102 * 100)
    assert value(conn, "porsi_lokal") == pytest.approx(
        2 / 3 * 100
    )  # A, G at E1; B at E2


def test_link_and_match_gap(conn):
    r = metrics.compute(conn, "kesenjangan_link_match", Filters(tahun=2024))
    # Las: vacancies 10 + 2 = 12, graduates in 2024 A B E (P1) + A F (P3) = 5 -> +7
    # Garmen: vacancies 1, graduates G C = 2 -> -1
    assert {k: (v.value, v.numerator, v.denominator) for k, v in r.by.items()} == {
        "Las": (7, 12, 5),
        "Garmen": (-1, 1, 2),
    }
    assert r.value == 6


def test_budget_sums_absorption_and_apbn_share(conn):
    pagu = metrics.compute(conn, "pagu", Filters(tahun=2024))
    assert pagu.value == 230_000_000  # 100 + 20 + 50 + 30 + 20 (P3) + 10 juta
    assert {k: v.value for k, v in pagu.by.items()} == {
        "APBN": 120_000_000,
        "APBD": 100_000_000,
        "CSR": 10_000_000,
        "lainnya": 0,
    }
    assert value(conn, "realisasi") == 212_000_000  # 90 + 20 + 40 + 30 + 20 + 12 juta
    serapan = metrics.compute(conn, "serapan_anggaran", Filters(tahun=2024))
    assert serapan.value == pytest.approx(212 / 230 * 100)
    assert serapan.by["CSR"].value == pytest.approx(120.0)  # above pagu
    assert serapan.by["lainnya"].value is None  # no pagu: not available
    assert value(conn, "porsi_apbn") == pytest.approx(110 / 212 * 100)


def test_cost_per_graduate_two_sources_and_zero_graduates(conn):
    r = metrics.compute(conn, "biaya_per_lulusan", Filters(tahun=2024))
    # APBN: P1 90 + P3 (35 in 2023 + 20 in 2024) juta over 3 + 2 graduates
    # (P3's two APBN lines are one programme: its graduates count once)
    assert r.by["APBN"].value == pytest.approx(145_000_000 / 5)
    # APBD: P1 20 + P2 40 + P4 30 juta over 3 + 2 + 0 graduates
    assert r.by["APBD"].value == pytest.approx(90_000_000 / 5)
    assert r.by["CSR"].value is None  # the CSR line is a kegiatan, no programme
    # total: 235 juta over 7 graduates, each programme counted once
    assert r.value == pytest.approx(235_000_000 / 7)
    only_p4 = Filters(tahun=2024, dims={"kejuruan": ("Garmen",)}, kuartal=2)
    assert (
        metrics.compute(conn, "biaya_per_lulusan", only_p4).value is None
    )  # 0 graduates


def test_cost_per_placement_uses_mature_programmes(conn):
    r = metrics.compute(conn, "biaya_per_penempatan", Filters(tahun=2024))
    # programmes ending by 2024-07-01: P1 (placed A, E), P3 (A), P4 (none)
    assert r.by["APBN"].value == pytest.approx((90_000_000 + 55_000_000) / 3)
    assert r.by["APBD"].value == pytest.approx((20_000_000 + 30_000_000) / 2)
    assert r.value == pytest.approx(195_000_000 / 3)
    later = metrics.compute(
        conn, "biaya_per_penempatan", Filters(tahun=2024, as_of=date(2025, 6, 30))
    )
    # P2 now counts: 40 juta, placed G
    assert later.value == pytest.approx(235_000_000 / 4)


def test_labour_statistics_from_bps(conn):
    assert value(conn, "tpt") == pytest.approx(6.08)  # published, no counts for 2024
    assert value(conn, "tpak") is None  # not published for 2024
    assert metrics.compute(conn, "tpak", Filters(tahun=2023)).value == pytest.approx(
        62.70
    )


def test_empty_year_gives_not_available_not_zero_or_error(conn):
    results = metrics.compute_all(conn, Filters(tahun=2019))
    assert results["peserta"].value == 0
    for kpi in (
        "tingkat_kelulusan",
        "tingkat_penempatan_6b",
        "porsi_lokal",
        "upah_median",
        "serapan_anggaran",
        "biaya_per_lulusan",
        "biaya_per_penempatan",
        "porsi_apbn",
    ):
        assert results[kpi].value is None, kpi


@pytest.mark.parametrize(
    ("year", "kpi"),
    [(year, kpi) for year, kpis in fixtures.EXPECTED.items() for kpi in kpis],
)
def test_every_kpi_equals_the_fixtures_hand_worked_value(conn, year, kpi):
    """Each KPI of fixtures.EXPECTED (arithmetic written there), as of the data date."""
    got = metrics.compute(conn, kpi, Filters(tahun=year, as_of=fixtures.AS_OF)).value
    want = fixtures.EXPECTED[year][kpi]
    assert (got is None) == (want is None), (got, want)
    assert want is None or got == pytest.approx(want)


def test_expected_lists_every_kpi_of_the_registry_for_2024():
    assert set(fixtures.EXPECTED[2024]) == set(metrics.BY_ID)


@pytest.mark.parametrize(
    ("value_", "target", "better", "expected"),
    [
        (5.9, 6.0, "lower", "on_track"),
        (6.08, 6.0, "lower", "at_risk"),  # within 10% above target
        (7.0, 6.0, "lower", "off_track"),  # above 6.6
        (75.0, 70.0, "higher", "on_track"),
        (63.64, 70.0, "higher", "at_risk"),  # at least 63
        (60.0, 70.0, "higher", "off_track"),
        (None, 70.0, "higher", None),
        (60.0, None, "higher", None),
    ],
)
def test_status(value_, target, better, expected):
    assert metrics.status(value_, target, better) == expected


def test_registry_is_complete():
    documented = {
        "tpt",
        "tpak",
        "peserta",
        "tingkat_kelulusan",
        "tingkat_sertifikasi",
        "tingkat_penempatan_6b",
        "penempatan",
        "upah_median",
        "porsi_lokal",
        "kesenjangan_link_match",
        "pagu",
        "realisasi",
        "serapan_anggaran",
        "biaya_per_lulusan",
        "biaya_per_penempatan",
        "upah_vs_umk",
        "porsi_apbn",
        "retensi_12b",
        "tingkat_respons_12b",
        "upah_median_12b",
        "bertahan_di_perusahaan",
        "perusahaan_berulang",
    }
    assert set(metrics.BY_ID) == documented
    for m in metrics.REGISTRY:
        for lang in ("id", "en"):
            assert m.name(lang) and len(m.definition(lang)) > 20


def test_kpis_cli_prints_the_registry_values(tmp_path):
    path = tmp_path / "kpi.duckdb"
    with db.atomic_write(path) as connection:
        refresh.init_database(connection)
        build(connection)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "workforce",
            "kpis",
            "--year",
            "2024",
            "--db",
            str(path),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    data = json.loads(out.stdout)
    assert data["peserta"] == 6
    assert data["tingkat_penempatan_6b"] == pytest.approx(60.0)
    assert data["penempatan"] == {"kerja": 3, "magang": 0, "wirausaha": 1, "total": 4}
    assert data["kesenjangan_link_match"] == {"Las": 7, "Garmen": -1, "total": 6}
    assert data["biaya_per_lulusan"]["CSR"] is None
    assert data["tpak"] is None
    later = subprocess.run(
        [
            sys.executable,
            "-m",
            "workforce",
            "kpis",
            "--year",
            "2024",
            "--as-of",
            "2025-06-30",
            "--db",
            str(path),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert json.loads(later.stdout)["tingkat_penempatan_6b"] == pytest.approx(400 / 7)


def test_compute_by_year_and_dimension_equals_single_computations(conn):
    by_year = metrics.compute_by(
        conn, "peserta", Filters(tahun=2024), "tahun", [2023, 2024]
    )
    assert {k: v.value for k, v in by_year.items()} == {"2023": 2, "2024": 6}  # P3: A F
    by_kec = metrics.compute_by(
        conn, "peserta", Filters(tahun=2024), "kecamatan", ["Ciwandan", "Grogol"]
    )
    assert {k: v.value for k, v in by_kec.items()} == {"Ciwandan": 2, "Grogol": 1}
    ignored = metrics.compute_by(
        conn, "pagu", Filters(tahun=2024), "kecamatan", ["Ciwandan"]
    )
    assert ignored["Ciwandan"].value == 230_000_000  # budget has no kecamatan


# ---- compute_by: one query for many selections, equal to one query each ----------


def _flat(result: metrics.Result) -> dict[str, tuple]:
    out = {"total": (result.value, result.numerator, result.denominator)}
    out.update({k: (v.value, v.numerator, v.denominator) for k, v in result.by.items()})
    return out


def _one_by_one(metric_id: str, filters: Filters, by: str, value) -> Filters:
    """What compute_by promises for one value: the selection it stands for."""
    if by == "tahun":
        return Filters(tahun=int(value), dims=filters.dims, as_of=filters.as_of)
    if by in metrics.get(metric_id).dimensions():
        return Filters(
            tahun=filters.tahun,
            kuartal=filters.kuartal,
            dims={**filters.dims, by: (str(value),)},
            as_of=filters.as_of,
        )
    return filters


@pytest.fixture(scope="module")
def demo_conn(demo_db):
    conn = db.connect(demo_db, read_only=True)
    yield conn
    conn.close()


@pytest.mark.parametrize("metric_id", [m.id for m in metrics.REGISTRY])
def test_compute_by_equals_each_selection_on_demo_data(demo_conn, metric_id):
    """Batched (one query) and one-at-a-time give the same value, numerator and
    denominator for every year and every value of every dimension, with and
    without a reporting date and with another dimension filtered."""
    options = options_from_db(demo_conn)[0]
    cases = [
        (Filters(tahun=2024, as_of=date(2025, 9, 30)), "tahun", range(2019, 2026)),
        (Filters(tahun=2023), "tahun", range(2019, 2026)),
        (
            Filters(
                tahun=2023, dims={"jenis": ("pelatihan",)}, as_of=date(2025, 9, 30)
            ),
            "tahun",
            [2021, 2023],
        ),
    ]
    for dim, values in options.items():
        cases.append((Filters(tahun=2024, as_of=date(2025, 9, 30)), dim, values[:4]))
    cases.append(
        (
            Filters(
                tahun=2024,
                kuartal=2,
                dims={"kejuruan": tuple(options["kejuruan"][:2])},
                as_of=date(2025, 9, 30),
            ),
            "kecamatan",
            options["kecamatan"][:3],
        )
    )
    for filters, by, values in cases:
        batched = metrics.compute_by(demo_conn, metric_id, filters, by, values)
        assert set(batched) == {str(v) for v in values}
        for v in values:
            single = metrics.compute(
                demo_conn, metric_id, _one_by_one(metric_id, filters, by, v)
            )
            got, want = _flat(batched[str(v)]), _flat(single)
            assert got.keys() == want.keys(), (by, v)
            for grp, triple in want.items():
                for a, b in zip(got[grp], triple, strict=True):
                    assert (a is None) == (b is None), (by, v, grp, got[grp], triple)
                    assert b is None or a == pytest.approx(b, rel=1e-9), (by, v, grp)


def _asks(filters: Filters, options) -> list[metrics.Ask]:
    """Every KPI for the selection, per year, and per value of two dimensions."""
    years = range(2019, 2026)
    return [
        ask
        for m in metrics.REGISTRY
        for ask in (
            metrics.Ask(m.id, filters),
            metrics.Ask(m.id, filters, "tahun", years),
            metrics.Ask(m.id, filters, "kecamatan", options["kecamatan"]),
            metrics.Ask(m.id, filters, "kejuruan", options["kejuruan"]),
        )
    ]


def _one_at_a_time(conn, ask: metrics.Ask):
    """An ask answered on its own: compute, or compute_by."""
    if ask.by is None:
        return metrics.compute(conn, ask.metric_id, ask.filters)
    return metrics.compute_by(conn, ask.metric_id, ask.filters, ask.by, ask.values)


def _ordered(value):
    """Results with their split in order (Result equality ignores dict order)."""
    if isinstance(value, metrics.Result):
        return (value, list(value.by))
    if isinstance(value, dict):
        return [(k, _ordered(v)) for k, v in value.items()]
    if isinstance(value, tuple | list):
        return [_ordered(v) for v in value]
    return value


@pytest.mark.parametrize(
    "filters",
    [
        Filters(tahun=2024, as_of=date(2025, 9, 30)),
        Filters(tahun=2023),
        Filters(tahun=2024, kuartal=2, dims={"jenis": ("pelatihan",)}),
    ],
    ids=repr,
)
def test_fetch_equals_one_query_each(demo_conn, filters):
    """metrics.fetch runs every KPI query its asks need in one statement and gives
    the same results, in the same order, as each ask on its own."""
    options = options_from_db(demo_conn)[0]
    asks = _asks(filters, options)
    want = [_one_at_a_time(demo_conn, ask) for ask in asks]
    with db.count_statements() as sent:
        found = metrics.fetch(demo_conn, asks)
    assert _ordered([found[ask] for ask in asks]) == _ordered(want)
    assert len(sent) == 1 and len(sent.sent[0]) >= len(metrics.REGISTRY)


def test_fetch_asks_each_selection_once(demo_conn):
    """A selection asked twice is queried once, and a KPI's years asked in several
    asks (the trend's, the card's, earlier ones) are one part of the statement."""
    f = Filters(tahun=2024)
    trend = metrics.Ask("peserta", f, "tahun", range(2019, 2025))
    card = metrics.Ask("peserta", f, "tahun", [2023, 2024])
    early = metrics.Ask("peserta", f, "tahun", [2017, 2018])
    again = metrics.Ask("peserta", f)
    with db.count_statements() as sent:
        found = metrics.fetch(demo_conn, [trend, card, again, early, again])
    assert sent.sent == [("metrics/peserta", "metrics/peserta")]  # years; selection
    assert found[card] == {"2023": found[trend]["2023"], "2024": found[trend]["2024"]}
    assert found[again] == metrics.compute(demo_conn, "peserta", f)
    assert found[early] == metrics.compute_by(
        demo_conn, "peserta", f, "tahun", [2017, 2018]
    )


def test_fetch_follows_the_rules_of_compute_by(demo_conn):
    """A dimension the KPI ignores: the selection's own result for every value, one
    query; per year without a reporting date, a KPI reading $as_of: one query per
    year (each year reported at its own end), in the same statement."""
    f = Filters(tahun=2024)
    ignored = metrics.Ask("pagu", f, "kecamatan", ["Grogol", "Ciwandan"])
    years = metrics.Ask("tingkat_penempatan_6b", f, "tahun", [2022, 2023, 2024])
    with db.count_statements() as sent:
        found = metrics.fetch(demo_conn, [ignored, years])
    assert sent.sent == [("metrics/pagu", *["metrics/tingkat_penempatan_6b"] * 3)]
    pagu = metrics.compute(demo_conn, "pagu", f)
    assert found[ignored] == {"Grogol": pagu, "Ciwandan": pagu}
    for year in (2022, 2023, 2024):
        alone = metrics.compute(demo_conn, years.metric_id, Filters(tahun=year))
        assert found[years][str(year)] == alone


def test_compute_all_in_one_statement_equals_each_kpi(demo_conn):
    """Every KPI of the registry (the kpis CLI, the meeting pack) in one statement,
    each equal to the KPI computed alone."""
    f = Filters(tahun=2024, as_of=date(2025, 9, 30))
    with db.count_statements() as sent:
        every = metrics.compute_all(demo_conn, f)
    assert len(sent) == 1
    assert list(every) == [m.id for m in metrics.REGISTRY]
    for metric_id, result in every.items():
        assert _ordered(result) == _ordered(metrics.compute(demo_conn, metric_id, f))


def test_ask_is_data():
    """Asks are values: equal asks (whatever the order of the filtered dimensions)
    are one key; values are kept as text; unknown KPIs and splits are refused."""
    dims = {"kejuruan": ("Las SMAW",), "jenis": ("pelatihan",)}
    one = metrics.Ask("peserta", Filters(2024, dims=dims), "tahun", [2023, 2024])
    two = metrics.Ask(
        "peserta",
        Filters(2024, dims=dict(reversed(dims.items()))),
        "tahun",
        ("2023", "2024"),
    )
    assert one == two and hash(one) == hash(two) and {one: 1}[two] == 1
    assert one.values == ("2023", "2024")
    with pytest.raises(KeyError, match="unknown KPI"):
        metrics.Ask("nope", Filters(2024))
    with pytest.raises(ValueError, match="cannot compute by"):
        metrics.Ask("peserta", Filters(2024), "bulan", [1])
    with pytest.raises(ValueError, match="values"):
        metrics.Ask("peserta", Filters(2024), None, [2024])


def test_tpt_prefers_the_published_rate_over_rounded_counts(fixture_copy):
    """Banten 2025 as released: 412,360 unemployed of "6,17 juta" (rounded): the
    counts give 6.683%, BPS published 6.69% (from unrounded counts). The published
    rate is shown; the counts only where no rate was published."""
    conn = db.connect(fixture_copy)
    try:
        conn.execute(
            "delete from statistik_tenaga_kerja where wilayah = 'Kota Cilegon'"
        )
        conn.execute(
            "insert into statistik_tenaga_kerja (tahun, wilayah, tpt_pct, pengangguran,"
            " angkatan_kerja, sumber, rilis) values"
            " (2025, 'Kota Cilegon', 6.69, 412360, 6170000, 'uji', 'BPS Sakernas Agustus'),"
            " (2024, 'Kota Cilegon', null, 15000, 200000, 'uji', 'BPS Sakernas Agustus')"
        )
        assert metrics.compute(conn, "tpt", Filters(tahun=2025)).value == 6.69
        assert metrics.compute(conn, "tpt", Filters(tahun=2024)).value == 7.5
        trend = db.run(conn, "overview/tpt_trend").set_index(["tahun", "wilayah"])
        assert trend.loc[(2025, "Kota Cilegon"), "tpt_pct"] == 6.69
        assert trend.loc[(2024, "Kota Cilegon"), "tpt_pct"] == 7.5
    finally:
        conn.close()


def test_fetch_does_not_query_what_it_knows(demo_conn):
    """Answers of an earlier fetch (``known``) are not queried again, down to one
    selection: only the values not known are, and the known ones are returned as
    given. A derived KPI whose base is known reads only the UMK."""
    f = Filters(tahun=2024, as_of=date(2025, 9, 30))
    kpi = "tingkat_penempatan_6b"
    every = metrics.Ask(kpi, f, "tahun", range(2019, 2025))
    first = metrics.fetch(demo_conn, [every])
    two = metrics.Ask(kpi, f, "tahun", [2023, 2024])
    with db.count_statements() as sent:
        assert metrics.fetch(demo_conn, [two], known=first) == {
            two: {"2023": first[every]["2023"], "2024": first[every]["2024"]}
        }
    assert sent.sent == []
    marked = metrics.Result(metrics.get(kpi), 1.0, 1.0, 1.0)  # not a real value
    known = {metrics.Ask(kpi, f, "tahun", [2024]): {"2024": marked}}
    more = metrics.Ask(kpi, f, "tahun", [2024, 2025])
    found = metrics.fetch(demo_conn, [more], known=known)[more]
    assert found == {
        "2024": marked,
        "2025": metrics.compute_by(demo_conn, kpi, f, "tahun", [2025])["2025"],
    }
    wages = metrics.fetch(demo_conn, [metrics.Ask("upah_median", f)])
    derived = metrics.Ask("upah_vs_umk", f)
    with db.count_statements() as sent:
        got = metrics.fetch(demo_conn, [derived], known=wages)
    assert sent.sent == [("metrics/umk",)]
    assert got[derived] == metrics.compute(demo_conn, "upah_vs_umk", f)


@pytest.mark.parametrize("source", ["fixture", "demo"])
def test_derived_upah_vs_umk_equals_its_query_file(source, demo_conn, request):
    """The registry derives upah_vs_umk from upah_median's result (metrics.DERIVED);
    its query file states the same definition: both agree on every selection."""
    conn = demo_conn if source == "demo" else request.getfixturevalue("fixture_conn")
    metric = metrics.get("upah_vs_umk")
    options = options_from_db(conn)[0]
    cases = [
        Filters(tahun=2024),
        Filters(tahun=2023, kuartal=2),
        Filters(tahun=2024, dims={"kejuruan": tuple(options["kejuruan"][:2])}),
        Filters(tahun=2031),  # no UMK, no wage
    ]
    for f in cases:
        want = metrics.query_results(conn, metric, f, None, ["total"])["total"]
        assert metrics.compute(conn, "upah_vs_umk", f) == want, f
    years = [str(y) for y in range(2019, 2027)]
    want = metrics.query_results(conn, metric, Filters(tahun=2026), "tahun", years)
    assert (
        metrics.compute_by(conn, "upah_vs_umk", Filters(tahun=2026), "tahun", years)
        == want
    )
    for dim in ("kecamatan", "kejuruan"):
        values = list(options[dim][:4])
        f = Filters(tahun=2024)
        want = metrics.query_results(conn, metric, f, dim, values)
        assert metrics.compute_by(conn, "upah_vs_umk", f, dim, values) == want
    assert any(r.value for r in want.values())


def test_fetch_reads_the_umk_once(demo_conn):
    """upah_vs_umk asked three ways beside upah_median: the UMK is one part of the
    one statement, and the wages of the selection are scanned once for both KPIs."""
    f = Filters(tahun=2024)
    asks = [
        metrics.Ask("upah_vs_umk", f),
        metrics.Ask("upah_vs_umk", f, "tahun", [2023]),
        metrics.Ask("upah_vs_umk", f, "kecamatan", ["Grogol"]),
        metrics.Ask("upah_median", f),
    ]
    with db.count_statements() as sent:
        found = metrics.fetch(demo_conn, asks)
    assert sent.sent == [("metrics/upah_median",) * 3 + ("metrics/umk",)]
    assert found[asks[0]].numerator == found[asks[3]].value


# ---- upah_median from counts of each wage (mart_wage_year) ----------------------------

WAGE_COLUMNS = "kecamatan, kejuruan, penyelenggara, jenis, sumber_dana"


def _wage_conn(wages: list[tuple]) -> duckdb.DuckDBPyConnection:
    """An in-memory mart_wage holding ``wages`` (tanggal_mulai, upah, kecamatan,
    kejuruan), with mart_wage_year built by its own mart file and the shared macros
    the metric queries call."""
    conn = duckdb.connect()
    db.create_macros(conn)
    conn.execute(
        "create table mart_wage (tanggal_mulai date, upah_bulanan_rupiah "
        f"decimal(18, 2), {WAGE_COLUMNS.replace(',', ' varchar,')} varchar)"
    )
    conn.executemany(
        "insert into mart_wage values (?, ?, ?, ?, 'BBPVP Serang', 'pelatihan', 'APBN')",
        wages,
    )
    conn.execute((ROOT / "queries/marts/066_mart_wage_year.sql").read_text())
    return conn


def _median_params(start, end, by=None, sels=None, **dims) -> dict:
    return {
        "start": start,
        "end": end,
        **{d: dims.get(d) for d in WAGE_COLUMNS.split(", ")},
        "by": by,
        "sels": sels,
    }


def test_upah_median_from_wage_counts_worked_by_hand():
    """Whole years with at most one value of one dimension are answered from the
    counts of each wage: the middle wage, or DuckDB's median of the two middle ones."""
    conn = _wage_conn(
        [
            (date(2024, 1, 5), 4_000_000, "Ciwandan", "Las"),
            (date(2024, 3, 5), 5_000_000, "Ciwandan", "Garmen"),
            (date(2024, 6, 5), 6_000_000, "Grogol", "Las"),
            (date(2024, 9, 5), 7_000_000, "Grogol", "Las"),
            (date(2024, 9, 6), 7_000_000, "Grogol", "Las"),
            (date(2025, 2, 1), 1.01, "Grogol", "Las"),
            (date(2025, 2, 2), 1.02, "Grogol", "Las"),
        ]
    )
    conn.execute("delete from mart_wage")  # only the counts are left

    def rows(**params):
        got = db.rows(conn, "metrics/upah_median", **_median_params(**params))
        return {sel: (value, n) for sel, _, value, _, n in got}

    years = ["2024", "2025", "2026"]
    assert rows(
        start=date(2024, 1, 1), end=date(2026, 12, 31), by="tahun", sels=years
    ) == {
        "2024": (6_000_000, 5),  # 4 5 [6] 7 7 juta
        "2025": (1.01, 2),  # (1.01 + 1.02) / 2 = 1.015, kept at two decimals as
        # DuckDB's median of a decimal(18, 2) keeps it
        "2026": (None, 0),
    }
    y2024 = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}
    assert rows(**y2024, by="kecamatan", sels=["Ciwandan", "Grogol", "Cibeber"]) == {
        "Ciwandan": (4_500_000, 2),  # (4 + 5) / 2 juta
        "Grogol": (7_000_000, 3),  # 6 [7] 7
        "Cibeber": (None, 0),
    }
    assert rows(**y2024, kejuruan=["Las"]) == {"total": (6_500_000, 4)}  # 4 6 7 7
    # two values of a dimension, or part of a year: every wage is needed (here gone)
    assert rows(**y2024, kejuruan=["Las", "Garmen"]) == {"total": (None, 0)}
    assert rows(start=date(2024, 1, 1), end=date(2024, 6, 30)) == {"total": (None, 0)}


WAGE_CASES = [
    # (start, end, by, dimension filters)
    (date(2019, 1, 1), date(2026, 12, 31), "tahun", {}),
    (date(2024, 1, 1), date(2024, 12, 31), None, {}),
    (date(2023, 1, 1), date(2024, 12, 31), None, {}),
    (date(2024, 1, 1), date(2024, 12, 31), "kecamatan", {}),
    (date(2024, 1, 1), date(2024, 12, 31), "kejuruan", {}),
    (date(2024, 1, 1), date(2024, 12, 31), "sumber_dana", {}),
    (date(2023, 1, 1), date(2024, 12, 31), "kejuruan", {}),
    (date(2024, 4, 1), date(2024, 6, 30), "kecamatan", {}),
    (date(2023, 1, 1), date(2024, 12, 31), "tahun", {"kejuruan": 1}),
    (date(2023, 1, 1), date(2024, 12, 31), "tahun", {"kejuruan": 2}),
    (date(2024, 1, 1), date(2024, 12, 31), None, {"kecamatan": 1}),
    (date(2024, 1, 1), date(2024, 12, 31), "kecamatan", {"kejuruan": 1}),
    (date(2024, 1, 1), date(2024, 12, 31), None, {"penyelenggara": 1}),
    (date(2024, 1, 1), date(2024, 12, 31), "tahun", {"jenis": 1}),
    (date(2031, 1, 1), date(2031, 12, 31), None, {}),
]


@pytest.mark.parametrize("source", ["fixture", "demo"])
def test_upah_median_equals_the_median_of_every_wage(source, demo_conn, request):
    """Read from the wage counts or from every wage, upah_median gives the rows of the
    every-wage reference (tests/sql/upah_median_wages.sql) on every selection."""
    conn = demo_conn if source == "demo" else request.getfixturevalue("fixture_conn")
    reference = (ROOT / "tests" / "sql" / "upah_median_wages.sql").read_text()
    options = options_from_db(conn)[0]
    years = [str(y) for y in range(2019, 2027)]
    for start, end, by, dims in WAGE_CASES:
        sels = years if by == "tahun" else options[by] if by else None
        lists = {d: options[d][:n] for d, n in dims.items()}
        params = _median_params(start, end, by, sels, **lists)
        got = db.rows(conn, "metrics/upah_median", **params)
        want = conn.execute(reference, params).fetchall()
        assert sorted(got, key=str) == sorted(want, key=str), (start, end, by, dims)
        assert len(got) == len(sels or ["total"])


def test_a_12_month_rate_is_low_response_under_60_percent_answered() -> None:
    """metrics.md: under 60% of the cohort answered → the rate carries a warning;
    60% itself does not; a missing rate or response rate (None, NaN, NA) never."""
    import pandas as pd

    assert metrics.low_response(75.0, 26.67)
    assert metrics.low_response(70.0, 59.99)
    assert not metrics.low_response(70.0, 60.0)
    for twelve, response in ((None, 26.7), (75.0, float("nan")), (pd.NA, 10.0)):
        assert not metrics.low_response(twelve, response)
