"""The public page and open data: aggregates only, small cells never published.

On tests/fixtures.py with its "public" extension (30 persons in 2021 and 2022, small
cells on purpose, every fact listed there): the aggregate-only
database holds no participant column; its read queries name only public tables;
its counts equal the KPI registry's; the suppression is the one worked out by
hand; no count under the threshold reaches the page, the open-data files or the
zip; the exported Data Package validates with ``frictionless`` and loads back
with pandas and pyarrow with the declared types; and an attacker holding the
exported CSV cannot recover a hidden cell. The page runs for the public (nobody
logged in) in both languages.
"""

from __future__ import annotations

import ast
import base64
import csv
import io
import json
import re
import zipfile
from pathlib import Path

import duckdb
import frictionless
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.fixtures import AS_OF, build
from tests.test_disclosure import assert_protected
from workforce import cli, refresh
from workforce.core import db, i18n, metrics
from workforce.core.config import QUERIES_DIR
from workforce.core.filters import Filters
from workforce.public import charts as pc
from workforce.public import disclosure, open_data, release
from workforce.public import numbers as public_data
from workforce.public import text as pv
from workforce.public.disclosure import BASIS, COMPLEMENT, SMALL

ROOT = Path(__file__).resolve().parent.parent
CITY = public_data.CITY
# person-level words that must never name a public column
PERSONAL = ("nik", "lahir", "birth", "peserta_id", "nama_peserta")
HEX64 = re.compile(r"\b[0-9a-f]{64}\b")
# a bare 1-4 in running text (not part of a number, percentage, amount or year)
SMALL_NUMBER = re.compile(
    r"(?<![\w.,/])[1-4](?![\w.,%/])(?!\s*(?:juta|miliar|million|billion|poin|points))"
)


# ---- fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def main_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("public") / "public.duckdb"
    conn = db.connect(path)
    try:
        refresh.init_database(conn)
        build(conn, extras=("public",))
        release.publish(conn, "Rilis uji", "test")  # the page reads releases only
        conn.execute("checkpoint")
    finally:
        conn.close()
    return path


@pytest.fixture(scope="module")
def main_conn(main_db: Path):
    conn = db.connect(main_db, read_only=True)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def aggregate(main_conn) -> duckdb.DuckDBPyConnection:
    conn = public_data.build(main_conn)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def pub(aggregate) -> public_data.Publication:
    return public_data.publication(aggregate, 5)


