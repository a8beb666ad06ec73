"""The KPI registry: every KPI of metrics.md defined once, computed one way.

Each KPI has an id, a name and a definition in both languages (in
``locales/metrics.toml``), a unit, the direction of "better", and one SQL file
``queries/metrics/<id>.sql``. Every metric query returns rows
``(sel, grp, value, numerator, denominator)``: ``grp = 'total'`` for the whole
selection and, for split KPIs, one row per value of the split dimension; ``sel`` is
``'total'``, or with ``$by``/``$sels`` one selection per year or dimension value
(many selections in one query, for pages that show a KPI per year or per
kecamatan). A page asks for the KPIs it needs as data (``Ask``: a KPI, a selection,
optionally per year or per value of a dimension) and ``fetch`` runs them all as one
statement; ``compute`` and ``compute_by`` answer one ask. Pages, the ``kpis`` CLI
and the public methodology all read from here, so they cannot disagree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from workforce.core import db, i18n
from workforce.core.filters import DIMENSIONS, Filters, bind

AT_RISK_BAND = 0.10  # within 10% of target = at risk (metrics.md)
LOW_RESPONSE_PCT = 60.0  # below this a 12-month rate carries a warning (metrics.md)
SELECTIONS = ("tahun", *DIMENSIONS)  # what compute_by can split a selection by


def low_response(twelve: object, response: object) -> bool:
    """A 12-month rate that is shown and rests on the answers of under 60% of its
    cohort (``response`` in %): it carries a warning (metrics.md). A value missing
    (None or NaN) on either side: no warning."""
    if twelve is None or response is None or pd.isna(twelve) or pd.isna(response):
        return False
    return float(response) < LOW_RESPONSE_PCT  # type: ignore[arg-type]


@dataclass(frozen=True)
class Metric:
    """One KPI: id, unit (pct, count, rupiah), better (higher, lower, None), split."""

    id: str
    unit: str
    better: str | None
    split: str | None = None
    source: str = "program"
    # the shortest period the KPI has a figure for: "quarter" (any period), "year"
    # (yearly budget lines and vacancies) or "august" (BPS's August labour survey)
    covers: str = "quarter"

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

    def period_of(self, filters: Filters) -> Filters:
        """The period the KPI's figure really covers for ``filters``: the whole year
        when a quarter is asked of a yearly KPI."""
        if self.covers == "quarter" or filters.kuartal is None:
            return filters
        return replace(filters, kuartal=None)

    def period_label(
        self, period: Filters, lang: str, in_sentence: bool = False
    ) -> str:
        """``Triwulan 2 2025``, ``2025`` or, for BPS's survey, ``Agustus 2025``."""
        if self.covers == "august":
            key = "period.august_in_text" if in_sentence else "period.august"
            return i18n.t(key, lang, tahun=period.tahun)
        return i18n.period_label(period.tahun, period.kuartal, lang, in_sentence)

    def dimensions(self) -> tuple[str, ...]:
        """The filter dimensions this KPI honours."""
        return tuple(d for d in DIMENSIONS if d in db.query_params(self.query))


