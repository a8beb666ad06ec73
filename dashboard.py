"""The frame of the dashboard: config, language, shared filters, navigation.

Run with ``streamlit run dashboard.py``. Pages live in ``pages/`` and are thin:
each starts with ``app.page(__file__)`` and asks its feature's ``ui`` to draw.
"""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from workforce import app
from workforce.access import ui as auth_ui
from workforce.core.navigation import PAGES, pages_for

auth_ui.harden_server()  # what an anonymous browser must not drive
st.set_page_config(
    page_title="Dasbor Tenaga Kerja Cilegon",
    page_icon=str(app.FAVICON),  # served by this server: no request to a font CDN
    layout="wide",
    initial_sidebar_state="auto",
)

app.language_switch()

problem = app.database_problem()
if problem:  # the path and the error go to the server's log, not to the page
    st.error(app.T(problem))
    st.stop()

auth_ui.refuse_demo_on_real_data()
role = auth_ui.current_role()
# Every page is registered so a direct URL reaches its login prompt; the menu
# shows only the pages this role may open (pages_for), plus "Masuk" for public.
visible = pages_for(role)
sections: dict[str, list] = defaultdict(list)


def _home() -> None:
    """The root address: go on to the role's first page, keeping the URL's filters.

    Every page keeps its own address (a shared ``/transparansi`` link must open
    it), so no page of the menu may be the default: that one is served at ``/``.
    """
    st.switch_page(by_file[visible[0].file], query_params=app.url_items())


sections[""].append(
    st.Page(_home, title=app.T("app.home"), default=True, visibility="hidden")
)
needs: list[tuple[object, str, str]] = []  # (page, file, role from the spec)
by_file: dict[str, object] = {}
for spec in PAGES:
    shown = spec in visible
    page = st.Page(
        spec.file,
        title=app.T(spec.title_key),
        icon=spec.icon,
        url_path=spec.url_path,
        visibility="visible" if shown else "hidden",
    )
    sections[app.T(spec.section_key) if shown else ""].append(page)
    needs.append((page, spec.file, spec.role))
    by_file[spec.file] = page
login = st.Page(
    "pages/masuk.py",
    title=app.T("auth.nav_login"),
    icon=":material/login:",
    url_path="masuk",
    visibility="visible" if role == "public" else "hidden",
)
sections[app.T("auth.nav_section") if role == "public" else ""].append(login)
by_file["pages/masuk.py"] = login
needs.append((login, "pages/masuk.py", "public"))
current = st.navigation(dict(sections))
auth_ui.account_sidebar()

file, needed = next(((f, r) for p, f, r in needs if p is current), ("", "public"))
app.sidebar_filters(next((spec.filters for spec in PAGES if spec.file == file), ()))
app.page_head()
app.demo_banner()
auth_ui.require(needed)
with app.frame(file, role):
    current.run()
