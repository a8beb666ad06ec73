"""The numbers of the overview page (Ringkasan), computed through the KPI registry.

Everything here asks the KPI registry: a KPI card (the KPI now and one period
before), the KPI of every kecamatan or kejuruan where one needs attention, and the
yearly funnel, funding shares and kecamatan table (``frames``). Each part says what
it needs as ``metrics.Ask`` values and is made from the answers of
``metrics.fetch``, so the page fetches its parts together (``page_numbers``). No KPI
formula is written twice. Streamlit-free, so the meeting pack and the tests use the
same functions as the page.
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
from workforce.core.filters import Filters
from workforce.core.metrics import Answer, Ask, Metric, Result
from workforce.overview import frames

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
    asked: Filters | None = None  # the period picked (``period`` is what it covers)

    @property
    def whole_year_only(self) -> bool:
        """A quarter was picked but the KPI has only a figure for the year."""
        return self.asked is not None and self.asked.kuartal != self.period.kuartal

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
    """The comparison period: one period back from what the KPI covers (a year for
    yearly KPIs and BPS's August survey, even when a quarter is picked)."""
    return metric.period_of(filters).previous()


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
    found = metrics.fetch(conn, card_asks(filters, [metric_id]))
    return _card(found, metric_id, filters, targets)


def card_asks(filters: Filters, ids: Sequence[str]) -> list[Ask]:
    """What the cards of the KPIs ``ids`` need: each KPI now and one period before."""
    return [a for m in ids for a in _periods(metrics.get(m), filters)]


def _periods(metric: Metric, filters: Filters) -> tuple[Ask, ...]:
    """A card's asks: a whole year and the one before in one ask, else one each."""
    period = metric.period_of(filters)
    before = previous_period(metric, filters)
    if period.kuartal is None and before == replace(period, tahun=period.tahun - 1):
        return (Ask(metric.id, period, "tahun", (before.tahun, period.tahun)),)
    return Ask(metric.id, period), Ask(metric.id, before)


def _card(
    found: Mapping[Ask, Answer],
    metric_id: str,
    filters: Filters,
    targets: Mapping[str, float],
) -> Card:
    """One KPI card from the answers to its ``card_asks``."""
    metric = metrics.get(metric_id)
    period = metric.period_of(filters)
    before = previous_period(metric, filters)
    answers = [found[a] for a in _periods(metric, filters)]
    if len(answers) == 1:  # both years in one answer
        answers = [answers[0][str(period.tahun)], answers[0][str(before.tahun)]]
    current, previous = answers
    target = targets.get(metric_id)
    status = (
        metrics.status(current.value, target, metric.better)
        if target_applies(metric, period)
        else None
    )
    return Card(metric, current, previous, period, before, target, status, filters)


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
    found = metrics.fetch(conn, card_asks(filters, ids))
    return _cards(found, filters, ids, targets, first)


def _cards(
    found: Mapping[Ask, Answer],
    filters: Filters,
    ids: Sequence[str],
    targets: Mapping[str, float],
    first: int | None,
) -> list[Card]:
    """Cards from the answers to their ``card_asks``; none compared with a period
    before ``first``, the first year of data."""
    out = []
    for metric_id in ids:
        c = _card(found, metric_id, filters, targets)
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


def watched(targets: Mapping[str, float]) -> list[str]:
    """KPIs that ``attention`` checks, in registry order: a target for the year
    (``targets``) and a direction."""
    return [m.id for m in metrics.REGISTRY if m.id in targets and m.better is not None]


def breakdown_asks(
    card_: Card, filters: Filters, options: Mapping[str, Sequence[str]]
) -> list[Ask]:
    """Where a KPI needing attention is weakest: per kecamatan and per kejuruan, each
    not filtered already (a KPI without a denominator, a count, has none)."""
    if card_.current.denominator is None:
        return []
    metric = card_.metric
    return [
        Ask(metric.id, filters, dim, options[dim])
        for dim in ATTENTION_DIMS
        if dim in metric.dimensions() and not filters.values(dim)
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
    missing = [m for m in watched(targets) if m not in known]
    found = metrics.fetch(conn, card_asks(filters, missing))
    known |= {m: _card(found, m, filters, targets) for m in missing}
    return _attention(
        conn, filters, options, [known[m] for m in watched(targets)], limit
    )


def _attention(
    conn: duckdb.DuckDBPyConnection,
    filters: Filters,
    options: Mapping[str, Sequence[str]],
    checked: Sequence[Card],
    limit: int,
    known: Mapping[Ask, Answer] | None = None,
) -> list[Attention]:
    """The ``checked`` cards off target or at risk, with their laggards: the
    breakdowns fetched in one statement (``known``: answers fetched already)."""
    flagged = [c for c in checked if c.status in SEVERITY]
    asks = {c.metric.id: breakdown_asks(c, filters, options) for c in flagged}
    found = metrics.fetch(conn, [a for more in asks.values() for a in more], known)
    items = []
    for c in flagged:
        lags = [
            lag
            for a in asks[c.metric.id]
            for lag in laggards(c, found[a], str(a.by), limit)
        ]
        items.append(Attention(c, tuple(lags)))
    items.sort(key=lambda item: SEVERITY[item.card.status or "at_risk"])
    return items


# ---- the page's numbers ---------------------------------------------------------------


def page_numbers(
    conn: duckdb.DuckDBPyConnection,
    filters: Filters,
    options: Mapping[str, Sequence[str]],
    all_years: Sequence[int],
    kecamatan_ref: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[Card], list[Attention]]:
    """The overview's funnel, funding, kecamatan table, cards and attention list, in
    two statements of KPI queries (``metrics.fetch``): the trends, the kecamatan
    table and the cards (those shown and those attention checks; the cards' whole
    years are among the trends' years), then the breakdowns of the KPIs that need
    attention, which depend on the cards. ``all_years``: ``overview/years``."""
    last = filters.as_of.year if filters.as_of else filters.tahun
    years = [y for y in all_years if y <= last]
    targets = metrics.targets(conn, filters.tahun)
    ids = list(dict.fromkeys([*CARD_KPIS, *watched(targets)]))
    found = metrics.fetch(
        conn,
        [
            *frames.funnel_asks(filters, years),
            *frames.funding_asks(filters, years),
            *frames.kecamatan_asks(filters, kecamatan_ref),
            *card_asks(filters, ids),
        ],
    )
    first = min(all_years, default=None)
    every = {c.metric.id: c for c in _cards(found, filters, ids, targets, first)}
    checked = [every[m] for m in watched(targets)]
    return (
        frames.funnel_from(found, filters, years),
        frames.funding_from(found, filters, years),
        frames.kecamatan_from(found, filters, kecamatan_ref),
        [every[m] for m in CARD_KPIS],
        _attention(conn, filters, options, checked, limit=1, known=found),
    )


# ---- targets --------------------------------------------------------------------------


def targets_for(targets: pd.DataFrame, metric_id: str) -> pd.DataFrame:
    """The yearly targets of one KPI: columns ``tahun``, ``nilai_target``."""
    picked = targets[targets["indikator"] == metric_id]
    return picked[["tahun", "nilai_target"]].reset_index(drop=True)


def chart_targets(
    targets: pd.DataFrame, metric_id: str, filters: Filters
) -> pd.DataFrame:
    """The yearly targets a chart of yearly figures may draw for ``filters``: none
    for a city-wide total (participants) when the selection is filtered, as on the
    card (a city target over one kecamatan's bars says nothing)."""
    picked = targets_for(targets, metric_id)
    if target_applies(metrics.get(metric_id), filters.whole_year()):
        return picked
    return picked.iloc[0:0]


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
