"""Real browser on the planner: edit a seat count, see the projection move; make the pack.

Marker ``browser``; uses the shared ``live_server`` (demo database) and
pytest-playwright's ``page`` (Debian's /usr/bin/chromium, see conftest). The seats
table is a canvas grid (glide-data-grid): a double-click on a cell opens its
editor, typing and Enter commit the value. Screenshots land in
test-artifacts/screens/planner-*.png.
"""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.conftest import ARTIFACTS, enter_demo_admin, wait_for_app
from workforce.core import i18n

pytestmark = pytest.mark.browser

SCREENS = ARTIFACTS / "screens"
ROW_HEIGHT = 35  # glide-data-grid default row (and header) height in Streamlit


def _open_planner(page, live_server: str, width: int = 1280) -> None:
    """Open the app at its root, enter as demo admin, follow the menu to the planner.

    (A deep link to /perencanaan on a fresh session is served by Streamlit's
    pages/ directory without the frame in 1.67; the menu goes through the frame.)
    """
    page.set_viewport_size({"width": width, "height": 1400})
    page.goto(live_server)
    wait_for_app(page)
    if page.get_by_role("button", name=i18n.t("auth.demo_enter", "id")).count():
        enter_demo_admin(page)
    title = i18n.t("nav.perencanaan", "id")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(
        page.get_by_text("Data contoh (demo).")
    ).to_be_visible()  # the frame's banner


def _edit_last_column(page, row: int, value: str) -> None:
    """Double-click the last column of data row ``row`` (0-based), type, commit."""
    wait_for_app(page)
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    x = box["x"] + box["width"] - 40
    y = box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2
    page.mouse.dblclick(x, y)
    editor = page.locator(".gdg-input")  # the grid's overlay cell editor
    editor.wait_for(state="visible", timeout=15_000)
    editor.fill(value)
    page.keyboard.press("Enter")
    wait_for_app(page)


def _whole(text: str) -> int:
    """``1.278`` (Indonesian thousands separator) → 1278."""
    return int(text.replace(".", ""))


def test_changing_a_seat_count_moves_the_projection(page, live_server: str) -> None:
    _open_planner(page, live_server)
    values = page.get_by_test_id("stMetricValue")
    seats, graduates = values.nth(0), values.nth(1)
    seats_before, grads_before = seats.inner_text(), graduates.inner_text()
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / "planner-before.png", full_page=True)
    # the first kejuruan's CSR seats become 500, then 100: the total moves by 400
    _edit_last_column(page, 0, "500")
    expect(seats).not_to_have_text(seats_before, timeout=30_000)
    at_500 = seats.inner_text()
    assert graduates.inner_text() != grads_before
    page.screenshot(path=SCREENS / "planner-after-edit.png", full_page=True)
    _edit_last_column(page, 0, "100")
    expect(seats).not_to_have_text(at_500, timeout=30_000)
    assert _whole(at_500) - _whole(seats.inner_text()) == 400
    assert not page.get_by_test_id("stException").count()
    page.set_viewport_size({"width": 390, "height": 844})
    wait_for_app(page)
    page.screenshot(path=SCREENS / "planner-phone.png", full_page=True)


def test_one_click_meeting_pack_downloads_a_pdf(page, live_server: str) -> None:
    _open_planner(page, live_server)
    page.get_by_role("tab", name="Bahan rapat").click()
    page.get_by_role("button", name="Buat bahan rapat").click()
    download_pdf = page.get_by_role("button", name="Unduh PDF")
    expect(download_pdf).to_be_visible(timeout=60_000)
    expect(page.get_by_role("button", name="Unduh XLSX")).to_be_visible()
    with page.expect_download() as info:
        download_pdf.click()
    data = info.value.path().read_bytes()
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Bahan Rapat Perencanaan Pelatihan Vokasi" in " ".join(text.split())
    page.screenshot(path=SCREENS / "planner-pack.png", full_page=True)
