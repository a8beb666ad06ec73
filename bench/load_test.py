"""Load test: simulated users on one dashboard server, in real Chromium tabs.

``python bench/load_test.py [--users 20] [--seconds 120] [--db PATH]`` starts
``streamlit run dashboard.py`` on a demo database (city size: the README's demo
file unless ``--db``), opens one Chromium (Debian's ``/usr/bin/chromium``) with one
browser context per user, and lets every user, for ``--seconds``: enter as the
demo admin, then repeatedly switch to a random page of the sidebar and change the
year filter to a random year. A filter change is timed from the click on the new
year to the moment the app shows the new numbers: the script has run (its state
went ``running`` and back to ``notRunning``) and no spinner or skeleton is left.

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
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import RESULTS, write_json
from workforce import config

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]

# Resolves once the app has run its script after ``window.__wf_mark()`` was called
# (``running`` seen, then idle with nothing still loading).
WATCH_JS = """() => {
    window.__wf_ran = false;
    if (!window.__wf_observer) {
        window.__wf_observer = new MutationObserver((changes) => {
            for (const c of changes) {
                if (c.target.getAttribute('data-test-script-state') === 'running') {
                    window.__wf_ran = true;
                }
            }
        });
        window.__wf_observer.observe(document.body, {
            attributes: true, subtree: true,
            attributeFilter: ['data-test-script-state'],
        });
    }
}"""
DONE_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!window.__wf_ran || !app) return false;
    const idle = app.getAttribute('data-test-script-state') === 'notRunning';
    const busy = document.querySelector(
        '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stSpinner"],'
        + ' [data-testid="stSkeleton"]');
    return idle && !busy;
}"""
IDLE_JS = DONE_JS.replace("!window.__wf_ran || ", "")


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
    no: int, browser: Any, url: str, until: float, out: dict[str, Any]
) -> None:
    """One simulated user: demo admin, then page switches and year changes."""
    rng = random.Random(no)
    step = "open"
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(url, timeout=120_000)
        await wait_idle(page, 120_000)
        await page.get_by_role("button", name="Masuk sebagai admin demo").first.click()
        await page.wait_for_timeout(500)
        await wait_idle(page, 120_000)
        while time.monotonic() < until:
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
            step = f"switch from {here} to {hrefs[others[0]]}"
            await links.nth(rng.choice(others)).click()
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
        until = time.monotonic() + seconds
        await asyncio.gather(
            *(user(no, browser, url, until, out) for no in range(users))
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
    finally:
        server.terminate()
        server.wait(timeout=30)
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
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
    }
    write_json(args.out, summary)
    print(
        f"{args.users} users, {args.seconds:.0f} s: {summary['page_switches']} page "
        f"switches, {len(times)} filter changes, {summary['errors']} errors"
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
