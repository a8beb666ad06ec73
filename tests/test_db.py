"""The query layer's contract, migrations, safe writing, and every query file running.

``test_every_query_file_executes`` discovers the files under queries/ itself, so a
query added later is covered without touching this file; if it binds a param this
file has no sample value for, the test says which one to add to SAMPLE_PARAMS.
Each runs in a transaction that is rolled back. Conventions a query file follows
in its header: frames the code registers are named "registered frame `name`"
(see _sample_frame); a file for the public database says "(public database)".
"""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.fixtures import pid
from workforce import refresh
from workforce.core import db
from workforce.core.config import QUERIES_DIR

# ---- db.run contract ------------------------------------------------------------


@pytest.fixture(scope="module")
def mem() -> duckdb.DuckDBPyConnection:
    """An in-memory database with the schema, reference tables and empty marts."""
    conn = db.connect(":memory:")
    refresh.init_database(conn)
    yield conn
    conn.close()


@pytest.mark.parametrize(
    "name",
    [
        "common/no_such_query",
        "../queries/common/filter_options",
        "common/../common/filter_options",
        "/etc/passwd",
        "common/filter_options.sql",
        "Common/Filter_Options",
        "common/filter-options",
        "common\\filter_options",
        "common/filter_options; drop table peserta",
        "select 1",
        "",
    ],
)
def test_run_refuses_unknown_or_unsafe_names(mem, name: str) -> None:
    with pytest.raises(db.QueryError) as err:
        db.run(mem, name)
    assert repr(name) in str(err.value) or f"queries/{name}.sql" in str(err.value)


def test_run_refuses_missing_params(scratch_queries: Path) -> None:
    (scratch_queries / "p").mkdir()
    (scratch_queries / "p" / "two.sql").write_text("-- two\nselect $a + $b as c\n")
    conn = db.connect(":memory:")
    with pytest.raises(
        db.QueryError, match=r"queries/p/two\.sql: missing params \['b'\]"
    ):
        db.run(conn, "p/two", a=1)
    assert db.run(conn, "p/two", a=1, b=2)["c"].tolist() == [3]


def test_run_refuses_extra_params(mem) -> None:
    with pytest.raises(
        db.QueryError,
        match=r"queries/common/filter_options\.sql: .*unexpected params \['tahun'\]",
    ):
        db.run(mem, "common/filter_options", tahun=2024)


def test_run_returns_a_dataframe(mem) -> None:
    df = db.run(mem, "common/dataset_info")
    assert list(df.columns) == ["key", "value"]
    assert "data_version" in set(df["key"])


