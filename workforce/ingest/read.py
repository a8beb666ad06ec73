"""Read an uploaded CSV or XLSX file into strings, with spreadsheet row numbers.

CSV: comma, semicolon or tab separated, UTF-8 with or without BOM, or
Windows-1252 (what Excel on Windows writes). XLSX/XLS through python-calamine:
the sheet named after the template, else the first sheet; the header is the first
row that names a template column (title rows above it are skipped). Every cell
becomes text the parsers understand: Excel dates as ``2025-10-01``, numbers
without thousands separators and with a decimal comma.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from dataclasses import dataclass, field
from datetime import date, datetime, time

import numpy as np
import pandas as pd

from workforce.ingest import limits
from workforce.ingest.errors import IngestError
from workforce.ingest.templates import Template
from workforce.ingest.xlsx_formulas import uncalculated

XLSX_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
HEADER_SCAN = 10


@dataclass
class RawFile:
    """A file as read: text cells, the row number each has in the spreadsheet."""

    name: str
    sha256: str
    frame: pd.DataFrame  # columns = headers as typed, every cell a str ("" = blank)
    rows: np.ndarray  # spreadsheet row number of each frame row (header is row 1)
    numeric: dict[str, np.ndarray] = field(default_factory=dict)  # XLSX number cells
    bad_rows: list[tuple[int, int]] = field(default_factory=list)  # (row, fields)
    sheet: str | None = None


def read_upload(name: str, data: bytes, template: Template) -> RawFile:
    """Read ``data`` (the bytes of file ``name``) for ``template``."""
    limits.check_size(name, data)
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise IngestError("file_empty", file=name)
    if data.startswith(XLSX_MAGIC):
        if data.startswith(b"PK"):
            limits.check_unzipped(name, data)
        return _read_excel(name, digest, data, template)
    data = _plain_text(name, data)
    limits.check_rows(name, limits.estimate_csv_rows(data))
    return _read_csv(name, digest, data)


# ---- CSV ---------------------------------------------------------------------

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _plain_text(name: str, data: bytes) -> bytes:
    """UTF-16 (Excel's "Unicode text") as UTF-8, old Mac line ends (CR only) as LF;
    refuse binary content (NUL bytes) with a sentence instead of a parser error."""
    head = data[:4096]
    wide = len(head) > 3 and head[1::2].count(0) > len(head) // 4  # ASCII as UTF-16
    if head.startswith(UTF16_BOMS) or wide:
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise IngestError("file_binary", file=name) from exc
    if b"\x00" in data:
        raise IngestError("file_binary", file=name)
    if b"\r" in data and b"\n" not in data:
        data = data.replace(b"\r", b"\n")
    return data


def _encoding(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1"
        return "cp1252"
    return "utf-8-sig"


def _delimiter(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _read_csv(name: str, digest: str, data: bytes) -> RawFile:
    encoding = _encoding(data)
    head = data[:65536].decode(encoding, errors="replace").lstrip("\ufeff")
    sep = _delimiter(head.splitlines()[0] if head else "")
    try:
        frame, bad = _parse_csv(data, encoding, sep)
    except (UnicodeDecodeError, pd.errors.EmptyDataError, csv.Error) as exc:
        raise IngestError("file_unreadable", file=name, detail=str(exc)) from exc
    rows = np.arange(2, len(frame) + 2)
    if bad:
        rows = frame.pop("__row__").to_numpy()
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    return RawFile(name, digest, frame.fillna(""), rows, bad_rows=bad)


def _parse_csv(
    data: bytes, encoding: str, sep: str
) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
    """pandas' fast reader; row by row when some rows have too many fields."""
    try:
        frame = pd.read_csv(
            io.BytesIO(data),
            sep=sep,
            dtype=str,
            encoding=encoding,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except pd.errors.ParserError:
        return _read_csv_slow(data.decode(encoding), sep)
    return frame, []


def _read_csv_slow(text: str, sep: str) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
    """Row by row, keeping rows whose field count differs from the header's."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=sep)
    header = next(reader, [])
    good, bad = [], []
    for number, fields in enumerate(reader, start=2):
        if len(fields) > len(header):
            bad.append((number, len(fields)))
            continue
        good.append([*fields, *[""] * (len(header) - len(fields)), number])
    frame = pd.DataFrame(good, columns=[*header, "__row__"], dtype=object)
    frame["__row__"] = frame["__row__"].astype("int64")
    return frame.astype({c: "str" for c in header}), bad


# ---- Excel ---------------------------------------------------------------------


def _read_excel(name: str, digest: str, data: bytes, template: Template) -> RawFile:
    try:
        book = pd.ExcelFile(io.BytesIO(data), engine="calamine")
        sheets = {str(s).strip().casefold(): s for s in book.sheet_names}
        sheet = sheets.get(template.name, book.sheet_names[0])
        grid = pd.read_excel(book, sheet_name=sheet, header=None, dtype=object)
    except Exception as exc:  # calamine raises its own error types
        raise IngestError("file_unreadable", file=name, detail=str(exc)) from exc
    if grid.empty:
        raise IngestError("file_empty", file=name)
    limits.check_rows(name, len(grid) - 1)
    _fill_uncalculated(grid, data, str(sheet))
    top = _header_row(grid, template)
    header = [_cell_text(v).strip() for v in grid.iloc[top]]
    body = grid.iloc[top + 1 :].reset_index(drop=True)
    body.columns = header
    frame = pd.DataFrame(index=body.index)
    numeric: dict[str, np.ndarray] = {}
    for i, col in enumerate(header):
        cells = body.iloc[:, i]
        numeric[col] = cells.map(_is_number).to_numpy(dtype=bool)
        frame[col] = cells.map(_cell_text).astype("str")
    rows = np.arange(top + 2, top + 2 + len(frame))
    return RawFile(name, digest, frame, rows, numeric=numeric, sheet=str(sheet))


def _fill_uncalculated(grid: pd.DataFrame, data: bytes, sheet: str) -> None:
    """A formula cell with no calculated value reads as its formula text (which
    the import then rejects as formula text), not as an empty cell."""
    for (row, col), formula in uncalculated(data, sheet).items():
        inside = row < grid.shape[0] and col < grid.shape[1]
        if inside and _cell_text(grid.iat[row, col]) == "":
            grid.iat[row, col] = formula


def _header_row(grid: pd.DataFrame, template: Template) -> int:
    """The first of the top rows that names a template column (default the first)."""
    wanted = {n.casefold() for n in template.names}
    for i in range(min(HEADER_SCAN, len(grid))):
        cells = {header_key(_cell_text(v)) for v in grid.iloc[i]}
        if cells & wanted:
            return i
    return 0


def header_key(text: str) -> str:
    """A header as matched: lower case, spaces and hyphens as underscores."""
    return "_".join(text.casefold().replace("-", " ").split())


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.number)) and not isinstance(value, bool)


def _cell_text(value: object) -> str:
    """One Excel cell as the text a person would have typed."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, datetime | pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        if float(value).is_integer() and abs(value) < 1e17:
            return str(int(value))
        return format(float(value), ".15g").replace(".", ",")
    return str(value)
