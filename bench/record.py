"""Record each page's queries under AppTest, and time each page's render.

Child process of ``bench/run.py``: ``python bench/record.py --db PATH --out JSON``.
``workforce.core.db.connect`` is wrapped so that every read-only connection the app
opens hands out cursors that note each ``execute`` (SQL text and bound params)
before running it. Each page then runs under AppTest with Streamlit's data cache
cleared first, so the calls noted are the page's full query set; again with a
kejuruan filter (the filter-change set); and ``--runs`` more times for its render
time. Pages run inside the frame (dashboard.py), as on a running server, so a
page's set includes the frame's own queries (``frame`` is what the first run
made beyond them).

Not recorded: statements on the transparency page's private in-memory database
(``public_data.build`` copies a few hundred aggregate rows into it); every query
on the database file is.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, encode_call, peak_rss_mb, write_json

CALLS: list[dict[str, Any]] = []
FETCHES = ("df", "fetchdf", "fetch_df", "fetchall", "fetchone", "fetchnumpy", "arrow")


class _Cursor:
    """A DuckDB cursor (or connection) that notes every execute and how it is read."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._call: dict[str, Any] | None = None

    def execute(self, sql: str, params: Any = None) -> _Cursor:
        self._call = {**encode_call(sql, params), "fetch": None}
        CALLS.append(self._call)
        self._inner.execute(sql, params)
        return self

    def __getattr__(self, name: str) -> Any:
        if name in FETCHES and self._call is not None and not self._call["fetch"]:
            self._call["fetch"] = name
        return getattr(self._inner, name)


class _Connection(_Cursor):
    def cursor(self) -> _Cursor:
        return _Cursor(self._inner.cursor())


def instrument() -> None:
    """Wrap ``db.connect``: read-only connections (the app's) record their calls."""
    from workforce.core import db

    original = db.connect

    def connect(path: Any, read_only: bool = False, **kwargs: Any) -> Any:
        conn = original(path, read_only, **kwargs)
        return _Connection(conn) if read_only else conn

    db.connect = connect


def _key(call: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in call.items() if k != "fetch"}, sort_keys=True)


def without(calls: list, taken: list) -> list:
    """``calls`` minus one occurrence of each call in ``taken`` (order kept)."""
    left = Counter(_key(c) for c in taken)
    out = []
    for call in calls:
        if left[_key(call)]:
            left[_key(call)] -= 1
        else:
            out.append(call)
    return out


def new_app(db_path: Path) -> Any:
    """An AppTest of dashboard.py as the demo administrator (all pages open)."""
    from streamlit.testing.v1 import AppTest

    os.environ["WORKFORCE_DB"] = str(db_path)
    os.environ["WORKFORCE_DEMO"] = "1"
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=1800)
    at.session_state["auth_source"] = "demo"
    at.session_state["auth_demo_role"] = "admin"
    return at


def run_page(at: Any, page: str) -> tuple[list, float]:
    """Run one page with Streamlit's data cache empty; its calls and seconds."""
    import streamlit as st

    st.cache_data.clear()
    CALLS.clear()
    started = time.perf_counter()
    at.switch_page(page).run()
    elapsed = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].message}")
    return list(CALLS), elapsed


def first_kejuruan(db_path: Path) -> str:
    """The kejuruan used for the filter change: the first in the filter list."""
    from workforce.core import db
    from workforce.core.filters import options_from_db

    conn = db.connect(db_path, read_only=True)
    try:
        return options_from_db(conn)[0]["kejuruan"][0]
    finally:
        conn.close()


def record(db_path: Path, runs: int) -> dict[str, Any]:
    """The frame's calls, and per page its calls, filtered calls and render times."""
    from workforce.core.navigation import PAGES

    kejuruan = first_kejuruan(db_path)
    instrument()
    at = new_app(db_path)
    CALLS.clear()
    at.run()
    first = list(CALLS)
    default = at.session_state["filters"]
    pages: dict[str, Any] = {}
    for spec in PAGES:
        calls, first_s = run_page(at, spec.file)
        times = [run_page(at, spec.file)[1] * 1000 for _ in range(runs)]
        at.session_state["filters"] = replace(
            default, dims={**default.dims, "kejuruan": (kejuruan,)}
        )
        filtered, filtered_s = run_page(at, spec.file)
        at.session_state["filters"] = default
        pages[spec.file] = {
            "calls": calls,
            "filtered": filtered,
            "render_first_ms": first_s * 1000,
            "render_ms": statistics.median(times) if times else first_s * 1000,
            "render_filtered_ms": filtered_s * 1000,
        }
        print(
            f"{spec.file}: {len(calls)} queries, {pages[spec.file]['render_ms']:.0f} ms"
        )
    frame = without(first, pages[PAGES[0].file]["calls"])
    return {
        "kejuruan": kejuruan,
        "tahun": default.tahun,
        "frame": frame,
        "pages": pages,
        "peak_mb": peak_rss_mb(),
    }


def main() -> None:
    """Parse arguments, record, write JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3, help="timed renders per page")
    args = parser.parse_args()
    write_json(args.out, record(args.db, args.runs))


if __name__ == "__main__":
    main()
