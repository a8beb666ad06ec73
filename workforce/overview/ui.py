"""Streamlit side of the overview page: cached numbers, KPI cards, map, target editor.

The numbers come from ``workforce.overview.numbers`` (the KPI registry), cached per
database file stamp and selection; the sentences from ``workforce.overview.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from workforce import app
from workforce.core import compare, config, db, geo, i18n, metrics
from workforce.core.filters import Filters
from workforce.overview import charts
from workforce.overview import numbers as overview
from workforce.overview import text as narrative
from workforce.overview.numbers import Attention, Card
from workforce.tracer import ui as tracer

STATUS_BADGE = {
    "on_track": ("green", ":material/check_circle:"),
    "at_risk": ("orange", ":material/warning:"),
    "off_track": ("red", ":material/cancel:"),
    None: ("gray", ":material/remove:"),
}
MAP_MEASURES = {
    "per_1000": "peserta_per_1000",
    "penempatan": "tingkat_penempatan_6b_pct",
}


@dataclass(frozen=True)
class Numbers:
    """Everything the overview draws for one selection."""

    cards: list[Card]
    attention: list[Attention]
    has_targets: bool
    trend: pd.DataFrame
    funnel: pd.DataFrame
    funding: pd.DataFrame
    kecamatan: pd.DataFrame
    targets: pd.DataFrame


def numbers(filters: Filters) -> Numbers:
    """The overview's numbers for ``filters`` (cached per database file)."""
    path = app.db_file()
    return _numbers(str(path), app.stamp(path), filters)


# shared by the worker's tabs, not copied per run (pandas copies on write)
@st.cache_resource(max_entries=64, show_spinner=False)
def _numbers(path: str, file_stamp: app.Stamp, filters: Filters) -> Numbers:
    conn = app.conn()
    options, _ = app.filter_options()  # the sidebar's, cached per file
    all_years = [int(y) for y in app.query("overview/years")["tahun"]]
    targets = app.query("overview/targets_all")
    kecamatan_ref = app.query("overview/kecamatan")
    funnel, funding, kecamatan, cards, attention = overview.page_numbers(
        conn, filters, options, all_years, kecamatan_ref
    )
    return Numbers(
        cards=cards,
        attention=attention,
        has_targets=bool((targets["tahun"] == filters.tahun).any()),
        trend=app.query("overview/tpt_trend"),
        funnel=funnel,
        funding=funding,
        kecamatan=kecamatan,
        targets=targets,
    )


# ---- cards -----------------------------------------------------------------------


def _help(card: Card, lang: str) -> str:
    better = card.metric.better
    definition = card.metric.definition(lang)
    if card.metric.short_name(lang) != card.metric.name(lang):
        definition = f"**{card.metric.name(lang)}**. {definition}"
    if better is None:
        return definition
    return app.T(
        "overview.card.direction",
        definition=definition,
        better=i18n.t(f"better.{better}", lang),
    )


def status_badge(status: str | None) -> None:
    """The status of a KPI against its target as a coloured badge with an icon."""
    colour, icon = STATUS_BADGE[status]
    st.badge(app.T(f"status.{status or 'none'}"), icon=icon, color=colour)


def draw_card(card: Card, lang: str) -> None:
    """One KPI card: value, change against the previous period, target, status."""
    unit = card.metric.unit
    delta = overview.fmt_change(card.change, unit, lang)
    zero = overview.is_zero(card.change, unit)
    since = card.metric.period_label(card.previous_period, lang)
    st.metric(
        card.metric.short_name(lang),
        overview.card_value(card.value, unit, lang),
        delta=delta,
        delta_color="off" if zero else overview.delta_color(card.metric),
        delta_arrow="off" if zero else "auto",
        delta_description=app.T("overview.card.vs", period=since) if delta else None,
        help=_help(card, lang),
    )
    if card.whole_year_only:
        st.caption(
            app.T(
                f"overview.card.only_{card.metric.covers}",
                period=card.metric.period_label(card.period, lang),
            )
        )
    if card.target is not None:
        target = i18n.fmt_value(card.target, unit, lang)
        applies = overview.target_applies(card.metric, card.period)
        key = "overview.card.target" if applies else "overview.card.annual_target"
        st.caption(app.T(key, target=target))
    status_badge(card.status)


