"""Real browser: a visitor who is not logged in lands on the transparency page.

Marker ``browser``; uses the shared ``live_server`` (demo database) and
pytest-playwright's ``page`` (Debian's /usr/bin/chromium, see conftest). The page
is loaded at desktop width and at 390 px (a phone): it must show its title, the
KPI cards, six charts and the open-data download without any login, raise no
error, and at 390 px nothing may stick out sideways. Full-page screenshots land in
test-artifacts/public/desktop.png and phone.png.
"""

from __future__ import annotations

import zipfile

import pytest

from tests.conftest import ARTIFACTS, wait_for_app
from workforce.core import i18n
from workforce.public.text import CARD_KPIS

pytestmark = pytest.mark.browser

SCREENS = ARTIFACTS / "public"
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
MAIN = '[data-testid="stMain"]'
CONTENT_HEIGHT_JS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    let bottom = 0;
    for (const el of main.querySelectorAll('*')) {
        bottom = Math.max(bottom, el.getBoundingClientRect().bottom + main.scrollTop);
    }
    return Math.ceil(bottom) + 40;
}"""
WIDEST_JS = """() => {
    let right = 0;
    for (const el of document.querySelectorAll(
            '[data-testid="stMain"] [data-testid="stMetric"],'
            + ' [data-testid="stMain"] [data-testid="stPlotlyChart"],'
            + ' [data-testid="stMain"] [data-testid="stExpander"]')) {
        right = Math.max(right, el.getBoundingClientRect().right);
    }
    return right;
}"""


def _open(page, base: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base)
    wait_for_app(page)


def _screenshot(page, width: int, name: str) -> None:
    height = min(max(page.evaluate(CONTENT_HEIGHT_JS), 900), 16_000)
    page.set_viewport_size({"width": width, "height": height})
    wait_for_app(page)
    page.wait_for_timeout(1000)  # let the charts finish drawing
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"{name}.png")


def _check_page(page) -> None:
    main = page.locator(MAIN)
    title = i18n.t("public.title", "id")
    assert main.get_by_role("heading", name=title).first.is_visible()
    assert page.locator(ERRORS).count() == 0
    assert main.locator('[data-testid="stMetricValue"]').count() == len(CARD_KPIS)
    assert main.locator('[data-testid="stPlotlyChart"]').count() == 6
    download = main.get_by_role("button", name=i18n.t("public.open_data.button", "id"))
    assert download.is_visible()
    # no login prompt on the public page
    assert main.locator('input[type="password"]').count() == 0
    staff = i18n.t("auth.role.staff", "id")
    assert not main.get_by_text(i18n.t("auth.need_login", "id", role=staff)).count()


def test_public_page_at_desktop_width(page, live_server: str) -> None:
    _open(page, live_server, 1280)
    _check_page(page)
    _screenshot(page, 1280, "desktop")


def test_the_open_data_button_downloads_the_package(page, live_server: str) -> None:
    """A click gives the zip: every table as CSV and Parquet with its descriptor."""
    _open(page, live_server, 1280)
    name = i18n.t("public.open_data.button", "id")
    button = page.locator(MAIN).get_by_role("button", name=name)
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as got:
        button.click()
    download = got.value
    assert download.suggested_filename.startswith("cilegon_data_terbuka_")
    with zipfile.ZipFile(download.path()) as package:
        names = set(package.namelist())
        assert {"kpi_tahunan.csv", "kpi_tahunan.parquet", "datapackage.json"} <= names
        assert package.read("kpi_tahunan.csv").decode("utf-8-sig").startswith("tahun")


def test_public_page_at_phone_width(page, live_server: str) -> None:
    _open(page, live_server, 390)
    _check_page(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate(WIDEST_JS) <= 390
    # the cards stack: each one takes the (phone) width
    card = page.locator(f'{MAIN} [data-testid="stMetric"]').first.bounding_box()
    assert card and card["width"] > 300
    _screenshot(page, 390, "phone")
