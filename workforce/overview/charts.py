"""Plotly figures of the overview page, built from ``workforce.overview.numbers`` tables.

Streamlit-free (the meeting pack renders the same figures with Kaleido). Targets
are drawn as black diamonds on the trend charts. The map draws the kecamatan shapes
as filled SVG paths on plain axes: no tiles, no base map, no world outline and no
font server for the labels (Plotly's map and geo subplots fetch these online), so it
works offline, on an intranet and under the server's content security policy.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from workforce.core import geo, i18n, metrics
from workforce.core.filters import SUMBER_DANA
from workforce.core.palette import FONT, PALETTE, SEQUENTIAL
from workforce.overview.text import RATES

HEIGHT = 360
TARGET_MARKER = {"symbol": "diamond", "size": 11, "color": "#000000"}
WILAYAH = {"Kota Cilegon": 0, "Provinsi Banten": 1, "Indonesia": 2}
STAGES = ("peserta", "lulusan", "tersertifikasi", "ditempatkan_6b")
FUNDING_COLOURS = dict(zip(SUMBER_DANA, PALETTE, strict=False))


_t = i18n.Scope("overview")


def _layout(fig: go.Figure, y_title: str, lang: str, pct: bool = False) -> go.Figure:
    fig.update_layout(
        height=HEIGHT,
        hovermode="x unified",
        xaxis={"title": None, "dtick": 1, "tickformat": "d"},
        yaxis={
            "title": y_title,
            "rangemode": "tozero",
            "ticksuffix": "%" if pct else "",
        },
        legend={"orientation": "h", "y": -0.15, "x": 0},
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        separators=",." if lang == "id" else ".,",
    )
    return fig


def _targets(
    fig: go.Figure, targets: pd.DataFrame, name: str, fmt: str = ".2f"
) -> None:
    if targets.empty:
        return
    fig.add_trace(
        go.Scatter(
            x=targets["tahun"],
            y=targets["nilai_target"],
            mode="markers",
            marker=TARGET_MARKER,
            name=name,
            hovertemplate=f"%{{y:{fmt}}}",
        )
    )


def tpt_figure(trend: pd.DataFrame, targets: pd.DataFrame, lang: str) -> go.Figure:
    """TPT of Kota Cilegon beside Provinsi Banten and Indonesia, with TPT targets."""
    fig = go.Figure()
    for wilayah, i in WILAYAH.items():
        rows = trend[trend["wilayah"] == wilayah]
        fig.add_trace(
            go.Scatter(
                x=rows["tahun"],
                y=rows["tpt_pct"],
                name=wilayah,
                mode="lines+markers",
                line={"color": PALETTE[i], "width": 3 if i == 0 else 2},
                marker={"symbol": ["circle", "square", "triangle-up"][i]},
                hovertemplate="%{y:.2f}%",
            )
        )
    _targets(fig, targets, _t("chart.tpt_target", lang))
    return _layout(fig, _t("chart.tpt_axis", lang), lang, pct=True)


def funnel_figure(df: pd.DataFrame, targets: pd.DataFrame, lang: str) -> go.Figure:
    """Participants → graduates → certified → placed, grouped bars per year."""
    fig = go.Figure()
    for i, stage in enumerate(STAGES):
        fig.add_trace(
            go.Bar(
                x=df["tahun"],
                y=df[stage],
                name=_t(f"stage.{stage}", lang),
                marker_color=PALETTE[i],
                hovertemplate="%{y:,.0f}",
            )
        )
    label = _t("chart.target_of", lang, name=_t("stage.peserta", lang))
    _targets(fig, targets, label, fmt=",.0f")
    fig.update_layout(barmode="group")
    return _layout(fig, _t("chart.people_axis", lang), lang)


def rates_figure(
    df: pd.DataFrame, targets: dict[str, pd.DataFrame], lang: str
) -> go.Figure:
    """Completion, certification and placement rates per year, with their targets."""
    fig = go.Figure()
    for i, metric_id in enumerate(RATES):
        name = metrics.get(metric_id).name(lang)
        fig.add_trace(
            go.Scatter(
                x=df["tahun"],
                y=df[f"{metric_id}_pct"],
                name=name,
                mode="lines+markers",
                line={"color": PALETTE[i + 1]},
                hovertemplate="%{y:.2f}%",
            )
        )
        rows = targets.get(metric_id, pd.DataFrame())
        if not rows.empty:
            marker = {**TARGET_MARKER, "color": PALETTE[i + 1]}
            marker["line"] = {"color": "#000000", "width": 1.5}
            fig.add_trace(
                go.Scatter(
                    x=rows["tahun"],
                    y=rows["nilai_target"],
                    mode="markers",
                    marker=marker,
                    name=_t("chart.target_of", lang, name=name),
                    hovertemplate="%{y:.2f}%",
                )
            )
    return _layout(fig, _t("chart.pct_axis", lang), lang, pct=True)


def funding_figure(df: pd.DataFrame, targets: pd.DataFrame, lang: str) -> go.Figure:
    """Share of spending by funding source per year (stacked to 100%)."""
    fig = go.Figure()
    for source in SUMBER_DANA:
        rows = df[df["sumber_dana"] == source]
        if rows["realisasi_rupiah"].sum() <= 0:
            continue
        fig.add_trace(
            go.Bar(
                x=rows["tahun"],
                y=rows["porsi_pct"],
                name=i18n.fund_label(source, lang),
                marker_color=FUNDING_COLOURS[source],
                hovertemplate="%{y:.1f}%",
            )
        )
    name = metrics.get("porsi_apbn").name(lang)
    _targets(fig, targets, _t("chart.target_of", lang, name=name))
    fig.update_layout(barmode="stack")
    fig = _layout(fig, _t("chart.share_axis", lang), lang, pct=True)
    fig.update_yaxes(range=[0, 100])
    return fig


def _interval_bars(rows: pd.DataFrame, column: str, lo: str, hi: str) -> dict:
    """Error bars from a rate to its 95% Wilson limits."""
    value = rows[column].astype(float)
    return {
        "type": "data",
        "symmetric": False,
        "array": (rows[hi].astype(float) - value).fillna(0).tolist(),
        "arrayminus": (value - rows[lo].astype(float)).fillna(0).tolist(),
        "color": "#444444",
        "thickness": 1.2,
        "width": 3,
    }


def ranking_figure(
    table: pd.DataFrame, column: str, label: str, lang: str
) -> go.Figure:
    """Kecamatan ranked on ``column`` (horizontal bars, largest on top)."""
    rows = table.sort_values(column, ascending=True, na_position="first")
    stem = column.removesuffix("_pct")
    lo_col, hi_col = f"{stem}_lo_pct", f"{stem}_hi_pct"
    bars = hi_col in rows.columns  # a rate with its Wilson interval: error bars
    fig = go.Figure(
        go.Bar(
            x=rows[column],
            y=rows["nama"],
            orientation="h",
            marker_color=PALETTE[0],
            text=rows[column],
            texttemplate="%{text:.2f}",
            # with error bars at the bar's end, the value sits at its start
            textposition="inside" if bars else "outside",
            insidetextanchor="start",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.2f}<extra></extra>",
            error_x=_interval_bars(rows, column, lo_col, hi_col) if bars else None,
        )
    )
    top = max(rows[column].max(), rows[hi_col].max() if bars else 0)
    fig.update_layout(
        height=HEIGHT,
        xaxis={
            "title": label,
            "range": [0, top * 1.18] if top and top == top else None,
        },
        yaxis={"title": None},
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        separators=",." if lang == "id" else ".,",
    )
    return fig


DARK_FILL = 0.55  # above this share of the colour scale the fill needs white text
NO_VALUE_FILL = "#E4E7EB"  # a kecamatan without a value


def map_figure(
    geojson: dict[str, Any], table: pd.DataFrame, column: str, label: str, lang: str
) -> go.Figure:
    """Choropleth of ``column`` by kecamatan, matched on ``properties.kode``: one
    filled shape per kecamatan (``meta`` holds its code), named on the map."""
    shapes, points = geo.shapes(geojson), geo.label_points(geojson)
    values = table[column].astype("Float64")
    low, high = values.min(), values.max()
    span = (high - low) if pd.notna(high) and high != low else None

    def share(v: Any) -> float | None:
        if pd.isna(v):
            return None
        return (float(v) - low) / span if span is not None else 0.5

    west, south, east, north = geo.bounds(geojson)
    where = geo.label_positions(points, east - west)
    fig = go.Figure()
    names: dict[bool, list[tuple[tuple[float, float], str, str]]] = {
        False: [],
        True: [],
    }
    for code, name, v in zip(
        table["kecamatan_kode"], table["nama"], values, strict=True
    ):
        if code not in shapes:
            continue
        fraction = share(v)
        xs: list[float | None] = []
        ys: list[float | None] = []
        for ring in shapes[code]:
            xs += [x for x, _ in ring] + [None]
            ys += [y for _, y in ring] + [None]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor=(
                    NO_VALUE_FILL
                    if fraction is None
                    else sample_colorscale(SEQUENTIAL, fraction)[0]
                ),
                line={"color": "#1F2933", "width": 1},
                hoveron="fills",
                hoverinfo="text",
                text=f"{name}: {i18n.fmt_number(None if pd.isna(v) else v, lang, 2)}",
                name=str(name),
                meta={"kode": code},
                showlegend=False,
            )
        )
        if code in points:
            dark = fraction is not None and fraction > DARK_FILL
            names[dark].append((points[code], str(name), where[code]))
    # each kecamatan named on the map, not only on hover: dark text on the light
    # fills, white on the dark ones
    for dark, colour in ((False, "#111111"), (True, "#FFFFFF")):
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p, _, _ in names[dark]],
                y=[p[1] for p, _, _ in names[dark]],
                mode="text",
                text=[name for _, name, _ in names[dark]],
                textposition=[position for _, _, position in names[dark]],
                textfont={"size": 12, "color": colour, "family": FONT},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    if pd.notna(low):  # the colour scale, on an invisible marker trace
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={
                    "colorscale": SEQUENTIAL,
                    "cmin": float(low),
                    "cmax": float(high),
                    "color": [float(low)],
                    "showscale": True,
                    "colorbar": {
                        "title": {"text": label, "side": "top"},
                        "orientation": "h",
                        "thickness": 12,
                        "y": -0.02,
                        "yanchor": "top",
                    },
                },
                hoverinfo="skip",
                showlegend=False,
            )
        )
    hidden = {"visible": False, "fixedrange": True}
    fig.update_layout(
        height=HEIGHT + 60,
        margin={"l": 0, "r": 0, "t": 0, "b": 70},
        # a degree of latitude is 1/cos(latitude) degrees of longitude long
        xaxis={**hidden, "range": [west, east], "constrain": "domain"},
        yaxis={
            **hidden,
            "range": [south, north],
            "scaleanchor": "x",
            "scaleratio": 1 / math.cos(math.radians((south + north) / 2)),
        },
        plot_bgcolor="rgba(0,0,0,0)",
        hovermode="closest",
        separators=",." if lang == "id" else ".,",
    )
    return fig