def draw_cards(cards: list[Card], per_row: int = 4) -> None:
    """The KPI cards in rows (they stack on a phone)."""
    lang = app.lang()
    for start in range(0, len(cards), per_row):
        columns = st.columns(per_row)
        for column, card in zip(columns, cards[start : start + per_row], strict=False):
            with column, st.container(border=True, height="stretch"):
                draw_card(card, lang)


def draw_attention(items: list[Attention], summary: str) -> None:
    """The "what needs attention" list, worst first."""
    lang = app.lang()
    if not items:
        st.info(summary, icon=":material/task_alt:")
        return
    st.markdown(summary)
    for item in items:
        colour, icon = STATUS_BADGE[item.card.status]
        st.markdown(f":{colour}[{icon}] " + narrative.attention_sentence(item, lang))


# ---- map ---------------------------------------------------------------------------


@st.cache_data(max_entries=4, show_spinner=False)
def _boundaries(path: str, mtime_ns: int) -> dict[str, Any]:
    loaded = geo.load(Path(path))
    assert loaded is not None
    return loaded


def boundaries() -> dict[str, Any] | None:
    """The GeoJSON at WORKFORCE_BOUNDARIES (cached), None without one."""
    path = config.boundaries_path()
    return _boundaries(str(path), path.stat().st_mtime_ns) if path else None


def _boundaries_version() -> tuple[str, int] | None:
    path = config.boundaries_path()
    return (str(path), path.stat().st_mtime_ns) if path else None


def draw_map(filters: Filters) -> None:
    """Choropleth by kecamatan beside a ranked bar chart; bars only without a boundary file."""
    lang = app.lang()
    measure = st.radio(
        app.T("overview.map.measure"),
        list(MAP_MEASURES),
        format_func=lambda m, lang=lang: i18n.t(f"overview.map.{m}", lang),
        horizontal=True,
        key="ov_map_measure",
    )
    measure = measure or "per_1000"
    table = numbers(filters).kecamatan
    geojson = boundaries()
    key = (filters, measure)
    if geojson is None:
        st.info(app.T("overview.map.no_file"), icon=":material/map:")
        app.cached_chart(
            "ringkasan_kecamatan", key, lambda lang: _ranking(table, measure, lang)
        )
    else:
        found = geo.match(geojson, list(table["kecamatan_kode"]))
        if not found.complete:
            st.warning(app.T("overview.map.incomplete", codes=", ".join(found.missing)))
        left, right = st.columns([3, 2])
        with left:
            app.cached_chart(
                "ringkasan_peta",
                (key, _boundaries_version()),
                lambda lang: _map(geojson, table, measure, lang),
            )
        with right:
            app.cached_chart(
                "ringkasan_kecamatan", key, lambda lang: _ranking(table, measure, lang)
            )
    sources = ", ".join(sorted(set(table["penduduk_sumber"])))
    st.caption(app.T("overview.map.population_source", source=sources))


def _map_table(
    table: pd.DataFrame, measure: str, lang: str
) -> tuple[pd.DataFrame, str]:
    """The map's table (with each rate's 95% interval) and its sentence."""
    column = MAP_MEASURES[measure]
    label = i18n.t(f"overview.map.{measure}", lang)
    unit, digits = ("pct", None) if measure == "penempatan" else ("count", 2)
    summary = narrative.ranking_summary(
        list(table["nama"]), list(table[column]), label, unit, lang, digits
    )
    data = table.drop(columns=["penduduk_sumber"])
    data["tingkat_penempatan_6b_selang_95"] = [
        compare.interval_text(p, lo, hi, lang)
        for p, lo, hi in zip(
            table["tingkat_penempatan_6b_pct"],
            table["tingkat_penempatan_6b_lo_pct"],
            table["tingkat_penempatan_6b_hi_pct"],
            strict=True,
        )
    ]
    return narrative.headed(data, lang), summary