REGISTRY: tuple[Metric, ...] = (
    Metric("tpt", "pct", "lower", source="bps", covers="august"),
    Metric("tpak", "pct", "higher", source="bps", covers="august"),
    Metric("peserta", "count", "higher"),
    Metric("tingkat_kelulusan", "pct", "higher"),
    Metric("tingkat_sertifikasi", "pct", "higher"),
    Metric("tingkat_penempatan_6b", "pct", "higher", split="jenis_penempatan"),
    Metric("penempatan", "count", "higher", split="jenis_penempatan"),
    Metric("upah_median", "rupiah", "higher"),
    Metric("porsi_lokal", "pct", "higher"),
    Metric(
        "kesenjangan_link_match",
        "count",
        None,
        split="kejuruan",
        source="lowongan",
        covers="year",
    ),
    Metric(
        "pagu", "rupiah", None, split="sumber_dana", source="anggaran", covers="year"
    ),
    Metric(
        "realisasi",
        "rupiah",
        None,
        split="sumber_dana",
        source="anggaran",
        covers="year",
    ),
    Metric(
        "serapan_anggaran",
        "pct",
        "higher",
        split="sumber_dana",
        source="anggaran",
        covers="year",
    ),
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
    Metric("porsi_apbn", "pct", None, source="anggaran", covers="year"),
    # outcomes that last: the tracer study (template pelacakan)
    Metric("retensi_12b", "pct", "higher", split="status_kerja"),
    Metric("tingkat_respons_12b", "pct", "higher"),
    Metric("upah_median_12b", "rupiah", "higher"),
    Metric("bertahan_di_perusahaan", "pct", "higher"),
    Metric("perusahaan_berulang", "pct", "higher"),
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
    "retensi_12b",
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


# KPIs the registry derives from another KPI's result, so that a page showing both
# scans for it once: upah_vs_umk = upah_median ÷ UMK of the year × 100 (metrics.md).
# Its query file states the same definition and is tested equal.
DERIVED = {"upah_vs_umk": "upah_median"}
UMK_QUERY = "metrics/umk"  # the UMK of each year, read with the KPIs that need it


@dataclass(frozen=True)
class Ask:
    """A KPI a page needs, asked for as data: ``fetch`` answers many in one statement.

    ``by`` None: the selection ``filters``, answered with a Result. ``by="tahun"`` or
    a dimension: each of ``values``, answered ``{str(value): Result}`` as
    ``compute_by`` describes. ``values`` are kept as a tuple of strings; an Ask is
    hashable, so answers are keyed by the asks themselves.
    """

    metric_id: str
    filters: Filters
    by: str | None = None
    values: Sequence[Any] = ()

    def __post_init__(self) -> None:
        get(self.metric_id)  # an unknown id fails where it is asked for
        if self.by is not None and self.by not in SELECTIONS:
            raise ValueError(f"cannot compute by {self.by!r}; choose from {SELECTIONS}")
        if self.by is None and self.values:
            raise ValueError("values are the values of a by; none was given")
        object.__setattr__(self, "values", tuple(str(v) for v in self.values))

    def __hash__(self) -> int:
        f = self.filters
        dims = tuple(sorted((k, tuple(v)) for k, v in f.dims.items()))
        return hash(
            (self.metric_id, f.tahun, f.kuartal, dims, f.as_of, self.by, self.values)
        )

    @property
    def metric(self) -> Metric:
        """The registered metric asked for."""
        return get(self.metric_id)


Answer = Result | dict[str, Result]  # fetch's answer to one Ask
# One selection: a KPI with its filters and by (an Ask without values), and one
# value of the by, or "total" for the selection itself.
_Key = tuple[Ask, str]


def fetch(
    conn: duckdb.DuckDBPyConnection,
    asks: Iterable[Ask],
    known: Mapping[Ask, Answer] | None = None,
) -> dict[Ask, Answer]:
    """The answer to each ask, with the KPI queries they need run as one statement
    (``db.rows_batch``: one round trip, the parts side by side on the cores).

    A selection is queried once: asked twice, or answered in ``known`` (what an
    earlier fetch gave), it is not queried again; a KPI's selections with the same
    filters and ``by`` are one part of the statement, whichever asks they come
    from. Answers equal those of one query per ask (tested): a selection's result
    does not depend on what is asked with it.
    """
    asks = list(asks)
    got = _selections_of(known or {})
    sources = {
        key: _source(key) for ask in asks for key in _keys(ask) if key not in got
    }
    plain = [src for src, _ in sources.values() if src not in got]
    needs_umk = any(year is not None for _, year in sources.values())
    found, umk = _query(conn, list(dict.fromkeys(plain)), needs_umk)
    got |= found
    for key, (src, year) in sources.items():
        if year is None:
            got[key] = got[src]
        else:
            got[key] = _vs_umk(key[0].metric, got[src], umk.get(year))
    return {ask: _answer(ask, got) for ask in asks}


def _keys(ask: Ask) -> list[_Key]:
    """The selections an ask stands for."""
    if ask.by is None:
        return [(ask, "total")]
    group = replace(ask, values=())
    return [(group, value) for value in ask.values]


def _answer(ask: Ask, got: Mapping[_Key, Result]) -> Answer:
    """An ask's answer from the results of its selections."""
    if ask.by is None:
        return got[ask, "total"]
    return {value: got[key] for value, key in zip(ask.values, _keys(ask), strict=True)}


def _selections_of(answers: Mapping[Ask, Answer]) -> dict[_Key, Result]:
    """Answers of asks as the results of their selections."""
    out: dict[_Key, Result] = {}
    for ask, answer in answers.items():
        if isinstance(answer, Result):
            out[ask, "total"] = answer
        else:
            out |= {key: answer[key[1]] for key in _keys(ask)}
    return out


def _source(key: _Key) -> tuple[_Key, int | None]:
    """Where one selection's result comes from: a selection of a KPI query file, and
    for a derived KPI the year whose UMK divides it (else None).

    A dimension the KPI ignores gives the selection's own result; per year without
    a reporting date, a query that reads ``$as_of`` reports each year at its end.
    """
    ask, value = key
    year = None
    if ask.metric_id in DERIVED:
        year = int(value) if ask.by == "tahun" else ask.filters.start.year
        ask = replace(ask, metric_id=DERIVED[ask.metric_id])
    if ask.by not in (None, "tahun", *ask.metric.dimensions()):
        return (replace(ask, by=None), "total"), year
    if ask.by == "tahun" and _per_year(ask.metric, ask.filters):
        return (Ask(ask.metric_id, _whole_year(ask.filters, int(value))), "total"), year
    return (ask, value), year


def _per_year(metric: Metric, filters: Filters) -> bool:
    """True when each year is reported at its own end: one query per year."""
    return filters.as_of is None and "as_of" in db.query_params(metric.query)


def _whole_year(filters: Filters, year: int) -> Filters:
    return replace(filters, tahun=year, kuartal=None)


def _query(
    conn: duckdb.DuckDBPyConnection, keys: list[_Key], umk: bool
) -> tuple[dict[_Key, Result], dict[int, float]]:
    """Run the KPI queries for the selections ``keys`` (and the UMK table when
    ``umk``) as one statement: a part per KPI, filters and by."""
    parts: dict[Ask, list[str]] = {}
    for ask, value in keys:
        parts.setdefault(ask, []).append(value)
    calls = [
        (a.metric.query, _params(a.metric, a.filters, a.by, v))
        for a, v in parts.items()
    ]
    found = db.rows_batch(conn, calls + ([(UMK_QUERY, {})] if umk else []))
    umk_rows = found.pop() if umk else []
    got = {
        (ask, value): result
        for (ask, values), rows in zip(parts.items(), found, strict=True)
        for value, result in _results(ask.metric, rows, values).items()
    }
    return got, {int(sel): value for sel, _, value, *_ in umk_rows}


def _params(
    metric: Metric, filters: Filters, by: str | None, sels: Sequence[str]
) -> dict[str, Any]:
    """The KPI query's params for the selection (``by=None``), each year of ``sels``
    (``by="tahun"``: the period spans them) or each value of a dimension (that
    dimension's own filter replaced)."""
    if by is None:
        return bind(metric.query, filters, by=None, sels=None)
    if by == "tahun":
        years = [int(v) for v in sels]
        period = {"start": date(min(years), 1, 1), "end": date(max(years), 12, 31)}
        return bind(metric.query, filters, **period, by=by, sels=list(sels))
    others = {k: v for k, v in filters.dims.items() if k != by}
    return bind(metric.query, replace(filters, dims=others), by=by, sels=list(sels))


def _vs_umk(metric: Metric, median: Result, umk: float | None) -> Result:
    """upah_vs_umk from upah_median's result: the median ÷ the UMK of the year × 100
    (no UMK for the year, or no wage: not available)."""
    wage = median.value
    value = wage / umk * 100 if wage is not None and umk else None
    return Result(metric, value, wage, umk)


# ---- one KPI at a time -------------------------------------------------------------


def compute(
    conn: duckdb.DuckDBPyConnection, metric_id: str, filters: Filters
) -> Result:
    """Compute one KPI for a selection."""
    ask = Ask(metric_id, filters)
    return fetch(conn, [ask])[ask]


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
    those separate computations (tested); one scan instead of one per value.
    """
    ask = Ask(metric_id, filters, by, values)
    return fetch(conn, [ask])[ask]


def query_results(
    conn: duckdb.DuckDBPyConnection,
    metric: Metric,
    filters: Filters,
    by: str | None,
    sels: list[str],
) -> dict[str, Result]:
    """One run of the KPI's own query file, no rule of ``fetch`` applied (a derived
    KPI's file too): the selection (``by=None``, sel 'total'), each year of ``sels``
    or each value of a dimension."""
    params = _params(metric, filters, by, sels)
    return _results(metric, db.rows(conn, metric.query, **params), sels)


def compute_all(conn: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Result]:
    """Every KPI of the registry for one selection, in one statement."""
    asks = {m.id: Ask(m.id, filters) for m in REGISTRY}
    found = fetch(conn, asks.values())
    return {metric_id: found[ask] for metric_id, ask in asks.items()}


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
    """KPI targets of a year: ``{kpi_id: nilai_target}``."""
    df = db.run(conn, "metrics/targets", tahun=year)
    return {
        str(k): float(v)
        for k, v in zip(df["indikator"], df["nilai_target"], strict=True)
    }


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
