"""The 12-month rates where plans are made: the planner's per-kejuruan table and the
meeting pack (PDF and XLSX), on the test fixture with its "tracer" extension
(tests/fixtures.py, every fact listed there).

Worked by hand at 13 December 2025, history years 2023 (P3's tahun) and 2024; no
graduate of 2023, so the pooled rates are those of 2024:

- Las (T1's ten graduates, P1's A B E, P3's A F = 15): answers TB TC TE TG TK TM TN
  A/P1 B/P1 E/P1 F/P3 = 11 of 15 → response 73,33%; working TB TE TG TK TM A/P1
  E/P1 = 7 of 11 → 63,64%. No warning (≥ 60%).
- Garmen (T2's TI, P2's G and C): not 425 days past completion → "belum tersedia"
  for both rates, never 0.
- The city equals Las (Garmen adds no one to either cohort).
- With every answer but those of TB, TC, TE and TK removed (``low_db``): 4 of 15
  → 26,67%, under 60%; working TB, TE, TK = 3 of 4 → 75,00%, marked ⚠ with its
  footnote, on the page, in the PDF and in the workbook.

The extension's budget lines give the projection unit costs: T1 240 juta APBN over
its 11 enrolments (TA..TN without TH, TI, TL; with TJ), T2 20 juta APBD over its one.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests import fixtures as fx
from workforce import refresh
from workforce.core import db, metrics
from workforce.core.filters import Filters
from workforce.planning import charts as planner_charts
from workforce.planning import numbers as planner_data
from workforce.planning import planner
from workforce.planning.meeting_pack import pack as meeting_pack
from workforce.planning.meeting_pack import xlsx
from workforce.planning.scenarios import Scenario


def _build(path: Path, drop: tuple[str, ...] = ()) -> Path:
    conn = db.connect(path)
    refresh.init_database(conn)
    fx.build(conn, extras=("tracer",))
    for person in drop:
        conn.execute("delete from pelacakan where peserta_id = ?", [fx.pid(person)])
    refresh.refresh_marts(conn)
    conn.close()
    return path


@pytest.fixture(scope="module")
def tracer_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("tracer") / "tracer.duckdb")


@pytest.fixture(scope="module")
def low_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tracer_low") / "tracer_low.duckdb"
    return _build(path, fx.TRACER_LOW_RESPONSE_DROPS)


def _basis(path: Path) -> planner.Basis:
    conn = db.connect(path, read_only=True)
    try:
        return planner_data.load_basis(conn, fx.TRACER_AS_OF)
    finally:
        conn.close()


def _scenario(b: planner.Basis) -> Scenario:
    seats = pd.DataFrame(
        [
            {"kejuruan": "Las", "APBN": 10, "APBD": 0, "CSR": 0},
            {"kejuruan": "Garmen", "APBN": 0, "APBD": 5, "CSR": 0},
        ]
    )
    money = {"APBN": 1e9, "APBD": 1e9, "CSR": 0.0}
    return Scenario.from_frame("Rapat 12 bulan", b.plan_year, money, seats, 2024)


def test_lasting_per_kejuruan_by_hand(tracer_db) -> None:
    b = _basis(tracer_db)
    assert b.years == [2023, 2024]
    las, city = b.lasting.loc["Las"], b.lasting.loc[planner.ALL]
    assert (las["twelve_num"], las["twelve_den"]) == (7, 11)
    assert (las["response_num"], las["response_den"]) == (11, 15)
    assert las["twelve_pct"] == pytest.approx(700 / 11)
    assert las["response_pct"] == pytest.approx(1100 / 15)
    assert city.tolist() == pytest.approx(las.tolist())
    garmen = b.lasting.loc["Garmen"]
    assert pd.isna(garmen["twelve_pct"]) and pd.isna(garmen["response_pct"])
    assert not planner.is_low_response(las)


def test_lasting_is_the_registrys_kpi_per_kejuruan(tracer_db) -> None:
    """One definition per KPI: the planner's figures are the registry's, filtered
    to each kejuruan."""
    b = _basis(tracer_db)
    conn = db.connect(tracer_db, read_only=True)
    try:
        for name in ("Las", "Garmen"):
            f = Filters(tahun=2024, dims={"kejuruan": (name,)}, as_of=fx.TRACER_AS_OF)
            twelve = metrics.compute(conn, "retensi_12b", f)
            response = metrics.compute(conn, "tingkat_respons_12b", f)
            row = b.lasting.loc[name]
            for got, want in (
                (row["twelve_pct"], twelve),
                (row["response_pct"], response),
            ):
                if want.value is None:
                    assert pd.isna(got)
                else:
                    assert got == pytest.approx(want.value)
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("lang", "twelve", "response", "not_yet"),
    [
        ("id", "63,64%", "73,33%", "belum tersedia"),
        ("en", "63.64%", "73.33%", "not yet available"),
    ],
)
def test_allocation_table_puts_12_months_beside_6(
    tracer_db, lang, twelve, response, not_yet
) -> None:
    b = _basis(tracer_db)
    proj = planner.project(_scenario(b).seats_frame(), b.rates, b.vacancies)
    table = planner_charts.allocation_table(
        proj, planner.totals(proj), lang, b.rates, b.lasting
    )
    rows = table.set_index(table.columns[0])
    cols = [planner_charts._t(f"col.{k}", lang) for k in planner_charts.ALLOCATION_KEYS]
    assert list(table.columns) == cols
    six, twelve_col, response_col = cols[4:7]  # beside the placements
    assert (rows.at["Las", twelve_col], rows.at["Las", response_col]) == (
        twelve,
        response,
    )
    assert (rows.at["Garmen", twelve_col], rows.at["Garmen", response_col]) == (
        not_yet,
        not_yet,
    )
    total = rows.index[-1]
    assert rows.at[total, twelve_col] == twelve  # the city = Las
    # the 6-month rate beside them is the rate the projection uses
    las_six = planner.rates_for(b.rates, "Las")[0]["placement_pct"]
    assert rows.at["Las", six] == planner_charts._rate_or_not_yet(las_six, lang)
    names = ["Las", "Garmen", planner.ALL]
    assert planner_charts.lasting_footnote(b.lasting, names, lang) == ""


def test_low_response_is_marked_with_its_footnote(low_db) -> None:
    b = _basis(low_db)
    las = b.lasting.loc["Las"]
    assert (las["twelve_num"], las["twelve_den"]) == (3, 4)  # TB TE TK of TB TC TE TK
    assert (las["response_num"], las["response_den"]) == (4, 15)
    assert planner.is_low_response(las)
    proj = planner.project(_scenario(b).seats_frame(), b.rates, b.vacancies)
    table = planner_charts.allocation_table(
        proj, planner.totals(proj), "id", b.rates, b.lasting
    )
    rows = table.set_index(table.columns[0])
    assert rows.at["Las", "Bekerja 12 bln"] == "75,00% ⚠"
    assert rows.at["Las", "Respons pelacakan"] == "26,67%"
    note = planner_charts.lasting_footnote(b.lasting, ["Las", planner.ALL], "id")
    assert note == (
        "⚠ Tingkat respons pelacakan di bawah 60%: angka bekerja 12 bulan untuk Las,"
        " Seluruh kota bisa jauh dari keadaan sebenarnya."
    )


# ---- the meeting pack ----------------------------------------------------------------


def _pack(path: Path, lang: str) -> meeting_pack.Pack:
    b = _basis(path)
    conn = db.connect(path, read_only=True)
    try:
        return meeting_pack.build(conn, b, _scenario(b), lang)
    finally:
        conn.close()


def _text(pdf: bytes, page: int | None = None) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    chosen = pages if page is None else [pages[page]]
    return " ".join(" ".join(p.extract_text().split()) for p in chosen)


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        (
            "id",
            "Bekerja 12 bulan setelah lulus (lulusan 2023–2024, seluruh kota): 63,64%"
            " dari yang menjawab survei pelacakan; tingkat respons 73,33% (11 dari 15"
            " lulusan).",
        ),
        (
            "en",
            "Employed 12 months after completion (graduates of 2023–2024, whole city):"
            " 63.64% of those who answered the tracer survey; response rate 73.33% (11"
            " of 15 graduates).",
        ),
    ],
)
def test_pack_carries_the_12_month_rates(tracer_db, lang, summary) -> None:
    made = _pack(tracer_db, lang)
    assert summary in _text(made.pdf, 0)
    text = _text(made.pdf)
    not_yet = "belum tersedia" if lang == "id" else "not yet available"
    sep = "," if lang == "id" else "."
    assert f"63{sep}64% 73{sep}33%" in text  # Las: 12 months, then its response
    assert f"{not_yet} {not_yet}" in text  # Garmen
    assert "⚠" not in text
    wb = load_workbook(io.BytesIO(made.xlsx))
    sheet = wb[planner_charts._t("xlsx.scenario_sheet", lang)]
    rows = list(sheet.values)
    header = rows[0]
    by_name = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:3]}
    twelve = planner_charts._t("xcol.twelve_pct", lang)
    response = planner_charts._t("xcol.response_pct", lang)
    assert by_name["Las"][twelve] == pytest.approx(700 / 11)
    assert by_name["Las"][response] == pytest.approx(1100 / 15)
    assert by_name["Garmen"][twelve] == not_yet
    col = header.index(twelve) + 1
    assert sheet.cell(row=2, column=col).number_format == xlsx.FORMATS["pct"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pack_marks_a_low_response_with_a_footnote(low_db, lang) -> None:
    made = _pack(low_db, lang)
    first = _text(made.pdf, 0)
    if lang == "id":
        assert "tingkat respons 26,67% (4 dari 15 lulusan)" in first
        assert "Perhatian: hanya 26,67% lulusan menjawab survei pelacakan" in first
    else:
        assert "response rate 26.67% (4 of 15 graduates)" in first
        assert "Caution: only 26.67% of graduates answered the tracer survey" in first
    text = _text(made.pdf)
    assert ("75,00% ⚠ 26,67%" if lang == "id" else "75.00% ⚠ 26.67%") in text
    footnote = planner_charts.lasting_footnote(
        _basis(low_db).lasting, ["Las", "Garmen", planner.ALL], lang
    )
    assert footnote and " ".join(footnote.split()) in text
    wb = load_workbook(io.BytesIO(made.xlsx))
    for key in ("xlsx.scenario_sheet", "xlsx.rates"):
        sheet = wb[planner_charts._t(key, lang)]
        header = [c.value for c in sheet[1]]
        col = header.index(planner_charts._t("xcol.twelve_pct", lang)) + 1
        las = next(
            row
            for row in range(2, sheet.max_row + 1)
            if sheet.cell(row, 1).value == "Las"
        )
        cell = sheet.cell(row=las, column=col)
        assert (
            cell.value == pytest.approx(75.0) and cell.number_format == xlsx.LOW_FORMAT
        )
        notes = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
        assert planner_charts._t("xlsx.footnote", lang) in notes


@pytest.mark.parametrize("lang", ["id", "en"])
def test_scorecard_marks_a_low_response_everywhere_it_is_shown(low_db, lang) -> None:
    """BBPVP Serang's 2024 cohort: 3 of the 4 answers working (75,0%), 4 of 15
    answered (26,67%): its 12-month rate and the total's carry ⚠ with the sentence
    naming both, in the page's table, in the PDF and in the workbook; BLK Kota
    Cilegon has no 12-month rate and no mark. In the full study (11 of 15, 73,33%)
    nothing is marked."""
    from workforce.compare import numbers as cn
    from workforce.compare import tables as tb
    from workforce.compare import text as ct

    conn = db.connect(low_db, read_only=True)
    try:
        card = cn.scorecard(conn, Filters(tahun=2024, as_of=fx.TRACER_AS_OF))
    finally:
        conn.close()
    rows = card.set_index("penyelenggara")
    assert rows.at["BBPVP Serang", "retensi_12b_pct"] == pytest.approx(75.0)
    assert rows.at["BBPVP Serang", "tingkat_respons_12b_pct"] == pytest.approx(400 / 15)
    assert [cn.low_response(r) for r in card.to_dict("records")] == [
        True,
        False,
        True,
    ]
    twelve = ct.tr("score.col.retensi_12b", lang)
    table = tb.scorecard_table(card, lang)
    # 3 of 4 (Wilson 95%): 30,06% … 95,44%
    shown = "75,0% (30,1–95,4%) ⚠" if lang == "id" else "75.0% (30.1–95.4%) ⚠"
    assert table[twelve].tolist() == [shown, "t.a." if lang == "id" else "n/a", shown]
    total = ct.tr("score.total", lang)
    assert ct.low_names(card, lang) == ["BBPVP Serang", total]
    warning = ct.tr("score.low", lang, names=f"BBPVP Serang, {total}")
    assert ct.scorecard_sentence(card, lang).endswith(" " + warning)
    made = _pack(low_db, lang)
    text = _text(made.pdf)
    assert " ".join(warning.split()) in text
    assert shown in text
    wb = load_workbook(io.BytesIO(made.xlsx))
    sheet = wb[ct.tr("pack.sheet", lang, tahun=2024)]
    header = [c.value for c in sheet[1]]
    col = header.index(
        ct.tr("pack.col.pct", lang, rate=ct.rate_name("retensi_12b", lang))
    ) + 1  # fmt: skip
    formats = [sheet.cell(r, col).number_format for r in (2, 3, 4)]
    assert formats == [
        xlsx.LOW_SCORE_FORMAT,
        xlsx.FORMATS["num"],
        xlsx.LOW_SCORE_FORMAT,
    ]
    assert sheet.cell(6, 1).value == warning


def test_scorecard_marks_nothing_when_most_answered(tracer_db) -> None:
    from workforce.compare import numbers as cn
    from workforce.compare import text as ct

    conn = db.connect(tracer_db, read_only=True)
    try:
        card = cn.scorecard(conn, Filters(tahun=2024, as_of=fx.TRACER_AS_OF))
    finally:
        conn.close()
    total = card.set_index("penyelenggara").loc[cn.TOTAL]
    assert total["tingkat_respons_12b_pct"] == pytest.approx(1100 / 15)
    assert not any(cn.low_response(r) for r in card.to_dict("records"))
    assert "⚠" not in ct.scorecard_sentence(card, "id")


# ---- the page ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_planner_page_shows_the_columns_and_the_warning(
    app_test, low_db, lang, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("WORKFORCE_SCENARIOS_DIR", str(tmp_path))
    at = app_test(low_db, lang=lang)
    at.switch_page("pages/perencanaan.py").run()
    assert not at.exception, [e.message for e in at.exception]
    twelve = planner_charts._t("col.twelve_12b", lang)
    table = next(d.value for d in at.dataframe if twelve in d.value.columns)
    rows = table.set_index(table.columns[0])
    response = planner_charts._t("col.response_12b", lang)
    assert rows.at["Las", twelve] == ("75,00% ⚠" if lang == "id" else "75.00% ⚠")
    assert rows.at["Las", response] == ("26,67%" if lang == "id" else "26.67%")
    not_yet = "belum tersedia" if lang == "id" else "not yet available"
    assert rows.at["Garmen", twelve] == not_yet
    warned = " ".join(w.value for w in at.warning)
    assert (
        "Tingkat respons pelacakan di bawah 60%" if lang == "id" else "under 60%"
    ) in (warned)
    assert "Las" in warned
    assert not any(w.value.startswith("⚠") for w in at.warning)  # one ⚠: the icon
