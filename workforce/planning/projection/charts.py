"""The TPT projection's chart and sentence: published rates, the trend, the band.

Drawn with the planner's look (``planning.charts.layout``), used by the planner's
TPT tab and the meeting pack.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from workforce.core import i18n
from workforce.planning.charts import BLUE, ORANGE, layout
from workforce.planning.projection.numbers import Point, TrendFit

_t = i18n.Scope("planner")


def tpt_figure(
    series: Mapping[int, float], fit: TrendFit, points: Sequence[Point], lang: str
) -> go.Figure:
    """Published TPT, the fitted line, and the projection with its 80% band."""
    years = sorted(series)
    fig = go.Figure()
    band_x = [p.tahun for p in points]
    fig.add_scatter(
        x=band_x + band_x[::-1],
        y=[p.high for p in points] + [p.low for p in points][::-1],
        fill="toself",
        fillcolor="rgba(230,159,0,0.25)",
        mode="lines",
        line={"width": 0},
        name=_t("chart.band", lang),
        hoverinfo="skip",
    )
    line_x = [fit.years[0], *band_x]
    fig.add_scatter(
        x=line_x,
        y=[fit.predict(y) for y in line_x],
        mode="lines",
        line={"color": ORANGE, "dash": "dash", "width": 2},
        name=_t("chart.trend", lang),
    )
    fig.add_scatter(
        x=years,
        y=[series[y] for y in years],
        mode="lines+markers",
        line={"color": BLUE, "width": 3},
        name=_t("chart.tpt_observed", lang),
    )
    if fit.excluded:
        fig.add_scatter(
            x=list(fit.excluded),
            y=[series[y] for y in fit.excluded],
            mode="markers",
            marker={"color": "white", "line": {"color": BLUE, "width": 2}, "size": 10},
            name=_t("chart.excluded", lang),
        )
    last = points[-1].tahun if points else years[-1]
    fig.update_layout(
        # whole years, at most eight ticks: a tick a year was cut off on a phone
        xaxis={
            "tickformat": "d",
            "nticks": 8,
            "tickangle": 0,
            "range": [years[0] - 0.5, last + 0.5],
        },
        yaxis={"title": "TPT (%)", "rangemode": "tozero"},
    )
    return layout(fig, lang, 380, _t("chart.tpt_title", lang))


def tpt_summary(
    series: Mapping[int, float], fit: TrendFit, points: Sequence[Point], lang: str
) -> str:
    """One sentence: last value, the line's slope, the next year's value and band."""
    last = max(series)
    first = points[0]
    return _t(
        "summary.tpt",
        lang,
        year=last,
        value=i18n.fmt_pct(series[last], lang),
        start=fit.years[0],
        end=fit.years[-1],
        slope=i18n.fmt_number(abs(fit.slope), lang, 2),
        direction=_t("summary.down" if fit.slope < 0 else "summary.up", lang),
        next=first.tahun,
        proj=i18n.fmt_pct(first.value, lang),
        low=i18n.fmt_pct(first.low, lang),
        high=i18n.fmt_pct(first.high, lang),
    )


# ---- link and match (latest year) ---------------------------------------------------
