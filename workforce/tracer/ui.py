"""Streamlit side of the 12-month figures: the Ringkasan card and the Penempatan
"6 → 12 bulan" view, each with its response rate and, under 60%, a warning."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from workforce import app
from workforce.core import i18n
from workforce.core.filters import Filters
from workforce.tracer import charts
from workforce.tracer import numbers as tn
from workforce.tracer import text as tt


@st.cache_data(max_entries=64, show_spinner=False)
def _lasting(path: str, file_stamp: app.Stamp, filters: Filters) -> tn.Lasting:
    return tn.lasting(app.conn(), filters)


@st.cache_data(max_entries=64, show_spinner=False)
def _step(path: str, file_stamp: app.Stamp, filters: Filters) -> tn.SixToTwelve:
    return tn.six_to_twelve(app.conn(), filters)


def warning_if_low(response: float | None, lang: str) -> None:
    """The visible warning of a 12-month rate resting on under 60% answers."""
    if response is not None and response < tn.LOW_RESPONSE_PCT:
        st.warning(tt.low_response_warning(response, lang), icon=":material/warning:")


def lasting_card(filters: Filters) -> None:
    """Ringkasan: the 12-month rate beside the 6-month one, the response rate below."""
    path = app.db_file()
    data = _lasting(str(path), app.stamp(path), filters)
    lang = app.lang()
    with st.container(border=True):
        st.markdown(f"**{tt.tr('card.title', lang)}**")
        six, twelve = st.columns(2)
        six.metric(
            data.six.metric.short_name(lang),
            tt.pct(data.six.value, lang),
            help=data.six.metric.definition(lang),
        )
        twelve.metric(
            data.twelve.metric.short_name(lang),
            tt.pct(data.twelve.value, lang),
            help=data.twelve.metric.definition(lang),
        )
        st.caption(
            tt.tr(
                "card.response",
                lang,
                response=tt.pct(data.response.value, lang),
                answered=i18n.fmt_number(data.response.numerator or 0, lang, 0),
                cohort=i18n.fmt_number(data.response.denominator or 0, lang, 0),
            )
        )
        if data.warn:
            warning_if_low(data.response.value, lang)
        st.caption(tt.lasting_sentence(data, lang))


def step_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The chart's numbers with headers in the reader's language."""
    return pd.DataFrame(
        {
            tt.tr("step.col.at6", lang): [
                tt.tr(f"step.at6.{a}", lang) for a in frame["at_6"]
            ],
            tt.tr("step.col.at12", lang): [
                tt.tr(f"step.group.{g}", lang) for g in frame["group"]
            ],
            tt.tr("step.col.count", lang): frame["count"],
            tt.tr("step.col.pct", lang): [tt.pct(v, lang) for v in frame["pct"]],
        }
    )


def six_to_twelve_section(filters: Filters) -> None:
    """Penempatan: of those placed within 6 months, how many still work at 12; how
    many of the others found work after 6 months."""
    path = app.db_file()
    step = _step(str(path), app.stamp(path), filters)
    lang = app.lang()
    st.subheader(tt.tr("step.title", lang))
    st.caption(tt.tr("step.note", lang))
    if step.answered == 0:
        st.info(tt.six_to_twelve_sentence(step, lang))
        return
    warning_if_low(step.response_pct, lang)
    app.cached_chart(
        "penempatan_6_12", filters, lambda lang: _step_chart(filters, lang)
    )


def _step_chart(filters: Filters, lang: str) -> app.Built:
    path = app.db_file()
    step = _step(str(path), app.stamp(path), filters)
    frame = tn.six_to_twelve_frame(step)
    return (
        charts.six_to_twelve_figure(frame, lang),
        step_table(frame, lang),
        tt.six_to_twelve_sentence(step, lang),
    )
