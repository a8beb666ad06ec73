"""The KPI registry: every KPI of metrics.md defined once, computed one way.

Each KPI has an id, a name and a definition in both languages (in
``locales/metrics.toml``), a unit, the direction of "better", and one SQL file
``queries/metrics/<id>.sql``. Every metric query returns rows
``(sel, grp, value, numerator, denominator)``: ``grp = 'total'`` for the whole
selection and, for split KPIs, one row per value of the split dimension; ``sel`` is
``'total'``, or with ``$by``/``$sels`` one selection per year or dimension value
(``compute_by``: many selections in one query, for pages that show a KPI per year
or per kecamatan). Pages, the ``kpis`` CLI and the public methodology all read from
here, so they cannot disagree.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

import duckdb

from workforce.core import db, i18n
from workforce.core.filters import DIMENSIONS, Filters, bind

AT_RISK_BAND = 0.10  # within 10% of target = at risk (metrics.md)
SELECTIONS = ("tahun", *DIMENSIONS)  # what compute_by can split a selection by
T = TypeVar("T")


@dataclass(frozen=True)
class Metric:
    """One KPI: id, unit (pct, count, rupiah), better (higher, lower, None), split."""

    id: str
    unit: str
    better: str | None
    split: str | None = None
    source: str = "program"

    @property
    def query(self) -> str:
        """The query name: ``metrics/<id>``."""
        return f"metrics/{self.id}"

    def name(self, lang: str = i18n.DEFAULT_LANG) -> str:
        """The KPI's name in ``lang``."""
        return i18n.t(f"metric.{self.id}.name", lang)

    def short_name(self, lang: str = i18n.DEFAULT_LANG) -> str:
        """A name short enough for a KPI card (the full name where none is set)."""
        key = f"metric.{self.id}.short"
        return i18n.t(key, lang) if key in i18n.catalogue() else self.name(lang)

    def definition(self, lang: str = i18n.DEFAULT_LANG) -> str:
        """The KPI's definition in ``lang`` (shown on hover and in Metodologi)."""
        return i18n.t(f"metric.{self.id}.definition", lang)

    def dimensions(self) -> tuple[str, ...]:
        """The filter dimensions this KPI honours."""
        return tuple(d for d in DIMENSIONS if d in db.query_params(self.query))


REGISTRY: tuple[Metric, ...] = (
    Metric("tpt", "pct", "lower", source="bps"),
    Metric("tpak", "pct", "higher", source="bps"),
    Metric("peserta", "count", "higher"),
    Metric("tingkat_kelulusan", "pct", "higher"),
    Metric("tingkat_sertifikasi", "pct", "higher"),
    Metric("tingkat_penempatan_6b", "pct", "higher", split="jenis_penempatan"),
    Metric("penempatan", "count", "higher", split="jenis_penempatan"),
    Metric("upah_median", "rupiah", "higher"),
    Metric("porsi_lokal", "pct", "higher"),
    Metric(
        "kesenjangan_link_match", "count", None, split="kejuruan", source="lowongan"
    ),
    Metric("pagu", "rupiah", None, split="sumber_dana", source="anggaran"),
    Metric("realisasi", "rupiah", None, split="sumber_dana", source="anggaran"),
    Metric("serapan_anggaran", "pct", "higher", split="sumber_dana", source="anggaran"),
    Metric(
        "biaya_per_lulusan", "rupiah", "lower", split="sumber_dana", source="anggaran"
    ),
    Metric(
        "biaya_per_penempatan",
        "rupiah",
        "lower",
        split="sumber_dana",
        source="anggaran",
    ),
    Metric("upah_vs_umk", "pct", "higher"),
    Metric("porsi_apbn", "pct", None, source="anggaran"),
)
BY_ID = {m.id: m for m in REGISTRY}
# KPIs whose JSON form (kpis CLI, open data) is an object keyed by their split.
JSON_SPLIT = {
    "penempatan",
    "pagu",
    "realisasi",
    "biaya_per_lulusan",
    "biaya_per_penempatan",
    "kesenjangan_link_match",
}


