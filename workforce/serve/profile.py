"""The production profile: how a city runs each Streamlit process of the dashboard.

``./run.sh`` keeps Streamlit's defaults, right for a laptop (files watched, the app
reruns on save). A server runs ``streamlit run dashboard.py`` with these flags
instead; ``streamlit_command`` builds the command line, ``worker_env`` its
environment. The reasons, measured in bench/load_test.py (README, Production):

- no file watcher and no run-on-save: the watchers took about 40% of a fresh
  view's server CPU; code changes arrive by ``./serve.sh reload`` instead;
- no forced ``gc.collect(2)`` after every script run (``runner.postScriptGC``):
  39% of a warm filter change; Python's own generational collector still runs;
- no "magic" (``runner.magicEnabled``): the pages call Streamlit explicitly, and
  every new tab made Streamlit rewrite the scripts' syntax trees again (about 6% of
  a fresh public view);
- the toolbar in viewer mode and no error details for visitors (the worker log
  keeps the traceback);
- uploads up to 64 MB (``MAX_UPLOAD_MB``);
- websocket compression off (``WEBSOCKET_COMPRESSION``);
- one log line per event with time, level and source; the dashboard adds one line
  per page run (``WORKFORCE_LOG_RUNS``), without user names, addresses or filters;
- secrets from ``$WORKFORCE_SECRETS_FILE`` when set (a server keeps them in
  /etc/workforce, not in the code's folder).
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from workforce.core import config

# The biggest import the product is built for is the benchmark's 1,000,000-row
# pendaftaran CSV (47 MB, imported in about 20 s); a city's real files are far
# smaller (a year of Cilegon's enrolments is about 7,000 rows, under 1 MB). An
# upload is held in a worker's memory while it is checked, so the ceiling is that
# file with some room, not Streamlit's 200 MB. Larger files go through
# ``python -m workforce import`` on the import host.
MAX_UPLOAD_MB = 64
# Measured (bench/load_test.py --compression): permessage-deflate cut a fresh public
# view's bytes several times over but cost the worker CPU on every message; the
# proxy compresses the static files, which are most of a first visit's bytes.
WEBSOCKET_COMPRESSION = False
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

PRODUCTION: dict[str, str] = {
    "server.headless": "true",
    "server.fileWatcherType": "none",
    "server.runOnSave": "false",
    "server.allowRunOnSave": "false",
    "runner.postScriptGC": "false",
    "runner.magicEnabled": "false",
    "global.developmentMode": "false",
    "client.toolbarMode": "viewer",
    "client.showErrorDetails": "none",
    "server.maxUploadSize": str(MAX_UPLOAD_MB),
    "server.enableWebsocketCompression": str(WEBSOCKET_COMPRESSION).lower(),
    "server.enableXsrfProtection": "true",
    "browser.gatherUsageStats": "false",
    "logger.level": "info",
    "logger.messageFormat": LOG_FORMAT,
}


def streamlit_command(
    port: int, address: str = "127.0.0.1", script: Path | None = None, **extra: str
) -> list[str]:
    """``streamlit run`` of the dashboard (or ``script``) with the production flags;
    ``extra`` overrides a flag (``{"runner.postScriptGC": "true"}`` to measure)."""
    flags = PRODUCTION | {"server.port": str(port), "server.address": address}
    if os.environ.get("WORKFORCE_SECRETS_FILE"):  # e.g. /etc/workforce/secrets.toml
        flags["secrets.files"] = os.environ["WORKFORCE_SECRETS_FILE"]
    flags |= extra
    target = script or config.ROOT / "dashboard.py"
    args = [arg for key, value in flags.items() for arg in (f"--{key}", value)]
    return [sys.executable, "-m", "streamlit", "run", str(target), *args]


def worker_env(
    cookie_secret: str, base: dict[str, str] | None = None
) -> dict[str, str]:
    """A worker's environment: every worker signs cookies with the same secret (a
    tab that moves to another worker keeps its XSRF and login cookies valid)."""
    env = dict(os.environ if base is None else base)
    env["STREAMLIT_SERVER_COOKIE_SECRET"] = cookie_secret
    env["WORKFORCE_LOG_RUNS"] = "1"
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def cookie_secret(path: Path) -> str:
    """The shared cookie secret: ``$STREAMLIT_SERVER_COOKIE_SECRET``, else the one
    kept in ``path`` (made on first use, readable by its owner only)."""
    given = os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET")
    if given:
        return given
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
    return path.read_text().strip()
