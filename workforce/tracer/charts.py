"""The "6 → 12 months" chart: answers at 12 months by where graduates stood at 6.

Two horizontal stacked bars (placed within 6 months, not placed), each split into
working and not working at 12 months, in the colour-blind-safe palette; narrow
enough for a phone.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from workforce.core import palette
from workforce.tracer.text import pct, tr

COLOURS = {
    "still_working": palette.PALETTE[0],
    "stopped": palette.PALETTE[1],
    "found_later": palette.PALETTE[2],
    "not_working": palette.PALETTE[5],
}


def six_to_twelve_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars of the four groups (count, share of its bar as label)."""
    fig = go.Figure()
    for group, colour in COLOURS.items():
        rows = frame[frame["group"] == group]
        fig.add_bar(
            y=[tr(f"step.at6.{a}", lang) for a in rows["at_6"]],
            x=rows["count"],
            orientation="h",
            name=tr(f"step.group.{group}", lang),
            marker_color=colour,
            text=[pct(v, lang) for v in rows["pct"]],
            textposition="inside",
            textangle=0,
            hovertemplate="%{y}: %{x}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(
        barmode="stack",
        height=300,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "y": -0.2, "traceorder": "normal"},
        title={"text": tr("step.axis", lang), "font": {"size": 13}, "x": 0},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return fig
