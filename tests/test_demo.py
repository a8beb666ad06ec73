"""The demo generator: deterministic, valid, realistic, scalable, and safe to rebuild.

Small in-memory builds (2,000 and 8,000 persons) keep this file fast; the realism
bands are the ones promised in the brief of workforce/demo.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from workforce import refresh
from workforce.core import db
from workforce.demo import RealDataError, build_demo, build_demo_file

TABLES = {
    "ref_kejuruan": "kejuruan_id",
    "ref_penyelenggara": "penyelenggara_id",
    "perusahaan": "kode_perusahaan",
    "program": "kode_program",
    "peserta": "peserta_id",
    "pendaftaran": "peserta_id, kode_program",
    "penempatan": "peserta_id, jenis_penempatan, tanggal_mulai",
    "lowongan": "kode_perusahaan, kejuruan_id, tahun",
    "anggaran": "tahun, kode_program, sumber_dana",
    "realisasi_bulanan": "tahun, bulan, kode_program, sumber_dana",
    "target": "tahun, indikator",
}
MATURE = "date '2025-12-31' - interval 183 day"


def _build(participants: int, seed: int = 42) -> tuple[duckdb.DuckDBPyConnection, dict]:
    conn = duckdb.connect()
    refresh.init_database(conn)
    return conn, build_demo(conn, participants=participants, seed=seed)


def _checksum(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """An md5 of every generated table's rows, sorted by key."""
    return {
        table: _one(
            conn,
            f"select md5(string_agg(t::varchar, '|' order by {key})) from {table} t",
        )
        for table, key in TABLES.items()
    }


def _one(conn: duckdb.DuckDBPyConnection, sql: str) -> float:
    return conn.execute(sql).fetchall()[0][0]


@pytest.fixture(scope="module")
def small() -> Iterator[tuple[duckdb.DuckDBPyConnection, dict]]:
    conn, counts = _build(2000)
    yield conn, counts
    conn.close()


@pytest.fixture(scope="module")
def built() -> Iterator[tuple[duckdb.DuckDBPyConnection, dict]]:
    conn, counts = _build(8000)
    yield conn, counts
    conn.close()


@pytest.fixture(scope="module")
def demo(built: tuple) -> duckdb.DuckDBPyConnection:
    """The 8,000-person demo database (in memory)."""
    return built[0]


@pytest.fixture(scope="module")
def counts(built: tuple) -> dict[str, int]:
    """Row counts that build_demo returned for it."""
    return built[1]


# ---- determinism and scale ---------------------------------------------------------


def test_same_seed_and_size_give_identical_tables(small: tuple) -> None:
    expected = _checksum(small[0])
    again, _ = _build(2000)
    assert _checksum(again) == expected
    other, _ = _build(2000, seed=43)
    differs = {t for t, h in _checksum(other).items() if h != expected[t]}
    assert {"peserta", "pendaftaran", "penempatan", "anggaran"} <= differs


def test_enrolments_scale_with_participants(small: tuple, counts: dict) -> None:
    ratio = counts["pendaftaran"] / small[1]["pendaftaran"]
    assert 3.7 < ratio < 4.3
    assert counts["peserta"] == 8000 and small[1]["peserta"] == 2000
    assert counts["ref_kejuruan"] == small[1]["ref_kejuruan"]


def test_counts_match_the_tables_and_are_plausible(demo, counts: dict) -> None:
    for table, n in counts.items():
        assert _one(demo, f"select count(*) from {table}") == n, table
    c = counts
    assert 1.1 < c["pendaftaran"] / c["peserta"] < 1.3
    assert 14 <= c["ref_kejuruan"] <= 18
    assert 60 <= c["perusahaan"] <= 120
    per_batch = c["pendaftaran"] / c["program"]
    assert 14 <= per_batch <= 20
    assert _one(demo, "select max(kuota) from program") <= 20
    twice = _one(
        demo,
        "select avg((n > 1)::int) * 100 from "
        "(select count(*) as n from pendaftaran group by peserta_id)",
    )
    assert 10 <= twice <= 16


