"""Streamlit side of Anggaran: cards, the five tabs (only the open one runs), method.

Data from queries/anggaran/*.sql (cached per database file through ``app.query``),
KPI values from the registry (``app.kpi``), arithmetic in ``budget.numbers``,
figures in ``budget.charts``, tables and messages in ``budget.text``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from workforce import app
from workforce.budget import charts as bc
from workforce.budget import numbers as budget
from workforce.budget import text as bt
from workforce.core import i18n, metrics
from workforce.core.filters import Filters

TABS = ("realisasi", "biaya", "aliran", "laju", "kualitas")
CARD_KPIS = ("pagu", "realisasi", "serapan_anggaran", "porsi_apbn")
_SHOW = {"warning": st.warning, "success": st.success, "markdown": st.markdown}


def card(col: DeltaGenerator, metric_id: str, f: Filters) -> None:
    """One registry KPI as a metric card, its definition on hover."""
    m, lang = metrics.get(metric_id), app.lang()
    value = app.kpi(metric_id, f).value
    col.metric(m.name(lang), app.fmt(m.unit)(value), help=m.definition(lang))


def shown_of(programmes: pd.DataFrame) -> None:
    """Say so when a per-programme table holds only the rows that most need a look."""
    if text := bt.rows_shown(programmes, app.lang()):
        st.caption(text)


def show(messages: list[tuple[str, str]]) -> None:
    """Draw (level, text) messages from budget.text."""
    for level, text in messages:
        _SHOW[level](text)


def cards(f: Filters, costs: pd.DataFrame, warnings: int) -> None:
    """The headline cards: pagu, realisasi, absorption, APBN share and unit costs."""
    rp = app.fmt("rupiah")
    for col, kpi in zip(st.columns(4), CARD_KPIS, strict=True):
        card(col, kpi, f)
    c1, c2, c3 = st.columns(3)
    c1.metric(
        app.T("budget.card.biaya_per_peserta"),
        rp(budget.total_cost(costs, "peserta")),
        help=app.T("budget.def.biaya_per_peserta"),
    )
    card(c2, "biaya_per_lulusan", f)
    card(c3, "biaya_per_penempatan", f)
    if warnings:
        st.warning(app.T("budget.quality.summary", n=warnings), icon="⚠️")


def page() -> None:
    """Anggaran: pagu vs realisasi, cost per outcome, funding flow, pacing, quality."""
    app.page_header("budget.title", "budget.intro")
    f = app.filters()
    if f.kuartal or f.values("kecamatan"):
        st.caption(app.T("budget.scope_note"))
    costs = app.query("anggaran/cost_groups", f)
    issues = app.query("anggaran/line_issues", f)
    over, idle = budget.over_ceiling(issues), budget.spending_without_enrolment(issues)
    cards(f, costs, len(over) + len(idle))
    # Only the open tab runs (a tab switch reruns the page): at national size each
    # tab's per-programme queries cost tens of milliseconds; nobody reads five at once.
    tabs = st.tabs(
        [app.T(f"budget.tab.{k}") for k in TABS], key="budget_tab", on_change="rerun"
    )
    draw = (realisation_tab, cost_tab, flow_tab, pacing_tab, quality_tab)
    for tab, draw_tab in zip(tabs, draw, strict=True):
        if tab.open:
            with tab:
                draw_tab(f, costs, over, idle)
    with st.expander(app.T("budget.h.method")):
        st.markdown(bt.methodology(app.lang()))


def realisation_tab(
    f: Filters, costs: pd.DataFrame, over: pd.DataFrame, idle: pd.DataFrame
) -> None:
    """Pagu and realisasi by year, source, kejuruan and programme."""
    if app.query("anggaran/by_year", f).empty:
        st.info(app.T("app.no_data"))
    else:
        st.header(app.T("budget.h.trend"))
        app.cached_chart(
            "anggaran_tren",
            f,
            lambda lang: bc.trend_chart(
                app.query("anggaran/by_year", f), f.tahun, lang
            ),
        )
        st.header(app.T("budget.h.apbn"))
        app.cached_chart(
            "anggaran_porsi_apbn",
            f,
            lambda lang: bc.apbn_chart(app.query("anggaran/by_year", f), lang),
        )
    if not app.query("anggaran/line_groups", f).empty:
        st.header(app.T("budget.h.source", tahun=f.tahun))
        app.cached_chart(
            "anggaran_sumber",
            f,
            lambda lang: bc.source_chart(
                app.query("anggaran/line_groups", f), f.tahun, lang
            ),
        )
        st.header(app.T("budget.h.kejuruan", tahun=f.tahun))
        app.cached_data_table(
            "anggaran_kejuruan",
            f,
            lambda lang: bt.kejuruan_absorption(
                app.query("anggaran/line_groups", f), lang
            ),
            expanded=True,
        )
        st.header(app.T("budget.h.programme", tahun=f.tahun))
        st.caption(app.T("budget.rule.iqr"))
        progs = app.query(
            "anggaran/programme_absorption", f, **budget.programme_params()
        )
        shown_of(progs)
        app.cached_data_table(
            "anggaran_program", f, lambda lang: bt.table(progs, lang, "programme")
        )


def cost_tab(
    f: Filters, costs: pd.DataFrame, over: pd.DataFrame, idle: pd.DataFrame
) -> None:
    """Cost per participant, graduate and placement; expensive programmes."""
    lang = app.lang()
    st.caption(app.T("budget.cost_note"))
    if costs.empty:
        st.info(app.T("app.no_data"))
    else:
        st.header(app.T("budget.h.cost_source"))
        app.data_table(bt.cost_by_source(costs, lang), "biaya_sumber", expanded=True)
        st.header(app.T("budget.h.cost_kejuruan"))
        app.chart(*bc.cost_chart(costs, lang), "biaya_kejuruan")
        st.header(app.T("budget.h.expensive"))
        factor = i18n.fmt_number(budget.EXPENSIVE_FACTOR, lang)
        st.markdown(app.T("budget.rule.expensive", factor=factor))
        per = app.query(
            "anggaran/programme_placement_costs",
            f,
            **budget.placement_cost_params(),
        )
        show(bt.cost_messages(per, lang))
        shown_of(per)
        app.data_table(bt.table(per, lang, "placement"), "biaya_program")


def flow_tab(
    f: Filters, costs: pd.DataFrame, over: pd.DataFrame, idle: pd.DataFrame
) -> None:
    """Where the money goes: sources to programme types or kejuruan."""
    lang = app.lang()
    left, right = st.columns(2)
    unit = left.radio(
        app.T("budget.flow.unit"),
        ["rupiah", "orang"],
        format_func=lambda u: i18n.t(f"budget.flow.unit_{u}", lang),
        horizontal=True,
        key="budget_flow_unit",
    )
    middle = right.radio(
        app.T("budget.flow.middle"),
        ["jenis", "kejuruan"],
        format_func=lambda m: i18n.t(f"budget.flow.middle_{m}", lang),
        horizontal=True,
        key="budget_flow_middle",
    )
    st.caption(app.T(f"budget.rule.flow_{unit}"))
    if unit == "rupiah":
        flows = app.query("anggaran/flow_rupiah", f, middle=middle)
        flow = budget.flow_rupiah(flows, middle)
    else:
        flow = budget.flow_persons(app.query("anggaran/outcomes", f), middle)
    if flow.empty:
        st.info(app.T("app.no_data"))
    else:
        st.header(app.T("budget.h.flow"))
        app.chart(*bc.flow_chart(flow, middle, unit, lang), "aliran_dana")


def pacing_tab(
    f: Filters, costs: pd.DataFrame, over: pd.DataFrame, idle: pd.DataFrame
) -> None:
    """Spending by month against the schedule; programmes behind."""
    lang = app.lang()
    monthly = app.query("anggaran/monthly", f)
    last = budget.data_month(monthly)
    if last is None:
        st.info(app.T("budget.no_monthly", tahun=f.tahun))
    else:
        st.header(app.T("budget.h.pacing", tahun=f.tahun))
        schedule = app.query("anggaran/pace_schedule", f, **budget.schedule_params())
        has_schedule = schedule["floor_pct"].notna().any()
        st.caption(
            app.T(
                "budget.rule.pace_schedule" if has_schedule else "budget.rule.pacing",
                years=budget.PACE_YEARS,
            )
        )
        month = st.select_slider(
            app.T("budget.pacing_month"),
            options=list(range(1, last + 1)),
            value=last,
            format_func=lambda m: bt.month_name(m, lang),
            key="budget_pacing_month",
        )
        st.caption(app.T("budget.pacing_data", bulan=bt.month_name(last, lang)))
        app.chart(*bc.pacing_chart(monthly, month, lang, schedule), "laju_serapan")
        if silent := budget.lines_without_monthly(monthly):
            st.caption(app.T("budget.lines_without_monthly", n=silent))
        st.header(app.T("budget.h.lagging"))
        st.caption(app.T("budget.rule.iqr"))
        floor = budget.pace_floor(schedule, month)
        progs = app.query(
            "anggaran/programme_pacing",
            f,
            **budget.programme_params(bulan=month, floor_pct=floor),
        )
        show(bt.pacing_messages(monthly, progs, month, lang, schedule))
        shown_of(progs)
        if len(progs):
            app.data_table(bt.table(progs, lang, "pacing"), "laju_program", True)


def quality_tab(
    f: Filters, costs: pd.DataFrame, over: pd.DataFrame, idle: pd.DataFrame
) -> None:
    """Budget lines above their ceiling or spending with nobody enrolled."""
    lang = app.lang()
    rp = app.fmt("rupiah")
    if len(over):
        amount = rp(over["selisih_rupiah"].sum())
        st.warning(app.T("budget.warn.over_ceiling", n=len(over), amount=amount))
        app.data_table(bt.table(over, lang, "over"), "anggaran_lebih_pagu", True)
    if len(idle):
        amount = rp(idle["realisasi_rupiah"].sum())
        st.warning(app.T("budget.warn.no_enrolment", n=len(idle), amount=amount))
        app.data_table(bt.table(idle, lang, "idle"), "anggaran_tanpa_peserta", True)
    if not len(over) and not len(idle):
        st.success(app.T("budget.quality.ok"))
