"""Real browser: the outcome pages open, follow a kejuruan filter, and fit a phone.

Marker ``browser``; uses the shared ``live_server`` (demo database) and
pytest-playwright's ``page`` (Debian's /usr/bin/chromium, see conftest). Each page
is opened, a kejuruan is picked in the sidebar multiselect, and the page must
change (its sentences, the URL). Screenshots of the whole page at desktop width
and at 390 px land in test-artifacts/outcomes/.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ARTIFACTS, enter_demo_admin, wait_for_app
from workforce.core import i18n

pytestmark = pytest.mark.browser

SCREENS = ARTIFACTS / "outcomes"
PAGES = {"pelatihan": "nav.pelatihan", "penempatan": "nav.penempatan"}
PAGES["link_match"] = "nav.link_match"
KEJURUAN = "Las SMAW"  # a vocation of the demo catalogue
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
CAPTIONS = '[data-testid="stMain"] [data-testid="stCaptionContainer"]'
# The main area scrolls inside the window: measure its content to size the window
# so that a screenshot holds the whole page.
CONTENT_HEIGHT_JS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    let bottom = 0;
    for (const el of main.querySelectorAll('*')) {
        bottom = Math.max(bottom, el.getBoundingClientRect().bottom + main.scrollTop);
    }
    return Math.ceil(bottom) + 40;
}"""


def _errors(page) -> list[str]:
    return page.locator(ERRORS).all_inner_texts()


def _open(page, base: str, path: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    # A fresh server that has never run dashboard.py serves a deep link from the
    # pages/ folder without the frame (streamlit/streamlit#9624): open / first.
    page.goto(f"{base}/?tahun=2025")
    wait_for_app(page)
    page.goto(f"{base}/{path}?tahun=2025")
    wait_for_app(page)
    if page.get_by_role("button", name=i18n.t("auth.demo_enter", "id")).count():
        enter_demo_admin(page)


def _screenshot(page, width: int, name: str) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    wait_for_app(page)
    height = min(max(page.evaluate(CONTENT_HEIGHT_JS), 900), 16_000)
    page.set_viewport_size({"width": width, "height": height})
    wait_for_app(page)
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"{name}.png")


def _pick_kejuruan(page, value: str) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    box = sidebar.locator('[data-testid="stMultiSelect"]').filter(
        has_text=i18n.t("filter.kejuruan", "id")
    )
    box.click()
    page.keyboard.type(value)
    page.get_by_role("option", name=value, exact=True).click()
    page.keyboard.press("Escape")
    wait_for_app(page)


@pytest.mark.parametrize("path", list(PAGES))
def test_outcome_page_follows_a_kejuruan_filter(page, live_server: str, path: str):
    _open(page, live_server, path)
    assert not _errors(page), _errors(page)
    title = i18n.t(PAGES[path], "id")
    assert page.get_by_role("heading", name=title, level=1).count() == 1
    assert page.locator('[data-testid="stPlotlyChart"]').count() >= 3
    assert page.locator('[data-testid="stExpander"]').count() >= 3  # "Lihat data"
    before = page.locator(CAPTIONS).all_inner_texts()
    _screenshot(page, 1280, f"{path}-desktop")

    _pick_kejuruan(page, KEJURUAN)
    assert not _errors(page), _errors(page)
    chips = page.locator(
        '[data-testid="stSidebar"] [data-testid="stMultiSelect"] [data-tag]'
    )
    assert KEJURUAN in chips.all_inner_texts()
    assert re.search(r"[?&]kejuruan=Las(\+|%20)SMAW(&|$)", page.url), page.url
    after = page.locator(CAPTIONS).all_inner_texts()
    assert after != before, "the page's sentences did not change with the filter"
    _screenshot(page, 1280, f"{path}-kejuruan-desktop")
    _screenshot(page, 390, f"{path}-kejuruan-390px")
    assert not _errors(page), _errors(page)


def test_link_match_sentence_names_only_the_chosen_kejuruan(page, live_server: str):
    _open(page, live_server, "link_match")
    _pick_kejuruan(page, KEJURUAN)
    captions = "\n".join(page.locator(CAPTIONS).all_inner_texts())
    # one vocation left: the year's sentence states its own totals and gap
    assert re.search(
        r"Pada 2025, perusahaan melaporkan [\d.]+ lowongan untuk", captions
    )
    assert "Tata Boga" not in captions
