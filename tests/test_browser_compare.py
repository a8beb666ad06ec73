"""Real browser: the funnel plot of Hasil Pelatihan renders in Chromium with one dot
per unit of n ≥ 5, its limit lines and legend; the scorecard table shows. Screenshots
of both at 1440 and 390 px land in test-artifacts/compare/.

Marker ``browser``; the shared ``live_server`` (demo database) and pytest-playwright's
``page`` on Debian's /usr/bin/chromium (see conftest).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import ARTIFACTS, enter_demo_admin, wait_for_app
from workforce.compare import numbers as cn
from workforce.compare import text as ct
from workforce.core import db, i18n
from workforce.core.filters import Filters

pytestmark = pytest.mark.browser

SCREENS = ARTIFACTS / "compare"
FUNNEL = ".st-key-chart_pelatihan_corong_unit"
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


def _expected(demo_db, unit: str) -> cn.Funnel:
    conn = db.connect(demo_db, read_only=True)
    try:
        as_of = date.fromisoformat(db.get_info(conn)["data_as_of"])
        filters = Filters(tahun=2023, as_of=as_of)
        return cn.funnel(conn, "tingkat_kelulusan", unit, filters)
    finally:
        conn.close()


def _open(page, base: str) -> None:
    page.set_viewport_size({"width": 1440, "height": 1000})
    page.goto(f"{base}/?tahun=2023")
    wait_for_app(page)
    page.goto(f"{base}/pelatihan?tahun=2023")
    wait_for_app(page)
    if page.get_by_role("button", name=i18n.t("auth.demo_enter", "id")).count():
        enter_demo_admin(page)


def _shoot(page, selector: str, name: str) -> None:
    block = page.locator(selector).first
    block.scroll_into_view_if_needed()
    wait_for_app(page)
    SCREENS.mkdir(parents=True, exist_ok=True)
    block.screenshot(path=SCREENS / f"{name}.png")


def test_funnel_plot_renders_in_chromium(page, live_server: str, demo_db) -> None:
    expected = _expected(demo_db, "penyelenggara")
    _open(page, live_server)
    assert not page.locator(ERRORS).all_inner_texts()
    chart = page.locator(FUNNEL)
    chart.locator(".js-plotly-plot").wait_for(timeout=30_000)
    # one marker per unit with n ≥ 5; none for the units with fewer cases
    points = chart.locator(".scatterlayer path.point")
    assert points.count() == len(expected.plotted) > 0
    legend = chart.locator(".legend").text_content() or ""
    assert i18n.t("compare.trace.limit998", "id") in legend
    assert i18n.t("compare.trace.limit95", "id") in legend
    # the p0 line, two 95% and two 99.8% limit curves
    assert chart.locator(".scatterlayer .trace .js-line").count() >= 5
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert ct.tr("score_title", "id") in main
    scorecard = '[data-testid="stExpander"]:has(.st-key-dl_kartu_skor)'
    assert page.locator(scorecard).locator('[data-testid="stDataFrame"]').count() == 1
    # by kejuruan: the units beyond the 99.8% limits carry their names on the plot
    # and in the sentence
    expected = _expected(demo_db, "kejuruan")
    page.locator(".st-key-compare_unit button").filter(has_text="Kejuruan").click()
    wait_for_app(page)
    chart.locator(".js-plotly-plot").wait_for()
    assert chart.locator(".scatterlayer path.point").count() == len(expected.plotted)
    labels = chart.locator(".scatterlayer .textpoint").all_text_contents()
    assert sorted(labels) == sorted(expected.outside()["unit"])
    main = page.locator('[data-testid="stMain"]').inner_text()
    for unit in expected.outside()["unit"]:
        assert f"{unit} (" in main and "melampaui batas kebetulan" in main
    _shoot(page, FUNNEL, "funnel-1440")
    _shoot(page, scorecard, "scorecard-1440")
    page.set_viewport_size({"width": 390, "height": 900})
    wait_for_app(page)
    chart.locator(".js-plotly-plot").wait_for()
    assert chart.locator(".scatterlayer path.point").count() == len(expected.plotted)
    _shoot(page, FUNNEL, "funnel-390")
    _shoot(page, scorecard, "scorecard-390")
