"""Every page, in both languages, checked by axe-core (WCAG 2.1 A and AA) in
Debian's Chromium, with the document's language and its heading outline.

axe-core runs inside the page as a screen-reader audit would (axe-playwright-python
injects it); the page is the real app on the demo database, signed in as the demo
admin where a page needs a role.
"""

from __future__ import annotations

import pytest

from tests.conftest import ARTIFACTS, wait_for_app
from workforce.core import i18n
from workforce.core.navigation import PAGES, PageSpec

pytestmark = pytest.mark.browser

WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
}
OUTLINE_JS = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3,'
    + ' [data-testid="stMain"] h4')].map(h => Number(h.tagName[1]))"""


def _open(page, base: str, spec: PageSpec, lang: str) -> None:
    page.goto(f"{base}/{spec.url_path}?lang={lang}")
    wait_for_app(page)
    button = page.locator('[data-testid="stMain"]').get_by_role(
        "button", name=i18n.t("auth.demo_enter", lang)
    )
    if button.count():
        button.first.click()
        wait_for_app(page)
    # no element left faded from the run before (Streamlit fades stale elements
    # and fades them back in: axe would measure the fading colour)
    page.wait_for_function(
        "() => !document.querySelector('[data-stale=\"true\"]')", timeout=30_000
    )
    page.wait_for_timeout(1500)  # the fade-in and the charts


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path)
def test_every_page_passes_axe_in_both_languages(
    page, live_server: str, spec: PageSpec, lang: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, live_server, spec, lang)
    assert page.evaluate("document.documentElement.lang") == lang
    levels = page.evaluate(OUTLINE_JS)
    assert levels and levels[0] == 1, levels
    jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not jumps, f"headings jump on {spec.url_path}: {levels}"
    results = Axe().run(page, options=WCAG)
    if results.violations_count:
        report = ARTIFACTS / "axe" / f"{spec.url_path}-{lang}.txt"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(results.generate_report())
    assert results.violations_count == 0, results.generate_report()


def test_switching_language_relabels_the_period_box(page, live_server: str) -> None:
    """The period box follows a language switch mid-session (no "Setahun penuh"
    left in the English interface), and so does <html lang>."""
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, live_server, PAGES[0], "id")
    box = page.locator(".st-key-f_kuartal")
    box.scroll_into_view_if_needed()  # the sidebar draws its widgets when seen
    page.wait_for_timeout(300)
    assert box.locator("input").input_value() == "Setahun penuh"
    page.locator('[data-testid="stSidebar"]').get_by_text("English").first.click()
    wait_for_app(page)
    box.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    assert box.locator("input").input_value() == "Full year"
    assert page.evaluate("document.documentElement.lang") == "en"


def test_the_upload_box_speaks_indonesian(page, live_server: str) -> None:
    """Streamlit's upload box says "Upload" and "200MB per file" in English; on
    Kelola Data it reads in the interface language, with the server's limit."""
    spec = next(s for s in PAGES if s.url_path == "kelola_data")
    _open(page, live_server, spec, "id")
    zone = page.locator('[data-testid="stFileUploaderDropzone"]').first
    zone.scroll_into_view_if_needed()
    words = zone.evaluate(
        """z => [z.querySelector('button p'),
                 z.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span')]
            .map(e => getComputedStyle(e, '::after').content)"""
    )
    assert words[0] == '"Pilih berkas"'
    assert words[1].startswith('"Paling besar ') and "MB per berkas" in words[1]
