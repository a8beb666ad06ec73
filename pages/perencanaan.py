"""Page: Perencanaan & Bahan Rapat — scenario planner, TPT projection, meeting pack.

Thin: the inputs, results and sections are drawn by ``workforce.planner_ui``; the
numbers come from ``workforce.planner``, ``projection`` and ``meeting_pack``.
"""

import streamlit as st

from workforce import auth_ui, meeting_pack_ui, planner_ui, projection_ui, ui

ui.ensure_frame(__file__)

auth_ui.require("staff")
ui.page_header("nav.perencanaan", "planner.intro")
st.caption(ui.T("planner.filters_note"))

basis = planner_ui.basis()
if not basis.kejuruan:
    st.info(ui.T("planner.no_data"))
    st.stop()

planner_ui.init_inputs(basis)
plan, tpt, pack = st.tabs(
    [ui.T("planner.tab.plan"), ui.T("planner.tab.tpt"), ui.T("planner.tab.pack")]
)
with plan:
    budget = planner_ui.budget_inputs(basis)
    seats = planner_ui.seats_editor(basis)
    current = planner_ui.current_scenario(basis, budget, seats)
    totals = planner_ui.results(basis, current)
    planner_ui.method_note(basis)
    st.divider()
    planner_ui.saved_scenarios(basis, current)
with tpt:
    projection_ui.tpt_section(totals["placed"])
with pack:
    meeting_pack_ui.pack_section(basis, current)
