"""A simulated browser tab: Streamlit's own protobuf messages over ``/_stcore/stream``.

What the Streamlit frontend does, without a browser: ``GET`` the page (HAProxy's
sticky cookie and Streamlit's XSRF cookie come back) and ``/_stcore/host-config``,
open the websocket with the ``streamlit`` subprotocol (the XSRF token and, on a
reconnect, the previous session id ride in the same header, as the frontend sends
them), send ``rerun_script`` BackMsgs (query string, page, widget states, the hashes
of the messages it keeps) and read ForwardMsgs until ``script_finished``.

A ``Run`` holds what one script run drew (elements by delta path, the URL's query
string, exceptions shown), so a caller can check that an interaction really
happened: the widget shows the new value and the app wrote it into the URL.
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
RECONNECT_TRIES = 5
STICKY_COOKIE = "WFSRV"  # HAProxy's server cookie (deploy/haproxy.cfg.in)


class SessionError(RuntimeError):
    """The server closed the stream, refused it, or did not finish a run in time."""


@dataclass
class Run:
    """What one script run (and any rerun it asked for) sent to the tab."""

    started: float
    finished: float = 0.0
    elements: dict[tuple[int, ...], Any] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    query_string: str | None = None
    bytes_in: int = 0
    messages: int = 0

    @property
    def seconds(self) -> float:
        """Request to the script's last message."""
        return self.finished - self.started

    def widget(self, key: str) -> Any | None:
        """The element of the widget with user key ``key`` drawn in this run."""
        for element in self.elements.values():
            kind = element.WhichOneof("type")
            if str(getattr(getattr(element, kind), "id", "")).endswith(f"-{key}"):
                return getattr(element, kind)
        return None

    def texts(self) -> list[str]:
        """Markdown, heading and alert bodies drawn in this run."""
        kinds = ("markdown", "heading", "alert", "text")
        out = []
        for element in self.elements.values():
            kind = element.WhichOneof("type")
            if kind in kinds:
                out.append(getattr(element, kind).body)
        return out


async def http_get(base: str, path: str, cookies: dict[str, str]) -> dict[str, str]:
    """One HTTP/1.1 GET on loopback; the cookies it sets (raises on a non-200)."""
    url = urllib.parse.urlsplit(base)
    reader, writer = await asyncio.open_connection(url.hostname, url.port)
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {url.netloc}\r\nConnection: close\r\n"
        f"Accept-Encoding: identity\r\n" + (f"Cookie: {cookie}\r\n" if cookie else "")
    )
    writer.write(request.encode() + b"\r\n")
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        await reader.read()
    finally:
        writer.close()
    lines = head.decode("latin-1").split("\r\n")
    if " 200 " not in lines[0] + " ":
        raise SessionError(f"GET {path}: {lines[0]}")
    found = {}
    for line in lines[1:]:
        if line.lower().startswith("set-cookie:"):
            name, _, rest = line.split(":", 1)[1].strip().partition("=")
            found[name] = rest.split(";", 1)[0]
    return found