def test_programme_years_and_running_cohorts(demo) -> None:
    years = demo.sql("select distinct tahun from program order by 1").fetchall()
    assert [y for (y,) in years] == list(range(2019, 2026))
    running = demo.sql(
        "select distinct d.status from pendaftaran d join program p using (kode_program)"
        " where p.tanggal_selesai > date '2025-12-31'"
    ).fetchall()
    assert running and {s for (s,) in running} <= {"terdaftar", "mengikuti"}
    future = "select count(*) from {} where {} > date '2025-12-31'"
    assert _one(demo, future.format("pendaftaran", "tanggal_lulus")) == 0
    assert _one(demo, future.format("penempatan", "tanggal_mulai")) == 0


# ---- people -----------------------------------------------------------------------


def test_persons_follow_population_of_the_kecamatan(demo) -> None:
    rows = demo.sql(
        "select k.penduduk / sum(k.penduduk) over () * 100, "
        "count(p.peserta_id) / sum(count(p.peserta_id)) over () * 100 "
        "from ref_kecamatan k left join peserta p using (kecamatan_kode) "
        "group by k.kecamatan_kode, k.penduduk"
    ).fetchall()
    assert len(rows) == 8
    for population_pct, persons_pct in rows:
        assert abs(population_pct - persons_pct) < 2.5
    wrong_kelurahan = _one(
        demo,
        "select count(*) from peserta p join ref_kelurahan k using (kelurahan_kode) "
        "where k.kecamatan_kode <> p.kecamatan_kode",
    )
    assert wrong_kelurahan == 0


def test_persons_are_pseudonymised_young_and_mixed(demo) -> None:
    assert _one(demo, "select min(length(peserta_id)) from peserta") == 64
    assert _one(demo, "select count(*) from peserta where peserta_id ~ '^[0-9]+$'") == 0
    young = _one(demo, "select avg((umur between 17 and 35)::int) from mart_enrolment")
    assert young > 0.85
    assert _one(demo, "select min(umur) from mart_enrolment") >= 17
    welders_female = _one(
        demo,
        "select avg((jenis_kelamin = 'P')::int) from mart_enrolment "
        "where kejuruan = 'Las SMAW'",
    )
    cooks_female = _one(
        demo,
        "select avg((jenis_kelamin = 'P')::int) from mart_enrolment "
        "where kejuruan = 'Tata Boga'",
    )
    assert welders_female < 0.15 < 0.6 < cooks_female
    disab = _one(demo, "select avg(is_disabilitas::int) * 100 from peserta")
    assert 1 <= disab <= 3.5


# ---- outcomes ---------------------------------------------------------------------


def test_completion_and_certification_rates(demo) -> None:
    completion = _one(
        demo, "select avg(is_lulus::int) * 100 from mart_enrolment where is_selesai"
    )
    assert 75 <= completion <= 95
    dropout = _one(
        demo,
        "select avg((status = 'mengundurkan_diri')::int) * 100 from mart_enrolment "
        "where is_selesai",
    )
    assert 3 <= dropout <= 8
    cert = _one(
        demo,
        "select avg(is_tersertifikasi::int) * 100 from mart_enrolment where is_lulus",
    )
    assert 55 <= cert <= 85


def test_placement_within_six_months_of_mature_graduates(demo) -> None:
    rate = _one(
        demo,
        "select avg(is_placed_6m::int) * 100 from mart_enrolment "
        f"where is_lulus and tanggal_lulus <= {MATURE}",
    )
    assert 40 <= rate <= 75
    by_year = dict(
        demo.sql(
            "select year(tanggal_lulus), avg(is_placed_6m::int) from mart_enrolment "
            f"where is_lulus and tanggal_lulus <= {MATURE} group by 1"
        ).fetchall()
    )
    assert by_year[2020] < by_year[2019] < by_year[2024]  # COVID dip, then recovery


