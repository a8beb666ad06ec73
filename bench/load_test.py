"""Load test: simulated users on one dashboard server, in real Chromium tabs.

``python bench/load_test.py [--users 20] [--seconds 120] [--db PATH]`` starts
``streamlit run dashboard.py`` on a demo database (city size: the README's demo
file unless ``--db``), opens one Chromium (Debian's ``/usr/bin/chromium``) with one
browser context per user, and lets every user, for ``--seconds``: enter as the
demo admin, then repeatedly switch to a random page of the sidebar and change the
year filter to a random year. A filter change is timed from the click on the new
year to the moment the app shows the new numbers: the script has run (its state
went ``running`` and back to ``notRunning``) and no spinner or skeleton is left.
Users first open the app and log in, four at a time; the timed part starts when
all are in, so ``--seconds`` is all switching and filtering. A user who cannot
get in, a failed wait or an exception shown by the app counts as an error.

Prints the number of page switches and filter changes, the errors (exceptions
shown by the app, failed waits), and the median, p95 and max of the filter-change
time; writes them as JSON (``--out``, default ``bench/results/load_test.json``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import RESULTS, write_json
from workforce.core import config

CHROMIUM = "/usr/bin/chromium"
LOGIN_AT_ONCE = 4  # users opening the app at the same moment (before the timed part)
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    # every tab is a user in front of the screen: no throttling of "background" tabs
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]  # fmt: skip

# WATCH_JS marks the moment before a click; DONE_JS is true once the app has run
# since (see WATCH_JS) and is idle again.
WATCH_JS = """() => {
    // A run after this mark shows as a change of the script state or, when React
    // batches a fast run's running/notRunning into one render, as new content in
    // the main area. The app was idle when marked.
    window.__wf_ran = false;
    if (!window.__wf_observer) {
        const seen = () => { window.__wf_ran = true; };
        window.__wf_observer = new MutationObserver(seen);
        window.__wf_observer.observe(document.body, {
            attributes: true, subtree: true,
            attributeFilter: ['data-test-script-state'],
        });
        const main = document.querySelector('[data-testid="stMain"]');
        if (main) {
            window.__wf_main = new MutationObserver(seen);
            window.__wf_main.observe(main, {
                childList: true, subtree: true, characterData: true,
            });
        }
    }
}"""
DONE_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return Boolean(window.__wf_ran && app
        && app.getAttribute('data-test-script-state') === 'notRunning');
}"""
IDLE_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) return false;
    const idle = app.getAttribute('data-test-script-state') === 'notRunning';
    const busy = document.querySelector(
        '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stSpinner"],'
        + ' [data-testid="stSkeleton"]');
    return idle && !busy;
}"""


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a running process has used (``/proc/PID/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db_path: Path, port: int, log: Path) -> subprocess.Popen:
    """``streamlit run dashboard.py`` on ``db_path``; returns once it answers."""
    env = {**os.environ, "WORKFORCE_DB": str(db_path), "WORKFORCE_DEMO": "1"}
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(config.ROOT / "dashboard.py"),
        "--server.headless", "true", "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    log.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        cmd, cwd=config.ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError(f"streamlit did not start; see {log}")


async def wait_idle(page: Any, timeout_ms: int) -> None:
    await page.wait_for_function(IDLE_JS, timeout=timeout_ms)


async def app_errors(page: Any) -> list[str]:
    return await page.locator('[data-testid="stException"]').all_inner_texts()


async def user(
    no: int, browser: Any, url: str, gates: dict[str, Any], out: dict[str, Any]
) -> None:
    """One simulated user: in as the demo admin (a few users at a time), then, once
    everybody is in, page switches and year changes until the time is up."""
    rng = random.Random(no)
    step = "open"
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    ready = False
    try:
        async with gates["login"]:
            await page.goto(url, timeout=180_000)
            await wait_idle(page, 180_000)
            step = "enter demo"
            await page.get_by_role(
                "button", name="Masuk sebagai admin demo"
            ).first.click()
            await page.wait_for_timeout(500)
            await wait_idle(page, 180_000)
        ready = True
        gates["ready"] += 1
        await gates["start"].wait()
        while time.monotonic() < gates["until"]:
            links = page.locator('[data-testid="stSidebarNavLink"]')
            here = page.url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
            hrefs = [
                await links.nth(i).get_attribute("href")
                for i in range(await links.count())
            ]
            others = [
                i
                for i, h in enumerate(hrefs)
                if (h or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1] != here
            ]
            await page.evaluate(WATCH_JS)
            target = rng.choice(others)
            step = f"switch from {here} to {hrefs[target]}"
            await links.nth(target).click()
            await page.wait_for_function(DONE_JS, timeout=120_000)
            out["switches"] += 1
            tahun = page.locator(".st-key-f_tahun")
            if not await tahun.count():
                continue
            current = await tahun.locator("input").input_value()
            await tahun.click()
            options = page.get_by_role("option")
            texts = await options.all_inner_texts()
            choices = [i for i, t in enumerate(texts) if t.strip() != current]
            if not choices:
                await page.keyboard.press("Escape")
                continue
            await page.evaluate(WATCH_JS)
            step = f"year {current} on {page.url}"
            started = time.monotonic()
            await options.nth(rng.choice(choices)).click()
            await page.wait_for_function(DONE_JS, timeout=120_000)
            out["filter_s"].append(time.monotonic() - started)
            errors = await app_errors(page)
            if errors:
                out["errors"].append(f"user {no}: {errors[0][:300]}")
    except Exception as exc:  # a failed wait or click is an error of the run
        if not ready:
            gates["ready"] += 1  # counted, so the others do not wait for this one
        out["errors"].append(
            f"user {no} ({step}): {type(exc).__name__}: {str(exc)[:200]}"
        )
        shot = RESULTS / "raw" / f"load_test_error_{no}.png"
        with contextlib.suppress(Exception):
            await page.screenshot(path=str(shot), full_page=True)
    finally:
        await context.close()


async def run(url: str, users: int, seconds: float) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    out: dict[str, Any] = {"switches": 0, "filter_s": [], "errors": []}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=ARGS
        )
        gates: dict[str, Any] = {
            "login": asyncio.Semaphore(LOGIN_AT_ONCE),
            "ready": 0,
            "start": asyncio.Event(),
            "until": 0.0,
        }

        async def starter() -> None:
            while gates["ready"] < users:
                await asyncio.sleep(0.2)
            gates["until"] = time.monotonic() + seconds
            gates["start"].set()

        await asyncio.gather(
            starter(), *(user(no, browser, url, gates, out) for no in range(users))
        )
        await browser.close()
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--db", type=Path, default=config.DEFAULT_DB)
    parser.add_argument("--out", type=Path, default=RESULTS / "load_test.json")
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run(
            [sys.executable, "-m", "workforce", "init-demo", "--db", str(args.db)],
            check=True,
        )
    port = free_port()
    server = start_server(args.db, port, RESULTS / "raw" / "load_test_server.log")
    load_before = os.getloadavg()
    try:
        out = asyncio.run(run(f"http://127.0.0.1:{port}/", args.users, args.seconds))
        server_cpu = cpu_seconds(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    all_cpu = children.ru_utime + children.ru_stime
    times = out["filter_s"]
    summary = {
        "users": args.users,
        "seconds": args.seconds,
        "database": str(args.db),
        "page_switches": out["switches"],
        "filter_changes": len(times),
        "errors": len(out["errors"]),
        "error_samples": out["errors"][:10],
        "filter_median_s": statistics.median(times) if times else None,
        "filter_p95_s": percentile(times, 0.95) if times else None,
        "filter_max_s": max(times) if times else None,
        "server_cpu_s": server_cpu,
        "browsers_cpu_s": all_cpu - server_cpu,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
    }
    write_json(args.out, summary)
    print(
        f"{args.users} users, {args.seconds:.0f} s: {summary['page_switches']} page "
        f"switches, {len(times)} filter changes, {summary['errors']} errors"
    )
    print(
        f"CPU seconds: server {server_cpu:.0f}, browsers and driver {all_cpu - server_cpu:.0f}"
        f" (whole run, {os.cpu_count()} cores)"
    )
    if times:
        print(
            f"filter change to updated numbers: median {summary['filter_median_s']:.2f} s, "
            f"p95 {summary['filter_p95_s']:.2f} s, max {summary['filter_max_s']:.2f} s"
        )
    for line in out["errors"][:10]:
        print("  error:", line)


if __name__ == "__main__":
    main()
