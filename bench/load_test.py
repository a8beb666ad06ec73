"""Load test of the server: simulated tabs speaking Streamlit's websocket protocol
to the production stack (``python -m workforce serve``: workers behind HAProxy).

``python bench/load_test.py [--db PATH] [--workers 1,2] [--users 6] [--seconds 15]
[--rounds 2] [--paced-users 50] [--paced-seconds 60] [--kill] [--import-during]
[--settings]``

For each number of workers it starts the stack as ``./serve.sh`` does, and a second
stack serving a one-line Streamlit page (bench/one_line.py) with the same profile,
all at once, then runs phases (bench/load_users.py says what a user does). Each
unpaced phase runs in ``--rounds`` stretches taking the stacks in turn (one-line
page or dashboard, 1 worker, 2 workers, 1, 2, ...): this machine's speed drifts over
minutes, and the ratios the targets speak of (2 workers against 1, a page against
the one-line page) are fair only between stretches measured side by side.

- ``view one_line`` / ``view transparansi (in the app)``: fresh tabs, one after
  another per user (a new session each time), the public page as the app draws it
  for a browser already in the app;
- ``view transparansi (shared link)``: a public visitor new to the app following a
  shared link ``/transparansi?tahun=...``: the proxy's redirect to the static site,
  the page and what it loads (when the stack serves the site);
- ``filter <page>``: tabs on one page (staff pages as the demo admin) changing the
  year as fast as the server answers: the server's throughput;
- ``paced``: ``--paced-users`` tabs spread over the pages, each changing the year
  every 10 s; with ``--kill`` one worker gets ``kill -9`` half-way, with
  ``--import-during`` an import replaces the database file three quarters in.

A phase starts once every tab has opened its page; it reports interactions per
second, latency from the request to the run's last message (p50, p95), failed
interactions, reconnects, and the workers' CPU seconds per interaction (from
``/proc/<pid>/stat``), beside this process's own CPU: the load generator runs on the
same cores as the server. ``--settings`` also measures, with one worker, what the
profile's choices change (forced GC, file watcher, websocket compression).
Loopback only; bounded by ``--seconds`` and the user counts.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import load_users as lu
from bench.common import RESULTS, write_json
from workforce.core import config
from workforce.public.site import publish_db
from workforce.serve import haproxy
from workforce.serve.stack import Options, Stack

STAFF_PAGES = (
    "ringkasan",
    "pelatihan",
    "penempatan",
    "link_match",
    "anggaran",
    "perencanaan",
)
PUBLIC = ("transparansi",)
SETTINGS = {
    "forced GC after each run": {"runner.postScriptGC": "true"},
    "file watcher on": {"server.fileWatcherType": "auto"},
    "websocket compression on": {"server.enableWebsocketCompression": "true"},
}
PERUSAHAAN_CSV = (
    "kode_perusahaan,nama_perusahaan,sektor_kbli,kecamatan,anggota_apindo\n"
    "PRS-LT1,PT Uji Beban,C,Ciwandan,ya\n"
)


def percentile(values: list[float], q: float) -> float | None:
    """The ``q`` quantile (nearest rank), None without values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Measured:
    """What users did on one stack in one stretch of a phase."""

    tally: lu.Tally
    wall: float
    cpu: dict[str, float]
    plan: lu.Plan


def summary(name: str, parts: list[Measured]) -> dict:
    """One phase's figures, over its stretches (rounds) on one stack."""
    latencies = [x for m in parts for x in m.tally.latencies]
    errors = [e for m in parts for e in m.tally.errors]
    done, wall = len(latencies), sum(m.wall for m in parts)
    cpu = {k: sum(m.cpu[k] for m in parts) for k in ("server", "proxy", "client")}
    bytes_in = sum(m.tally.bytes_in for m in parts)
    return {
        "phase": name,
        "users": None,
        "think_s": parts[0].plan.think,
        "rounds": len(parts),
        "interactions": done,
        "per_s": done / wall if wall else 0.0,
        "p50_s": percentile(latencies, 0.5),
        "p95_s": percentile(latencies, 0.95),
        "errors": len(errors),
        "error_samples": errors[:5],
        "reconnects": sum(m.tally.reconnects for m in parts),
        "server_cpu_s": cpu["server"],
        "cpu_per_interaction_s": cpu["server"] / done if done else None,
        "proxy_cpu_s": cpu["proxy"],
        "client_cpu_s": cpu["client"],
        "kb_per_interaction": bytes_in / done / 1000 if done else None,
        "wall_s": wall,
        "notes": [n for m in parts for n in m.plan.notes],
    }


