"""How big an import may be: the file, its rows, one cell, an XLSX once unzipped.

Each limit is checked before the work it protects (the file size before reading,
the unzipped size before an XLSX is opened, the row count before parsing), so a
small file that unpacks or multiplies into gigabytes is refused with a sentence,
not by running the server out of memory. The upload widget's limit
(``server.maxUploadSize`` in ``.streamlit/config.toml``) is ``MAX_FILE_MB``;
a test keeps the two equal. The bench's 1,000,000-row import (47 MB) fits.
"""

from __future__ import annotations

import io
import zipfile

from workforce.ingest.errors import IngestError

MAX_FILE_MB = 100
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
MAX_UNZIPPED_MB = 400  # an XLSX is a zip of XML: 100 MB of cells is ~400 MB of XML
MAX_ROWS = 2_000_000
MAX_CELL = 1_000  # characters in one cell (a name has at most 200)
SHOWN = 80  # characters of an oversized cell shown in a message


def check_size(name: str, data: bytes) -> None:
    """Refuse a file larger than MAX_FILE_MB."""
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(
            "file_too_large", file=name, mb=_mb(len(data)), max_mb=MAX_FILE_MB
        )


def check_unzipped(name: str, data: bytes) -> None:
    """Refuse an XLSX whose parts add up to more than MAX_UNZIPPED_MB unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise IngestError("file_unreadable", file=name, detail=str(exc)) from exc
    if total > MAX_UNZIPPED_MB * 1024 * 1024:
        raise IngestError(
            "xlsx_too_large", file=name, mb=_mb(total), max_mb=MAX_UNZIPPED_MB
        )


def check_rows(name: str, rows: int) -> None:
    """Refuse a file of more than MAX_ROWS data rows."""
    if rows > MAX_ROWS:
        raise IngestError("too_many_rows", file=name, rows=rows, max_rows=MAX_ROWS)


def estimate_csv_rows(data: bytes) -> int:
    """Lines of a CSV less its header (an upper bound of its rows; cheap)."""
    lines = data.count(b"\n") or data.count(b"\r")
    return max(lines - 1, 0)


def shorten(text: str) -> str:
    """The first SHOWN characters of an oversized cell, marked as cut."""
    return text[:SHOWN] + "…"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"
