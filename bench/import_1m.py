"""Benchmark: import a 1,000,000-row ``pendaftaran`` CSV; print time and peak memory.

Builds an empty database in a temporary directory, imports 2,000 programmes and
400,000 participants (timed too), writes a 1M-row enrolment CSV in the messy
Indonesian style (semicolons, day-first dates, ``ya``/``tidak``), then imports it
in a child process (``python -m workforce import``) so its peak RSS is its own.
Target: under 30 s. Usage: ``python bench/import_1m.py [--rows N] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workforce import refresh  # noqa: E402
from workforce.core import db  # noqa: E402
from workforce.ingest.load import import_file  # noqa: E402

KEY = "bench-key-0123456789abcdef"
PROGRAMS = 2000
PERSONS = 400_000


def nik(i: np.ndarray) -> pd.Series:
    """Synthetic 16-digit NIKs."""
    return pd.Series(i + 3672010000000000, dtype="int64").astype(str)


def programs_csv() -> bytes:
    rng = np.random.default_rng(1)
    start = pd.Timestamp("2024-01-01") + pd.to_timedelta(
        rng.integers(0, 600, PROGRAMS), unit="D"
    )
    frame = pd.DataFrame(
        {
            "kode_program": [f"PLT-{i:05d}" for i in range(PROGRAMS)],
            "nama_program": [f"Program {i}" for i in range(PROGRAMS)],
            "kejuruan": rng.choice(["Las", "Listrik", "TIK", "Otomotif"], PROGRAMS),
            "penyelenggara": rng.choice(["BBPVP Serang", "BLK Cilegon"], PROGRAMS),
            "jenis": "pelatihan",
            "sumber_dana": rng.choice(["APBN", "APBD"], PROGRAMS),
            "tahun": start.year,
            "tanggal_mulai": start.strftime("%d/%m/%Y"),
            "tanggal_selesai": (start + pd.Timedelta(days=30)).strftime("%d/%m/%Y"),
            "kuota": 600,
        }
    )
    return frame.to_csv(sep=";", index=False).encode()


def peserta_csv() -> bytes:
    rng = np.random.default_rng(2)
    born = pd.Timestamp("1980-01-01") + pd.to_timedelta(
        rng.integers(0, 9000, PERSONS), unit="D"
    )
    frame = pd.DataFrame(
        {
            "nik": nik(np.arange(PERSONS)),
            "jenis_kelamin": rng.choice(["L", "P"], PERSONS),
            "tanggal_lahir": born.strftime("%d/%m/%Y"),
            "pendidikan": rng.choice(["SMA", "SMK", "S1"], PERSONS),
            "kecamatan": rng.choice(["Ciwandan", "CITANGKIL", " Grogol"], PERSONS),
            "disabilitas": rng.choice(["ya", "tidak"], PERSONS, p=[0.02, 0.98]),
        }
    )
    return frame.to_csv(sep=";", index=False).encode()


def pendaftaran_csv(rows: int) -> bytes:
    rng = np.random.default_rng(3)
    person = np.arange(rows) % PERSONS
    program = (np.arange(rows) // PERSONS * 7 + person) % PROGRAMS  # unique pairs
    status = rng.choice(["lulus", "tidak_lulus", "mengikuti"], rows, p=[0.7, 0.2, 0.1])
    lulus = pd.Series(
        (
            pd.Timestamp("2024-03-01")
            + pd.to_timedelta(rng.integers(0, 500, rows), "D")
        ).strftime("%d/%m/%Y")
    ).where(status == "lulus", "")
    frame = pd.DataFrame(
        {
            "nik": nik(person),
            "kode_program": [f"PLT-{i:05d}" for i in program],
            "status": status,
            "tanggal_lulus": lulus,
            "tersertifikasi": rng.choice(["ya", "tidak"], rows),
        }
    )
    return frame.to_csv(sep=";", index=False).encode()


def main() -> None:
    """Build, import, print figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", help="directory to keep the files in")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="import_1m_"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / "bench.duckdb"
    path.unlink(missing_ok=True)
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)
    for template, data in (("program", programs_csv()), ("peserta", peserta_csv())):
        started = time.perf_counter()
        result = import_file(path, template, f"{template}.csv", data, key=KEY.encode())
        print(
            f"{template}: {result.summary()} in {time.perf_counter() - started:.1f} s"
        )
    csv_path = work / "pendaftaran_1m.csv"
    csv_path.write_bytes(pendaftaran_csv(args.rows))
    size_mb = csv_path.stat().st_size / 1e6
    env = {**os.environ, "WORKFORCE_PSEUDONYM_KEY": KEY, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "workforce", "import", "pendaftaran"]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, str(csv_path), "--db", str(path), "--lang", "en"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb = usage.ru_maxrss / 1024
    cpu_s = usage.ru_utime + usage.ru_stime
    print(done.stdout.splitlines()[0] if done.stdout else done.stderr)
    print(
        f"pendaftaran: {args.rows:,} rows ({size_mb:.0f} MB CSV) imported in "
        f"{elapsed:.1f} s wall, {cpu_s:.1f} s CPU (child process, incl. "
        f"interpreter start; load average {os.getloadavg()[0]:.1f}); "
        f"peak RSS {peak_mb:,.0f} MB; database {path.stat().st_size / 1e6:.0f} MB"
    )


if __name__ == "__main__":
    main()
