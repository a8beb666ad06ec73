"""The static public site behind the proxy (``workforce.serve.site``, HAProxy's
``/situs/``): files only, cacheable, gzip only when the proxy asks, a new release
served as soon as its link is swapped, and through HAProxy each form of a file kept
in the cache and handed to the right browser."""

from __future__ import annotations

import gzip
import http.client
import logging
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from workforce.core import config
from workforce.serve import haproxy, site, workers

HAPROXY = shutil.which("haproxy") or (
    "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None
)
SCRIPT = b"var drawn = true;\n" * 400  # compressible text


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _version(root: Path, name: str, title: str) -> Path:
    folder = root / name
    (folder / "en").mkdir(parents=True)
    (folder / "data").mkdir()
    (folder / "index.html").write_text(f"<html lang=id><h1>{title}</h1></html>")
    (folder / "en" / "index.html").write_text(f"<html lang=en><h1>{title}</h1></html>")
    for lang in ("", "en/"):
        (folder / f"{lang}tahun-2024.html").write_text(f"<h1>{title} 2024 {lang}</h1>")
    (folder / "plotly.min.js").write_bytes(SCRIPT)
    (folder / "data" / "hasil.parquet").write_bytes(b"PAR1" + os.urandom(2000))
    return folder


def _swap(link: Path, target: Path) -> None:
    tmp = link.with_name(".next")
    tmp.symlink_to(target.name)
    os.replace(tmp, link)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    """A site server on a folder reached through a link (as publish-release
    writes it), on a free loopback port."""
    _version(tmp_path, "v1", "Rilis 1")
    link = tmp_path / "site"
    link.symlink_to("v1")
    port = _free_port()
    httpd = site.server(link, port)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield port, link
    httpd.shutdown()
    httpd.server_close()


