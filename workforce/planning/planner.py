"""The scenario planner's arithmetic: seats per kejuruan and source → outcomes and cost.

Inputs: next year's budget per sumber_dana (APBN, APBD, CSR) and seats per kejuruan
per source. Each kejuruan's past rates are the registry's ``tingkat_kelulusan``,
``tingkat_sertifikasi`` and ``tingkat_penempatan_6b`` year by year, and its unit
cost per source is the budget page's biaya per peserta (see ``planner_data``).
Method:

* central value = the rate pooled over the history years (Σ numerators ÷ Σ
  denominators, so a big year weighs more than a small one);
* range = the lowest and the highest single-year rate, counting only years whose
  denominator is at least ``MIN_DENOMINATOR`` (a rate of 2 graduates is noise);
  the low projection multiplies the lowest rates together (and the high one the
  highest), so the band is deliberately wide: it shows what past years allow, it
  is not a probability interval;
* unit cost per seat: the most recent year's cost (prices move with inflation;
  pooled when no year has ``MIN_DENOMINATOR`` participants), its range the
  cheapest and dearest year; for the kejuruan and source, else the kejuruan over
  all sources, else the city's;
* rates of a kejuruan without history are the city's pooled rates, and the
  projection says so.

Streamlit-free and database-free: ``planner_data`` loads the inputs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from workforce.core import metrics

FUNDS = ("APBN", "APBD", "CSR")
RATE_KEYS = ("completion", "certification", "placement")
BANDS = ("", "_low", "_high")  # central, lowest year, highest year
MIN_DENOMINATOR = 5
OVERSUPPLY_RATIO = 1.5  # flag projected graduates above 1.5 × reported vacancies
ALL = "__all__"  # the city-wide row of the rates table
CENTRAL = [f"{k}_pct" for k in RATE_KEYS] + ["unit_cost_rupiah"]
KPI_IDS = (
    "peserta",
    "tingkat_kelulusan",
    "tingkat_sertifikasi",
    "tingkat_penempatan_6b",
    "biaya_per_penempatan",
)
PROJECTION_COLUMNS = [
    "kejuruan",
    "seats",
    "has_history",
    "graduates",
    "graduates_low",
    "graduates_high",
    "certified",
    "certified_low",
    "certified_high",
    "placed",
    "placed_low",
    "placed_high",
    "cost_rupiah",
    "cost_rupiah_low",
    "cost_rupiah_high",
    "cost_per_placement",
    "cost_per_placement_low",
    "cost_per_placement_high",
    "vacancies",
    "coverage_pct",
    "gap_after",
    "is_oversupply",
]


@dataclass
class Basis:
    """What a scenario is projected from: history, rates, vacancies, budget, targets."""

    latest_year: int
    years: list[int]
    kejuruan: list[str]
    history: pd.DataFrame  # one row per kejuruan and year (planner_data.history)
    rates: pd.DataFrame  # one row per kejuruan (+ ALL), see rates_from_history
    vacancies: dict[str, float]
    vacancy_year: int | None
    link_match: pd.DataFrame  # kejuruan, vacancies, graduates, gap in vacancy_year
    pagu: dict[str, float]
    seats: pd.DataFrame  # prefill: kejuruan + one column per FUNDS
    actuals: dict[str, float | None]
    targets: dict[str, float]
    target_year: int | None
    as_of: date | None = None
    # the 12-month rates per kejuruan (+ ALL) pooled over ``years``:
    # planner_data.pool_lasting (empty: not loaded)
    lasting: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def plan_year(self) -> int:
        """The year being planned: the one after the latest year with data."""
        return self.latest_year + 1


def span(years: list[int]) -> str:
    """``2021–2025`` (or a dash when there are no years)."""
    return f"{min(years)}–{max(years)}" if years else "–"


# ---- rates from history -------------------------------------------------------------


def _ratio_range(
    num: pd.Series, den: pd.Series, scale: float, latest: bool = False
) -> tuple:
    """(central, lowest year, highest year, years counted) of num ÷ den × scale.

    Central is the ratio pooled over all years, or with ``latest`` the most recent
    solid year's (rows are in year order); None where every denominator is 0.
    """
    if den.sum() <= 0:
        return (None, None, None, 0)
    central = num.sum() / den.sum() * scale
    solid = den >= MIN_DENOMINATOR
    yearly = num[solid] / den[solid] * scale
    if yearly.empty:
        return (central, central, central, 0)
    if latest:
        central = yearly.iloc[-1]
    return (
        central,
        min(yearly.min(), central),
        max(yearly.max(), central),
        len(yearly),
    )


def _rates_row(hist: pd.DataFrame) -> dict[str, object]:
    """Rates pooled over the years; unit costs from the latest solid year."""
    hist = hist.sort_values("tahun") if "tahun" in hist.columns else hist.sort_index()
    row: dict[str, object] = {}
    for key in RATE_KEYS:
        c, lo, hi, n = _ratio_range(hist[f"{key}_num"], hist[f"{key}_den"], 100.0)
        row |= {f"{key}_pct": c, f"{key}_low": lo, f"{key}_high": hi, f"{key}_years": n}
    for fund in ("", *(f"_{f}" for f in FUNDS)):
        money, heads = hist[f"realisasi{fund}_rupiah"], hist[f"peserta{fund}_count"]
        c, lo, hi, n = _ratio_range(money, heads, 1.0, latest=True)
        row |= {
            f"unit_cost{fund}_rupiah": c,
            f"unit_cost{fund}_low": lo,
            f"unit_cost{fund}_high": hi,
        }
        row[f"cost{fund}_years"] = n
    return row


def rates_from_history(hist: pd.DataFrame) -> pd.DataFrame:
    """One row per kejuruan (+ the city-wide ALL row): central, low, high per rate."""
    city = hist.drop(columns="kejuruan").groupby("tahun").sum()
    rows = [{"kejuruan": ALL, **_rates_row(city)}]
    for name, part in hist.groupby("kejuruan", sort=True):
        rows.append({"kejuruan": name, **_rates_row(part)})
    return pd.DataFrame(rows).set_index("kejuruan")


def _unit(band: str) -> str:
    """Column suffix of a unit-cost band: ``_rupiah`` (central), ``_low``, ``_high``."""
    return band or "_rupiah"


def _with_fund_costs(row: pd.Series) -> pd.Series:
    """Fill a source's missing unit cost from the same row's all-source cost."""
    row = row.copy()
    for fund in FUNDS:
        for band in BANDS:
            col = f"unit_cost_{fund}{_unit(band)}"
            if pd.isna(row[col]):
                row[col] = row[f"unit_cost{_unit(band)}"]
    return row


def rates_for(rates: pd.DataFrame, name: str) -> tuple[pd.Series, bool]:
    """A kejuruan's rates and unit costs, completed from the city row; has history?"""
    city = _with_fund_costs(rates.loc[ALL])
    if name not in rates.index:
        return city, False
    own = _with_fund_costs(rates.loc[name])
    complete = bool(own[CENTRAL].notna().all())
    return own.where(own.notna(), city), complete