@dataclass(frozen=True)
class Result:
    """A KPI value with what it was computed from (sample sizes for rates)."""

    metric: Metric
    value: float | None
    numerator: float | None
    denominator: float | None
    by: dict[str, Result] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        """False where the denominator is zero or the data is missing."""
        return self.value is not None


def get(metric_id: str) -> Metric:
    """The registered metric, or KeyError naming the unknown id."""
    if metric_id not in BY_ID:
        raise KeyError(f"unknown KPI id {metric_id!r}")
    return BY_ID[metric_id]


def _clean(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) or math.isinf(number) else number


def _results(
    metric: Metric, rows: Sequence[tuple], sels: Sequence[str]
) -> dict[str, Result]:
    """Rows ``(sel, grp, value, numerator, denominator)`` as one Result per sel."""
    groups: dict[str, dict[str, Result]] = {sel: {} for sel in sels}
    for sel, grp, value, numerator, denominator in rows:
        if str(sel) in groups:
            groups[str(sel)][str(grp)] = Result(
                metric, _clean(value), _clean(numerator), _clean(denominator)
            )
    out = {}
    for sel, rows in groups.items():
        total = rows.pop("total", Result(metric, None, None, None))
        out[sel] = replace(total, by=rows)
    return out


# Kept inside ``memo()``: (connection, KPI, filters, by, selection) -> Result,
# (connection, "targets", year) -> that year's targets, (connection, "umk") -> UMKs.
_MEMO: ContextVar[dict[tuple, Any] | None] = ContextVar("metrics_memo", default=None)


@contextmanager
def memo() -> Iterator[None]:
    """Inside the block a KPI selection is queried once: a page's cards, trends and
    breakdowns share what they have in common (the card's two years are in the
    trend's years). Values are the same either way: ``compute_by`` equals one query
    per selection (tested), so a selection's result does not depend on the others
    asked with it."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


@dataclass(frozen=True)
class _Ask:
    """A KPI query noted inside batch(): what to run and where its results go."""

    conn: duckdb.DuckDBPyConnection
    metric: Metric
    filters: Filters
    by: str | None
    sels: tuple[str, ...]
    params: dict[str, Any]


@dataclass
class _FirstRun:
    """batch()'s first run: the KPI queries asked for, not yet run, and the blank
    results handed out meanwhile (by memo key: asked once, as memo() would)."""

    asks: list[_Ask] = field(default_factory=list)
    blanks: dict[tuple, Result] = field(default_factory=dict)


_FIRST_RUN: ContextVar[_FirstRun | None] = ContextVar("metrics_batch", default=None)


def batch(work: Callable[[], T]) -> T:
    """``work()``, with the KPI queries it needs run together in one statement.

    Inside ``memo()``. ``work`` runs once to note the queries it asks for (their
    results blank, kept apart from the memo), they run as one ``union all``
    statement (``db.rows_batch``: one round trip, the parts side by side on the
    cores) and their results go to the memo; ``work`` then runs again and reads them
    there. Values are those of one query each (tested). Work whose later queries
    depend on earlier values (what needs attention depends on the cards) takes one
    batch per step.
    """
    seen = _MEMO.get()
    if seen is None:
        raise RuntimeError("metrics.batch() needs metrics.memo()")
    first = _FirstRun()
    token = _FIRST_RUN.set(first)
    try:
        work()
    finally:
        _FIRST_RUN.reset(token)
    by_conn: dict[int, list[_Ask]] = {}
    for ask in first.asks:
        by_conn.setdefault(id(ask.conn), []).append(ask)
    for asks in by_conn.values():
        calls = [(a.metric.query, a.params) for a in asks]
        for ask, rows in zip(asks, db.rows_batch(asks[0].conn, calls), strict=True):
            for sel, result in _results(ask.metric, rows, ask.sels).items():
                seen[_key(ask.conn, ask.metric.id, ask.filters, ask.by, sel)] = result
    return work()


def _key(
    conn: Any, metric_id: str, filters: Filters, by: str | None, sel: Any
) -> tuple:
    """Where the memo keeps a KPI's result for one selection."""
    return (id(conn), metric_id, repr(filters), by, sel)


