"""Streamlit helpers of the outcome pages: cached registry values and small blocks.

``metric(id, filters)`` computes a KPI through the registry (``metrics.compute``)
once per database file, KPI and selection; pages never compute a KPI themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from workforce import app
from workforce.core import metrics
from workforce.core import palette as charts
from workforce.core.filters import Filters
from workforce.core.metrics import Result
from workforce.outcomes import charts as ch
from workforce.outcomes import numbers as oc
from workforce.outcomes import tables as tb
from workforce.outcomes import text as ot

_FilterKey = tuple[
    int, int | None, tuple[tuple[str, tuple[str, ...]], ...], date | None
]


def _key(filters: Filters) -> _FilterKey:
    dims = tuple(sorted((k, tuple(v)) for k, v in filters.dims.items() if v))
    return (filters.tahun, filters.kuartal, dims, filters.as_of)


@st.cache_data(max_entries=256, show_spinner=False)
def _metric(
    path: str, file_stamp: app.Stamp, metric_id: str, key: _FilterKey
) -> Result:
    tahun, kuartal, dims, as_of = key
    filters = Filters(tahun, kuartal, dict(dims), as_of)
    return metrics.compute(app.conn(), metric_id, filters)


def metric(metric_id: str, filters: Filters) -> Result:
    """A KPI of the registry for a selection (cached per database file)."""
    path = app.db_file()
    return _metric(str(path), app.stamp(path), metric_id, _key(filters))


def reporting_date(filters: Filters) -> date:
    """The reporting date: the data date, else the last day of the period."""
    return filters.as_of or filters.end


def section(title_key: str, note_key: str | None = None, **values: object) -> None:
    """A section heading with an optional short note under it."""
    st.subheader(app.T(title_key))
    if note_key:
        st.caption(app.T(note_key, **values))


def choice(
    label_key: str, options: tuple[str, ...], key: str, label_of: Callable[[str], str]
) -> str:
    """One option of a few: a segmented control up to 3 options, else a select box
    (both fit a phone's width). ``label_of`` must not read the session (AppTest
    calls it outside the script run): bind the language before."""
    if len(options) <= 3:
        picked = st.segmented_control(
            app.T(label_key), options, key=key, default=options[0], format_func=label_of
        )
        return picked or options[0]
    return st.selectbox(app.T(label_key), options, key=key, format_func=label_of)


def breakdown_section(
    by_group: pd.DataFrame, dims: tuple[str, ...], key: str, filters: Filters
) -> None:
    """A dimension picker, the rate chart (batches: table only) with its sentence,
    and the sortable table with n beside every rate and a CSV download. A breakdown
    counted per enrolment (``oc.PER_ENROLMENT``) is queried when it is picked."""
    lang = app.lang()
    dim = choice("outcomes.group_by", dims, key, lambda d: ot.tr(f"dim.{d}", lang))
    if dim in oc.PER_ENROLMENT:
        by_group = app.query("pelatihan/outcomes_by_enrolment", filters, dimension=dim)
    rows = oc.breakdown(by_group, dim)
    fig = None if dim == "kode_program" or rows.empty else ch.rate_bars(rows, dim, lang)
    table = tb.breakdown_table(rows, dim, lang)
    open_chart(fig, table, ot.rates_sentence(rows, dim, lang), f"{key}_{dim}")


def open_chart(
    fig: go.Figure | None, data: pd.DataFrame, summary: str, name: str
) -> None:
    """Like ``app.chart`` but with the table open under the sentence (for charts
    whose table is the point: sortable, n beside every rate). No figure: the
    sentence and the table only."""
    if fig is not None:
        fig.update_layout(separators=charts.separators(app.lang()))
        st.plotly_chart(
            fig, width="stretch", config={"displaylogo": False}, key=f"chart_{name}"
        )
    st.caption(summary)
    app.data_table(data, name, expanded=True)