# ---- projection -------------------------------------------------------------------------


def is_low_response(row: Mapping[str, object]) -> bool:
    """A kejuruan's 12-month rate exists and under 60% of its cohort answered
    (a row of ``Basis.lasting``): the rate carries a warning."""
    return metrics.low_response(row["twelve_pct"], row["response_pct"])


def _div(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def seats_table(seats: pd.DataFrame) -> pd.DataFrame:
    """Seats per kejuruan (index) and source: missing or negative = 0."""
    table = seats.set_index("kejuruan")[list(FUNDS)]
    return table.apply(pd.to_numeric, errors="coerce").fillna(0).clip(lower=0)


def project(
    seats: pd.DataFrame, rates: pd.DataFrame, vacancies: Mapping[str, float]
) -> pd.DataFrame:
    """Projected outcomes per kejuruan with at least one seat: central, low and high."""
    rows = []
    for name, by_fund in seats_table(seats).iterrows():
        n = float(by_fund.sum())
        if n <= 0:
            continue
        r, has_history = rates_for(rates, str(name))
        row = {"kejuruan": name, "seats": n, "has_history": has_history}
        for band in BANDS:
            rate = band or "_pct"
            grads = n * r[f"completion{rate}"] / 100
            row[f"graduates{band}"] = grads
            row[f"certified{band}"] = grads * r[f"certification{rate}"] / 100
            row[f"placed{band}"] = grads * r[f"placement{rate}"] / 100
            row[f"cost_rupiah{band}"] = sum(
                by_fund[f] * r[f"unit_cost_{f}{_unit(band)}"] for f in FUNDS
            )
        vac = float(vacancies.get(str(name), 0))
        rows.append(row | _placement_cost(row) | _vacancy(row["graduates"], vac))
    return pd.DataFrame(rows, columns=PROJECTION_COLUMNS)


def _placement_cost(row: Mapping[str, float]) -> dict[str, float | None]:
    """Cost per placement; its low pairs the low cost with the high placements."""
    return {
        "cost_per_placement": _div(row["cost_rupiah"], row["placed"]),
        "cost_per_placement_low": _div(row["cost_rupiah_low"], row["placed_high"]),
        "cost_per_placement_high": _div(row["cost_rupiah_high"], row["placed_low"]),
    }


def _vacancy(graduates: float, vacancies: float) -> dict[str, object]:
    """Graduates as a share of reported vacancies, the gap left, the oversupply flag."""
    return {
        "vacancies": vacancies,
        "coverage_pct": _div(graduates * 100, vacancies),
        "gap_after": vacancies - graduates,
        "is_oversupply": graduates > OVERSUPPLY_RATIO * vacancies,
    }


def totals(proj: pd.DataFrame) -> dict[str, float | None]:
    """Sums over kejuruan (ranges add the extremes: wider than any likely outcome)."""
    sums: dict[str, float | None] = {
        c: float(proj[c].sum()) for c in PROJECTION_COLUMNS[3:15]
    }
    sums["seats"] = float(proj["seats"].sum())
    sums |= _placement_cost(sums)
    sums["vacancies"] = float(proj["vacancies"].sum())
    sums["coverage_pct"] = _div(100 * sums["graduates"], sums["vacancies"])
    return sums


def budget_check(
    seats: pd.DataFrame, rates: pd.DataFrame, budget: Mapping[str, float]
) -> pd.DataFrame:
    """Per source: budget, projected cost (central, low, high), remaining, over budget."""
    table = seats_table(seats)
    rows = []
    for fund in FUNDS:
        cost = dict.fromkeys(BANDS, 0.0)
        for name, n in table[fund].items():
            if n > 0:
                r, _ = rates_for(rates, str(name))
                for band in BANDS:
                    cost[band] += n * r[f"unit_cost_{fund}{_unit(band)}"]
        b = float(budget.get(fund, 0) or 0)
        rows.append(
            {
                "sumber_dana": fund,
                "budget_rupiah": b,
                "cost_rupiah": cost[""],
                "cost_rupiah_low": cost["_low"],
                "cost_rupiah_high": cost["_high"],
                "remaining_rupiah": b - cost[""],
                "is_over": cost[""] > b,
            }
        )
    return pd.DataFrame(rows)


def give_way_order(
    seats: pd.DataFrame, rates: pd.DataFrame, chosen: Sequence[str] = ()
) -> list[str]:
    """Which kejuruan give up seats first when a source's budget binds: those the
    planners ``chosen`` (in their order), then the rest from the dearest cost per
    projected placement (the fewest placements lost per Rupiah saved) down."""
    names = [str(n) for n in seats_table(seats).index]
    rest = [n for n in names if n not in chosen]

    def cost_per_placement(name: str) -> float:
        r, _ = rates_for(rates, name)
        placed = r["completion_pct"] / 100 * r["placement_pct"] / 100
        return float(r["unit_cost_rupiah"]) / placed if placed else math.inf

    rest.sort(key=lambda n: (-cost_per_placement(n), n))
    return [n for n in chosen if n in names] + rest


def fit_to_budget(
    seats: pd.DataFrame,
    rates: pd.DataFrame,
    budget: Mapping[str, float],
    order: Sequence[str],
) -> pd.DataFrame:
    """The seats the budget pays for: per source whose projected cost (central unit
    costs) exceeds its budget, whole seats are taken from the kejuruan in ``order``
    (each down to 0 before the next) until the cost fits. Same shape as ``seats``."""
    table = seats_table(seats).copy()
    for fund in FUNDS:
        limit = float(budget.get(fund, 0) or 0)
        unit = {
            str(n): float(rates_for(rates, str(n))[0][f"unit_cost_{fund}_rupiah"])
            for n in table.index
        }
        over = sum(table.at[n, fund] * unit[str(n)] for n in table.index) - limit
        for name in order:
            if over <= 0:
                break
            if name not in table.index or not unit[name] > 0:
                continue
            cut = min(table.at[name, fund], math.ceil(over / unit[name] - 1e-9))
            table.at[name, fund] -= cut
            over -= cut * unit[name]
    return table.reset_index()


def _pct3(tot: Mapping, key: str, base: str | None) -> tuple:
    """(central, low, high) of tot[key] ÷ tot[base] (or ÷ seats) in percent."""
    return tuple(
        _div(100 * (tot[f"{key}{b}"] or 0), tot[f"{base}{b}"] if base else tot["seats"])
        for b in BANDS
    )


def kpi_effect(
    tot: Mapping[str, float | None],
    targets: Mapping[str, float],
    actuals: Mapping[str, float | None],
) -> pd.DataFrame:
    """The scenario as KPI values beside the latest actual and the target, with status."""
    values = {
        "peserta": (tot["seats"],) * 3,
        "tingkat_kelulusan": _pct3(tot, "graduates", None),
        "tingkat_sertifikasi": _pct3(tot, "certified", "graduates"),
        "tingkat_penempatan_6b": _pct3(tot, "placed", "graduates"),
        "biaya_per_penempatan": tuple(tot[f"cost_per_placement{b}"] for b in BANDS),
    }
    rows = []
    for kpi_id, (value, low, high) in values.items():
        target = targets.get(kpi_id)
        rows.append(
            {
                "indikator": kpi_id,
                "actual": actuals.get(kpi_id),
                "projected": value,
                "low": low,
                "high": high,
                "target": target,
                "status": metrics.status(value, target, metrics.get(kpi_id).better),
            }
        )
    return pd.DataFrame(rows)


def flags(proj: pd.DataFrame, budget: pd.DataFrame) -> list[tuple[str, dict]]:
    """Warnings as (i18n key suffix, values): over budget, oversupply, no history."""
    out: list[tuple[str, dict]] = []
    for r in budget[budget["is_over"]].itertuples(index=False):
        out.append(
            (
                "over_budget",
                {"fund": r.sumber_dana, "over": r.cost_rupiah - r.budget_rupiah},
            )
        )
    for r in proj[proj["is_oversupply"].astype(bool)].itertuples(index=False):
        key = "oversupply" if r.vacancies > 0 else "no_vacancies"
        out.append(
            (
                key,
                {
                    "kejuruan": r.kejuruan,
                    "graduates": r.graduates,
                    "vacancies": r.vacancies,
                },
            )
        )
    for r in proj[~proj["has_history"].astype(bool)].itertuples(index=False):
        out.append(("no_history", {"kejuruan": r.kejuruan}))
    return out
