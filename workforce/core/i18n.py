"""All UI text, Bahasa Indonesia (default) and English, with Indonesian formatting.

Texts live in ``workforce/locales/*.toml``, one file per area, each key a table
with ``id`` and ``en``: ``[nav.ringkasan]`` / ``id = "Ringkasan"`` / ``en = "Overview"``.
Numbers, Rupiah and dates go through Babel with the ``id_ID`` or ``en`` locale.
"""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal

from workforce.core.config import LOCALES_DIR

LANGS = ("id", "en")
DEFAULT_LANG = "id"
BABEL_LOCALE = {"id": "id_ID", "en": "en_US"}  # Babel locale of each UI language
NA = {"id": "t.a.", "en": "n/a"}


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every key of every locales/*.toml file, flattened to dotted keys."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(LOCALES_DIR.glob("*.toml")):
        _flatten(tomllib.loads(path.read_text(encoding="utf-8")), "", merged, path.name)
    return merged


def _flatten(node: dict[str, Any], prefix: str, out: dict, source: str) -> None:
    if "id" in node and isinstance(node["id"], str):
        if prefix in out:
            raise ValueError(f"duplicate i18n key {prefix!r} in {source}")
        out[prefix] = node
        return
    for key, child in node.items():
        _flatten(child, f"{prefix}.{key}" if prefix else key, out, source)


def t(key: str, lang: str = DEFAULT_LANG, **values: Any) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled."""
    entry = catalogue().get(key)
    if entry is None:
        raise KeyError(f"missing i18n key {key!r}")
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


def fmt_number(
    value: float | int | None, lang: str = DEFAULT_LANG, digits: int = 0
) -> str:
    """``1.234`` (id) or ``1,234`` (en); None shows as not available."""
    if value is None or value != value:
        return NA[lang]
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, pattern, locale=BABEL_LOCALE[lang])


def fmt_pct(value: float | None, lang: str = DEFAULT_LANG, digits: int = 2) -> str:
    """``7,41%`` (id) or ``7.41%`` (en) from a 0-100 value."""
    if value is None or value != value:
        return NA[lang]
    return fmt_number(value, lang, digits) + "%"


def fmt_points(value: float | None, lang: str = DEFAULT_LANG, digits: int = 2) -> str:
    """A signed change in percentage points: ``+1,33 poin``."""
    if value is None or value != value:
        return NA[lang]
    sign = "+" if value > 0 else (MINUS if value < 0 else "±")
    return sign + fmt_number(abs(value), lang, digits) + " " + t("fmt.points", lang)


MINUS = "\u2212"  # the minus sign (not a hyphen) before a negative amount


def fmt_rupiah(value: float | int | None, lang: str = DEFAULT_LANG) -> str:
    """Short Rupiah: ``Rp 1,2 miliar``, ``Rp 350 juta``, ``Rp 4.815.102`` below a
    million; a negative amount as ``−Rp 2,6 miliar``."""
    if value is None or value != value:
        return NA[lang]
    sign, size = (MINUS if value < 0 else ""), abs(value)
    if size < 1_000_000:
        return f"{sign}Rp {fmt_number(round(size), lang)}"
    short = format_compact_decimal(
        size, format_type="long", locale=BABEL_LOCALE[lang], fraction_digits=1
    )
    return f"{sign}Rp {short}"


def fmt_rupiah_exact(value: float | int | None, lang: str = DEFAULT_LANG) -> str:
    """Exact Rupiah for tables: ``Rp 1.500.000`` (``−Rp 1.500.000`` below zero)."""
    if value is None or value != value:
        return NA[lang]
    sign = MINUS if value < 0 else ""
    return f"{sign}Rp {fmt_number(round(abs(value)), lang)}"


def fmt_change(value: float | None, unit: str, lang: str = DEFAULT_LANG) -> str:
    """A signed change in a KPI's unit: ``+1,33 poin``, ``−33``, ``+Rp 1,2 juta``."""
    if value is None or value != value:
        return NA[lang]
    if unit == "pct":
        return fmt_points(value, lang)
    sign = "+" if value > 0 else (MINUS if value < 0 else "±")
    size = (
        fmt_rupiah(abs(value), lang)
        if unit == "rupiah"
        else fmt_number(abs(value), lang)
    )
    return sign + size


def fmt_date(value: date | None, lang: str = DEFAULT_LANG) -> str:
    """``1 Oktober 2025`` (id) or ``1 October 2025`` (en)."""
    if value is None:
        return NA[lang]
    return format_date(value, "d MMMM y", locale=BABEL_LOCALE[lang])


def fmt_timestamp(value: datetime, lang: str = DEFAULT_LANG) -> str:
    """A moment in UTC: ``4 Desember 2026 pukul 11.16 UTC`` (id) or ``4 December
    2026, 11:16 UTC`` (en); a naive value is taken as UTC already."""
    utc = value.astimezone(UTC) if value.tzinfo else value
    day = fmt_date(utc.date(), lang)
    if lang == "id":
        return f"{day} pukul {utc:%H.%M} UTC"
    return f"{day}, {utc:%H:%M} UTC"


def fmt_value(value: float | None, unit: str, lang: str = DEFAULT_LANG) -> str:
    """Format by unit: ``pct``, ``count``, ``rupiah``, ``points``."""
    formatters = {
        "pct": lambda v: fmt_pct(v, lang),
        "count": lambda v: fmt_number(v, lang),
        "rupiah": lambda v: fmt_rupiah(v, lang),
        "points": lambda v: fmt_points(v, lang),
    }
    return formatters[unit](value)


class Scope:
    """The texts of one area of the locale files: ``Scope("public")("h.kpi", lang)``
    is ``t("public.h.kpi", lang)``."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __call__(self, key: str, lang: str, **values: Any) -> str:
        """Translate ``<prefix>.<key>`` into ``lang``."""
        return t(f"{self.prefix}.{key}", lang, **values)


def period_label(
    tahun: int, kuartal: int | None, lang: str, in_sentence: bool = False
) -> str:
    """The period a figure covers: ``2024`` or ``Triwulan 2 2024`` (``Q2 2024``) as a
    heading; ``tahun 2024`` or ``triwulan 2 2024`` inside an Indonesian sentence."""
    kind = "quarter" if kuartal else "year"
    key = f"period.{kind}_in_text" if in_sentence else f"period.{kind}"
    return t(key, lang, tahun=tahun, q=kuartal)


def quarter_option(kuartal: int, lang: str) -> str:
    """The period filter's option: ``Setahun penuh`` (0) or ``Triwulan 2``."""
    if kuartal == 0:
        return t("filter.setahun", lang)
    return t("filter.kuartal", lang, q=kuartal)


# The published-figure sources (data/seed/statistik_tenaga_kerja.csv) name the BPS
# release and who reported it, written in English; in Indonesian the linking
# words are said in Indonesian (names, dates and sites stay as they are).
SOURCE_PHRASES_ID = (
    ("as reported by", "sebagaimana diberitakan"),
    ("as cited by", "sebagaimana dikutip"),
    ("as published", "sebagaimana diterbitkan"),
    ("later revised to", "kemudian direvisi menjadi"),
    ("by back-casting", "dengan metode back-casting"),
    ("booklet August", "buklet Agustus"),
    ("release", "rilis"),
    ("single source", "satu sumber"),
    ("unemployed about", "penganggur sekitar"),
    ("thousand", "ribu"),
    (" and ", " dan "),
)


# a lone decimal written the English way (5.23), not a grouped number (4,657,222.94
# or 4.430.254) nor a reference (No.103): written 5,23 in Indonesian
DECIMAL = re.compile(r"(?<![\d,.])(\d+)\.(\d+)(?![\d,.])")


def fund_label(sumber: str, lang: str = DEFAULT_LANG) -> str:
    """A funding source as readers see it: APBN, APBD, CSR as they are, ``lainnya``
    as "Lainnya" / "Other", on every page alike."""
    return t("budget.source.lainnya", lang) if sumber == "lainnya" else sumber


def source_text(text: str, lang: str = DEFAULT_LANG) -> str:
    """A published figure's source in the interface language."""
    if lang != "id" or not isinstance(text, str):
        return text
    for english, indonesian in SOURCE_PHRASES_ID:
        text = text.replace(english, indonesian)
    return DECIMAL.sub(r"\1,\2", text)
