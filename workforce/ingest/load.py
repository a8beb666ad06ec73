"""One import = one transaction: validate, upsert, quarantine, log, refresh marts.

Everything happens on a copy of the database (``db.atomic_write``) that replaces
the live file only when all files of the import went through; a crash or a kill
leaves the live file as it was, and readers keep serving the old file meanwhile.
A second import at the same time waits ``wait_s`` seconds for the writer lock,
then is refused (``db.LockedError``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from workforce import refresh
from workforce.core import checks, db, pseudonym, reporting
from workforce.ingest import stage
from workforce.ingest.errors import IngestError
from workforce.ingest.lookups import DbLookups, read
from workforce.ingest.read import RawFile, read_upload
from workforce.ingest.report import quarantine_frame
from workforce.ingest.templates import ORDER, Template, get
from workforce.ingest.validate import Validation, match_headers, validate

DEFAULT_WAIT_S = 10.0
# tables other tables reference: their key, and the tables that point at them
PARENT_KEYS = {
    "peserta": "peserta_id",
    "program": "kode_program",
    "perusahaan": "kode_perusahaan",
}
CHILDREN = {
    "peserta": ("pendaftaran", "penempatan"),
    "program": ("pendaftaran", "penempatan"),
    "perusahaan": ("penempatan", "lowongan"),
}


@dataclass(frozen=True)
class Upload:
    """One file to import: its template, name and bytes."""

    template: str
    file_name: str
    data: bytes


@dataclass
class ImportResult:
    """What one file's import did."""

    validation: Validation
    status: str  # loaded | rejected | unchanged
    import_id: int | None = None
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    previous: dict[str, Any] | None = None

    @property
    def template(self) -> str:
        """The template name."""
        return self.validation.template.name

    @property
    def rejected(self) -> int:
        """Rows rejected (kept in quarantine when the import was written)."""
        return self.validation.rejected

    @property
    def ignored(self) -> int:
        """Rows needing nothing: identical to the stored row, or the example row."""
        return self.unchanged + self.validation.example_rows

    def summary(self) -> str:
        """``inserted N, replaced N, rejected N, ignored N`` (the CLI's line)."""
        return (
            f"inserted {self.inserted}, replaced {self.replaced}, "
            f"rejected {self.rejected}, ignored {self.ignored}"
        )


@dataclass
class BatchResult:
    """An import of one or more files, committed together or not at all."""

    results: list[ImportResult]
    committed: bool
    checks: list[checks.CheckResult] = field(default_factory=list)


class _NothingChangedError(Exception):
    def __init__(self, results: list[ImportResult]) -> None:
        super().__init__("nothing changed")
        self.results = results


def import_files(
    path: Path | str,
    uploads: list[Upload],
    *,
    user: str = "admin",
    key: bytes | None = None,
    force: bool = False,
    today: date | None = None,
    wait_s: float = DEFAULT_WAIT_S,
    as_of: date | None = None,
) -> BatchResult:
    """Import files in template order (perusahaan, program, peserta, ...) at once.

    ``as_of`` is the date the files were exported from the source system ("data
    per"; default ``today``, never later): each table a file fills is dated by it,
    and the reporting date becomes the earliest over the dated tables
    (``core.reporting``). A file identical to what is stored still moves its
    table's date when the date is new.
    """
    path = Path(path)
    if not path.is_file():
        raise IngestError("no_database", path=str(path))
    today = today or date.today()
    as_of = check_as_of(as_of, today)
    ordered = sorted(uploads, key=lambda u: ORDER.index(get(u.template).name))
    raws = []
    for upload in ordered:
        template = get(upload.template)
        raw = read_upload(upload.file_name, upload.data, template)
        match_headers(list(raw.frame.columns), template)  # fail before the lock
        raws.append((template, raw))
    try:
        with db.atomic_write(path, wait_s) as conn:
            key = resolve_key(key, db.get_info(conn), force, path)
            results = [
                _import_one(conn, raw, template, key, today, user, as_of)
                for template, raw in raws
            ]
            moved = date_tables(conn, results, as_of)
            if all(r.status == "unchanged" for r in results) and not moved:
                raise _NothingChangedError(results)
            reporting_date = reporting.earliest(db.get_info(conn)) or as_of
            db.set_info(conn, reporting.KEY, reporting_date.isoformat())
            # after data_as_of: the public aggregates use it
            found = refresh.refresh_marts(conn)
            mark_imported(conn, today)
    except _NothingChangedError as nothing:
        return BatchResult(nothing.results, committed=False)
    except (OSError, duckdb.IOException) as exc:  # a full disk, a lost mount
        raise IngestError("write_failed", path=str(path), detail=str(exc)) from exc
    # the public figures change only with the next release (workforce.public.release)
    return BatchResult(results, committed=True, checks=found)