@pytest.fixture(scope="module")
def exported(main_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("open_data") / "paket"
    code = cli.main(["export-open-data", "--out", str(out), "--db", str(main_db)])
    assert code == 0
    return out


def outcome(pub, tahun: int, dimensi: str, kategori: str, ukuran: str) -> pd.Series:
    df = pub.outcomes
    row = df[
        (df["tahun"] == tahun)
        & (df["dimensi"] == dimensi)
        & (df["kategori"] == kategori)
        & (df["ukuran"] == ukuran)
    ]
    assert len(row) == 1
    return row.iloc[0]


def personal_columns(main_conn) -> set[str]:
    """Every column of the person-level tables of the main database."""
    rows = main_conn.execute(
        "select column_name from information_schema.columns"
        " where table_name in ('peserta', 'pendaftaran', 'penempatan',"
        " 'mart_enrolment', 'mart_placement')"
    ).fetchall()
    # dimension names shared with the aggregates; "status" there is the enrolment
    # status, in the open data the suppression status
    shared = {"tahun", "kejuruan", "kecamatan", "jenis", "sumber_dana", "status"}
    return {r[0] for r in rows} - shared


def assert_no_personal_column(columns, main_conn) -> None:
    personal = personal_columns(main_conn)
    for column in columns:
        assert column not in personal, f"person-level column {column!r} published"
        assert not any(word in column.lower() for word in PERSONAL), column


# ---- the aggregate-only database -------------------------------------------------------------


def test_public_database_holds_only_aggregates(aggregate, main_conn) -> None:
    tables = {r[0] for r in aggregate.execute("show tables").fetchall()}
    assert tables == set(public_data.PUBLIC_TABLES)
    for table in tables:
        columns = [r[0] for r in aggregate.execute(f"describe {table}").fetchall()]
        assert_no_personal_column(columns, main_conn)
    # no person key (a 64-hex pseudonym) hides in any text value either
    for table in tables:
        text = aggregate.execute(f"select * from {table}").df().to_csv()
        assert not HEX64.search(text), table


READ_QUERIES = sorted((QUERIES_DIR / "public").glob("*.sql"))
NAMED_TABLE = re.compile(r"\b(?:from|join)\s+([a-z_][a-z0-9_.]*)", re.IGNORECASE)
CTE_NAME = re.compile(r"(?:\bwith|,)\s*([a-z_][a-z0-9_]*)\s+as\s*\(", re.IGNORECASE)


def _tables_named(sql: str) -> set[str]:
    code = re.sub(r"--[^\n]*", " ", sql)
    return set(NAMED_TABLE.findall(code)) - set(CTE_NAME.findall(code))


def test_the_table_parser_sees_tables() -> None:
    sql = "with a as (select 1) select * from a join peserta on true, x from pub_kpi"
    assert _tables_named(sql) == {"peserta", "pub_kpi"}


@pytest.mark.parametrize("path", READ_QUERIES, ids=lambda p: p.name)
def test_public_read_queries_name_only_public_tables(path: Path, aggregate) -> None:
    named = _tables_named(path.read_text(encoding="utf-8"))
    assert named, f"{path.name}: no table found"
    for table in named:
        assert (
            table.startswith(("pub_", "ref_")) or table == "statistik_tenaga_kerja"
        ), f"queries/public/{path.name} reads {table}: only pub_*, ref_*, BPS"
    assert not db.run(aggregate, f"public/{path.stem}").empty


def test_public_build_creates_only_public_tables() -> None:
    created = set()
    for path in sorted((QUERIES_DIR / "public" / "build").glob("create_*.sql")):
        created |= set(re.findall(r"create table (\w+)", path.read_text()))
    assert created == set(public_data.PUBLIC_TABLES)


def test_public_build_queries_run_on_the_main_database(main_conn) -> None:
    # programme and budget years: 2021, 2022 (the extension), 2023, 2024, 2025 (the
    # base's P3 starts in 2023, P5 ends in 2025)
    assert len(db.run(main_conn, "public/build/years")) == 5
    assert len(db.run(main_conn, "public/build/statistik")) > 20
    cube = db.run(main_conn, "public/build/outcomes", as_of=AS_OF)
    # 4 years with participants or graduates (2021, 2022, 2023: P3 starts, 2024) ×
    # (1 city + 4 kejuruan + 8 kecamatan + 3 jenis) × 5 measures
    assert len(cube) == 4 * 16 * 5


# ---- the counts are the registry's -----------------------------------------------------------

# measure: (registry KPI, part of its result)
REGISTRY_PARTS = {
    "peserta": ("peserta", "value"),
    "lulusan": ("tingkat_kelulusan", "numerator"),
    "tersertifikasi": ("tingkat_sertifikasi", "numerator"),
    "lulusan_matang": ("tingkat_penempatan_6b", "denominator"),
    "ditempatkan_6b": ("tingkat_penempatan_6b", "numerator"),
}


def _assert_cube_is_the_registry(conn, cube: pd.DataFrame, years) -> None:
    as_of = public_data.as_of_date(db.get_info(conn))
    for r in cube[cube["tahun"].isin(years)].itertuples(index=False):
        dims = {} if r.dimensi == "total" else {r.dimensi: (r.kategori,)}
        kpi, part = REGISTRY_PARTS[r.ukuran]
        result = metrics.compute(
            conn, kpi, Filters(int(r.tahun), dims=dims, as_of=as_of)
        )
        assert (getattr(result, part) or 0) == r.jumlah, r


def test_every_public_count_equals_the_registry(main_conn) -> None:
    cube = db.run(main_conn, "public/build/outcomes", as_of=AS_OF)
    _assert_cube_is_the_registry(main_conn, cube, (2021, 2022, 2023, 2024))


def test_public_counts_equal_the_registry_on_the_demo(demo_db: Path) -> None:
    conn = db.connect(demo_db, read_only=True)
    try:
        as_of = public_data.as_of_date(db.get_info(conn))
        cube = db.run(conn, "public/build/outcomes", as_of=as_of)
        _assert_cube_is_the_registry(conn, cube, (int(cube["tahun"].max()) - 1,))
    finally:
        conn.close()


def test_the_demo_publishes_without_small_counts(demo_db: Path) -> None:
    conn = db.connect(demo_db, read_only=True)
    try:
        public = public_data.build(conn)
    finally:
        conn.close()
    for limit in (5, 10):
        demo = public_data.publication(public, limit)
        shown = demo.outcomes["jumlah"].dropna()
        assert not shown.between(1, limit - 1).any()
        # somebody enrols in two kejuruan: those sums exceed the city total
        eqs = public_data.equations(db.run(public, "public/outcomes"))
        assert any(not eq.exact for eq in eqs)
        assert all(eq.exact for eq in eqs if eq.total[-1] != "peserta")
    public.close()


def test_headline_values_are_the_registry(pub) -> None:
    kpi = pub.kpi[pub.kpi["tahun"] == 2022].set_index("kpi_id")["nilai"]
    status = pub.kpi[pub.kpi["tahun"] == 2022].set_index("kpi_id")["status"]
    assert kpi["peserta"] == 22  # 12 + 7 + 3 persons in 2022 programmes
    # 19 of 22 finished: the 3 who did not would come back from the rate
    assert pd.isna(kpi["tingkat_kelulusan"])
    assert status["tingkat_kelulusan"] == BASIS
    # 7 of the 8 placements with a known employer are local: 1 would come back
    assert status["porsi_lokal"] == BASIS
    assert kpi["tingkat_sertifikasi"] == pytest.approx(13 / 19 * 100)  # 8+3+2 of 19
    assert kpi["tingkat_penempatan_6b"] == pytest.approx(9 / 19 * 100)  # 6+2+1 of 19
    assert kpi["penempatan"] == 9


# ---- suppression worked out by hand ------------------------------------------------------------


def test_suppression_of_the_fixture(pub) -> None:
    def status(tahun, dimensi, kategori, ukuran="peserta"):
        return outcome(pub, tahun, dimensi, kategori, ukuran)["status"]

    # 2022 participants by kejuruan: Las 12, Listrik 7, Garmen 3 (total 22).
    # Garmen is small; alone in its column, so the next smallest, Listrik, goes too;
    # then Garmen + Listrik = 10 with Listrik ≥ 5 leaves Garmen anywhere in 1..4.
    assert status(2022, "kejuruan", "Garmen") == SMALL
    assert status(2022, "kejuruan", "Listrik") == COMPLEMENT
    assert status(2022, "kejuruan", "Las") == ""
    # by kecamatan: Ciwandan 10, Grogol 9, Cibeber 3 → Cibeber small, Grogol with it
    assert status(2022, "kecamatan", "Cibeber") == SMALL
    assert status(2022, "kecamatan", "Grogol") == COMPLEMENT
    assert status(2022, "kecamatan", "Ciwandan") == ""
    assert status(2022, "kecamatan", "Citangkil") == ""  # a zero is shown
    assert outcome(pub, 2022, "kecamatan", "Citangkil", "peserta")["jumlah"] == 0
    # 2021 by kecamatan: Ciwandan 5, Grogol 3 → both hidden, total 8 shown
    assert status(2021, "kecamatan", "Grogol") == SMALL
    assert status(2021, "kecamatan", "Ciwandan") == COMPLEMENT
    assert outcome(pub, 2021, "total", CITY, "peserta")["jumlah"] == 8
    # certified 2022: Las 8, Listrik 3, Garmen 2 → the two small ones are hidden, and
    # Las too: 8 of Las's 10 graduates certified leaves 2 who were not (a count
    # never shown, but 10 - 8 would give it).
    assert status(2022, "kejuruan", "Listrik", "tersertifikasi") == SMALL
    assert status(2022, "kejuruan", "Garmen", "tersertifikasi") == SMALL
    assert status(2022, "kejuruan", "Las", "tersertifikasi") == COMPLEMENT
    # placed 2022: Las 6 of 10 → 4 not placed: Las's placed count is hidden
    assert status(2022, "kejuruan", "Las", "ditempatkan_6b") == COMPLEMENT
    # the city: 13 of 19 certified (6 not), 9 of 19 placed (10 not): all shown
    for ukuran, n in (("lulusan", 19), ("tersertifikasi", 13), ("ditempatkan_6b", 9)):
        row = outcome(pub, 2022, "total", CITY, ukuran)
        assert (row["jumlah"], row["status"]) == (n, "")
    # 2021: 6 of 8 certified, 5 of 8 placed: 2 and 3 left over → both hidden
    assert status(2021, "total", CITY, "tersertifikasi") == COMPLEMENT
    assert status(2021, "total", CITY, "ditempatkan_6b") == COMPLEMENT


def test_costs_on_few_placements_are_hidden(pub) -> None:
    b = pub.budget[pub.budget["tahun"] == 2022].set_index("sumber_dana")
    # cost per placement: APBN Rp 90 juta / 6 placed = Rp 15 juta; APBD 45/2 and
    # CSR 18/1 rest on fewer than 5 people; total 153/9 = Rp 17 juta
    assert b.at["APBN", "biaya_per_penempatan_rupiah"] == pytest.approx(15_000_000)
    assert b.at["total", "biaya_per_penempatan_rupiah"] == pytest.approx(17_000_000)
    for source in ("APBD", "CSR"):
        assert pd.isna(b.at[source, "biaya_per_penempatan_rupiah"])
        assert b.at[source, "biaya_per_penempatan_status"] == BASIS
    # cost per graduate: CSR 18/2 rests on 2 graduates; APBD 45/7 would give 7
    # graduates away (realisasi ÷ cost), and with APBN's 10 and the total 19, CSR's
    # 2: APBD's is hidden with it (the smaller of the two others)
    assert b.at["CSR", "biaya_per_lulusan_status"] == BASIS
    assert b.at["APBD", "biaya_per_lulusan_status"] == COMPLEMENT
    assert pd.isna(b.at["APBD", "biaya_per_lulusan_rupiah"])
    assert b.at["APBN", "biaya_per_lulusan_rupiah"] == pytest.approx(9_000_000)
    # Rupiah amounts are not about persons: always shown
    assert b.at["CSR", "realisasi_rupiah"] == 18_000_000


def test_no_count_under_the_threshold_is_published(pub) -> None:
    counts = pub.outcomes["jumlah"].dropna()
    assert not counts.between(1, 4).any()
    assert (pub.outcomes["status"] == SMALL).sum() >= 8  # the fixture has small cells
    count_kpis = pub.kpi[pub.kpi["kpi_id"].isin(["peserta", "penempatan"])]
    assert not count_kpis["nilai"].dropna().between(1, 4).any()
    # a rate on a hidden count is hidden too (per-kejuruan placement rate)
    wide = pv.outcomes(pub, "kejuruan", 2022)
    garmen = wide[wide["kategori"] == "Garmen"].iloc[0]
    assert pv.placement_rate(garmen, 5) == (None, BASIS)


def test_a_higher_threshold_hides_more(aggregate) -> None:
    pub10 = public_data.publication(aggregate, 10)
    assert not pub10.outcomes["jumlah"].dropna().between(1, 9).any()
    listrik = outcome(pub10, 2022, "kejuruan", "Listrik", "peserta")
    assert listrik["status"] == SMALL  # 7 < 10
    assert pub10.limit == 10


def test_an_attacker_with_the_open_data_recovers_nothing(exported: Path, aggregate):
    data = pd.read_csv(
        exported / "hasil_program.csv",
        keep_default_na=False,
        dtype={"jumlah": str, "status": str},
    )
    truth = db.run(aggregate, "public/outcomes")
    key = ["tahun", "dimensi", "kategori", "ukuran"]
    merged = data.merge(truth, on=key, suffixes=("", "_true"))
    assert len(merged) == len(truth) == len(data)
    counts = {
        (r.tahun, r.dimensi, r.kategori, r.ukuran): int(r.jumlah_true)
        for r in merged.itertuples(index=False)
    }
    hidden = {
        (r.tahun, r.dimensi, r.kategori, r.ukuran): r.status
        for r in merged.itertuples(index=False)
        if r.status
    }
    # what the reader sees: the published numbers, the markers, the tables' totals
    shown = merged[merged["status"] == ""]
    assert (shown["jumlah"].astype(int) == shown["jumlah_true"]).all()
    # a table that adds up to its total; distinct persons per kejuruan or jenis do not
    # where someone is in two (in 2024 B, C, D, E and G): no equation there
    equations = []
    for (tahun, dimensi, ukuran), g in merged[merged["dimensi"] != "total"].groupby(
        ["tahun", "dimensi", "ukuran"]
    ):
        parts = tuple((tahun, dimensi, k, ukuran) for k in g["kategori"])
        total = (tahun, "total", CITY, ukuran)
        if sum(counts[p] for p in parts) == counts[total]:
            equations.append(disclosure.Equation(total, parts))
    # and what follows from the shown counts: graduates - certified, and so on
    for r in merged[["tahun", "dimensi", "kategori"]].drop_duplicates().itertuples():
        for whole, part in public_data.NESTED:
            rest = (r.tahun, r.dimensi, r.kategori, f"{whole}-{part}")
            whole_key = (r.tahun, r.dimensi, r.kategori, whole)
            part_key = (r.tahun, r.dimensi, r.kategori, part)
            counts[rest] = counts[whole_key] - counts[part_key]
            hidden[rest] = disclosure.UNPUBLISHED
            equations.append(disclosure.Equation(whole_key, (part_key, rest)))
    assert_protected(counts, equations, hidden)


# ---- open data -------------------------------------------------------------------------------


def test_the_package_validates_and_loads_back(exported: Path, main_conn) -> None:
    report = frictionless.validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])
    package = json.loads((exported / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["sources"] and package["x_suppression_threshold"] == 5
    names = {r["name"] for r in package["resources"]}
    for table in open_data.RESOURCES:
        assert {table, f"{table}_parquet"} <= names
    for resource in package["resources"]:
        fields = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        assert_no_personal_column(fields, main_conn)
        assert all(f["description"] for f in resource["schema"]["fields"])
        path = exported / resource["path"]
        if resource["format"] == "csv":
            df = pd.read_csv(path, keep_default_na=False, dtype=str)
        else:
            table = pq.read_table(path)
            df = table.to_pandas()
            for name, kind in fields.items():
                arrow = str(table.schema.field(name).type)
                assert arrow == {"integer": "int64", "number": "double"}.get(
                    kind, "large_string"
                ) or (kind == "string" and arrow == "string"), (name, arrow)
        assert list(df.columns) == list(fields)
        assert not HEX64.search(df.to_csv()), resource["name"]


def test_hidden_cells_are_empty_with_a_status(exported: Path) -> None:
    csv = pd.read_csv(exported / "hasil_program.csv", keep_default_na=False, dtype=str)
    hidden = csv[csv["status"] != ""]
    assert set(hidden["status"]) == {SMALL, COMPLEMENT}
    assert (hidden["jumlah"] == "").all()
    shown = csv[csv["status"] == ""]["jumlah"].astype(int)
    assert not shown.between(1, 4).any()
    parquet = pq.read_table(exported / "hasil_program.parquet").to_pandas()
    assert parquet.loc[parquet["status"] != "", "jumlah"].isna().all()
    assert str(parquet["jumlah"].dtype) == "Int64"
    kpi = pd.read_csv(exported / "kpi_tahunan.csv", keep_default_na=False, dtype=str)
    counts = kpi[(kpi["satuan"] == "count") & (kpi["nilai"] != "")]["nilai"]
    assert not counts.astype(float).between(1, 4).any()
    budget = pd.read_csv(exported / "anggaran_sumber.csv", keep_default_na=False)
    csr = budget[(budget["tahun"] == 2022) & (budget["sumber_dana"] == "CSR")].iloc[0]
    assert csr["biaya_per_penempatan_rupiah"] == ""
    assert csr["biaya_per_penempatan_status"] == BASIS


def test_the_dictionary_and_definitions_cover_everything(exported: Path) -> None:
    kamus = pd.read_csv(exported / "kamus_data.csv", keep_default_na=False)
    for table, fields in open_data.RESOURCES.items():
        listed = kamus[kamus["resource"] == table]["kolom"].tolist()
        assert listed == [f for f, _ in fields]
    assert (kamus["deskripsi_id"] != "").all() and (kamus["deskripsi_en"] != "").all()
    definisi = pd.read_csv(exported / "kpi_definisi.csv", keep_default_na=False)
    assert definisi["kpi_id"].tolist() == [m.id for m in metrics.REGISTRY]
    assert (definisi["definisi_en"] != "").all()


def test_the_zip_holds_the_same_files(pub, exported: Path) -> None:
    archive = zipfile.ZipFile(io.BytesIO(open_data.zip_bytes(pub)))
    assert set(archive.namelist()) == {p.name for p in exported.iterdir()}
    for name in ("hasil_program.csv", "anggaran_sumber.csv", "kpi_tahunan.csv"):
        assert archive.read(name) == (exported / name).read_bytes()


def test_export_refuses_a_missing_database(tmp_path: Path, capsys) -> None:
    code = cli.main(
        ["export-open-data", "--out", str(tmp_path / "x"), "--db", str(tmp_path / "no")]
    )
    assert code == 2
    assert "no database" in capsys.readouterr().err


# ---- what the page says ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_methodology_lists_every_kpi_and_the_rule(pub, lang: str) -> None:
    text = pv.methodology(pub, lang)
    for m in metrics.REGISTRY:
        assert m.name(lang) in text and m.definition(lang) in text
    assert '"< 5"' in text


def test_colours_pass_wcag_aa_against_white() -> None:
    assert pc.contrast_ratio("#000000") == pytest.approx(21)
    assert pc.contrast_ratio("#FFFFFF") == pytest.approx(1)
    assert pc.contrast_ratio("#777777") == pytest.approx(4.48, abs=0.01)
    for colour in [*pc.PALETTE, pc.TEXT, pc.MUTED]:
        assert pc.contrast_ratio(colour) >= 4.5, colour  # AA for text, so for graphics


def test_the_page_reads_only_the_publication() -> None:
    """The transparency page's Streamlit side reads nothing but the publication."""
    tree = ast.parse((ROOT / "workforce" / "public" / "ui.py").read_text())
    calls = {
        f"{node.value.id}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
    }
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom | ast.Import)
        for alias in node.names
    }
    assert "release.publication" in calls  # the latest published release
    forbidden = {"app.query", "app.info", "app.data_as_of", "app.kpi"}
    assert not calls & forbidden, calls & forbidden
    assert not imported & {"db", "metrics", "duckdb", "access"}
    page = (ROOT / "pages" / "transparansi.py").read_text()
    assert "from workforce.public import ui" in page and "query" not in page


