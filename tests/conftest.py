"""Shared test fixtures: the hand-built and demo databases, AppTest, a live server.

- ``fixture_db``: path of the one small hand-built database, ``fixtures.build``
  (every row and fact listed in tests/fixtures.py; its extensions, such as
  ``extras=("tracer",)``, are built by the tests that need them).
- ``fixture_conn``: a read-only connection to it (read-only, so it can share the
  file with the app's own read-only connection inside AppTest).
- ``fixture_copy``: a private writable copy of it for a test that changes the
  database (saving a target, a release, retention's deletions); data rows a test
  needs go into tests/fixtures.py as a documented extension.
- ``demo_db``: path of a demo database (workforce.demo, 3000 participants, seed 7).
- ``app_test``: a factory ``app_test(db_path, lang="id", role="admin", **query_params)``
  giving an AppTest of dashboard.py on that database, signed in as ``test-<role>``
  (a local account in the ``users_file`` fixture; ``role=None`` for logged out;
  ``sign_in(at, "staff")`` to change it); ``lang=None`` lets ``?lang=`` decide.
- ``live_server``: base URL of ``streamlit run dashboard.py`` on the demo database;
  ``serve(db_path)`` is the context manager behind it, for a server of your own.
- ``wait_for_app(page)``: wait until Streamlit has finished running the script.
- ``enter_demo_admin(page)``: click "Masuk sebagai admin demo" (the demo database
  opens as public: internal pages need this first).
- pytest-playwright runs Debian's /usr/bin/chromium (never ``playwright install``).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from streamlit.testing.v1 import AppTest

from tests import fixtures
from workforce import refresh
from workforce.core import db

# AppTest shows an app's errors in full (the product's config hides them from
# browsers); a real server started by serve() runs with the product's setting.
os.environ.setdefault("STREAMLIT_CLIENT_SHOW_ERROR_DETAILS", "full")
ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard.py"
# Imports and demo builds rewrite the public site; the tests of the site write their
# own, everything else writes none (never the developer's data/site).
os.environ["WORKFORCE_SITE_DIR"] = "off"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


# ---- databases ----------------------------------------------------------------


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small hand-built database (facts listed in tests/fixtures.py)."""
    path = tmp_path_factory.mktemp("fixture") / "fixture.duckdb"
    conn = db.connect(path)
    try:
        refresh.init_database(conn)
        fixtures.build(conn)
        conn.execute("checkpoint")
    finally:
        conn.close()
    return path


@pytest.fixture(scope="session")
def fixture_conn(fixture_db: Path) -> Iterator:
    """A read-only connection to the fixture database."""
    conn = db.connect(fixture_db, read_only=True)
    yield conn
    conn.close()


