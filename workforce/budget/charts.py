"""Figures and their one-sentence summaries for the Anggaran page (Streamlit-free).

Each ``*_chart`` returns ``(figure, data, summary)`` for ``ui.chart``: a Plotly figure
in the shared template, the exact numbers behind it with translated column names,
and one sentence generated from those numbers. Amounts on axes are in juta Rupiah;
hover texts and sentences use ``i18n.fmt_rupiah`` (``Rp 1,2 miliar``); tables keep
exact values.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from workforce.budget import numbers as budget
from workforce.budget.text import month_name, source_label, table
from workforce.core import i18n
from workforce.core import palette as charts

JUTA = 1_000_000
SOURCE_COLOURS = dict(zip(budget.SOURCES, charts.PALETTE, strict=False))
OUTCOME_COLOURS = {
    "ditempatkan": "#009E73",
    "lulus_belum": "#56B4E9",
    "tidak_lulus": "#D55E00",
    "berjalan": "#999999",
    "tanpa_peserta": "#000000",
}
Chart = tuple[go.Figure, pd.DataFrame, str]


def _rp(value: float | None, lang: str) -> str:
    return i18n.fmt_rupiah(value, lang)


def _pct(value: float | None, lang: str) -> str:
    return i18n.fmt_pct(value, lang, 1)


def _layout(fig: go.Figure, height: int = 380, **kwargs: object) -> go.Figure:
    """Legend on top (its distance does not grow with the height), thousands marks."""
    settings: dict[str, object] = {
        "height": height,
        "legend": {"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
    }
    fig.update_layout(**(settings | kwargs))
    fig.update_xaxes(tickformat=",~f")
    fig.update_yaxes(tickformat=",~f")
    return fig


# ---- pagu and realisasi -------------------------------------------------------------


def trend_chart(by_year: pd.DataFrame, tahun: int, lang: str) -> Chart:
    """Stacked realisasi by source per year, with the year's pagu as markers."""
    years = budget.yearly(by_year)
    fig = go.Figure()
    for source in budget.SOURCES:
        part = by_year[by_year["sumber_dana"] == source]
        if part.empty:
            continue
        fig.add_bar(
            x=part["tahun"].astype(str),
            y=part["realisasi_rupiah"] / JUTA,
            name=source_label(source, lang),
            marker_color=SOURCE_COLOURS[source],
            customdata=[_rp(v, lang) for v in part["realisasi_rupiah"]],
            hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
        )
    fig.add_scatter(
        x=years["tahun"].astype(str),
        y=years["pagu_rupiah"] / JUTA,
        mode="markers+lines",
        name=i18n.t("budget.legend.pagu", lang),
        line={"color": "#000000", "dash": "dot"},
        marker={"symbol": "diamond", "size": 10},
        customdata=[_rp(v, lang) for v in years["pagu_rupiah"]],
        hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
    )
    _layout(fig, barmode="stack", yaxis_title=i18n.t("budget.axis.juta", lang))
    return fig, table(years, lang), _trend_sentence(years, tahun, lang)


def _trend_sentence(years: pd.DataFrame, tahun: int, lang: str) -> str:
    if years.empty:
        return i18n.t("app.no_data", lang)
    now = years[years["tahun"] == tahun]
    row = now.iloc[0] if len(now) else None
    peak = years.loc[years["realisasi_rupiah"].idxmax()]
    return i18n.t(
        "budget.sum.trend",
        lang,
        tahun=tahun,
        realisasi=_rp(row["realisasi_rupiah"] if row is not None else None, lang),
        pagu=_rp(row["pagu_rupiah"] if row is not None else None, lang),
        serapan=_pct(row["serapan_pct"] if row is not None else None, lang),
        first=int(years["tahun"].min()),
        last=int(years["tahun"].max()),
        peak=int(peak["tahun"]),
        peak_value=_rp(peak["realisasi_rupiah"], lang),
    )


def source_chart(lines: pd.DataFrame, tahun: int, lang: str) -> Chart:
    """Pagu and realisasi per source in one year, absorption as the bar label."""
    by = budget.absorption(lines, ["sumber_dana"])
    order = [s for s in budget.SOURCES if s in set(by["sumber_dana"])]
    by = by.set_index("sumber_dana").loc[order].reset_index()
    labels = [source_label(s, lang) for s in by["sumber_dana"]]
    fig = go.Figure()
    for col, key, colour in [
        ("pagu_rupiah", "budget.legend.pagu", "#BBBBBB"),
        ("realisasi_rupiah", "budget.legend.realisasi", charts.PALETTE[0]),
    ]:
        fig.add_bar(
            y=labels,
            x=by[col] / JUTA,
            orientation="h",
            name=i18n.t(key, lang),
            marker_color=colour,
            customdata=[_rp(v, lang) for v in by[col]],
            hovertemplate="%{y}: %{customdata}<extra>%{fullData.name}</extra>",
            text=[_pct(v, lang) for v in by["serapan_pct"]]
            if col == "realisasi_rupiah"
            else None,
            textposition="outside",
            cliponaxis=False,
        )
    top = float(by[["pagu_rupiah", "realisasi_rupiah"]].max().max() or 1) / JUTA
    _layout(
        fig,
        height=140 + 60 * max(len(by), 1),
        barmode="group",
        xaxis={"title": i18n.t("budget.axis.juta", lang), "range": [0, top * 1.18]},
        yaxis={"autorange": "reversed"},
    )
    return fig, table(by, lang), _source_sentence(by, tahun, lang)


