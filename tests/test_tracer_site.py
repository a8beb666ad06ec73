"""The 12-month rates where the public reads them: the transparency page, the static
site and the open data, after suppression, with the warning under 60% response.

Hand-worked on the test fixture with its "tracer" extension (tests/fixtures.py,
graduates of 2024 at 13 December 2025): 7 of 11 answers working (63,64%), 11 of 15
answered (73,33%): no warning. With every answer but those of TB, TC, TE and TK
removed: 3 of 4 working (75,00%), 4 of 15 answered (26,67%): the rate carries ⚠ and
the warning. At the threshold of 5 both rest on too few people and show as ``*``.
The fixture's other reported years have no 12-month cohort: 2025 (P5 ends on 28
February 2025) and 2023: "belum tersedia". On the demo the figures equal the
registry's and the warning follows the response rate.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from tests import fixtures as fx
from tests.test_site import parse
from workforce import refresh
from workforce.core import db, i18n, metrics
from workforce.core.filters import Filters
from workforce.public import numbers as public_data
from workforce.public import open_data, site
from workforce.public import text as pv
from workforce.tracer.numbers import LOW_RESPONSE_PCT


def _fixture(drop: tuple[str, ...] = ()) -> duckdb.DuckDBPyConnection:
    conn = db.connect(":memory:")
    refresh.init_database(conn)
    fx.build(conn, extras=("tracer",))
    for person in drop:
        conn.execute("delete from pelacakan where peserta_id = ?", [fx.pid(person)])
    refresh.refresh_marts(conn)
    return conn


def _pub(drop: tuple[str, ...], limit: int) -> public_data.Publication:
    conn = _fixture(drop)
    aggregate = public_data.build(conn)
    try:
        return public_data.publication(aggregate, limit)
    finally:
        aggregate.close()
        conn.close()


class _Rows(HTMLParser):
    """The body rows of the 12-month table (section ``bertahan``), cell by cell."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.inside = self.cell = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "section":
            self.inside = dict(attrs).get("aria-labelledby") == "bertahan"
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th") and ("scope", "col") not in attrs:
            self.cell = True
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.cell = False
        elif tag == "section":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.cell:
            self.rows[-1][-1] += data


def site_rows(path: Path) -> list[list[str]]:
    """The 12-month table of a page as shown (header row left out)."""
    parser = _Rows()
    parser.feed(path.read_text(encoding="utf-8"))
    return [row for row in parser.rows if row]


def _rows(pub: public_data.Publication, lang: str) -> list[list[str]]:
    return pv.lasting_table(pub, lang).values.tolist()


def test_fixture_figures_by_hand_with_and_without_warning() -> None:
    # threshold 1: nothing rests on too few people
    plain = _pub((), 1)
    # no graduate of 2023 and none of 2025 yet
    not_yet = [[str(y), "belum tersedia", "belum tersedia", ""] for y in (2025, 2023)]
    assert _rows(plain, "id") == [
        not_yet[0],
        ["2024", "63,64%", "73,33%", ""],
        not_yet[1],
    ]
    assert pv.lasting_warning(plain, "id") == ""
    assert pv.lasting_summary(plain, "en").startswith(
        "Of the 2024 graduates who answered the tracer survey 12 months after"
        " completion, 63.64% were working"
    )
    low = _pub(fx.TRACER_LOW_RESPONSE_DROPS, 1)
    assert _rows(low, "id") == [
        not_yet[0],
        ["2024", "75,00% ⚠", "26,67%", "⚠ respons di bawah 60%"],
        not_yet[1],
    ]
    assert _rows(low, "en") == [
        ["2025", "not yet available", "not yet available", ""],
        ["2024", "75.00% ⚠", "26.67%", "⚠ response under 60%"],
        ["2023", "not yet available", "not yet available", ""],
    ]
    assert pv.lasting_warning(low, "id") == (
        "⚠ Perhatian: hanya 26,67% lulusan 2024 menjawab survei pelacakan (di bawah"
        " 60%). Angka 12 bulan bisa jauh dari keadaan sebenarnya."
    )
    flags = open_data.tables(low)["kpi_tahunan"].set_index(["tahun", "kpi_id"])
    # every 12-month figure read from the same answers carries the warning; the
    # response rate itself does not; other years and the plain release have none
    for kpi in ("retensi_12b", "upah_median_12b", "bertahan_di_perusahaan"):
        assert flags.at[(2024, kpi), "peringatan"] == open_data.LOW_RESPONSE, kpi
        assert flags.at[(2023, kpi), "peringatan"] == "", kpi
    assert flags.at[(2024, "tingkat_respons_12b"), "peringatan"] == ""
    assert set(open_data.tables(plain)["kpi_tahunan"]["peringatan"]) == {""}


