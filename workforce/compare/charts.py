"""The funnel plot: each unit's rate against its n, with the 95% and 99.8% control
limits around the selection's rate p0 and a line at p0. Units beyond the 99.8%
limits are labelled; units with n < 5 are not drawn. Streamlit-free; colour-blind
safe (``core.palette``), the class also told by the marker's shape."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from workforce.compare import numbers as cn
from workforce.compare import text as ct
from workforce.core import compare
from workforce.core import palette as charts

# class -> (colour, marker symbol): shape and colour both tell the class
STYLE = {
    "above": (charts.PALETTE[0], "triangle-up"),
    "below": (charts.PALETTE[5], "triangle-down"),
    "between": (charts.PALETTE[1], "diamond"),
    "within": ("#8A8A8A", "circle"),
}
LIMIT_COLOUR = "#444444"


def funnel_figure(funnel: cn.Funnel, lang: str) -> go.Figure:
    """The funnel plot of one rate across one kind of unit."""
    fig = go.Figure()
    shown = funnel.plotted
    if funnel.p0 is None or shown.empty:
        return fig
    _limit_curves(fig, funnel.p0, float(shown["n"].max()) * 1.05, lang)
    for kelas, (colour, symbol) in STYLE.items():
        rows = shown[shown["kelas"] == kelas]
        if rows.empty:
            continue
        outside = kelas in ("above", "below")
        fig.add_scatter(
            x=rows["n"],
            y=rows["pct"],
            mode="markers+text" if outside else "markers",
            text=rows["unit"].tolist() if outside else None,
            textposition="top center",
            name=ct.kelas_label(kelas, lang),
            marker={
                "color": colour,
                "symbol": symbol,
                "size": 11 if outside else 9,
                "line": {"color": "#1F2933", "width": 0.6},
            },  # fmt: skip
            customdata=list(
                zip(rows["unit"], rows["lo_pct"], rows["hi_pct"], strict=True)
            ),
            hovertemplate="%{customdata[0]}: %{y:.1f}% (%{customdata[1]:.1f}–"
            "%{customdata[2]:.1f}%), n = %{x}<extra>%{fullData.name}</extra>",
        )
    fig.update_xaxes(title=ct.tr("axis.n", lang), rangemode="tozero")
    fig.update_yaxes(
        title=ct.tr("axis.pct", lang), range=[_floor(shown), 102], ticksuffix="%"
    )
    fig.update_layout(
        height=460,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "y": -0.18, "x": 0},
    )
    return fig


def _floor(shown: pd.DataFrame) -> float:
    """The bottom of the rate axis: 5 points under the lowest dot and the lowest
    99.8% limit at the smallest n drawn, rounded down to 10 (at least 0)."""
    lowest = min(float(shown["pct"].min()), float(shown["lo998_pct"].max()))
    return max(0.0, (lowest - 5) // 10 * 10)


def _limit_curves(fig: go.Figure, p0: float, n_max: float, lang: str) -> None:
    """The 99.8% (dotted) and 95% (dashed) limits and the line at p0."""
    drawn = compare.curve(p0, n_max)
    for level, dash in (("998", "dot"), ("95", "dash")):
        name = ct.tr("trace.limit95" if level == "95" else "trace.limit998", lang)
        for side in ("lo", "hi"):
            fig.add_scatter(
                x=drawn["n"],
                y=drawn[f"{side}{level}_pct"],
                mode="lines",
                line={"color": LIMIT_COLOUR, "dash": dash, "width": 1.2},
                name=name,
                legendgroup=level,
                showlegend=side == "lo",
                hoverinfo="skip",
            )
    fig.add_scatter(
        x=[0, n_max],
        y=[p0, p0],
        mode="lines",
        line={"color": "#1F2933", "width": 1.6},
        name=f"{ct.tr('trace.p0', lang)} ({ct.pct(p0, lang)})",
        hoverinfo="skip",
    )
