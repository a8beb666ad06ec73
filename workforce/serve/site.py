"""The static public site behind the proxy: ``python -m workforce.serve.site DIR PORT``.

The transparency figures as static HTML (``workforce.public.site``) are the public
face a shared link should open: no Python runs per visitor. On a machine that runs
``./serve.sh`` the proxy serves them at ``/situs/``: HAProxy keeps each file in its
cache (``site_files`` in deploy/haproxy.cfg.in) and asks this small server for it
once per cache period. A city with its own web server serves the folder there
instead (README, "The public site").

Read-only, files only: no directory listing, nothing outside the folder, no
address or query string in the log. The folder is read through its link on every
request, so a new release's site (swapped in by renaming the link) is served at
once. Text files go gzip-compressed when the proxy asks with ``?gz=1`` (it does for
a browser that accepts gzip, and caches the two forms as two entries); each file is
compressed once per version and kept.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import re
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LOG = logging.getLogger("workforce.site")
PREFIX_HEADER = "X-Site-Prefix"  # set by the proxy: the path the site is served under
# Every file name is stable across releases (index.html, plotly.min.js), so the
# browser and the proxy keep a file five minutes: a release shows within that.
MAX_AGE_S = 300
GZIP_QUERY = "gz=1"  # the proxy's request for the gzip form
# a year's page: a link to a year the release does not hold (a shared link from the
# app, an old bookmark) goes to the index of its language, not to a 404
YEAR_PAGE = re.compile(r"tahun-\d{4}\.html")
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".csv", ".xml", ".txt", ".md"}
Version = tuple[str, int, int, int]


class Compressed:
    """gzip bodies per version of a file (path, inode, mtime, size)."""

    def __init__(self, limit: int = 64) -> None:
        self.limit = limit
        self.bodies: dict[Version, bytes] = {}
        self.lock = threading.Lock()

    def body(self, path: str) -> bytes:
        """The file's bytes gzip-compressed (made once per version)."""
        info = os.stat(path)
        version = (path, info.st_ino, info.st_mtime_ns, info.st_size)
        with self.lock:
            found = self.bodies.get(version)
        if found is not None:
            return found
        with open(path, "rb") as f:
            made = gzip.compress(f.read(), compresslevel=6, mtime=0)
        with self.lock:
            if len(self.bodies) >= self.limit:
                self.bodies.pop(next(iter(self.bodies)))
            self.bodies[version] = made
        return made


class Handler(SimpleHTTPRequestHandler):
    """Files of the site folder, cacheable, compressed where it helps."""

    compressed: Compressed
    server_version = "workforce-site"
    sys_version = ""

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """No listing of a folder without index.html."""
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def send_head(self):
        """Redirect ``/en`` to ``/en/`` and a year the site lacks to its language's
        index, under the proxy's prefix; gzip text files."""
        path = self.translate_path(self.path)
        plain = self.path.split("?", 1)[0].split("#", 1)[0]
        if os.path.isdir(path) and not plain.endswith("/"):
            return self._redirect(HTTPStatus.MOVED_PERMANENTLY, f"{plain}/")
        if not os.path.exists(path) and YEAR_PAGE.fullmatch(os.path.basename(path)):
            return self._redirect(HTTPStatus.FOUND, plain.rsplit("/", 1)[0] + "/")
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        suffix = Path(path).suffix.lower()
        wants_gzip = self.path.partition("?")[2] == GZIP_QUERY
        if suffix not in COMPRESSIBLE or not wants_gzip or not os.path.isfile(path):
            return super().send_head()
        body = self.compressed.body(path)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def _redirect(self, status: HTTPStatus, where: str) -> None:
        """Redirect to ``where`` (a path of the site) under the proxy's prefix."""
        prefix = self.headers.get(PREFIX_HEADER, "").rstrip("/")
        self.send_response(status)
        self.send_header("Location", f"{prefix}{where}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", f"public, max-age={MAX_AGE_S}")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """One line per request: method, path without query, status. No address."""
        if args and isinstance(args[0], str) and " " in args[0]:
            method, target = args[0].split(" ")[:2]
            LOG.info("%s %s %s", method, target.split("?", 1)[0], args[1])
        else:
            LOG.info(format, *args)


class _Body:
    """A file-like body for ``SimpleHTTPRequestHandler.copyfile``."""

    def __init__(self, data: bytes) -> None:
        self.data, self.done = data, False

    def read(self, size: int = -1) -> bytes:
        if self.done:
            return b""
        self.done = True
        return self.data

    def close(self) -> None:
        self.done = True


def server(folder: Path, port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """The site server for ``folder`` on ``host:port`` (not yet serving)."""
    handler = type("SiteHandler", (Handler,), {"compressed": Compressed()})
    httpd = ThreadingHTTPServer((host, port), partial(handler, directory=str(folder)))
    httpd.daemon_threads = True
    return httpd


def main(argv: list[str] | None = None) -> int:
    """``python -m workforce.serve.site DIR PORT``."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder", type=Path)
    p.add_argument("port", type=int)
    args = p.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if not args.folder.is_dir():
        print(f"no site at {args.folder}", file=sys.stderr)
        return 2
    httpd = server(args.folder, args.port)
    LOG.info("serving %s on 127.0.0.1:%d", args.folder, args.port)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
