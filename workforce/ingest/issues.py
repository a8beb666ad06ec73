"""Row-level issues: one per problem, with the value shown as typed but never a NIK.

``Issues`` collects them column by column as small frames; ``frame()`` joins them
and masks the NIK column (``pseudonym.mask``) and any NIK-like run of digits
typed elsewhere, so no clear NIK reaches a report, the quarantine or a log.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from workforce.core import pseudonym

ISSUE_COLUMNS = ["row", "column", "value", "code", "params", "severity"]


class Issues:
    """Collects issues as small frames (one per column and reason)."""

    def __init__(self, raw: pd.DataFrame) -> None:
        self.raw = raw
        self.parts: list[pd.DataFrame] = []

    def add(
        self,
        mask: pd.Series,
        column: str,
        code: str | pd.Series,
        params: str | pd.Series = "",
        severity: str = "error",
        value: pd.Series | None = None,
    ) -> None:
        """One issue for each row where ``mask`` is true."""
        mask = mask.fillna(False).astype(bool)
        if not mask.any():
            return
        shown = self.raw[column] if value is None else value
        part = pd.DataFrame(
            {
                "row": mask.index[mask],
                "column": column,
                "value": shown[mask].astype(str).to_numpy(),
                "code": code[mask].to_numpy() if isinstance(code, pd.Series) else code,
                "params": (
                    params[mask].to_numpy() if isinstance(params, pd.Series) else params
                ),
                "severity": severity,
            }
        )
        self.parts.append(part)

    def frame(self, nik_columns: list[str]) -> pd.DataFrame:
        """All issues, sorted by row, with NIK-like values masked."""
        if not self.parts:
            return empty()
        out = pd.concat(self.parts, ignore_index=True)
        is_nik = out["column"].isin(nik_columns)
        out.loc[is_nik, "value"] = out.loc[is_nik, "value"].map(pseudonym.mask)
        out["value"] = mask_nik_like(out["value"])
        return out.sort_values(["row", "column"], kind="stable").reset_index(drop=True)


def mask_nik_like(values: pd.Series) -> pd.Series:
    """Mask anything written like a NIK (15-17 digits, also with dots, dashes or
    spaces between them, or after a "NIK" prefix), wherever it was typed."""
    return values.astype(str).map(pseudonym.mask_text)


def params(**values: Any) -> str:
    """Reason params as stored (JSON)."""
    return json.dumps(values, ensure_ascii=False)


def empty() -> pd.DataFrame:
    """An issue frame with no rows."""
    frame = pd.DataFrame({c: pd.Series([], dtype="str") for c in ISSUE_COLUMNS})
    return frame.astype({"row": "int64"})
