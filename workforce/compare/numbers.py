"""The numbers of the comparisons: each unit's rate with its interval and class, and
the provider scorecard. Streamlit-free.

Every figure comes from the KPI registry (``metrics.fetch`` with ``by`` a dimension:
the KPI's own query file, one statement), so a rate here is the rate of the KPI
cards; ``workforce.core.compare`` adds the Wilson intervals, the funnel limits and
the classes (metrics.md, "Comparing providers and vocations honestly").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import duckdb
import pandas as pd

from workforce.core import compare, metrics
from workforce.core.filters import Filters, options_from_db

# the rates a funnel plot can compare, and the units it compares
FUNNEL_RATES = (
    "tingkat_kelulusan",
    "tingkat_sertifikasi",
    "tingkat_penempatan_6b",
    "retensi_12b",
)
UNITS = ("penyelenggara", "kejuruan", "kecamatan")
# the scorecard's rates (each with its interval and n) and its other KPIs
SCORE_RATES = FUNNEL_RATES
SCORE_OTHERS = ("peserta", "tingkat_respons_12b", "upah_median", "biaya_per_penempatan")
TOTAL = "total"  # the scorecard row of the whole selection


def unit_values(
    conn: duckdb.DuckDBPyConnection, unit: str, filters: Filters
) -> list[str]:
    """The values of ``unit`` to compare: those filtered, else every known one."""
    return list(filters.values(unit)) or options_from_db(conn)[0][unit]


@dataclass(frozen=True)
class Funnel:
    """One rate compared across one kind of unit: the selection's rate ``p0`` and
    per unit k, n, pct, its Wilson interval, the limits at its n and its class."""

    metric_id: str
    unit: str
    p0: float | None
    units: pd.DataFrame

    @property
    def plotted(self) -> pd.DataFrame:
        """Units with n ≥ 5 (drawn on the plot)."""
        return self.units[self.units["kelas"] != "too_few"]

    @property
    def too_few(self) -> pd.DataFrame:
        """Units with some cases but fewer than 5 (listed, not drawn)."""
        return self.units[self.units["kelas"] == "too_few"]

    def outside(self) -> pd.DataFrame:
        """Units beyond the 99.8% limits, the farthest from p0 first."""
        rows = self.units[self.units["kelas"].isin(("above", "below"))]
        far = (rows["pct"] - (self.p0 or 0)).abs()
        return (
            rows.assign(_far=far)
            .sort_values(["_far", "unit"], ascending=[False, True])
            .drop(columns="_far")
        )


def units_frame(total: metrics.Result, by: dict[str, metrics.Result]) -> pd.DataFrame:
    """One row per unit with cases (k = numerator, n = denominator), compared with
    the selection's rate, largest n first."""
    rows = pd.DataFrame(
        {
            "unit": list(by),
            "k": [r.numerator or 0.0 for r in by.values()],
            "n": [r.denominator or 0.0 for r in by.values()],
        }
    )
    rows = rows[rows["n"] > 0]
    out = compare.compare(rows, total.value) if len(rows) else _empty()
    return out.sort_values(["n", "unit"], ascending=[False, True]).reset_index(
        drop=True
    )


def _empty() -> pd.DataFrame:
    return compare.compare(pd.DataFrame({"unit": [], "k": [], "n": []}))


def funnel(
    conn: duckdb.DuckDBPyConnection, metric_id: str, unit: str, filters: Filters
) -> Funnel:
    """``metric_id`` for the selection and for each value of ``unit``, compared."""
    total = metrics.Ask(metric_id, filters)
    each = metrics.Ask(metric_id, filters, unit, unit_values(conn, unit, filters))
    found = metrics.fetch(conn, [total, each])
    return Funnel(
        metric_id, unit, found[total].value, units_frame(found[total], found[each])
    )


def available_rates(
    conn: duckdb.DuckDBPyConnection, filters: Filters
) -> tuple[str, ...]:
    """The funnel rates with any case in the selection (the 12-month rate only where
    the tracer study has answers)."""
    asks = {m: metrics.Ask(m, filters) for m in FUNNEL_RATES}
    found = metrics.fetch(conn, asks.values())
    return tuple(m for m, a in asks.items() if found[a].denominator)


# ---- the provider scorecard ------------------------------------------------------------


def scorecard(conn: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per penyelenggara with participants (and a last row ``total`` for the
    selection): peserta; each rate of SCORE_RATES as ``<id>_pct``, ``_lo``, ``_hi``,
    ``_n``; the tracer response rate; the median wage with its n; the cost per
    placement in total and per sumber_dana (``biaya_per_penempatan__<sumber>``)."""
    values = unit_values(conn, "penyelenggara", filters)
    ids = (*SCORE_RATES, *SCORE_OTHERS)
    each = {m: metrics.Ask(m, filters, "penyelenggara", values) for m in ids}
    whole = {m: metrics.Ask(m, filters) for m in ids}
    found = metrics.fetch(conn, [*each.values(), *whole.values()])
    rows = [
        _score_row(name, {m: found[a][name] for m, a in each.items()})
        for name in values
    ]
    rows = [r for r in rows if r["peserta"] or r["tingkat_kelulusan_n"]]
    rows.append(_score_row(TOTAL, {m: found[a] for m, a in whole.items()}))
    out = pd.DataFrame.from_records(rows)
    body = out.iloc[:-1].sort_values(
        ["peserta", "penyelenggara"], ascending=[False, True]
    )
    return pd.concat([body, out.iloc[-1:]], ignore_index=True)


def _score_row(name: str, results: dict[str, metrics.Result]) -> dict[str, object]:
    """One scorecard row from the registry's results for one penyelenggara."""
    row: dict[str, object] = {
        "penyelenggara": name,
        "peserta": int(results["peserta"].value or 0),
    }
    for metric_id in SCORE_RATES:
        result = results[metric_id]
        k, n = result.numerator or 0.0, result.denominator or 0.0
        interval = compare.wilson(k, n)
        row[f"{metric_id}_pct"] = result.value
        row[f"{metric_id}_lo"] = interval[0] if interval else None
        row[f"{metric_id}_hi"] = interval[1] if interval else None
        row[f"{metric_id}_n"] = int(n)
    row["tingkat_respons_12b_pct"] = results["tingkat_respons_12b"].value
    row["upah_median"] = results["upah_median"].value
    row["upah_median_n"] = int(results["upah_median"].denominator or 0)
    cost = results["biaya_per_penempatan"]
    row["biaya_per_penempatan"] = cost.value
    for source, result in cost.by.items():
        row[f"biaya_per_penempatan__{source}"] = result.value
    return row


def low_response(row: Mapping[str, object]) -> bool:
    """A scorecard row whose 12-month rate is shown but rests on the answers of
    under 60% of its cohort: the rate carries a warning (⚠), as everywhere."""
    return metrics.low_response(row["retensi_12b_pct"], row["tingkat_respons_12b_pct"])


def cost_sources(card: pd.DataFrame) -> list[str]:
    """The sumber_dana with a cost per placement in some row of the scorecard."""
    prefix = "biaya_per_penempatan__"
    return [
        c.removeprefix(prefix)
        for c in card.columns
        if c.startswith(prefix) and card[c].notna().any()
    ]
