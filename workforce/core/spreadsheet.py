"""Cells a spreadsheet opens as text: formula text and hidden characters, in one place.

A name or code that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return and is not a number is what Excel and LibreOffice run as a formula (CSV
injection, OWASP). The import rejects such text (``is_formula``, ``has_hidden``);
every file the product writes goes through ``csv_bytes`` or ``xlsx_row`` all the
same (defence in depth): a CSV cell gets a leading ``'`` (OWASP's advice), an XLSX
cell is written as a string with Excel's quote prefix, so it is never a formula,
not even after someone edits it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"[+-]?(?:\d[\d.,\s]*|[.,]\d+)%?(?:[eE][+-]?\d+)?")
# C0 controls other than whitespace, DEL, C1 controls, bidirectional controls
_HIDDEN_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
HIDDEN_PATTERN = _HIDDEN_RE.pattern


def is_formula(text: str) -> bool:
    """True for text a spreadsheet would run: a formula start that is not a number."""
    if not text.startswith(FORMULA_START) or not text.strip("- "):
        return False  # a dash alone ("-", "--") is how people type "none"
    return not _NUMBER_RE.fullmatch(text.strip())


def has_hidden(text: str) -> bool:
    """True for control characters and bidirectional overrides (invisible, or
    reordering what a reader sees)."""
    return _HIDDEN_RE.search(text) is not None


def formula_mask(values: pd.Series) -> pd.Series:
    """``is_formula`` for a column of text, vectorised (False for missing values)."""
    text = values.astype("str")
    starts = text.str.startswith(FORMULA_START) & (text.str.strip("- ") != "")
    number = text.str.strip().str.fullmatch(_NUMBER_RE.pattern)
    return (starts & ~number.fillna(False).astype(bool)) & values.notna()


def hidden_mask(values: pd.Series) -> pd.Series:
    """``has_hidden`` for a column of text, vectorised (False for missing values)."""
    return values.astype("str").str.contains(_HIDDEN_RE.pattern) & values.notna()


def neutral(value: Any) -> Any:
    """A cell value safe in a CSV: formula text gets a leading ``'``; hidden
    characters are dropped; anything that is not text is returned as it is."""
    if not isinstance(value, str):
        return value
    text = _HIDDEN_RE.sub("", value)
    return "'" + text if is_formula(text) else text


def neutral_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell and every column name made ``neutral``."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutral, na_action="ignore")
    out.columns = [neutral(c) if isinstance(c, str) else c for c in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame, bom: bool = True) -> bytes:
    """The one way the product writes a CSV: neutral cells, UTF-8 (with a BOM, so
    Excel reads it as UTF-8, unless ``bom`` is False), no index."""
    text = neutral_frame(frame).to_csv(index=False)
    return text.encode("utf-8-sig" if bom else "utf-8")


def xlsx_row(ws: Worksheet, values: Iterable[Any]) -> None:
    """Append one row to an openpyxl sheet: numbers stay numbers, every text is a
    string cell with Excel's quote prefix when it looks like a formula (never a
    formula, even once someone edits it); hidden characters are dropped."""
    ws.append([_HIDDEN_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            cell.quotePrefix = is_formula(cell.value)