def _source_sentence(by: pd.DataFrame, tahun: int, lang: str) -> str:
    rated = by.dropna(subset=["serapan_pct"])
    if rated.empty:
        return i18n.t("app.no_data", lang)
    best = rated.loc[rated["serapan_pct"].idxmax()]
    worst = rated.loc[rated["serapan_pct"].idxmin()]
    return i18n.t(
        "budget.sum.source",
        lang,
        tahun=tahun,
        best=source_label(best["sumber_dana"], lang),
        best_pct=_pct(best["serapan_pct"], lang),
        worst=source_label(worst["sumber_dana"], lang),
        worst_pct=_pct(worst["serapan_pct"], lang),
    )


def label_sides(values: list[float]) -> list[str]:
    """Where each point's label goes on a line: below a dip (a point under the mean
    of its neighbours), above otherwise, so that no label sits on the line."""
    sides = []
    for i, v in enumerate(values):
        around = [values[j] for j in (i - 1, i + 1) if 0 <= j < len(values)]
        around = [a for a in around if not pd.isna(a)]
        low = not pd.isna(v) and bool(around) and v < sum(around) / len(around)
        sides.append("bottom center" if low else "top center")
    return sides


def apbn_chart(by_year: pd.DataFrame, lang: str) -> Chart:
    """The APBN share of realisasi per year."""
    years = budget.yearly(by_year)
    fig = go.Figure()
    fig.add_scatter(
        x=years["tahun"].astype(str),
        y=years["porsi_apbn_pct"],
        mode="lines+markers+text",
        text=[_pct(v, lang) for v in years["porsi_apbn_pct"]],
        textposition=label_sides(list(years["porsi_apbn_pct"])),
        line={"color": SOURCE_COLOURS["APBN"]},
        name="APBN",
        hovertemplate="%{x}: %{text}<extra></extra>",
    )
    _layout(
        fig,
        height=300,
        yaxis={"range": [0, 110], "title": "%"},
        # half a year's room at each end, so the first and last labels fit
        xaxis={"type": "category", "range": [-0.5, len(years) - 0.5]},
        showlegend=False,
    )
    data = table(
        years[["tahun", "realisasi_rupiah", "realisasi_apbn_rupiah", "porsi_apbn_pct"]],
        lang,
    )
    rated = years.dropna(subset=["porsi_apbn_pct"])
    if rated.empty:
        return fig, data, i18n.t("app.no_data", lang)
    first, last = rated.iloc[0], rated.iloc[-1]
    summary = i18n.t(
        "budget.sum.apbn",
        lang,
        first=int(first["tahun"]),
        first_pct=_pct(first["porsi_apbn_pct"], lang),
        last=int(last["tahun"]),
        last_pct=_pct(last["porsi_apbn_pct"], lang),
    )
    return fig, data, summary


# ---- costs --------------------------------------------------------------------------


def cost_chart(costs: pd.DataFrame, lang: str) -> Chart:
    """Cost per graduate and per placement by kejuruan (juta Rupiah), each bar
    labelled with its value and n; a kejuruan with no placement says "t.a."."""
    by = budget.cost_table(costs, ["kejuruan"]).sort_values("kejuruan")
    fig = go.Figure()
    for kind, colour in [
        ("lulusan", charts.PALETTE[0]),
        ("penempatan", charts.PALETTE[1]),
    ]:
        values = pd.to_numeric(by[f"biaya_per_{kind}_rupiah"], errors="coerce")
        counts = by["lulusan_count" if kind == "lulusan" else "ditempatkan_count"]
        fig.add_bar(
            y=by["kejuruan"],
            x=(values / JUTA).fillna(0),  # none: no bar, its "t.a." label at zero
            orientation="h",
            name=i18n.t(f"budget.legend.{kind}", lang),
            marker_color=colour,
            customdata=[
                f"{_rp(v, lang)} (n = {i18n.fmt_number(n, lang)})"
                for v, n in zip(values, counts, strict=True)
            ],
            hovertemplate="%{y}: %{customdata}<extra>%{fullData.name}</extra>",
            # the value (juta, as the axis) beside its n: "6,7 · n = 76", "t.a. · n = 0"
            text=[
                f"{_juta(v, lang)} · n = {i18n.fmt_number(n, lang)}"
                for v, n in zip(values, counts, strict=True)
            ],
            textposition="outside",
            textfont={"size": 11},
            cliponaxis=False,
        )
    _layout(
        fig,
        height=140 + 48 * max(len(by), 1),
        barmode="group",
        xaxis={"title": i18n.t("budget.axis.juta", lang), "automargin": True},
        yaxis={"autorange": "reversed"},
        margin={"l": 10, "r": 50, "t": 40, "b": 10},
    )
    return fig, table(by, lang), _cost_sentence(by, lang)


