"""Streamlit side of the transparency page: the cached publication and its widgets.

``publication()`` is the page's only source of numbers. It builds the aggregate-only
in-memory database from the main one (``public_data.build``), suppresses
(``public_data.publication``) and closes it; the result is cached per database file
stamp and threshold, so the build (about a second) runs once per import.
"""

from __future__ import annotations

import streamlit as st

from workforce import app
from workforce.public import disclosure, open_data
from workforce.public import numbers as public_data
from workforce.public.numbers import Publication
from workforce.public.text import CardView

CARDS_PER_ROW = 3


@st.cache_data(max_entries=4, show_spinner=False)
def _publication(path: str, file_stamp: app.Stamp, limit: int) -> Publication:
    public = public_data.build(app.conn())
    try:
        return public_data.publication(public, limit)
    finally:
        public.close()


def publication() -> Publication:
    """The suppressed public figures of the current database."""
    path = app.db_file()
    return _publication(str(path), app.stamp(path), disclosure.threshold())


def cards(views: list[CardView]) -> None:
    """KPI cards in rows of three (one column on a phone), definition on hover."""
    for start in range(0, len(views), CARDS_PER_ROW):
        row = views[start : start + CARDS_PER_ROW]
        for col, view in zip(st.columns(CARDS_PER_ROW), row, strict=False):
            col.metric(view.name, view.value, help=view.definition, border=True)


def download(pub: Publication) -> None:
    """The open-data zip (built when the button is clicked)."""
    stamp = (pub.info.get("data_as_of") or "data").replace("-", "")
    st.download_button(
        app.T("public.open_data.button"),
        data=lambda: open_data.zip_bytes(pub),
        file_name=f"cilegon_data_terbuka_{stamp}.zip",
        mime="application/zip",
        icon=":material/download:",
        key="public_open_data",
    )