def _get(
    port: int, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read()
        return (
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            body,
        )
    finally:
        conn.close()


def test_files_are_served_cacheable_and_plain_unless_the_proxy_asks_for_gzip(
    served: tuple[int, Path],
) -> None:
    port, _ = served
    status, headers, body = _get(port, "/", {"Accept-Encoding": "gzip"})
    assert status == 200 and b"Rilis 1" in body
    assert headers["cache-control"] == "public, max-age=300"
    assert "content-encoding" not in headers  # the browser's header alone: plain

    status, headers, body = _get(port, "/plotly.min.js?gz=1")
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == SCRIPT
    assert int(headers["content-length"]) == len(body) < len(SCRIPT) / 10

    status, headers, body = _get(port, "/data/hasil.parquet?gz=1")
    assert status == 200 and "content-encoding" not in headers  # binary: as it is
    assert body.startswith(b"PAR1")


def test_no_listing_no_way_out_and_the_redirect_keeps_the_prefix(
    served: tuple[int, Path], tmp_path: Path
) -> None:
    port, _ = served
    (tmp_path / "secret.txt").write_text("not for the public")
    assert _get(port, "/data/")[0] == 404  # a folder without index.html
    assert _get(port, "/../secret.txt")[0] == 404
    assert _get(port, "/%2e%2e/secret.txt")[0] == 404
    status, headers, _ = _get(port, "/en", {site.PREFIX_HEADER: "/situs"})
    assert status == 301 and headers["location"] == "/situs/en/"


def test_a_year_the_release_lacks_goes_to_the_index_of_its_language(
    served: tuple[int, Path],
) -> None:
    port, _ = served
    prefix = {site.PREFIX_HEADER: "/situs"}
    assert _get(port, "/tahun-2024.html")[0] == 200
    for path, index in (
        ("/tahun-2031.html", "/situs/"),
        ("/en/tahun-1999.html", "/situs/en/"),
    ):
        status, headers, _ = _get(port, path, prefix)
        assert status == 302 and headers["location"] == index
    assert _get(port, "/tahun-20x1.html")[0] == 404  # not a year's page: not found


def test_a_new_release_is_served_once_its_link_is_swapped(
    served: tuple[int, Path], tmp_path: Path
) -> None:
    port, link = served
    assert b"Rilis 1" in _get(port, "/en/")[2]
    _swap(link, _version(tmp_path, "v2", "Rilis 2"))
    assert b"Rilis 2" in _get(port, "/en/")[2]
    # the compressed form follows the new file too (kept per version of the file)
    (tmp_path / "v2" / "plotly.min.js").write_bytes(SCRIPT * 2)
    assert gzip.decompress(_get(port, "/plotly.min.js?gz=1")[2]) == SCRIPT * 2


def test_the_log_has_no_address_and_no_query(
    served: tuple[int, Path], caplog: pytest.LogCaptureFixture
) -> None:
    port, _ = served
    with caplog.at_level(logging.INFO, logger="workforce.site"):
        _get(port, "/index.html?nik=3672040510000001")
    lines = [r.getMessage() for r in caplog.records if r.name == "workforce.site"]
    assert lines == ["GET /index.html 200"]


@pytest.mark.skipif(HAPROXY is None, reason="./test.sh installs HAProxy")
def test_through_haproxy_each_browser_gets_its_form_from_the_cache(
    served: tuple[int, Path], tmp_path: Path
) -> None:
    """/situs → /situs/; a gzip browser gets the gzip form, another the plain one,
    each kept in the proxy's cache (the second request is answered from it)."""
    site_port, _ = served
    front = _free_port()
    listen = haproxy.Listen(bind=f"127.0.0.1:{front}", socket=tmp_path / "h.sock")
    cfg = tmp_path / "haproxy.cfg"
    # no worker listens behind it: the site does not need one
    cfg.write_text(
        haproxy.render([f"127.0.0.1:{_free_port()}"], listen, f"127.0.0.1:{site_port}")
    )
    proxy = haproxy.start(cfg, tmp_path / "haproxy.log")
    try:
        deadline = time.monotonic() + 10
        while workers.port_free(front) and time.monotonic() < deadline:
            time.sleep(0.1)
        status, headers, _ = _get(front, "/situs")
        assert status == 301 and headers["location"] == "/situs/"

        gz = {"Accept-Encoding": "gzip, deflate, br"}
        for _ in range(2):
            status, headers, body = _get(front, "/situs/plotly.min.js", gz)
            assert headers.get("content-encoding") == "gzip"
            assert gzip.decompress(body) == SCRIPT
        assert "age" in headers  # the second one came from the cache
        for _ in range(2):
            status, headers, body = _get(front, "/situs/plotly.min.js?gz=1")
            assert "content-encoding" not in headers and body == SCRIPT
        assert "age" in headers

        status, headers, body = _get(front, "/situs/en/", gz)
        assert status == 200 and b"Rilis 1" in gzip.decompress(body)
    finally:
        workers.stop(proxy)


def _proxy(tmp_path: Path, site_port: int | None) -> tuple[int, object]:
    """HAProxy with the shipped config: no worker behind it (a request for the app
    gets 503), the site server at ``site_port`` (None: no site)."""
    front = _free_port()
    listen = haproxy.Listen(bind=f"127.0.0.1:{front}", socket=tmp_path / "h.sock")
    cfg = tmp_path / "haproxy.cfg"
    where = f"127.0.0.1:{site_port}" if site_port else None
    cfg.write_text(haproxy.render([f"127.0.0.1:{_free_port()}"], listen, where))
    proxy = haproxy.start(cfg, tmp_path / "haproxy.log")
    deadline = time.monotonic() + 10
    while workers.port_free(front) and time.monotonic() < deadline:
        time.sleep(0.1)
    if site_port:  # the site's health check has passed once
        while _get(front, "/transparansi")[0] != 302 and time.monotonic() < deadline:
            time.sleep(0.2)
    return front, proxy


@pytest.mark.skipif(HAPROXY is None, reason="./test.sh installs HAProxy")
def test_a_shared_link_to_the_transparency_page_opens_the_static_site(
    served: tuple[int, Path], tmp_path: Path
) -> None:
    """A browser new to the app following a link to /transparansi gets the site's
    page for the same year and language; one already in the app (its worker
    cookie) keeps the interactive page; a year that is not a year is dropped."""
    front, proxy = _proxy(tmp_path, served[0])
    try:
        for query, where in [
            ("", "/situs/"),
            ("?tahun=2024", "/situs/tahun-2024.html"),
            ("?lang=en&tahun=2024", "/situs/en/tahun-2024.html"),
            ("?tahun=2024&lang=en&kejuruan=Las", "/situs/en/tahun-2024.html"),
            ("?lang=en", "/situs/en/"),
            ("?lang=id&tahun=2031", "/situs/tahun-2031.html"),
            ("?tahun=2024%0d%0aSet-Cookie:x=1", "/situs/"),
            ("?tahun=../../etc", "/situs/"),
        ]:
            status, headers, _ = _get(front, f"/transparansi{query}")
            assert (status, headers.get("location")) == (302, where), query
            assert "set-cookie" not in headers
        assert b"Rilis 1 2024 en/" in _get(front, "/situs/en/tahun-2024.html")[2]
        status, headers, _ = _get(front, "/situs/tahun-2031.html")
        assert (status, headers["location"]) == (302, "/situs/")

        # in the app already, or another page: to the workers (none here: 503)
        status, headers, _ = _get(front, "/transparansi", {"Cookie": "WFSRV=w1"})
        assert status == 503 and "location" not in headers
        for path in ("/", "/ringkasan", "/transparansi/data"):
            assert _get(front, path)[0] == 503, path
    finally:
        workers.stop(proxy)


@pytest.mark.skipif(HAPROXY is None, reason="./test.sh installs HAProxy")
def test_without_the_site_a_shared_link_opens_the_app(tmp_path: Path) -> None:
    front, proxy = _proxy(tmp_path, None)
    try:
        status, headers, _ = _get(front, "/transparansi?tahun=2024")
        assert status == 503 and "location" not in headers
    finally:
        workers.stop(proxy)


@pytest.mark.parametrize(
    ("value", "link"),
    [
        ("/situs/", "/situs/"),
        ("https://data.cilegonkota.go.id/transparansi/", None),
        ("/", None),
        ("", None),
        ("javascript:alert(1)", None),
    ],
)
def test_the_app_links_to_the_site_where_the_stack_serves_it(
    monkeypatch: pytest.MonkeyPatch, value: str, link: str | None
) -> None:
    """The stack sets WORKFORCE_SITE_URL=/situs/ for its workers: the public page's
    "static version" button points there; ``/`` (the site's own default) is no
    address for the app, and nothing but http(s) or a path is ever a link."""
    monkeypatch.setenv("WORKFORCE_SITE_URL", value)
    expected = value if value.startswith("https://") else link
    assert config.site_url_public() == expected


def test_the_stack_rewrites_a_site_written_for_another_address(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """init-demo writes the site for ``/``; the stack serves it at ``/situs/``, so it
    rewrites it once for that address (canonical and language links, sitemap), and
    leaves alone a site whose address the operator set."""
    from workforce.public import site as public_site
    from workforce.serve.stack import SITE_PATH, Options, Stack

    out = tmp_path / "site"
    public_site.publish_db(demo_db, out, "/")
    stack = Stack(Options(demo_db, workers=1, run_dir=tmp_path / "run", site=out))

    monkeypatch.setenv("WORKFORCE_SITE_URL", "https://data.cilegonkota.go.id/")
    stack._site_for_prefix()
    assert public_site.built_for(out) == "/"

    monkeypatch.delenv("WORKFORCE_SITE_URL")
    stack._site_for_prefix()
    assert public_site.built_for(out) == SITE_PATH
    page = (out / "en" / "index.html").read_text("utf-8")
    assert '<link rel="canonical" href="/situs/en/index.html">' in page
    assert "<loc>/situs/tahun-" in (out / "sitemap.xml").read_text("utf-8")
    version = out.resolve()
    stack._site_for_prefix()  # already for /situs/: not written again
    assert out.resolve() == version
