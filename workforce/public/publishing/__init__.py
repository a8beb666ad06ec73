"""Publishing a release: freeze the public figures, then rewrite the public site.

``publish_file(path, note, user)`` is what Kelola Data's publish button and
``python -m workforce publish-release --note TEXT [--db PATH]`` run: the release is
written in one atomic write of the database (``release.publish``, which also
records it in the audit log), then the static site is rebuilt from it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from workforce.core import config, db
from workforce.public import release, site
from workforce.public.release import Release, ReleaseError


def publish_file(path: Path, note: str, user: str | None) -> tuple[Release, str | None]:
    """Publish the next release of the database at ``path`` and rewrite the site;
    the release and why the site was not rewritten, if it was not (the release
    stands: the old site stays online)."""
    with db.atomic_write(Path(path)) as conn:
        published = release.publish(conn, note, user)
    return published, site.refresh_after_change(Path(path))


def cmd_publish_release(args: argparse.Namespace) -> int:
    """``publish-release``: publish the next release; say which and what it holds."""
    path = config.db_path(args.db)
    if not path.exists():
        print(f"error: no database at {path}", file=sys.stderr)
        return 2
    user = args.user or f"cli:{getpass.getuser()}"
    try:
        done, failed = publish_file(path, args.note, user)
    except ReleaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    as_of = done.data_as_of.isoformat() if done.data_as_of else "?"
    print(
        f"release {done.number} published: {done.published_at:%Y-%m-%d %H:%M} UTC, "
        f"data as of {as_of}"
    )
    if failed:
        print(f"public site not updated: {failed}")
    elif out := config.site_dir():
        print(f"public site written: {out}")
    return 0


def add_parser(
    sub: argparse._SubParsersAction,
    handlers: dict[str, Callable[[argparse.Namespace], int]],
) -> None:
    """Register ``publish-release`` on the CLI."""
    p = sub.add_parser(
        "publish-release",
        help="publish the current public figures as the next release",
    )
    p.add_argument("--note", required=True, help="release note (shown to the public)")
    p.add_argument("--db", help="database file (default: $WORKFORCE_DB or data/)")
    p.add_argument(
        "--user", help="who publishes, for the audit log (default: cli:$USER)"
    )
    handlers["publish-release"] = cmd_publish_release