def test_placements_kinds_wages_and_employers(demo) -> None:
    share = dict(
        demo.sql(
            "select jenis_penempatan, count(*) * 100 / sum(count(*)) over () "
            "from penempatan group by 1"
        ).fetchall()
    )
    assert share["kerja"] > 60 and 7 <= share["wirausaha"] <= 13
    wage_vs_umk = _one(
        demo,
        "select median(p.upah_bulanan_rupiah / u.umk_rupiah) from penempatan p "
        "join ref_umk u on u.tahun = year(p.tanggal_mulai) "
        "where p.jenis_penempatan = 'kerja'",
    )
    assert 0.9 <= wage_vs_umk <= 1.2
    outside = _one(
        demo,
        "select avg((not is_lokal)::int) * 100 from mart_placement where is_lokal"
        " is not null",
    )
    assert 18 <= outside <= 32
    with_programme = _one(
        demo, "select avg((kode_program is not null)::int) from penempatan"
    )
    assert with_programme > 0.85


def test_link_and_match_gaps_in_2024(demo) -> None:
    gaps = demo.sql(
        "with g as (select kejuruan, count(*) as n from mart_enrolment "
        "  where is_lulus and year(tanggal_lulus) = 2024 group by 1), "
        "v as (select k.nama as kejuruan, sum(jumlah) as n from lowongan "
        "  join ref_kejuruan k using (kejuruan_id) where tahun = 2024 group by 1) "
        "select g.kejuruan, v.n - g.n from g join v using (kejuruan)"
    ).fetchall()
    gap = dict(gaps)
    assert sum(g > 0 for g in gap.values()) >= 3
    assert sum(g < 0 for g in gap.values()) >= 3
    assert gap["Las SMAW"] > 0 and gap["Tata Boga"] < 0
    silent = _one(
        demo,
        "select count(distinct kode_perusahaan) from lowongan l where not exists "
        "(select 1 from penempatan p where p.kode_perusahaan = l.kode_perusahaan)",
    )
    assert silent >= 1  # employers that report vacancies but hire no graduate


# ---- money and targets ------------------------------------------------------------


def test_budget_shares_absorption_and_amounts(demo) -> None:
    apbn = _one(
        demo,
        "select sum(realisasi_rupiah) filter (where sumber_dana = 'APBN') * 100 "
        "/ sum(realisasi_rupiah) from anggaran",
    )
    assert 55 <= apbn <= 80
    serapan = _one(
        demo, "select sum(realisasi_rupiah) * 100 / sum(pagu_rupiah) from anggaran"
    )
    assert 85 <= serapan <= 99
    over = _one(
        demo, "select count(*) from anggaran where realisasi_rupiah > pagu_rupiah"
    )
    assert 1 <= over <= 2
    assert (
        _one(demo, "select count(*) from anggaran where pagu_rupiah % 1000 <> 0") == 0
    )
    two_sources = _one(
        demo,
        "select count(*) from (select kode_program from anggaran group by 1 "
        "having count(*) > 1)",
    )
    assert two_sources >= 1


def test_monthly_spending_adds_up_and_is_back_loaded(demo) -> None:
    mismatches = _one(
        demo,
        "select count(*) from anggaran a left join (select tahun, kode_program, "
        "sumber_dana, sum(realisasi_rupiah) as total from realisasi_bulanan "
        "group by all) b using (tahun, kode_program, sumber_dana) "
        "where b.total is distinct from a.realisasi_rupiah",
    )
    assert mismatches == 0
    by_half = _one(
        demo,
        "select sum(realisasi_rupiah) filter (where bulan <= 6) / sum(realisasi_rupiah)"
        " from realisasi_bulanan",
    )
    assert by_half < 0.35


