"""The planner's inputs from the database: history per kejuruan, vacancies, pagu, targets.

Every number follows a registry definition and is read through a tested query:

* rates: the kejuruan rows of the outcomes page's breakdown
  ``pelatihan/outcomes_by_group`` (summed from the month marts), all years in one
  query when there is a reporting date;
  tests/test_planner.py holds them equal to ``metrics.compute`` filtered to each
  kejuruan;
* unit cost: the budget page's biaya per peserta (realisasi of the programmes starting
  in a year ÷ their enrolments), per kejuruan and per kejuruan × sumber_dana, all
  years in one query ``perencanaan/costs_by_year`` (tested equal to the budget page's
  ``anggaran/cost_groups`` year by year);
* the seats to start from: the enrolments behind the latest year's unit costs;
* vacancies, pagu, targets and the latest actuals: the KPI registry (``metrics``;
  the latest year's pagu and actuals asked together, one statement);
* the 12-month employed rate and its tracer response rate per kejuruan: the
  registry's ``retensi_12b`` and ``tingkat_respons_12b`` per history year and
  kejuruan, asked in the same statement as the latest actuals and pooled over the
  years (Σ numerators ÷ Σ denominators, as the 6-month rate is).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb
import pandas as pd

from workforce.core import db, metrics
from workforce.core.filters import Filters, bind, options_from_db
from workforce.planning.planner import (
    ALL,
    FUNDS,
    KPI_IDS,
    RATE_KEYS,
    Basis,
    rates_from_history,
)

HISTORY_YEARS = 5
OUTCOMES_QUERY = "pelatihan/outcomes_by_group"
COSTS_QUERY = "perencanaan/costs_by_year"
# rate -> (numerator, denominator) columns of OUTCOMES_QUERY: the registry's bases
OUTCOME_COUNTS = {
    "completion": ("lulus_count", "selesai_count"),
    "certification": ("tersertifikasi_count", "lulus_count"),
    "placement": ("ditempatkan_6b_count", "lulusan_matang_count"),
}
HISTORY_COLUMNS = [
    "kejuruan",
    "tahun",
    *(f"{k}_{p}" for k in RATE_KEYS for p in ("num", "den")),
    "realisasi_rupiah",
    "peserta_count",
    *(f"realisasi_{f}_rupiah" for f in FUNDS),
    *(f"peserta_{f}_count" for f in FUNDS),
]
LINK_MATCH_COLUMNS = ["kejuruan", "vacancies", "graduates", "gap"]
# the 12-month KPIs beside the 6-month rate: column prefix -> registry KPI
LASTING = {"twelve": "retensi_12b", "response": "tingkat_respons_12b"}
LASTING_COLUMNS = [f"{k}_{p}" for k in LASTING for p in ("pct", "num", "den")]


def _kejuruan_rows(
    conn: duckdb.DuckDBPyConnection, years: Sequence[int], as_of: date | None
) -> dict[int, pd.DataFrame]:
    """Per year, the kejuruan rows of the outcomes breakdown, indexed by kejuruan.

    With a reporting date every year is cut at the same date, so one query over
    all the years gives each year's rows (the query groups by year). Without one
    each year is reported at its own end: one query per year.
    """
    if as_of is None:
        per_year = {y: Filters(tahun=y) for y in years}
        found = {
            y: db.run(conn, OUTCOMES_QUERY, **bind(OUTCOMES_QUERY, f))
            for y, f in per_year.items()
        }
    else:
        span = {"start": date(min(years), 1, 1), "end": date(max(years), 12, 31)}
        f = Filters(tahun=max(years), as_of=as_of)
        rows = db.run(conn, OUTCOMES_QUERY, **bind(OUTCOMES_QUERY, f, **span))
        found = {y: rows[rows["tahun"] == y] for y in years}
    return {
        y: rows[rows["dimension"] == "kejuruan"].set_index("grp")
        for y, rows in found.items()
    }


def _costs(
    conn: duckdb.DuckDBPyConnection, years: Sequence[int]
) -> dict[int, pd.DataFrame]:
    """Per year: realisasi and enrolments of programmes starting in it, per kejuruan.

    Columns ``realisasi_rupiah``/``peserta_count`` over all sources and
    ``realisasi_<FUND>_rupiah``/``peserta_<FUND>_count`` per source; all years in
    one query (perencanaan/costs_by_year.sql, tested equal to the budget page's
    anggaran/cost_groups year by year).
    """
    span = {"start": date(min(years), 1, 1), "end": date(max(years), 12, 31)}
    rows = db.run(conn, COSTS_QUERY, **bind(COSTS_QUERY, Filters(max(years)), **span))
    found = {}
    for year in years:
        mine = rows[rows["tahun"] == year]
        every = mine[mine["sumber_dana"].isna()].set_index("kejuruan")
        out = pd.DataFrame(index=pd.Index(sorted(every.index.dropna())))
        out["realisasi_rupiah"] = every["realisasi_rupiah"]
        out["peserta_count"] = every["peserta_count"]
        for fund in FUNDS:
            part = mine[mine["sumber_dana"] == fund].set_index("kejuruan")
            out[f"realisasi_{fund}_rupiah"] = part["realisasi_rupiah"]
            out[f"peserta_{fund}_count"] = part["peserta_count"]
        found[year] = out
    return found


def history(
    conn: duckdb.DuckDBPyConnection, years: Sequence[int], as_of: date | None
) -> pd.DataFrame:
    """Per kejuruan and year: the rates' numerators and denominators, spending, seats."""
    frames = []
    outcomes = _kejuruan_rows(conn, years, as_of) if years else {}
    costs = _costs(conn, years) if years else {}
    for year in years:
        out, cost = outcomes[year], costs[year]
        frame = pd.DataFrame(index=sorted(set(out.index) | set(cost.index)))
        for key, (num, den) in OUTCOME_COUNTS.items():
            frame[f"{key}_num"] = out[num]
            frame[f"{key}_den"] = out[den]
        frame = frame.join(cost)
        frame = frame.reindex(columns=HISTORY_COLUMNS[2:]).astype(float).fillna(0.0)
        frames.append(frame.rename_axis("kejuruan").reset_index().assign(tahun=year))
    if not frames:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    return pd.concat(frames, ignore_index=True)[HISTORY_COLUMNS]


