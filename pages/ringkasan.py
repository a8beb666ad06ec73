"""Page: Ringkasan (overview) — the mayor's office's first page.

KPI cards with change, target and status; what needs attention; unemployment
against Banten and Indonesia; the yearly funnel and rates; funding shares; the
kecamatan map; targets for administrators. Numbers: workforce.overview.numbers (the KPI
registry); sentences: workforce.overview.text.
"""

import streamlit as st

from workforce import app
from workforce.access import ui as auth_ui
from workforce.overview import charts
from workforce.overview import numbers as overview
from workforce.overview import text as narrative
from workforce.overview import ui as overview_ui

app.ensure_frame(__file__)

auth_ui.require("staff")
app.page_header("nav.ringkasan", "overview.intro")
filters = app.filters()
lang = app.lang()
data = overview_ui.numbers(filters)
attention_line = narrative.attention_summary(
    data.attention, data.has_targets, filters, lang
)

with st.container(border=True):
    st.markdown(f"**{app.T('overview.summary_header')}**")
    st.markdown(narrative.page_summary(data.cards, data.trend, attention_line, lang))

st.subheader(
    app.T("overview.cards_header", period=narrative.period_label(filters, lang))
)
overview_ui.draw_cards(data.cards)

st.subheader(app.T("overview.attention.header"))
overview_ui.draw_attention(data.attention, attention_line)

st.subheader(app.T("overview.tpt.header"))
app.chart(
    charts.tpt_figure(data.trend, overview.targets_for(data.targets, "tpt"), lang),
    data.trend,
    narrative.tpt_summary(data.trend, filters.tahun, lang),
    "ringkasan_tpt",
)
st.caption(app.T("overview.tpt.source"))

left, right = st.columns(2)
with left:
    st.subheader(app.T("overview.funnel.header"))
    app.chart(
        charts.funnel_figure(
            data.funnel, overview.targets_for(data.targets, "peserta"), lang
        ),
        data.funnel,
        narrative.funnel_summary(data.funnel, filters.tahun, lang),
        "ringkasan_alur",
    )
    st.caption(app.T("overview.funnel.note"))
with right:
    st.subheader(app.T("overview.rates.header"))
    rate_targets = {m: overview.targets_for(data.targets, m) for m in narrative.RATES}
    app.chart(
        charts.rates_figure(data.funnel, rate_targets, lang),
        data.funnel,
        narrative.rates_summary(data.funnel, filters.tahun, lang),
        "ringkasan_tingkat",
    )

st.subheader(app.T("overview.funding.header"))
app.chart(
    charts.funding_figure(
        data.funding, overview.targets_for(data.targets, "porsi_apbn"), lang
    ),
    data.funding,
    narrative.funding_summary(data.funding, filters.tahun, lang),
    "ringkasan_dana",
)

st.subheader(app.T("overview.map.header"))
overview_ui.draw_map(data.kecamatan)

if auth_ui.current_role() == "admin":
    overview_ui.target_editor(data.targets, filters.tahun)
