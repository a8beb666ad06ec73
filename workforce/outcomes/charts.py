"""Plotly figures of the outcome pages (training, placements, link and match).

Streamlit-free: each function takes shaped data (``workforce.outcomes.numbers``) and a
language and returns a figure in the colour-blind-safe ``workforce`` template.
Bars on small samples (n < 20) are hatched; labels come from the locale files.
"""

from __future__ import annotations

import html
from datetime import date

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from workforce.core import i18n
from workforce.core import palette as charts
from workforce.outcomes import numbers as oc
from workforce.outcomes import text as ot

HATCH = "/"  # pattern of a bar whose sample is small
JENIS_PENEMPATAN = ("kerja", "magang", "wirausaha")
UNDER, OVER, NEUTRAL = charts.DIVERGING[4], charts.DIVERGING[0], "#8A8A8A"


def _height(rows: int, per_row: int = 28, base: int = 110) -> int:
    return max(240, base + rows * per_row)


def _hbar_layout(fig: go.Figure, rows: int, per_row: int = 28) -> go.Figure:
    fig.update_layout(
        height=_height(rows, per_row),
        barmode="group",
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def _error_bars(rows: pd.DataFrame, name: str) -> dict:
    """Plotly error bars from a rate to its 95% Wilson limits (``<name>_lo/_hi``)."""
    pct = rows[f"{name}_pct"].astype(float)
    return {
        "type": "data",
        "symmetric": False,
        "array": (rows[f"{name}_hi"].astype(float) - pct).fillna(0).tolist(),
        "arrayminus": (pct - rows[f"{name}_lo"].astype(float)).fillna(0).tolist(),
        "color": "#444444",
        "thickness": 1.2,
        "width": 3,
    }


def _short(label: str, size: int = 28) -> str:
    return label if len(label) <= size else label[: size - 1] + "…"


# ---- pelatihan ---------------------------------------------------------------------


FUNNEL_ROW = 78  # pixels per funnel stage: two lines of label above a bar
FUNNEL_BAR = 0.36  # a bar's thickness, in stages


def funnel_figure(stages: pd.DataFrame, lang: str) -> go.Figure:
    """The four funnel stages as horizontal bars, each named above its bar with its
    count, and its rate on a line of its own, so that labels fit a phone's width."""
    labels = [ot.tr(f"stage.{s}", lang) for s in stages["stage"]]
    counts = [ot.num(c, lang) for c in stages["count"]]
    # each rate names its own base: the placement rate's base (mature graduates)
    # is not the bar above it
    rates = [
        ""
        if p is None or pd.isna(p)
        else ot.tr(
            "funnel_rate",
            lang,
            pct=i18n.fmt_value(p, "pct", lang),  # as the KPI cards show it
            base=ot.num(b, lang),
            of=ot.tr(f"base.{s}", lang),
        )
        + ("" if r else " ⚠")
        for s, b, p, r in zip(
            stages["stage"],
            stages["base"],
            stages["pct"],
            stages["reliable"],
            strict=True,
        )
    ]
    text = [f"{c} · {r}" if r else c for c, r in zip(counts, rates, strict=True)]
    rows = list(range(len(stages)))
    fig = go.Figure(
        go.Bar(
            x=stages["count"],
            y=rows,
            orientation="h",
            width=FUNNEL_BAR,
            text=text,
            textposition="none",
            customdata=labels,
            marker={
                "color": charts.PALETTE[0],
                "pattern": {"shape": ["" if r else HATCH for r in stages["reliable"]]},
            },
            hovertemplate="%{customdata}: %{text}<extra></extra>",
        )
    )
    for row, label, count, rate in zip(rows, labels, counts, rates, strict=True):
        lines = [f"<b>{html.escape(label)}</b>: {html.escape(count)}"]
        fig.add_annotation(
            x=0,
            xref="paper",
            xanchor="left",
            y=row - FUNNEL_BAR / 2 - 0.03,
            yanchor="bottom",
            text="<br>".join([*lines, html.escape(rate)] if rate else lines),
            align="left",
            showarrow=False,
        )
    fig.update_layout(
        height=_height(len(rows), FUNNEL_ROW, 60),
        showlegend=False,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )
    fig.update_yaxes(
        range=[len(rows) - 1 + FUNNEL_BAR, -0.85], showticklabels=False, showgrid=False
    )
    return fig


def rate_bars(rows: pd.DataFrame, dim: str, lang: str, limit: int = 25) -> go.Figure:
    """Completion and 6-month placement rate per group with their 95% Wilson
    intervals as error bars; small samples hatched."""
    rows = rows.head(limit)
    labels = [_short(ot.value_label(dim, v, lang)) for v in rows["grp"]]
    fig = go.Figure()
    for i, name in enumerate(("kelulusan", "penempatan_6b")):
        reliable = rows[f"{name}_reliable"]
        fig.add_bar(
            x=rows[f"{name}_pct"].astype(float),
            y=labels,
            orientation="h",
            name=ot.tr(f"rate.{name}", lang),
            marker={
                "color": charts.PALETTE[i * 2],
                "pattern": {"shape": ["" if r else HATCH for r in reliable]},
            },
            error_x=_error_bars(rows, name),
            customdata=list(
                zip(
                    rows[f"{name}_n"],
                    rows[f"{name}_lo"].astype(float),
                    rows[f"{name}_hi"].astype(float),
                    strict=True,
                )
            ),
            hovertemplate="%{y}: %{x:.1f}% (%{customdata[1]:.1f}–%{customdata[2]:.1f}%,"
            " n = %{customdata[0]})<extra>%{fullData.name}</extra>",
        )
    # a little past 100%: the 100% tick shows and a full bar stops short of the edge
    fig.update_xaxes(
        title=ot.tr("axis.pct", lang), range=[0, 104], dtick=25, ticksuffix="%"
    )
    return _hbar_layout(fig, len(rows), 34)


def cohort_figure(curve: pd.DataFrame, grain: str, lang: str) -> go.Figure:
    """One line per graduating cohort over months 1, 3, 6, 12; gaps where immature,
    a cohort with no point old enough left out (its colour kept for no other)."""
    fig = go.Figure()
    starts = sorted(curve["cohort_start"].unique())
    if grain == "tahun" and len(starts) <= len(charts.PALETTE):
        colours = charts.PALETTE[: len(starts)]
    else:  # many quarters: older lighter, newer darker (one hue, still readable)
        colours = sample_colorscale(charts.SEQUENTIAL[2:], max(len(starts), 2))
    drawn = oc.drawn_cohorts(curve)
    for colour, start in zip(colours, starts, strict=False):
        if start not in drawn:  # not one point old enough: no empty legend entry
            continue
        rows = curve[curve["cohort_start"] == start].sort_values("bulan")
        fig.add_scatter(
            x=rows["bulan"],
            y=rows["ditempatkan_pct"].astype(float),
            mode="lines+markers",
            name=ot.cohort_label(start, grain, lang),
            line={"color": colour, "width": 2},
            connectgaps=False,
            customdata=rows["lulusan_count"],
            hovertemplate="%{fullData.name}, %{x}: %{y:.1f}% (n = %{customdata})<extra></extra>",
        )
    fig.update_xaxes(
        title=ot.tr("axis.months_after", lang),
        tickvals=list(oc.HORIZONS),
        range=[0.5, 12.5],
    )
    fig.update_yaxes(
        title=ot.tr("axis.pct_placed", lang), range=[0, 100], ticksuffix="%"
    )
    fig.update_layout(height=380, legend={"orientation": "h", "y": -0.25})
    return fig


# ---- penempatan ------------------------------------------------------------------


def monthly_figure(
    by_month: pd.DataFrame, start: date, end: date, lang: str
) -> go.Figure:
    """Stacked monthly placements by jenis; the selected period shaded."""
    fig = go.Figure()
    for i, jenis in enumerate(JENIS_PENEMPATAN):
        rows = by_month[by_month["jenis_penempatan"] == jenis]
        fig.add_bar(
            x=rows["bulan"],
            y=rows["penempatan_count"],
            name=ot.tr(f"jp.{jenis}", lang),
            marker_color=charts.PALETTE[i],
        )
    fig.add_vrect(
        x0=start,
        x1=end,
        fillcolor="#E8E8E8",
        opacity=0.5,
        layer="below",
        line_width=0,
        annotation_text=ot.tr("period_shaded", lang),
        annotation_position="top left",
        annotation_font={"size": 11},
    )
    fig.update_layout(
        barmode="stack", height=340, legend={"orientation": "h", "y": -0.2}
    )
    # at most four upright ticks (a year apart over the usual three years): twelve
    # quarterly ticks turned on end and were cut off on a phone
    fig.update_xaxes(tickformat="%m/%Y", tickangle=0, nticks=4)
    return fig


def _stacked_hbar(
    labels: list[str], parts: list[tuple[str, pd.Series, str]], rows: int
) -> go.Figure:
    fig = go.Figure()
    for name, values, colour in parts:
        fig.add_bar(x=values, y=labels, orientation="h", name=name, marker_color=colour)
    _hbar_layout(fig, rows)
    fig.update_layout(barmode="stack")
    return fig


def sector_figure(sectors: pd.DataFrame, lang: str) -> go.Figure:
    """Placements per KBLI sector, Apindo members stacked against the others."""
    labels = [
        _short(f"{k} {n}")
        for k, n in zip(sectors["sektor_kbli"], sectors["sektor_nama"], strict=True)
    ]
    return _stacked_hbar(
        labels,
        [
            (ot.tr("apindo.member", lang), sectors["apindo_count"], charts.PALETTE[0]),
            (ot.tr("apindo.other", lang), sectors["lainnya_count"], charts.PALETTE[1]),
        ],
        len(sectors),
    )


def _apindo_bars(rows: pd.DataFrame, column: str, lang: str) -> go.Figure:
    """Horizontal bars of ``column`` per employer, coloured by Apindo membership."""
    fig = go.Figure()
    for member, colour in ((True, charts.PALETTE[0]), (False, charts.PALETTE[1])):
        part = rows[rows["is_anggota_apindo"] == member]
        fig.add_bar(
            x=part[column],
            y=[_short(n, 32) for n in part["nama_perusahaan"]],
            orientation="h",
            name=ot.tr("apindo.member" if member else "apindo.other", lang),
            marker_color=colour,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    _hbar_layout(fig, len(rows), 26)
    order = [_short(n, 32) for n in rows["nama_perusahaan"]]
    fig.update_yaxes(categoryorder="array", categoryarray=order)
    fig.update_layout(barmode="stack")
    return fig


def employer_figure(top: pd.DataFrame, lang: str) -> go.Figure:
    """Top employers by placements, coloured by Apindo membership."""
    return _apindo_bars(top, "penempatan_count", lang)


def local_figure(local: pd.DataFrame, lang: str) -> go.Figure:
    """Placements at employers in Cilegon against outside, per kejuruan."""
    labels = [_short(ot.value_label("kejuruan", k, lang)) for k in local["kejuruan"]]
    return _stacked_hbar(
        labels,
        [
            (ot.tr("lokal.true", lang), local["lokal_count"], charts.PALETTE[2]),
            (ot.tr("lokal.false", lang), local["luar_count"], charts.PALETTE[5]),
        ],
        len(local),
    )


def wage_figure(
    rows: pd.DataFrame, umk: float | None, tahun: int, lang: str
) -> go.Figure:
    """Median wage per kejuruan with its 25th-75th percentile spread (in juta
    Rupiah on the axis, exact Rupiah on hover); the UMK as a dashed line."""
    labels = [
        _short(ot.value_label("kejuruan", k, lang)) + ("" if r else " ⚠")
        for k, r in zip(rows["kejuruan"], rows["reliable"], strict=True)
    ]
    juta = rows[["p25_rupiah", "median_rupiah", "p75_rupiah"]] / 1_000_000
    hover = [
        f"{i18n.fmt_rupiah_exact(m, lang)} (p25 {i18n.fmt_rupiah(a, lang)}, "
        f"p75 {i18n.fmt_rupiah(b, lang)}; n = {ot.num(n, lang)})"
        for a, m, b, n in zip(
            rows["p25_rupiah"],
            rows["median_rupiah"],
            rows["p75_rupiah"],
            rows["n_count"],
            strict=True,
        )
    ]
    fig = go.Figure(
        go.Scatter(
            x=juta["median_rupiah"],
            y=labels,
            mode="markers",
            marker={"color": charts.PALETTE[0], "size": 10},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": juta["p75_rupiah"] - juta["median_rupiah"],
                "arrayminus": juta["median_rupiah"] - juta["p25_rupiah"],
                "color": charts.PALETTE[4],
                "thickness": 3,
            },
            customdata=hover,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
            showlegend=False,
        )
    )
    if umk:
        fig.add_vline(
            x=umk / 1_000_000,
            line_dash="dash",
            line_color=charts.PALETTE[5],
            annotation_text=ot.tr("umk", lang, tahun=tahun),
            annotation_position="top",
        )
    fig.update_xaxes(title=ot.tr("axis.wage", lang), tickformat=".1f")
    return _hbar_layout(fig, len(rows), 30)


def time_figure(bins: pd.DataFrame, lang: str) -> go.Figure:
    """Graduates by time from graduation to first placement (fixed bins)."""
    colours = [NEUTRAL if b == 7 else charts.PALETTE[0] for b in bins["bin"]]
    fig = go.Figure(
        go.Bar(
            x=[ot.tr(f"bin.{b}", lang) for b in bins["bin"]],
            y=bins["lulusan_count"],
            marker_color=colours,
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.update_layout(height=320)
    return fig


# ---- link and match ----------------------------------------------------------------


def gap_figure(rows: pd.DataFrame, lang: str) -> go.Figure:
    """Diverging bars: vacancies minus graduates per kejuruan (purple = shortage)."""
    colours = [
        UNDER if g > 0 else OVER if g < 0 else NEUTRAL for g in rows["gap_count"]
    ]
    fig = go.Figure(
        go.Bar(
            x=rows["gap_count"],
            y=[_short(k) for k in rows["kejuruan"]],
            orientation="h",
            marker_color=colours,
            customdata=list(
                zip(rows["lowongan_count"], rows["lulusan_count"], strict=True)
            ),
            hovertemplate=(
                "%{y}: %{x:+d}<br>"
                + ot.tr("col.lowongan", lang)
                + " %{customdata[0]} · "
                + ot.tr("col.lulusan", lang)
                + " %{customdata[1]}<extra></extra>"
            ),
        )
    )
    fig.add_vline(x=0, line_color="#444", line_width=1)
    fig.update_xaxes(title=ot.tr("axis.gap", lang), zeroline=False)
    return _hbar_layout(fig, len(rows), 26)


def gap_heatmap(
    gaps: pd.DataFrame, kejuruan: list[str], years: list[int], lang: str
) -> go.Figure:
    """Gap per kejuruan (rows) and year (columns) on a diverging scale centred at 0."""
    table = gaps.pivot_table(
        index="kejuruan", columns="tahun", values="gap_count", aggfunc="sum"
    )
    table = table.reindex(index=kejuruan, columns=years)
    z = table.to_numpy(dtype=float)
    text = [["" if pd.isna(v) else ot.num(v, lang) for v in row] for row in z]
    scale = [[i / 4, c] for i, c in enumerate(charts.DIVERGING)]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[str(y) for y in years],
            y=[_short(k) for k in kejuruan],
            colorscale=scale,
            zmid=0,
            text=text,
            texttemplate="%{text}",
            colorbar={"title": {"text": ""}, "thickness": 10},
            hovertemplate="%{y}, %{x}: %{z:+.0f}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(type="category", side="top")
    fig.update_layout(
        height=_height(len(kejuruan), 26), margin={"l": 10, "r": 10, "t": 40, "b": 10}
    )
    return fig


def employers_figure(rows: pd.DataFrame, lang: str, limit: int = 15) -> go.Figure:
    """Vacancies of the employers that took on no graduate (largest first)."""
    fig = _apindo_bars(rows.head(limit), "lowongan_count", lang)
    fig.update_xaxes(title=ot.tr("col.lowongan", lang))
    return fig