def link_match(
    conn: duckdb.DuckDBPyConnection, years: Sequence[int], as_of: date | None
) -> tuple[int | None, pd.DataFrame]:
    """Registry link-and-match per kejuruan in the most recent year with vacancies."""
    for year in sorted(years, reverse=True):
        r = metrics.compute(conn, "kesenjangan_link_match", Filters(year, as_of=as_of))
        if r.numerator:
            rows = [
                (k, v.numerator or 0.0, v.denominator or 0.0, v.value or 0.0)
                for k, v in r.by.items()
            ]
            return year, pd.DataFrame(rows, columns=LINK_MATCH_COLUMNS)
    return None, pd.DataFrame(columns=LINK_MATCH_COLUMNS)


def targets(
    conn: duckdb.DuckDBPyConnection, plan_year: int
) -> tuple[int | None, dict[str, float]]:
    """The plan year's targets, else those of the most recent year that has some."""
    for year in range(plan_year, plan_year - 6, -1):
        found = metrics.targets(conn, year)
        if found:
            return year, found
    return None, {}


def prefill(hist: pd.DataFrame, kejuruan: Sequence[str], year: int) -> pd.DataFrame:
    """Seats to start from: enrolments of ``year``'s programmes per kejuruan and source.

    The same counts as the unit costs' denominators (programmes starting in the
    year, by the source of their budget lines), so repeating last year's seats at
    last year's unit costs gives last year's spending.
    """
    latest = hist[hist["tahun"] == year].set_index("kejuruan")
    table = pd.DataFrame(index=pd.Index(list(kejuruan), name="kejuruan"))
    for fund in FUNDS:
        counts = latest[f"peserta_{fund}_count"].reindex(table.index)
        table[fund] = counts.fillna(0).astype(int)
    return table.reset_index()[["kejuruan", *FUNDS]]