def test_the_small_number_scan_catches_small_numbers() -> None:
    assert SMALL_NUMBER.search("2024: 3 peserta")
    assert SMALL_NUMBER.search("(4)")
    for fine in ("2024", "1,33 poin", "Rp 4 juta", "4,85%", "< 5", "27/2022", "15+"):
        assert not SMALL_NUMBER.search(fine), fine


def _page_texts(at) -> list[str]:
    main = at.main
    texts = [e.value for kind in ("title", "header", "markdown", "caption")
             for e in getattr(main, kind)]  # fmt: skip
    texts += [m.label for m in main.metric] + [m.value for m in main.metric]
    return texts


def _page_cells(at) -> list[str]:
    cells = []
    for frame in at.main.dataframe:
        cells += [str(v) for v in frame.value.to_numpy().ravel()]
    return cells


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_runs_for_the_public(app_test, main_db: Path, lang: str) -> None:
    at = app_test(main_db, lang=lang, role=None)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert (
        at.title[0].value
        == {"id": "Transparansi Publik", "en": "Public transparency"}[lang]
    )
    assert len(at.main.metric) == len(pv.CARD_KPIS)
    # TPT, years, 12 months, kejuruan, kecamatan, jenis, budget
    assert len(at.main.dataframe) == 7
    assert len(at.main.get("plotly_chart")) == 6
    assert at.main.get("download_button"), "the open-data download is missing"
    texts = _page_texts(at)
    assert any("< 5" in c for c in _page_cells(at)), "small cells should show as < 5"
    label = release.label(release.load(main_db), lang)  # "Rilis 1, 4 Desember ..."
    for text in texts:
        text = text.replace(label, "")  # a release number and date, not counts
        assert not SMALL_NUMBER.search(text), f"a small number in: {text!r}"
    for cell in _page_cells(at):
        assert not re.fullmatch(r"[1-4]", cell.strip()), f"a small count: {cell!r}"
    login = {"id": "Masuk", "en": "Log in"}[lang]
    assert not any(b.label.startswith(login) for b in at.main.button)


