"""Streamlit side of access control: who is logged in, their role, login widgets.

The role of a session is found in this order:

1. **Demo mode** (the demo database, ``WORKFORCE_DEMO`` not ``"0"``; or
   ``WORKFORCE_DEMO=1``): nobody is logged in; the sidebar offers a clearly
   marked demo admin and a role picker. Refuses a database with real data.
2. **Single sign-on** with ``st.login`` when ``.streamlit/secrets.toml`` has an
   ``[auth]`` section: the role comes from the admins' mapping
   (``auth.role_for_claims``); an unknown e-mail address is public.
3. **Local accounts**: a login form; the session keeps the user name, and the
   role is re-read from the accounts file on every run, so removing a user or
   changing a role takes effect at once.

``require(role)`` sits at the top of every internal page (and in the frame):
without the role it shows a login prompt and stops the page.

``harden_server()`` (called by the frame) keeps what an anonymous browser must
not drive on the Streamlit server out of its reach; see its section below.
"""

from __future__ import annotations

import logging
import math
import os
import secrets
import threading
import time
import tomllib
from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit import runtime
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.media_file_storage import MediaFileStorageError

from workforce import app
from workforce.access import auth
from workforce.core import i18n
from workforce.core.markup import md
from workforce.core.navigation import ROLES, allowed, pages_for

_USER, _SOURCE, _DEMO_ROLE = "auth_user", "auth_source", "auth_demo_role"
DEMO_USER = "demo-admin"


# ---- which mode ------------------------------------------------------------------


def _demo_wanted() -> bool:
    """The demo database unless WORKFORCE_DEMO=0, or WORKFORCE_DEMO=1."""
    flag = os.environ.get("WORKFORCE_DEMO")
    return flag == "1" or (flag != "0" and app.is_demo())


def _has_real_data() -> bool:
    return app.info().get("has_real_data") == "true"


def demo_requested() -> bool:
    """Demo mode is on: wanted, and the database holds no imported real data."""
    return _demo_wanted() and not _has_real_data()


def refuse_demo_on_real_data() -> None:
    """Stop the app when demo mode would open a database holding real data."""
    if _demo_wanted() and _has_real_data():
        st.error(app.T("auth.demo_refused", path=str(app.db_file())), icon="🛑")
        st.stop()


def oidc_configured() -> bool:
    """True when ``.streamlit/secrets.toml`` has an ``[auth]`` section."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file at all
        return False


# ---- who is this session ---------------------------------------------------------


def _resolve() -> tuple[str, str | None]:
    """(role, user name) of this session; ``(public, None)`` when nobody."""
    source = st.session_state.get(_SOURCE)
    if source == "demo" and demo_requested():
        return st.session_state.get(_DEMO_ROLE, "admin"), DEMO_USER
    if source == "local" and not oidc_configured():
        role = auth.account_role(st.session_state.get(_USER, ""))
        if role:
            return role, st.session_state[_USER]
    if source is not None:
        _forget()
    if oidc_configured() and st.user.get("is_logged_in"):
        claims = st.user.to_dict()
        name = claims.get("email") or claims.get("name") or "sso-user"
        return _sso_role(claims), str(name)
    return "public", None


def _sso_role(claims: dict) -> str:
    try:
        return auth.role_for_claims(claims, auth.load_role_map())
    except (auth.AuthError, tomllib.TOMLDecodeError, OSError) as exc:
        auth.log.error("role mapping unusable, SSO user treated as public: %s", exc)
        st.session_state["auth_roles_broken"] = True
        return "public"


def current_role() -> str:
    """The role of this session; also keeps ``user_name`` for the audit log."""
    role, user = _resolve()
    st.session_state["user_name"] = user
    return role


def require(needed: str) -> None:
    """Stop the page with a login prompt unless the session has ``needed``."""
    refuse_demo_on_real_data()  # also here: a page may run without the frame
    role = current_role()
    if allowed(role, needed):
        return
    wanted = app.T(f"auth.role.{needed}")
    if role == "public":
        st.warning(app.T("auth.need_login", role=wanted), icon=":material/lock:")
        login_panel()
    else:
        have = app.T(f"auth.role.{role}")
        st.error(
            app.T("auth.need_role", have=have, role=wanted), icon=":material/block:"
        )
    st.stop()


def _forget() -> None:
    for key in (_USER, _SOURCE, _DEMO_ROLE, "user_name"):
        st.session_state.pop(key, None)


def logout() -> None:
    """Forget this session's login (and end the SSO session)."""
    _forget()
    if oidc_configured() and st.user.get("is_logged_in"):
        st.logout()


