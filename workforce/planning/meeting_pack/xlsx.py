"""The meeting pack's workbook (openpyxl): the tables behind the PDF, as numbers.

One sheet per table, headings in the pack's language, numbers kept as numbers
(with a display format) so they can be re-used in a spreadsheet.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from workforce.compare import numbers as compare_numbers
from workforce.compare import text as compare_text
from workforce.core import i18n, metrics, spreadsheet
from workforce.planning import planner
from workforce.planning.meeting_pack.content import Content

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="E2E8F0")
FORMATS = {"count": "#,##0", "rupiah": "#,##0", "pct": "0.00", "num": "#,##0.0"}
LOW_FORMAT = '0.00" ⚠"'  # a 12-month rate resting on under 60% answers
LOW_SCORE_FORMAT = '#,##0.0" ⚠"'  # the same, in the scorecard's number format


_t = i18n.Scope("planner")


def _clean(value: Any) -> Any:
    """NaN and numpy scalars to plain Python values openpyxl accepts."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def sheet_title(title: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "-"


def _sheet(
    wb: Workbook,
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    formats: Sequence[str | None] = (),
) -> Worksheet:
    """A sheet with a bold heading row, frozen, and per-column number formats."""
    ws = wb.create_sheet(sheet_title(title))
    spreadsheet.xlsx_row(ws, header)
    for cell in ws[1]:
        cell.font, cell.fill = HEAD_FONT, HEAD_FILL
    for row in rows:
        spreadsheet.xlsx_row(ws, [_clean(v) for v in row])
    for col, fmt in enumerate(formats, start=1):
        if fmt:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.number_format = FORMATS[fmt]
    fit_widths(ws)
    ws.freeze_panes = "A2"
    return ws


def fit_widths(ws: Worksheet, most: int = 60) -> None:
    """Each column as wide as its longest heading or value (as displayed)."""
    for column in ws.iter_cols():
        longest = max(len(_shown(cell.value)) for cell in column)
        ws.column_dimensions[get_column_letter(column[0].column)].width = min(
            max(10, longest + 2), most
        )


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, datetime | date):
        return "31/12/2025 00:00" if isinstance(value, datetime) else "31/12/2025"
    return str(value)


def _info(wb: Workbook, c: Content) -> None:
    lang, b = c.lang, c.basis
    ws = wb.active
    ws.title = _t("xlsx.info", lang)
    lines = [
        (_t("pack.title", lang, year=b.plan_year), None),
        (_t("xlsx.scenario", lang), c.scenario.name),
        (_t("xlsx.data_as_of", lang), b.as_of),
        (_t("xlsx.generated", lang), c.generated_at.replace(microsecond=0)),
        (_t("xlsx.basis_year", lang), b.latest_year),
        (_t("xlsx.history_years", lang), ", ".join(str(y) for y in b.years)),
        (
            _t("xlsx.method", lang),
            _t(
                "method.planner",
                lang,
                years=planner.span(b.years),
                min=planner.MIN_DENOMINATOR,
            ),
        ),
        (_t("xlsx.source", lang), _t("pack.source_disnaker", lang)),
    ]
    if c.is_demo:
        lines.append((_t("xlsx.demo", lang), _t("pack.demo_note", lang)))
    for row in lines:
        spreadsheet.xlsx_row(ws, row)
    for (cell,) in ws.iter_rows(min_col=2, max_col=2):
        if isinstance(cell.value, datetime):
            cell.number_format = "dd/mm/yyyy hh:mm"
        elif isinstance(cell.value, date):
            cell.number_format = "dd/mm/yyyy"
    ws["A1"].font = Font(bold=True, size=13)
    fit_widths(ws, most=90)


def _kpis(wb: Workbook, c: Content) -> None:
    lang = c.lang
    rows = [
        [
            metrics.get(r.indikator).name(lang),
            _t(f"unit.{r.unit}", lang),
            _whole(r.value, r.unit),
            _whole(r.target, r.unit),
            i18n.t(f"status.{r.status}", lang) if isinstance(r.status, str) else None,
        ]
        for r in c.kpis.itertuples(index=False)
    ]
    keys = ("indikator", "unit", "value", "target", "status")
    ws = _sheet(
        wb,
        _t("xlsx.kpi", lang, year=c.basis.latest_year),
        [_t(f"col.{k}", lang) for k in keys],
        rows,
    )
    for row, r in enumerate(c.kpis.itertuples(index=False), start=2):
        for col in (3, 4):  # each KPI in its own unit's format
            ws.cell(row=row, column=col).number_format = FORMATS[r.unit]


def _whole(value: Any, unit: str) -> Any:
    """Head counts and Rupiah as whole numbers; rates as they are."""
    value = _clean(value)
    if value is None or unit == "pct":
        return value
    return round(float(value))


