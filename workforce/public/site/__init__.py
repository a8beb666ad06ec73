"""The public site: the transparency figures as static, self-contained HTML.

``publish_db(path)`` reads the suppressed publication of a database and writes the
site (``build.publish``) into ``WORKFORCE_SITE_DIR`` (default ``data/site``); it
shows only the latest published release (``workforce.public.release``), so it
runs after each release (``publish-release``, Kelola Data), after ``init-demo``,
and as the command ``python -m workforce publish-site``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from workforce.core import config
from workforce.public import release
from workforce.public.site.build import SiteError, Written, built_for, publish

log = logging.getLogger(__name__)

__all__ = [
    "SiteError",
    "Written",
    "built_for",
    "publish",
    "publish_db",
    "refresh_after_change",
]


def publish_db(path: Path, out: Path, base_url: str | None = None) -> Written:
    """Write the site of the latest release of the database at ``path`` into
    ``out`` (refused before the first release)."""
    pub = release.load(Path(path))
    if pub is None:
        raise SiteError(f"{path} has no published release yet (publish-release)")
    return publish(pub, out, base_url or config.site_url())


def refresh_after_change(path: Path) -> str | None:
    """Rewrite the site (in the configured folder, unless it is ``off``) after a
    release; the reason it failed, if it did (the change itself
    stands: the old site stays online)."""
    out = config.site_dir()
    if out is None:
        return None
    try:
        publish_db(path, out)
    except (SiteError, OSError) as exc:
        log.warning("public site not updated: %s", exc)
        return str(exc)
    return None
