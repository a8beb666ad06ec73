"""The numbers of the overview page (Ringkasan), computed through the KPI registry.

Everything here calls the KPI registry: a KPI card (``metrics.compute``), the KPI of
every kecamatan or kejuruan and the yearly funnel and funding shares
(``metrics.compute_by``: one query per KPI for all years or all values, equal to one
query each). No KPI formula is written twice. Streamlit-free, so the meeting pack and
the tests use the same functions as the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
from babel.numbers import format_compact_decimal

from workforce.core import db, i18n, metrics
from workforce.core.filters import SUMBER_DANA, Filters
from workforce.core.metrics import Metric, Result

CARD_KPIS = (
    "tpt",
    "peserta",
    "tingkat_kelulusan",
    "tingkat_sertifikasi",
    "tingkat_penempatan_6b",
    "upah_median",
    "serapan_anggaran",
    "biaya_per_penempatan",
)
# KPIs that add up over a year: an annual city target says nothing about a quarter
# or about one kecamatan, so their status is shown only for a whole, unfiltered year.
ANNUAL_TOTALS = {"peserta", "penempatan", "pagu", "realisasi", "kesenjangan_link_match"}
ATTENTION_DIMS = ("kecamatan", "kejuruan")
FUNNEL = (
    # column, registry KPI, part of its result
    ("peserta", "peserta", "value"),
    ("lulusan", "tingkat_kelulusan", "numerator"),
    ("tersertifikasi", "tingkat_sertifikasi", "numerator"),
    ("ditempatkan_6b", "tingkat_penempatan_6b", "numerator"),
)
CARD_WIDTH = 10  # characters of a card value that fit beside three others
BABEL_LOCALE = {"id": "id_ID", "en": "en_US"}  # as workforce.core.i18n
SEVERITY = {"off_track": 0, "at_risk": 1}
# Rates whose numerator and denominator count people or placements: the
# "what needs attention" sentence shows their base ("1 dari 4").
COUNTED_RATES = {
    "tingkat_kelulusan",
    "tingkat_sertifikasi",
    "tingkat_penempatan_6b",
    "porsi_lokal",
}


@dataclass(frozen=True)
class Card:
    """One KPI card: this period, the period before, the target and the status."""

    metric: Metric
    current: Result
    previous: Result
    period: Filters
    previous_period: Filters
    target: float | None
    status: str | None

    @property
    def value(self) -> float | None:
        """The KPI value of the selected period (None: not available)."""
        return self.current.value

    @property
    def change(self) -> float | None:
        """Value minus the previous period's value (points for rates)."""
        if self.current.value is None or self.previous.value is None:
            return None
        return self.current.value - self.previous.value


@dataclass(frozen=True)
class Laggard:
    """A kecamatan or kejuruan pulling a KPI away from its target."""

    dimension: str
    name: str
    result: Result
    impact: float  # gap to the city value × its denominator (the "missing" count)


@dataclass(frozen=True)
class Attention:
    """A KPI off target or at risk, and where it is weakest."""

    card: Card
    laggards: tuple[Laggard, ...]


# ---- cards -----------------------------------------------------------------------


def previous_period(metric: Metric, filters: Filters) -> Filters:
    """The comparison period: BPS figures are annual (August), others one period back."""
    if metric.source == "bps":
        return replace(filters, tahun=filters.tahun - 1, kuartal=None)
    return filters.previous()


def target_applies(metric: Metric, filters: Filters) -> bool:
    """False for annual totals in a quarter or a filtered selection."""
    if metric.id not in ANNUAL_TOTALS:
        return True
    return filters.kuartal is None and not filters.is_filtered()


def card(
    conn: duckdb.DuckDBPyConnection,
    metric_id: str,
    filters: Filters,
    targets: Mapping[str, float],
) -> Card:
    """One KPI card for the selected period."""
    metric = metrics.get(metric_id)
    before = previous_period(metric, filters)
    current, previous = _both_periods(conn, metric_id, filters, before)
    target = targets.get(metric_id)
    status = (
        metrics.status(current.value, target, metric.better)
        if target_applies(metric, filters)
        else None
    )
    return Card(metric, current, previous, filters, before, target, status)


def _both_periods(
    conn: duckdb.DuckDBPyConnection, metric_id: str, now: Filters, before: Filters
) -> tuple[Result, Result]:
    """The KPI now and before; a whole year and the one before in one query."""
    if now.kuartal is None and before == replace(now, tahun=now.tahun - 1):
        both = metrics.compute_by(
            conn, metric_id, now, "tahun", [before.tahun, now.tahun]
        )
        return both[str(now.tahun)], both[str(before.tahun)]
    return metrics.compute(conn, metric_id, now), metrics.compute(
        conn, metric_id, before
    )


