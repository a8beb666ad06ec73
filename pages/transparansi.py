"""Page: Transparansi Publik — what the programme achieved and cost, for everyone.

Reachable without login (the frame lets the public role in; no ``require`` here).
Reads ONLY the suppressed publication (``public_ui.publication``: an aggregate-only
database, then ``workforce.public.disclosure``), never ``app.query``/``app.conn``: a bug on
this page cannot reach a row about a person. Texts and tables: public_view;
figures: public_charts; the methodology comes from the KPI registry.
"""

import streamlit as st

from workforce import app
from workforce.core import i18n
from workforce.public import charts as pc
from workforce.public import text as pv
from workforce.public import ui as public_ui

app.ensure_frame(__file__)

pub = public_ui.publication()
lang, T, limit = app.lang(), app.T, pub.limit
f = app.filters()
year = pv.pick_year(pub, f.tahun)
as_of = i18n.fmt_date(pub.data_as_of, lang)

st.title(T("public.title"))
st.markdown(T("public.intro"))
st.caption(T("public.as_of", date=as_of, limit=limit))
if f.kuartal or f.is_filtered():
    st.caption(T("public.scope_note"))
if not pub.years:
    st.info(T("public.no_data"))
    st.stop()

st.subheader(T("public.h.kpi", tahun=year))
public_ui.cards(pv.cards(pub, year, lang))
st.caption(T("public.kpi_sources", date=as_of))

st.subheader(T("public.h.tpt"))
app.chart(
    pc.tpt_figure(pub.tpt, lang),
    pv.tpt_table(pub, lang),
    pv.tpt_summary(pub, year, lang),
    "publik_tpt",
)
st.caption(T("public.tpt.source"))

st.subheader(T("public.h.years"))
by_year = pv.outcomes(pub, "total", lang=lang)
app.chart(
    pc.years_figure(by_year, pv.CHART_MEASURES, limit, lang),
    pv.outcome_table(by_year, "tahun", limit, lang),
    pv.years_summary(pub, year, lang),
    "publik_tahunan",
)
st.caption(T("public.outcomes.source", date=as_of))
st.caption(T("public.legend", limit=limit))

for dim in ("kejuruan", "kecamatan", "jenis"):
    st.subheader(T(f"public.h.{dim}", tahun=year))
    wide = pv.outcomes(pub, dim, year, lang)
    app.chart(
        pc.category_figure(wide, "peserta", limit, lang),
        pv.outcome_table(wide, dim, limit, lang),
        pv.dimension_summary(wide, dim, year, lang),
        f"publik_{dim}",
    )
st.caption(T("public.legend", limit=limit))

st.subheader(T("public.h.budget", tahun=year))
budget = pv.budget_rows(pub, year)
app.chart(
    pc.budget_figure(budget, lang),
    pv.budget_table(budget, limit, lang),
    pv.budget_summary(budget, year, limit, lang),
    "publik_anggaran",
)
st.caption(T("public.budget.source", date=as_of))

st.subheader(T("public.h.open_data"))
st.markdown(T("public.open_data.text"))
public_ui.download(pub)

st.subheader(T("public.h.method"))
st.markdown(pv.methodology(pub, lang))