def _numbers(values) -> list[float | None]:
    """Plotly's JSON keeps arrays as lists or as base64 typed arrays; a missing
    value (no bar) is None in a list and NaN in a typed array: None here."""
    if isinstance(values, dict):
        raw = base64.b64decode(values["bdata"])
        values = np.frombuffer(raw, dtype=np.dtype(values["dtype"])).tolist()
    return [None if v is None or v != v else float(v) for v in values]


def test_charts_draw_no_small_bar(app_test, main_db: Path) -> None:
    at = app_test(main_db, lang="id", role=None)
    at.run()
    counted = 0
    for chart in at.main.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for trace in spec["data"]:
            if trace.get("type") != "bar" or trace.get("name") in ("Pagu", "Realisasi"):
                continue
            values = _numbers(
                trace["x"] if trace.get("orientation") == "h" else trace["y"]
            )
            counted += len(values)
            assert not any(v is not None and 0 < v < 5 for v in values), trace["name"]
    assert counted > 10


def test_a_hidden_cell_is_a_marked_cross_never_an_empty_bar(app_test, main_db) -> None:
    """Every hidden count of a chart: no bar at all (an empty bar reads as zero)
    and a cross with its mark, whose hover says what the mark means."""
    at = app_test(main_db, lang="id", role=None).run()
    crosses = 0
    for chart in at.main.get("plotly_chart"):
        data = json.loads(chart.proto.spec)["data"]
        bars = [t for t in data if t.get("type") == "bar"]
        marks = [t for t in data if t.get("mode") == "markers+text"]
        hidden = sum(
            1
            for t in bars
            for v in _numbers(t["x"] if t.get("orientation") == "h" else t["y"])
            if v is None
        )
        shown = sum(len(t["text"]) for t in marks)
        assert shown == hidden, (hidden, [(t.get("type"), t.get("mode")) for t in data])
        for t in marks:
            assert t["marker"]["symbol"] == "x-thin-open"
            assert {x.strip() for x in t["text"]} <= {"&lt; 5", "*"}  # escaped
            assert all("disembunyikan" in m for m in t["customdata"])
        crosses += shown
    assert crosses > 0  # the fixture hides cells


