"""Streamlit side of the comparisons: the funnel plot section and the provider
scorecard section of Hasil Pelatihan (internal pages)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workforce import app
from workforce.compare import charts as cc
from workforce.compare import numbers as cn
from workforce.compare import tables as tb
from workforce.compare import text as ct
from workforce.core.filters import Filters


@st.cache_data(max_entries=64, show_spinner=False)
def _rates(path: str, file_stamp: app.Stamp, filters: Filters) -> tuple[str, ...]:
    return cn.available_rates(app.conn(), filters)


@st.cache_data(max_entries=64, show_spinner=False)
def _funnel(
    path: str, file_stamp: app.Stamp, filters: Filters, metric_id: str, unit: str
) -> cn.Funnel:
    return cn.funnel(app.conn(), metric_id, unit, filters)


@st.cache_data(max_entries=32, show_spinner=False)
def _scorecard(path: str, file_stamp: app.Stamp, filters: Filters) -> pd.DataFrame:
    return cn.scorecard(app.conn(), filters)


def funnel_section(filters: Filters) -> None:
    """Pick a rate and a kind of unit; the funnel plot, its sentence, its table and
    the units too small to draw."""
    lang = app.lang()
    path = app.db_file()
    st.header(app.T("compare.funnel_title"))
    st.caption(app.T("compare.funnel_note"))
    rates = _rates(str(path), app.stamp(path), filters)
    if not rates:
        st.info(ct.tr("sum.none", lang))
        return
    left, right = st.columns(2)
    metric_id = left.selectbox(
        app.T("compare.pick_rate"),
        rates,
        key="compare_rate",
        format_func=lambda m: ct.rate_name(m, lang),
    )
    unit = (
        right.segmented_control(
            app.T("compare.pick_unit"),
            cn.UNITS,
            key="compare_unit",
            default=cn.UNITS[0],
            format_func=lambda u: ct.tr(f"unit.{u}", lang),
        )
        or cn.UNITS[0]
    )
    app.cached_chart(
        "pelatihan_corong_unit",
        (filters, metric_id, unit),
        lambda lang: _funnel_chart(filters, metric_id, unit, lang),
    )
    few = app.views(
        "compare:too_few",
        lambda _key, lang: ct.too_few_line(_funnel_of(filters, metric_id, unit), lang),
        (filters, metric_id, unit),
    )
    if few:
        st.caption(few)


def _funnel_of(filters: Filters, metric_id: str, unit: str) -> cn.Funnel:
    path = app.db_file()
    return _funnel(str(path), app.stamp(path), filters, metric_id, unit)


def _funnel_chart(filters: Filters, metric_id: str, unit: str, lang: str) -> app.Built:
    funnel = _funnel_of(filters, metric_id, unit)
    return (
        cc.funnel_figure(funnel, lang),
        tb.funnel_table(funnel, lang),
        ct.funnel_sentence(funnel, lang),
    )


def scorecard_section(filters: Filters) -> None:
    """The provider scorecard: one table, open, with its sentence."""
    st.header(app.T("compare.score_title"))
    st.caption(app.T("compare.score_note"))
    app.cached_chart(
        "kartu_skor",
        filters,
        lambda lang: _scorecard_view(filters, lang),
        expanded=True,
    )


def _scorecard_view(filters: Filters, lang: str) -> app.Built:
    path = app.db_file()
    card = _scorecard(str(path), app.stamp(path), filters)
    return None, tb.scorecard_table(card, lang), ct.scorecard_sentence(card, lang)
