"""Real browser: the overview opens, follows a change of year, and fits a phone.

Marker ``browser``; uses the shared ``live_server`` (demo database) and
pytest-playwright's ``page`` (Debian's /usr/bin/chromium, see conftest). The
overview is opened, another year is picked in the sidebar, and the KPI cards must
change. Requests leaving the server are blocked and recorded: the page (the map
included) must not need the internet. Screenshots at desktop width and at 390 px
land in test-artifacts/overview/.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ARTIFACTS, enter_demo_admin, wait_for_app
from workforce.core import i18n
from workforce.overview.numbers import CARD_KPIS

pytestmark = pytest.mark.browser

SCREENS = ARTIFACTS / "overview"
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
VALUES = '[data-testid="stMain"] [data-testid="stMetricValue"]'
# the KPI cards, then the 6- and 12-month rates side by side in the lasting card
CARDS = len(CARD_KPIS) + 2
# Material icons (the page icon) come from Google's font CDN: cosmetic, not data.
ALLOWED_OUTSIDE = ("https://fonts.gstatic.com/",)
CONTENT_HEIGHT_JS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    let bottom = 0;
    for (const el of main.querySelectorAll('*')) {
        bottom = Math.max(bottom, el.getBoundingClientRect().bottom + main.scrollTop);
    }
    return Math.ceil(bottom) + 40;
}"""


def _block_outside(page, base: str) -> list[str]:
    outside: list[str] = []

    def route(r) -> None:
        url = r.request.url
        if url.startswith(base):
            r.continue_()
            return
        if not url.startswith(ALLOWED_OUTSIDE):
            outside.append(url)
        r.abort()

    page.route("**/*", route)
    return outside


def _screenshot(page, width: int, name: str) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    wait_for_app(page)
    height = min(max(page.evaluate(CONTENT_HEIGHT_JS), 900), 16_000)
    page.set_viewport_size({"width": width, "height": height})
    wait_for_app(page)
    page.wait_for_timeout(1500)  # the map's WebGL canvas draws after the script ends
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"{name}.png")


def _pick_year(page) -> str:
    """Pick a year other than the current one in the sidebar; return it."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("combobox", name=i18n.t("filter.tahun", "id")).click()
    others = page.locator('[role="option"]:not([aria-selected="true"])')
    assert others.count(), "the database should hold more than one year"
    year = others.first.inner_text().strip()
    others.first.click()
    wait_for_app(page)
    return year


def test_overview_cards_follow_the_year(page, live_server: str):
    outside = _block_outside(page, live_server)
    page.set_viewport_size({"width": 1280, "height": 900})
    # the frame first (a first request straight to /ringkasan on a fresh server can
    # run the page without dashboard.py), sign in, then the menu (a reload would
    # start a new, signed-out session)
    page.goto(f"{live_server}/")
    wait_for_app(page)
    if page.get_by_role("button", name=i18n.t("auth.demo_enter", "id")).count():
        enter_demo_admin(page)
    page.get_by_role("link", name=i18n.t("nav.ringkasan", "id")).first.click()
    wait_for_app(page)
    assert not page.locator(ERRORS).all_inner_texts()
    title = i18n.t("nav.ringkasan", "id")
    assert page.get_by_role("heading", name=title, level=1).count() == 1
    before = page.locator(VALUES).all_inner_texts()
    assert len(before) == CARDS and all(before)
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 5
    _screenshot(page, 1280, "ringkasan-desktop")

    year = _pick_year(page)
    assert re.search(rf"[?&]tahun={year}(&|$)", page.url), page.url
    heading = i18n.t("overview.cards_header", "id", period=year)
    assert page.get_by_role("heading", name=heading).count() == 1
    after = page.locator(VALUES).all_inner_texts()
    assert len(after) == CARDS and after != before, (before, after)
    assert not page.locator(ERRORS).all_inner_texts()
    _screenshot(page, 1280, f"ringkasan-{year}-desktop")
    _screenshot(page, 390, f"ringkasan-{year}-390px")
    assert not outside, f"requests left the server: {outside}"