def test_public_aggregates_are_kept_and_equal_the_computed_ones(demo_db) -> None:
    """A demo build keeps the public KPIs and counts for its data date; they equal
    a fresh computation, and a different reporting date is not served from them."""
    from datetime import timedelta

    conn = db.connect(demo_db, read_only=True)
    try:
        info = db.get_info(conn)
        as_of = public_data.as_of_date(info)
        assert info["public_as_of"] == as_of.isoformat()
        kept = public_data.stored(conn, info)
        fresh = public_data.aggregates(conn, as_of)
        assert kept is not None
        for got, want in zip(kept, fresh, strict=True):
            assert len(want) > 20
            keys = list(want.columns[:-3] if "nilai" in want else want.columns[:-1])
            pd.testing.assert_frame_equal(
                got.sort_values(keys, ignore_index=True),
                want.sort_values(keys, ignore_index=True),
                check_dtype=False,
            )
        moved = {**info, "data_as_of": (as_of - timedelta(days=1)).isoformat()}
        assert public_data.stored(conn, moved) is None
    finally:
        conn.close()


def test_cards_carry_change_and_target_status(pub) -> None:
    """2022 against 2021 and the fixture's 2022 targets (worked in tests/fixtures.py)."""
    cards = {c.kpi_id: c for c in pv.cards(pub, 2022, "id")}
    # peserta 22 (2022) against 8 (2021): +14; target 25, 22 < 22,5: off track
    assert (cards["peserta"].value, cards["peserta"].change) == ("22", "+14")
    assert (cards["peserta"].status, cards["peserta"].target) == (
        "Di luar target",
        "25",
    )
    # tingkat_kelulusan 2022 is hidden (*): its target shows, but no change, no status
    kelulusan = cards["tingkat_kelulusan"]
    assert (kelulusan.value, kelulusan.change, kelulusan.status) == ("*", "", "")
    assert kelulusan.target == "80,00%"
    # serapan 90 / 100 (2022) against 80 / 80 (2021): −10,00 poin
    assert cards["serapan_anggaran"].change == "\u221210,00 poin"
    # no target: no status; TPT comes from BPS (2022 8,10% against 2021 10,13%)
    assert cards["tpt"].status == "" and cards["tpt"].change == "\u22122,03 poin"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_link_with_filters_the_public_figures_ignore_says_so(
    app_test, main_db: Path, lang: str
) -> None:
    """``?kecamatan=Ciwandan`` on the public page: only the year is offered, the
    figures are the city's, and the page says the filter does not apply."""
    plain = app_test(main_db, lang=lang, role=None, tahun="2024").run()
    at = app_test(
        main_db, lang=lang, role=None, tahun="2024", kecamatan="Ciwandan", kuartal="2"
    ).run()
    assert not at.exception
    assert [b.key for b in at.selectbox if b.key.startswith("f_")] == ["f_tahun"]
    assert not [m for m in at.multiselect if m.key.startswith("f_")]
    note = " ".join(i.value for i in at.main.info)
    kecamatan = i18n.t("filter.kecamatan", lang)
    periode = i18n.t("filter.periode", lang)
    assert kecamatan in note and periode in note
    assert [m.value for m in at.main.metric] == [m.value for m in plain.main.metric]
    assert not plain.main.info  # nothing asked that the page ignores
    url = {key: at.query_params[key] for key in at.query_params}
    assert url == {"tahun": "2024", **({} if lang == "id" else {"lang": lang})}