def _session_id() -> str:
    """A random id per browser session, for the per-session login limit."""
    if "auth_session" not in st.session_state:
        st.session_state["auth_session"] = secrets.token_hex(16)
    return st.session_state["auth_session"]


# ---- widgets ------------------------------------------------------------------------


def login_panel(where: str = "main") -> None:
    """Demo admin button, SSO button(s) or the local login form, as configured."""
    if demo_requested():
        _demo_enter_button(f"auth_demo_enter_{where}")
    if oidc_configured():
        _sso_panel()
    else:
        _local_form()


def _local_form() -> None:
    with st.form("auth_login", clear_on_submit=True):
        st.text_input(
            app.T("auth.username"), key="auth_login_user", autocomplete="username"
        )
        st.text_input(
            app.T("auth.password"),
            type="password",
            key="auth_login_password",
            autocomplete="current-password",
        )
        st.form_submit_button(
            app.T("auth.submit"),
            type="primary",
            key="auth_login_submit",
            on_click=_submit_login,
        )
    message = st.session_state.pop("auth_login_message", None)
    if message:
        st.error(app.T(message[0], seconds=message[1]))
    if not auth.load_users() and not demo_requested():
        st.info(app.T("auth.no_accounts"))


def _submit_login() -> None:
    """Form callback: check the login, then drop the password from the session."""
    user = st.session_state.get("auth_login_user", "")
    password = st.session_state.get("auth_login_password", "")
    st.session_state["auth_login_password"] = ""
    result = auth.authenticate(user, password, _session_id())
    if result.ok:
        st.session_state[_USER] = result.username
        st.session_state[_SOURCE] = "local"
    elif result.busy:
        st.session_state["auth_login_message"] = ("auth.busy", 0)
    elif result.locked_s > 0:
        st.session_state["auth_login_message"] = (
            "auth.locked",
            math.ceil(result.locked_s),
        )
    else:
        st.session_state["auth_login_message"] = ("auth.failed", 0)


def _providers() -> list[str | None]:
    """None for a single ``[auth]`` provider, else the ``[auth.<name>]`` names."""
    section = st.secrets["auth"]
    if "client_id" in section:
        return [None]
    return [name for name in section if hasattr(section[name], "keys")]


def _sso_panel() -> None:
    if st.user.get("is_logged_in"):
        user = st.user.get("email") or st.user.get("name")
        if st.session_state.get("auth_roles_broken"):
            st.error(app.T("auth.roles_file_error"))
        st.info(app.T("auth.sso_no_role", user=md(user)))
        st.button(app.T("auth.logout"), on_click=logout, key="auth_sso_logout")
        return
    for provider in _providers():
        label = (
            app.T("auth.sso_provider", provider=provider.title())
            if provider
            else app.T("auth.sso_button")
        )
        st.button(
            label,
            type="primary",
            icon=":material/login:",
            on_click=st.login,
            args=(provider,) if provider else (),
            key=f"auth_sso_{provider or 'default'}",
        )


def _enter_demo() -> None:
    st.session_state[_SOURCE] = "demo"
    st.session_state[_DEMO_ROLE] = "admin"


def _demo_enter_button(key: str) -> None:
    st.button(
        app.T("auth.demo_enter"),
        type="primary",
        icon=":material/admin_panel_settings:",
        on_click=_enter_demo,
        key=key,
        width="stretch",
    )
    st.caption(app.T("auth.demo_hint"))


def account_sidebar() -> None:
    """The sidebar account box: demo controls, or who is logged in and logout."""
    role, user = _resolve()
    with st.sidebar:
        if demo_requested():
            with st.container(border=True):
                st.markdown(app.T("auth.demo_box"))
                if user is None:
                    _demo_enter_button("auth_demo_enter_sidebar")
                else:
                    lg = app.lang()  # bound now: AppTest formats outside the run
                    st.radio(
                        app.T("auth.demo_role"),
                        ROLES,
                        key=_DEMO_ROLE,
                        horizontal=True,
                        format_func=lambda r: i18n.t(f"auth.role.{r}", lg),
                    )
                    st.button(app.T("auth.logout"), on_click=logout, key="auth_logout")
        elif user is not None:
            role_name = app.T(f"auth.role.{role}")
            who = app.T("auth.logged_in_as", user=md(user), role=role_name)
            st.markdown(who)
            st.button(app.T("auth.logout"), on_click=logout, key="auth_logout")


# ---- the page ----------------------------------------------------------------


