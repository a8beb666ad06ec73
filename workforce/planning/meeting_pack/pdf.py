"""The meeting pack's PDF (fpdf2, A4, DejaVu Sans for full Unicode).

Sections: title page with the summary a mayor can read alone (KPIs against their
targets, what needs attention, the scenario's warnings); KPIs against targets; the key charts with their sentences;
the link-and-match table; the chosen scenario (budget, allocation, effect on the
targets, warnings); method, data date and sources. Every number is formatted in
the pack's language by ``workforce.core.i18n``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from fpdf import FPDF
from fpdf.fonts import FontFace

from workforce.compare import numbers as compare_numbers
from workforce.compare import tables as compare_tables
from workforce.compare import text as compare_text
from workforce.core import i18n, metrics
from workforce.planning import charts as planner_charts
from workforce.planning import planner
from workforce.planning.meeting_pack.content import Content
from workforce.planning.projection import charts as projection_charts

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT = "DejaVu"
HEAD = FontFace(emphasis="BOLD", fill_color=(226, 232, 240))
INK = (31, 41, 51)
BLUE = (0, 114, 178)


_t = i18n.Scope("planner")


class _Doc(FPDF):
    """A4 with the DejaVu fonts and a footer: title and page number."""

    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.add_font(FONT, "", f"{FONT_DIR}/DejaVuSans.ttf")
        self.add_font(FONT, "B", f"{FONT_DIR}/DejaVuSans-Bold.ttf")
        self.set_auto_page_break(auto=True, margin=16)
        self.set_margins(16, 16, 16)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(107, 114, 128)
        self.cell(0, 6, f"{self.footer_text} · {self.page_no()}", align="C")
        self.set_text_color(*INK)


ROOM_MM = 90  # a section starts on the current page when this much is left


def _new_page_unless_room(pdf: _Doc, room: float = ROOM_MM) -> None:
    """A new page only when the current one has less than ``room`` mm left: no
    half-empty pages between sections."""
    if pdf.get_y() > pdf.h - pdf.b_margin - room:
        pdf.add_page()
    else:
        pdf.ln(6)


def _h1(pdf: _Doc, text: str) -> None:
    pdf.ln(2)
    pdf.set_font(FONT, "B", 15)
    pdf.set_text_color(*BLUE)
    pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(1)


def _p(pdf: _Doc, text: str, size: float = 10) -> None:
    pdf.set_font(FONT, "", size)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _table(
    pdf: _Doc,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    size: float = 8.5,
) -> None:
    """A table with a bold shaded heading row (repeated after a page break)."""
    pdf.set_font(FONT, "", size)
    align = ["LEFT"] + ["RIGHT"] * (len(header) - 1)
    with pdf.table(
        col_widths=tuple(widths),
        text_align=tuple(align),
        headings_style=HEAD,
        line_height=5,
        padding=1.2,
    ) as table:
        for line in [header, *rows]:
            row = table.row()
            for cell in line:
                row.cell(str(cell))
    pdf.ln(3)


def _image(pdf: _Doc, png: bytes | None, caption: str) -> None:
    if png is None:
        return
    width = pdf.epw
    pdf.image(io.BytesIO(png), w=width)
    _p(pdf, caption, 9)


# ---- sections ------------------------------------------------------------------------


def summary_lines(c: Content) -> tuple[str, list[str]]:
    """The first page's reading for a mayor: how the KPIs stand against their
    targets (one sentence), then each KPI that needs attention and the scenario's
    warnings, one line each."""
    lang = c.lang
    with_target = c.kpis[c.kpis["status"].apply(lambda s: isinstance(s, str))]
    counts = with_target["status"].value_counts()
    head = _t(
        "pack.summary_kpis",
        lang,
        year=c.basis.latest_year,
        n=len(with_target),
        on=int(counts.get("on_track", 0)),
        risk=int(counts.get("at_risk", 0)),
        off=int(counts.get("off_track", 0)),
    )
    tot, money = c.totals, c.budget["budget_rupiah"].sum()
    head += " " + _t(
        "pack.summary_scenario",
        lang,
        name=c.scenario.name,
        seats=i18n.fmt_number(tot.get("seats"), lang),
        placed=_fmt(tot.get("placed"), "count", lang),
        cost=_fmt(tot.get("cost_rupiah"), "rupiah", lang),
        budget=_fmt(money, "rupiah", lang),
    )
    order = {"off_track": 0, "at_risk": 1}
    needs = sorted(
        (r for r in c.kpis.itertuples(index=False) if r.status in order),
        key=lambda r: order[r.status],
    )
    items = [
        _t(
            "pack.summary_kpi",
            lang,
            name=metrics.get(r.indikator).name(lang),
            value=_fmt(r.value, r.unit, lang),
            target=_fmt(r.target, r.unit, lang),
            status=_status(r.status, lang).lower(),
        )
        for r in needs
    ]
    items += [planner_charts.flag_text(k, v, lang) for k, v in c.flags]
    twelve, low = lasting_summary(c)
    head += " " + twelve
    if low:
        items.insert(0, low)
    return head, items


def lasting_summary(c: Content) -> tuple[str, str]:
    """The city's 12-month employed rate over the history years with its response
    rate (or that it is not yet available), and the warning when under 60% of the
    cohort answered (else empty)."""
    lang, b = c.lang, c.basis
    years = planner.span(b.years)
    if planner.ALL not in b.lasting.index:
        return _t("pack.summary_lasting_none", lang, years=years), ""
    city = b.lasting.loc[planner.ALL]
    if pd.isna(city["twelve_pct"]):
        return _t("pack.summary_lasting_none", lang, years=years), ""
    response = i18n.fmt_pct(city["response_pct"], lang)
    text = _t(
        "pack.summary_lasting",
        lang,
        years=years,
        twelve=i18n.fmt_pct(city["twelve_pct"], lang),
        response=response,
        answered=i18n.fmt_number(city["response_num"], lang, 0),
        cohort=i18n.fmt_number(city["response_den"], lang, 0),
    )
    if not planner.is_low_response(city):
        return text, ""
    return text, _t("pack.summary_lasting_low", lang, response=response)


def _title_page(pdf: _Doc, c: Content) -> None:
    lang, b = c.lang, c.basis
    pdf.add_page()
    pdf.ln(6)
    pdf.set_font(FONT, "B", 24)
    pdf.set_text_color(*BLUE)
    pdf.multi_cell(0, 12, _t("pack.title", lang, year=b.plan_year), align="C")
    pdf.set_text_color(*INK)
    pdf.ln(4)
    pdf.set_font(FONT, "", 13)
    pdf.multi_cell(0, 7, _t("pack.subtitle", lang), align="C")
    pdf.ln(14)
    pdf.set_font(FONT, "", 11)
    lines = [
        _t("pack.scenario_line", lang, name=c.scenario.name),
        _t("pack.data_line", lang, date=i18n.fmt_date(b.as_of, lang)),
        _t("pack.made_line", lang, date=i18n.fmt_date(c.generated_at.date(), lang)),
    ]
    for line in lines:
        pdf.multi_cell(0, 7, line, align="C", new_x="LMARGIN", new_y="NEXT")
    if c.is_demo:
        pdf.ln(4)
        pdf.set_font(FONT, "B", 10)
        pdf.multi_cell(0, 5, _t("pack.demo_note", lang), align="C")
    # the page a mayor can read alone: where the KPIs stand, what needs attention
    head, items = summary_lines(c)
    pdf.ln(8)
    _h1(pdf, _t("pack.h_summary", lang))
    _p(pdf, head, 11)
    if items:
        pdf.set_font(FONT, "B", 11)
        pdf.multi_cell(
            0, 6, _t("pack.h_attention", lang), new_x="LMARGIN", new_y="NEXT"
        )
        for item in items:
            _p(pdf, f"•  {item}", 10.5)


def _status(status: object, lang: str) -> str:
    """The status label, or a dash where there is no target."""
    return i18n.t(f"status.{status}", lang) if isinstance(status, str) else "–"


def _fmt(value: float | None, unit: str, lang: str) -> str:
    """A value with its unit: ``152 orang``, ``7,41%``, ``Rp 1,2 miliar``."""
    if value is None or value != value:
        return "–"
    text = i18n.fmt_value(value, unit, lang)
    return _t("pack.people", lang, n=text) if unit == "count" else text


def _kpi_section(pdf: _Doc, c: Content) -> None:
    lang = c.lang
    pdf.add_page()
    _h1(pdf, _t("pack.h_kpi", lang, year=c.basis.latest_year))
    rows = []
    for r in c.kpis.itertuples(index=False):
        status = _status(r.status, lang)
        rows.append(
            [
                metrics.get(r.indikator).name(lang),
                _fmt(r.value, r.unit, lang),
                _fmt(r.target, r.unit, lang)
                if r.target is not None and r.target == r.target
                else "–",
                status,
            ]
        )
    header = [_t(f"col.{k}", lang) for k in ("indikator", "value", "target", "status")]
    _table(pdf, header, rows, (78, 34, 34, 32))


def _charts_section(pdf: _Doc, c: Content, images: dict[str, bytes]) -> None:
    lang, b = c.lang, c.basis
    _h1(pdf, _t("pack.h_tpt", lang))
    if c.fit:
        _image(
            pdf,
            images.get("tpt"),
            projection_charts.tpt_summary(c.tpt, c.fit, c.points, lang),
        )
        _p(pdf, _t("tpt.method", lang, start=c.fit.years[0], end=c.fit.years[-1]), 9)
        _p(pdf, _t("tpt.caveat", lang), 9)
    _h1(pdf, _t("pack.h_link_match", lang, year=b.vacancy_year or "–"))
    _image(
        pdf,
        images.get("link_match"),
        planner_charts.link_match_summary(c.link_match, lang, b.vacancy_year),
    )
    rows = [
        [
            r.kejuruan,
            i18n.fmt_number(r.vacancies, lang),
            i18n.fmt_number(r.graduates, lang),
            i18n.fmt_number(r.gap, lang),
        ]
        for r in c.link_match.sort_values("gap", ascending=False).itertuples(
            index=False
        )
    ]
    header = [
        _t(f"col.{k}", lang)
        for k in ("kejuruan", "vacancies", "graduates_actual", "gap")
    ]
    _table(pdf, header, rows, (70, 36, 36, 36))


def _scenario_section(pdf: _Doc, c: Content, images: dict[str, bytes]) -> None:
    lang = c.lang
    _new_page_unless_room(pdf)
    _h1(pdf, _t("pack.h_scenario", lang, name=c.scenario.name, year=c.basis.plan_year))
    _p(pdf, planner_charts.scenario_summary(c.totals, c.proj, lang))
    budget_rows = [
        [
            r.sumber_dana,
            i18n.fmt_rupiah(r.budget_rupiah, lang),
            i18n.fmt_rupiah(r.cost_rupiah, lang),
            _range(r.cost_rupiah_low, r.cost_rupiah_high, "rupiah", lang),
            i18n.fmt_rupiah(r.remaining_rupiah, lang),
        ]
        for r in c.budget.itertuples(index=False)
    ]
    header = [
        _t(f"col.{k}", lang)
        for k in ("sumber_dana", "budget", "cost", "range", "remaining")
    ]
    _table(pdf, header, budget_rows, (24, 36, 36, 50, 36))
    _image(pdf, images.get("budget"), planner_charts.budget_summary(c.budget, lang))
    _allocation_table(pdf, c)
    _image(pdf, images.get("scenario"), _t("pack.scenario_chart_note", lang))
    _effect_table(pdf, c)
    if c.flags:
        _h1(pdf, _t("pack.h_flags", lang))
        for key, values in c.flags:
            _p(pdf, "• " + planner_charts.flag_text(key, values, lang), 9.5)


def _range(low: float | None, high: float | None, unit: str, lang: str) -> str:
    """``62 – 70 orang``; one number when both ends read the same."""
    lo, hi = _fmt(low, unit, lang), _fmt(high, unit, lang)
    return lo if lo == hi else f"{lo} – {hi}"


def _allocation_table(pdf: _Doc, c: Content) -> None:
    b = c.basis
    table = planner_charts.allocation_table(
        c.proj, c.totals, c.lang, b.rates, b.lasting
    )
    widths = (23, 10, 20, 20, 19, 16, 17, 19, 19, 15)  # 178 mm, the text width
    _table(pdf, list(table.columns), table.values.tolist(), widths, size=6.5)
    names = [*c.proj["kejuruan"].astype(str), planner.ALL]
    low = planner_charts.lasting_footnote(b.lasting, names, c.lang)
    if low:
        _p(pdf, low, 8.5)
    _p(pdf, _t("lasting.note", c.lang, years=planner.span(b.years)), 8.5)


def _effect_table(pdf: _Doc, c: Content) -> None:
    lang = c.lang
    year = c.basis.target_year
    _h1(
        pdf,
        _t("pack.h_effect", lang, year=year)
        if year
        else _t("pack.h_effect_none", lang),
    )
    rows = []
    for r in c.effect.itertuples(index=False):
        unit = metrics.get(r.indikator).unit
        status = _status(r.status, lang)
        target = _fmt(r.target, unit, lang) if pd.notna(r.target) else "–"
        rows.append(
            [
                metrics.get(r.indikator).name(lang),
                _fmt(r.actual, unit, lang),
                _fmt(r.projected, unit, lang),
                _range(r.low, r.high, unit, lang),
                target,
                status,
            ]
        )
    keys = ("indikator", "actual", "projected", "range", "target", "status")
    _table(pdf, [_t(f"col.{k}", lang) for k in keys], rows, (42, 24, 26, 40, 26, 20))


def _sources_section(pdf: _Doc, c: Content) -> None:
    lang = c.lang
    _new_page_unless_room(pdf)
    _h1(pdf, _t("pack.h_method", lang))
    _p(
        pdf,
        _t(
            "method.planner",
            lang,
            years=planner.span(c.basis.years),
            min=planner.MIN_DENOMINATOR,
        ),
        9.5,
    )
    _p(pdf, _t("method.disclaimer", lang), 9.5)
    _h1(pdf, _t("pack.h_sources", lang))
    _p(pdf, _t("pack.data_line", lang, date=i18n.fmt_date(c.basis.as_of, lang)), 9.5)
    _p(pdf, _t("pack.source_disnaker", lang), 9.5)
    rows = [
        [str(r.tahun), i18n.source_text(r.sumber, lang)]
        for r in c.sources.itertuples(index=False)
    ]
    _table(pdf, [_t("col.tahun", lang), _t("col.source", lang)], rows, (18, 160))


def _scorecard_section(pdf: _Doc, c: Content) -> None:
    """The provider scorecard: the rates with their intervals and n, then the
    12-month response rate, the median wage and the cost per placement by source."""
    lang, card = c.lang, c.scorecard
    if card.empty:
        return
    ct = compare_text.tr
    pdf.add_page()
    _h1(pdf, ct("pack.title", lang, tahun=c.basis.latest_year))
    _p(pdf, ct("score_note", lang), 9)
    records = card.to_dict("records")
    names = [compare_text.provider_label(r["penyelenggara"], lang) for r in records]
    header = [ct("score.col.penyelenggara", lang), ct("score.col.peserta", lang)]
    header += [ct(f"score.col.{m}", lang) for m in compare_numbers.SCORE_RATES]
    rows = [
        [name, i18n.fmt_number(r["peserta"], lang)]
        + [_with_n(r, m, lang) for m in compare_numbers.SCORE_RATES]
        for name, r in zip(names, records, strict=True)
    ]
    _table(pdf, header, rows, (40, 16, 31, 31, 31, 31))
    low = compare_text.low_names(card, lang)
    if low:
        _p(pdf, ct("score.low", lang, names=", ".join(low)), 9)
    sources = compare_numbers.cost_sources(card)
    _p(pdf, ct("pack.h_costs", lang), 10)
    _p(pdf, ct("pack.h_costs_note", lang), 9)
    header = [
        ct("score.col.penyelenggara", lang),
        ct("pack.col.response", lang),
        ct("pack.col.wage", lang),
        ct("pack.col.cost_all", lang),
        *(ct("pack.col.cost_source", lang, sumber=s) for s in sources),
    ]
    rows = [
        [
            name,
            compare_text.pct(r["tingkat_respons_12b_pct"], lang),
            _fmt(r["upah_median"], "rupiah", lang),
            _fmt(r["biaya_per_penempatan"], "rupiah", lang),
            *(_fmt(r[f"biaya_per_penempatan__{s}"], "rupiah", lang) for s in sources),
        ]
        for name, r in zip(names, records, strict=True)
    ]
    rest = (180 - 40) / (len(header) - 1)
    _table(pdf, header, rows, (40, *([rest] * (len(header) - 1))))


def _with_n(record: dict, metric_id: str, lang: str) -> str:
    """``72,0% (66,7–76,8%)`` with ``n = 304`` under it."""
    text = compare_tables.rate_text(record, metric_id, lang)
    return f"{text}\nn = {i18n.fmt_number(record[f'{metric_id}_n'], lang)}"


def pdf_bytes(c: Content, images: dict[str, bytes]) -> bytes:
    """The whole PDF."""
    pdf = _Doc(_t("pack.title", c.lang, year=c.basis.plan_year))
    pdf.set_title(_t("pack.title", c.lang, year=c.basis.plan_year))
    pdf.set_author("Disnaker Kota Cilegon")
    pdf.set_text_color(*INK)
    _title_page(pdf, c)
    _kpi_section(pdf, c)
    _charts_section(pdf, c, images)
    _scenario_section(pdf, c, images)
    _sources_section(pdf, c)
    _scorecard_section(pdf, c)
    return bytes(pdf.output())
