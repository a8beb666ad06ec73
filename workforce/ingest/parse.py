"""Read values as Indonesian spreadsheets carry them, vectorised.

Each column is factorised first: a parser sees every distinct value once (a
million enrolments hold a few hundred dates), then the result is mapped back.
A parser returns a frame with ``value`` (NA when the cell is wrong), ``code``
(a reason code, "" when fine) and ``params`` (JSON for the reason's text).
"""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

import numpy as np
import pandas as pd

from workforce.core import pseudonym, spreadsheet
from workforce.core.names import norm
from workforce.ingest.templates import ENUMS, KPI_IDS, Column


class Lookups(Protocol):
    """What parsers need from the database (see ``lookups.DbLookups``)."""

    key: bytes
    today: date

    def kecamatan(self) -> dict[str, str]: ...
    def kbli(self) -> dict[str, str]: ...


Parser = Callable[[pd.Series, Column, Lookups], pd.DataFrame]

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
TRUE = {"ya", "y", "1", "true", "yes", "benar", "iya"}
FALSE = {"tidak", "t", "0", "false", "no", "n", "tdk", "salah", "bukan"}
OUTSIDE = {"luar cilegon", "luar kota", "luar kota cilegon", "di luar cilegon"}
WILAYAH = {
    "kota cilegon": "Kota Cilegon",
    "cilegon": "Kota Cilegon",
    "provinsi banten": "Provinsi Banten",
    "prov. banten": "Provinsi Banten",
    "banten": "Provinsi Banten",
    "indonesia": "Indonesia",
    "nasional": "Indonesia",
}
NUMBER_FORMS = (  # (pattern, characters to drop, decimal mark)
    (r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", ".", ","),  # 1.500.000,00
    (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", ",", "."),  # 1,500,000.00
    (r"\d+,\d+", "", ","),  # 7,41
    (r"\d+(?:\.\d+)?", "", "."),  # 1500000 or 7.41
)
WORDS_RE = r"(?i)\d.*\b(?:juta|jt|ribu|rb|miliar|milyar|triliun|m|k)\b"
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
MAX_TEXT = 200
MAX_NUMBER = 1e15  # Rupiah 1.000 triliun; the database keeps 16 digits before sen


def result(index: pd.Index, value: Any = pd.NA) -> pd.DataFrame:
    """An all-valid result frame for ``index`` (object columns, filled in later)."""
    n = len(index)
    return pd.DataFrame(
        {
            "value": np.full(n, value, dtype=object),
            "code": np.full(n, "", dtype=object),
            "params": np.full(n, "", dtype=object),
        },
        index=index,
        dtype=object,
    )


def fail(out: pd.DataFrame, mask: pd.Series, code: str, **params: Any) -> None:
    """Mark ``mask`` rows of ``out`` wrong with ``code`` unless already wrong."""
    mask = mask & (out["code"] == "")
    if out["value"].dtype != object:
        out["value"] = out["value"].astype(object)
    out.loc[mask, "value"] = pd.NA
    out.loc[mask, "code"] = code
    out.loc[mask, "params"] = json.dumps(params, ensure_ascii=False) if params else ""


def to_number(u: pd.Series) -> pd.DataFrame:
    """Numbers typed the Indonesian or English way, with Rp, %, ``,-``, signs."""
    out = result(u.index)
    body = (
        u.str.replace(r"(?i)^\s*(rp\.?|idr)\s*", "", regex=True)
        .str.replace(r"\s+", "", regex=True)
        .str.replace(r",-$", "", regex=True)
        .str.removesuffix("%")
    )
    negative = body.str.startswith("-") | (
        body.str.startswith("(") & body.str.endswith(")")
    )
    body = body.str.strip("-()+")
    numbers = pd.Series(np.nan, index=u.index)
    for pattern, drop, mark in NUMBER_FORMS:
        hit = body.str.fullmatch(pattern) & numbers.isna()
        text = body[hit]
        if drop:
            text = text.str.replace(drop, "", regex=False)
        if mark == ",":
            text = text.str.replace(",", ".", regex=False)
        numbers[hit] = pd.to_numeric(text, errors="coerce")
    numbers[negative] = -numbers[negative]
    out["value"] = numbers.astype(object).where(numbers.notna(), pd.NA)
    fail(out, numbers.isna() & u.str.contains(WORDS_RE, regex=True), "number_words")
    fail(out, numbers.isna(), "number_invalid")
    fail(out, numbers.abs() > MAX_NUMBER, "number_too_large")
    return out


def check_range(out: pd.DataFrame, col: Column) -> None:
    """Reject values outside the column's low/high."""
    values = pd.to_numeric(out["value"], errors="coerce")
    if col.low is not None:
        code = "negative" if col.low == 0 else "below_min"
        fail(out, values < col.low, code, min=_num(col.low))
    if col.high is not None:
        fail(out, values > col.high, "above_max", max=_num(col.high))


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def parse_number(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """A decimal number (percentages, targets)."""
    out = to_number(u)
    check_range(out, col)
    return out


def parse_money(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """Rupiah: ``Rp 1.500.000,00``, ``1.500.000``, ``1500000``; words rejected."""
    return parse_number(u, col, lk)


def parse_int(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """A whole number (years, months, counts)."""
    out = to_number(u)
    values = pd.to_numeric(out["value"], errors="coerce")
    fail(out, values.notna() & (values != values.round()), "not_integer")
    check_range(out, col)
    ok = out["code"] == ""
    out.loc[ok, "value"] = values[ok].astype("int64").astype(object)
    return out


def parse_text(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """Free text with spaces collapsed; formula text and hidden characters refused."""
    out = result(u.index)
    out["value"] = u.str.replace(r"\s+", " ", regex=True).str.strip().astype(object)
    refuse_unsafe_text(out, u)
    fail(out, u.str.len() > MAX_TEXT, "text_too_long", max=MAX_TEXT)
    return out


def refuse_unsafe_text(out: pd.DataFrame, u: pd.Series) -> None:
    """Text a spreadsheet would run as a formula, or holding control or
    bidirectional-override characters (data contract): the row is rejected."""
    fail(out, spreadsheet.formula_mask(u), "formula_text")
    fail(out, spreadsheet.hidden_mask(u), "hidden_characters")
    # a NIK in free text would be stored in clear: the row is rejected
    fail(out, u.map(pseudonym.has_nik).astype(bool), "nik_in_text")


def parse_bool(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """ya/tidak, y/t, 1/0, true/false (any case)."""
    out = result(u.index)
    key = u.str.casefold().str.strip(" .")
    out["value"] = key.map(
        lambda k: True if k in TRUE else False if k in FALSE else None
    )
    fail(out, ~key.isin(TRUE | FALSE), "bool_invalid")
    return out


def _enum_key(s: pd.Series) -> pd.Series:
    return s.str.casefold().str.replace(r"[^0-9a-z]", "", regex=True)


def parse_enum(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """One of a closed list, matched ignoring case, spaces and punctuation."""
    choices = ENUMS[col.name]
    aliases = {
        re.sub(r"[^0-9a-z]", "", word.casefold()): canonical
        for canonical, words in choices.items()
        for word in (canonical, *words)
    }
    out = result(u.index)
    out["value"] = _enum_key(u).map(aliases).astype(object)
    fail(out, out["value"].isna(), "enum_invalid", allowed=", ".join(choices))
    return out


def parse_nik(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """16 digits → HMAC pseudonym; the clear NIK goes no further than this."""
    out = result(u.index)
    digits = u.str.replace(r"[\s']", "", regex=True)
    ok = digits.str.fullmatch(r"\d{16}")
    out.loc[ok, "value"] = pseudonymise_many(digits[ok], lk.key)
    fail(out, digits.str.fullmatch(r"\d(?:[.,]\d+)?[eE]\+?\d+"), "nik_scientific")
    for n, group in digits[digits.str.fullmatch(r"\d+") & ~ok].groupby(
        digits.str.len()
    ):
        fail(out, out.index.isin(group.index), "nik_length", digits=int(n))
    fail(out, ~ok, "nik_format")
    return out


def pseudonymise_many(niks: pd.Series, key: bytes) -> list[str]:
    """``pseudonym.pseudonymise`` for many NIKs (one-shot C HMAC; same result)."""
    digest = hmac.digest
    return [digest(key, n.encode("ascii"), "sha256").hex() for n in niks.tolist()]


def parse_date(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """2025-10-01, 01/10/2025 (day first), 1 Oktober 2025, 1-Okt-2025, Excel serials."""
    out = result(u.index)
    s = u.str.strip()
    parts = pd.DataFrame(index=u.index, columns=["y", "m", "d"], dtype=float)
    iso = s.str.extract(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$")
    dmy = s.str.extract(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
    named = s.str.extract(r"^(\d{1,2})[\s\-./]*([A-Za-z]+)\.?[\s\-./,]*(\d{4})$")
    named[1] = named[1].str.casefold().map(MONTHS)
    for frame, order in ((iso, (0, 1, 2)), (dmy, (2, 1, 0)), (named, (2, 1, 0))):
        hit = frame[0].notna() & frame[1].notna() & parts["y"].isna()
        for target, source in zip(("y", "m", "d"), order, strict=True):
            parts.loc[hit, target] = pd.to_numeric(frame.loc[hit, source])
    dates = pd.to_datetime(
        {"year": parts["y"], "month": parts["m"], "day": parts["d"]}, errors="coerce"
    )
    serial = s.str.fullmatch(r"\d{5}(?:[.,]0+)?")
    days = pd.to_numeric(s[serial].str.replace(r"[.,]0+$", "", regex=True))
    dates[serial] = EXCEL_EPOCH + pd.to_timedelta(days, unit="D")
    out["value"] = dates.astype(object).where(dates.notna(), pd.NA)
    two_digit = s.str.fullmatch(r"\d{1,2}[\s/.\-]+(?:\d{1,2}|[A-Za-z]+)[\s/.\-]+\d{2}")
    fail(out, two_digit, "date_two_digit_year")
    month_first = dmy[1].notna() & (pd.to_numeric(dmy[1], errors="coerce") > 12)
    fail(out, month_first & (pd.to_numeric(dmy[0], errors="coerce") <= 12),
         "date_month_first")  # fmt: skip
    fail(out, dates.isna(), "date_invalid")
    fail(out, (dates < "1900-01-01") | (dates > "2100-12-31"), "date_out_of_range")
    return out


def parse_kecamatan(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """Name, Kemendagri spelling, variant or code → kecamatan_kode."""
    out = result(u.index)
    key = u.map(norm).str.replace(r"^(kecamatan|kec\.?)\s*", "", regex=True)
    out["value"] = key.map(lk.kecamatan()).astype(object)
    outside = key.isin(OUTSIDE) if col.outside_ok else key.isin(set())
    fail(out, out["value"].isna() & ~outside, "kecamatan_unknown")
    return out


def parse_kelurahan(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """Kept as typed (normalised); matched within the row's kecamatan by a rule."""
    out = result(u.index)
    out["value"] = (
        u.map(norm)
        .str.replace(r"^(kelurahan|kel\.?)\s*", "", regex=True)
        .astype(object)
    )
    refuse_unsafe_text(out, u)
    return out


def parse_kbli(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """``C``, ``c``, ``C - Industri Pengolahan`` or the category name → letter."""
    out = result(u.index)
    letter = u.str.strip().str.upper().str.extract(r"^([A-Z])(?:$|[\s\-.:)])")[0]
    by_name = u.map(norm).map(lk.kbli())
    value = letter.where(letter.isin(set(lk.kbli().values())), by_name)
    out["value"] = value.astype(object).where(value.notna(), pd.NA)
    fail(out, out["value"].isna(), "kbli_unknown")
    return out


def parse_refname(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """kejuruan / penyelenggara as typed, spaces collapsed (resolved when loading)."""
    return parse_text(u, col, lk)


def parse_wilayah(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """Known areas get their canonical spelling; others are kept as typed."""
    out = parse_text(u, col, lk)
    known = u.map(norm).map(WILAYAH)
    out["value"] = known.where(known.notna(), out["value"]).astype(object)
    return out


def parse_indikator(u: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """A KPI id of the metric registry."""
    out = result(u.index)
    key = u.map(norm).str.replace(" ", "_")
    out["value"] = key.where(key.isin(KPI_IDS)).astype(object)
    fail(out, ~key.isin(KPI_IDS), "indikator_unknown", allowed=", ".join(KPI_IDS))
    return out


PARSERS: dict[str, Parser] = {
    "nik": parse_nik,
    "text": parse_text,
    "code": parse_text,
    "int": parse_int,
    "number": parse_number,
    "money": parse_money,
    "bool": parse_bool,
    "date": parse_date,
    "enum": parse_enum,
    "kecamatan": parse_kecamatan,
    "kelurahan": parse_kelurahan,
    "kbli": parse_kbli,
    "refname": parse_refname,
    "wilayah": parse_wilayah,
    "indikator": parse_indikator,
}


def parse_column(raw: pd.Series, col: Column, lk: Lookups) -> pd.DataFrame:
    """Parse one column (blank cells stay NA with no code): value, code, params."""
    filled = (raw != "").to_numpy(dtype=bool)
    if not filled.any():
        return result(raw.index)
    codes, uniques = pd.factorize(raw[filled])
    typed = pd.Series(uniques, dtype="str")
    parsed = PARSERS[col.kind](typed, col, lk)
    formula = spreadsheet.formula_mask(typed) & (parsed["code"] != "")
    parsed.loc[formula, ["code", "params"]] = ["formula_text", ""]  # say why
    columns = {}
    for name, blank in (("value", pd.NA), ("code", ""), ("params", "")):
        column = np.full(len(raw), blank, dtype=object)
        column[filled] = parsed[name].to_numpy(dtype=object)[codes]
        columns[name] = column
    columns["value"][pd.isna(columns["value"])] = pd.NA  # NaN/None → one missing
    return pd.DataFrame(columns, index=raw.index, dtype=object)