def login_page() -> None:
    """Masuk: the login form; a logged-in user goes on to their first page."""
    role = current_role()
    if role != "public":
        st.switch_page(pages_for(role)[0].file)

    st.title(app.T("auth.login_title"))
    st.markdown(app.T("auth.login_intro"))
    login_panel()


# ---- the server: what an anonymous browser must not drive ------------------------
# Streamlit 1.67 has no setting for these, so ``harden_server()`` (called once per
# process by the frame, ``dashboard.py``) adjusts the running server; ``tests/test_security.py`` replays
# each attack against a real server, so an upgrade that breaks a guard fails there.
#
# - **Cache clearing.** Any websocket client may send the ``clear_cache`` message,
#   which empties every session's caches and closes the shared DuckDB connections
#   under running queries. The product's caches are keyed on the database file, so
#   nobody needs it: the message is logged and ignored.
# - **The metrics endpoint.** ``/_stcore/metrics`` lists the cached functions and
#   their activity to anyone: it answers with no figures here (and the proxy
#   refuses the path, ``deploy/security-headers.md``).
# - **Downloads of personal data.** Streamlit serves a download button's file at
#   ``/media/<id>`` to any client that has the address, for as long as the session
#   lives. A ``private_file`` (the quarantine of rejected rows) is made only when
#   its button is clicked and its address answers only the clicking browser's own
#   requests (PRIVATE_READS, within PRIVATE_TTL_S): then 404, to a copied link or
#   to curl, also after the admin closed the browser.
#
# Frame ancestors, a content security policy and the other response headers are
# set by the reverse proxy (``deploy/security-headers.md``).

_guard_log = logging.getLogger("workforce.access.guard")
_LOCAL = threading.local()  # set while a private file's bytes are being stored
_PRIVATE: dict[str, tuple[int, float]] = {}  # media file id -> (reads left, until)
PRIVATE_READS = 2  # Chromium asks twice: the page checks the address, then saves it
PRIVATE_TTL_S = 60.0
_LOCK = threading.Lock()
_installed: set[str] = set()


def harden_server() -> None:
    """Put every guard in place (a second call does nothing)."""
    with _LOCK:
        if "session" not in _installed:
            AppSession._handle_clear_cache_request = _refuse_cache_clearing
            _installed.add("session")
        if runtime.exists() and "server" not in _installed:
            _guard_media(runtime.get_instance().media_file_mgr)
            _quiet_metrics(runtime.get_instance().stats_mgr)
            _installed.add("server")


def _refuse_cache_clearing(self: AppSession) -> None:
    """Replaces Streamlit's handler of a browser's ``clear_cache`` message."""
    _guard_log.warning(
        "ignored a request to clear the caches from browser session %s", self.id
    )


def _guard_media(manager: Any) -> None:
    """Serve a private file's address to the browser that made it, then forget it."""
    storage = manager._storage  # the one MemoryMediaFileStorage the /media route reads
    store, read = storage.load_and_get_id, storage.get_file

    def load_and_get_id(*args: Any, **kwargs: Any) -> str:
        file_id = store(*args, **kwargs)
        if getattr(_LOCAL, "private", False):
            _LOCAL.private = False
            _PRIVATE[file_id] = (PRIVATE_READS, time.monotonic() + PRIVATE_TTL_S)
        return file_id

    def get_file(filename: str) -> Any:
        found = read(filename)
        file_id = os.path.splitext(filename)[0]
        # the /media route asks for "<id>.<ext>"; the server itself (get_url) the id
        if file_id != filename and file_id in _PRIVATE and not _may_read(file_id):
            storage.delete_file(file_id)
            raise MediaFileStorageError(f"private file {file_id} already served")
        return found

    storage.load_and_get_id, storage.get_file = load_and_get_id, get_file


def _may_read(file_id: str) -> bool:
    """Count one read of a private file: False once its reads or time are up."""
    with _LOCK:
        left, until = _PRIVATE[file_id]
        if left <= 0 or time.monotonic() > until:
            del _PRIVATE[file_id]
            return False
        _PRIVATE[file_id] = (left - 1, until)
        return True


def _quiet_metrics(stats: Any) -> None:
    """``/_stcore/metrics`` reports no figures (its families are emptied)."""
    stats.get_stats = lambda *args, **kwargs: {}
    stats.registered_families = lambda: []


def private_file(make: Callable[[], bytes]) -> Callable[[], bytes]:
    """A download button's ``data`` that is made on click and served once."""

    def build() -> bytes:
        content = make()
        _LOCAL.private = True  # the media manager stores it next, in this thread
        return content

    return build
