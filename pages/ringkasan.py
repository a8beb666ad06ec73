"""Page: Ringkasan (overview) — the mayor's office's first page.

KPI cards with change, target and status; what needs attention; unemployment
against Banten and Indonesia; the yearly funnel and rates; funding shares; the
kecamatan map; targets for administrators. Numbers: workforce.overview (the KPI
registry); sentences: workforce.narrative.
"""

import streamlit as st

from workforce import auth_ui, narrative, overview, overview_ui, ui
from workforce import overview_charts as charts

ui.ensure_frame(__file__)

auth_ui.require("staff")
ui.page_header("nav.ringkasan", "overview.intro")
filters = ui.filters()
lang = ui.lang()
data = overview_ui.numbers(filters)
attention_line = narrative.attention_summary(
    data.attention, data.has_targets, filters, lang
)

with st.container(border=True):
    st.markdown(f"**{ui.T('overview.summary_header')}**")
    st.markdown(narrative.page_summary(data.cards, data.trend, attention_line, lang))

st.subheader(
    ui.T("overview.cards_header", period=narrative.period_label(filters, lang))
)
overview_ui.draw_cards(data.cards)

st.subheader(ui.T("overview.attention.header"))
overview_ui.draw_attention(data.attention, attention_line)

st.subheader(ui.T("overview.tpt.header"))
ui.chart(
    charts.tpt_figure(data.trend, overview.targets_for(data.targets, "tpt"), lang),
    data.trend,
    narrative.tpt_summary(data.trend, filters.tahun, lang),
    "ringkasan_tpt",
)
st.caption(ui.T("overview.tpt.source"))

left, right = st.columns(2)
with left:
    st.subheader(ui.T("overview.funnel.header"))
    ui.chart(
        charts.funnel_figure(
            data.funnel, overview.targets_for(data.targets, "peserta"), lang
        ),
        data.funnel,
        narrative.funnel_summary(data.funnel, filters.tahun, lang),
        "ringkasan_alur",
    )
    st.caption(ui.T("overview.funnel.note"))
with right:
    st.subheader(ui.T("overview.rates.header"))
    rate_targets = {m: overview.targets_for(data.targets, m) for m in narrative.RATES}
    ui.chart(
        charts.rates_figure(data.funnel, rate_targets, lang),
        data.funnel,
        narrative.rates_summary(data.funnel, filters.tahun, lang),
        "ringkasan_tingkat",
    )

st.subheader(ui.T("overview.funding.header"))
ui.chart(
    charts.funding_figure(
        data.funding, overview.targets_for(data.targets, "porsi_apbn"), lang
    ),
    data.funding,
    narrative.funding_summary(data.funding, filters.tahun, lang),
    "ringkasan_dana",
)

st.subheader(ui.T("overview.map.header"))
overview_ui.draw_map(data.kecamatan)

if auth_ui.current_role() == "admin":
    overview_ui.target_editor(data.targets, filters.tahun)
