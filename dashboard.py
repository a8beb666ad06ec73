"""The frame of the dashboard: config, language, shared filters, navigation.

Run with ``streamlit run dashboard.py``. Pages live in ``pages/`` and are thin:
they read the filters from ``workforce.ui`` and draw query results.
"""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from workforce import ui
from workforce.navigation import pages_for

st.set_page_config(
    page_title="Dasbor Tenaga Kerja Cilegon",
    page_icon=":material/engineering:",
    layout="wide",
    initial_sidebar_state="auto",
)

ui.language_switch()

if not ui.db_file().exists():
    st.error(ui.T("app.db_missing", path=str(ui.db_file())))
    st.stop()

role = "admin"  # access control arrives with the login issue; demo shows every page
sections: dict[str, list] = defaultdict(list)
for spec in pages_for(role):
    page = st.Page(
        spec.file, title=ui.T(spec.title_key), icon=spec.icon, url_path=spec.url_path
    )
    sections[ui.T(spec.section_key)].append(page)
current = st.navigation(dict(sections))

ui.sidebar_filters()
ui.demo_banner()
current.run()
