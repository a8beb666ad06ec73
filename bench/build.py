"""Build (or reuse) the demo databases of the benchmark sizes.

A size is a number of enrolments; ``python -m workforce init-demo`` is asked for
``size / ENROLMENTS_PER_PARTICIPANT`` participants, in a child process whose wall
time and peak RSS are recorded next to the file (``<file>.build.json``). A cached
file is reused when it exists with its record and the same participant count and
the marts are rebuilt (``python -m workforce upgrade``) when queries/marts/ changed
since (``--rebuild`` forces a new build).
"""

from __future__ import annotations

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
from workforce import refresh as refresh_step


def participants(size: str) -> int:
    """Participants that give about ``SIZES[size]`` enrolments (4 significant digits)."""
    return int(float(f"{SIZES[size] / ENROLMENTS_PER_PARTICIPANT:.4g}"))


def refresh(path: Path) -> float:
    """``python -m workforce upgrade`` on a cached file whose marts are stale (the
    same command users run after updating), in a child process; seconds."""
    child = run_child(
        [sys.executable, "-m", "workforce", "upgrade", "--db", str(path)],
        path.with_name(path.name + ".refresh.log"),
    )
    if child.rc:
        raise RuntimeError(f"upgrading the database failed: {child.output[-2000:]}")
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
        }
        write_json(record_path, record)
    elif refresh_step.upgrade_needed(path):
        print(f"[{size}] queries/marts/ changed: rebuilding the marts ...")
        record = {**record, "refresh_s": refresh(path)}
        write_json(record_path, record)
    return {**record, "path": str(path), "size_mb": path.stat().st_size / 1e6}
