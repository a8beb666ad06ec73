"""The static public site: same figures as the registry, nothing small, links whole.

Generated once per module from the demo database (3000 participants) into a temporary
folder; the HTML is parsed with the standard library's ``html.parser``. The browser
tests (axe-core, JavaScript off, phone width) serve the folder with ``http.server``.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from workforce import refresh
from workforce.core import db, i18n, metrics
from workforce.public import open_data, release, site
from workforce.public import text as pv
from workforce.public.site import build

# ---- reading the HTML ---------------------------------------------------------------------


class Page(HTMLParser):
    """The parts of a page the tests read: links, card values, table cells, text."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.cards: dict[str, str] = {}
        self.cells: list[str] = []
        self.text: list[str] = []
        self.lang = ""
        self._in: str | None = None
        self._name = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang", "")
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key])
        cls = a.get("class", "")
        if cls in ("card-name", "card-value") or tag in ("td", "th"):
            self._in = cls if cls in ("card-name", "card-value") else "cell"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "td", "th"):
            self._in = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in == "card-name":
            self._name = data.strip()
        elif self._in == "card-value":
            self.cards[self._name] = data.strip()
        elif self._in == "cell":
            self.cells.append(data.strip())


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


# ---- the site of the demo database ---------------------------------------------------------


@pytest.fixture(scope="module")
def published(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    site.publish_db(demo_db, out, "https://data.cilegon.example/")
    return out


@pytest.fixture(scope="module")
def pub(demo_db: Path):
    return open_data.load(demo_db)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_cards_equal_the_registry_after_suppression(published, pub, demo_db, lang):
    year = pub.reported_years[-1]
    folder = published if lang == "id" else published / "en"
    shown = parse(folder / "index.html").cards
    conn = db.connect(demo_db, read_only=True)
    try:
        values = metrics.kpis_for_year(conn, year, pub.data_as_of)
    finally:
        conn.close()
    hidden = pub.kpi[pub.kpi["tahun"] == year].set_index("kpi_id")["status"]
    for kpi_id in pv.CARD_KPIS:
        m = metrics.get(kpi_id)
        value = values[kpi_id]
        value = value["total"] if isinstance(value, dict) else value
        expected = i18n.fmt_value(value, m.unit, lang)
        if hidden.get(kpi_id):
            expected = {"kecil": "< 5"}.get(hidden[kpi_id], "*")
        assert shown[m.name(lang)] == expected, kpi_id


def test_no_count_of_one_to_four_anywhere(published) -> None:
    for page in published.rglob("*.html"):
        for cell in parse(page).cells:
            if re.fullmatch(r"\d[\d.,]*", cell):
                number = int(re.sub(r"[.,]", "", cell))
                assert number == 0 or number >= 5, f"{page.name}: {cell}"
    with open(published / "data" / "hasil_program.csv", encoding="utf-8") as fh:
        counts = [row["jumlah"] for row in csv.DictReader(fh)]
    assert not [c for c in counts if c and 1 <= int(c) <= 4]


def test_every_internal_link_resolves(published) -> None:
    for page in published.rglob("*.html"):
        for link in parse(page).links:
            if link.startswith(("http://", "https://", "#", "mailto:")):
                continue
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.exists(), f"{page.relative_to(published)} → {link}"


def test_pages_in_both_languages_with_hreflang(published, pub) -> None:
    for year in pub.reported_years:
        assert (published / f"tahun-{year}.html").exists()
        assert (published / "en" / f"tahun-{year}.html").exists()
    index = (published / "index.html").read_text()
    assert parse(published / "index.html").lang == "id"
    assert parse(published / "en" / "index.html").lang == "en"
    assert 'hreflang="en" href="https://data.cilegon.example/en/index.html"' in index
    assert '<meta property="og:title"' in index
    sitemap = (published / "sitemap.xml").read_text()
    assert "<loc>https://data.cilegon.example/en/metodologi.html</loc>" in sitemap
    data = (published / "data.html").read_text()
    assert data.count('"@type": "Dataset"') == len(open_data.RESOURCES)
    assert (published / "plotly.min.js").stat().st_size > 1_000_000
    assert "cdn" not in index.lower()


def test_demo_data_is_labelled_on_every_page(published) -> None:
    for page in published.rglob("*.html"):
        text = page.read_text()
        assert 'class="demo"' in text, page.name


def test_year_pages_say_why_graduates_can_outnumber_participants(published, pub):
    """Each breakdown of a year page carries the counting note, and every page is
    dated the reader's way (``4 Desember 2026 pukul 11.16 UTC``)."""
    year = pub.reported_years[-1]
    for lang, folder in (("id", published), ("en", published / "en")):
        text = " ".join(parse(folder / f"tahun-{year}.html").text)
        assert text.count(i18n.t("public.outcomes.cohorts", lang)) == 3  # 3 splits
        stamp = re.search(r"(\d{1,2} \w+ \d{4}),? (pukul )?\d{2}[.:]\d{2} UTC", text)
        assert stamp, text[-300:]


def test_the_methodology_holds_every_definition(published, pub) -> None:
    text = " ".join(parse(published / "en" / "metodologi.html").text)
    for m in metrics.REGISTRY:
        assert m.definition("en").split(":")[0][:40] in text, m.id
    assert i18n.fmt_date(pub.data_as_of, "en") in text


# ---- bad input and the swap ----------------------------------------------------------------


def test_an_empty_database_says_nothing_is_published(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)
        release.publish(conn, "Rilis 1", "test")  # as `init` does
    site.publish_db(path, tmp_path / "site", "/")
    text = " ".join(parse(tmp_path / "site" / "index.html").text)
    assert i18n.t("site.no_data", "id") in text
    assert not list((tmp_path / "site").glob("tahun-*.html"))


def test_a_year_with_every_cell_hidden_says_so(pub) -> None:
    tiny = pub.outcomes.assign(status="kecil", jumlah=None)
    hidden = dataclasses.replace(pub, outcomes=tiny)
    assert site.render.all_hidden(hidden, pub.reported_years[-1])
    ctx = site.render.Context(hidden, "id", "/", "now")
    html = site.render.year_page(ctx, pub.reported_years[-1])
    assert "disamarkan untuk melindungi data pribadi" in html


def test_a_folder_not_made_by_the_command_is_refused(pub, tmp_path: Path) -> None:
    mine = tmp_path / "laporan"
    mine.mkdir()
    (mine / "surat.docx").write_text("a letter")
    with pytest.raises(site.SiteError):
        site.publish(pub, mine, "/")
    assert (mine / "surat.docx").read_text() == "a letter"


def test_a_failed_generation_leaves_the_old_site(pub, tmp_path, monkeypatch) -> None:
    out = tmp_path / "site"
    site.publish(pub, out, "/")
    before = (out / "index.html").read_text()

    def broken(*args: object) -> int:
        (args[1] / "index.html").write_text("half")
        raise OSError("disk full")

    monkeypatch.setattr(build, "generate", broken)
    with pytest.raises(OSError):
        site.publish(pub, out, "/")
    assert (out / "index.html").read_text() == before
    assert len(list(out.parent.glob(".site.versions/*"))) == 1  # the half one is gone


def test_a_new_generation_swaps_the_link(pub, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = site.publish(pub, out, "/")
    target = out.resolve()
    site.publish(pub, out, "/")
    assert out.is_symlink() and out.resolve() != target and not target.exists()
    assert first.pages == 2 * (3 + len(pub.reported_years))


# ---- in a real browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(published: Path) -> Iterator[str]:
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(published.resolve())
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


PAGES = ["index.html", "tahun-{year}.html", "metodologi.html"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_aa_violation(browser, served, pub, lang, name) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    folder = "" if lang == "id" else "en/"
    page.goto(served + folder + name.format(year=pub.reported_years[-1]))
    page.wait_for_timeout(1500)  # the charts
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}
    results = Axe().run(page, options=options)
    page.close()
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.browser
def test_the_index_reads_with_javascript_off(browser, served) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "index.html")
    values = page.locator(".card-value").all_inner_texts()
    assert len(values) == len(pv.CARD_KPIS) and all(values)
    assert page.locator("table").count() >= 1
    context.close()


@pytest.mark.browser
def test_no_sideways_scroll_at_phone_width(browser, served, pub) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for name in ("index.html", f"tahun-{pub.reported_years[-1]}.html"):
        page.goto(served + name)
        page.wait_for_timeout(1500)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    # a wide table scrolled sideways keeps its first column (the year) in view
    wrap = page.locator(".table-wrap").first
    wrap.evaluate("e => { e.scrollLeft = 300; }")
    page.wait_for_timeout(200)
    left = wrap.bounding_box()["x"]
    first = wrap.locator("tbody th").first.bounding_box()["x"]
    assert wrap.evaluate("e => e.scrollLeft") > 0
    assert abs(first - left) < 2
    page.screenshot(path=str(Path("test-artifacts") / "site-phone.png"), full_page=True)
    context.close()


def test_generation_from_the_command_line(demo_db: Path, tmp_path: Path) -> None:
    from workforce import cli

    out = tmp_path / "situs"
    assert cli.main(["publish-site", "--db", str(demo_db), "--out", str(out)]) == 0
    assert (out / "index.html").exists()
    # the folder that holds it is not a site: refused, left as it was
    assert cli.main(["publish-site", "--db", str(demo_db), "--out", str(tmp_path)]) == 2
    assert out.is_symlink() and (out / "index.html").exists()
