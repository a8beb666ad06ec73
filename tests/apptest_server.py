"""AppTest as on a running server: pages run inside the frame (dashboard.py).

AppTest resets ``PagesManager.uses_pages_directory`` before every run, so each run
after ``switch_page`` starts in the old ``pages/`` mode and hops through the frame
(``ui.ensure_frame``); the hop changes page twice, and Streamlit drops widget state
on a page change. A real server sets the flag to False for good once
``st.navigation`` has run (only its very first deep link hops, with no widget state
yet); ``ServerPagesManager`` does the same. Used by the tests (conftest.py) and the
benchmark's recorder (bench/record.py).
"""

from __future__ import annotations

from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import app_test


class ServerPagesManager(PagesManager):
    """A PagesManager as on a server where some session has run ``st.navigation``."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


def install() -> None:
    """Make every AppTest created from now on run pages as a server does."""
    app_test.PagesManager = ServerPagesManager