def _juta(value: float, lang: str) -> str:
    """An amount in juta Rupiah with one decimal, or "t.a." / "n/a"."""
    if pd.isna(value):
        return i18n.NA[lang]
    return i18n.fmt_number(value / JUTA, lang, 1)


def _cost_sentence(by: pd.DataFrame, lang: str) -> str:
    values = pd.to_numeric(by["biaya_per_lulusan_rupiah"], errors="coerce")
    if values.dropna().empty:
        return i18n.t("app.no_data", lang)
    top, low = by.loc[values.idxmax()], by.loc[values.idxmin()]
    return i18n.t(
        "budget.sum.cost",
        lang,
        top=top["kejuruan"],
        top_value=_rp(values.max(), lang),
        low=low["kejuruan"],
        low_value=_rp(values.min(), lang),
        na=int(values.isna().sum()),
    )


# ---- funding flow -------------------------------------------------------------------


def flow_chart(flow: pd.DataFrame, middle: str, unit: str, lang: str) -> Chart:
    """Sankey: funding source → jenis or kejuruan → outcome, in Rupiah or persons."""
    nodes, src, tgt, values = budget.sankey_links(flow, middle)
    labels, colours = [], []
    for node in nodes:
        kind, name = node.split(":", 1)
        if kind == "sumber":
            labels.append(source_label(name, lang))
            colours.append(SOURCE_COLOURS[name])
        elif kind == "hasil":
            labels.append(i18n.t(f"budget.outcome.{name}", lang))
            colours.append(OUTCOME_COLOURS[name])
        else:
            labels.append(i18n.t(f"jenis.{name}", lang) if middle == "jenis" else name)
            colours.append("#6B7280")
    shown = [_amount(v, unit, lang) for v in values]
    # left links take their source's colour, right links their outcome's
    link_colours = [
        _translucent(colours[t] if nodes[t].startswith("hasil:") else colours[s])
        for s, t in zip(src, tgt, strict=True)
    ]
    height = max(420, 26 * len(nodes))
    xs, ys = _node_positions(nodes, src, tgt, values, height)
    # the outcomes' labels sit left of their nodes: in two lines they leave the
    # middle column's names clear on a phone
    labels = [
        _two_lines(label) if node.startswith("hasil:") else label
        for node, label in zip(nodes, labels, strict=True)
    ]
    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            node={
                "label": labels,
                "color": colours,
                "pad": SANKEY_PAD,
                "thickness": 16,
                "x": xs,
                "y": ys,
            },
            textfont={"size": 12, "color": "#1F2933"},
            link={
                "source": src,
                "target": tgt,
                "value": values,
                "customdata": shown,
                "color": link_colours,
                "hovertemplate": "%{source.label} → %{target.label}: %{customdata}"
                "<extra></extra>",
            },
        )
    )
    _layout(fig, height=height)
    return fig, table(flow, lang), _flow_sentence(flow, unit, lang)


# where the three columns stand: the middle one nearer the sources, so that the
# widest gap holds the middle names and the outcomes' labels side by side
SANKEY_X = {"sumber": 0.001, "mid": 0.3, "hasil": 0.999}
SANKEY_PAD = 14  # pixels between two nodes of a column


def _node_positions(
    nodes: list[str], src: list[int], tgt: list[int], values: list[float], height: int
) -> tuple[list[float], list[float]]:
    """Each node's place (x, y of its centre, 0 to 1): columns at ``SANKEY_X``, each
    column's nodes stacked in order at the scale of the fullest column, centred."""
    size = [0.0] * len(nodes)
    into = [0.0] * len(nodes)
    for s, t, v in zip(src, tgt, values, strict=True):
        size[s] += v
        into[t] += v
    size = [max(a, b) for a, b in zip(size, into, strict=True)]
    pad = SANKEY_PAD / max(height - 50, 1)  # the plot's height inside its margins
    columns = {
        k: [i for i, n in enumerate(nodes) if n.startswith(f"{k}:")] for k in SANKEY_X
    }
    scale = min(
        (1 - pad * (len(idx) - 1)) / (sum(size[i] for i in idx) or 1)
        for idx in columns.values()
        if idx
    )
    xs, ys = [0.0] * len(nodes), [0.0] * len(nodes)
    for kind, idx in columns.items():
        used = sum(size[i] for i in idx) * scale + pad * (len(idx) - 1)
        y = (1 - used) / 2
        for i in idx:
            h = size[i] * scale
            xs[i], ys[i] = SANKEY_X[kind], min(max(y + h / 2, 0.001), 0.999)
            y += h + pad
    return xs, ys