def test_fixture_figures_hidden_at_the_threshold() -> None:
    hidden = _pub(fx.TRACER_LOW_RESPONSE_DROPS, 5)
    assert _rows(hidden, "id") == [
        ["2025", "belum tersedia", "belum tersedia", ""],
        ["2024", "*", "*", ""],
        ["2023", "belum tersedia", "belum tersedia", ""],
    ]
    assert pv.lasting_warning(hidden, "id") == ""  # nothing shown, nothing to warn
    assert pv.lasting_summary(hidden, "id") == i18n.t("public.lasting.none", "id")
    flags = open_data.tables(hidden)["kpi_tahunan"]
    assert (flags["peringatan"] == "").all()


def test_site_shows_the_warning_and_the_figures(tmp_path: Path) -> None:
    out = tmp_path / "site"
    site.publish(
        _pub(fx.TRACER_LOW_RESPONSE_DROPS, 1), out, "https://data.cilegon.example/"
    )
    for folder, lang in ((out, "id"), (out / "en", "en")):
        page = parse(folder / "index.html")
        text = " ".join(" ".join(page.text).split())
        assert pv.lasting_warning(_pub(fx.TRACER_LOW_RESPONSE_DROPS, 1), lang) in text
        assert i18n.t("public.h.lasting", lang) in text
        assert site_rows(folder / "index.html") == _rows(
            _pub(fx.TRACER_LOW_RESPONSE_DROPS, 1), lang
        )
        assert 'class="num">75' in (folder / "index.html").read_text()  # a figure


# ---- the demo: the registry's figures, the warning where the response is low ----------


@pytest.fixture(scope="module")
def demo_pub(demo_db: Path) -> public_data.Publication:
    return open_data.load(demo_db)


def _registry(demo_db: Path, year: int, as_of) -> tuple[float | None, float | None]:
    conn = db.connect(demo_db, read_only=True)
    try:
        f = Filters(tahun=year, as_of=as_of)
        return tuple(
            metrics.compute(conn, k, f).value
            for k in ("retensi_12b", "tingkat_respons_12b")
        )
    finally:
        conn.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_public_page_shows_the_12_month_rates(
    app_test, demo_db, demo_pub, lang
) -> None:
    at = app_test(demo_db, lang=lang, role=None).run()
    assert not at.exception, [e.value for e in at.exception]
    assert i18n.t("public.h.lasting", lang) in [h.value for h in at.header]
    assert pv.lasting_summary(demo_pub, lang) in [m.value for m in at.markdown]
    year = pv.lasting_year(demo_pub)
    twelve, response = _registry(demo_db, year, demo_pub.data_as_of)
    table = next(
        d.value
        for d in at.main.dataframe
        if i18n.t("public.col.twelve", lang) in d.value.columns
    )
    row = table[table.iloc[:, 0] == str(year)].iloc[0].tolist()
    low = response < LOW_RESPONSE_PCT
    mark = " ⚠" if low else ""
    assert row[1:3] == [
        i18n.fmt_pct(twelve, lang) + mark,
        i18n.fmt_pct(response, lang),
    ]
    warned = [w.value for w in at.warning]
    shown = pv.lasting_warning(demo_pub, lang).removeprefix("⚠").lstrip()
    assert (bool(shown) and shown in warned) == low  # the box's icon is its ⚠


def test_site_and_open_data_equal_the_page(demo_db, demo_pub, tmp_path) -> None:
    out = tmp_path / "site"
    site.publish(demo_pub, out, "https://data.cilegon.example/")
    assert site_rows(out / "index.html") == _rows(demo_pub, "id")
    assert site_rows(out / "en" / "index.html") == _rows(demo_pub, "en")
    kpi = open_data.tables(demo_pub)["kpi_tahunan"].set_index(["tahun", "kpi_id"])
    for year in demo_pub.reported_years:
        flagged = kpi.at[(year, "retensi_12b"), "peringatan"] == open_data.LOW_RESPONSE
        assert flagged == (public_data.low_response(demo_pub, year) is not None)