def test_open_data_writes_counts_and_rupiah_as_whole_numbers(exported: Path) -> None:
    """A spreadsheet reads 660, not 660.0; money in whole Rupiah."""
    for name, columns in {
        "hasil_program.csv": ["jumlah"],
        "anggaran_sumber.csv": ["pagu_rupiah", "realisasi_rupiah"],
    }.items():
        with (exported / name).open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert rows
        for row in rows:
            for column in columns:
                assert re.fullmatch(r"-?\d*", row[column]), (name, column, row[column])


def _budget_rows(
    graduates: dict[str, int], realisasi: dict[str, float]
) -> pd.DataFrame:
    rows = []
    for grp in ("total", *graduates):
        if grp == "total":
            n, money = sum(graduates.values()), sum(realisasi.values())
        else:
            n, money = graduates[grp], realisasi[grp]
        for kpi_id, value, den in (
            ("pagu", money, None),
            ("realisasi", money, None),
            ("serapan_anggaran", 100.0, None),
            ("biaya_per_lulusan", money / n, n),
            ("biaya_per_penempatan", money / n, n),
        ):
            rows.append(
                {"tahun": 2025, "kpi_id": kpi_id, "grp": grp, "nilai": value,
                 "pembilang": None, "penyebut": den}
            )  # fmt: skip
    return pd.DataFrame(rows)


