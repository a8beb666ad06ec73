"""Formula cells of an XLSX sheet that carry no calculated value.

A workbook written by a program (not by Excel) may hold ``=SUM(...)`` with no
cached result; a reader then sees an empty cell, and the import would say
"required" about a cell the clerk can see filled in. ``uncalculated`` finds those
cells in the sheet's XML so the import can name them for what they are.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL_RE = re.compile(rb'<c r="([A-Z]+)(\d+)"')
_FORMULA_RE = re.compile(rb"<f(?:\s[^>]*)?(?:/>|>(.*?)</f>)", re.DOTALL)
_VALUE_RE = re.compile(rb"<v>[^<]+</v>")


def uncalculated(data: bytes, sheet: str) -> dict[tuple[int, int], str]:
    """``{(row, column): "=formula"}`` (0-based, as pandas reads the grid) of the
    formula cells of ``sheet`` without a calculated value; empty when unsure."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(_sheet_path(archive, sheet))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, ValueError):
        return {}
    if b"<f" not in xml:
        return {}
    return dict(_scan(xml))


def _sheet_path(archive: zipfile.ZipFile, sheet: str) -> str:
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    rid = next(
        s.get(_RID) for s in book.iterfind("m:sheets/m:sheet", _NS)
        if s.get("name") == sheet
    )  # fmt: skip
    target = next(
        r.get("Target", "") for r in rels.iterfind("rel:Relationship", _NS)
        if r.get("Id") == rid
    )  # fmt: skip
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _scan(xml: bytes) -> Iterator[tuple[tuple[int, int], str]]:
    for found in _FORMULA_RE.finditer(xml):
        start = xml.rfind(b"<c ", 0, found.start())
        end = xml.find(b"</c>", found.end())
        cell = _CELL_RE.match(xml, start)
        if (
            start < 0
            or end < 0
            or cell is None
            or _VALUE_RE.search(xml, found.end(), end)
        ):
            continue
        text = html.unescape((found.group(1) or b"").decode("utf-8", "replace"))
        yield (int(cell.group(2)) - 1, _column(cell.group(1))), "=" + (text or "?")


def _column(letters: bytes) -> int:
    index = 0
    for char in letters.decode():
        index = index * 26 + ord(char) - 64
    return index - 1
