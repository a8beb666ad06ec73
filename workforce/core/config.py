"""Paths and settings shared by the CLI, the app and the tests.

The database path rule is the same everywhere: ``--db`` if given, else the
environment variable ``WORKFORCE_DB``, else the embedded demo database in ``data/``.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
QUERIES_DIR = ROOT / "queries"
DATA_DIR = ROOT / "data"
SEED_DIR = DATA_DIR / "seed"
DEFAULT_DB = DATA_DIR / "workforce_demo.duckdb"
LOCALES_DIR = Path(__file__).resolve().parent / "locales"
# DuckDB's memory ceiling for the dashboard's read-only connections: its buffer cache
# stays under this and larger work spills to disk, so a national-size database keeps
# the app within a small server's memory ($WORKFORCE_DUCKDB_MEMORY, e.g. "2GB").
APP_MEMORY_LIMIT = os.environ.get("WORKFORCE_DUCKDB_MEMORY", "1GB")


def db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the database path: --db, else $WORKFORCE_DB, else data/ default."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get("WORKFORCE_DB")
    return Path(env) if env else DEFAULT_DB


def boundaries_path() -> Path | None:
    """The kecamatan GeoJSON from $WORKFORCE_BOUNDARIES, if set and present."""
    env = os.environ.get("WORKFORCE_BOUNDARIES")
    if env and Path(env).is_file():
        return Path(env)
    return None


def site_dir() -> Path | None:
    """Where the static public site is written ($WORKFORCE_SITE_DIR or data/site);
    None when it is ``off`` (an installation that publishes no site)."""
    env = os.environ.get("WORKFORCE_SITE_DIR")
    if env == "off":
        return None
    return Path(env) if env else DATA_DIR / "site"


def site_url() -> str:
    """The public site's address, for canonical links and the sitemap
    ($WORKFORCE_SITE_URL; root-relative ``/`` when not set)."""
    return os.environ.get("WORKFORCE_SITE_URL", "/")


def site_url_public() -> str | None:
    """The static site's address for a link from the app, when one is set
    ($WORKFORCE_SITE_URL as http(s)://..., or a path on this server such as
    ``/situs/``, where ``./serve.sh`` serves it)."""
    url = os.environ.get("WORKFORCE_SITE_URL", "")
    if url.startswith(("http://", "https://")) or (url.startswith("/") and url != "/"):
        return url
    return None
