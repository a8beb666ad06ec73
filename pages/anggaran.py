"""Page: Anggaran — pagu vs realisasi, cost per outcome, funding flow, pacing, data quality.

Thin: data from queries/anggaran/*.sql, KPI values from the metric registry,
arithmetic in workforce.budget.numbers, figures in workforce.budget.charts, tables and
messages in workforce.budget.text.
"""

import streamlit as st

from workforce import app
from workforce.access import ui as auth_ui
from workforce.budget import charts as bc
from workforce.budget import numbers as budget
from workforce.budget import text as bt
from workforce.core import i18n, metrics

app.ensure_frame(__file__)

auth_ui.require("staff")
app.page_header("budget.title", "budget.intro")
f, lang, T, rp = app.filters(), app.lang(), app.T, app.fmt("rupiah")
if f.kuartal or f.values("kecamatan"):
    st.caption(T("budget.scope_note"))
lines = app.query("anggaran/line_groups", f)
costs = app.query("anggaran/cost_groups", f)
issues = app.query("anggaran/line_issues", f)
over, idle = budget.over_ceiling(issues), budget.spending_without_enrolment(issues)
SHOW = {"warning": st.warning, "success": st.success, "markdown": st.markdown}


def card(col, metric_id: str) -> None:
    """One registry KPI as a metric card, its definition on hover."""
    m = metrics.get(metric_id)
    value = metrics.compute(app.conn(), metric_id, f).value
    col.metric(m.name(lang), app.fmt(m.unit)(value), help=m.definition(lang))


def shown_of(programmes) -> None:
    """Say so when a per-programme table holds only the rows that most need a look."""
    if text := bt.rows_shown(programmes, lang):
        st.caption(text)


def show(messages: list[tuple[str, str]]) -> None:
    """Draw (level, text) messages from budget_text."""
    for level, text in messages:
        SHOW[level](text)


for col, kpi in zip(
    st.columns(4), ("pagu", "realisasi", "serapan_anggaran", "porsi_apbn"), strict=True
):
    card(col, kpi)
c1, c2, c3 = st.columns(3)
c1.metric(
    T("budget.card.biaya_per_peserta"),
    rp(budget.total_cost(costs, "peserta")),
    help=T("budget.def.biaya_per_peserta"),
)
card(c2, "biaya_per_lulusan")
card(c3, "biaya_per_penempatan")
if len(over) or len(idle):
    st.warning(T("budget.quality.summary", n=len(over) + len(idle)), icon="⚠️")

TABS = ("realisasi", "biaya", "aliran", "laju", "kualitas")
# Only the open tab runs (a tab switch reruns the page): at national size each tab's
# per-programme queries cost tens of milliseconds, and nobody reads five at once.
tab_real, tab_cost, tab_flow, tab_pace, tab_dq = st.tabs(
    [T(f"budget.tab.{k}") for k in TABS], key="budget_tab", on_change="rerun"
)

if tab_real.open:
    with tab_real:
        by_year = app.query("anggaran/by_year", f)
        if by_year.empty:
            st.info(T("app.no_data"))
        else:
            st.subheader(T("budget.h.trend"))
            app.chart(*bc.trend_chart(by_year, f.tahun, lang), "anggaran_tren")
            st.subheader(T("budget.h.apbn"))
            app.chart(*bc.apbn_chart(by_year, lang), "anggaran_porsi_apbn")
        if not lines.empty:
            st.subheader(T("budget.h.source", tahun=f.tahun))
            app.chart(*bc.source_chart(lines, f.tahun, lang), "anggaran_sumber")
            st.subheader(T("budget.h.kejuruan", tahun=f.tahun))
            app.data_table(
                bt.kejuruan_absorption(lines, lang), "anggaran_kejuruan", True
            )
            st.subheader(T("budget.h.programme", tahun=f.tahun))
            st.caption(T("budget.rule.iqr"))
            progs = app.query(
                "anggaran/programme_absorption", f, **budget.programme_params()
            )
            shown_of(progs)
            app.data_table(bt.table(progs, lang, "programme"), "anggaran_program")

