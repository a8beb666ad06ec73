"""Plotly figures of the transparency page, accessible on a phone and to everyone.

Colours are Okabe-Ito hues darkened until each reaches WCAG AA contrast against
white for text (4.5:1, so also for graphics, 3:1); series differ by hue, by
lightness and by line dash or bar pattern, so no figure relies on colour alone.
A hidden figure has no bar (an empty bar reads as zero): a grey cross stands in its
place with the mark ``< 5`` or ``*`` and a legend entry saying what the marks mean.
Streamlit-free.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from workforce.core import i18n
from workforce.core.palette import FONT
from workforce.public import disclosure

WHITE = "#FFFFFF"
TEXT = "#1F2933"
MUTED = "#5A6570"
PALETTE = ["#0072B2", "#8F5A00", "#007A5A", "#9E4A7D"]  # blue, ochre, green, purple
PATTERNS = ["", "/", ".", "x"]
DASHES = ["solid", "dash", "dot"]
SYMBOLS = ["circle", "square", "triangle-up"]
WILAYAH = ("Kota Cilegon", "Provinsi Banten", "Indonesia")
HEIGHT = 340


def contrast_ratio(colour: str, background: str = WHITE) -> float:
    """WCAG 2 contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""

    def luminance(hex_colour: str) -> float:
        rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(colour), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _layout(fig: go.Figure, lang: str, height: int = HEIGHT, **axes: dict) -> go.Figure:
    fig.update_layout(
        height=height,
        font={"family": FONT, "size": 13, "color": TEXT},
        paper_bgcolor=WHITE,
        plot_bgcolor=WHITE,
        margin={"l": 4, "r": 8, "t": 8, "b": 4},
        # above the plot: below it, it met the x axis's title on a short chart
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1.02,
            "yanchor": "bottom",
            "font": {"color": TEXT},
        },
        separators=",." if lang == "id" else ".,",
        hoverlabel={"font": {"family": FONT}},
        **axes,
    )
    axis = {
        "automargin": True,
        "tickfont": {"color": TEXT},
        "title_font": {"color": TEXT},
        "gridcolor": "#E4E7EB",
    }
    fig.update_xaxes(**axis)
    fig.update_yaxes(**axis)
    return fig


def tpt_figure(tpt: pd.DataFrame, lang: str) -> go.Figure:
    """TPT of Kota Cilegon beside Provinsi Banten and Indonesia (BPS)."""
    fig = go.Figure()
    for i, wilayah in enumerate(WILAYAH):
        rows = tpt[tpt["wilayah"] == wilayah]
        fig.add_trace(
            go.Scatter(
                x=rows["tahun"],
                y=rows["tpt_pct"],
                name=wilayah,
                mode="lines+markers",
                line={
                    "color": PALETTE[i],
                    "width": 3 if i == 0 else 2,
                    "dash": DASHES[i],
                },
                marker={"symbol": SYMBOLS[i], "size": 8},
                hovertemplate="%{x}: %{y:.2f}%<extra>" + wilayah + "</extra>",
            )
        )
    return _layout(
        fig,
        lang,
        xaxis={"tickformat": "d", "title": None},  # ticks thin out on a phone
        yaxis={
            "title": i18n.t("public.axis.tpt", lang),
            "rangemode": "tozero",
            "ticksuffix": "%",
        },
    )


def _shown(values: pd.Series, status: pd.Series, limit: int, lang: str) -> list[str]:
    """Each bar's number as shown: formatted, or ``< 5`` / ``*`` when hidden."""
    return [
        disclosure.marker(s, limit) if s else i18n.fmt_number(v, lang)
        for v, s in zip(values, status, strict=True)
    ]


def _heights(values: pd.Series) -> list[float | None]:
    """Bar lengths: a hidden value (NA) draws no bar (``_hidden_marks`` marks it)."""
    return [None if pd.isna(v) else float(v) for v in values]