def cards(
    conn: duckdb.DuckDBPyConnection,
    filters: Filters,
    ids: Sequence[str] = CARD_KPIS,
    years: Sequence[int] | None = None,
) -> list[Card]:
    """The cards of the overview page, in display order.

    A programme KPI is not compared with a period before the first year of data:
    "0 participants in 2022" would only mean that 2022 was never loaded
    (``years``: those of ``overview/years`` when the caller has read them).
    """
    targets = metrics.targets(conn, filters.tahun)
    first = first_year(conn) if years is None else min(years, default=None)
    out = []
    for metric_id in ids:
        c = card(conn, metric_id, filters, targets)
        if c.metric.source != "bps" and (
            first is None or c.previous_period.tahun < first
        ):
            c = replace(c, previous=Result(c.metric, None, None, None))
        out.append(c)
    return out


def first_year(conn: duckdb.DuckDBPyConnection) -> int | None:
    """The first year with programme or budget data (None for an empty database)."""
    years = db.run(conn, "overview/years")["tahun"]
    return int(years.min()) if len(years) else None


def delta_color(metric: Metric) -> str:
    """``st.metric`` colouring: a rise is good (normal), bad (inverse) or neutral."""
    return {"higher": "normal", "lower": "inverse"}.get(metric.better or "", "off")


def fmt_change(change: float | None, unit: str, lang: str) -> str | None:
    """A signed change with an ASCII sign (st.metric reads it): ``+1,33 poin``."""
    if change is None:
        return None
    sign = "-" if change < 0 else "+"
    size = abs(change)
    if unit == "pct":
        text = i18n.fmt_number(size, lang, 2) + " " + i18n.t("fmt.points", lang)
    elif unit == "rupiah":
        text = i18n.fmt_rupiah(size, lang)
    else:
        text = i18n.fmt_number(size, lang)
    return sign + text


def card_value(value: float | None, unit: str, lang: str) -> str:
    """The card's big number; Rupiah longer than ``Rp 65 juta`` in the short form."""
    text = i18n.fmt_value(value, unit, lang)
    if unit != "rupiah" or value is None or len(text) <= CARD_WIDTH or abs(value) < 1e6:
        return text
    short = format_compact_decimal(
        value, format_type="short", locale=BABEL_LOCALE[lang], fraction_digits=1
    )
    return "Rp " + short.replace("\xa0", " ")


def is_zero(change: float | None, unit: str) -> bool:
    """True when the change rounds to nothing at the unit's display precision."""
    return change is not None and round(change, 2 if unit == "pct" else 0) == 0


# ---- what needs attention -----------------------------------------------------------


def by_dimension(
    conn: duckdb.DuckDBPyConnection,
    metric_id: str,
    filters: Filters,
    dim: str,
    values: Sequence[str],
) -> dict[str, Result]:
    """The KPI for each value of ``dim``: as the registry query with that one value
    as the filter, all values in one query (``metrics.compute_by``)."""
    return metrics.compute_by(conn, metric_id, filters, dim, values)


def laggards(
    card_: Card, results: Mapping[str, Result], dim: str, limit: int = 2
) -> list[Laggard]:
    """Groups worse than the city value, largest shortfall (gap × base) first."""
    city, better = card_.value, card_.metric.better
    if city is None or better is None:
        return []
    found = []
    for name, result in results.items():
        if result.value is None or not result.denominator:
            continue
        gap = city - result.value if better == "higher" else result.value - city
        if gap > 0:
            found.append(Laggard(dim, name, result, gap * result.denominator))
    found.sort(key=lambda lag: (-lag.impact, lag.name))
    return found[:limit]


def watched(conn: duckdb.DuckDBPyConnection, filters: Filters) -> list[str]:
    """KPIs that ``attention`` checks beyond the cards: a target for the year and a
    direction (their cards can then be computed with the others, in one batch)."""
    targets = metrics.targets(conn, filters.tahun)
    return [
        m.id
        for m in metrics.REGISTRY
        if m.id in targets and m.better is not None and m.id not in CARD_KPIS
    ]


def attention(
    conn: duckdb.DuckDBPyConnection,
    filters: Filters,
    options: Mapping[str, Sequence[str]],
    limit: int = 1,
    cards: Sequence[Card] = (),
) -> list[Attention]:
    """KPIs off target, then at risk, each with the kecamatan/kejuruan pulling it down.

    ``cards`` already computed for the same selection (``cards()``) are reused.
    """
    targets = metrics.targets(conn, filters.tahun)
    known = {c.metric.id: c for c in cards}
    items = []
    for metric in metrics.REGISTRY:
        if metric.id not in targets or metric.better is None:
            continue
        card_ = known.get(metric.id) or card(conn, metric.id, filters, targets)
        if card_.status not in SEVERITY:
            continue
        found: list[Laggard] = []
        # a KPI without a denominator (a count) has no laggards: skip its queries
        for dim in ATTENTION_DIMS if card_.current.denominator is not None else ():
            if dim in metric.dimensions() and not filters.values(dim):
                results = by_dimension(conn, metric.id, filters, dim, options[dim])
                found += laggards(card_, results, dim, limit)
        items.append(Attention(card_, tuple(found)))
    items.sort(key=lambda item: SEVERITY[item.card.status or "at_risk"])
    return items


# ---- trends over the years --------------------------------------------------------