class Tab:
    """One browser tab on the dashboard: its cookies, session and widget values."""

    def __init__(self, base: str, timeout: float = 60.0) -> None:
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.session_id = ""
        self.page_hash = ""
        self.query_string = ""
        self.widgets: dict[str, WidgetState] = {}
        self.cache: dict[str, ForwardMsg] = {}
        self.ws: Any = None
        self.reconnects = 0

    async def open(self, path: str = "/") -> None:
        """Load the page's HTML and host config, then open the stream."""
        self.cookies |= await http_get(self.base, path, self.cookies)
        self.cookies |= await http_get(self.base, "/_stcore/host-config", self.cookies)
        await self._connect()

    async def _connect(self) -> None:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        token = self.cookies.get("_streamlit_xsrf") or "PLACEHOLDER_AUTH_TOKEN"
        protocols = [
            "streamlit",
            token,
            *([self.session_id] if self.session_id else []),
        ]
        try:
            self.ws = await websockets.connect(
                self.base.replace("http", "ws", 1) + "/_stcore/stream",
                subprotocols=protocols,
                additional_headers={"Cookie": cookie, "Origin": self.base},
                max_size=None,
                open_timeout=self.timeout,
            )
        except websockets.InvalidHandshake as exc:
            raise SessionError(f"stream refused: {exc}") from exc
        for value in self.ws.response.headers.get_all("Set-Cookie"):
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]

    async def reconnect(self) -> None:
        """What the frontend does when the stream drops: connect again (the proxy
        sends the tab to a live worker), keeping its widget values and page."""
        self.reconnects += 1
        await self.close()
        for attempt in range(RECONNECT_TRIES):
            try:
                await self._connect()
                return
            except (OSError, SessionError) as exc:
                if attempt == RECONNECT_TRIES - 1:
                    raise SessionError(f"no reconnect: {exc}") from exc
                await asyncio.sleep(0.5 * (attempt + 1))

    async def close(self) -> None:
        """Close the stream (the tab goes away)."""
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    def sticky_server(self) -> str:
        """The worker HAProxy pinned this tab to (its cookie), if any."""
        return self.cookies.get(STICKY_COOKIE, "")

    # ---- script runs ---------------------------------------------------------------

    async def run(self, page_name: str = "", trigger: str = "") -> Run:
        """Ask for a script run (as the frontend does on load, on a page link with
        ``page_name``, after a widget change) and read until it has finished.
        ``trigger`` is a button's widget id, pressed for this run only."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        if page_name:
            state.page_name = page_name
        else:
            state.page_script_hash = self.page_hash
        state.widget_states.widgets.extend(self.widgets.values())
        if trigger:
            state.widget_states.widgets.add(id=trigger, trigger_value=True)
        state.cached_message_hashes.extend(self.cache)
        state.context_info.timezone = "Asia/Jakarta"
        state.context_info.locale = "id-ID"
        state.context_info.url = f"{self.base}/{page_name}"
        current = Run(started=time.perf_counter())
        try:
            await self.ws.send(msg.SerializeToString())
        except websockets.ConnectionClosed as exc:
            raise SessionError(f"stream closed: {exc}") from exc
        await self._read(current)
        return current

    async def _read(self, current: Run) -> None:
        while True:
            try:
                raw = await asyncio.wait_for(self.ws.recv(), self.timeout)
            except (TimeoutError, websockets.ConnectionClosed) as exc:
                raise SessionError(f"no end of run: {type(exc).__name__}") from exc
            current.bytes_in += len(raw)
            current.messages += 1
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            if self._take(fm, current):
                current.finished = time.perf_counter()
                return

    def _take(self, fm: ForwardMsg, current: Run) -> bool:
        """Keep what a message says; True once the run (and reruns) finished."""
        kind = fm.WhichOneof("type")
        if kind == "ref_hash":
            kept = self.cache[fm.ref_hash]
            kept.metadata.CopyFrom(fm.metadata)
            fm, kind = kept, "delta"
        if fm.metadata.cacheable and fm.hash:
            self.cache[fm.hash] = fm
        if kind == "new_session":
            self.session_id = fm.new_session.initialize.session_id or self.session_id
            self.page_hash = fm.new_session.page_script_hash
        elif kind == "navigation":
            self.page_hash = fm.navigation.page_script_hash or self.page_hash
        elif kind == "page_info_changed":
            self.query_string = current.query_string = fm.page_info_changed.query_string
        elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
            self._element(fm, current)
        return kind == "script_finished" and fm.script_finished != EARLY_FOR_RERUN

    @staticmethod
    def _element(fm: ForwardMsg, current: Run) -> None:
        element = fm.delta.new_element
        current.elements[tuple(fm.metadata.delta_path)] = element
        if element.WhichOneof("type") == "exception":
            error = element.exception
            current.exceptions.append(f"{error.type}: {error.message}"[:300])

    # ---- what a user does ----------------------------------------------------------

    def choose(self, widget: Any, option: str) -> None:
        """Pick ``option`` in a selectbox or radio drawn by the last run."""
        self.widgets[widget.id] = WidgetState(id=widget.id, string_value=option)

    async def press(self, key: str, last: Run) -> Run:
        """Press the button with user key ``key`` drawn by the ``last`` run."""
        button = last.widget(key)
        if button is None:
            raise SessionError(f"no button {key!r} on the page")
        return await self.run(trigger=button.id)
