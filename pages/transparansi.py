"""Page: transparansi (filled by its own issue; for now a heading and what is coming)."""

import streamlit as st

from workforce import ui

ui.page_header("nav.transparansi")
st.info(ui.T("page.coming", what=ui.T("coming.transparansi")))
