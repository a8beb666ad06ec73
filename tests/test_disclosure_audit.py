"""The disclosure audit: every public table in one system of equations.

A hand-made year: three kejuruan, Las (30 participants, 25 graduates, all 25
certified, 20 graduates of 6 months or more, 12 of them placed), Listrik (20, 15,
12, 10, 6) and Garmen (3, 3, 3, 2, 1); the city: 53, 43, 40, 32, 19. Graduates not
certified: 0, 3 and 0 (city 3); graduates of 6 months not placed: 8, 4, 1 (city 13).
"""

from __future__ import annotations

import dataclasses
import math

import duckdb
import pytest

from workforce.core import db
from workforce.public import audit, disclosure, numbers

YEAR = 2025
MEASURES = ("peserta", "lulusan", "tersertifikasi", "lulusan_matang", "ditempatkan_6b")
KEJURUAN = {
    "Las": (30, 25, 25, 20, 12),
    "Listrik": (20, 15, 12, 10, 6),
    "Garmen": (3, 3, 3, 2, 1),
}
CITY = (53, 43, 40, 32, 19)
KPI = [  # tahun, kpi_id, grp, nilai, pembilang, penyebut
    (YEAR, "peserta", "total", 53.0, 53.0, None),
    (YEAR, "tingkat_sertifikasi", "total", 100 * 40 / 43, 40.0, 43.0),
    (YEAR, "tingkat_penempatan_6b", "total", 100 * 19 / 32, 19.0, 32.0),
    (YEAR, "pagu", "total", 500e6, 500e6, None),
    (YEAR, "realisasi", "total", 430e6, 430e6, None),
    (YEAR, "serapan_anggaran", "total", 86.0, 430e6, 500e6),
    (YEAR, "biaya_per_lulusan", "total", 10e6, 430e6, 43.0),
    (YEAR, "biaya_per_penempatan", "total", 430e6 / 19, 430e6, 19.0),
]


def outcome_rows() -> list[tuple]:
    rows = [
        (YEAR, "kejuruan", k, m, n)
        for k, values in KEJURUAN.items()
        for m, n in zip(MEASURES, values, strict=True)
    ]
    rows += [
        (YEAR, "total", numbers.CITY, m, n) for m, n in zip(MEASURES, CITY, strict=True)
    ]
    return rows


@pytest.fixture
def public() -> duckdb.DuckDBPyConnection:
    """An aggregate-only database holding the hand-made year."""
    conn = duckdb.connect(":memory:")
    for name in ("info", "kpi", "outcome", "target"):
        db.execute(conn, f"public/build/create_pub_{name}")
    db.execute(conn, "public/build/create_statistik")
    conn.executemany("insert into pub_kpi values (?, ?, ?, ?, ?, ?)", KPI)
    conn.executemany("insert into pub_outcome values (?, ?, ?, ?, ?)", outcome_rows())
    conn.execute("insert into pub_info values ('data_as_of', '2025-12-31')")
    yield conn
    conn.close()


def run(public: duckdb.DuckDBPyConnection, pub: numbers.Publication) -> dict:
    kpi, outcomes = db.run(public, "public/kpi"), db.run(public, "public/outcomes")
    return {f.key: f for f in audit.audit(pub, kpi, outcomes)}


def outcome(kategori: str, ukuran: str, dimensi: str = "kejuruan") -> tuple:
    return numbers.cell(YEAR, dimensi, kategori, ukuran)


def test_the_suppressed_publication_exposes_no_small_count(public) -> None:
    pub = numbers.publication(public, 5)
    found = run(public, pub)
    assert audit.summary(found.values())["exposed"] == 0
    garmen = found[outcome("Garmen", "peserta")]
    assert garmen.true == 3 and garmen.protected
    assert garmen.high - garmen.low >= 1
    # the rate whose denominator less numerator is 3 (not certified) is hidden
    shown = pub.kpi.set_index("kpi_id")
    assert shown.at["tingkat_sertifikasi", "status"] == disclosure.BASIS


def test_a_published_rate_times_its_published_denominator_is_caught(public) -> None:
    """Attack: 93.02 % certified of 43 graduates gives 40 certified, so 3 not
    certified. Publishing the hidden rate lets the audit pin the 3."""
    pub = numbers.publication(public, 5)
    kpi = pub.kpi.copy()
    row = kpi["kpi_id"] == "tingkat_sertifikasi"
    kpi.loc[row, "nilai"] = 100 * 40 / 43
    kpi.loc[row, "status"] = ""
    shown = pub.outcomes.set_index(["dimensi", "ukuran"])["status"]
    assert shown[("total", "lulusan")] == ""  # 43 graduates are published
    assert shown[("total", "tersertifikasi")] == disclosure.COMPLEMENT
    assert audit.summary(run(public, pub).values())["exposed"] == 0
    leaky = dataclasses.replace(pub, kpi=kpi)
    found = run(public, leaky)
    not_certified = found[outcome(numbers.CITY, "lulusan-tersertifikasi", "total")]
    assert (not_certified.true, not_certified.low, not_certified.high) == (3, 3, 3)
    assert not_certified.exposed


def test_a_total_less_its_published_parts_is_caught_without_complements(
    public,
) -> None:
    """Attack: 53 participants in the city less Las's 30 and Listrik's 20 leaves
    Garmen's 3. With the complementary cells shown again, the audit pins it."""
    pub = numbers.publication(public, 5)
    outcomes = pub.outcomes.copy()
    complements = outcomes["status"] == disclosure.COMPLEMENT
    assert complements.any()
    raw = {(r[1], r[2], r[3]): r[4] for r in outcome_rows()}
    for i in outcomes.index[complements]:
        r = outcomes.loc[i]
        outcomes.loc[i, ["jumlah", "status"]] = [
            raw[(r["dimensi"], r["kategori"], r["ukuran"])],
            "",
        ]
    found = run(public, dataclasses.replace(pub, outcomes=outcomes))
    garmen = found[outcome("Garmen", "peserta")]
    assert (garmen.true, garmen.low, garmen.high) == (3, 3, 3)
    assert garmen.exposed


def test_costs_give_their_persons_to_the_audit(public) -> None:
    """A published cost per placement: 430 million ÷ 22.6 million = 19 placed, the
    city's placed graduates; so the audit knows them whatever the outcome table
    hides."""
    pub = numbers.publication(public, 5)
    found = run(public, pub)
    placed = outcome(numbers.CITY, "ditempatkan_6b", "total")
    assert placed not in found or (found[placed].low, found[placed].high) == (19, 19)
    assert all(not math.isnan(f.low) for f in found.values())


def test_the_command_audits_a_database_and_exits_0_when_nothing_is_exposed(
    fixture_db, capsys: pytest.CaptureFixture[str]
) -> None:
    from workforce import cli

    assert cli.main(["audit-disclosure", "--db", str(fixture_db), "--lang", "en"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"Disclosure audit of {fixture_db}: ")
    assert first.endswith("; 0 a reader can work out.")
