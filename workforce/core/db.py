"""Open DuckDB, migrate the schema, load named queries and run them with bound params.

Every query the dashboard runs is a file under ``queries/`` called by name
(``"common/filter_options"``). ``run`` checks the contract: the name must be a
known file, and the ``$params`` passed must be exactly those the file uses.
Writers never touch the live file: ``atomic_write`` copies it, yields a writable
connection on the copy, and swaps the copy in with ``os.replace`` on success.
``count_statements`` notes the named statements sent, so that a test can hold a page
to "at most N statements".
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import duckdb
import pandas as pd

from workforce.core.config import APP_MEMORY_LIMIT, QUERIES_DIR, SEED_DIR

_NAME_RE = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")
_PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_COMMENT_RE = re.compile(r"--[^\n]*|'(?:[^']|'')*'")


class QueryError(ValueError):
    """A query name or its parameters do not match a file in queries/."""


class LockedError(RuntimeError):
    """Another writer (an import or a demo build) holds the database."""


def connect(
    path: Path | str, read_only: bool = False, memory_limit: str | None = None
) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file (``:memory:`` for tests), with DuckDB's ``memory_limit``
    when given (the app's connections: config.APP_MEMORY_LIMIT)."""
    config = {"memory_limit": memory_limit} if memory_limit else {}
    return duckdb.connect(str(path), read_only=read_only, config=config)


def connect_snapshot(path: Path) -> duckdb.DuckDBPyConnection:
    """Open the current version of ``path`` read-only, under a name of its own.

    DuckDB hands a new ``connect`` the database already open under the same path,
    so after a writer swaps a new file in (``atomic_write``) a plain reconnect
    would still read the old one. A private hard link with a unique name gives
    each connection its own path; it is removed once open (the open file stays
    readable), and connections to older versions finish their work undisturbed.
    """
    alias = path.with_name(f".{path.name}.{uuid.uuid4().hex}.ro")
    try:
        os.link(path, alias)
    except OSError:  # read-only directory or no hard links: plain path
        return connect(path, read_only=True, memory_limit=APP_MEMORY_LIMIT)
    try:
        return connect(alias, read_only=True, memory_limit=APP_MEMORY_LIMIT)
    finally:
        alias.unlink(missing_ok=True)


@cache
def load_query(name: str) -> str:
    """Return the SQL text of ``queries/<name>.sql``; refuse unknown or unsafe names."""
    if not _NAME_RE.match(name):
        raise QueryError(f"invalid query name {name!r}")
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise QueryError(f"no query file queries/{name}.sql")
    return path.read_text(encoding="utf-8")


@cache
def query_params(name: str) -> frozenset[str]:
    """The ``$names`` a query file binds (comments and string literals ignored)."""
    code = _COMMENT_RE.sub(" ", load_query(name))
    return frozenset(_PARAM_RE.findall(code))


def check_params(name: str, params: dict[str, Any]) -> None:
    """Raise QueryError naming the file when params differ from what it binds."""
    wanted = query_params(name)
    missing, extra = wanted - params.keys(), params.keys() - wanted
    if missing or extra:
        raise QueryError(
            f"queries/{name}.sql: missing params {sorted(missing)}, "
            f"unexpected params {sorted(extra)}"
        )


@dataclass
class Statements:
    """The named statements sent inside ``count_statements()``, each as the query
    files it ran (one, or several for ``rows_batch``)."""

    sent: list[tuple[str, ...]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.sent)


_COUNTING: ContextVar[tuple[Statements, ...]] = ContextVar("db_counting", default=())


@contextlib.contextmanager
def count_statements() -> Iterator[Statements]:
    """Note every statement ``run``, ``rows``, ``rows_batch`` and ``execute`` send
    inside the block (in this thread), for a page held to "at most N statements".
    Blocks may nest: each notes what was sent inside it."""
    counter = Statements()
    token = _COUNTING.set((*_COUNTING.get(), counter))
    try:
        yield counter
    finally:
        _COUNTING.reset(token)


def _note(*names: str) -> None:
    """Note one statement, running the query files ``names``."""
    for counter in _COUNTING.get():
        counter.sent.append(names)


