"""Copies of the database file that the app may trust: ``backup``, ``restore`` and
``publish-db`` (the import host sends its new file to every app host).

The live file is never written in place: imports, upgrades and ``init`` write a copy
and ``os.replace`` it (``db.atomic_write``). So a file opened once is one
consistent version, whatever is swapped in meanwhile; backup holds the writer lock
besides, so no import is half-way when it starts. Every copy lands under a
temporary name beside its target, is flushed to disk, then renamed over it: an
app reading the target sees the old file or the new one, never a part. Every copy
is created with mode 0600 (only the service account may read personal data).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import BinaryIO

from workforce.core import db


class SnapshotError(RuntimeError):
    """A copy that does not open as a dashboard database, or a failed transfer."""


def copy_atomic(source: BinaryIO, target: Path) -> Path:
    """Copy an open file to ``target``: temp name beside it, fsync, rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.incoming")
    try:
        with db.open_private(tmp) as out:
            source.seek(0)
            shutil.copyfileobj(source, out, 16 * 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(target.parent)
    return target


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def describe(path: Path) -> dict[str, int]:
    """Open ``path`` read-only: its schema version and rows per table, or
    SnapshotError if it is not a dashboard database."""
    try:
        conn = db.connect(path, read_only=True)
    except Exception as exc:  # duckdb raises several kinds for a damaged file
        raise SnapshotError(
            f"{path} does not open as a DuckDB database: {exc}"
        ) from exc
    try:
        version = db.schema_version_readonly(conn)
        sizes = dict(db.rows(conn, "admin/table_sizes"))
    finally:
        conn.close()
    if not version:
        raise SnapshotError(f"{path} holds no dashboard schema")
    return {"schema_version": version, **{k: int(v) for k, v in sizes.items()}}


def backup(live: Path, out: Path, wait_s: float = 60.0) -> dict[str, int]:
    """Copy the live database to ``out`` while the app serves; checked after."""
    if not live.exists():
        raise SnapshotError(f"no database at {live}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with db.writer_lock(live, wait_s), open(live, "rb") as source:
        copy_atomic(source, out)
    return describe(out)


def restore(copy: Path, live: Path, wait_s: float = 60.0) -> Path | None:
    """Put a backup in place of the live database (the app opens it by its new
    stamp); the file it replaces is kept beside it. Returns that file's path."""
    describe(copy)
    live.parent.mkdir(parents=True, exist_ok=True)
    with db.writer_lock(live, wait_s), open(copy, "rb") as source:
        kept = None
        if live.exists():
            kept = live.with_name(
                f"{live.name}.before-restore-{time.strftime('%Y%m%d-%H%M%S')}"
            )
            os.link(live, kept)
        copy_atomic(source, live)
    return kept


def publish(source: Path, targets: list[str], wait_s: float = 60.0) -> list[str]:
    """Send one version of ``source`` to every target: first a copy beside each
    (``.incoming``), then the renames, so the hosts switch within a moment of each
    other. A target is a local path or ``host:/path`` (rsync and ssh). The source's
    writer lock is held meanwhile: every host gets the same version."""
    describe(source)
    with db.writer_lock(source, wait_s), open(source, "rb") as fh:
        staged = [_stage(fh, source, target) for target in targets]
        for target, incoming in zip(targets, staged, strict=True):
            _swap(target, incoming)
    return targets


def _remote(target: str) -> tuple[str, str] | None:
    host, sep, path = target.partition(":")
    if sep and "/" not in host and not Path(target).exists():
        return host, path
    return None


def _stage(fh: BinaryIO, source: Path, target: str) -> Path:
    remote = _remote(target)
    path = Path(remote[1] if remote else target)
    incoming = path.with_name(f".{path.name}.incoming")
    if remote is None:
        incoming.parent.mkdir(parents=True, exist_ok=True)
        fh.seek(0)
        with db.open_private(incoming) as out:
            shutil.copyfileobj(fh, out, 16 * 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        return incoming
    _run(
        [
            "rsync",
            "--times",
            "--whole-file",
            "--chmod=F600",
            str(source),
            f"{remote[0]}:{incoming}",
        ]
    )
    return incoming


def _swap(target: str, incoming: Path) -> None:
    remote = _remote(target)
    if remote is None:
        os.replace(incoming, target)
        _fsync_dir(Path(target).parent)
    else:
        _run(["ssh", remote[0], "mv", "-f", str(incoming), remote[1]])


def _run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SnapshotError(f"{' '.join(cmd)}: {done.stderr.strip()}")
