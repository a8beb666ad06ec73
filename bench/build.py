"""Build (or reuse) the demo databases of the benchmark sizes.

A size is a number of enrolments; ``python -m workforce init-demo`` is asked for
``size / ENROLMENTS_PER_PARTICIPANT`` participants, in a child process whose wall
time and peak RSS are recorded next to the file (``<file>.build.json``). A cached
file is reused when it exists with its record and the same participant count and
the marts are rebuilt in place when queries/marts/ changed since (``--rebuild``
forces a new build).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

from bench.common import (
    ENROLMENTS_PER_PARTICIPANT,
    SIZES,
    read_json,
    run_child,
    write_json,
)
from workforce.config import QUERIES_DIR


def participants(size: str) -> int:
    """Participants that give about ``SIZES[size]`` enrolments (4 significant digits)."""
    return int(float(f"{SIZES[size] / ENROLMENTS_PER_PARTICIPANT:.4g}"))


def marts_digest() -> str:
    """A hash of queries/marts/*.sql: a change means the marts must be rebuilt."""
    digest = hashlib.sha256()
    for path in sorted((QUERIES_DIR / "marts").glob("*.sql")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def refresh(path: Path) -> float:
    """Rebuild the marts of a cached file (after queries/marts/ changed), in a child
    process (bench/run.py stays small); seconds."""
    code = "import sys; from workforce import db; p = sys.argv[1]\n"
    code += (
        "with db.atomic_write(__import__('pathlib').Path(p)) as c: db.refresh_marts(c)"
    )
    child = run_child(
        [sys.executable, "-c", code, str(path)],
        path.with_name(path.name + ".refresh.log"),
    )
    if child.rc:
        raise RuntimeError(f"refreshing the marts failed: {child.output[-2000:]}")
    return child.wall_s


def build(size: str, cache: Path, rebuild: bool = False) -> dict[str, Any]:
    """The database of one size: path, build record, counts; built when needed."""
    path = cache / f"demo_{size}.duckdb"
    record_path = path.with_name(path.name + ".build.json")
    wanted = participants(size)
    record = read_json(record_path) if record_path.exists() else None
    fresh = (
        not rebuild
        and path.exists()
        and record is not None
        and record.get("participants") == wanted
    )
    if not fresh:
        print(f"[{size}] building the demo database ({wanted:,} participants) ...")
        cmd = [sys.executable, "-m", "workforce", "init-demo"]
        child = run_child(
            [*cmd, "--participants", str(wanted), "--db", str(path)],
            path.with_name(path.name + ".build.log"),
        )
        if child.rc:
            raise RuntimeError(f"init-demo failed: {child.output[-2000:]}")
        record = {
            "participants": wanted,
            "build_s": child.wall_s,
            "build_peak_mb": child.peak_mb,
            "output": child.output.strip().splitlines()[-1],
            "marts": marts_digest(),
        }
        write_json(record_path, record)
    elif record.get("marts") != marts_digest():
        print(f"[{size}] queries/marts/ changed: refreshing the marts ...")
        record = {**record, "refresh_s": refresh(path), "marts": marts_digest()}
        write_json(record_path, record)
    return {**record, "path": str(path), "size_mb": path.stat().st_size / 1e6}
