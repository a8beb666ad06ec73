"""Check a read file against its template: headers, values, rules, keys, references.

The result is a ``Validation``: the parsed values of the rows that pass, and one
issue per problem (spreadsheet row, column, value as typed with the NIK masked,
reason code and params, severity). A row with any ``error`` issue is rejected; a
``warning`` is reported but the row loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workforce.core.names import norm
from workforce.ingest import limits
from workforce.ingest.errors import IngestError
from workforce.ingest.issues import Issues, params
from workforce.ingest.lookups import DbLookups
from workforce.ingest.parse import parse_column
from workforce.ingest.read import RawFile, header_key
from workforce.ingest.rules import RULES
from workforce.ingest.templates import Column, Template

PERSONAL = ("nama", "alamat", "no_hp", "hp", "telepon", "email", "no_kk")
KEEP_RAW = 50  # rows as typed kept for a preview (plus every row with an issue)
DUPLICATES_SHOWN = 10  # rows named in a duplicate key's reason
SERIAL_RE = r"\d{5}(?:[.,]0+)?"  # an Excel date serial typed as text


@dataclass
class Validation:
    """A checked file: accepted values, issues, what was ignored."""

    template: Template
    file_name: str
    sha256: str
    raw: pd.DataFrame  # as typed: the first KEEP_RAW rows and every row with an issue
    clean: pd.DataFrame  # parsed values of the accepted rows, index = row
    issues: pd.DataFrame  # ISSUE_COLUMNS
    row_count: int
    ignored_columns: list[str] = field(default_factory=list)
    personal_columns: list[str] = field(default_factory=list)
    example_rows: int = 0
    new_refs: dict[str, list[str]] = field(default_factory=dict)

    @property
    def rejected_rows(self) -> np.ndarray:
        """Spreadsheet rows with at least one error."""
        errors = self.issues[self.issues["severity"] == "error"]
        return np.sort(errors["row"].unique())

    @property
    def rejected(self) -> int:
        """How many rows are rejected."""
        return len(self.rejected_rows)

    @property
    def warnings(self) -> int:
        """How many warnings (rows load anyway)."""
        return int((self.issues["severity"] == "warning").sum())


# ---- headers -------------------------------------------------------------------


def match_headers(
    headers: list[str], template: Template
) -> tuple[dict[str, str], list[str], list[str]]:
    """Template column → header as typed; the ignored and the personal headers."""
    wanted = set(template.names)
    found: dict[str, str] = {}
    ignored, personal = [], []
    for header in headers:
        key = header_key(header)
        if key in wanted and key not in found:
            found[key] = header
        elif not key or key.startswith("unnamed:"):
            continue
        elif key.startswith(PERSONAL):
            personal.append(header)
        else:
            ignored.append(header)
    missing = [c.name for c in template.columns if c.required and c.name not in found]
    if missing:
        raise IngestError(
            "missing_columns", columns=", ".join(missing), template=template.name
        )
    if template.either and not any(set(g) <= found.keys() for g in template.either):
        options = " | ".join(" + ".join(g) for g in template.either)
        raise IngestError("missing_columns_either", options=options)
    return found, ignored, personal


# ---- the whole file ------------------------------------------------------------


def validate(raw: RawFile, template: Template, lk: DbLookups) -> Validation:
    """Check every row of ``raw`` against ``template`` (IngestError if the file
    as a whole cannot be used: a required column missing, no data rows)."""
    found, ignored, personal = match_headers(list(raw.frame.columns), template)
    frame = _template_frame(raw, template, found)
    blank = (frame == "").all(axis=1)
    example = _is_example(frame, template) & ~blank
    frame = frame[~blank & ~example]
    if frame.empty and not raw.bad_rows:
        raise IngestError("no_rows", file=raw.name)
    long = _shorten_long_cells(frame)
    issues = Issues(frame)
    for name, mask in long.items():
        issues.add(mask, name, "cell_too_long", params(max=limits.MAX_CELL))
    values, bad = _parse(frame, raw, template, lk, found, issues)
    for rule in template.rules:
        RULES[rule](values, bad, lk, issues)
    _duplicates(values, bad, template, issues)
    _references(values, bad, template, lk, issues)
    for row, fields in raw.bad_rows:
        issues.parts.append(_bad_row(row, fields, len(raw.frame.columns)))
    nik_columns = [c.name for c in template.columns if c.kind == "nik"]
    result = Validation(
        template=template,
        file_name=raw.name,
        sha256=raw.sha256,
        raw=frame,
        clean=values,
        issues=issues.frame(nik_columns),
        row_count=len(frame) + len(raw.bad_rows),
        ignored_columns=ignored,
        personal_columns=personal,
        example_rows=int(example.sum()),
    )
    result.clean = values[~values.index.isin(result.rejected_rows)]
    result.new_refs = _new_refs(result.clean, template, lk)
    shown = frame.index[:KEEP_RAW].union(pd.Index(result.issues["row"].unique()))
    result.raw = frame.loc[frame.index.isin(shown)]  # what a report can show
    return result


def _template_frame(raw: RawFile, template: Template, found: dict) -> pd.DataFrame:
    index = pd.Index(raw.rows, name="row")
    columns = {}
    for col in template.columns:
        if col.name in found:
            cells = raw.frame[found[col.name]].astype("str").str.strip()
            columns[col.name] = cells.set_axis(index)
        else:
            columns[col.name] = pd.Series("", index=index, dtype="str")
    return pd.DataFrame(columns, index=index)


def _shorten_long_cells(frame: pd.DataFrame) -> dict[str, pd.Series]:
    """Cut cells longer than MAX_CELL to their first characters (in place) and
    return where they were: nothing downstream holds a huge cell, and the reason
    shows what the cell starts with."""
    found = {}
    for name in frame.columns:
        mask = frame[name].str.len() > limits.MAX_CELL
        if mask.any():
            frame.loc[mask, name] = frame.loc[mask, name].map(limits.shorten)
            found[name] = mask
    return found


def _is_example(frame: pd.DataFrame, template: Template) -> pd.Series:
    """The blank template's example row, left in by mistake (first data row only)."""
    same = pd.Series(False, index=frame.index)
    if len(frame):
        first = frame.iloc[0]
        same.iloc[0] = all(
            str(first[c.name]).casefold() == c.example.casefold()
            for c in template.columns
        )
    return same