def funnel(
    conn: duckdb.DuckDBPyConnection, filters: Filters, years: Sequence[int]
) -> pd.DataFrame:
    """Participants → graduates → certified → placed within 6 months, per year."""
    per_year = {
        metric_id: metrics.compute_by(conn, metric_id, filters, "tahun", years)
        for _, metric_id, _ in FUNNEL
    }
    rows = []
    for tahun in years:
        row: dict[str, float | int | None] = {"tahun": tahun}
        for column, metric_id, part in FUNNEL:
            result = per_year[metric_id][str(tahun)]
            row[column] = getattr(result, part)
            if metric_id != "peserta":
                row[f"{metric_id}_pct"] = result.value
        row["lulusan_matang"] = result.denominator  # the placement rate's base
        rows.append(row)
    return pd.DataFrame(rows)


def funding(
    conn: duckdb.DuckDBPyConnection, filters: Filters, years: Sequence[int]
) -> pd.DataFrame:
    """Spending (realisasi) by sumber_dana per year, with each source's share."""
    per_year = metrics.compute_by(conn, "realisasi", filters, "tahun", years)
    rows = []
    for tahun in years:
        result = per_year[str(tahun)]
        for source in SUMBER_DANA:
            part = result.by.get(source)
            amount = part.value if part and part.value is not None else 0.0
            share = amount / result.value * 100 if result.value else None
            rows.append(
                {
                    "tahun": tahun,
                    "sumber_dana": source,
                    "realisasi_rupiah": amount,
                    "porsi_pct": share,
                }
            )
    return pd.DataFrame(rows)


def targets_for(targets: pd.DataFrame, metric_id: str) -> pd.DataFrame:
    """The yearly targets of one KPI: columns ``tahun``, ``nilai_target``."""
    picked = targets[targets["indikator"] == metric_id]
    return picked[["tahun", "nilai_target"]].reset_index(drop=True)


# ---- the page's numbers ---------------------------------------------------------------


def page_numbers(
    conn: duckdb.DuckDBPyConnection,
    filters: Filters,
    options: Mapping[str, Sequence[str]],
    all_years: Sequence[int],
    kecamatan_ref: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[Card], list[Attention]]:
    """The overview's funnel, funding, kecamatan table, cards and attention list, in
    two statements of KPI queries (``metrics.batch``): the trends, the kecamatan
    table and the cards (those shown and those attention checks; the cards' whole
    years are among the trends' years), then the breakdowns of the KPIs that need
    attention, which depend on the cards. ``all_years``: ``overview/years``."""
    last = filters.as_of.year if filters.as_of else filters.tahun
    years = [y for y in all_years if y <= last]
    with metrics.memo():
        per_year, spending, kecamatan, shown, checked = metrics.batch(
            lambda: (
                funnel(conn, filters, years),
                funding(conn, filters, years),
                kecamatan_table(conn, filters, kecamatan_ref),
                cards(conn, filters, years=all_years),
                cards(conn, filters, watched(conn, filters), years=all_years),
            )
        )
        needs = metrics.batch(
            lambda: attention(conn, filters, options, cards=[*shown, *checked])
        )
    return per_year, spending, kecamatan, shown, needs


# ---- kecamatan --------------------------------------------------------------------


def kecamatan_table(
    conn: duckdb.DuckDBPyConnection, filters: Filters, ref: pd.DataFrame
) -> pd.DataFrame:
    """Per kecamatan: participants per 1,000 residents and placement within 6 months."""
    names = list(ref["nama"])
    peserta = by_dimension(conn, "peserta", filters, "kecamatan", names)
    placed = by_dimension(conn, "tingkat_penempatan_6b", filters, "kecamatan", names)
    out = ref[["kecamatan_kode", "nama", "penduduk", "penduduk_sumber"]].copy()
    out["peserta"] = [peserta[n].value for n in names]
    out["peserta_per_1000"] = out["peserta"] / out["penduduk"] * 1000
    out["ditempatkan_6b"] = [placed[n].numerator for n in names]
    out["lulusan_matang"] = [placed[n].denominator for n in names]
    out["tingkat_penempatan_6b_pct"] = [placed[n].value for n in names]
    return out


# ---- targets (administrators) ---------------------------------------------------------


def save_target(
    path: Path, tahun: int, indikator: str, nilai: float | None, user: str | None
) -> float | None:
    """Set (or with ``nilai`` None remove) a KPI target; audited. Returns the old value."""
    metrics.get(indikator)  # refuse ids that are not in the registry
    with db.atomic_write(path) as conn:
        old = metrics.targets(conn, tahun).get(indikator)
        if nilai is None:
            db.execute(conn, "admin/delete_target", tahun=tahun, indikator=indikator)
        else:
            db.execute(
                conn,
                "admin/upsert_target",
                tahun=tahun,
                indikator=indikator,
                nilai_target=float(nilai),
            )
        db.execute(
            conn,
            "audit/record",
            at=datetime.now(UTC).replace(tzinfo=None),
            user_name=user or "unknown",
            action="target_change",
            detail=f"{indikator} {tahun}: {old} -> {nilai}",
        )
    return old
