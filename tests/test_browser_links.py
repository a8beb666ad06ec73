"""Real browser: addresses people copy and share open the page they name.

A visitor with a fresh browser (a new context: no cookie, no session) pastes
``/transparansi`` or ``/transparansi?tahun=2024`` from a letter or the city's
website. The transparency page must open at once, for that year, with no
"Page not found" dialog, on a demo server and on a server holding real data
(login mode, where the public page is the only one open to everybody).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS, serve, wait_for_app
from workforce.core import db, i18n

pytestmark = pytest.mark.browser

NOT_FOUND = "Page not found"


@pytest.fixture(scope="module")
def real_server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A server in login mode on a database that holds real (imported) data."""
    path = tmp_path_factory.mktemp("real") / "cilegon.duckdb"
    shutil.copyfile(demo_db, path)
    conn = db.connect(path)
    try:
        db.set_info(conn, "is_demo", "false")
        db.set_info(conn, "has_real_data", "true")
    finally:
        conn.close()
    with serve(path, "links-real.log", env={"WORKFORCE_DEMO": ""}) as url:
        yield url


@pytest.fixture(scope="module")
def demo_off_server(demo_db: Path) -> Iterator:
    """The demo database served with WORKFORCE_DEMO=0 (login required)."""
    with serve(demo_db, "links-demo-off.log", env={"WORKFORCE_DEMO": "0"}) as url:
        yield url


def _open_fresh(browser, url: str, width: int, shot: str) -> object:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(url)
    wait_for_app(page)
    (ARTIFACTS / "links").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "links" / f"{shot}.png")
    return page


def _assert_transparency(page, year: int | None = None) -> None:
    assert page.get_by_text(NOT_FOUND).count() == 0
    main = page.locator('[data-testid="stMain"]')
    title = i18n.t("public.title", "id")
    assert main.get_by_role("heading", name=title).count() == 1
    if year is not None:
        heading = i18n.t("public.h.kpi", "id", tahun=year)
        assert main.get_by_role("heading", name=heading).count() == 1
    assert "/transparansi" in page.url


@pytest.mark.parametrize("width", [1440, 390])
def test_shared_link_opens_on_demo_server(browser, live_server: str, width) -> None:
    page = _open_fresh(browser, f"{live_server}/transparansi", width, f"demo-{width}")
    _assert_transparency(page)
    page.context.close()


def test_shared_link_with_year_opens_that_year(browser, live_server: str) -> None:
    url = f"{live_server}/transparansi?tahun=2024"
    page = _open_fresh(browser, url, 1440, "demo-2024")
    _assert_transparency(page, 2024)
    assert "tahun=2024" in page.url
    page.context.close()


@pytest.mark.parametrize("width", [1440, 390])
def test_shared_link_opens_on_real_data(browser, real_server: str, width) -> None:
    url = f"{real_server}/transparansi?tahun=2024"
    page = _open_fresh(browser, url, width, f"real-{width}")
    _assert_transparency(page, 2024)
    page.context.close()


def test_shared_link_opens_with_demo_switched_off(browser, demo_off_server) -> None:
    url = f"{demo_off_server}/transparansi?tahun=2024"
    page = _open_fresh(browser, url, 1440, "demo-off")
    _assert_transparency(page, 2024)
    page.context.close()


def test_root_address_still_opens_the_transparency_page(browser, real_server) -> None:
    page = _open_fresh(browser, real_server, 1440, "real-root")
    _assert_transparency(page)
    page.context.close()