def _link_match(wb: Workbook, c: Content) -> None:
    lang = c.lang
    rows = c.link_match[["kejuruan", "vacancies", "graduates", "gap"]].values.tolist()
    keys = ("kejuruan", "vacancies", "graduates_actual", "gap")
    _sheet(
        wb,
        _t("xlsx.link_match", lang, year=c.basis.vacancy_year or ""),
        [_t(f"col.{k}", lang) for k in keys],
        rows,
        (None, "count", "count", "count"),
    )


def _scenario(wb: Workbook, c: Content) -> None:
    lang = c.lang
    seats = c.scenario.seats_frame().set_index("kejuruan")
    cols = planner.PROJECTION_COLUMNS
    rows = []
    for r in c.proj.to_dict("records"):
        by_fund = [
            seats.loc[r["kejuruan"], f] if r["kejuruan"] in seats.index else 0
            for f in planner.FUNDS
        ]
        name = str(r["kejuruan"])
        history = [planner.rates_for(c.basis.rates, name)[0]["placement_pct"]]
        history += _lasting_values(c, name)
        rows.append([r["kejuruan"], *by_fund, *(r[k] for k in cols[1:]), *history])
    header = [
        _t("col.kejuruan", lang),
        *planner.FUNDS,
        *(_t(f"xcol.{k}", lang) for k in cols[1:]),
        *(_t(f"xcol.{k}", lang) for k in LASTING_COLS),
    ]
    fmts = [
        None,
        "count",
        "count",
        "count",
        "count",
        None,
        *(["count"] * 9),  # projected people: whole numbers on screen
        *(["rupiah"] * 6),
        "count",
        "pct",
        "count",
        None,
        "pct",
        "pct",
        "pct",
    ]
    ws = _sheet(wb, _t("xlsx.scenario_sheet", lang), header, rows, fmts)
    _mark_lasting(ws, c, [str(k) for k in c.proj["kejuruan"]], len(header) - 1)


# the history beside the projection: 6-month placement, 12-month employed, response
LASTING_COLS = ("placement_pct", "twelve_pct", "response_pct")


def _lasting_values(c: Content, name: str) -> list[Any]:
    """A kejuruan's 12-month employed and response rates (numbers), or "belum
    tersedia" where there is none yet (never 0)."""
    lasting, not_yet = c.basis.lasting, _t("lasting.not_yet", c.lang)
    if name not in lasting.index:
        return [not_yet, not_yet]
    row = lasting.loc[name]
    return [
        not_yet if pd.isna(row[k]) else float(row[k])
        for k in ("twelve_pct", "response_pct")
    ]


def _mark_lasting(ws: Worksheet, c: Content, names: list[str], col: int) -> None:
    """The 12-month rates in column ``col`` (1-based) of rows ``names``: ⚠ in the
    display format where under 60% answered, and the footnote under the table."""
    for row, name in enumerate(names, start=2):
        if name in c.basis.lasting.index and planner.is_low_response(
            c.basis.lasting.loc[name]
        ):
            ws.cell(row=row, column=col).number_format = LOW_FORMAT
    if len(c.basis.lasting):
        ws.cell(row=len(names) + 3, column=1, value=_t("xlsx.footnote", c.lang))


def _budget(wb: Workbook, c: Content) -> None:
    lang = c.lang
    cols = list(c.budget.columns)
    _sheet(
        wb,
        _t("xlsx.budget", lang),
        [_t(f"xcol.{k}", lang) for k in cols],
        c.budget.values.tolist(),
        [None, *(["rupiah"] * 5), None],
    )


def _effect(wb: Workbook, c: Content) -> None:
    lang = c.lang
    rows = [
        [
            metrics.get(r.indikator).name(lang),
            _t(f"unit.{metrics.get(r.indikator).unit}", lang),
            *(
                _whole(v, metrics.get(r.indikator).unit)
                for v in (r.actual, r.projected, r.low, r.high, r.target)
            ),
            i18n.t(f"status.{r.status}", lang) if isinstance(r.status, str) else None,
        ]
        for r in c.effect.itertuples(index=False)
    ]
    keys = ("indikator", "unit", "actual", "projected", "low", "high", "target")
    ws = _sheet(
        wb,
        _t("xlsx.effect", lang),
        [*(_t(f"col.{k}", lang) for k in keys), _t("col.status", lang)],
        rows,
    )
    for row, r in enumerate(c.effect.itertuples(index=False), start=2):
        for col in range(3, 8):
            unit = metrics.get(r.indikator).unit
            ws.cell(row=row, column=col).number_format = FORMATS[unit]


