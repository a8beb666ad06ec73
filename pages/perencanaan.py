"""Page: Perencanaan & Bahan Rapat — scenario planner, TPT projection, meeting pack.

Thin: the inputs, results and sections are drawn by ``workforce.planning.ui``; the
numbers come from ``workforce.planning.planner``, ``projection`` and ``meeting_pack``.
"""

import streamlit as st

from workforce import app
from workforce.access import ui as auth_ui
from workforce.planning import ui as planner_ui
from workforce.planning.meeting_pack import ui as meeting_pack_ui
from workforce.planning.projection import ui as projection_ui

app.ensure_frame(__file__)

auth_ui.require("staff")
app.page_header("nav.perencanaan", "planner.intro")
st.caption(app.T("planner.filters_note"))

basis = planner_ui.basis()
if not basis.kejuruan:
    st.info(app.T("planner.no_data"))
    st.stop()

planner_ui.init_inputs(basis)
plan, tpt, pack = st.tabs(
    [app.T("planner.tab.plan"), app.T("planner.tab.tpt"), app.T("planner.tab.pack")]
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
