"""The 12-month figures on the pages: hand-worked step from 6 to 12 months on the
test fixture's "tracer" extension (tests/fixtures.py), the low-response warning, and both pages rendered under AppTest on
the demo database in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from tests import fixtures as fx
from workforce import refresh
from workforce.core import db, i18n, metrics
from workforce.core.filters import Filters
from workforce.tracer import numbers as tn
from workforce.tracer import text as tt


@pytest.fixture(scope="module")
def conn():
    connection = db.connect(":memory:")
    refresh.init_database(connection)
    fx.build(connection, extras=("tracer",))
    yield connection
    connection.close()


def test_six_to_twelve_by_hand(conn):
    step = tn.six_to_twelve(conn, Filters(tahun=2024, as_of=fx.TRACER_AS_OF))
    # cohort: 10 T1 graduates + A/P1 B/P1 E/P1 A/P3 F/P3 = 15; answers TB TC TE TG
    # TK TM TN A/P1 B/P1 E/P1 F/P3 = 11. Placed within 6 months and answered: TB, TC
    # (magang at -20), TE, TG, TK, A/P1 (kerja at -15), E/P1 (wirausaha at 61) = 7;
    # TC no longer works. Not placed: TM found work; TN, B/P1 (studi_lanjut; placed
    # at day 214) and F/P3 (magang 50 days too early) did not = 4.
    assert step == tn.SixToTwelve(
        cohort=15,
        answered=11,
        still_working=6,
        stopped=1,
        found_later=1,
        not_working=3,
    )
    frame = tn.six_to_twelve_frame(step)
    # 6 of 7, 1 of 7; 1 of 4, 3 of 4
    assert list(frame["pct"]) == pytest.approx([600 / 7, 100 / 7, 25.0, 75.0])
    sentence = tt.six_to_twelve_sentence(step, "id")
    assert "Dari 7 yang ditempatkan dalam 6 bulan, 6 (85,71%)" in sentence
    assert "1 (25,00%) mendapat kerja setelah 6 bulan" in sentence


def test_lasting_rates_and_warning_threshold(conn):
    data = tn.lasting(conn, Filters(tahun=2024, as_of=fx.TRACER_AS_OF))
    assert data.twelve.value == pytest.approx(700 / 11)  # 7 of 11 answers
    assert data.response.value == pytest.approx(1100 / 15)  # 73,3%: no warning
    assert not data.warn
    low_response = metrics.Result(data.response.metric, 59.9, 599, 1000)
    low = tn.Lasting(data.six, data.twelve, low_response)
    assert low.warn
    assert "59,90%" in tt.low_response_warning(59.9, "id")
    assert "under 60%" in tt.low_response_warning(59.9, "en")


def test_immature_selection_says_so(conn):
    step = tn.six_to_twelve(conn, Filters(tahun=2024, as_of=date(2025, 1, 1)))
    assert step.answered == 0
    assert tt.six_to_twelve_sentence(step, "en") == i18n.t("tracer.step.none", "en")


def _run(at, page: str | None = None):
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _expected(demo_db, year: int) -> tuple[tn.Lasting, tn.SixToTwelve]:
    conn = db.connect(demo_db, read_only=True)
    try:
        as_of = date.fromisoformat(db.get_info(conn)["data_as_of"])
        filters = Filters(tahun=year, as_of=as_of)
        return tn.lasting(conn, filters), tn.six_to_twelve(conn, filters)
    finally:
        conn.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_penempatan_shows_six_to_twelve_with_its_sentence(app_test, demo_db, lang):
    _, step = _expected(demo_db, 2023)
    at = _run(app_test(demo_db, lang=lang, tahun="2023"), "pages/penempatan.py")
    assert tt.tr("step.title", lang) in [s.value for s in at.subheader]
    assert tt.six_to_twelve_sentence(step, lang) in [c.value for c in at.caption]
    warned = [w.value for w in at.warning]
    assert (tt.low_response_warning(step.response_pct, lang) in warned) == (
        step.response_pct < tn.LOW_RESPONSE_PCT
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_ringkasan_card_puts_12_months_beside_6_with_the_response(
    app_test, demo_db, lang
):
    data, _ = _expected(demo_db, 2023)
    at = _run(app_test(demo_db, lang=lang, tahun="2023"))
    metrics_shown = {m.label: m.value for m in at.metric}
    twelve = data.twelve.metric
    assert metrics_shown[twelve.short_name(lang)] == tt.pct(data.twelve.value, lang)
    assert tt.pct(data.six.value, lang) in metrics_shown.values()
    captions = "\n".join(c.value for c in at.caption)
    assert tt.pct(data.response.value, lang) in captions
    assert tt.lasting_sentence(data, lang) in captions
    warned = [w.value for w in at.warning]
    assert (tt.low_response_warning(data.response.value, lang) in warned) == data.warn
