"""Public data releases: the public figures change only when an administrator
publishes.

Imports refresh the internal public aggregates (``numbers.store``) after every
change, but the transparency page, the public site and the open data read only the
**latest published release**: ``publish`` freezes the aggregate-only database of
that moment (``numbers.build``: pub_info, pub_kpi, pub_outcome, pub_target, the BPS
statistics) into the main database's ``release_*`` tables as release N, with its
date, note and publisher (queries/schema/005_release.sql). ``public_database``
rebuilds the aggregate-only database from a release, so the suppression
(``numbers.publication``) runs on exactly the frozen figures.

Comparing two consecutive publications can no longer isolate one late import: the
figures move once per release, by everything imported since the last one. A
published figure is revised only by a later release.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pandas as pd

from workforce.core import db, i18n, pseudonym
from workforce.public import disclosure
from workforce.public import numbers as public_data
from workforce.public.numbers import Publication

# the aggregate-only database's tables and where a release keeps each
FROZEN = {
    "pub_info": ("release_info", "info"),
    "pub_kpi": ("release_kpi", "kpi"),
    "pub_outcome": ("release_outcome", "outcome"),
    "pub_target": ("release_target", "target"),
    "statistik_tenaga_kerja": ("release_statistik", "statistik"),
}
# pub_info keys a release adds (read by ``label`` and the open-data descriptor)
NUMBER, PUBLISHED_AT, NOTE = "release_no", "release_published_at", "release_note"
DEMO_NOTE = "Rilis 1 (demo): angka contoh dari basis data demo."
FIRST_NOTE = "Rilis 1: basis data baru, belum ada data program."
UPGRADE_NOTE = (
    "Rilis 1: angka publik sebagaimana tampil sebelum rilis diperkenalkan "
    "(dibuat saat pembaruan)."
)
NOTE_MAX = 2000


@dataclass(frozen=True)
class Release:
    """One published release."""

    number: int
    published_at: datetime
    data_as_of: date | None
    note: str
    published_by: str


class ReleaseError(ValueError):
    """A release cannot be published (the reason is the message)."""


def releases(conn: duckdb.DuckDBPyConnection) -> list[Release]:
    """Every published release, newest first."""
    return [
        Release(int(n), at, None if pd.isna(as_of) else as_of, note, by)
        for n, at, as_of, note, by in db.rows(conn, "public/release/list")
    ]


def latest(conn: duckdb.DuckDBPyConnection) -> Release | None:
    """The release the public sees (None before the first)."""
    found = releases(conn)
    return found[0] if found else None


def publish(conn: duckdb.DuckDBPyConnection, note: str, user: str | None) -> Release:
    """Freeze the current public aggregates as the next release (on the writer's
    connection, inside its transaction); written to the audit log."""
    note = pseudonym.mask_text(" ".join(note.split()))  # never a NIK in clear
    if not note:
        raise ReleaseError("a release needs a note")
    if len(note) > NOTE_MAX:
        raise ReleaseError(f"the note is longer than {NOTE_MAX} characters")
    last = latest(conn)
    number = 1 if last is None else last.number + 1
    at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    public, cur = public_data.build(conn), conn.cursor()
    try:
        for table, (frozen, _) in FROZEN.items():
            df = public.table(table).df()
            df.insert(0, "release_no", number)
            cur.from_df(df).insert_into(frozen)
        info = db.run(public, "public/info")
        as_of = public_data.as_of_date(
            dict(zip(info["key"], info["value"], strict=True))
        )
    finally:
        cur.close()
        public.close()
    release = Release(number, at, as_of, note, user or "unknown")
    db.execute(
        conn,
        "public/release/record",
        release_no=number,
        published_at=at,
        data_as_of=as_of,
        note=note,
        published_by=release.published_by,
    )
    db.execute(
        conn,
        "audit/record",
        at=at,
        user_name=release.published_by,
        action="public_release",
        detail=f"rilis {number}: {note}",
    )
    return release


def public_database(
    main: duckdb.DuckDBPyConnection, number: int | None = None
) -> duckdb.DuckDBPyConnection | None:
    """The aggregate-only database of release ``number`` (default: the latest),
    with the release's number, date and note in pub_info; None before any release."""
    chosen = latest(main) if number is None else _find(main, number)
    if chosen is None:
        return None
    out = duckdb.connect(":memory:")
    for name in ("info", "kpi", "outcome", "target"):
        db.execute(out, f"public/build/create_pub_{name}")
    db.execute(out, "public/build/create_statistik")
    for table, (_, query) in FROZEN.items():
        frame = db.run(main, f"public/release/{query}", release_no=chosen.number)
        if table == "pub_info":
            frame = _with_release(frame, chosen)
        out.from_df(frame).insert_into(table)
    return out


def _find(main: duckdb.DuckDBPyConnection, number: int) -> Release | None:
    return next((r for r in releases(main) if r.number == number), None)


def _with_release(info: pd.DataFrame, release: Release) -> pd.DataFrame:
    extra = pd.DataFrame(
        [
            (NUMBER, str(release.number)),
            (PUBLISHED_AT, release.published_at.isoformat()),
            (NOTE, release.note),
        ],
        columns=["key", "value"],
    )
    return pd.concat([info[~info["key"].isin(extra["key"])], extra], ignore_index=True)


def publication(
    main: duckdb.DuckDBPyConnection, limit: int, number: int | None = None
) -> Publication | None:
    """The suppressed figures of a release (default: the latest); None before any."""
    public = public_database(main, number)
    if public is None:
        return None
    try:
        return public_data.publication(public, limit)
    finally:
        public.close()


def load(path: Path) -> Publication | None:
    """The suppressed figures of the latest release of the database at ``path``."""
    main = db.connect(path, read_only=True)
    try:
        return publication(main, disclosure.threshold())
    finally:
        main.close()


def changes(main: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows added, removed and changed per public table since the latest release
    (against nothing before the first: every row is new)."""
    last = latest(main)
    return db.run(main, "public/release/changes", release_no=last.number if last else 0)


# ---- what the public reads -------------------------------------------------------------


def number(pub: Publication) -> int | None:
    """The release number of a publication."""
    value = pub.info.get(NUMBER)
    return int(value) if value else None


def published_on(pub: Publication) -> date | None:
    """The day a publication's release was published."""
    value = pub.info.get(PUBLISHED_AT)
    return datetime.fromisoformat(value).date() if value else None


def label(pub: Publication, lang: str) -> str:
    """ "Rilis 3, 4 Desember 2026 · data per 30 November 2026" (both dates formatted)."""
    return i18n.t(
        "release.label",
        lang,
        number=number(pub) or 0,
        date=i18n.fmt_date(published_on(pub), lang),
        as_of=i18n.fmt_date(pub.data_as_of, lang),
    )