def import_file(
    path: Path | str, template: str, file_name: str, data: bytes, **kwargs: Any
) -> ImportResult:
    """Import one file (see ``import_files``)."""
    batch = import_files(path, [Upload(template, file_name, data)], **kwargs)
    return batch.results[0]


def check_as_of(as_of: date | None, today: date) -> date:
    """The export date of an import: ``today`` when not given; never later."""
    if as_of is None:
        return today
    if as_of > today:
        raise IngestError("as_of_future", date=as_of.isoformat())
    return as_of


def date_tables(
    conn: duckdb.DuckDBPyConnection, results: list[ImportResult], as_of: date
) -> bool:
    """Date each table a file filled (loaded, or identical to what is stored);
    True when some table's date changed."""
    info = db.get_info(conn)
    moved = False
    for r in results:
        key = reporting.table_key(r.validation.template.table)
        if r.status != "rejected" and info.get(key) != as_of.isoformat():
            db.set_info(conn, key, as_of.isoformat())
            moved = True
    return moved


def mark_imported(conn: duckdb.DuckDBPyConnection, today: date) -> None:
    """Record what kind of data the database now holds.

    A demo database stays a demo after a trial import (``--force``, the trial
    checkbox): it is labelled with the trial's date, keeps demo mode and may be
    rebuilt by ``init-demo``. Any other database now holds real data.
    """
    if db.get_info(conn).get("is_demo") == "true":
        db.set_info(conn, "trial_import_on", today.isoformat())
    else:
        db.set_info(conn, "has_real_data", "true")


def resolve_key(
    key: bytes | None, info: dict[str, str], force: bool, path: Path
) -> bytes:
    """The pseudonym key; refuse a demo database unless forced."""
    demo = info.get("is_demo") == "true"
    if demo and not force:
        raise IngestError("demo_database", path=str(path))
    if key:
        return key
    try:
        return pseudonym.key_from_env()
    except pseudonym.MissingKeyError:
        if demo:
            return pseudonym.DEMO_KEY
        raise


def preview(
    conn: duckdb.DuckDBPyConnection,
    upload: Upload,
    key: bytes,
    today: date | None = None,
) -> Validation:
    """Validate a file against the live database without writing anything."""
    template = get(upload.template)
    raw = read_upload(upload.file_name, upload.data, template)
    return validate(raw, template, DbLookups(conn, key, today or date.today()))


def _import_one(
    conn: duckdb.DuckDBPyConnection,
    raw: RawFile,
    template: Template,
    key: bytes,
    today: date,
    user: str,
    as_of: date,
) -> ImportResult:
    started = _now()
    lk = DbLookups(conn, key, today)
    v = validate(raw, template, lk)
    staged, new_refs = stage.stage(v, lk)
    v.clean = v.clean.iloc[:0]  # staged now; free the parsed objects
    change = _changes(conn, template, staged)
    previous = _previous(conn, v)
    counts = {
        kind: int((change == kind).sum()) for kind in ("insert", "replace", "same")
    }
    result = ImportResult(
        v,
        "unchanged",
        inserted=counts["insert"],
        replaced=counts["replace"],
        unchanged=counts["same"],
        previous=previous,
    )
    changed = counts["insert"] + counts["replace"] > 0
    if not changed and (v.rejected == 0 or previous is not None):
        return result
    result.status = "loaded" if changed else "rejected"
    result.import_id = int(read(conn, "ingest/next_import_id").iloc[0, 0])
    _write_refs(conn, new_refs)
    keep = change != "same"
    rows = staged if keep.all() else staged[keep]
    _upsert(conn, template, rows, staged[change == "replace"])
    _log(conn, result, started, user, as_of)
    quarantine = quarantine_frame(v, result.import_id)
    if len(quarantine):
        _with_frame(conn, "quarantine", quarantine, "ingest/insert_quarantine")
    return result


