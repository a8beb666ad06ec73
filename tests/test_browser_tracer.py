"""Real browser: the 12-month figures draw on Ringkasan and Penempatan, on a desktop
and at 390 px. Marker ``browser``; the shared ``live_server`` (demo database).
Screenshots of the Ringkasan card and the "6 → 12 bulan" view land in
test-artifacts/tracer/.
"""

from __future__ import annotations

import pytest

from tests.conftest import ARTIFACTS, wait_for_app
from workforce.core import i18n

pytestmark = pytest.mark.browser

SCREENS = ARTIFACTS / "tracer"
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'
DEMO_BUTTON = {"id": "Masuk sebagai admin demo"}["id"]


def _open(page, base: str, path: str, width: int) -> None:
    """Open a staff page as the demo admin (the button in the main area)."""
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(f"{base}/?tahun=2023")
    wait_for_app(page)
    page.goto(f"{base}/{path}?tahun=2023")
    wait_for_app(page)
    page.get_by_role("button", name=DEMO_BUTTON).last.click()
    wait_for_app(page)
    page.set_viewport_size({"width": width, "height": 7000})  # the whole page
    wait_for_app(page)
    assert not page.locator(ERRORS).count(), page.locator(ERRORS).all_inner_texts()


def _shot(page, name: str, width: int, top: dict, bottom: dict) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    clip = {"x": 0, "y": top["y"] - 10, "width": width}
    clip["height"] = bottom["y"] - clip["y"]
    page.screenshot(path=SCREENS / f"{name}-{width}.png", clip=clip)


@pytest.mark.parametrize("width", [1280, 390])
def test_six_to_twelve_view_draws(page, live_server: str, width: int):
    _open(page, live_server, "penempatan", width)
    title = page.get_by_role("heading", name=i18n.t("tracer.step.title", "id"))
    chart = page.locator('[data-testid="stPlotlyChart"]').filter(
        has_text=i18n.t("tracer.step.group.still_working", "id")
    )
    chart.locator(".main-svg").first.wait_for()
    assert chart.locator(".bars path").count() >= 3  # the stacked bars are drawn
    box = chart.bounding_box()
    assert box["width"] <= width  # fits a phone
    after = page.get_by_role(
        "heading", name=i18n.t("outcomes.penempatan.sector_title", "id")
    )
    _shot(page, "penempatan-6-12", width, title.bounding_box(), after.bounding_box())


@pytest.mark.parametrize("width", [1280, 390])
def test_ringkasan_card_draws(page, live_server: str, width: int):
    _open(page, live_server, "ringkasan", width)
    title = page.get_by_text(i18n.t("tracer.card.title", "id"))
    twelve = page.get_by_text(i18n.t("metric.retensi_12b.short", "id"), exact=True)
    assert twelve.count() == 1 and title.count() == 1
    response = page.get_by_text(i18n.t("tracer.card.response", "id").split(":")[0])
    assert response.count() == 1
    after = page.get_by_role("heading", name=i18n.t("overview.attention.header", "id"))
    _shot(page, "ringkasan-card", width, title.bounding_box(), after.bounding_box())
