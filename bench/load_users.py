"""Simulated users of the load test (bench/load_test.py) and what they measure.

A user is one tab (bench/st_session.py). ``viewer`` opens a page in a fresh tab,
again and again (a new session each time). ``site_viewer`` is a public visitor
following a shared link: the proxy's redirect, the static page and what it loads
(no tab, no session). ``filterer`` opens a
page once (staff pages: in as the demo admin), then changes the year filter, every
``think`` seconds or at once. Each interaction is checked: no exception on the
page, and after a year change the app shows the new year (the widget or the URL the
app writes). A dropped stream (a worker killed) is what the frontend does too: the
tab reconnects, the proxy sends it to a live worker, the tab runs its page again
(a staff tab signs in again: a demo or local login lives in the session) and the
interaction is checked there; it counts as a reconnect, and as an error only if
it still fails.
"""

from __future__ import annotations

import asyncio
import gzip
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.st_session import Run, SessionError, Tab

PUBLIC_PAGES = ("transparansi",)
DEMO_ENTER = "auth_demo_enter_sidebar"
FAILOVER_TRIES = 3


@dataclass
class Tally:
    """What the users of one phase did."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reconnects: int = 0
    bytes_in: int = 0

    def ok(self, run: Run, started: float) -> None:
        """One checked interaction, timed from ``started`` (before any retry)."""
        self.latencies.append(run.finished - started)
        self.bytes_in += run.bytes_in

    def fail(self, who: str, what: str) -> None:
        """One failed interaction."""
        self.errors.append(f"{who}: {what}"[:300])


@dataclass
class Plan:
    """One phase: what every user does, and the gate they start at together (set
    once every user has opened its page: setting up is not measured)."""

    base: str
    pages: tuple[str, ...]
    seconds: float
    think: float = 0.0
    stagger: float = 0.0  # paced users start spread over this many seconds
    entry: str = "/situs/"  # where a site visitor comes in (a shared link, the site)
    fresh: bool = False  # a fresh tab per interaction (a visitor), not a filter change
    until: float = 0.0
    arrived: int = 0
    notes: list[str] = field(default_factory=list)  # what happened meanwhile
    gate: asyncio.Event = field(default_factory=asyncio.Event)

    def page(self, no: int) -> str:
        """User ``no``'s page (users share the pages in turn)."""
        return self.pages[no % len(self.pages)]

    async def ready(self) -> None:
        """A user is set up: wait for the others and the start."""
        self.arrived += 1
        await self.gate.wait()

    def start(self) -> None:
        """Open the gate: the measured part begins."""
        self.until = time.monotonic() + self.seconds
        self.gate.set()


def check_run(run: Run, year: str | None = None, url: str = "") -> str | None:
    """Why a run is not what the user asked for (None: it is). After a year
    change the app must show the year: the tab's address (``url``, which the app
    rewrites from the filters it used: before the change it held the old year) or
    the widget's value set by the app."""
    if run.exceptions:
        return "exception on the page: " + run.exceptions[0]
    if year is None:
        return None
    shown = run.widget("f_tahun")
    if f"tahun={year}" in url.split("&") or (
        shown is not None and shown.raw_value == year
    ):
        return None
    return f"year {year} asked, the tab's address is {url!r}"


async def viewer(no: int, plan: Plan, tally: Tally) -> None:
    """Fresh tabs on the user's page until the phase ends."""
    page = plan.page(no)
    path = front_door(page)
    name = "" if page == "one_line" else page
    await plan.ready()
    while time.monotonic() < plan.until:
        tab = Tab(plan.base)
        started = time.perf_counter()
        try:
            await tab.open(path)
            run = await tab.run(page_name=name)
            problem = check_run(run)
            if problem:
                tally.fail(f"viewer {no}", problem)
            else:
                tally.ok(run, started)
        except (SessionError, OSError) as exc:
            tally.fail(f"viewer {no}", f"{type(exc).__name__}: {exc}")
        finally:
            await tab.close()
        await asyncio.sleep(plan.think)


SITE_ASSETS = ("site.css", "site.js", "plotly.min.js")  # what index.html loads
SITE_MARK = b"<html lang="  # every page of the site starts so


async def fetch(base: str, path: str) -> tuple[str, dict[str, str], bytes]:
    """One GET on loopback as a browser sends it (gzip accepted): status line,
    headers (lower-case names), body as sent."""
    host, _, port = base.removeprefix("http://").partition(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
        "Accept-Encoding: gzip, deflate, br\r\n\r\n".encode()
    )
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        body = await reader.read()
    finally:
        writer.close()
    status, *lines = head.decode("latin-1").rstrip("\r\n").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


def front_door(page: str) -> str:
    """The address a tab of the app loads for ``page``: a staff page's own; the
    app's root for the public page (a browser new to the app that loads
    ``/transparansi`` is sent to the static site by the proxy) and the reference."""
    return "/" if page in ("one_line", *PUBLIC_PAGES) else f"/{page}"


