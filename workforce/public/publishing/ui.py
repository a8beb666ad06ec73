"""Kelola Data's release tab (administrators): what changed since the last
release, the note and publish button, the releases published so far."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workforce import app
from workforce.core import i18n
from workforce.public import publishing, release
from workforce.public import ui as public_ui


def release_section() -> None:
    """What changed since the last release, the note and publish button, the past
    releases. Kelola Data is for administrators; checked here again."""
    if app.role() != "admin":
        return
    conn, lang = app.conn(), app.lang()
    st.markdown(app.T("release.admin.intro"))
    last = release.latest(conn)
    pub = public_ui.publication()
    if pub is not None:
        st.info(app.T("release.admin.current", label=release.label(pub, lang)))
    else:
        st.warning(app.T("release.admin.nothing_yet"))
    _changes_table(release.changes(conn), last is not None)
    _publish_form(1 if last is None else last.number + 1)
    _past_releases(release.releases(conn), lang)


def _changes_table(changes: pd.DataFrame, released: bool) -> None:
    st.subheader(app.T("release.admin.h_changes"))
    columns = ("added_count", "removed_count", "changed_count")
    if released and not changes[list(columns)].to_numpy().any():
        st.success(app.T("release.admin.no_changes"))
    shown = pd.DataFrame(
        {
            app.T("release.admin.col_table"): [
                app.T(f"release.table.{t}") for t in changes["tabel"]
            ],
            **{
                app.T(f"release.admin.col_{c.removesuffix('_count')}"): changes[c]
                for c in columns
            },
        }
    )
    st.dataframe(shown, hide_index=True)
    as_of = i18n.fmt_date(app.data_as_of(), app.lang())
    st.caption(app.T("release.admin.changes_caption", as_of=as_of))


def _publish_form(number: int) -> None:
    st.subheader(app.T("release.admin.h_publish", number=number))
    if done := st.session_state.pop("release_done", None):
        st.success(app.T("release.admin.done", number=done[0]))
        if done[1]:
            st.warning(app.T("release.site_not_updated", reason=done[1]))
    with st.form("release_form", clear_on_submit=True):
        note = st.text_area(
            app.T("release.admin.note"),
            help=app.T("release.admin.note_help"),
            max_chars=release.NOTE_MAX,
            key="release_note",
        )
        pressed = st.form_submit_button(
            app.T("release.admin.publish"), type="primary", icon=":material/publish:"
        )
    if not pressed:
        return
    if not note.strip():
        st.error(app.T("release.admin.need_note"))
        return
    user = st.session_state.get("user_name") or "admin"
    try:
        done, failed = publishing.publish_file(app.db_file(), note, user)
    except release.ReleaseError as exc:
        st.error(app.T("release.admin.failed", reason=str(exc)))
        return
    st.session_state["release_done"] = (done.number, failed)
    st.rerun()


def _past_releases(past: list[release.Release], lang: str) -> None:
    st.subheader(app.T("release.admin.h_past"))
    if not past:
        st.caption(app.T("release.admin.nothing_yet"))
        return
    rows = [
        {
            app.T("release.admin.col_number"): r.number,
            app.T("release.admin.col_published"): i18n.fmt_date(
                r.published_at.date(), lang
            ),
            app.T("release.admin.col_as_of"): i18n.fmt_date(r.data_as_of, lang),
            app.T("release.admin.col_note"): r.note,
            app.T("release.admin.col_by"): r.published_by,
        }
        for r in past
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True)
