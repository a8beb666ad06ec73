"""Page: Kelola Data (administrators): import spreadsheets, see the import log, the
quarantine and the data-quality checks, download blank templates."""

import streamlit as st

from workforce import app
from workforce.access import ui as auth_ui
from workforce.ingest import ui as ingest_ui

app.ensure_frame(__file__)

auth_ui.require("admin")
app.page_header("nav.kelola_data", "kelola.intro")

tab_import, tab_log, tab_checks, tab_templates = st.tabs(
    [
        app.T("kelola.tab_import"),
        app.T("kelola.tab_log"),
        app.T("kelola.tab_checks"),
        app.T("kelola.tab_templates"),
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