async def drive(
    stack: Stack, plan: lu.Plan, users: int, events: list | None = None
) -> Measured:
    """Start ``users`` users, open the gate once all are set up, wait for them."""
    role = (
        lu.site_viewer
        if plan.pages == ("situs",)
        else lu.viewer
        if plan.fresh
        else lu.filterer
    )
    tally = lu.Tally()
    tasks = [asyncio.create_task(role(no, plan, tally)) for no in range(users)]
    while plan.arrived < users and not all(t.done() for t in tasks):
        await asyncio.sleep(0.1)
    server = lu.CpuMeter(stack.pids)
    proxy = lu.CpuMeter(lambda: [stack.proxy.pid] if stack.proxy else [])
    site = lu.CpuMeter(lambda: [stack.site.pid] if stack.site else [])
    for meter in (server, proxy, site):
        meter.sample(baseline=True)
    client0, wall0 = time.process_time(), time.perf_counter()
    follow = asyncio.create_task(server.follow())
    extra = [asyncio.create_task(e(stack, plan)) for e in events or []]
    plan.start()
    await asyncio.gather(*tasks, *extra)
    follow.cancel()
    wall = time.perf_counter() - wall0
    for meter in (server, proxy, site):
        meter.sample()
    cpu = {
        "server": server.total() + site.total(),  # the Python side: workers, site
        "proxy": proxy.total(),
        "client": time.process_time() - client0,
    }
    return Measured(tally, wall, cpu, plan)


async def run_phase(
    stack: Stack, name: str, plan: lu.Plan, users: int, events: list | None = None
) -> dict[str, Any]:
    """One phase on one stack, in one stretch."""
    if name.startswith("view"):
        plan.fresh = True
    return summary(name, [await drive(stack, plan, users, events)]) | {"users": users}


# ---- faults ---------------------------------------------------------------------------


async def kill_a_worker(stack: Stack, plan: lu.Plan) -> None:
    """``kill -9`` the first worker half-way; note when HAProxy marks it down and up."""
    await asyncio.sleep(plan.seconds / 2)
    victim = stack.procs[0]
    killed = time.monotonic()
    victim.kill()
    down = await _until_state(stack, "DOWN", killed)
    up = await _until_state(stack, "UP", killed, watch=True)
    plan.notes.append(
        f"worker w1 (pid {victim.pid}) killed with SIGKILL: marked down after "
        f"{down:.1f} s, back up after {up:.1f} s"
    )


async def _until_state(
    stack: Stack, wanted: str, since: float, watch: bool = False
) -> float:
    admin = haproxy.Admin(stack.run_dir / "haproxy.sock")
    while time.monotonic() - since < 60:
        if watch:
            await asyncio.to_thread(stack.check)  # starts the killed worker again
        if admin.servers()["w1"].status.startswith(wanted):
            return time.monotonic() - since
        await asyncio.sleep(0.1)
    return float("nan")


async def import_during(stack: Stack, plan: lu.Plan) -> None:
    """Three quarters in, an import replaces the database file (trial import)."""
    await asyncio.sleep(plan.seconds * 0.75)
    csv = stack.run_dir / "perusahaan_load_test.csv"
    csv.write_text(PERUSAHAAN_CSV)
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "workforce", "import", "perusahaan", str(csv),
        "--db", str(stack.opts.db), "--force",
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=config.ROOT,
    )  # fmt: skip
    out, _ = await proc.communicate()
    plan.notes.append(
        f"import into the live database during the phase: exit {proc.returncode} "
        f"in {time.monotonic() - started:.1f} s"
        + ("" if proc.returncode == 0 else f": {out.decode()[-300:]}")
    )


# ---- stacks and phases ---------------------------------------------------------------


def start_stack(
    args: argparse.Namespace, workers: int, port: int, script: Path | None = None,
    flags: dict[str, str] | None = None,
) -> Stack:  # fmt: skip
    """A stack as ``./serve.sh`` starts it, on ports of its own."""
    opts = Options(
        db=args.db.resolve(),
        workers=workers,
        port=port,
        base_port=port + 1,
        run_dir=args.run_dir / f"stack-{port}",
        flags=flags or {},
        script=script,
        site=None if script else getattr(args, "site", None),
    )
    stack = Stack(opts)
    stack.start()
    return stack