def _two_lines(label: str) -> str:
    """A label broken at the space nearest its middle (Plotly's ``<br>``)."""
    spaces = [i for i, c in enumerate(label) if c == " "]
    if not spaces:
        return label
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return f"{label[:cut]}<br>{label[cut + 1 :]}"


def _translucent(hex_colour: str, alpha: float = 0.35) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _amount(value: float, unit: str, lang: str) -> str:
    return _rp(value, lang) if unit == "rupiah" else i18n.fmt_number(value, lang)


def _flow_sentence(flow: pd.DataFrame, unit: str, lang: str) -> str:
    total = float(flow["nilai"].sum())
    if not total:
        return i18n.t("app.no_data", lang)
    placed = float(flow.loc[flow["hasil"] == "ditempatkan", "nilai"].sum())
    return i18n.t(
        f"budget.sum.flow_{unit}",
        lang,
        total=_amount(total, unit, lang),
        placed=_amount(placed, unit, lang),
        share=_pct(placed / total * 100, lang),
    )


# ---- pacing -------------------------------------------------------------------------


def pacing_chart(
    monthly: pd.DataFrame, month: int, lang: str, schedule: pd.DataFrame | None = None
) -> Chart:
    """Cumulative absorption by month per source and in total, against n/12 and the
    city's own schedule (anggaran/pace_schedule.sql)."""
    by_source = budget.pacing(monthly, ["sumber_dana"], schedule)
    total = budget.pacing(monthly, (), schedule)
    fig = go.Figure()
    for source in budget.SOURCES:
        part = by_source[by_source["sumber_dana"] == source]
        if not part.empty:
            _pace_line(
                fig, part, source_label(source, lang), SOURCE_COLOURS[source], lang
            )
    _pace_line(fig, total, i18n.t("budget.total", lang), "#000000", lang, width=3)
    fig.add_scatter(
        x=list(range(0, 13)),
        y=[m / 12 * 100 for m in range(0, 13)],
        mode="lines",
        name=i18n.t("budget.legend.garis", lang),
        line={"color": "#999999", "dash": "dash"},
        hoverinfo="skip",
    )
    if schedule is not None and schedule["floor_pct"].notna().any():
        fig.add_scatter(
            x=[0, *schedule["bulan"]],
            y=[0, *schedule["floor_pct"]],
            mode="lines",
            name=i18n.t("budget.legend.jadwal", lang),
            line={"color": "#B45309", "dash": "dot", "width": 2},
            hoverinfo="skip",
        )
    fig.add_vline(x=month, line={"color": "#6B7280", "width": 1, "dash": "dot"})
    ticks = list(range(1, 13))
    _layout(
        fig,
        yaxis={"title": "%", "rangemode": "tozero"},
        xaxis={
            "tickvals": ticks,
            "ticktext": [month_name(m, lang)[:3] for m in ticks],
            "range": [0.5, 12.5],
        },
    )
    now = by_source[by_source["bulan"] == month]
    whole = total[total["bulan"] == month]
    summary = i18n.t(
        "budget.sum.pacing",
        lang,
        month=month_name(month, lang),
        serapan=_pct(whole["serapan_kumulatif_pct"].iloc[0], lang),
        garis=_pct(month / 12 * 100, lang),
        jadwal=_pct(budget.pace_floor(schedule, month), lang)
        if schedule is not None
        else "–",
        lagging=int(now["is_behind"].sum()),
        sources=len(now),
    )
    return fig, table(by_source, lang), summary


def _pace_line(
    fig: go.Figure,
    part: pd.DataFrame,
    name: str,
    colour: str,
    lang: str,
    width: int = 2,
) -> None:
    fig.add_scatter(
        x=part["bulan"],
        y=part["serapan_kumulatif_pct"],
        mode="lines+markers",
        name=name,
        line={"color": colour, "width": width},
        customdata=[
            f"{month_name(int(m), lang)}: {_pct(v, lang)}"
            for m, v in zip(part["bulan"], part["serapan_kumulatif_pct"], strict=True)
        ],
        hovertemplate="%{customdata}<extra>%{fullData.name}</extra>",
    )
