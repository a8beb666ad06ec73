"""Write the public site and swap it in atomically.

``publish(pub, out, base_url)`` writes every page in both languages, the open-data
package, plotly.js (once, no CDN), the stylesheet, ``sitemap.xml`` and
``robots.txt`` into a new folder beside the old site, then swaps the ``out``
address (a symbolic link) to it with one rename: a visitor sees the old site or
the new one, never half of either. A failed generation leaves the old site. A
folder at ``out`` that this command did not make is refused, never deleted.
Streamlit-free; serving the result costs no Python at all.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import plotly.offline

from workforce.core import i18n
from workforce.public import open_data, release
from workforce.public.numbers import Publication
from workforce.public.site import render

MARKER = ".workforce-site"
STATIC = Path(__file__).resolve().parent / "static"


class SiteError(RuntimeError):
    """The site cannot be written where asked (the reason is the message)."""


@dataclass(frozen=True)
class Written:
    """What a generation wrote: where, how many pages and files, how long."""

    path: Path
    pages: int
    files: int
    seconds: float


def _sizes(n: int, lang: str) -> str:
    return f"{i18n.fmt_number(n / 1024, lang, 1)} KiB"


def _write_data(pub: Publication, folder: Path) -> list[dict]:
    """The open-data package into ``folder/data``; its resources for the data page."""
    written = open_data.write(pub, folder / "data")
    package = json.loads((folder / "data" / "datapackage.json").read_text())
    titles = {r["path"]: r["title"] for r in package["resources"]}
    return [
        {"path": p.name, "size": p.stat().st_size, "title": titles.get(p.name, "")}
        for p in sorted(written)
    ]


def _pages(pub: Publication, base_url: str, files: list[dict]) -> dict[str, str]:
    """Every page by its path inside the site."""
    published = pub.info.get(release.PUBLISHED_AT)  # the same release, the same bytes
    at = datetime.fromisoformat(published) if published else datetime.now(UTC)
    package = open_data.descriptor(pub, list(open_data.RESOURCES))
    csvs = [r for r in package["resources"] if r["format"] == "csv"]
    out: dict[str, str] = {}
    for lang in i18n.LANGS:
        ctx = render.Context(pub, lang, base_url, i18n.fmt_timestamp(at, lang))
        folder = ctx.prefix
        listed = [
            {**f, "name": f["path"], "kind": f["path"].rsplit(".", 1)[-1].upper(),
             "size": _sizes(f["size"], lang)}
            for f in files
        ]  # fmt: skip
        json_ld = [render.dataset_json_ld(ctx, r, pub.reported_years) for r in csvs]
        out[f"{folder}index.html"] = render.index_page(ctx)
        out[f"{folder}metodologi.html"] = render.method_page(ctx)
        out[f"{folder}data.html"] = render.data_page(ctx, listed, json_ld)
        for year in pub.reported_years:
            out[f"{folder}tahun-{year}.html"] = render.year_page(ctx, year)
    return out


def sitemap(pages: list[str], base_url: str) -> str:
    """``sitemap.xml`` with each page's other-language address (hreflang)."""
    entries = []
    for page in pages:
        if page.startswith("en/"):
            continue
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{lang}" '
            f'href="{base_url}{"" if lang == "id" else "en/"}{page}"/>'
            for lang in i18n.LANGS
        )
        for prefix in ("", "en/"):
            entries.append(f"<url><loc>{base_url}{prefix}{page}</loc>{links}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "\n".join(entries)
        + "\n</urlset>\n"
    )


def generate(pub: Publication, folder: Path, base_url: str) -> int:
    """Write the whole site into an empty ``folder``; the number of pages."""
    files = _write_data(pub, folder)
    pages = _pages(pub, base_url, files)
    for name, html in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    (folder / "plotly.min.js").write_text(plotly.offline.get_plotlyjs(), "utf-8")
    for asset in STATIC.iterdir():
        shutil.copyfile(asset, folder / asset.name)
    (folder / "sitemap.xml").write_text(sitemap(sorted(pages), base_url), "utf-8")
    robots = f"User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n"
    (folder / "robots.txt").write_text(robots, "utf-8")
    stamp = {
        "data_as_of": pub.info.get("data_as_of", ""),
        "release": release.number(pub),
        "pages": len(pages),
        "base_url": base_url,
    }
    (folder / MARKER).write_text(json.dumps(stamp) + "\n", "utf-8")
    return len(pages)


def built_for(out: Path) -> str | None:
    """The address the site in ``out`` was written for (its links), if known."""
    try:
        stamp = json.loads((Path(out) / MARKER).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return stamp.get("base_url")


def _versions(out: Path) -> Path:
    return out.with_name(f".{out.name}.versions")


def _check_target(out: Path) -> None:
    """Refuse an ``out`` this command did not make (never delete a user's folder)."""
    if out.is_symlink():
        if Path(os.readlink(out)).parent.name != _versions(out).name:
            raise SiteError(f"{out} is a link this command did not make")
        return
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SiteError(f"{out} exists and is not a site made by publish-site")
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out} exists and is not a folder")


def _swap(out: Path, new: Path) -> None:
    """Point ``out`` at ``new`` with one rename; remove the versions no longer used."""
    if out.is_dir() and not out.is_symlink():  # an empty folder or a site of ours
        shutil.rmtree(out)
    link = out.with_name(f".{out.name}.link-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(Path(new.parent.name) / new.name, target_is_directory=True)
    os.replace(link, out)
    for old in new.parent.iterdir():
        if old != new:
            shutil.rmtree(old, ignore_errors=True)


def publish(pub: Publication, out: Path, base_url: str) -> Written:
    """Generate into a new version beside the old site, then swap it in."""
    started = time.perf_counter()
    out = Path(out).absolute()
    _check_target(out)
    base = base_url if base_url.endswith("/") else base_url + "/"
    versions = _versions(out)
    versions.mkdir(parents=True, exist_ok=True)
    new = versions / datetime.now(UTC).strftime(f"%Y%m%dT%H%M%S-{os.getpid()}")
    new.mkdir()
    try:
        pages = generate(pub, new, base)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    _swap(out, new)
    files = sum(1 for p in new.rglob("*") if p.is_file())
    return Written(out, pages, files, time.perf_counter() - started)