@pytest.fixture
def fixture_copy(fixture_db: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the fixture database for one test."""
    path = tmp_path / "fixture_copy.duckdb"
    shutil.copyfile(fixture_db, path)
    return path


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database: workforce.demo with 3000 participants, seed 7."""
    from workforce.demo import build_demo_file

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    build_demo_file(path, participants=3000, seed=7)
    return path


# ---- AppTest ------------------------------------------------------------------


TEST_PASSWORD = "correct horse battery staple"  # of test-admin and test-staff


@pytest.fixture(scope="session")
def users_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A local accounts file with ``test-admin`` (admin) and ``test-staff`` (staff)."""
    from workforce.access import auth

    path = tmp_path_factory.mktemp("accounts") / "users.toml"
    auth.add_user("test-admin", TEST_PASSWORD, "admin", path)
    auth.add_user("test-staff", TEST_PASSWORD, "staff", path)
    return path


def sign_in(at: AppTest, role: str = "admin") -> None:
    """Log an AppTest session in as ``test-<role>``, as the login form does.

    Needs ``$WORKFORCE_USERS_FILE`` pointing at the ``users_file`` fixture (the
    ``app_test`` factory sets it); the role is read from that file on every run.
    """
    at.session_state["auth_user"] = f"test-{role}"
    at.session_state["auth_source"] = "local"


@pytest.fixture
def app_test(
    users_file: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., AppTest]:
    """Factory: ``app_test(db_path, lang="id", role="admin", **query_params)``.

    Returns an AppTest of dashboard.py (not yet run) on ``db_path``, in ``lang``,
    logged in as ``test-<role>`` (``role=None``: logged out, public), with the
    URL's query params set. ``at.switch_page(...)`` runs the page inside the
    frame, as a browser does (``app.page``).
    """

    def make(
        db_path: Path,
        lang: str | None = "id",
        role: str | None = "admin",
        **query_params: str | list[str],
    ) -> AppTest:
        monkeypatch.setenv("WORKFORCE_DB", str(db_path))
        monkeypatch.setenv("WORKFORCE_USERS_FILE", str(users_file))
        # Login required even on a demo database: the session is a local account.
        # (The demo box's role radio has a format_func that reads the session's
        # language; AppTest calls it outside the run, where that fails in English.)
        monkeypatch.setenv("WORKFORCE_DEMO", "0")
        at = AppTest.from_file(str(APP), default_timeout=60)
        if lang is not None:  # None: the app picks it (from ?lang= or the default)
            at.session_state["lang"] = lang
        for key, value in query_params.items():
            at.query_params[key] = value
        if role is not None:
            sign_in(at, role)
        return at

    return make


# ---- live server and browser ---------------------------------------------------


T = TypeVar("T")


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` on its own event loop in its own thread: the browser tests'
    Playwright keeps an event loop running in the test thread."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_taken(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
            return resp.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM when pytest dies, so a killed run leaves none."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PDEATHSIG


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextlib.contextmanager
def serve(
    db_path: Path,
    log_name: str = "streamlit-server.log",
    env: dict[str, str] | None = None,
) -> Iterator[str]:
    """Run ``streamlit run dashboard.py`` on ``db_path``; yield its base URL.

    ``env`` adds to (or, with a value of ``""``, removes from) the environment.

    A free port is picked (or ``$WORKFORCE_TEST_PORT``); a port already in use is
    refused, so a stale server is never tested by mistake. The server's output
    goes to test-artifacts/<log_name>; it is stopped by its PID.
    """
    port = int(os.environ.get("WORKFORCE_TEST_PORT") or _free_port())
    if _port_taken(port):
        pytest.fail(f"port {port} is already in use: refusing to test a stale server")
    accounts = db_path.parent / "no-accounts.toml"  # never the developer's own
    full = {
        **os.environ,
        "WORKFORCE_DB": str(db_path),
        "WORKFORCE_USERS_FILE": str(accounts),
        "STREAMLIT_CLIENT_SHOW_ERROR_DETAILS": "",
        **(env or {}),
    }
    full = {key: value for key, value in full.items() if value != ""}
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / log_name
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true", "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=full,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while not _healthy(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start; see {log_path}")
                time.sleep(0.3)
            yield url
        finally:
            _stop(proc)


@pytest.fixture(scope="session")
def live_server(demo_db: Path) -> Iterator[str]:
    """``streamlit run dashboard.py`` on the demo database; yields the base URL."""
    with serve(demo_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """pytest-playwright: Debian's Chromium, headless, no sandbox, no network noise."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


_APP_IDLE_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) return false;
    const idle = app.getAttribute('data-test-script-state') === 'notRunning';
    const connected = app.getAttribute('data-test-connection-state') === 'CONNECTED';
    const busy = document.querySelector(
        '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stSpinner"],'
        + ' [data-testid="stSkeleton"]');
    return idle && connected && !busy;
}"""


def wait_for_app(page, timeout_ms: int = 60_000, settle_ms: int = 500) -> None:
    """Wait until Streamlit is connected, has finished the script, and stays idle.

    The app's ``data-test-script-state`` goes initial → running → notRunning; a
    rerun (the URL being rewritten, a widget reacting) can start it again, so the
    app must still be idle after ``settle_ms``.
    """
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        left = max(int((deadline - time.monotonic()) * 1000), 1)
        page.wait_for_function(_APP_IDLE_JS, timeout=left)
        page.wait_for_timeout(settle_ms)
        if page.evaluate(_APP_IDLE_JS) or time.monotonic() > deadline:
            return


def enter_demo_admin(page, lang: str = "id") -> None:
    """Click the sidebar's demo-admin button and wait for the full navigation."""
    label = {"id": "Masuk sebagai admin demo", "en": "Enter as demo admin"}[lang]
    page.get_by_role("button", name=label).first.click()
    wait_for_app(page)
