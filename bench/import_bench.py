"""Time the import of a 1,000,000-row ``pendaftaran`` file (target: under 30 s).

Reuses ``bench/import_1m.py`` (its programme, participant and enrolment files in
the messy Indonesian style). The database with 2,000 programmes and 400,000
participants and the 1M-row CSV are prepared once (``python bench/import_bench.py
prepare DIR ROWS``, a child process) and cached; each measurement
copies that database and runs ``python -m workforce import pendaftaran FILE --db
COPY`` as a child process (wall time and peak RSS are the import's own,
interpreter start, validation, upsert and mart refresh included).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import import_1m
from bench.common import run_child
from workforce import refresh
from workforce.core import db
from workforce.ingest.load import import_file

ROWS = 1_000_000


def prepare(work: Path, rows: int = ROWS) -> tuple[Path, Path]:
    """The base database (programmes, participants) and the CSV, built once."""
    work.mkdir(parents=True, exist_ok=True)
    base, csv = work / "base.duckdb", work / f"pendaftaran_{rows}.csv"
    if not base.exists():
        tmp = work / "base.building.duckdb"
        tmp.unlink(missing_ok=True)
        with db.atomic_write(tmp) as conn:
            refresh.init_database(conn)
        key = import_1m.KEY.encode()
        for template, data in (
            ("program", import_1m.programs_csv()),
            ("peserta", import_1m.peserta_csv()),
        ):
            import_file(tmp, template, f"{template}.csv", data, key=key)
        tmp.replace(base)
    if not csv.exists():
        csv.write_bytes(import_1m.pendaftaran_csv(rows))
    return base, csv


def measure(work: Path, rows: int = ROWS) -> dict[str, Any]:
    """Import the CSV into a fresh copy of the base database; time and memory."""
    base, csv = work / "base.duckdb", work / f"pendaftaran_{rows}.csv"
    if not (base.exists() and csv.exists()):  # in a child: bench/run.py stays small
        print("[import] preparing the base database and the 1M-row CSV ...")
        here = Path(__file__).resolve()
        done = run_child(
            [sys.executable, str(here), "prepare", str(work), str(rows)],
            work / "prepare.log",
        )
        if done.rc:
            raise RuntimeError(f"preparing the import failed: {done.output[-2000:]}")
    target = work / "run.duckdb"
    for old in (target, target.with_name(target.name + ".wal")):
        old.unlink(missing_ok=True)
    shutil.copyfile(base, target)
    cmd = [sys.executable, "-m", "workforce", "import", "pendaftaran", str(csv)]
    child = run_child(
        [*cmd, "--db", str(target), "--lang", "en"],
        work / "import.log",
        env={"WORKFORCE_PSEUDONYM_KEY": import_1m.KEY},
    )
    conn = db.connect(target, read_only=True)
    try:
        loaded = conn.table("pendaftaran").aggregate("count(*)").fetchall()[0][0]
    finally:
        conn.close()
    return {
        "rows": rows,
        "loaded": int(loaded),
        "rc": child.rc,
        "wall_s": child.wall_s,
        "peak_mb": child.peak_mb,
        "csv_mb": csv.stat().st_size / 1e6,
        "summary": child.output.strip().splitlines()[:1],
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"]:
        prepare(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        print(
            measure(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/wf-import"))
        )
