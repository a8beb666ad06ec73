"""Streamlit helpers of the outcome pages: cached registry values and small blocks.

``app.kpi(id, filters)`` computes a KPI through the registry (``metrics.compute``)
once per database file, KPI and selection; pages never compute a KPI themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from workforce import app
from workforce.compare import ui as compare
from workforce.core import markup
from workforce.core import palette as charts
from workforce.core.filters import Filters
from workforce.outcomes import charts as ch
from workforce.outcomes import numbers as oc
from workforce.outcomes import tables as tb
from workforce.outcomes import text as ot
from workforce.tracer import ui as tracer


def reporting_date(filters: Filters) -> date:
    """The reporting date: the data date, else the last day of the period."""
    return filters.as_of or filters.end


def section(title_key: str, note_key: str | None = None, **values: object) -> None:
    """A section heading with an optional short note under it."""
    st.header(app.T(title_key))
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
            markup.plain_figure(fig),
            width="stretch",
            config={"displaylogo": False},
            key=f"chart_{name}",
        )
    st.caption(summary)
    app.data_table(data, name, expanded=True)


# ---- the page ----------------------------------------------------------------


def training_page() -> None:
    """Hasil Pelatihan: the funnel, breakdowns, equity and cohorts."""
    app.page_header("nav.pelatihan", "outcomes.pelatihan.intro")
    filters = app.filters()
    lang = app.lang()
    by_group = app.query("pelatihan/outcomes_by_group", filters)

    # ---- funnel ---------------------------------------------------------------------
    section("outcomes.pelatihan.funnel_title", "outcomes.pelatihan.funnel_note")
    stages = oc.funnel(by_group)
    app.chart(
        ch.funnel_figure(stages, lang),
        tb.funnel_table(stages, lang),
        ot.funnel_sentence(stages, filters, lang),
        "pelatihan_corong",
    )

    # ---- by programme -------------------------------------------------------------------
    section("outcomes.pelatihan.breakdown_title", "outcomes.small_n_note")
    breakdown_section(by_group, oc.BREAKDOWNS, "pelatihan_rincian", filters)

    # ---- equity ----------------------------------------------------------------------------
    section("outcomes.pelatihan.equity_title", "outcomes.small_n_note")
    breakdown_section(by_group, oc.EQUITY, "pelatihan_kesetaraan", filters)

    # ---- who really differs: funnel plot and provider scorecard --------------------------
    compare.funnel_section(filters)
    compare.scorecard_section(filters)

    # ---- cohorts -------------------------------------------------------------------------
    section("outcomes.pelatihan.cohort_title", "outcomes.pelatihan.cohort_note")
    grain = choice(
        "outcomes.pelatihan.cohort_grain",
        ("tahun", "kuartal"),
        "pelatihan_grain",
        lambda g: ot.tr(f"grain.{g}", lang),
    )
    cohorts = app.query("pelatihan/cohort_placement", filters)
    curve = oc.cohort_curve(cohorts, grain, reporting_date(filters))
    if curve.empty:
        st.info(ot.tr("no_data", lang))
    else:
        app.chart(
            ch.cohort_figure(curve, grain, lang),
            tb.cohort_table(curve, grain, lang),
            ot.cohort_sentence(curve, grain, lang),
            "pelatihan_angkatan",
        )


# ---- the page ----------------------------------------------------------------


def placement_page() -> None:
    """Penempatan: over time, sectors and employers, local share, wages, time."""
    app.page_header("nav.penempatan", "outcomes.penempatan.intro")
    filters = app.filters()
    lang = app.lang()

    # ---- over time ----------------------------------------------------------------------
    section("outcomes.penempatan.trend_title")
    by_month = app.query("penempatan/by_month", filters)
    app.chart(
        ch.monthly_figure(by_month, filters.start, filters.end, lang),
        tb.monthly_table(by_month, lang),
        ot.trend_sentence(app.kpi("penempatan", filters), filters, lang),
        "penempatan_bulanan",
    )

    tracer.six_to_twelve_section(filters)

    # ---- sectors and employers --------------------------------------------------------------
    employers = app.query("penempatan/by_employer", filters)
    sectors = oc.sectors(employers)
    section("outcomes.penempatan.sector_title")
    app.chart(
        ch.sector_figure(sectors, lang),
        tb.sector_table(sectors, lang),
        ot.sector_sentence(sectors, oc.apindo_share(employers), lang),
        "penempatan_sektor",
    )

    section("outcomes.penempatan.employer_title")
    top = oc.top_employers(employers)
    app.chart(
        ch.employer_figure(top, lang),
        tb.employer_table(employers, lang),
        ot.employer_sentence(employers, top, lang),
        "penempatan_perusahaan",
    )

    # ---- local or outside ----------------------------------------------------------------
    section("outcomes.penempatan.local_title")
    local = app.query("penempatan/local_by_kejuruan", filters)
    app.chart(
        ch.local_figure(local, lang),
        tb.local_table(local, lang),
        ot.local_sentence(app.kpi("porsi_lokal", filters), local, lang),
        "penempatan_lokal",
    )

    # ---- wages ------------------------------------------------------------------------------
    section("outcomes.penempatan.wage_title", "outcomes.penempatan.wage_note")
    wages = app.query("penempatan/wage_by_kejuruan", filters)
    wage_rows = oc.wage_rows(wages)
    _, umk, _ = oc.wage_total(wages)
    if wage_rows.empty:
        st.info(ot.tr("no_data", lang))
    else:
        app.chart(
            ch.wage_figure(wage_rows, umk, filters.tahun, lang),
            tb.wage_table(wage_rows, lang),
            ot.wage_sentence(
                wage_rows,
                app.kpi("upah_median", filters),
                app.kpi("upah_vs_umk", filters),
                lang,
            ),
            "penempatan_upah",
        )

    # ---- time to placement ------------------------------------------------------------------
    section("outcomes.penempatan.time_title")
    bins = app.query("penempatan/time_to_placement", filters)
    app.chart(
        ch.time_figure(bins, lang),
        tb.time_table(bins, lang),
        ot.time_sentence(bins, filters, lang),
        "penempatan_waktu",
    )


# ---- the page ----------------------------------------------------------------


def link_match_page() -> None:
    """Link & Match: the gap per kejuruan, year after year, and employers."""
    app.page_header("nav.link_match", "outcomes.link.intro")
    filters = app.filters()
    lang = app.lang()
    st.caption(app.T("outcomes.link.filter_note"))
    gaps = app.query("link_match/gap_by_year", filters)
    years = list(range(filters.tahun - 4, filters.tahun + 1))

    # ---- the selected year -------------------------------------------------------------
    section("outcomes.link.gap_title", "outcomes.link.gap_note")
    year_rows = oc.gap_year(gaps, filters.tahun)
    if year_rows.empty:
        st.info(ot.tr("no_data", lang))
    else:
        open_chart(
            ch.gap_figure(year_rows, lang),
            tb.gap_table(year_rows, lang),
            ot.gap_sentence(year_rows, filters.tahun, lang),
            "link_match_kesenjangan",
        )

    # ---- year after year -----------------------------------------------------------------
    section(
        "outcomes.link.years_title", "outcomes.link.persist_note", n=oc.PERSISTENT_YEARS
    )
    persist = oc.persistence(gaps, filters.tahun, len(years))
    if persist.empty:
        st.info(ot.tr("no_data", lang))
    else:
        app.chart(
            ch.gap_heatmap(gaps, persist["kejuruan"].tolist(), years, lang),
            tb.persistence_table(persist, gaps, years, lang),
            ot.persistence_sentence(persist, lang),
            "link_match_tahunan",
        )

    # ---- employers hiring no graduates ------------------------------------------------------
    section("outcomes.link.employers_title")
    vacancies = app.query("link_match/employer_vacancies", filters)
    none_hired = oc.employers_without_graduates(vacancies)
    sentence = ot.employers_sentence(vacancies, none_hired, filters.tahun, lang)
    if none_hired.empty:
        st.caption(sentence)
    else:
        app.chart(
            ch.employers_figure(none_hired, lang),
            tb.employers_vacancy_table(none_hired, lang),
            sentence,
            "link_match_perusahaan",
        )
