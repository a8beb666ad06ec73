"""Short written summaries generated from the numbers, in Bahasa Indonesia or English.

Each function takes data and a language and returns a sentence: page summaries,
the one-sentence caption under every chart (what a screen reader hears) and the
meeting pack reuse them. A sentence states only what the numbers show: levels,
changes, comparisons and rankings, never causes. Templates live in
``locales/narrative.toml``; numbers go through the ``workforce.core.i18n`` formatters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from workforce.core import i18n, metrics
from workforce.core.filters import Filters
from workforce.core.markup import md
from workforce.overview.numbers import (
    COUNTED_RATES,
    Attention,
    Card,
    Laggard,
    target_applies,
)

WILAYAH_CITY = "Kota Cilegon"
WILAYAH_COMPARE = ("Provinsi Banten", "Indonesia")
SUMMARY_KPIS = ("peserta", "tingkat_penempatan_6b", "serapan_anggaran")
RATES = ("tingkat_kelulusan", "tingkat_sertifikasi", "tingkat_penempatan_6b")


_t = i18n.Scope("narrative")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def size_text(change: float, unit: str, lang: str) -> str:
    """The size of a change: ``1,33 poin``, ``2``, ``Rp 1,2 juta``."""
    size = abs(change)
    if unit == "pct":
        return i18n.fmt_number(size, lang, 2) + " " + i18n.t("fmt.points", lang)
    if unit == "rupiah":
        return i18n.fmt_rupiah(size, lang)
    return i18n.fmt_number(size, lang)


def change_phrase(change: float, unit: str, since: str, lang: str) -> str:
    """``naik 1,33 poin dari 2024`` / ``down 2 from 2023`` / ``sama dengan 2023``."""
    digits = 2 if unit == "pct" else 0
    if round(change, digits) == 0:
        return _t("same", lang, period=since)
    key = "up" if change > 0 else "down"
    return _t(key, lang, size=size_text(change, unit, lang), period=since)


def relation(value: float, other: float) -> str:
    """``above``, ``below`` or ``equal`` at two decimals."""
    a, b = round(value, 2), round(other, 2)
    return "above" if a > b else ("below" if a < b else "equal")


def comparison_phrase(value: float, others: Mapping[str, float], lang: str) -> str:
    """``di atas Provinsi Banten (6,69%) serta Indonesia (4,85%)``; same relations merged."""
    groups: dict[str, list[str]] = {}
    for name, other in others.items():
        label = f"{md(name)} ({i18n.fmt_pct(other, lang)})"
        groups.setdefault(relation(value, other), []).append(label)
    also = f" {_t('also', lang)} "
    parts = [_t(rel, lang) + " " + also.join(names) for rel, names in groups.items()]
    return also.join(parts)


# ---- unemployment ----------------------------------------------------------------


def tpt_summary(trend: pd.DataFrame, tahun: int, lang: str) -> str:
    """TPT of Kota Cilegon in ``tahun``: level, change from the year before, and
    Provinsi Banten and Indonesia beside it (``trend``: tahun, wilayah, tpt_pct)."""
    values = {
        (int(r.tahun), str(r.wilayah)): float(r.tpt_pct)
        for r in trend.itertuples(index=False)
        if pd.notna(r.tpt_pct)
    }
    value = values.get((tahun, WILAYAH_CITY))
    if value is None:
        return _t("tpt_missing", lang, tahun=tahun)
    head = _t("tpt", lang, tahun=tahun, value=i18n.fmt_pct(value, lang))
    parts = []
    before = values.get((tahun - 1, WILAYAH_CITY))
    if before is not None:
        parts.append(change_phrase(value - before, "pct", str(tahun - 1), lang))
    others = {w: values[(tahun, w)] for w in WILAYAH_COMPARE if (tahun, w) in values}
    if others:
        parts.append(comparison_phrase(value, others, lang))
    if not parts:
        return head + "."
    return head + ", " + f" {_t('and', lang)} ".join(parts) + "."


# ---- KPI cards and what needs attention ----------------------------------------------


def status_text(status: str | None, lang: str) -> str:
    """``berisiko`` / ``at risk`` (lower case, for use inside a sentence)."""
    return _lower_first(i18n.t(f"status.{status or 'none'}", lang))


def kpi_sentence(card: Card, lang: str) -> str:
    """``Tingkat kelulusan 2024: 63,64%, naik 5,00 poin dari 2023; target 70,00%, berisiko.``"""
    unit = card.metric.unit
    name = card.metric.name(lang)
    period = card.metric.period_label(card.period, lang)
    if card.value is None:
        return _t("kpi", lang, name=name, period=period, value=_t("na", lang)) + "."
    text = _t(
        "kpi",
        lang,
        name=name,
        period=period,
        value=i18n.fmt_value(card.value, unit, lang),
    )
    if card.change is not None:
        since = card.metric.period_label(card.previous_period, lang)
        text += ", " + change_phrase(card.change, unit, since, lang)
    if card.target is not None:
        target = i18n.fmt_value(card.target, unit, lang)
        if card.status:
            text += "; " + _t(
                "target", lang, target=target, status=status_text(card.status, lang)
            )
        elif not target_applies(card.metric, card.period):
            text += "; " + _t("target_annual", lang, target=target)
        else:
            text += "; " + _t("target_only", lang, target=target)
    return text + "."


def laggard_text(lag: Laggard, metric_id: str, unit: str, lang: str) -> str:
    """``kecamatan Citangkil 25,00% (1 dari 4)``; the base only for counted rates."""
    value = i18n.fmt_value(lag.result.value, unit, lang)
    text = _t(f"dim.{lag.dimension}", lang, name=md(lag.name)) + " " + value
    if metric_id in COUNTED_RATES and lag.result.denominator:
        part = i18n.fmt_number(lag.result.numerator, lang)
        whole = i18n.fmt_number(lag.result.denominator, lang)
        text += f" ({_t('of', lang, part=part, whole=whole)})"
    return text


def attention_sentence(item: Attention, lang: str) -> str:
    """The KPI's card sentence, then the kecamatan/kejuruan pulling it down."""
    text = kpi_sentence(item.card, lang)
    if item.laggards:
        metric = item.card.metric
        items = "; ".join(
            laggard_text(lag, metric.id, metric.unit, lang) for lag in item.laggards
        )
        text += " " + _t("weakest", lang, items=items)
    return text