async def site_page(base: str, entry: str) -> str:
    """The site page a visitor coming in at ``entry`` lands on: ``entry`` itself,
    or where the proxy sends a shared link to the app's public page (checked)."""
    if entry.startswith("/situs/"):
        return entry
    status, headers, _ = await fetch(base, entry)
    where = headers.get("location", "")
    if " 302 " not in status + " " or not where.startswith("/situs/"):
        raise SessionError(f"GET {entry}: {status}, not sent to the site ({where!r})")
    return where


async def site_viewer(no: int, plan: Plan, tally: Tally) -> None:
    """A fresh visitor of the static public site, coming in at ``plan.entry`` (a
    shared link to the public page: the proxy's redirect first): the page and what
    it loads, checked (200, the page's HTML or the file's bytes), until the phase
    ends."""
    await plan.ready()
    while time.monotonic() < plan.until:
        started = time.perf_counter()
        got = 0
        try:
            page = await site_page(plan.base, plan.entry)
            for path in (page, *(f"/situs/{a}" for a in SITE_ASSETS)):
                status, headers, body = await fetch(plan.base, path)
                if " 200 " not in status + " " or not body:
                    raise SessionError(f"GET {path}: {status}")
                if path == page:
                    html = (
                        gzip.decompress(body)
                        if headers.get("content-encoding") == "gzip"
                        else body
                    )
                    if SITE_MARK not in html[:200]:
                        raise SessionError(f"GET {path}: not the site's page")
                got += len(body)
        except (SessionError, OSError, EOFError) as exc:
            tally.fail(f"site viewer {no}", f"{type(exc).__name__}: {exc}")
        else:
            tally.latencies.append(time.perf_counter() - started)
            tally.bytes_in += got
        await asyncio.sleep(plan.think)


async def enter(tab: Tab, page: str) -> Run:
    """Open ``page`` in the tab as a visitor does; staff pages as the demo admin."""
    run = await tab.run(page_name=page)
    if page not in PUBLIC_PAGES:
        await tab.press(DEMO_ENTER, run)
        run = await tab.run(page_name=page)
    if run.widget("f_tahun") is None:
        raise SessionError(f"no year filter on {page}: {run.texts()[:3]}")
    return run


def other_year(run: Run, current: str, rng: random.Random) -> tuple[object, str]:
    """The year widget and a year other than ``current``."""
    widget = run.widget("f_tahun")
    return widget, rng.choice([y for y in widget.options if y != current])


async def filterer(no: int, plan: Plan, tally: Tally) -> None:
    """One tab on the user's page changing the year until the phase ends."""
    rng, page, tab = random.Random(no), plan.page(no), Tab(plan.base)
    arrived = False
    try:
        await tab.open(front_door(page))
        last = await enter(tab, page)
        current = last.widget("f_tahun").raw_value
        arrived = True
        await plan.ready()
        await asyncio.sleep(rng.uniform(0, plan.stagger))
        while time.monotonic() < plan.until:
            widget, year = other_year(last, current, rng)
            tab.choose(widget, year)
            last = await _change(tab, page, year, no, tally)
            current = year
            await asyncio.sleep(plan.think)
    except (SessionError, OSError) as exc:
        tally.fail(f"filterer {no} on {page}", f"{type(exc).__name__}: {exc}")
        if not arrived:
            await plan.ready()
    finally:
        await tab.close()


async def _change(tab: Tab, page: str, year: str, no: int, tally: Tally) -> Run:
    """One year change, checked; after a dropped stream, reconnect and check there."""
    started = time.perf_counter()
    try:
        run = await tab.run()
    except SessionError:
        run = await _failover(tab, page, year, tally)
    problem = check_run(run, year, tab.query_string)
    if problem:
        tally.fail(f"filterer {no} on {page}", problem)
    else:
        tally.ok(run, started)
    return run


async def _failover(tab: Tab, page: str, year: str, tally: Tally) -> Run:
    """The stream dropped mid-change: reconnect (another worker, a new session),
    open the page again and, if the change was lost with the old worker, make it
    once more, as the user would."""
    for attempt in range(FAILOVER_TRIES):
        tally.reconnects += 1
        await tab.reconnect()
        try:
            run = await enter(tab, page)
            break
        except SessionError:  # dropped again (a reload moves on to the next worker)
            if attempt == FAILOVER_TRIES - 1:
                raise
    if check_run(run, year, tab.query_string):
        tab.choose(run.widget("f_tahun"), year)
        run = await tab.run()
    return run


# ---- server CPU -----------------------------------------------------------------------


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process (``/proc/PID/stat``), None if gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """CPU seconds of a changing set of processes (a killed worker's CPU is kept
    from its last sample; a worker started meanwhile counts from its start)."""

    def __init__(self, pids: Callable[[], list[int]]) -> None:
        self.pids = pids
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}

    def sample(self, baseline: bool = False) -> None:
        """Read every current process; ``baseline`` marks the phase's start."""
        for pid in self.pids():
            used = cpu_seconds(pid)
            if used is None:
                continue
            self.first.setdefault(pid, used if baseline else 0.0)
            self.last[pid] = used

    def total(self) -> float:
        """CPU seconds used since the baseline."""
        return sum(self.last[pid] - self.first[pid] for pid in self.last)

    async def follow(self, every: float = 0.5) -> None:
        """Sample until cancelled."""
        while True:
            await asyncio.sleep(every)
            self.sample()
