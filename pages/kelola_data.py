"""Page: Kelola Data (administrators): import spreadsheets, see the import log, the
quarantine and the data-quality checks, download blank templates."""

import streamlit as st

from workforce import auth_ui, ingest_ui, ui

ui.ensure_frame(__file__)

auth_ui.require("admin")
ui.page_header("nav.kelola_data", "kelola.intro")

tab_import, tab_log, tab_checks, tab_templates = st.tabs(
    [
        ui.T("kelola.tab_import"),
        ui.T("kelola.tab_log"),
        ui.T("kelola.tab_checks"),
        ui.T("kelola.tab_templates"),
    ]
)
with tab_import:
    ingest_ui.import_section()
with tab_log:
    ingest_ui.log_section()
with tab_checks:
    ingest_ui.checks_section()
with tab_templates:
    ingest_ui.templates_section()
