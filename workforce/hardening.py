"""What an anonymous browser must not drive on the Streamlit server (once per process).

Streamlit 1.67 has no setting for these, so ``install()`` (called by the frame,
``dashboard.py``) adjusts the running server; ``tests/test_security.py`` replays
each attack against a real server, so an upgrade that breaks a guard fails there.

- **Cache clearing.** Any websocket client may send the ``clear_cache`` message,
  which empties every session's caches and closes the shared DuckDB connections
  under running queries. The product's caches are keyed on the database file, so
  nobody needs it: the message is logged and ignored.
- **The metrics endpoint.** ``/_stcore/metrics`` lists the cached functions and
  their activity to anyone: it answers with no figures here (and the proxy
  refuses the path, ``deploy/security-headers.md``).
- **Downloads of personal data.** Streamlit serves a download button's file at
  ``/media/<id>`` to any client that has the address, for as long as the session
  lives. A ``private_file`` (the quarantine of rejected rows) is made only when
  its button is clicked and served once: the browser that clicked receives it;
  the same address then answers 404, to a copied link or to curl.

Frame ancestors, a content security policy and the other response headers are
set by the reverse proxy (``deploy/security-headers.md``).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from streamlit import runtime
from streamlit.runtime.app_session import AppSession

log = logging.getLogger("workforce.hardening")
_LOCAL = threading.local()  # set while a private file's bytes are being stored
_ONE_TIME: set[str] = set()  # media file ids to serve once
_LOCK = threading.Lock()
_installed: set[str] = set()


def install() -> None:
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
    log.warning(
        "ignored a request to clear the caches from browser session %s", self.id
    )


def _guard_media(manager: Any) -> None:
    """Serve the files stored while a private file was being made only once."""
    storage = manager._storage  # the one MemoryMediaFileStorage the /media route reads
    store, read = storage.load_and_get_id, storage.get_file

    def load_and_get_id(*args: Any, **kwargs: Any) -> str:
        file_id = store(*args, **kwargs)
        if getattr(_LOCAL, "private", False):
            _LOCAL.private = False
            _ONE_TIME.add(file_id)
        return file_id

    def get_file(filename: str) -> Any:
        found = read(filename)
        file_id = os.path.splitext(filename)[0]
        if file_id in _ONE_TIME:
            _ONE_TIME.discard(file_id)
            storage.delete_file(file_id)  # served to this request, then gone
        return found

    storage.load_and_get_id, storage.get_file = load_and_get_id, get_file


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
