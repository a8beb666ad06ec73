"""Streamlit side of the TPT projection: the published series, the trend, its caveats.

The arithmetic is ``workforce.projection`` (Streamlit-free); this module draws it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workforce import metrics, planner_charts, projection, ui
from workforce.filters import Filters


@st.cache_data(max_entries=4, show_spinner=False)
def _tpt(path: str, file_stamp: ui.Stamp) -> tuple[dict[int, float], pd.DataFrame]:
    conn = ui.conn()
    sources = projection.tpt_sources(conn)
    return projection.tpt_series(conn, sources), sources


def tpt() -> tuple[dict[int, float], pd.DataFrame]:
    """Kota Cilegon's published TPT per year (registry) and the source of each."""
    path = ui.db_file()
    return _tpt(str(path), ui.stamp(path))


def tpt_section(placed: float | None) -> None:
    """Published TPT, the trend line and its projection, method and caveats."""
    st.subheader(ui.T("planner.tpt.header"))
    series, sources = tpt()
    include = st.checkbox(ui.T("planner.tpt.include_2020"), key="plan_tpt_2020")
    exclude = () if include else projection.COVID_YEARS
    try:
        fit = projection.fit_trend(series, exclude=exclude)
    except ValueError:
        st.info(ui.T("planner.tpt.too_short"))
        return
    points = projection.project(fit)
    lang = ui.lang()
    pct = ui.fmt("pct")
    table = pd.DataFrame(
        {
            ui.T("planner.col.tahun"): [str(p.tahun) for p in points],
            ui.T("planner.col.projected"): [pct(p.value) for p in points],
            ui.T("planner.col.low"): [pct(p.low) for p in points],
            ui.T("planner.col.high"): [pct(p.high) for p in points],
        }
    )
    ui.chart(
        planner_charts.tpt_figure(series, fit, points, lang),
        table,
        planner_charts.tpt_summary(series, fit, points, lang),
        "plan_tpt",
    )
    st.markdown(ui.T("planner.tpt.method", start=fit.years[0], end=fit.years[-1]))
    if include:
        st.markdown(ui.T("planner.tpt.method_with_2020"))
    st.info(ui.T("planner.tpt.caveat"), icon="ℹ️")
    _tpt_context(placed, sources)
    with st.expander(ui.T("planner.tpt.sources")):
        st.dataframe(sources, hide_index=True, width="stretch")


def _tpt_context(placed: float | None, sources: pd.DataFrame) -> None:
    """Scale only: the scenario's placements beside the latest count of unemployed."""
    year = int(sources["tahun"].max())
    latest = metrics.compute(ui.conn(), "tpt", Filters(tahun=year))
    if placed is None or not latest.numerator:
        return
    st.caption(
        ui.T(
            "planner.tpt.context",
            placed=ui.fmt("count")(placed),
            unemployed=ui.fmt("count")(latest.numerator),
            year=year,
        )
    )