@pytest.fixture
def scratch_queries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private queries/ directory (the load caches are cleared around the test)."""
    monkeypatch.setattr(db, "QUERIES_DIR", tmp_path)
    db.load_query.cache_clear()
    db.query_params.cache_clear()
    yield tmp_path
    db.load_query.cache_clear()
    db.query_params.cache_clear()


def test_params_in_comments_and_string_literals_are_not_params(
    scratch_queries: Path,
) -> None:
    (scratch_queries / "t").mkdir()
    (scratch_queries / "t" / "tricky.sql").write_text(
        "-- header: binds $tahun only; $not_a_param in a comment\n"
        "select $tahun as tahun, 'costs $x' as label, 'it''s $y' as quoted\n"
        "-- trailing $z\n",
        encoding="utf-8",
    )
    assert db.query_params("t/tricky") == frozenset({"tahun"})
    conn = db.connect(":memory:")
    df = db.run(conn, "t/tricky", tahun=2024)
    assert df.to_dict("records") == [
        {"tahun": 2024, "label": "costs $x", "quoted": "it's $y"}
    ]
    with pytest.raises(db.QueryError, match="unexpected params"):
        db.run(conn, "t/tricky", tahun=2024, x=1)


def test_bound_params_are_values_not_sql(scratch_queries: Path) -> None:
    (scratch_queries / "echo.sql").write_text("-- echo\nselect $v as v\n")
    conn = db.connect(":memory:")
    hostile = "'; drop table peserta; --"
    assert db.run(conn, "echo", v=hostile)["v"].tolist() == [hostile]


def test_rows_batch_runs_files_together_with_their_own_params(
    scratch_queries: Path,
) -> None:
    """One statement, each call's rows in its own list and order; each call binds
    its own values of the same $names; comments go, literals with $ stay."""
    (scratch_queries / "t").mkdir()
    (scratch_queries / "t" / "ranks.sql").write_text(
        "-- ranks: $n rows counting down; ends with a comment $x\n"
        "select r, $label || ' $kept' as label from range($n) t(r) order by r desc\n"
        "-- trailing comment\n",
        encoding="utf-8",
    )
    conn = db.connect(":memory:")
    calls = [
        ("t/ranks", {"n": 3, "label": "a"}),
        ("t/ranks", {"n": 0, "label": "b"}),
        ("t/ranks", {"n": 2, "label": "'; drop table x; --"}),
    ]
    assert db.rows_batch(conn, calls) == [
        [(2, "a $kept"), (1, "a $kept"), (0, "a $kept")],
        [],
        [(1, "'; drop table x; -- $kept"), (0, "'; drop table x; -- $kept")],
    ]
    assert db.rows_batch(conn, calls) == [
        db.rows(conn, name, **params) for name, params in calls
    ]
    assert db.rows_batch(conn, []) == []
    with pytest.raises(db.QueryError, match=r"queries/t/ranks\.sql: missing params"):
        db.rows_batch(conn, [("t/ranks", {"n": 1})])
    assert db.batch_sql(["t/ranks"]).startswith(db.BATCH_HEADER + "t/ranks\n")


def test_count_statements_notes_each_statement_sent(scratch_queries: Path) -> None:
    """run, rows, rows_batch and execute each send one statement (a batch names all
    its files); an empty batch sends none; nested blocks each see what ran inside."""
    (scratch_queries / "echo.sql").write_text("-- echo\nselect $v as v\n")
    (scratch_queries / "make.sql").write_text("-- make\ncreate table t as select 1\n")
    conn = db.connect(":memory:")
    db.run(conn, "echo", v=0)  # before the block: not noted
    with db.count_statements() as outer:
        db.run(conn, "echo", v=1)
        with db.count_statements() as inner:
            db.rows(conn, "echo", v=2)
            db.rows_batch(conn, [("echo", {"v": 3}), ("echo", {"v": 4})])
            db.rows_batch(conn, [])
        db.execute(conn, "make")
    db.rows(conn, "echo", v=5)  # after the block: not noted
    assert inner.sent == [("echo",), ("echo", "echo")]
    assert outer.sent == [("echo",), ("echo",), ("echo", "echo"), ("make",)]
    assert len(outer) == 4


# ---- migrations -------------------------------------------------------------------


def test_migrate_fresh_database_reaches_latest_version() -> None:
    latest = max(version for version, _ in db.migration_files())
    conn = db.connect(":memory:")
    applied = db.migrate(conn)
    assert applied == [path.name for _, path in db.migration_files()]
    assert db.schema_version(conn) == latest >= 1
    assert db.migrate(conn) == []  # second run applies nothing
    assert db.schema_version(conn) == latest


def test_migrate_upgrades_in_place_and_keeps_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.duckdb"
    conn = db.connect(path)
    refresh.init_database(conn)
    conn.execute("insert into ref_kejuruan values (1, 'Pengelasan', 'pengelasan')")
    before = db.schema_version(conn)
    conn.close()
    # a newer release: the same migrations plus one more
    newer = tmp_path / "queries"
    shutil.copytree(QUERIES_DIR / "schema", newer / "schema")
    extra = f"{before + 1:03d}_test_extra.sql"
    (newer / "schema" / extra).write_text(
        "-- test migration\nalter table ref_kejuruan add column catatan text;\n"
    )
    monkeypatch.setattr(db, "QUERIES_DIR", newer)
    conn = db.connect(path)
    assert db.migrate(conn) == [extra]
    assert db.schema_version(conn) == before + 1
    assert conn.execute("select nama, catatan from ref_kejuruan").fetchall() == [
        ("Pengelasan", None)
    ]
    assert db.migrate(conn) == []
    conn.close()


def test_failed_migration_rolls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = db.connect(":memory:")
    db.migrate(conn)
    before = db.schema_version(conn)
    newer = tmp_path / "queries"
    shutil.copytree(QUERIES_DIR / "schema", newer / "schema")
    (newer / "schema" / f"{before + 1:03d}_broken.sql").write_text(
        "-- broken\ncreate table half_done (x integer);\nthis is not sql;\n"
    )
    monkeypatch.setattr(db, "QUERIES_DIR", newer)
    with pytest.raises(duckdb.Error):
        db.migrate(conn)
    assert db.schema_version(conn) == before
    tables = {row[0] for row in conn.execute("show tables").fetchall()}
    assert "half_done" not in tables


def test_init_database_twice_keeps_data(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "x.duckdb")
    refresh.init_database(conn)
    kecamatan = conn.execute("select count(*) from ref_kecamatan").fetchone()[0]
    conn.execute("insert into ref_kejuruan values (1, 'Pengelasan', 'pengelasan')")
    refresh.init_database(conn)
    assert conn.execute("select count(*) from ref_kecamatan").fetchone()[0] == kecamatan
    assert conn.execute("select count(*) from ref_kejuruan").fetchone()[0] == 1
    assert kecamatan == 8  # Kota Cilegon has 8 kecamatan


# ---- safe writing -----------------------------------------------------------------


def _make_db(path: Path) -> None:
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)


def test_atomic_write_swaps_in_on_success(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    _make_db(path)
    with db.atomic_write(path) as conn:
        conn.execute("insert into ref_kejuruan values (1, 'Pengelasan', 'pengelasan')")
    conn = db.connect(path, read_only=True)
    assert conn.execute("select nama from ref_kejuruan").fetchall() == [("Pengelasan",)]
    conn.close()
    assert not list(tmp_path.glob(".*.tmp"))


def test_atomic_write_failure_leaves_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    _make_db(path)
    original = path.read_bytes()
    with pytest.raises(RuntimeError, match="boom"), db.atomic_write(path) as conn:
        conn.execute("delete from ref_kelurahan")
        conn.execute("insert into ref_kejuruan values (1, 'Pengelasan', 'pengelasan')")
        raise RuntimeError("boom")
    assert path.read_bytes() == original
    assert not list(tmp_path.glob(".*.tmp"))


def test_writer_lock_refuses_a_second_writer(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with db.writer_lock(path):
        with pytest.raises(db.LockedError, match="w.duckdb"), db.writer_lock(path):
            pass
        with pytest.raises(db.LockedError), db.atomic_write(path):
            pass
    with db.writer_lock(path):  # released: a later writer gets it
        pass


# ---- every query file runs ------------------------------------------------------

# A sample value for every param name a query file may bind. Add yours here.
AT = datetime(2025, 1, 15, 9, 30)
SAMPLE_PARAMS: dict[str, object] = {
    # the shared filter params (workforce.core.filters.Filters.sql_params)
    "tahun": 2024,
    "start": date(2024, 1, 1),
    "end": date(2024, 12, 31),
    "as_of": date(2024, 12, 31),
    "kecamatan": None,
    "kejuruan": None,
    "penyelenggara": None,
    "jenis": None,
    "sumber_dana": None,
    # periods and lists
    "tahun_awal": 2023,
    "tahun_akhir": 2024,
    "kuartal": 2,
    "bulan": 6,
    "limit": 10,
    # public data releases (workforce.public.release)
    "release_no": 1,
    "published_at": datetime(2025, 12, 1, 8, 0),
    "note": "Rilis uji",
    "published_by": "test-admin",
    # per-programme tables: the outlier rules (workforce.budget.numbers), one breakdown
    "iqr_k": 1.5,
    "iqr_min": 4,
    "factor": 2.0,
    "dimension": "jenis_kelamin",
    "middle": "kejuruan",
    # budget pacing against the city's own schedule (workforce.budget.numbers)
    "years": 3,
    "quantile": 0.10,
    "min_programmes": 5,
    "floor_pct": 40.0,
    # metric queries: one result per year (workforce.core.metrics.compute_by)
    "by": "tahun",
    "sels": ["2023", "2024"],
    # targets, audit log, import log
    "indikator": "tingkat_penempatan_6b",
    "nilai_target": 70.0,
    "at": AT,
    "user_name": "test-admin",
    "action": "test",
    "detail": "from tests/test_db.py",
    "import_id": 999,
    "started_at": AT,
    "finished_at": AT,
    "file_name": "peserta.xlsx",
    "file_sha256": "0" * 64,
    "sha256": "0" * 64,
    "template": "peserta",
    "row_count": 0,
    "inserted_count": 0,
    "replaced_count": 0,
    "ignored_count": 0,
    "rejected_count": 0,
    "warning_count": 0,
    "new_refs": "{}",
    "ignored_columns": "[]",
    "status": "loaded",
    "data_as_of": date(2025, 6, 30),
    # retention: persons with no programme ended since this date are deleted
    "cutoff": date(2020, 1, 1),
}
# The same dimensions narrowed to fixture values (lists must bind as lists).
NARROWED = {
    "kecamatan": ["Ciwandan", "Grogol"],
    "kejuruan": ["Pengelasan"],
    "penyelenggara": ["BLK Cilegon"],
    "jenis": ["pelatihan"],
    "sumber_dana": ["APBN"],
}
# Frames a query reads that the code registers at run time; a query file names them
# in its header as "registered frame `name`". Each sample is built from the
# database (an empty copy of a table keeps the column types) or written out.
FRAME_RE = re.compile(r"registered frames?[\s-]*`(\w+)`")


def _sample_frame(conn, frame: str, name: str) -> pd.DataFrame:
    if frame == "staging":  # ingest/<verb>_<table>: rows shaped like the table
        table = name.split("/")[-1].split("_", 1)[1]
        rows = conn.execute(f"select * from {table} limit 0").df()
        return rows.assign(pos=pd.Series([], dtype="int64"))  # row position (diff_*)
    if frame == "quarantine":
        return conn.execute("select * from import_quarantine limit 0").df()
    if frame == "staging_keys":
        return pd.DataFrame({"peserta_id": [pid("A"), "0" * 64], "pos": [0, 1]})
    if frame == "survey_keys":  # ingest/graduation_dates: tracer survey keys
        return pd.DataFrame(
            {"peserta_id": [pid("A"), "0" * 64], "kode_program": ["p1", "X"]}
        ).assign(pos=[0, 1])
    if frame == "replaced_keys":  # ingest/children_* and delete_children_*
        return pd.DataFrame({"kind": ["peserta", "program"], "key": [pid("A"), "P1"]})
    if frame == "retention_stale":  # retention/stale_counts and retention/delete_*
        return pd.DataFrame({"peserta_id": ["0" * 64]})  # no row: keys stay whole
    if frame == "new_refs":
        return pd.DataFrame(
            {"ref_id": [99], "nama": ["Uji Coba"], "nama_norm": ["uji coba"]}
        )
    pytest.fail(
        f"queries/{name}.sql reads the registered frame {frame!r}: add a sample "
        "frame for it to _sample_frame in tests/test_db.py"
    )


EXECUTED_BY_INIT = ("schema/", "marts/")


def _query_names() -> list[str]:
    names = []
    for path in sorted(QUERIES_DIR.rglob("*.sql")):
        name = path.relative_to(QUERIES_DIR).with_suffix("").as_posix()
        if not name.startswith(EXECUTED_BY_INIT):
            names.append(name)
    return names


def _cases() -> list:
    """Each query with the sample params; again narrowed if it binds a dimension."""
    cases = []
    for name in _query_names():
        cases.append(pytest.param(name, False, id=f"{name}-all"))
        if db.query_params(name) & NARROWED.keys():
            cases.append(pytest.param(name, True, id=f"{name}-narrowed"))
    return cases


@pytest.fixture(scope="module")
def scratch_conn(fixture_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """A writable copy of the fixture; each query runs in a rolled-back transaction."""
    path = tmp_path_factory.mktemp("queries") / "scratch.duckdb"
    shutil.copyfile(fixture_db, path)
    conn = db.connect(path)
    yield conn
    conn.close()


def _sample_params(name: str, narrowed: bool) -> dict[str, object]:
    wanted = db.query_params(name)
    unknown = sorted(wanted - SAMPLE_PARAMS.keys())
    assert not unknown, (
        f"queries/{name}.sql binds {unknown}: add a sample value for each to "
        "SAMPLE_PARAMS in tests/test_db.py"
    )
    values = {**SAMPLE_PARAMS, **(NARROWED if narrowed else {})}
    return {key: values[key] for key in wanted}


@pytest.mark.parametrize(("name", "narrowed"), _cases())
def test_every_query_file_executes(
    request: pytest.FixtureRequest, name: str, narrowed: bool
) -> None:
    params = _sample_params(name, narrowed)
    db.check_params(name, params)
    sql = db.load_query(name)
    conn = request.getfixturevalue(_target(sql))
    cur = conn.cursor()
    cur.begin()
    try:
        # frames the code registers at run time (as workforce/ingest does)
        for frame in FRAME_RE.findall(sql):
            cur.register(frame, _sample_frame(conn, frame, name))
        result = cur.execute(sql, params or None)
        columns = [col[0] for col in result.description or []]
        if columns:
            result.fetchall()  # run it to the end
    finally:
        cur.rollback()
        cur.close()
    # a read returns its columns, a write (insert/update/delete) returns "Count"
    if _first_keyword(sql) not in DDL:
        assert columns, f"queries/{name}.sql returned no result"


DDL = ("create", "alter", "drop")


def _first_keyword(sql: str) -> str:
    words = re.sub(r"--[^\n]*", " ", sql).split()
    return words[0].lower() if words else ""


def _target(sql: str) -> str:
    """The fixture a query runs on: the main database, or the public one.

    A file for the aggregate-only public database (workforce.public.numbers) says
    "(public database)" in its header; its ``create`` statements run on an empty
    database, its reads on the public database built from the fixture.
    """
    if "(public database)" not in sql.split("\n", 1)[0]:
        return "scratch_conn"
    return "empty_conn" if _first_keyword(sql) in DDL else "public_conn"


@pytest.fixture(scope="module")
def public_conn(fixture_conn):
    """The public (aggregates only) database built from the fixture."""
    from workforce.public import numbers as public_data

    conn = public_data.build(fixture_conn)
    yield conn
    conn.close()


@pytest.fixture
def empty_conn():
    """An empty in-memory database."""
    conn = duckdb.connect(":memory:")
    yield conn
    conn.close()


def test_marts_rebuild_idempotently(fixture_copy: Path) -> None:
    conn = db.connect(fixture_copy)
    counts = [conn.execute("select count(*) from mart_enrolment").fetchone()[0]]
    refresh.refresh_marts(conn)
    counts.append(conn.execute("select count(*) from mart_enrolment").fetchone()[0])
    conn.close()
    assert counts == [13, 13]  # 13 enrolments in the fixture (11 ended, 2 in P5)


def test_marts_digest_ignores_whole_line_comments(tmp_path, monkeypatch):
    """Editing a mart's notes keeps the digest (no rebuild); editing its SQL does not."""
    copy = tmp_path / "queries"
    shutil.copytree(db.QUERIES_DIR, copy)
    monkeypatch.setattr(refresh, "QUERIES_DIR", copy)
    before = refresh.marts_digest()
    mart = copy / "marts" / "030_mart_budget.sql"
    mart.write_text(
        "-- a new note\n" + mart.read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert refresh.marts_digest() == before
    mart.write_text(
        mart.read_text(encoding="utf-8") + "\n-- and\nselect 1", encoding="utf-8"
    )
    assert refresh.marts_digest() != before


def test_shared_macros_worked_by_hand(empty_conn) -> None:
    """The macros of queries/marts/ the queries share, on literal values: a list bound
    as null picks every value (a missing one too), a row's selection, the rows of a
    split KPI in their order, a rate with nothing to divide by."""
    db.create_macros(empty_conn)

    def one(sql: str, **params: object) -> object:
        return empty_conn.execute(f"select {sql}", params or None).fetchone()[0]

    assert one("picked(null, $s)", s=None) is True
    assert one("picked('Ciwandan', $s)", s=["Grogol", "Ciwandan"]) is True
    assert one("picked('Ciwandan', $s)", s=["Grogol"]) is False
    row = "'Ciwandan', 'Las', 'BLK', 'pelatihan', 'APBN'"
    assert one(f"in_filters({row}, null, ['Las'], null, null, ['APBN'])") is True
    assert one(f"in_filters({row}, ['Grogol'], null, null, null, null)") is False
    assert one(
        "in_programme('Las', 'BLK', 'pelatihan', 'APBN', null, null, null, null)"
    )
    sels = [one(f"sel_of($by, 2024, {row})", by=by) for by in (None, "tahun", "jenis")]
    assert sels == ["total", "2024", "pelatihan"]
    split = (
        "select sel, grp from split_rows($s, 'jenis_penempatan') order by sel, grp_no"
    )
    assert empty_conn.execute(split, {"s": ["2025", "2024"]}).fetchall()[:5] == [
        ("2024", "total"),
        ("2024", "kerja"),
        ("2024", "magang"),
        ("2024", "wirausaha"),
        ("2025", "total"),
    ]
    assert empty_conn.execute("select * from sel_rows(null)").fetchall() == [("total",)]
    assert one("pct(1, 4)") == 25 and one("pct(1, 0)") is None
    assert one("is_whole_years('2024-01-01', '2025-12-31')") is True
    assert one("is_whole_years('2024-01-01', '2024-06-30')") is False
    fits = "wage_year_fits('2024-01-01', '2024-12-31', $by, $k, null, null, null, null)"
    assert one(fits, by="kejuruan", k=None) is True
    assert one(fits, by="kejuruan", k=["Ciwandan"]) is False  # two dimensions
    years = (
        "participant_year_fits('2024-01-01', '2024-12-31', null, null, null, null, $s)"
    )
    assert one(years, s=None) is True
    assert one(years, s=["APBN"]) is False  # a dimension filtered
