"""The Anggaran page in a real browser (Debian's Chromium): no error, desktop and phone.

Screenshots go to test-artifacts/budget_desktop.png and budget_390.png.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ARTIFACTS, wait_for_app

pytestmark = pytest.mark.browser
DEMO_BUTTON = re.compile("demo", re.IGNORECASE)
SIZES = {"desktop": (1400, 900), "390": (390, 844)}


def _run_frame_once(page, base_url: str) -> None:
    """Open the app's root so dashboard.py (st.navigation) has run on this server.

    Streamlit runs a ``pages/`` directory in its old multipage mode until a session
    calls ``st.navigation``; a deep link as the very first request would otherwise
    run the page without the frame.
    """
    page.goto(f"{base_url}/")
    page.get_by_text("Bahasa Indonesia").first.wait_for(timeout=60_000)
    wait_for_app(page)


def _open_budget(page, base_url: str) -> None:
    page.goto(f"{base_url}/anggaran")
    main = page.locator('[data-testid="stMain"]')
    enter = main.get_by_role("button", name=DEMO_BUTTON)
    chart = page.locator('[data-testid="stPlotlyChart"]')
    enter.or_(chart).first.wait_for(timeout=60_000)
    if enter.count():
        enter.first.click()
    chart.first.wait_for(timeout=60_000)
    wait_for_app(page)


def _screenshot(page, name: str, width: int, height: int) -> None:
    full = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
    )
    page.set_viewport_size({"width": width, "height": min(full + 50, 9000)})
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"budget_{name}.png"))
    page.set_viewport_size({"width": width, "height": height})


@pytest.mark.parametrize("size", list(SIZES))
def test_budget_page_opens_without_error(live_server, page, size):
    width, height = SIZES[size]
    _run_frame_once(page, live_server)
    page.set_viewport_size({"width": width, "height": height})
    _open_budget(page, live_server)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert (
        page.locator('[data-testid="stMetricValue"]')
        .first.inner_text()
        .startswith("Rp ")
    )
    for tab in page.get_by_role("tab").all():
        tab.click()
        wait_for_app(page)
        assert page.locator('[data-testid="stException"]').count() == 0
    page.get_by_role("tab").first.click()
    wait_for_app(page)
    _screenshot(page, size, width, height)
