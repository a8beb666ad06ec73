"""Real-browser smoke test: Debian's Chromium opens every page of a live server.

Marker ``browser``; uses the shared ``live_server`` (demo database) and
pytest-playwright's ``page`` (configured in conftest for /usr/bin/chromium).
Screenshots land in test-artifacts/screens/<page>.png (1280 px) and
<page>-phone.png (390 px wide).

A deep link opened before any session has run dashboard.py is served by Streamlit
from the ``pages/`` folder without the frame; each page routes itself through the
frame (``ui.ensure_frame``). The per-page test opens deep links on the shared
server; ``test_deep_link_on_a_fresh_server_runs_the_frame`` uses a server of its
own so it is the first visitor whatever ran before.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ARTIFACTS, serve, wait_for_app
from workforce.core import i18n
from workforce.core.navigation import PAGES, PageSpec

pytestmark = pytest.mark.browser

SCREENS = ARTIFACTS / "screens"
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
BANNER = "Data contoh (demo)."


def _sign_in_if_asked(page) -> None:
    """An internal page shows a login prompt; the demo offers a demo admin there."""
    label = i18n.t("auth.demo_enter", "id")
    button = page.locator('[data-testid="stMain"]').get_by_role("button", name=label)
    if button.count():
        button.first.click()
        wait_for_app(page)


def _errors(page) -> list[str]:
    return page.locator(ERRORS).all_inner_texts()


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path)
def test_every_page_opens_without_error(page, live_server: str, spec: PageSpec) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server}/{spec.url_path}")
    wait_for_app(page)
    _sign_in_if_asked(page)
    assert not _errors(page), _errors(page)
    assert page.locator("h1").count() >= 1, f"no heading on {spec.url_path}"
    assert page.get_by_text(BANNER).count() >= 1, "the demo banner"
    drawn = page.locator(".st-key-f_tahun").count()
    assert drawn == ("tahun" in spec.filters), "the sidebar filters it honours"
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"{spec.url_path}.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    wait_for_app(page)
    assert not _errors(page), _errors(page)
    page.screenshot(path=SCREENS / f"{spec.url_path}-phone.png", full_page=True)


def test_filter_from_the_url_shows_in_the_sidebar(page, live_server: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server}/ringkasan?tahun=2024&kecamatan=Ciwandan")
    wait_for_app(page)
    _sign_in_if_asked(page)
    chips = page.locator(".st-key-f_kecamatan [data-tag]")
    assert chips.all_inner_texts() == ["Ciwandan"]
    assert chips.first.is_visible()
    assert page.locator(".st-key-f_tahun input").input_value() == "2024"
    assert re.search(r"[?&]kecamatan=Ciwandan(&|$)", page.url), page.url
    assert not _errors(page), _errors(page)
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / "filter-from-url.png")


def test_deep_link_on_a_fresh_server_runs_the_frame(page, demo_db) -> None:
    with serve(demo_db, "streamlit-fresh-server.log") as url:
        page.goto(f"{url}/transparansi?tahun=2024&kecamatan=Ciwandan")  # public
        wait_for_app(page)
        assert page.get_by_text(BANNER).count() >= 1, "the demo banner"
        # the URL survives the detour: the year is kept; the public page shows
        # whole-city figures and says it does not apply the kecamatan asked for
        assert page.locator(".st-key-f_tahun input").input_value() == "2024"
        assert page.locator(".st-key-f_kecamatan").count() == 0
        note = page.locator('[data-testid="stAlertContentInfo"]').all_inner_texts()
        assert any(i18n.t("filter.kecamatan", "id") in text for text in note), note
        # the public default page is the transparency page, served at / or its path
        assert page.url.split("?")[0].rstrip("/").endswith(("/transparansi", url))
        assert not _errors(page), _errors(page)