def shared_link(site: Path | None) -> str:
    """A link to the public page for the site's latest year, as one is shared."""
    years = sorted(
        p.stem.removeprefix("tahun-") for p in (site or Path()).glob("tahun-*.html")
    )
    return "/transparansi" + (f"?tahun={years[-1]}" if years else "")


def base(stack: Stack) -> str:
    """The stack's address (through HAProxy)."""
    return f"http://127.0.0.1:{stack.opts.port}"


@dataclass
class Phase:
    """One phase of the run: what its users do, on which kind of stack."""

    name: str
    kind: str  # "one_line" or "dashboard"
    pages: tuple[str, ...]
    entry: str = "/situs/"

    def plan(self, url: str, seconds: float) -> lu.Plan:
        """The users' plan for one stretch of ``seconds``."""
        fresh = self.name.startswith("view")
        return lu.Plan(url, self.pages, seconds, entry=self.entry, fresh=fresh)


def phase_list(site: Path | None) -> list[Phase]:
    """The unpaced phases, in order."""
    out = [
        Phase("view one_line", "one_line", ("one_line",)),
        Phase("view transparansi (in the app)", "dashboard", PUBLIC),
    ]
    if site is not None:  # the public face a shared link opens
        out.append(
            Phase("view transparansi (shared link)", "dashboard", ("situs",),
                  entry=shared_link(site))
        )  # fmt: skip
    out += [Phase(f"filter {p}", "dashboard", (p,)) for p in (*PUBLIC, *STAFF_PAGES)]
    out.append(Phase("filter mixed", "dashboard", STAFF_PAGES))
    return out


async def warm_up(stacks: dict[tuple[str, int], Stack], site: Path | None) -> None:
    """Every page once on every stack (first builds and first loads not measured)."""
    for (kind, _), stack in stacks.items():
        url = base(stack)
        if kind == "one_line":
            await drive(stack, lu.Plan(url, ("one_line",), 3, fresh=True), 2)
            continue
        await drive(stack, lu.Plan(url, PUBLIC, 3), 2)
        await drive(stack, lu.Plan(url, STAFF_PAGES, 3), len(STAFF_PAGES))
        if site is not None:
            await drive(stack, lu.Plan(url, ("situs",), 2, entry=shared_link(site)), 1)


async def interleaved(
    stacks: dict[tuple[str, int], Stack], args: argparse.Namespace
) -> list[dict[str, Any]]:
    """Each phase in ``--rounds`` stretches, taking the worker counts in turn (1, 2,
    1, 2, ...): the machine's speed drifts over minutes, and a ratio between worker
    counts, or against the one-line page, is fair only from stretches measured side
    by side. The stacks not being driven sit idle meanwhile."""
    await warm_up(stacks, args.site)
    rows = []
    stretch = args.seconds / args.rounds
    for phase in phase_list(args.site):
        parts: dict[int, list[Measured]] = {w: [] for w in args.workers}
        for _ in range(args.rounds):
            for w in args.workers:
                stack = stacks[(phase.kind, w)]
                plan = phase.plan(base(stack), stretch)
                parts[w].append(await drive(stack, plan, args.users))
        for w in args.workers:
            rows.append(
                summary(phase.name, parts[w]) | {"users": args.users, "workers": w}
            )
    for w in args.workers:
        rows += [
            r | {"workers": w} for r in await paced(stacks[("dashboard", w)], args)
        ]
    return rows


async def paced(stack: Stack, args: argparse.Namespace) -> list[dict[str, Any]]:
    """Many tabs, each changing the year every ``--paced-think`` seconds: first as
    they are (the latency target), then again with the faults asked for (a worker
    killed, an import), whose reconnecting tabs start their sessions again."""
    if not args.paced_users:
        return []
    events = []
    if args.kill and stack.opts.workers > 1:
        events.append(kill_a_worker)
    if args.import_during:
        events.append(import_during)
    rows = []
    for faults in ([], events) if events else ([],):
        plan = lu.Plan(
            base(stack), ("transparansi", *STAFF_PAGES), args.paced_seconds,
            think=args.paced_think, stagger=args.paced_think,
        )  # fmt: skip
        name = f"paced, every {args.paced_think:g} s" + "".join(
            f" + {e.__name__.replace('_', ' ')}" for e in faults
        )
        rows.append(await run_phase(stack, name, plan, args.paced_users, faults))
    return rows


