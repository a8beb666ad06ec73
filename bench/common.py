"""Shared helpers of the benchmark: sizes, cache paths, child processes, timing.

Every measurement runs in a child process of its own (``run_child``), so its peak
memory (RSS, from ``os.wait4``) is its own and one size cannot warm another.
Recorded query sets travel between processes as JSON (``dump_calls``/``load_calls``):
a call is the SQL text, its bound params (dates tagged) and the query file's name.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workforce.core.config import QUERIES_DIR  # noqa: E402

SIZES = {"10k": 10_000, "1m": 1_000_000, "10m": 10_000_000}
# init-demo makes about 1.187 enrolments per participant (measured: 843,000
# participants -> 1,000,356 enrolments); the build asks for size / this.
ENROLMENTS_PER_PARTICIPANT = 1.1866
DEFAULT_CACHE = Path(os.environ.get("WORKFORCE_BENCH_CACHE", "/tmp/workforce-bench"))
RESULTS = ROOT / "bench" / "results"


@dataclass(frozen=True)
class Child:
    """A finished child process: exit code, wall time, peak RSS and output.

    ``peak_mb`` comes from ``os.wait4``; Linux counts in it the parent's resident
    memory at the fork, so the parent (bench/run.py) stays small: anything heavy
    runs in a child. The measuring children report their own ``VmHWM`` as well.
    """

    rc: int
    wall_s: float
    peak_mb: float
    output: str


def run_child(cmd: Sequence[str], log: Path, env: dict | None = None) -> Child:
    """Run ``cmd`` with output to ``log``; its own peak RSS via ``os.wait4``."""
    log.parent.mkdir(parents=True, exist_ok=True)
    # the benchmark's demo builds and imports publish no public site
    full_env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "WORKFORCE_SITE_DIR": "off",
        **(env or {}),
    }
    with open(log, "w") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Child(proc.returncode, wall, usage.ru_maxrss / 1024, log.read_text())


def python(script: str, *args: str) -> list[str]:
    """The command line running ``bench/<script>`` with this interpreter."""
    return [sys.executable, str(ROOT / "bench" / script), *args]


def peak_rss_mb() -> float:
    """Peak RSS of this process so far, in MB (``VmHWM``: unlike ``ru_maxrss`` it
    does not include the parent's memory at the fork before ``exec``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``fn``, in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


# ---- the OS page cache ----------------------------------------------------------


def evict(path: Path) -> None:
    """Drop a file's pages from the OS cache (``posix_fadvise DONTNEED``).

    Needs no root and leaves the other users' cache alone (``drop_caches`` would
    empty it for the whole machine). The file must be clean: it is read-only here.
    """
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def resident_mb(path: Path) -> float | None:
    """How much of a file is in the OS cache (util-linux ``fincore``), if known."""
    tool = shutil.which("fincore")
    if not tool:
        return None
    done = subprocess.run(
        [tool, "--bytes", "--noheadings", "--output", "RES", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    text = done.stdout.strip()
    return int(text) / 1e6 if text.isdigit() else None


# ---- recorded calls ------------------------------------------------------------------


@cache
def query_names() -> dict[str, str]:
    """SQL text -> query name, for every file under queries/."""
    return {
        p.read_text(encoding="utf-8"): str(p.relative_to(QUERIES_DIR).with_suffix(""))
        for p in QUERIES_DIR.rglob("*.sql")
    }


def name_of(sql: str) -> str:
    """The query file a SQL text came from (``inline`` for SQL written in code;
    ``batch of N from <first>`` for query files run together by ``db.rows_batch``)."""
    from workforce.core.db import BATCH_HEADER

    if sql.startswith(BATCH_HEADER):
        names = sql[len(BATCH_HEADER) :].split("\n", 1)[0].split(", ")
        return f"batch of {len(names)} from {names[0]}"
    return query_names().get(sql, "inline")


def _encode(value: Any) -> Any:
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"date"}:
        return date.fromisoformat(value["date"])
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def encode_call(sql: str, params: Any) -> dict[str, Any]:
    """One recorded call as JSON-ready data."""
    if isinstance(params, dict):
        params = {k: _encode(v) for k, v in params.items()}
    elif params is not None:
        params = _encode(params)
    return {"name": name_of(sql), "sql": sql, "params": params}


def decode_params(params: Any) -> Any:
    """Params of a recorded call, ready to bind again."""
    if isinstance(params, dict):
        return {k: _decode(v) for k, v in params.items()}
    return _decode(params) if params is not None else None


def write_json(path: Path, data: Any) -> None:
    """Write JSON (creating the directory)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


def read_json(path: Path) -> Any:
    """Read JSON."""
    return json.loads(path.read_text(encoding="utf-8"))
