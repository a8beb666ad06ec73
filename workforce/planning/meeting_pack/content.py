"""The meeting pack: one PDF to read in the room and one XLSX with the tables behind it.

``build(conn, basis, scenario, lang)`` gathers the KPIs against their targets, the
link-and-match table, the chosen scenario and the TPT projection, renders the
charts as PNG with Kaleido (one warm Chromium, shared by every pack the process
makes) and writes the PDF (fpdf2, DejaVu Sans so every Indonesian and typographic
character prints) and the workbook (openpyxl). Streamlit-free.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import kaleido
import pandas as pd
import plotly.graph_objects as go

from workforce.core import metrics
from workforce.core.filters import Filters
from workforce.planning import charts as planner_charts
from workforce.planning import planner
from workforce.planning.meeting_pack import pdf as meeting_pack_pdf
from workforce.planning.meeting_pack import xlsx as meeting_pack_xlsx
from workforce.planning.projection import numbers as projection
from workforce.planning.scenarios import Scenario, slug

_KALEIDO_LOCK = threading.Lock()  # the warm server answers one caller at a time
_WARM_LOCK = threading.Lock()
_warming: threading.Thread | None = None
log = logging.getLogger(__name__)
IMAGE_WIDTH, IMAGE_SCALE = 900, 1.5  # 1350 px across 178 mm: ~190 dpi


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


@dataclass
class Pack:
    """The two files and how long they took."""

    pdf: bytes
    xlsx: bytes
    seconds: float
    timings: dict[str, float]


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
    )


# ---- images -----------------------------------------------------------------------


def figures(c: Content) -> dict[str, go.Figure]:
    """The charts of the pack, drawn by the same functions as the page."""
    out = {}
    if c.fit:
        out["tpt"] = planner_charts.tpt_figure(c.tpt, c.fit, c.points, c.lang)
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


def render_png(fig: go.Figure) -> bytes:
    """A PNG of ``fig`` from the process's warm Kaleido browser (started on first use)."""
    height = int(fig.layout.height or 400)
    opts = {
        "format": "png",
        "width": IMAGE_WIDTH,
        "height": height,
        "scale": IMAGE_SCALE,
    }
    with _KALEIDO_LOCK:
        kaleido.start_sync_server(silence_warnings=True)
        return kaleido.calc_fig_sync(fig.to_dict(), opts=opts)


def warm_up() -> None:
    """Start the Kaleido browser in the background, once per process.

    Chromium's cold start is most of the first pack's time (seconds); the planner
    page calls this when it opens, so the click finds the browser ready.
    """
    global _warming
    with _WARM_LOCK:
        if _warming is not None:
            return
        _warming = threading.Thread(
            target=_render_blank, name="kaleido-warm-up", daemon=True
        )
        _warming.start()


def _render_blank() -> None:
    try:
        render_png(go.Figure(layout={"height": 50, "width": 50}))
    except Exception as exc:  # a failed warm-up only costs time later
        log.warning("kaleido warm-up failed: %s", exc)


# ---- the two files -------------------------------------------------------------------


def build(
    conn: duckdb.DuckDBPyConnection,
    basis: planner.Basis,
    scenario: Scenario,
    lang: str,
    is_demo: bool = False,
) -> Pack:
    """Gather, render the charts, write the PDF and the XLSX; time each step."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    content = collect(conn, basis, scenario, lang, is_demo)
    timings["collect"] = time.perf_counter() - start
    mark = time.perf_counter()
    images = {name: render_png(fig) for name, fig in figures(content).items()}
    timings["images"] = time.perf_counter() - mark
    mark = time.perf_counter()
    pdf = meeting_pack_pdf.pdf_bytes(content, images)
    timings["pdf"] = time.perf_counter() - mark
    mark = time.perf_counter()
    xlsx = meeting_pack_xlsx.xlsx_bytes(content)
    timings["xlsx"] = time.perf_counter() - mark
    return Pack(pdf, xlsx, time.perf_counter() - start, timings)


def file_name(year: int, scenario: str, ext: str) -> str:
    """``bahan-rapat-2026-<scenario>.pdf``."""
    return f"bahan-rapat-{year}-{slug(scenario) or 'skenario'}.{ext}"
