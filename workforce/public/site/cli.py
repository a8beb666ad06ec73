"""``python -m workforce publish-site``: write the static public site of a database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from workforce.core import config
from workforce.public.site import SiteError, publish_db


def cmd_publish_site(args: argparse.Namespace) -> int:
    """Write the site; say where, how many pages and how long it took."""
    path = config.db_path(args.db)
    if not path.exists():
        print(f"error: no database at {path}", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else config.site_dir()
    if out is None:
        print("error: WORKFORCE_SITE_DIR is off: give --out", file=sys.stderr)
        return 2
    try:
        done = publish_db(path, out, args.base_url)
    except SiteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"public site written: {done.path} ({done.pages} pages, {done.files} files, "
        f"{done.seconds:.1f} s)"
    )
    return 0


def add_parser(
    sub: argparse._SubParsersAction,
    handlers: dict[str, Callable[[argparse.Namespace], int]],
) -> None:
    """Register ``publish-site`` on the CLI."""
    p = sub.add_parser(
        "publish-site", help="the public figures as a static site (HTML + open data)"
    )
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument(
        "--out", help="site folder (default: $WORKFORCE_SITE_DIR or data/site)"
    )
    p.add_argument(
        "--base-url", help="the site's address (default: $WORKFORCE_SITE_URL)"
    )
    handlers["publish-site"] = cmd_publish_site