def measure(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Every stack up at once (a one-line page and the dashboard, per worker
    count, each on ports of its own), the phases interleaved across them."""
    stacks: dict[tuple[str, int], Stack] = {}
    port = args.port
    try:
        for w in args.workers:
            for kind in ("one_line", "dashboard"):
                print(f"starting {kind} with {w} worker(s) on port {port}", flush=True)
                script = (
                    config.ROOT / "bench/one_line.py" if kind == "one_line" else None
                )
                stacks[(kind, w)] = start_stack(args, w, port, script=script)
                port += w + 3  # proxy, workers, site server, one spare
        return asyncio.run(interleaved(stacks, args))
    finally:
        for stack in stacks.values():
            stack.stop()


async def setting_phases(stack: Stack, args: argparse.Namespace) -> list[dict]:
    """What one profile setting changes: a fresh public view and a filter change."""
    url, n, s = base(stack), args.users, args.seconds
    await run_phase(stack, "warm-up", lu.Plan(url, ("ringkasan",), 3), 2)
    return [
        await run_phase(
            stack, "view transparansi (in the app)", lu.Plan(url, PUBLIC, s), n
        ),
        await run_phase(stack, "filter ringkasan", lu.Plan(url, ("ringkasan",), s), n),
    ]


def settings(args: argparse.Namespace, port: int) -> list[dict[str, Any]]:
    """One worker with the production profile, then with each choice undone."""
    rows = []
    for label, flags in {"production profile": {}, **SETTINGS}.items():
        print(f"[settings] {label} ...", flush=True)
        stack = start_stack(args, 1, port, flags=flags)
        try:
            found = asyncio.run(setting_phases(stack, args))
        finally:
            stack.stop()
        rows += [row | {"workers": 1, "setting": label} for row in found]
    return rows


# ---- the command ---------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--db", type=Path, default=config.DEFAULT_DB, help="database file")
    p.add_argument("--workers", default="1,2", help="worker counts to measure")
    p.add_argument("--users", type=int, default=6, help="tabs per unpaced phase")
    p.add_argument("--seconds", type=float, default=15, help="length of each phase")
    p.add_argument(
        "--rounds", type=int, default=2, help="stretches per phase, 1, 2, 1, ..."
    )
    p.add_argument("--paced-users", type=int, default=50, help="0: no paced phase")
    p.add_argument("--paced-seconds", type=float, default=60)
    p.add_argument("--paced-think", type=float, default=10)
    p.add_argument("--kill", action="store_true", help="kill -9 a worker (paced)")
    p.add_argument("--import-during", action="store_true", help="import (paced)")
    p.add_argument("--settings", action="store_true", help="measure profile choices")
    p.add_argument("--port", type=int, default=8790, help="first port (loopback)")
    p.add_argument("--run-dir", type=Path, default=RESULTS / "raw" / "load_stacks")
    p.add_argument("--out", type=Path, default=RESULTS / "load_test.json")
    args = p.parse_args()
    args.workers = [int(w) for w in args.workers.split(",") if w]
    return args


def main() -> None:
    """Measure, print the table and the ratios, write JSON."""
    from bench import load_report

    args = parse_args()
    if not args.db.exists():
        subprocess.run(
            [sys.executable, "-m", "workforce", "init-demo", "--db", str(args.db)],
            check=True,
        )
    # the database's static public site, as ./serve.sh serves it at /situs/
    args.site = args.run_dir / "site"
    publish_db(args.db, args.site, base_url="/situs/")
    rows = measure(args)
    if args.settings:
        rows += settings(args, args.port)
    text = "\n".join(
        [load_report.table(rows), "", *load_report.ratios(rows),
         *load_report.settings_lines(rows)]
    )  # fmt: skip
    print(text)
    write_json(args.out, {"rows": rows, "text": text})
    for r in rows:
        for sample in r["error_samples"]:
            print(f"  error ({r['workers']} workers, {r['phase']}): {sample}")


if __name__ == "__main__":
    main()
