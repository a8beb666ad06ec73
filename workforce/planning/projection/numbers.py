"""An honest projection of Kota Cilegon's open unemployment rate (TPT).

Method (stated on the page and in the meeting pack): an ordinary least-squares
straight line through the published August values of the last ``window`` years
(all of Kota Cilegon's 2017-2025 series), leaving out
2020 (the COVID shock, a one-off jump that would tilt the line and widen the
band), extended ``horizon`` years. The band is the classical OLS *prediction*
interval at 80%: ``ŷ ± t(n−2) · s · √(1 + 1/n + (x₀ − x̄)² / Sxx)``, with ``s`` the
residual standard deviation. It describes the past trend's scatter only; it is
not a forecast of policy effects, and training alone does not move the city's
rate (the labour force is about 200 thousand people).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd
from scipy import stats

from workforce.core import db, metrics
from workforce.core.filters import Filters

COVID_YEARS = (2020,)
DEFAULT_WINDOW = 10  # calendar years looked back (Cilegon: all of 2017-2025)
DEFAULT_HORIZON = 3  # years projected after the last observation


@dataclass(frozen=True)
class TrendFit:
    """A straight line fitted to yearly values, with what is needed for its band."""

    years: tuple[int, ...]  # years used in the fit
    excluded: tuple[int, ...]  # observed years left out on purpose
    slope: float  # points per year
    intercept: float  # value at year 0 of the centred axis (x̄)
    mean_year: float
    sxx: float
    resid_sd: float
    t_value: float

    @property
    def n(self) -> int:
        """Number of years in the fit."""
        return len(self.years)

    def predict(self, year: int) -> float:
        """The line's value in ``year``."""
        return self.intercept + self.slope * (year - self.mean_year)

    def half_width(self, year: int) -> float:
        """Half the 80% prediction interval in ``year``."""
        leverage = 1 + 1 / self.n + (year - self.mean_year) ** 2 / self.sxx
        return self.t_value * self.resid_sd * math.sqrt(leverage)


@dataclass(frozen=True)
class Point:
    """One projected year: central value and its 80% prediction interval (0-100)."""

    tahun: int
    value: float
    low: float
    high: float


def t_quantile(dof: int) -> float:
    """Upper 0.90 quantile of Student's t with ``dof`` degrees of freedom: the
    factor of the 80% two-sided prediction interval."""
    if dof < 1:
        raise ValueError("a prediction interval needs at least 3 years")
    return float(stats.t.ppf(0.90, dof))


def fit_trend(
    series: Mapping[int, float],
    window: int = DEFAULT_WINDOW,
    exclude: Sequence[int] = COVID_YEARS,
) -> TrendFit:
    """OLS line through the last ``window`` calendar years of ``series``, minus ``exclude``."""
    observed = sorted(y for y, v in series.items() if v is not None)
    recent = [y for y in observed if y > observed[-1] - window] if observed else []
    years = tuple(y for y in recent if y not in exclude)
    excluded = tuple(y for y in recent if y in exclude)
    if len(years) < 3:
        raise ValueError("a trend with a prediction interval needs at least 3 years")
    values = [float(series[y]) for y in years]
    mean_year = sum(years) / len(years)
    mean_value = sum(values) / len(values)
    sxx = sum((y - mean_year) ** 2 for y in years)
    sxy = sum(
        (y - mean_year) * (v - mean_value) for y, v in zip(years, values, strict=True)
    )
    slope = sxy / sxx
    residuals = [
        v - (mean_value + slope * (y - mean_year))
        for y, v in zip(years, values, strict=True)
    ]
    dof = len(years) - 2
    resid_sd = math.sqrt(sum(r * r for r in residuals) / dof)
    return TrendFit(
        years, excluded, slope, mean_value, mean_year, sxx, resid_sd, t_quantile(dof)
    )


def project(fit: TrendFit, horizon: int = DEFAULT_HORIZON) -> list[Point]:
    """The ``horizon`` years after the last fitted year; rates kept within 0-100."""
    out = []
    for year in range(fit.years[-1] + 1, fit.years[-1] + 1 + horizon):
        value, half = fit.predict(year), fit.half_width(year)
        out.append(Point(year, _clip(value), _clip(value - half), _clip(value + half)))
    return out


def _clip(value: float) -> float:
    return min(max(value, 0.0), 100.0)


def tpt_sources(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Year, source and release of each published Kota Cilegon figure."""
    return db.run(conn, "perencanaan/tpt_sources")


def tpt_series(
    conn: duckdb.DuckDBPyConnection, sources: pd.DataFrame | None = None
) -> dict[int, float]:
    """Published TPT of Kota Cilegon per year, each value from the metric registry
    (``sources``: ``tpt_sources``, when the caller has read it already)."""
    if sources is None:
        sources = tpt_sources(conn)
    years = [int(y) for y in sources["tahun"]]
    if not years:
        return {}
    # every year in one query (compute_by equals one compute per year, tested)
    found = metrics.compute_by(conn, "tpt", Filters(tahun=max(years)), "tahun", years)
    return {y: found[str(y)].value for y in years if found[str(y)].value is not None}
