"""What the meeting pack shows, gathered as numbers: ``collect`` and ``figures``.

The KPIs against their targets, the link-and-match table, the chosen scenario and
the TPT projection, and the charts drawn by the same functions as the page. The
writers (``pdf``, ``xlsx``) read a ``Content``; ``pack.build`` ties them together.
Streamlit-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import pandas as pd
import plotly.graph_objects as go

from workforce.compare import numbers as compare_numbers
from workforce.core import metrics
from workforce.core.filters import Filters
from workforce.planning import charts as planner_charts
from workforce.planning import planner
from workforce.planning.projection import charts as projection_charts
from workforce.planning.projection import numbers as projection
from workforce.planning.scenarios import Scenario


@dataclass
class Content:
    """Everything the pack shows, as numbers (formatted only when written out)."""

    lang: str
    basis: planner.Basis
    scenario: Scenario
    kpis: pd.DataFrame
    link_match: pd.DataFrame
    proj: pd.DataFrame
    totals: dict[str, float | None]
    budget: pd.DataFrame
    effect: pd.DataFrame
    flags: list[tuple[str, dict]]
    tpt: dict[int, float]
    fit: projection.TrendFit | None
    points: list[projection.Point]
    sources: pd.DataFrame
    is_demo: bool = False
    generated_at: datetime = field(default_factory=datetime.now)
    scorecard: pd.DataFrame = field(default_factory=pd.DataFrame)


# ---- gathering ------------------------------------------------------------------


def kpi_table(
    conn: duckdb.DuckDBPyConnection, year: int, as_of: date | None
) -> pd.DataFrame:
    """Every registry KPI of ``year`` with its target (same year) and status."""
    results = metrics.compute_all(conn, Filters(tahun=year, as_of=as_of))
    targets = metrics.targets(conn, year)
    rows = []
    for metric_id, result in results.items():
        metric = metrics.get(metric_id)
        target = targets.get(metric_id)
        rows.append(
            {
                "indikator": metric_id,
                "unit": metric.unit,
                "value": result.value,
                "target": target,
                "status": metrics.status(result.value, target, metric.better),
            }
        )
    return pd.DataFrame(rows)


def scorecard_table(
    conn: duckdb.DuckDBPyConnection, year: int, as_of: date | None
) -> pd.DataFrame:
    """The provider scorecard of ``year`` (workforce.compare.numbers.scorecard)."""
    return compare_numbers.scorecard(conn, Filters(tahun=year, as_of=as_of))


def collect(
    conn: duckdb.DuckDBPyConnection,
    basis: planner.Basis,
    scenario: Scenario,
    lang: str,
    is_demo: bool = False,
) -> Content:
    """The numbers of the pack for one scenario."""
    seats = scenario.seats_frame()
    proj = planner.project(seats, basis.rates, basis.vacancies)
    budget = planner.budget_check(seats, basis.rates, scenario.budget)
    tot = planner.totals(proj)
    series = projection.tpt_series(conn)
    fit = projection.fit_trend(series) if len(series) >= 3 else None
    return Content(
        lang=lang,
        basis=basis,
        scenario=scenario,
        kpis=kpi_table(conn, basis.latest_year, basis.as_of),
        link_match=basis.link_match,
        proj=proj,
        totals=tot,
        budget=budget,
        effect=planner.kpi_effect(tot, basis.targets, basis.actuals),
        flags=planner.flags(proj, budget),
        tpt=series,
        fit=fit,
        points=projection.project(fit) if fit else [],
        sources=projection.tpt_sources(conn),
        is_demo=is_demo,
        scorecard=scorecard_table(conn, basis.latest_year, basis.as_of),
    )


def figures(c: Content) -> dict[str, go.Figure]:
    """The charts of the pack, drawn by the same functions as the page."""
    out = {}
    if c.fit:
        out["tpt"] = projection_charts.tpt_figure(c.tpt, c.fit, c.points, c.lang)
    if not c.link_match.empty:
        out["link_match"] = planner_charts.link_match_figure(
            c.link_match, c.lang, c.basis.vacancy_year
        )
    if not c.proj.empty:
        out["scenario"] = planner_charts.scenario_figure(
            c.proj, c.lang, c.basis.vacancy_year
        )
        out["budget"] = planner_charts.budget_figure(c.budget, c.lang)
    return out
