"""The operator's log of a production server: one line per page run and per newly
opened database version (the serving profile sets ``WORKFORCE_LOG_RUNS=1``).

A line says the page, the role, the language, how the run ended and its wall and
CPU milliseconds; never a user name, a filter or an address.
"""

from __future__ import annotations

import logging
import os
import time

LOG = logging.getLogger("workforce.run")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure() -> None:
    """Send the lines to stderr when ``WORKFORCE_LOG_RUNS=1`` (once per process)."""
    if os.environ.get("WORKFORCE_LOG_RUNS") != "1" or LOG.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    LOG.propagate = False


def page_run(
    page: str, role: str, lang: str, outcome: str, started: float, cpu: float
) -> None:
    """One page run: ``started`` from ``perf_counter``, ``cpu`` from ``thread_time``."""
    LOG.info(
        "page=%s role=%s lang=%s outcome=%s page_ms=%.0f cpu_ms=%.0f",
        page,
        role,
        lang,
        outcome,
        (time.perf_counter() - started) * 1000,
        (time.thread_time() - cpu) * 1000,
    )


def database_opened(path: str, inode: int, size: int) -> None:
    """A new version of the database file was opened (after an import or publish)."""
    LOG.info("database opened: %s (inode %d, %d bytes)", path, inode, size)
