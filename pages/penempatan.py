"""Page: Penempatan (placements) — where graduates go.

Placements over time by jenis (kerja / magang / wirausaha); by KBLI sector and
employer (Apindo members or not); employers in Cilegon or outside; wage at
placement against the UMK; time from graduation to placement. Headline numbers
come from the KPI registry; breakdowns from queries/penempatan/*.sql.
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
app.page_header("nav.penempatan", "outcomes.penempatan.intro")
filters = app.filters()
lang = app.lang()

# ---- over time ----------------------------------------------------------------------
ou.section("outcomes.penempatan.trend_title")
by_month = app.query("penempatan/by_month", filters)
app.chart(
    ch.monthly_figure(by_month, filters.start, filters.end, lang),
    tb.monthly_table(by_month, lang),
    ot.trend_sentence(ou.metric("penempatan", filters), filters, lang),
    "penempatan_bulanan",
)

# ---- sectors and employers --------------------------------------------------------------
employers = app.query("penempatan/by_employer", filters)
sectors = oc.sectors(employers)
ou.section("outcomes.penempatan.sector_title")
app.chart(
    ch.sector_figure(sectors, lang),
    tb.sector_table(sectors, lang),
    ot.sector_sentence(sectors, oc.apindo_share(employers), lang),
    "penempatan_sektor",
)

ou.section("outcomes.penempatan.employer_title")
top = oc.top_employers(employers)
app.chart(
    ch.employer_figure(top, lang),
    tb.employer_table(employers, lang),
    ot.employer_sentence(employers, top, lang),
    "penempatan_perusahaan",
)

# ---- local or outside ----------------------------------------------------------------
ou.section("outcomes.penempatan.local_title")
local = app.query("penempatan/local_by_kejuruan", filters)
app.chart(
    ch.local_figure(local, lang),
    tb.local_table(local, lang),
    ot.local_sentence(ou.metric("porsi_lokal", filters), local, lang),
    "penempatan_lokal",
)

# ---- wages ------------------------------------------------------------------------------
ou.section("outcomes.penempatan.wage_title", "outcomes.penempatan.wage_note")
wages = app.query("penempatan/wage_by_kejuruan", filters)
wage_rows = oc.wage_rows(wages)
_, umk, _ = oc.wage_total(wages)
if wage_rows.empty:
    st.info(ot.tr("no_data", lang))
else:
    app.chart(
        ch.wage_figure(wage_rows, umk, filters.tahun, lang),
        tb.wage_table(wage_rows, lang),
        ot.wage_sentence(
            wage_rows,
            ou.metric("upah_median", filters),
            ou.metric("upah_vs_umk", filters),
            lang,
        ),
        "penempatan_upah",
    )

# ---- time to placement ------------------------------------------------------------------
ou.section("outcomes.penempatan.time_title")
bins = app.query("penempatan/time_to_placement", filters)
app.chart(
    ch.time_figure(bins, lang),
    tb.time_table(bins, lang),
    ot.time_sentence(bins, filters, lang),
    "penempatan_waktu",
)
