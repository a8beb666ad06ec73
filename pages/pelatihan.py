"""Page: Hasil Pelatihan (training outcomes) — what works, for whom.

The funnel registered → completed → certified → placed within 6 months for the
filtered selection; the same by kejuruan, provider, type, funding source and batch;
equity breakdowns by participant group; graduate cohorts placed by month 1-12.
Counts: queries/pelatihan/*.sql (same bases as the KPI registry); shaping:
workforce.outcomes.numbers; words: workforce.outcomes.text; figures: workforce.outcomes.charts.
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
app.page_header("nav.pelatihan", "outcomes.pelatihan.intro")
filters = app.filters()
lang = app.lang()
by_group = app.query("pelatihan/outcomes_by_group", filters)

# ---- funnel ---------------------------------------------------------------------
ou.section("outcomes.pelatihan.funnel_title", "outcomes.pelatihan.funnel_note")
stages = oc.funnel(by_group)
app.chart(
    ch.funnel_figure(stages, lang),
    tb.funnel_table(stages, lang),
    ot.funnel_sentence(stages, filters, lang),
    "pelatihan_corong",
)


# ---- by programme -------------------------------------------------------------------
ou.section("outcomes.pelatihan.breakdown_title", "outcomes.small_n_note")
ou.breakdown_section(by_group, oc.BREAKDOWNS, "pelatihan_rincian", filters)

# ---- equity ----------------------------------------------------------------------------
ou.section("outcomes.pelatihan.equity_title", "outcomes.small_n_note")
ou.breakdown_section(by_group, oc.EQUITY, "pelatihan_kesetaraan", filters)

# ---- cohorts -------------------------------------------------------------------------
ou.section("outcomes.pelatihan.cohort_title", "outcomes.pelatihan.cohort_note")
grain = ou.choice(
    "outcomes.pelatihan.cohort_grain",
    ("tahun", "kuartal"),
    "pelatihan_grain",
    lambda g: ot.tr(f"grain.{g}", lang),
)
cohorts = app.query("pelatihan/cohort_placement", filters)
curve = oc.cohort_curve(cohorts, grain, ou.reporting_date(filters))
if curve.empty:
    st.info(ot.tr("no_data", lang))
else:
    app.chart(
        ch.cohort_figure(curve, grain, lang),
        tb.cohort_table(curve, grain, lang),
        ot.cohort_sentence(curve, grain, lang),
        "pelatihan_angkatan",
    )
