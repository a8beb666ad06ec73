"""The validation report (both languages, downloadable) and the quarantine rows.

Reasons are reason codes with JSON params until here; each distinct (code, params)
pair is translated once through ``i18n.t`` (``ingest.reason.<code>``), so a file
with a million identical errors costs one lookup, not a million.
"""

from __future__ import annotations

import json

import pandas as pd

from workforce.core import i18n, pseudonym, spreadsheet
from workforce.ingest.issues import mask_nik_like
from workforce.ingest.validate import Validation

REPORT_COLUMNS = [
    "file",
    "row",
    "column",
    "value",
    "severity",
    "code",
    "reason_id",
    "reason_en",
]


def reason(code: str, params: str, lang: str) -> str:
    """One reason in ``lang``."""
    values = json.loads(params) if params else {}
    return i18n.t(f"ingest.reason.{code}", lang, **values)


def translate(issues: pd.DataFrame, lang: str) -> pd.Series:
    """The reason text of every issue in ``lang``."""
    pairs = issues["code"].astype(str) + "\x1f" + issues["params"].astype(str)
    texts = {p: reason(*p.split("\x1f", 1), lang) for p in pd.unique(pairs)}
    return pairs.map(texts)


def report(v: Validation) -> pd.DataFrame:
    """file, row, column, value (NIK masked), severity, code, reason_id, reason_en."""
    issues = v.issues
    out = pd.DataFrame(
        {
            "file": v.file_name,
            "row": issues["row"].astype("int64"),
            "column": issues["column"],
            "value": issues["value"],
            "severity": issues["severity"],
            "code": issues["code"],
            "reason_id": translate(issues, "id"),
            "reason_en": translate(issues, "en"),
        },
        columns=REPORT_COLUMNS,
    )
    return out.reset_index(drop=True)


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes that Excel opens as UTF-8 (with a BOM), formula text neutral."""
    return spreadsheet.csv_bytes(frame)


def masked_rows(v: Validation, rows: pd.Index) -> pd.DataFrame:
    """The rows as typed (template columns only), NIK and NIK-like values masked."""
    raw = v.raw.reindex(rows).fillna("")
    for col in v.template.columns:
        cells = raw[col.name].astype(str)
        raw[col.name] = cells.map(pseudonym.mask) if col.kind == "nik" else cells
        raw[col.name] = mask_nik_like(raw[col.name])
    return raw


def quarantine_frame(v: Validation, import_id: int) -> pd.DataFrame:
    """import_quarantine rows for the rejected rows of ``v``."""
    rows = pd.Index(v.rejected_rows, name="row")
    columns = [
        "import_id",
        "template",
        "file_name",
        "row_number",
        "row_json",
        "reason_codes",
        "reason_id",
        "reason_en",
    ]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    errors = v.issues[v.issues["severity"] == "error"].copy()
    for lang in ("id", "en"):
        errors[lang] = errors["column"] + ": " + translate(errors, lang)
    errors["json"] = [
        {"column": c, "code": k, "params": json.loads(p) if p else {}}
        for c, k, p in zip(
            errors["column"], errors["code"], errors["params"], strict=True
        )
    ]
    grouped = errors.groupby("row", sort=True)
    raw = masked_rows(v, rows)
    return pd.DataFrame(
        {
            "import_id": import_id,
            "template": v.template.name,
            "file_name": v.file_name,
            "row_number": rows.astype("int64"),
            "row_json": [
                json.dumps(r, ensure_ascii=False) for r in raw.to_dict("records")
            ],
            "reason_codes": grouped["json"]
            .agg(lambda s: json.dumps(list(s)))
            .reindex(rows),
            "reason_id": grouped["id"].agg("; ".join).reindex(rows),
            "reason_en": grouped["en"].agg("; ".join).reindex(rows),
        },
        index=rows,
        columns=columns,
    ).reset_index(drop=True)
