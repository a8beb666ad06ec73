"""Real browser: a trial import on the demo never takes the site offline.

A Disnaker clerk on the demo server opens Kelola Data as the demo admin, ticks
"Tetap impor ke basis data demo (uji coba)" and imports a file. Afterwards a
visitor with a fresh browser opens the transparency page and the demo admin the
overview: both work, in demo mode, and the banner says a trial import is in.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import ingest_files as f
from tests.conftest import ARTIFACTS, enter_demo_admin, serve, wait_for_app
from workforce.core import i18n

pytestmark = pytest.mark.browser

REFUSED = "Mode demo menolak berjalan"


@pytest.fixture(scope="module")
def trial_server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    path = tmp_path_factory.mktemp("trial") / "demo.duckdb"
    shutil.copyfile(demo_db, path)
    env = {"WORKFORCE_DEMO": "", "WORKFORCE_PSEUDONYM_KEY": ""}
    with serve(path, "trial-server.log", env=env) as url:
        yield url


def test_trial_import_keeps_every_page_open(browser, trial_server, tmp_path) -> None:
    shots = ARTIFACTS / "trial"
    shots.mkdir(parents=True, exist_ok=True)
    csv = tmp_path / "perusahaan.csv"
    csv.write_text(f.PERUSAHAAN_CLEAN)
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.goto(f"{trial_server}/kelola_data")
    wait_for_app(page)
    enter_demo_admin(page)  # the same session goes on to Kelola Data
    page.get_by_text(i18n.t("kelola.force", "id")).click()
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        str(csv)
    )
    wait_for_app(page)
    page.get_by_role("button", name=i18n.t("kelola.confirm", "id")).click()
    wait_for_app(page)
    page.screenshot(path=shots / "after-import.png", full_page=True)
    assert page.get_by_text(REFUSED).count() == 0
    assert page.locator('[data-testid="stAlertContentSuccess"]').count() >= 1
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name=i18n.t("nav.ringkasan", "id")).click()
    wait_for_app(page)
    assert page.get_by_text(REFUSED).count() == 0
    heading = i18n.t("nav.ringkasan", "id")
    assert page.get_by_role("heading", name=heading).count() >= 1
    context.close()

    public = browser.new_context(viewport={"width": 390, "height": 900})
    visitor = public.new_page()
    visitor.goto(f"{trial_server}/transparansi")
    wait_for_app(visitor)
    visitor.screenshot(path=shots / "public-after-trial.png")
    assert visitor.get_by_text(REFUSED).count() == 0
    title = i18n.t("public.title", "id")
    assert visitor.get_by_role("heading", name=title).count() == 1
    assert visitor.get_by_text("Berisi impor uji coba").count() == 1
    public.close()