def lasting_asks(
    years: Sequence[int], as_of: date | None, kejuruan: Sequence[str]
) -> list[metrics.Ask]:
    """The 12-month KPIs of each history year: the city and each kejuruan."""
    asks = []
    for year in years:
        f = Filters(tahun=year, as_of=as_of)
        for kpi in LASTING.values():
            asks.append(metrics.Ask(kpi, f))
            if kejuruan:
                asks.append(metrics.Ask(kpi, f, "kejuruan", kejuruan))
    return asks


def _pooled(results: Sequence[metrics.Result]) -> tuple[float | None, float, float]:
    """Σ numerators ÷ Σ denominators × 100 (None without a denominator)."""
    num = sum(r.numerator or 0.0 for r in results)
    den = sum(r.denominator or 0.0 for r in results)
    return (num / den * 100 if den else None), num, den


def pool_lasting(
    found: dict[metrics.Ask, metrics.Answer],
    asks: Sequence[metrics.Ask],
    kejuruan: Sequence[str],
) -> pd.DataFrame:
    """One row per kejuruan (+ the city's ALL row): the 12-month rate and the
    response rate pooled over the years, with their numerators and denominators.
    No graduate old enough anywhere in the years: the rates are None (not 0)."""
    rows = {}
    for name in [ALL, *kejuruan]:
        row: dict[str, float | None] = {}
        for key, kpi in LASTING.items():
            parts = [
                found[a] if name == ALL else found[a][name]
                for a in asks
                if a.metric_id == kpi and (a.by is None) == (name == ALL)
            ]
            pct, num, den = _pooled(parts)  # type: ignore[arg-type]
            row |= {f"{key}_pct": pct, f"{key}_num": num, f"{key}_den": den}
        rows[name] = row
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=LASTING_COLUMNS)
    return frame.rename_axis("kejuruan")


def latest_spending(
    conn: duckdb.DuckDBPyConnection,
    latest: Filters,
    years: Sequence[int] = (),
    kejuruan: Sequence[str] = (),
) -> tuple[dict[str, float], dict[str, float | None], pd.DataFrame]:
    """The pagu per source and the actual value of each planned KPI in ``latest``,
    and the 12-month rates per kejuruan over ``years`` (``pool_lasting``), asked
    together: one statement."""
    asks = {k: metrics.Ask(k, latest) for k in ("pagu", *KPI_IDS)}
    lasting = lasting_asks(years, latest.as_of, kejuruan)
    found = metrics.fetch(conn, [*asks.values(), *lasting])
    pagu = found[asks["pagu"]].by
    actuals = {k: found[asks[k]].value for k in KPI_IDS}
    money = {f: pagu[f].value or 0.0 if f in pagu else 0.0 for f in FUNDS}
    return money, actuals, pool_lasting(found, lasting, kejuruan)


def load_basis(
    conn: duckdb.DuckDBPyConnection,
    as_of: date | None,
    known_options: tuple[dict[str, list[str]], list[int]] | None = None,
) -> Basis:
    """Everything the planner needs from the database (``known_options``: what
    ``options_from_db`` gives, when the caller has it already)."""
    options, all_years = known_options or options_from_db(conn)
    latest = max(all_years) if all_years else (as_of or date.today()).year
    years = [y for y in all_years if y > latest - HISTORY_YEARS]
    hist = history(conn, years, as_of)
    vacancy_year, lm = link_match(conn, years, as_of)
    latest_filters = Filters(tahun=latest, as_of=as_of)
    pagu, actuals, lasting = latest_spending(
        conn, latest_filters, years, options["kejuruan"]
    )
    target_year, found = targets(conn, latest + 1)
    return Basis(
        latest_year=latest,
        years=years,
        kejuruan=list(options["kejuruan"]),
        history=hist,
        rates=rates_from_history(hist),
        vacancies=dict(zip(lm["kejuruan"], lm["vacancies"], strict=True)),
        vacancy_year=vacancy_year,
        link_match=lm,
        pagu=pagu,
        seats=prefill(hist, options["kejuruan"], latest),
        actuals=actuals,
        targets=found,
        target_year=target_year,
        as_of=as_of,
        lasting=lasting,
    )
