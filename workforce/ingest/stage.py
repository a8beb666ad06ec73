"""Turn accepted rows into the table's columns and types, ready to upsert.

kejuruan and penyelenggara names become ids: an existing id when the normalised
name is known, else a new id (the new names are written to the reference list in
the same transaction, and reported as new).
"""

from __future__ import annotations

import pandas as pd

from workforce.core.names import norm
from workforce.ingest.lookups import DbLookups
from workforce.ingest.templates import Column
from workforce.ingest.validate import Validation


def stage(v: Validation, lk: DbLookups) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """The staging frame (table columns) and the new reference names per kind."""
    out = pd.DataFrame(index=v.clean.index)
    new_refs: dict[str, pd.DataFrame] = {}
    for col in v.template.columns:
        values = v.clean[col.name]
        if col.kind == "refname":
            out[col.target], new_refs[col.name] = _ref_ids(values, col, lk)
        else:
            out[col.target] = convert(values, col)
    return out.reset_index(drop=True), new_refs


def convert(values: pd.Series, col: Column) -> pd.Series:
    """Parsed values (object) to the column's pandas type."""
    if col.kind == "date":
        return pd.to_datetime(values)
    if col.kind == "int":
        return pd.to_numeric(values).astype("Int64")
    if col.kind in ("number", "money"):
        return pd.to_numeric(values).astype("float64")
    if col.kind == "bool":
        return values.fillna(False).astype(bool)
    return values.astype("str")


def _ref_ids(
    values: pd.Series, col: Column, lk: DbLookups
) -> tuple[pd.Series, pd.DataFrame]:
    known = lk.refnames(col.name)
    ids = dict(zip(known["nama_norm"], known["ref_id"], strict=True))
    next_id = int(known["ref_id"].max()) + 1 if len(known) else 1
    fresh: list[dict[str, object]] = []
    for name in pd.unique(values.dropna()):
        key = norm(name)
        if key not in ids:
            ids[key] = next_id
            fresh.append({"ref_id": next_id, "nama": name, "nama_norm": key})
            next_id += 1
    keys = values.map(norm)
    new = pd.DataFrame(fresh, columns=["ref_id", "nama", "nama_norm"])
    return keys.map(ids).astype("Int64"), new