def _recall(key: tuple) -> Result | None:
    """A result kept by memo() (or handed out blank in batch()'s first run)."""
    seen, first = _MEMO.get(), _FIRST_RUN.get()
    if seen is not None and key in seen:
        return seen[key]
    return first.blanks.get(key) if first is not None else None


def _keep(key: tuple, result: Result) -> None:
    """Keep a result inside memo(); in batch()'s first run, apart as a blank."""
    seen, first = _MEMO.get(), _FIRST_RUN.get()
    if first is not None:
        first.blanks[key] = result
    elif seen is not None:
        seen[key] = result


# KPIs the registry derives from another KPI's result, so that a page showing both
# scans for it once (inside memo()): upah_vs_umk = upah_median ÷ UMK of the year ×
# 100 (metrics.md). Its query file states the same definition and is tested equal.
DERIVED = {"upah_vs_umk": "upah_median"}


def compute(
    conn: duckdb.DuckDBPyConnection, metric_id: str, filters: Filters
) -> Result:
    """Compute one KPI for a selection."""
    key = _key(conn, metric_id, filters, None, "total")
    known = _recall(key)
    if known is not None:
        return known
    metric = get(metric_id)
    if metric_id in DERIVED:
        base = {"total": compute(conn, DERIVED[metric_id], filters)}
        result = _vs_umk(conn, metric, base, lambda _: filters.start.year)["total"]
    else:
        result = query_results(conn, metric, filters, None, ["total"])["total"]
    _keep(key, result)
    return result


def query_results(
    conn: duckdb.DuckDBPyConnection,
    metric: Metric,
    filters: Filters,
    by: str | None,
    sels: list[str],
) -> dict[str, Result]:
    """One run of the KPI's query file: the selection (``by=None``, sel 'total'),
    each year of ``sels`` (``by="tahun"``: the period spans them) or each value of a
    dimension (that dimension's own filter replaced)."""
    if by is None:
        params = bind(metric.query, filters, by=None, sels=None)
    elif by == "tahun":
        years = [int(v) for v in sels]
        period = {"start": date(min(years), 1, 1), "end": date(max(years), 12, 31)}
        params = bind(metric.query, filters, **period, by=by, sels=sels)
    else:
        others = {k: v for k, v in filters.dims.items() if k != by}
        params = bind(metric.query, replace(filters, dims=others), by=by, sels=sels)
    first = _FIRST_RUN.get()
    if first is not None:  # batch()'s first run: note the query, answer blanks
        first.asks.append(_Ask(conn, metric, filters, by, tuple(sels), params))
        return {sel: Result(metric, None, None, None) for sel in sels}
    return _results(metric, db.rows(conn, metric.query, **params), sels)


def _vs_umk(
    conn: duckdb.DuckDBPyConnection,
    metric: Metric,
    medians: dict[str, Result],
    year_of: Callable[[str], int],
) -> dict[str, Result]:
    """upah_vs_umk from upah_median's results: the median ÷ the UMK of each
    selection's year × 100 (no UMK for the year, or no wage: not available)."""
    seen, key = _MEMO.get(), (id(conn), "umk")
    umk = seen.get(key) if seen is not None else None
    if umk is None:
        umk = dict(db.rows(conn, "metrics/umk"))
        if seen is not None:
            seen[key] = umk
    out = {}
    for sel, median in medians.items():
        wage, base = median.value, umk.get(year_of(sel))
        value = wage / base * 100 if wage is not None and base else None
        out[sel] = Result(metric, value, wage, base)
    return out


