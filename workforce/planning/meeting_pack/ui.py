"""Streamlit side of the meeting pack: pick a scenario, build, download.

The pack itself is ``workforce.planning.meeting_pack.pack`` (Streamlit-free).
"""

from __future__ import annotations

import streamlit as st

from workforce import app
from workforce.core import i18n
from workforce.planning import planner, scenarios
from workforce.planning.meeting_pack import images
from workforce.planning.meeting_pack import pack as meeting_pack
from workforce.planning.scenarios import Scenario

CURRENT = "__current__"


def pack_section(b: planner.Basis, current: Scenario) -> None:
    """Pick a scenario, make the PDF and XLSX, offer the downloads."""
    images.warm_up()  # Chromium starts while the user reads the page
    st.header(app.T("planner.pack.header"))
    st.markdown(app.T("planner.pack.intro"))
    options = [CURRENT, *scenarios.list_names()]
    current_label = app.T("planner.compare.current")  # bound now (AppTest reruns)
    choice = st.selectbox(
        app.T("planner.pack.choose"),
        options,
        key="plan_pack_choice",
        format_func=lambda v: current_label if v == CURRENT else v,
    )
    if st.button(app.T("planner.pack.button"), type="primary", key="plan_pack_make"):
        sc = current if choice == CURRENT else scenarios.load(choice)
        with st.spinner(app.T("planner.pack.working")):
            pack = meeting_pack.build(app.conn(), b, sc, app.lang(), app.is_demo())
        st.session_state["plan_pack"] = (pack, sc.name, app.lang())
    made = st.session_state.get("plan_pack")
    if made:
        pack, name, lang = made
        st.success(
            app.T(
                "planner.pack.done",
                seconds=i18n.fmt_number(pack.seconds, app.lang(), 1),
            )
        )
        left, right = st.columns(2)
        left.download_button(
            app.T("planner.pack.download_pdf"),
            pack.pdf,
            key="plan_pack_pdf",
            file_name=meeting_pack.file_name(b.plan_year, name, "pdf"),
            mime="application/pdf",
        )
        right.download_button(
            app.T("planner.pack.download_xlsx"),
            pack.xlsx,
            key="plan_pack_xlsx",
            file_name=meeting_pack.file_name(b.plan_year, name, "xlsx"),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