def _parse(
    frame: pd.DataFrame,
    raw: RawFile,
    template: Template,
    lk: DbLookups,
    found: dict[str, str],
    issues: Issues,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    values, bad = {}, {}
    for col in template.columns:
        cells = frame[col.name]
        parsed = parse_column(cells, col, lk)
        if col.kind == "nik" and col.name in found:
            _numeric_nik(parsed, raw, found[col.name], frame.index)
        if col.kind == "date":
            _typed_serial(parsed, cells, raw, found.get(col.name))
        if col.not_future:
            future = parsed["value"].notna() & (
                pd.to_datetime(parsed["value"]) > pd.Timestamp(lk.today)
            )
            parsed.loc[future, "value"] = pd.NA
            parsed.loc[future, "code"] = "date_future"
        wrong = parsed["code"] != ""
        issues.add(wrong, col.name, parsed["code"], parsed["params"])
        missing = (cells == "") if col.required else pd.Series(False, index=frame.index)
        issues.add(missing, col.name, "required_missing")
        values[col.name] = parsed["value"]
        bad[col.name] = wrong | missing
    return pd.DataFrame(values), pd.DataFrame(bad)


def _numeric_nik(
    parsed: pd.DataFrame, raw: RawFile, header: str, index: pd.Index
) -> None:
    """A NIK in an Excel number cell has lost its 16th digit (15 significant)."""
    numeric = raw.numeric.get(header)
    if numeric is None:
        return
    mask = pd.Series(numeric, index=pd.Index(raw.rows)).reindex(index).fillna(False)
    mask &= parsed["code"] == ""
    parsed.loc[mask.astype(bool), "value"] = pd.NA
    parsed.loc[mask.astype(bool), "code"] = "nik_numeric_cell"


def _typed_serial(
    parsed: pd.DataFrame, cells: pd.Series, raw: RawFile, header: str | None
) -> None:
    """``45000`` is an Excel date only in an XLSX number cell; typed in a CSV (or
    as text) it is a number, not a date: rejected rather than guessed."""
    serial = cells.str.fullmatch(SERIAL_RE) & (parsed["code"] == "")
    numeric = raw.numeric.get(header) if header else None
    if numeric is not None:
        cell_is_number = pd.Series(numeric, index=pd.Index(raw.rows))
        serial &= ~cell_is_number.reindex(cells.index).fillna(False).astype(bool)
    parsed.loc[serial, "value"] = pd.NA
    parsed.loc[serial, "code"] = "date_serial_text"


def _key_frame(values: pd.DataFrame, key: tuple[Column, ...]) -> pd.DataFrame:
    out = pd.DataFrame(index=values.index)
    for col in key:
        v = values[col.name]
        out[col.name] = v.astype(str).str.casefold() if col.kind == "refname" else v
    return out


def _duplicates(
    v: pd.DataFrame, bad: pd.DataFrame, template: Template, out: Issues
) -> None:
    """Rows sharing a key within the file: all of them are rejected.

    Linear in time and memory: the rows are grouped by key once, and every row of
    a group gets the same reason (how many rows, the first DUPLICATES_SHOWN of
    them), so a file of thousands of identical rows costs one pass, not a list
    of every other row for each row.
    """
    names = [c.name for c in template.key]
    ok = pd.Series(True, index=v.index)
    for name in names:
        ok &= v[name].notna() & ~bad[name]
    keys = _key_frame(v[ok], template.key)
    dup = keys.duplicated(keep=False)
    if not dup.any():
        return
    group = keys[dup].groupby(names, sort=False, dropna=False).ngroup()
    rows = pd.Series(group.index, index=group.index)
    firsts = rows.groupby(group.to_numpy()).agg(_group_rows)
    ps = group.map(firsts)
    shown = out.raw.loc[group.index, names[0]].astype("str")
    for name in names[1:]:
        shown = shown + " / " + out.raw.loc[group.index, name].astype("str")
    mask = pd.Series(v.index.isin(group.index), index=v.index)
    label = " + ".join(names)
    out.add(
        mask, label, "duplicate_key", ps.reindex(v.index), value=shown.reindex(v.index)
    )


def _group_rows(rows: pd.Series) -> str:
    """The reason's params for one group of rows sharing a key."""
    listed = ", ".join(str(r) for r in rows.iloc[:DUPLICATES_SHOWN])
    more = len(rows) - DUPLICATES_SHOWN
    return params(n=len(rows), rows=listed + (f" … (+{more})" if more > 0 else ""))


def _references(
    v: pd.DataFrame, bad: pd.DataFrame, template: Template, lk: DbLookups, out: Issues
) -> None:
    """Codes and persons must exist in the database (or earlier in this import)."""
    for col in template.columns:
        if not col.ref:
            continue
        ok = v[col.name].notna() & ~bad[col.name]
        if not ok.any():
            continue
        if col.ref == "peserta":
            known = lk.known_peserta(v.loc[ok, col.name])
            unknown = pd.Series(False, index=v.index)
            unknown[known.index] = ~known
        else:
            stored = lk.resolve_codes(col.ref, v.loc[ok, col.name].astype(str))
            unknown = pd.Series(False, index=v.index)
            unknown[stored.index] = stored.isna()
            v.loc[stored.index[stored.notna()], col.name] = stored.dropna()
        out.add(unknown, col.name, f"unknown_{col.ref}")
        bad[col.name] |= unknown


def _new_refs(
    clean: pd.DataFrame, template: Template, lk: DbLookups
) -> dict[str, list[str]]:
    """kejuruan / penyelenggara names not yet in the reference list."""
    out = {}
    for col in template.columns:
        if col.kind != "refname" or clean.empty:
            continue
        known = set(lk.refnames(col.name)["nama_norm"])
        typed = pd.Series(clean[col.name].dropna().unique(), dtype=object)
        fresh = typed[~typed.map(norm).isin(known)]
        firsts = fresh.groupby(fresh.map(norm), sort=True).first()
        if len(firsts):
            out[col.name] = list(firsts)
    return out


def _bad_row(row: int, fields: int, expected: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row": [row],
            "column": [""],
            "value": [""],
            "code": ["row_fields"],
            "params": [params(fields=fields, expected=expected)],
            "severity": ["error"],
        }
    )