def compute_by(
    conn: duckdb.DuckDBPyConnection,
    metric_id: str,
    filters: Filters,
    by: str,
    values: Sequence[Any],
) -> dict[str, Result]:
    """The KPI for each of ``values`` in one query: per year, or per dimension value.

    ``by="tahun"``: ``{year: compute(filters for that whole year)}``; a dimension:
    ``{value: compute(filters with only that value of the dimension)}`` (the
    dimension's own selection is replaced, as one value at a time would). Equal to
    those separate computations (tested); one scan instead of one per value. Inside
    ``memo()`` only the values not asked before are queried.
    """
    sels = [str(v) for v in values]
    if by not in SELECTIONS:
        raise ValueError(f"cannot compute by {by!r}; choose from {SELECTIONS}")
    seen = _MEMO.get()
    if seen is None:
        return _compute_by(conn, metric_id, filters, by, sels)
    keys = {v: _key(conn, metric_id, filters, by, v) for v in sels}
    known = {v: _recall(k) for v, k in keys.items()}
    missing = [v for v in sels if known[v] is None]
    found = _compute_by(conn, metric_id, filters, by, missing)
    for v, result in found.items():
        _keep(keys[v], result)
    return {v: found[v] if v in found else known[v] for v in sels}


def _compute_by(
    conn: duckdb.DuckDBPyConnection,
    metric_id: str,
    filters: Filters,
    by: str,
    sels: list[str],
) -> dict[str, Result]:
    metric = get(metric_id)
    if not sels:
        return {}
    if metric_id in DERIVED:
        medians = compute_by(conn, DERIVED[metric_id], filters, by, sels)
        start = filters.start.year
        return _vs_umk(conn, metric, medians, int if by == "tahun" else lambda _: start)
    if by != "tahun" and by not in metric.dimensions():
        same = compute(conn, metric_id, filters)  # the KPI ignores that dimension
        return dict.fromkeys(sels, same)
    if by == "tahun":
        years = [int(v) for v in sels]
        if filters.as_of is None and "as_of" in db.query_params(metric.query):
            # each year is reported at its own end: one query per year
            return {
                str(y): compute(conn, metric_id, _whole_year(filters, y)) for y in years
            }
    return query_results(conn, metric, filters, by, sels)


def _whole_year(filters: Filters, year: int) -> Filters:
    return replace(filters, tahun=year, kuartal=None)


def compute_all(conn: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Result]:
    """Every KPI of the registry for one selection."""
    return {m.id: compute(conn, m.id, filters) for m in REGISTRY}


def _plain(value: float | None) -> float | int | None:
    """Whole numbers as int (counts, Rupiah sums), others as float, None as None."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def to_json(results: dict[str, Result]) -> dict[str, Any]:
    """``{kpi_id: value}``; split KPIs as ``{group: value, ..., "total": value}``."""
    out: dict[str, Any] = {}
    for metric_id, result in results.items():
        if metric_id in JSON_SPLIT:
            out[metric_id] = {k: _plain(r.value) for k, r in result.by.items()} | {
                "total": _plain(result.value)
            }
        else:
            out[metric_id] = _plain(result.value)
    return out


def kpis_for_year(
    conn: duckdb.DuckDBPyConnection, year: int, as_of: date | None = None
) -> dict[str, Any]:
    """The whole city's KPIs for a year as JSON-ready values (the ``kpis`` CLI)."""
    return to_json(compute_all(conn, Filters(tahun=year, as_of=as_of)))


def targets(conn: duckdb.DuckDBPyConnection, year: int) -> dict[str, float]:
    """KPI targets of a year: ``{kpi_id: nilai_target}`` (read once inside memo())."""
    seen, key = _MEMO.get(), (id(conn), "targets", year)
    if seen is not None and key in seen:
        return dict(seen[key])
    df = db.run(conn, "metrics/targets", tahun=year)
    found = {
        str(k): float(v)
        for k, v in zip(df["indikator"], df["nilai_target"], strict=True)
    }
    if seen is not None:
        seen[key] = found
    return dict(found)


def status(value: float | None, target: float | None, better: str | None) -> str | None:
    """``on_track``, ``at_risk`` (within 10% of target) or ``off_track``; None if unknown."""
    if value is None or target is None or better is None:
        return None
    if better == "higher":
        if value >= target:
            return "on_track"
        return "at_risk" if value >= target * (1 - AT_RISK_BAND) else "off_track"
    if value <= target:
        return "on_track"
    return "at_risk" if value <= target * (1 + AT_RISK_BAND) else "off_track"