def test_targets_cover_the_kpis_for_2023_to_2025(demo) -> None:
    rows = demo.sql("select indikator, count(*), min(tahun) from target group by 1")
    found = {k: (n, y) for k, n, y in rows.fetchall()}
    expected = {
        "tpt", "peserta", "tingkat_kelulusan", "tingkat_sertifikasi",
        "tingkat_penempatan_6b", "upah_vs_umk", "porsi_lokal", "serapan_anggaran",
        "biaya_per_penempatan", "porsi_apbn",
    }  # fmt: skip
    assert set(found) == expected
    assert all(v == (3, 2023) for v in found.values())
    pct = _one(
        demo,
        "select max(nilai_target) from target where indikator in "
        "('tingkat_kelulusan', 'tingkat_sertifikasi', 'porsi_lokal', 'porsi_apbn')",
    )
    assert pct <= 100


def test_statistics_are_untouched_and_info_is_set(demo, counts: dict) -> None:
    assert _one(demo, "select count(*) from statistik_tenaga_kerja") > 0
    info = db.get_info(demo)
    assert info["is_demo"] == "true"
    assert info["demo_seed"] == "42" and info["demo_participants"] == "8000"
    assert info["data_as_of"] == "2025-12-31" and info["built_at"]
    assert _one(demo, "select count(*) from mart_enrolment") == counts["pendaftaran"]


# ---- building a file --------------------------------------------------------------


def test_build_demo_file_builds_and_rebuilds_a_demo(tmp_path: Path) -> None:
    path = tmp_path / "demo.duckdb"
    first = build_demo_file(path, participants=500, seed=1)
    second = build_demo_file(path, participants=500, seed=1)
    assert first == second
    conn = db.connect(path, read_only=True)
    try:
        assert db.get_info(conn)["is_demo"] == "true"
        assert _one(conn, "select count(*) from peserta") == 500
    finally:
        conn.close()


def _real_database(path: Path, **info: str) -> None:
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)
        conn.execute(
            "insert into perusahaan values ('X1', 'PT Nyata', 'C', null, true)"
        )
        for key, value in info.items():
            db.set_info(conn, key, value)


@pytest.mark.parametrize("info", [{}, {"is_demo": "true", "has_real_data": "true"}])
def test_build_demo_file_refuses_to_replace_real_data(tmp_path: Path, info) -> None:
    path = tmp_path / "real.duckdb"
    _real_database(path, **info)
    before = path.read_bytes()
    with pytest.raises(RealDataError, match="refusing"):
        build_demo_file(path, participants=2000, seed=1)
    assert path.read_bytes() == before


def test_targets_mix_on_track_at_risk_and_off_track(demo) -> None:
    """2024: completion within 10% under its target, certification further off."""
    status = {}
    for kpi, sql in {
        "tingkat_kelulusan": "avg(is_lulus::int) * 100 from mart_enrolment "
        "where is_selesai and year(tanggal_selesai) = 2024",
        "tingkat_sertifikasi": "avg(is_tersertifikasi::int) * 100 from mart_enrolment "
        "where is_lulus and year(tanggal_lulus) = 2024",
        "peserta": "count(distinct peserta_id) from mart_enrolment "
        "where year(tanggal_mulai) = 2024",
    }.items():
        actual = _one(demo, f"select {sql}")
        target = _one(
            demo,
            f"select nilai_target from target where tahun = 2024 and indikator = '{kpi}'",
        )
        ratio = actual / target
        status[kpi] = "on" if ratio >= 1 else "risk" if ratio >= 0.9 else "off"
    assert status == {
        "tingkat_kelulusan": "risk",
        "tingkat_sertifikasi": "off",
        "peserta": "on",
    }


def test_build_demo_file_waits_for_no_other_writer(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    with db.writer_lock(path), pytest.raises(db.LockedError):
        build_demo_file(path, participants=100, seed=1)
    assert not path.exists()
