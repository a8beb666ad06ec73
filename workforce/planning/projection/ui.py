"""Streamlit side of the TPT projection: the published series, the trend, its caveats.

The arithmetic is ``workforce.planning.projection.numbers`` (Streamlit-free); this module draws it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workforce import app
from workforce.core import i18n
from workforce.core.filters import Filters
from workforce.planning.projection import charts as projection_charts
from workforce.planning.projection import numbers as projection


@st.cache_data(max_entries=4, show_spinner=False)
def _tpt(path: str, file_stamp: app.Stamp) -> tuple[dict[int, float], pd.DataFrame]:
    conn = app.conn()
    sources = projection.tpt_sources(conn)
    return projection.tpt_series(conn, sources), sources


def tpt() -> tuple[dict[int, float], pd.DataFrame]:
    """Kota Cilegon's published TPT per year (registry) and the source of each."""
    path = app.db_file()
    return _tpt(str(path), app.stamp(path))


def tpt_section(placed: float | None) -> None:
    """Published TPT, the trend line and its projection, method and caveats."""
    st.header(app.T("planner.tpt.header"))
    series, sources = tpt()
    include = st.checkbox(app.T("planner.tpt.include_2020"), key="plan_tpt_2020")
    exclude = () if include else projection.COVID_YEARS
    try:
        fit = projection.fit_trend(series, exclude=exclude)
    except ValueError:
        st.info(app.T("planner.tpt.too_short"))
        return
    app.cached_chart("plan_tpt", include, lambda lang: _tpt_chart(series, fit, lang))
    st.markdown(app.T("planner.tpt.method", start=fit.years[0], end=fit.years[-1]))
    if include:
        st.markdown(app.T("planner.tpt.method_with_2020"))
    st.info(app.T("planner.tpt.caveat"), icon="ℹ️")
    _tpt_context(placed, sources)
    with st.expander(app.T("planner.tpt.sources")):
        lang = app.lang()
        app.table(
            pd.DataFrame(
                {
                    i18n.t("planner.col.tahun", lang): sources["tahun"],
                    i18n.t("planner.col.source", lang): [
                        i18n.source_text(x, lang) for x in sources["sumber"]
                    ],
                }
            )
        )


def _tpt_chart(
    series: dict[int, float], fit: projection.TrendFit, lang: str
) -> app.Built:
    """The projection chart, its table and its sentence."""
    points = projection.project(fit)

    def pct(value: float | None) -> str:
        return i18n.fmt_value(value, "pct", lang)

    table = pd.DataFrame(
        {
            i18n.t("planner.col.tahun", lang): [str(p.tahun) for p in points],
            i18n.t("planner.col.projected", lang): [pct(p.value) for p in points],
            i18n.t("planner.col.low", lang): [pct(p.low) for p in points],
            i18n.t("planner.col.high", lang): [pct(p.high) for p in points],
        }
    )
    return (
        projection_charts.tpt_figure(series, fit, points, lang),
        table,
        projection_charts.tpt_summary(series, fit, points, lang),
    )


def _tpt_context(placed: float | None, sources: pd.DataFrame) -> None:
    """Scale only: the scenario's placements beside the latest count of unemployed."""
    year = int(sources["tahun"].max())
    latest = app.kpi("tpt", Filters(tahun=year))
    if placed is None or not latest.numerator:
        return
    st.caption(
        app.T(
            "planner.tpt.context",
            placed=app.fmt("count")(placed),
            unemployed=app.fmt("count")(latest.numerator),
            year=year,
        )
    )
