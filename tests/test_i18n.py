"""The text catalogue is complete in both languages, and values format the Indonesian way."""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest

from workforce.core import i18n
from workforce.core.navigation import PAGES

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]
SOURCES += sorted((ROOT / "workforce").rglob("*.py"))
# T("key"), t("key"), i18n.t("key"), ui.T("key") with a literal key
KEY_USE_RE = re.compile(
    r"(?<![\w.])(?:ui\.|i18n\.)?[Tt]\(\s*[\"']([A-Za-z0-9_.]+)[\"']"
)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


CATALOGUE = i18n.catalogue()


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_key_has_both_languages_and_same_placeholders(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) >= {"id", "en"}, f"{key}: needs id and en"
    assert entry["id"].strip() and entry["en"].strip(), f"{key}: empty text"
    assert _fields(entry["id"]) == _fields(entry["en"]), f"{key}: placeholders differ"


def test_catalogue_is_not_empty() -> None:
    assert len(CATALOGUE) > 20


def _used_keys() -> dict[str, list[str]]:
    used: dict[str, list[str]] = {}
    for path in SOURCES:
        for key in KEY_USE_RE.findall(path.read_text(encoding="utf-8")):
            used.setdefault(key, []).append(str(path.relative_to(ROOT)))
    return used


def test_the_key_scan_finds_keys() -> None:
    used = _used_keys()
    assert "app.demo_banner" in used and "filter.header" in used


def test_every_literal_key_in_the_code_exists() -> None:
    missing = {k: files for k, files in _used_keys().items() if k not in CATALOGUE}
    assert not missing, f"keys used but not in workforce/locales/*.toml: {missing}"


def test_navigation_keys_exist() -> None:
    for spec in PAGES:
        assert spec.title_key in CATALOGUE, spec.file
        assert spec.section_key in CATALOGUE, spec.file


def test_t_fills_placeholders_and_refuses_unknown_keys() -> None:
    assert i18n.t("app.data_as_of", "id", date="1 Oktober 2025") == (
        "Data per 1 Oktober 2025"
    )
    assert i18n.t("app.data_as_of", "en", date="x") == "Data as of x"
    with pytest.raises(KeyError, match="no.such.key"):
        i18n.t("no.such.key")


@pytest.mark.parametrize(
    ("call", "id_text", "en_text"),
    [
        (lambda lang: i18n.fmt_pct(7.41, lang), "7,41%", "7.41%"),
        (lambda lang: i18n.fmt_pct(None, lang), "t.a.", "n/a"),
        (lambda lang: i18n.fmt_pct(float("nan"), lang), "t.a.", "n/a"),
        (lambda lang: i18n.fmt_rupiah(1.2e9, lang), "Rp 1,2 miliar", "Rp 1.2 billion"),
        (lambda lang: i18n.fmt_rupiah(350e6, lang), "Rp 350 juta", "Rp 350 million"),
        (lambda lang: i18n.fmt_rupiah(999_999, lang), "Rp 999.999", "Rp 999,999"),
        (lambda lang: i18n.fmt_rupiah(None, lang), "t.a.", "n/a"),
        (
            lambda lang: i18n.fmt_rupiah_exact(1_500_000, lang),
            "Rp 1.500.000",
            "Rp 1,500,000",
        ),
        (lambda lang: i18n.fmt_number(1234567, lang), "1.234.567", "1,234,567"),
        (lambda lang: i18n.fmt_number(None, lang), "t.a.", "n/a"),
        (
            lambda lang: i18n.fmt_date(date(2025, 10, 1), lang),
            "1 Oktober 2025",
            "1 October 2025",
        ),
        (lambda lang: i18n.fmt_date(None, lang), "t.a.", "n/a"),
        (lambda lang: i18n.fmt_value(7.41, "pct", lang), "7,41%", "7.41%"),
        (lambda lang: i18n.fmt_value(350e6, "rupiah", lang), "Rp 350 juta",
         "Rp 350 million"),
    ],
)  # fmt: skip
def test_formatting(call, id_text: str, en_text: str) -> None:
    assert call("id") == id_text
    assert call("en") == en_text


def test_points_are_signed() -> None:
    assert i18n.fmt_points(1.33, "id").startswith("+1,33 ")
    assert i18n.fmt_points(-0.5, "en").startswith("−0.50 ")


def test_negative_rupiah_and_signed_changes() -> None:
    assert i18n.fmt_rupiah(-2_600_000_000, "id") == "\u2212Rp 2,6 miliar"
    assert i18n.fmt_rupiah_exact(-1_500_000, "id") == "\u2212Rp 1.500.000"
    assert i18n.fmt_change(-33, "count", "id") == "\u221233"
    assert i18n.fmt_change(1_200_000, "rupiah", "id") == "+Rp 1,2 juta"
    assert i18n.fmt_change(1.333, "pct", "id") == "+1,33 poin"
    assert i18n.fmt_change(0, "count", "en") == "±0"
    assert i18n.fmt_change(None, "count", "en") == "n/a"


def test_a_published_figures_source_reads_in_the_interface_language() -> None:
    text = "BPS Banten release 5 Nov 2025 as reported by banpos.co and bantenraya.com"
    assert i18n.source_text(text, "id") == (
        "BPS Banten rilis 5 Nov 2025 sebagaimana diberitakan banpos.co dan "
        "bantenraya.com"
    )
    assert i18n.source_text(text, "en") == text
    single = (
        "Kepala BPS Banten 6 Nov 2018 as reported by radarnonstop.co (single source)"
    )
    assert i18n.source_text(single, "id").endswith("(satu sumber)")
    revised = "BPS as published Nov 2019 (later revised to 5.23 by back-casting)"
    assert i18n.source_text(revised, "id") == (
        "BPS sebagaimana diterbitkan Nov 2019 (kemudian direvisi menjadi 5,23 dengan"
        " metode back-casting)"
    )
    assert i18n.source_text("BPS Sakernas booklet August 2018", "id") == (
        "BPS Sakernas buklet Agustus 2018"
    )
    # only a lone decimal changes: not a reference, nor grouped numbers either way
    kept = "BRS BPS No.103/11/Th.XX; 4,657,222.94 / 4.430.254"
    assert i18n.source_text(kept, "id") == kept.replace(" and ", " dan ")


def test_a_moment_is_written_the_readers_way_in_utc() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    at = datetime(2026, 12, 4, 11, 16, tzinfo=UTC)
    assert i18n.fmt_timestamp(at, "id") == "4 Desember 2026 pukul 11.16 UTC"
    assert i18n.fmt_timestamp(at, "en") == "4 December 2026, 11:16 UTC"
    wib = at.astimezone(timezone(timedelta(hours=7)))  # 18.16 in Cilegon
    assert i18n.fmt_timestamp(wib, "id") == "4 Desember 2026 pukul 11.16 UTC"
