"""Page: masuk (log in). Shown to people who are not logged in; see workforce/auth_ui."""

import streamlit as st

from workforce import app
from workforce.access import ui as auth_ui
from workforce.core.navigation import pages_for

app.ensure_frame(__file__)

role = auth_ui.current_role()
if role != "public":
    st.switch_page(pages_for(role)[0].file)

st.title(app.T("auth.login_title"))
st.markdown(app.T("auth.login_intro"))
auth_ui.login_panel()