def run(conn: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """Run a named read query on a fresh cursor and return a DataFrame."""
    check_params(name, params)
    _note(name)
    cur = conn.cursor()
    try:
        return cur.execute(load_query(name), params or None).df()
    finally:
        cur.close()


def rows(conn: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[tuple]:
    """Run a named read query on a fresh cursor; its rows as tuples (no DataFrame:
    for small results read in a loop, such as the KPI registry's)."""
    check_params(name, params)
    _note(name)
    cur = conn.cursor()
    try:
        return cur.execute(load_query(name), params or None).fetchall()
    finally:
        cur.close()


BATCH_HEADER = "-- batch: "  # first line of a rows_batch statement, then its files
_TOKEN_RE = re.compile(r"(--[^\n]*)|('(?:[^']|'')*')|\$([A-Za-z_][A-Za-z0-9_]*)")


def _own_params(sql: str, prefix: str) -> str:
    """``sql`` with each ``$name`` renamed ``$<prefix>name`` and its comments dropped
    (string literals kept as they are)."""

    def token(match: re.Match[str]) -> str:
        comment, literal, param = match.groups()
        if comment is not None:
            return ""
        return literal if literal is not None else f"${prefix}{param}"

    return _TOKEN_RE.sub(token, sql)


def batch_sql(names: list[str]) -> str:
    """One statement running the query files ``names`` together: ``union all`` of
    each file's rows, led by its position (``batch_part``), its params renamed
    ``$b<position>_<name>``. Only query files are joined, never user text; the files
    must return the same columns (the KPI registry's do)."""
    parts = [
        # S608 reviewed: the text joined is the query files' (load_query refuses
        # any name that is not a file under queries/) and a position; values are
        # bound
        f"select {i} as batch_part, * from (\n{_own_params(load_query(n), f'b{i}_')}\n)"  # noqa: S608
        for i, n in enumerate(names)
    ]
    return BATCH_HEADER + ", ".join(names) + "\n" + "\nunion all\n".join(parts)


def rows_batch(
    conn: duckdb.DuckDBPyConnection, calls: list[tuple[str, dict[str, Any]]]
) -> list[list[tuple]]:
    """Run named read queries ``(name, params)`` in one statement (``batch_sql``):
    each call's rows as ``rows`` gives them, in order. One round trip instead of
    many; DuckDB runs the parts' pipelines side by side. Row order within a part is
    kept (``union all`` and plain ``select`` preserve it)."""
    if not calls:
        return []
    bound: dict[str, Any] = {}
    for i, (name, params) in enumerate(calls):
        check_params(name, params)
        bound |= {f"b{i}_{k}": v for k, v in params.items()}
    _note(*(name for name, _ in calls))
    cur = conn.cursor()
    try:
        found = cur.execute(batch_sql([n for n, _ in calls]), bound or None).fetchall()
    finally:
        cur.close()
    out: list[list[tuple]] = [[] for _ in calls]
    for part, *row in found:
        out[part].append(tuple(row))
    return out


def execute(conn: duckdb.DuckDBPyConnection, name: str, **params: Any) -> None:
    """Run a named write statement (no result) with bound params."""
    check_params(name, params)
    _note(name)
    conn.execute(load_query(name), params or None)


# ---- schema migrations -------------------------------------------------------


def migration_files() -> list[tuple[int, Path]]:
    """The versioned schema files, ``queries/schema/NNN_name.sql``, in order."""
    files = []
    for path in sorted((QUERIES_DIR / "schema").glob("*.sql")):
        files.append((int(path.name.split("_", 1)[0]), path))
    return files


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """Highest applied migration (0 for an empty database)."""
    conn.execute(
        "create table if not exists schema_migrations ("
        "version integer primary key, name text not null, applied_at timestamp not null)"
    )
    row = conn.execute(
        "select coalesce(max(version), 0) from schema_migrations"
    ).fetchone()
    return int(row[0]) if row else 0


def schema_version_readonly(conn: duckdb.DuckDBPyConnection) -> int:
    """Highest applied migration, without creating anything (read-only files)."""
    try:
        row = conn.execute("select max(version) from schema_migrations").fetchone()
    except duckdb.CatalogException:
        return 0
    return int(row[0] or 0) if row else 0


def migrate(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations not yet applied, each in its own transaction."""
    current = schema_version(conn)
    applied = []
    for version, path in migration_files():
        if version <= current:
            continue
        conn.execute("begin transaction")
        try:
            conn.execute(path.read_text(encoding="utf-8"))
            conn.execute(
                "insert into schema_migrations values ($v, $n, $t)",
                {
                    "v": version,
                    "n": path.name,
                    "t": datetime.now(UTC).replace(tzinfo=None),
                },
            )
            conn.execute("commit")
        except Exception:
            conn.execute("rollback")
            raise
        applied.append(path.name)
    return applied


def seed_reference(conn: duckdb.DuckDBPyConnection) -> None:
    """Load the reference CSVs and published BPS figures of data/seed into a new database."""
    seeds = {
        "ref_kecamatan": "ref_kecamatan.csv",
        "ref_kelurahan": "ref_kelurahan.csv",
        "ref_name_variant": "ref_name_variant.csv",
        "ref_kbli": "ref_kbli.csv",
        "ref_umk": "umk_cilegon.csv",
    }
    if conn.execute("select count(*) from ref_kecamatan").fetchall()[0][0]:
        return
    for table, file in seeds.items():
        df = pd.read_csv(SEED_DIR / file, dtype=str)
        conn.from_df(df).insert_into(table)
    stats = pd.read_csv(SEED_DIR / "statistik_tenaga_kerja.csv")
    stats["rilis"] = "BPS Sakernas Agustus"
    conn.from_df(
        stats[
            [
                "tahun",
                "wilayah",
                "sumber",
                "tpt_pct",
                "angkatan_kerja",
                "pengangguran",
                "tpak_pct",
            ]
        ].assign(penduduk_usia_kerja=None, bekerja=None, rilis="BPS Sakernas Agustus")
    ).insert_into("statistik_tenaga_kerja")


def set_info(conn: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Set one dataset_info entry (is_demo, data_as_of, data_version, built_at)."""
    conn.execute(
        "insert or replace into dataset_info values ($k, $v)", {"k": key, "v": value}
    )


def get_info(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """All dataset_info entries as a dict."""
    cur = conn.cursor()
    try:
        return dict(cur.execute("select key, value from dataset_info").fetchall())
    finally:
        cur.close()


MACRO_FILES = "00?_*.sql"  # queries/marts/: the shared macros, which read no table


def build_marts(conn: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the pre-aggregated tables (queries/marts/*.sql) from the base tables,
    in file order: first the shared macros the queries call (``MACRO_FILES``), then
    each mart and the table macros over it."""
    for path in sorted((QUERIES_DIR / "marts").glob("*.sql")):
        conn.execute(path.read_text(encoding="utf-8"))


def create_macros(conn: duckdb.DuckDBPyConnection) -> None:
    """Create only the shared macros of queries/marts/ (``MACRO_FILES``: filters,
    selections, rates), for a database that holds some tables of its own (tests)."""
    for path in sorted((QUERIES_DIR / "marts").glob(MACRO_FILES)):
        conn.execute(path.read_text(encoding="utf-8"))


# ---- safe writing --------------------------------------------------------------


@contextlib.contextmanager
def writer_lock(path: Path, wait_s: float = 0.0) -> Iterator[None]:
    """Hold ``<db>.lock`` exclusively; raise LockedError if another writer has it."""
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+") as fh:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockedError(str(path)) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextlib.contextmanager
def atomic_write(
    path: Path, wait_s: float = 0.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a writable connection on a copy of ``path``; swap it in on success.

    Readers keep the old file open until they reconnect; a crash or kill leaves
    the live file untouched (the copy is a temp file next to it). The copy is
    removed on any error, the copy itself failing included (a full disk), and
    copies left by a killed writer are removed before a new one is made, so a
    failed import never keeps the disk full.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with writer_lock(path, wait_s):
        remove_stale_copies(path)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        conn: duckdb.DuckDBPyConnection | None = None
        try:
            if path.exists():
                with open_private(tmp) as out, open(path, "rb") as source:
                    shutil.copyfileobj(source, out, 16 * 1024 * 1024)
            conn = connect(tmp)
            make_private(tmp)
            make_private(tmp.with_name(tmp.name + ".wal"))
            migrate(conn)
            yield conn
            conn.execute("checkpoint")
            conn.close()
            os.replace(tmp, path)
        finally:
            if conn is not None:
                conn.close()
            for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
                leftover.unlink(missing_ok=True)


PRIVATE_MODE = 0o600


def open_private(path: Path) -> BinaryIO:
    """Open ``path`` for writing, created (or reset) to mode 0600 before any byte
    is written: only the service account reads the database and its copies."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_MODE)
    os.fchmod(fd, PRIVATE_MODE)
    return os.fdopen(fd, "wb")


def make_private(path: Path) -> None:
    """Give ``path`` mode 0600, creating it empty when it does not exist (DuckDB
    then writes its write-ahead log into a file nobody else may read)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_MODE))
    os.chmod(path, PRIVATE_MODE)


def remove_stale_copies(path: Path) -> None:
    """Copies (and their write-ahead logs) left next to ``path`` by a writer that
    was killed; call it holding the writer lock (no other writer is running)."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp*"):
        leftover.unlink(missing_ok=True)