def _ranking(table: pd.DataFrame, measure: str, lang: str) -> app.Built:
    data, summary = _map_table(table, measure, lang)
    label = i18n.t(f"overview.map.{measure}", lang)
    fig = charts.ranking_figure(table, MAP_MEASURES[measure], label, lang)
    return fig, data, summary


def _map(
    geojson: dict[str, Any], table: pd.DataFrame, measure: str, lang: str
) -> app.Built:
    data, summary = _map_table(table, measure, lang)
    label = i18n.t(f"overview.map.{measure}", lang)
    fig = charts.map_figure(geojson, table, MAP_MEASURES[measure], label, lang)
    return fig, data, summary


# ---- targets (administrators) ------------------------------------------------------------


def _write(kpi: str, tahun: int, value: float | None) -> None:
    lang = app.lang()
    name = metrics.get(kpi).name(lang)
    try:
        overview.save_target(
            app.db_file(), tahun, kpi, value, st.session_state.get("user_name")
        )
    except db.LockedError:
        st.error(app.T("overview.targets.locked"))
        return
    if value is None:
        message = app.T("overview.targets.deleted", kpi=name, tahun=tahun)
    else:
        shown = i18n.fmt_value(value, metrics.get(kpi).unit, lang)
        message = app.T("overview.targets.saved", kpi=name, tahun=tahun, value=shown)
    st.session_state["ov_target_message"] = message
    st.rerun()


def _target_value(targets: pd.DataFrame, kpi: str, tahun: int) -> float | None:
    """The saved target of ``kpi`` for ``tahun`` (None: none saved)."""
    rows = targets[(targets["indikator"] == kpi) & (targets["tahun"] == tahun)]
    return None if rows.empty else float(rows["nilai_target"].iloc[0])


def _target_text(kpi: str, value: float, lang: str) -> str:
    """A saved target in its KPI's unit, exactly as entered: 6,40%, 1.150,
    Rp 12.700.000 (an administrator checks what was typed, so no rounding)."""
    unit = metrics.get(kpi).unit if kpi in metrics.BY_ID else None
    if unit == "rupiah":
        return i18n.fmt_rupiah_exact(value, lang)
    if unit == "pct":
        return i18n.fmt_pct(value, lang)
    return i18n.fmt_number(value, lang, 0 if float(value).is_integer() else 2)


def target_editor(targets: pd.DataFrame, tahun: int) -> None:
    """Administrators set or remove KPI targets (audited, copy-write-swap). The
    value box opens on the saved target of the KPI and year picked."""
    lang = app.lang()
    message = st.session_state.pop("ov_target_message", None)
    with st.expander(app.T("overview.targets.header"), expanded=message is not None):
        if message:
            st.success(message)
        st.caption(app.T("overview.targets.hint"))
        if targets.empty:
            st.caption(app.T("overview.targets.empty"))
        else:
            shown = pd.DataFrame(
                {
                    app.T("overview.targets.tahun"): targets["tahun"],
                    app.T("overview.targets.kpi"): [
                        metrics.get(i).name(lang) if i in metrics.BY_ID else i
                        for i in targets["indikator"]
                    ],
                    app.T("overview.targets.nilai"): [
                        _target_text(i, v, lang)
                        for i, v in zip(
                            targets["indikator"], targets["nilai_target"], strict=True
                        )
                    ],
                }
            )
            app.table(shown)
        # outside the form, so that picking a KPI or a year shows its saved target
        kpi = st.selectbox(
            app.T("overview.targets.kpi"),
            [m.id for m in metrics.REGISTRY],
            format_func=lambda i: metrics.get(i).name(lang),
            key="ov_target_kpi",
        )
        year = int(
            st.number_input(
                app.T("overview.targets.tahun"),
                2000,
                2100,
                tahun,
                1,
                key="ov_target_tahun",
            )
        )
        saved = _target_value(targets, str(kpi), year)
        with st.form(f"ov_target_form_{kpi}_{year}"):
            value = st.number_input(
                app.T("overview.targets.nilai"),
                value=saved,
                step=0.01,
                format="%.2f",
                key=f"ov_target_nilai_{kpi}_{year}",
            )
            save = st.form_submit_button(app.T("overview.targets.save"), type="primary")
            remove = st.form_submit_button(app.T("overview.targets.delete"))
        if save and value is not None:
            _write(str(kpi), year, float(value))
        elif remove:
            _write(str(kpi), year, None)


