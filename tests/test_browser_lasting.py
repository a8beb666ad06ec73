"""Real browser: the 12-month rates with their warning on the planner and the site.

Marker ``browser``. The planner runs on the shared ``live_server`` (demo database):
under the per-kejuruan table its note, and the warning exactly when a kejuruan's
12-month rate rests on under 60% answers. The static site of the same database shows the
12-month table and its warning on the front page, at desktop and phone width,
without sideways scrolling. Screenshots land in test-artifacts/screens/.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS, enter_demo_admin, wait_for_app
from workforce.core import db, i18n
from workforce.planning import numbers as planner_data
from workforce.planning import planner
from workforce.public import open_data, site
from workforce.public import text as pv

pytestmark = pytest.mark.browser

SCREENS = ARTIFACTS / "screens"
WIDTHS = (1440, 390)


def _low_response_names(demo_db: Path) -> list[str]:
    """The kejuruan (and the city) of the demo whose 12-month rate is marked ⚠."""
    conn = db.connect(demo_db, read_only=True)
    try:
        as_of = date.fromisoformat(db.get_info(conn)["data_as_of"])
        lasting = planner_data.load_basis(conn, as_of).lasting
    finally:
        conn.close()
    return [k for k, row in lasting.iterrows() if planner.is_low_response(row)]


@pytest.mark.parametrize("width", WIDTHS)
def test_planner_notes_and_warns_under_the_table(
    page, live_server: str, demo_db: Path, width: int
) -> None:
    page.set_viewport_size({"width": 1440, "height": 1400})  # the menu in view
    page.goto(live_server)
    wait_for_app(page)
    if page.get_by_role("button", name=i18n.t("auth.demo_enter", "id")).count():
        enter_demo_admin(page)
    title = i18n.t("nav.perencanaan", "id")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    wait_for_app(page)
    page.set_viewport_size({"width": width, "height": 1400})
    note = page.get_by_text("Bekerja 12 bln dihitung dari lulusan yang menjawab")
    expect(note).to_be_visible(timeout=30_000)
    warning = page.get_by_text("Tingkat respons pelacakan di bawah 60%")
    expect(warning).to_have_count(1 if _low_response_names(demo_db) else 0)
    note.scroll_into_view_if_needed()
    page.mouse.wheel(0, -500)  # the table above the warning in view
    wait_for_app(page)
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"planner-12m-{width}.png")


@pytest.fixture(scope="module")
def served(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("site12") / "site"
    site.publish_db(demo_db, out, "https://data.cilegon.example/")
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(out.resolve())
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("width", WIDTHS)
def test_site_shows_the_12_month_table_and_warning(
    browser, served: str, demo_db: Path, width: int
) -> None:
    pub = open_data.load(demo_db)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(served + "index.html")
    section = page.locator("section[aria-labelledby=bertahan]")
    expect(section.get_by_role("heading", level=2)).to_have_text(
        i18n.t("public.h.lasting", "id")
    )
    warning = pv.lasting_warning(pub, "id")
    if warning:
        expect(section.locator("p.warning")).to_have_text(warning)
    rows = pv.lasting_table(pub, "id").values.tolist()
    expect(section.locator("tbody tr")).to_have_count(len(rows))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    section.scroll_into_view_if_needed()
    SCREENS.mkdir(parents=True, exist_ok=True)
    section.screenshot(path=SCREENS / f"site-12m-{width}.png")
    context.close()