def _hidden_marks(
    where: list, status: pd.Series, limit: int, lang: str, horizontal: bool
) -> go.Scatter | None:
    """A grey cross with its mark (``< 5`` / ``*``) for each hidden value, at the
    axis, with one legend entry that says what the marks mean; None if none."""
    picked = [(w, s) for w, s in zip(where, status, strict=True) if s]
    if not picked:
        return None
    places = [w for w, _ in picked]
    marks = [disclosure.marker(s, limit) for _, s in picked]
    meaning = [i18n.t(f"public.hidden_mark.{s}", lang, limit=limit) for _, s in picked]
    zeros = [0] * len(picked)
    return go.Scatter(
        x=zeros if horizontal else places,
        y=places if horizontal else zeros,
        mode="markers+text",
        marker={
            "symbol": "x-thin-open",
            "size": 12,
            "color": MUTED,
            "line": {"width": 2, "color": MUTED},
        },  # fmt: skip
        text=[f" {m}" for m in marks] if horizontal else marks,
        textposition="middle right" if horizontal else "top center",
        textfont={"color": TEXT},
        customdata=meaning,
        name=i18n.t("public.hidden_legend", lang, limit=limit),
        hovertemplate="%{customdata}<extra></extra>",
        cliponaxis=False,
    )


def years_figure(
    wide: pd.DataFrame, measures: tuple[str, ...], limit: int, lang: str
) -> go.Figure:
    """Participants, graduates, certified and placed per year (grouped bars)."""
    fig = go.Figure()
    for i, m in enumerate(measures):
        status = wide[f"{m}_status"]
        shown = _shown(wide[m], status, limit, lang)
        fig.add_trace(
            go.Bar(
                x=wide["tahun"].astype(str),
                y=_heights(wide[m]),
                name=i18n.t(f"public.measure.{m}", lang),
                marker={"color": PALETTE[i], "pattern": {"shape": PATTERNS[i]}},
                offsetgroup=str(i),
                customdata=shown,
                hovertemplate="%{x}: %{customdata}<extra></extra>",
            )
        )
    hidden = wide.assign(_x=wide["tahun"].astype(str))
    for m in measures:
        marks = _hidden_marks(
            list(hidden["_x"]), hidden[f"{m}_status"], limit, lang, horizontal=False
        )
        if marks is not None:
            marks.showlegend = not any(t.type == "scatter" for t in fig.data)
            marks.legendgroup = "hidden"
            fig.add_trace(marks)
    return _layout(
        fig,
        lang,
        barmode="group",
        xaxis={"title": None, "type": "category"},
        yaxis={"title": i18n.t("public.axis.orang", lang), "rangemode": "tozero"},
    )


def category_figure(
    wide: pd.DataFrame, measure: str, limit: int, lang: str
) -> go.Figure:
    """One count per kejuruan / kecamatan / jenis, largest at the top (horizontal)."""
    df = wide.assign(_v=_heights(wide[measure]))
    df = df.sort_values(["_v", "label"], ascending=[True, False], na_position="first")
    fig = go.Figure(
        go.Bar(
            y=df["label"],
            x=df["_v"],
            orientation="h",
            marker={"color": PALETTE[0]},
            name=i18n.t(f"public.measure.{measure}", lang),
            text=_shown(df[measure], df[f"{measure}_status"], limit, lang),
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    marks = _hidden_marks(
        list(df["label"]), df[f"{measure}_status"], limit, lang, horizontal=True
    )
    if marks is not None:
        fig.add_trace(marks)
    height = max(220, 28 * len(df) + 60)
    top = max(df["_v"].max(skipna=True) if df["_v"].notna().any() else 0, 1.0) * 1.2
    return _layout(
        fig,
        lang,
        height=height,
        showlegend=marks is not None,
        xaxis={
            "title": i18n.t("public.axis.orang", lang),
            "range": [0, top],
        },
        yaxis={"title": None, "ticklabelstandoff": 10},  # names clear of a ✕ at zero
    )


def budget_figure(rows: pd.DataFrame, lang: str) -> go.Figure:
    """Pagu beside realisasi for each funding source of one year (in juta Rupiah)."""
    lines = rows[rows["sumber_dana"] != "total"]
    fig = go.Figure()
    for i, (column, key) in enumerate(
        (
            ("pagu_rupiah", "public.col.pagu"),
            ("realisasi_rupiah", "public.col.realisasi"),
        )
    ):
        fig.add_trace(
            go.Bar(
                x=[i18n.fund_label(x, lang) for x in lines["sumber_dana"]],
                y=lines[column] / 1e6,
                name=i18n.t(key, lang),
                marker={"color": PALETTE[i], "pattern": {"shape": PATTERNS[i]}},
                customdata=[i18n.fmt_rupiah(v, lang) for v in lines[column]],
                hovertemplate="%{x}: %{customdata}<extra></extra>",
            )
        )
    return _layout(
        fig,
        lang,
        barmode="group",
        xaxis={"title": None, "type": "category"},
        yaxis={
            "title": i18n.t("public.axis.juta", lang),
            "rangemode": "tozero",
            "tickformat": ",d",
        },
    )