if tab_cost.open:
    with tab_cost:
        st.caption(T("budget.cost_note"))
        if costs.empty:
            st.info(T("app.no_data"))
        else:
            st.subheader(T("budget.h.cost_source"))
            app.data_table(
                bt.cost_by_source(costs, lang), "biaya_sumber", expanded=True
            )
            st.subheader(T("budget.h.cost_kejuruan"))
            app.chart(*bc.cost_chart(costs, lang), "biaya_kejuruan")
            st.subheader(T("budget.h.expensive"))
            factor = i18n.fmt_number(budget.EXPENSIVE_FACTOR, lang)
            st.markdown(T("budget.rule.expensive", factor=factor))
            per = app.query(
                "anggaran/programme_placement_costs",
                f,
                **budget.placement_cost_params(),
            )
            show(bt.cost_messages(per, lang))
            shown_of(per)
            app.data_table(bt.table(per, lang, "placement"), "biaya_program")

if tab_flow.open:
    with tab_flow:
        left, right = st.columns(2)
        unit = left.radio(
            T("budget.flow.unit"),
            ["rupiah", "orang"],
            format_func=lambda u: i18n.t(f"budget.flow.unit_{u}", lang),
            horizontal=True,
            key="budget_flow_unit",
        )
        middle = right.radio(
            T("budget.flow.middle"),
            ["jenis", "kejuruan"],
            format_func=lambda m: i18n.t(f"budget.flow.middle_{m}", lang),
            horizontal=True,
            key="budget_flow_middle",
        )
        st.caption(T(f"budget.rule.flow_{unit}"))
        if unit == "rupiah":
            flows = app.query("anggaran/flow_rupiah", f, middle=middle)
            flow = budget.flow_rupiah(flows, middle)
        else:
            flow = budget.flow_persons(app.query("anggaran/outcomes", f), middle)
        if flow.empty:
            st.info(T("app.no_data"))
        else:
            st.subheader(T("budget.h.flow"))
            app.chart(*bc.flow_chart(flow, middle, unit, lang), "aliran_dana")

if tab_pace.open:
    with tab_pace:
        monthly = app.query("anggaran/monthly", f)
        last = budget.data_month(monthly)
        if last is None:
            st.info(T("budget.no_monthly", tahun=f.tahun))
        else:
            st.subheader(T("budget.h.pacing", tahun=f.tahun))
            st.caption(T("budget.rule.pacing"))
            month = st.select_slider(
                T("budget.pacing_month"),
                options=list(range(1, last + 1)),
                value=last,
                format_func=lambda m: bt.month_name(m, lang),
                key="budget_pacing_month",
            )
            st.caption(T("budget.pacing_data", bulan=bt.month_name(last, lang)))
            app.chart(*bc.pacing_chart(monthly, month, lang), "laju_serapan")
            if silent := budget.lines_without_monthly(monthly):
                st.caption(T("budget.lines_without_monthly", n=silent))
            st.subheader(T("budget.h.lagging"))
            st.caption(T("budget.rule.iqr"))
            progs = app.query(
                "anggaran/programme_pacing", f, **budget.programme_params(bulan=month)
            )
            show(bt.pacing_messages(monthly, progs, month, lang))
            shown_of(progs)
            if len(progs):
                app.data_table(bt.table(progs, lang, "pacing"), "laju_program", True)

if tab_dq.open:
    with tab_dq:
        if len(over):
            amount = rp(over["selisih_rupiah"].sum())
            st.warning(T("budget.warn.over_ceiling", n=len(over), amount=amount))
            app.data_table(bt.table(over, lang, "over"), "anggaran_lebih_pagu", True)
        if len(idle):
            amount = rp(idle["realisasi_rupiah"].sum())
            st.warning(T("budget.warn.no_enrolment", n=len(idle), amount=amount))
            app.data_table(bt.table(idle, lang, "idle"), "anggaran_tanpa_peserta", True)
        if not len(over) and not len(idle):
            st.success(T("budget.quality.ok"))

with st.expander(T("budget.h.method")):
    st.markdown(bt.methodology(lang))
