"""Page: Link & Match — is training matched to what Cilegon's industry needs?

Per kejuruan and year, vacancies reported by employers against graduates (the
``kesenjangan_link_match`` KPI, year by year: queries/link_match/gap_by_year.sql,
tested equal to the registry); which kejuruan are over- or under-supplied year
after year; which employers report vacancies but hire no graduates.
"""

import streamlit as st

from workforce import app
from workforce.access import ui as auth_ui
from workforce.outcomes import charts as ch
from workforce.outcomes import numbers as oc
from workforce.outcomes import tables as tb
from workforce.outcomes import text as ot
from workforce.outcomes import ui as ou

app.ensure_frame(__file__)

auth_ui.require("staff")
app.page_header("nav.link_match", "outcomes.link.intro")
filters = app.filters()
lang = app.lang()
st.caption(app.T("outcomes.link.filter_note"))
gaps = app.query("link_match/gap_by_year", filters)
years = list(range(filters.tahun - 4, filters.tahun + 1))

# ---- the selected year -------------------------------------------------------------
ou.section("outcomes.link.gap_title", "outcomes.link.gap_note")
year_rows = oc.gap_year(gaps, filters.tahun)
if year_rows.empty:
    st.info(ot.tr("no_data", lang))
else:
    ou.open_chart(
        ch.gap_figure(year_rows, lang),
        tb.gap_table(year_rows, lang),
        ot.gap_sentence(year_rows, filters.tahun, lang),
        "link_match_kesenjangan",
    )

# ---- year after year -----------------------------------------------------------------
ou.section(
    "outcomes.link.years_title", "outcomes.link.persist_note", n=oc.PERSISTENT_YEARS
)
persist = oc.persistence(gaps, filters.tahun, len(years))
if persist.empty:
    st.info(ot.tr("no_data", lang))
else:
    app.chart(
        ch.gap_heatmap(gaps, persist["kejuruan"].tolist(), years, lang),
        tb.persistence_table(persist, gaps, years, lang),
        ot.persistence_sentence(persist, lang),
        "link_match_tahunan",
    )

# ---- employers hiring no graduates ------------------------------------------------------
ou.section("outcomes.link.employers_title")
vacancies = app.query("link_match/employer_vacancies", filters)
none_hired = oc.employers_without_graduates(vacancies)
sentence = ot.employers_sentence(vacancies, none_hired, filters.tahun, lang)
if none_hired.empty:
    st.caption(sentence)
else:
    app.chart(
        ch.employers_figure(none_hired, lang),
        tb.employers_vacancy_table(none_hired, lang),
        sentence,
        "link_match_perusahaan",
    )