def _tpt(wb: Workbook, c: Content) -> None:
    lang = c.lang
    sources = dict(
        zip(
            c.sources["tahun"],
            (i18n.source_text(x, c.lang) for x in c.sources["sumber"]),
            strict=True,
        )
    )
    rows: list[list[Any]] = [
        [
            y,
            v,
            None,
            None,
            _t("xlsx.observed", lang)
            + (
                " (" + _t("xlsx.excluded", lang) + ")"
                if c.fit and y in c.fit.excluded
                else ""
            ),
            sources.get(y),
        ]
        for y, v in sorted(c.tpt.items())
    ]
    rows += [
        [p.tahun, p.value, p.low, p.high, _t("xlsx.projected", lang), None]
        for p in c.points
    ]
    keys = ("tahun", "tpt", "low", "high", "kind", "source")
    _sheet(
        wb,
        "TPT",
        [_t(f"col.{k}", lang) for k in keys],
        rows,
        (None, "pct", "pct", "pct"),
    )


def _history(wb: Workbook, c: Content) -> None:
    lang = c.lang
    rates = c.basis.rates.reset_index()
    names = [str(k) for k in rates["kejuruan"]]
    rates["kejuruan"] = rates["kejuruan"].replace(planner.ALL, _t("col.city", lang))
    cols = list(rates.columns)
    lasting = [_lasting_values(c, name) for name in names]
    ws = _sheet(
        wb,
        _t("xlsx.rates", lang),
        [_t(f"xcol.{k}", lang) for k in [*cols, *LASTING_COLS[1:]]],
        [[*r, *more] for r, more in zip(rates.values.tolist(), lasting, strict=True)],
        [None] + ["num"] * (len(cols) - 1) + ["pct", "pct"],
    )
    _mark_lasting(ws, c, names, len(cols) + 1)
    hist = c.basis.history
    _sheet(
        wb,
        _t("xlsx.history", lang),
        [_t(f"xcol.{k}", lang) for k in hist.columns],
        hist.values.tolist(),
        [None, None] + ["num"] * (len(hist.columns) - 2),
    )


def _scorecard(wb: Workbook, c: Content) -> None:
    """The provider scorecard: each rate with its 95% limits and n, as numbers."""
    lang, card = c.lang, c.scorecard
    if card.empty:
        return
    ct = compare_text.tr
    header = [ct("score.col.penyelenggara", lang), ct("score.col.peserta", lang)]
    columns: list[tuple[str, str | None]] = [("peserta", "count")]
    for metric_id in compare_numbers.SCORE_RATES:
        name = compare_text.rate_name(metric_id, lang)
        for part, fmt in (("pct", "num"), ("lo", "num"), ("hi", "num"), ("n", "count")):
            header.append(ct(f"pack.col.{part}", lang, rate=name))
            columns.append((f"{metric_id}_{part}", fmt))
    others = [
        ("tingkat_respons_12b_pct", "score.col.tingkat_respons_12b", "num"),
        ("upah_median", "score.col.upah_median", "rupiah"),
        ("upah_median_n", "score.col.upah_median_n", "count"),
        ("biaya_per_penempatan", "score.col.biaya_per_penempatan", "rupiah"),
    ]
    for column, key, fmt in others:
        header.append(ct(key, lang))
        columns.append((column, fmt))
    for source in compare_numbers.cost_sources(card):
        header.append(ct("score.col.biaya_sumber", lang, sumber=source))
        columns.append((f"biaya_per_penempatan__{source}", "rupiah"))
    rows = [
        [compare_text.provider_label(r["penyelenggara"], lang)]
        + [_whole(r[col], "pct" if fmt == "num" else fmt) for col, fmt in columns]
        for r in card.to_dict("records")
    ]
    title = ct("pack.sheet", lang, tahun=c.basis.latest_year)
    ws = _sheet(wb, title, header, rows, (None, *(fmt for _, fmt in columns)))
    twelve = [col for col, _ in columns].index("retensi_12b_pct") + 2
    records = card.to_dict("records")
    for row, record in enumerate(records, start=2):
        if compare_numbers.low_response(record):
            ws.cell(row=row, column=twelve).number_format = LOW_SCORE_FORMAT
    low = compare_text.low_names(card, lang)
    if low:
        note = ct("score.low", lang, names=", ".join(low))
        ws.cell(row=len(records) + 3, column=1, value=note)


def xlsx_bytes(c: Content) -> bytes:
    """The whole workbook."""
    wb = Workbook()
    _info(wb, c)
    _kpis(wb, c)
    _link_match(wb, c)
    _scenario(wb, c)
    _budget(wb, c)
    _effect(wb, c)
    _tpt(wb, c)
    _history(wb, c)
    _scorecard(wb, c)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