# ---- the page ----------------------------------------------------------------


def page() -> None:
    """Ringkasan: cards, attention, trends, funding, the map, targets."""
    app.page_header("nav.ringkasan", "overview.intro")
    filters = app.filters()
    lang = app.lang()
    data = numbers(filters)
    attention_line = narrative.attention_summary(
        data.attention, data.has_targets, filters, lang
    )

    with st.container(border=True):
        st.markdown(f"**{app.T('overview.summary_header')}**")
        st.markdown(
            narrative.page_summary(data.cards, data.trend, attention_line, lang)
        )

    st.header(
        app.T(
            "overview.cards_header",
            period=i18n.period_label(filters.tahun, filters.kuartal, lang),
        )
    )
    draw_cards(data.cards)
    tracer.lasting_card(filters)

    st.header(app.T("overview.attention.header"))
    draw_attention(data.attention, attention_line)

    st.header(app.T("overview.tpt.header"))
    app.cached_chart("ringkasan_tpt", filters, lambda lang: _tpt(data, filters, lang))
    st.caption(app.T("overview.tpt.source"))

    left, right = st.columns(2)
    with left:
        st.header(app.T("overview.funnel.header"))
        app.cached_chart(
            "ringkasan_alur", filters, lambda lang: _funnel(data, filters, lang)
        )
        st.caption(app.T("overview.funnel.note"))
        if not overview.target_applies(metrics.get("peserta"), filters.whole_year()):
            st.caption(app.T("overview.funnel.no_city_target"))
    with right:
        st.header(app.T("overview.rates.header"))
        app.cached_chart(
            "ringkasan_tingkat", filters, lambda lang: _rates(data, filters, lang)
        )

    st.header(app.T("overview.funding.header"))
    app.cached_chart(
        "ringkasan_dana", filters, lambda lang: _funding(data, filters, lang)
    )

    st.header(app.T("overview.map.header"))
    draw_map(filters)

    if app.role() == "admin":
        target_editor(data.targets, filters.tahun)


# Each chart of Ringkasan: its figure, table and sentence for a selection.


def _tpt(data: Numbers, filters: Filters, lang: str) -> app.Built:
    return (
        charts.tpt_figure(data.trend, overview.targets_for(data.targets, "tpt"), lang),
        narrative.headed(
            data.trend.assign(
                sumber=[i18n.source_text(x, lang) for x in data.trend["sumber"]]
            ),
            lang,
        ),
        narrative.tpt_summary(data.trend, filters.tahun, lang),
    )


def _funnel(data: Numbers, filters: Filters, lang: str) -> app.Built:
    return (
        charts.funnel_figure(
            data.funnel, overview.chart_targets(data.targets, "peserta", filters), lang
        ),
        narrative.headed(data.funnel, lang),
        narrative.funnel_summary(data.funnel, filters.tahun, lang),
    )


def _rates(data: Numbers, filters: Filters, lang: str) -> app.Built:
    rate_targets = {
        m: overview.chart_targets(data.targets, m, filters) for m in narrative.RATES
    }
    return (
        charts.rates_figure(data.funnel, rate_targets, lang),
        narrative.headed(data.funnel, lang),
        narrative.rates_summary(data.funnel, filters.tahun, lang),
    )


def _funding(data: Numbers, filters: Filters, lang: str) -> app.Built:
    return (
        charts.funding_figure(
            data.funding,
            overview.chart_targets(data.targets, "porsi_apbn", filters),
            lang,
        ),
        narrative.headed(
            data.funding.assign(
                sumber_dana=[
                    i18n.fund_label(x, lang) for x in data.funding["sumber_dana"]
                ]
            ),
            lang,
        ),
        narrative.funding_summary(data.funding, filters.tahun, lang),
    )
