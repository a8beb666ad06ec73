"""The provider scorecard in the meeting pack: the same frame as the page's, one
sheet of the workbook and one section of the PDF, in both languages."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.fixtures import AS_OF
from workforce.compare import numbers as cn
from workforce.compare import text as ct
from workforce.core import db
from workforce.core.filters import Filters


@pytest.mark.parametrize("lang", ["id", "en"])
def test_meeting_pack_has_the_scorecard(fixture_db, lang):
    from workforce.planning import numbers as planner_data
    from workforce.planning.meeting_pack import content, pdf, xlsx
    from workforce.planning.scenarios import Scenario

    conn = db.connect(fixture_db, read_only=True)
    try:
        basis = planner_data.load_basis(conn, AS_OF)
        seats = pd.DataFrame(
            [{"kejuruan": "Pengelasan", "APBN": 1, "APBD": 0, "CSR": 0}]
        )
        sc = Scenario.from_frame("Uji", 2025, {"APBN": 1e9}, seats, 2024)
        gathered = content.collect(conn, basis, sc, lang)
        expected = cn.scorecard(conn, Filters(tahun=2024, as_of=AS_OF))
    finally:
        conn.close()
    assert basis.latest_year == 2024
    pd.testing.assert_frame_equal(gathered.scorecard, expected)
    wb = load_workbook(io.BytesIO(xlsx.xlsx_bytes(gathered)))
    sheet = ct.tr("pack.sheet", lang, tahun=2024)
    assert wb.sheetnames[-1] == sheet
    rows = list(wb[sheet].values)
    assert rows[0][:2] == (
        ct.tr("score.col.penyelenggara", lang),
        ct.tr("score.col.peserta", lang),
    )
    assert [r[0] for r in rows[1:]] == [
        ct.provider_label(p, lang) for p in expected["penyelenggara"]
    ]
    completion = ct.tr(
        "pack.col.pct", lang, rate=ct.rate_name("tingkat_kelulusan", lang)
    )
    column = rows[0].index(completion)
    assert rows[-1][column] == pytest.approx(expected.iloc[-1]["tingkat_kelulusan_pct"])
    text = " ".join(
        " ".join(p.extract_text().split())
        for p in PdfReader(io.BytesIO(pdf.pdf_bytes(gathered, {}))).pages
    )
    assert ct.tr("pack.title", lang, tahun=2024) in text
    assert ct.tr("score.total", lang) in text