def test_the_budget_attack_recovers_no_hidden_count() -> None:
    """Las/APBN 20 graduates, Listrik/APBD 15, Garmen/CSR 3. Published: realisasi per
    source and the cost per graduate where 5 or more stand behind it. Before, APBN's
    and APBD's costs were both published: 200 ÷ 10 = 20 and 90 ÷ 6 = 15, the total 38,
    so CSR = 3. Now a second cost is hidden with CSR's (the smallest that protects),
    and the reader cannot pin the CSR graduates down."""
    graduates = {"APBN": 20, "APBD": 15, "CSR": 3}
    realisasi = {"APBN": 200e6, "APBD": 90e6, "CSR": 30e6}
    out = public_data.budget_frame(_budget_rows(graduates, realisasi), 5).set_index(
        "sumber_dana"
    )
    status = out["biaya_per_lulusan_status"].to_dict()
    assert status["CSR"] == disclosure.BASIS
    assert status["APBD"] == disclosure.COMPLEMENT  # 15 < 20: the smallest other
    assert status["APBN"] == "" and status["total"] == ""
    # what the attacker can now work out from the published figures
    published = {
        g: out.at[g, "realisasi_rupiah"] / out.at[g, "biaya_per_lulusan_rupiah"]
        for g in out.index
        if pd.notna(out.at[g, "biaya_per_lulusan_rupiah"])
    }
    left = published["total"] - published["APBN"]  # APBD + CSR together: 18
    assert round(left) == 18  # split between two hidden sources: CSR anywhere in 1..4
    counts = {"t": 38, "APBN": 20, "APBD": 15, "CSR": 3}
    eq = disclosure.Equation("t", ("APBN", "APBD", "CSR"))
    hidden = {"CSR": disclosure.SMALL, "APBD": disclosure.COMPLEMENT}
    assert_protected(counts, [eq], hidden)
