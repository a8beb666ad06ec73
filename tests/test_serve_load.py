"""The production stack under load, with faults: two workers behind HAProxy and tabs
speaking Streamlit's websocket protocol (bench/st_session.py), every interaction
checked (bench/load_users.py). A worker killed with ``kill -9``, an import that
replaces the database file, a rolling reload: no failed interaction. Two app
hosts reading their own copies, an import published to both.

Bounded: about 30 s, 20 s and 25 s. They need HAProxy (./test.sh installs it).
"""

from __future__ import annotations

import asyncio
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import load_test as lt
from bench import load_users as lu
from bench.st_session import Run, Tab
from tests import ingest_files
from tests.conftest import run_async
from workforce.serve import haproxy, profile, workers
from workforce.serve.stack import Options, Stack

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("haproxy") is None and not Path("/usr/sbin/haproxy").exists(),
        reason="./test.sh installs HAProxy",
    ),
]
PAGES = ("transparansi", "ringkasan", "pelatihan", "anggaran")


def _free_ports(count: int) -> int:
    """The first of ``count`` consecutive free loopback ports."""
    for _ in range(50):
        first = random.randint(20000, 40000)
        if all(workers.port_free(first + i) for i in range(count)):
            return first
    raise RuntimeError("no free ports")


@pytest.fixture
def live_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A database of this test's own (imports replace it)."""
    path = tmp_path / "db" / "cilegon.duckdb"
    path.parent.mkdir()
    shutil.copyfile(demo_db, path)
    return path


@pytest.fixture
def stack(live_copy: Path, tmp_path: Path) -> Iterator[Stack]:
    """Two workers and HAProxy, as ./serve.sh starts them."""
    port = _free_ports(3)
    opts = Options(live_copy, workers=2, port=port, base_port=port + 1,
                   run_dir=tmp_path / "run", drain_s=1.0)  # fmt: skip
    running = Stack(opts)
    running.start()
    try:
        yield running
    finally:
        running.stop()


def _phase(
    stack: Stack, users: int, seconds: float, think: float, events: list
) -> dict:
    plan = lu.Plan(lt.base(stack), PAGES, seconds, think=think, stagger=think)
    return run_async(lt.run_phase(stack, "paced", plan, users, events))


def test_a_killed_worker_and_an_import_under_load_fail_no_interaction(
    stack: Stack,
) -> None:
    """10 tabs for 20 s: w1 gets kill -9 at 10 s, an import replaces the file at 15 s."""
    found = _phase(stack, 10, 20, 1.0, [lt.kill_a_worker, lt.import_during])
    assert found["errors"] == 0, found["error_samples"]
    assert found["interactions"] >= 40
    assert found["reconnects"] >= 1, "the killed worker's tabs moved"
    notes = " ".join(found["notes"])
    assert "marked down after" in notes and "exit 0" in notes, notes
    assert "marked down after nan" not in notes


def test_a_rolling_reload_under_load_fails_no_interaction(stack: Stack) -> None:
    """Both workers restarted one at a time while 6 tabs change filters."""

    async def reload_meanwhile(stack: Stack, plan: lu.Plan) -> None:
        await asyncio.sleep(2)
        started = time.monotonic()
        await asyncio.to_thread(stack.reload)
        plan.notes.append(f"reload took {time.monotonic() - started:.1f} s")

    pids = stack.pids()
    found = _phase(stack, 6, 18, 0.5, [reload_meanwhile])
    assert found["errors"] == 0, found["error_samples"]
    assert stack.reloads == 1 and not set(pids) & set(stack.pids())
    assert found["interactions"] >= 20


def _trial_import(db_path: Path, tmp_path: Path) -> None:
    csv = tmp_path / "perusahaan.csv"
    csv.write_text(ingest_files.PERUSAHAAN_CLEAN)
    done = subprocess.run(
        [sys.executable, "-m", "workforce", "import", "perusahaan", str(csv),
         "--db", str(db_path), "--force"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


async def _tabs_on_both_hosts(base: str) -> dict[str, Tab]:
    """Open tabs until HAProxy has pinned one to each host."""
    tabs: dict[str, Tab] = {}
    for _ in range(10):
        tab = Tab(base)
        await tab.open("/transparansi")
        await tab.run(page_name="transparansi")
        tabs.setdefault(tab.sticky_server(), tab)
        if {"w1", "w2"} <= tabs.keys():
            return tabs
    raise AssertionError(f"tabs only on {sorted(tabs)}")


def _shows_trial(run: Run) -> bool:
    return any("impor uji coba" in text for text in run.texts())


def test_an_import_published_to_two_app_hosts_shows_on_both(
    demo_db: Path, tmp_path: Path
) -> None:
    """Two app hosts (here: workers), each reading its own copy, behind one proxy;
    the import host imports into a third copy and publishes it to both."""
    copies = [tmp_path / name / "cilegon.duckdb" for name in ("app1", "app2", "import")]
    for copy in copies:
        copy.parent.mkdir()
        shutil.copyfile(demo_db, copy)
    port = _free_ports(3)
    env = profile.worker_env("test-secret")
    procs = [
        workers.start(port + 1 + i, copies[i], env, tmp_path / f"w{i}.log")
        for i in range(2)
    ]
    listen = haproxy.Listen(bind=f"127.0.0.1:{port}", socket=tmp_path / "h.sock")
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(haproxy.render(haproxy.local([port + 1, port + 2]), listen))
    try:
        assert all(workers.wait_healthy(port + 1 + i, procs[i]) for i in range(2))
        procs.append(haproxy.start(cfg, tmp_path / "haproxy.log"))
        assert workers.wait_healthy(port, procs[-1], timeout=15)
        run_async(_publish_and_look(f"http://127.0.0.1:{port}", copies, tmp_path))
    finally:
        for proc in procs:
            workers.stop(proc)


async def _publish_and_look(base: str, copies: list[Path], tmp_path: Path) -> None:
    tabs = await _tabs_on_both_hosts(base)
    _trial_import(copies[2], tmp_path)
    for tab in tabs.values():
        assert not _shows_trial(await tab.run()), "the hosts have not got it yet"
    done = subprocess.run(
        [sys.executable, "-m", "workforce", "publish-db", "--from", str(copies[2]),
         "--to", str(copies[0]), "--to", str(copies[1])],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for name, tab in tabs.items():
        run = await tab.run()
        assert not run.exceptions, run.exceptions
        assert _shows_trial(run), f"host {name} still shows the old file"
        await tab.close()