def attention_summary(
    items: Sequence[Attention], has_targets: bool, filters: Filters, lang: str
) -> str:
    """How many KPIs need attention (or that none do / no targets are set)."""
    period = i18n.period_label(filters.tahun, filters.kuartal, lang)
    if not has_targets:
        return _t("no_targets", lang, period=period)
    if not items:
        return _t("attention_none", lang, period=period)
    return _t("attention_count", lang, n=len(items))


def page_summary(
    cards: Sequence[Card],
    trend: pd.DataFrame,
    attention_line: str,
    lang: str,
    kpis: Sequence[str] = SUMMARY_KPIS,
) -> str:
    """The written summary at the top of the overview: TPT, key cards, attention."""
    tahun = cards[0].period.tahun if cards else 0
    sentences = [tpt_summary(trend, tahun, lang)]
    by_id = {c.metric.id: c for c in cards}
    sentences += [kpi_sentence(by_id[k], lang) for k in kpis if k in by_id]
    sentences.append(attention_line)
    return " ".join(sentences)


# ---- trend charts ----------------------------------------------------------------------


def funnel_summary(df: pd.DataFrame, tahun: int, lang: str) -> str:
    """One year of participants → graduates → certified → placed, from ``frames.funnel``."""
    row = df[df["tahun"] == tahun]
    if row.empty:
        return _t("rates", lang, tahun=tahun, items=_t("na", lang))
    r = row.iloc[0]

    def n(column: str) -> str:
        return i18n.fmt_number(r[column] if pd.notna(r[column]) else None, lang)

    return _t(
        "funnel",
        lang,
        tahun=tahun,
        peserta=n("peserta"),
        lulusan=n("lulusan"),
        tersertifikasi=n("tersertifikasi"),
        ditempatkan=n("ditempatkan_6b"),
        matang=n("lulusan_matang"),
    )


def funding_summary(df: pd.DataFrame, tahun: int, lang: str) -> str:
    """Spending of one year and each funding source's share, from ``frames.funding``."""
    rows = df[(df["tahun"] == tahun) & (df["realisasi_rupiah"] > 0)]
    total = float(rows["realisasi_rupiah"].sum())
    if total <= 0:
        return _t("funding_none", lang, tahun=tahun)
    shares = ", ".join(
        f"{i18n.fund_label(r.sumber_dana, lang)} {i18n.fmt_pct(r.porsi_pct, lang)}"
        for r in rows.itertuples(index=False)
    )
    return _t(
        "funding", lang, tahun=tahun, total=i18n.fmt_rupiah(total, lang), shares=shares
    )


def values_summary(
    tahun: int, values: Mapping[str, float | None], unit: str, lang: str
) -> str:
    """``2024: Tingkat kelulusan 63,64%, Tingkat sertifikasi 71,43%.``"""
    items = ", ".join(
        f"{name} {i18n.fmt_value(value, unit, lang)}" for name, value in values.items()
    )
    return _t("rates", lang, tahun=tahun, items=items).replace("..", ".")


def rates_summary(df: pd.DataFrame, tahun: int, lang: str) -> str:
    """Completion, certification and placement rates of one year (``frames.funnel``)."""
    row = df[df["tahun"] == tahun]
    values = {
        metrics.get(m).name(lang): (
            None
            if row.empty or pd.isna(row.iloc[0][f"{m}_pct"])
            else row.iloc[0][f"{m}_pct"]
        )
        for m in RATES
    }
    return values_summary(tahun, values, "pct", lang)


def ranking_summary(
    names: Sequence[str],
    values: Sequence[float | None],
    measure: str,
    unit: str,
    lang: str,
    digits: int | None = None,
) -> str:
    """``Peserta per 1.000 penduduk: tertinggi di A (0,05), terendah di B (0,00).``"""
    pairs = [
        (n, v) for n, v in zip(names, values, strict=True) if v is not None and v == v
    ]
    if not pairs:
        return _t("ranking_none", lang, measure=measure)
    high = max(v for _, v in pairs)
    low = min(v for _, v in pairs)
    top = ", ".join(md(n) for n, v in pairs if v == high)
    bottom = ", ".join(md(n) for n, v in pairs if v == low)

    def fmt(value: float) -> str:
        if digits is not None:
            return i18n.fmt_number(value, lang, digits)
        return i18n.fmt_value(value, unit, lang)

    return _t(
        "ranking",
        lang,
        measure=measure,
        top=top,
        top_value=fmt(high),
        bottom=bottom,
        bottom_value=fmt(low),
    )


# ---- the tables under the charts -------------------------------------------------------


def headed(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A chart's numbers with headers in the reader's language: a registry rate
    ``<kpi>_pct`` by the KPI's name, other columns from ``overview.col.*``."""

    def header(column: str) -> str:
        kpi = column.removesuffix("_pct")
        if column.endswith("_pct") and kpi in metrics.BY_ID:
            return f"{metrics.get(kpi).name(lang)} (%)"
        return i18n.t(f"overview.col.{column}", lang)

    return frame.rename(columns={c: header(str(c)) for c in frame.columns})