def _changes(
    conn: duckdb.DuckDBPyConnection, template: Template, staged: pd.DataFrame
) -> np.ndarray:
    """'insert', 'replace' or 'same' for each staged row."""
    if staged.empty:
        return np.array([], dtype=object)
    staged["pos"] = np.arange(len(staged))
    diff = read(conn, f"ingest/diff_{template.name}", staging=staged)
    change = np.empty(len(staged), dtype=object)
    change[diff["pos"].to_numpy()] = diff["change"].to_numpy(dtype=object)
    return change


def _upsert(
    conn: duckdb.DuckDBPyConnection,
    template: Template,
    rows: pd.DataFrame,
    replaced: pd.DataFrame,
) -> None:
    """Write new and changed rows; rows referencing a replaced row step aside.

    DuckDB rewrites a replaced row whose table has indexed (foreign key) columns
    as delete + insert, which a referencing row blocks; those referencing rows are
    set aside and written back (each statement commits on the import's copy, which
    only replaces the live file once everything went through).
    """
    if rows.empty:
        return
    key = PARENT_KEYS.get(template.name)
    stashed: dict[str, pd.DataFrame] = {}
    if key and len(replaced):
        keys = pd.DataFrame({"kind": template.name, "key": replaced[key].astype(str)})
        for child in CHILDREN[template.name]:
            stashed[child] = read(conn, f"ingest/children_{child}", replaced_keys=keys)
            query = f"ingest/delete_children_{child}"
            _with_frame(conn, "replaced_keys", keys, query)
    _with_frame(conn, "staging", rows, f"ingest/upsert_{template.name}")
    for child, frame in stashed.items():
        if len(frame):
            _with_frame(conn, "staging", frame, f"ingest/upsert_{child}")


def _previous(conn: duckdb.DuckDBPyConnection, v: Validation) -> dict[str, Any] | None:
    df = db.run(
        conn, "ingest/previous_import", sha256=v.sha256, template=v.template.name
    )
    return None if df.empty else df.iloc[0].to_dict()


def _with_frame(
    conn: duckdb.DuckDBPyConnection, alias: str, frame: pd.DataFrame, query: str
) -> None:
    cur = conn.cursor()  # its own connection: nothing pending from earlier statements
    try:
        cur.register(alias, frame)
        db.execute(cur, query)
    finally:
        cur.close()


def _write_refs(
    conn: duckdb.DuckDBPyConnection, new_refs: dict[str, pd.DataFrame]
) -> None:
    for kind, frame in new_refs.items():
        if len(frame):
            _with_frame(conn, "new_refs", frame, f"ingest/insert_new_{kind}")


def _log(
    conn: duckdb.DuckDBPyConnection,
    r: ImportResult,
    started: datetime,
    user: str,
    as_of: date,
) -> None:
    v = r.validation
    db.execute(
        conn,
        "ingest/insert_import_log",
        import_id=r.import_id,
        started_at=started,
        finished_at=_now(),
        user_name=user,
        file_name=pseudonym.mask_text(v.file_name),  # a NIK in a file name
        file_sha256=v.sha256,
        template=v.template.name,
        row_count=v.row_count,
        inserted_count=r.inserted,
        replaced_count=r.replaced,
        ignored_count=r.ignored,
        rejected_count=r.rejected,
        warning_count=v.warnings,
        new_refs=json.dumps(v.new_refs, ensure_ascii=False),
        ignored_columns=json.dumps(
            v.ignored_columns + v.personal_columns, ensure_ascii=False
        ),
        status=r.status,
        data_as_of=as_of,
    )
    db.execute(
        conn,
        "audit/record",
        at=_now(),
        user_name=user,
        action="import",
        detail=pseudonym.mask_text(
            f"import #{r.import_id} {v.template.name} {v.file_name}: {r.summary()}"
        ),
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
