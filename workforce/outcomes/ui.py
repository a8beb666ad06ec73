"""Streamlit helpers of the outcome pages: cached registry values and small blocks.

``app.kpi(id, filters)`` computes a KPI through the registry (``metrics.compute``)
once per database file, KPI and selection; pages never compute a KPI themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from workforce import app
from workforce.compare import ui as compare
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


def breakdown_section(dims: tuple[str, ...], key: str, filters: Filters) -> None:
    """A dimension picker, the rate chart (batches: table only) with its sentence,
    and the sortable table with n beside every rate and a CSV download, open."""
    lang = app.lang()
    dim = choice("outcomes.group_by", dims, key, lambda d: ot.tr(f"dim.{d}", lang))
    app.cached_chart(
        f"{key}_{dim}",
        filters,
        lambda lang: _breakdown(filters, dim, lang),
        expanded=True,
    )


def _breakdown(filters: Filters, dim: str, lang: str) -> app.Built:
    """One breakdown's rates; one counted per enrolment (``oc.PER_ENROLMENT``) is
    queried when it is picked."""
    if dim in oc.PER_ENROLMENT:
        by_group = app.query("pelatihan/outcomes_by_enrolment", filters, dimension=dim)
    else:
        by_group = app.query("pelatihan/outcomes_by_group", filters)
    rows = oc.breakdown(by_group, dim)
    fig = None if dim == "kode_program" or rows.empty else ch.rate_bars(rows, dim, lang)
    return fig, tb.breakdown_table(rows, dim, lang), ot.rates_sentence(rows, dim, lang)


# ---- the page ----------------------------------------------------------------


def training_page() -> None:
    """Hasil Pelatihan: the funnel, breakdowns, equity and cohorts."""
    app.page_header("nav.pelatihan", "outcomes.pelatihan.intro")
    filters = app.filters()
    lang = app.lang()

    section("outcomes.pelatihan.funnel_title", "outcomes.pelatihan.funnel_note")
    app.cached_chart("pelatihan_corong", filters, lambda lang: _funnel(filters, lang))

    section("outcomes.pelatihan.breakdown_title", "outcomes.small_n_note")
    breakdown_section(oc.BREAKDOWNS, "pelatihan_rincian", filters)

    section("outcomes.pelatihan.equity_title", "outcomes.small_n_note")
    breakdown_section(oc.EQUITY, "pelatihan_kesetaraan", filters)

    # who really differs: funnel plot and provider scorecard
    compare.funnel_section(filters)
    compare.scorecard_section(filters)

    section("outcomes.pelatihan.cohort_title", "outcomes.pelatihan.cohort_note")
    grain = choice(
        "outcomes.pelatihan.cohort_grain",
        ("tahun", "kuartal"),
        "pelatihan_grain",
        lambda g: ot.tr(f"grain.{g}", lang),
    )
    if not app.cached_chart(
        "pelatihan_angkatan",
        (filters, grain),
        lambda lang: _cohorts(filters, grain, lang),
    ):
        st.info(app.T("outcomes.no_data"))


def _funnel(filters: Filters, lang: str) -> app.Built:
    stages = oc.funnel(app.query("pelatihan/outcomes_by_group", filters))
    return (
        ch.funnel_figure(stages, lang),
        tb.funnel_table(stages, lang),
        ot.funnel_sentence(stages, filters, lang),
    )


def _cohorts(filters: Filters, grain: str, lang: str) -> app.Built | None:
    cohorts = app.query("pelatihan/cohort_placement", filters)
    curve = oc.cohort_curve(cohorts, grain, reporting_date(filters))
    if curve.empty:
        return None
    return (
        ch.cohort_figure(curve, grain, lang),
        tb.cohort_table(curve, grain, lang),
        ot.cohort_sentence(curve, grain, lang),
    )


# ---- the page ----------------------------------------------------------------


def placement_page() -> None:
    """Penempatan: over time, sectors and employers, local share, wages, time."""
    app.page_header("nav.penempatan", "outcomes.penempatan.intro")
    filters = app.filters()

    section("outcomes.penempatan.trend_title")
    app.cached_chart(
        "penempatan_bulanan", filters, lambda lang: _monthly(filters, lang)
    )

    tracer.six_to_twelve_section(filters)

    section("outcomes.penempatan.sector_title")
    app.cached_chart("penempatan_sektor", filters, lambda lang: _sectors(filters, lang))
    section("outcomes.penempatan.employer_title")
    app.cached_chart(
        "penempatan_perusahaan", filters, lambda lang: _employers(filters, lang)
    )

    section("outcomes.penempatan.local_title")
    app.cached_chart("penempatan_lokal", filters, lambda lang: _local(filters, lang))

    section("outcomes.penempatan.wage_title", "outcomes.penempatan.wage_note")
    if not app.cached_chart(
        "penempatan_upah", filters, lambda lang: _wages(filters, lang)
    ):
        st.info(app.T("outcomes.no_data"))

    section("outcomes.penempatan.time_title")
    app.cached_chart("penempatan_waktu", filters, lambda lang: _time(filters, lang))


# Each chart of Penempatan: its figure, table and sentence for a selection.


def _monthly(filters: Filters, lang: str) -> app.Built:
    by_month = app.query("penempatan/by_month", filters)
    return (
        ch.monthly_figure(by_month, filters.start, filters.end, lang),
        tb.monthly_table(by_month, lang),
        ot.trend_sentence(app.kpi("penempatan", filters), filters, lang),
    )


def _sectors(filters: Filters, lang: str) -> app.Built:
    employers = app.query("penempatan/by_employer", filters)
    sectors = oc.sectors(employers)
    return (
        ch.sector_figure(sectors, lang),
        tb.sector_table(sectors, lang),
        ot.sector_sentence(sectors, oc.apindo_share(employers), lang),
    )


def _employers(filters: Filters, lang: str) -> app.Built:
    employers = app.query("penempatan/by_employer", filters)
    top = oc.top_employers(employers)
    return (
        ch.employer_figure(top, lang),
        tb.employer_table(employers, lang),
        ot.employer_sentence(employers, top, lang),
    )


def _local(filters: Filters, lang: str) -> app.Built:
    local = app.query("penempatan/local_by_kejuruan", filters)
    return (
        ch.local_figure(local, lang),
        tb.local_table(local, lang),
        ot.local_sentence(app.kpi("porsi_lokal", filters), local, lang),
    )


def _wages(filters: Filters, lang: str) -> app.Built | None:
    wages = app.query("penempatan/wage_by_kejuruan", filters)
    wage_rows = oc.wage_rows(wages)
    if wage_rows.empty:
        return None
    _, umk, _ = oc.wage_total(wages)
    return (
        ch.wage_figure(wage_rows, umk, filters.tahun, lang),
        tb.wage_table(wage_rows, lang),
        ot.wage_sentence(
            wage_rows,
            app.kpi("upah_median", filters),
            app.kpi("upah_vs_umk", filters),
            lang,
        ),
    )


def _time(filters: Filters, lang: str) -> app.Built:
    bins = app.query("penempatan/time_to_placement", filters)
    return (
        ch.time_figure(bins, lang),
        tb.time_table(bins, lang),
        ot.time_sentence(bins, filters, lang),
    )


# ---- the page ----------------------------------------------------------------


def link_match_page() -> None:
    """Link & Match: the gap per kejuruan, year after year, and employers."""
    app.page_header("nav.link_match", "outcomes.link.intro")
    filters = app.filters()
    st.caption(app.T("outcomes.link.filter_note"))

    section("outcomes.link.gap_title", "outcomes.link.gap_note")
    if not app.cached_chart(
        "link_match_kesenjangan",
        filters,
        lambda lang: _gap(filters, lang),
        expanded=True,
    ):
        st.info(app.T("outcomes.no_data"))

    section(
        "outcomes.link.years_title", "outcomes.link.persist_note", n=oc.PERSISTENT_YEARS
    )
    if not app.cached_chart(
        "link_match_tahunan", filters, lambda lang: _persistence(filters, lang)
    ):
        st.info(app.T("outcomes.no_data"))

    section("outcomes.link.employers_title")
    if not app.cached_chart(
        "link_match_perusahaan", filters, lambda lang: _employers_none(filters, lang)
    ):  # every employer with vacancies hired a graduate: the sentence says so
        st.caption(
            app.views(
                "link_match:employers_sentence",
                lambda _key, lang: _employers_none_sentence(filters, lang),
                filters,
            )
        )


def _gap(filters: Filters, lang: str) -> app.Built | None:
    year_rows = oc.gap_year(app.query("link_match/gap_by_year", filters), filters.tahun)
    if year_rows.empty:
        return None
    return (
        ch.gap_figure(year_rows, lang),
        tb.gap_table(year_rows, lang),
        ot.gap_sentence(year_rows, filters.tahun, lang),
    )


def _persistence(filters: Filters, lang: str) -> app.Built | None:
    gaps = app.query("link_match/gap_by_year", filters)
    years = list(range(filters.tahun - 4, filters.tahun + 1))
    persist = oc.persistence(gaps, filters.tahun, len(years))
    if persist.empty:
        return None
    return (
        ch.gap_heatmap(gaps, persist["kejuruan"].tolist(), years, lang),
        tb.persistence_table(persist, gaps, years, lang),
        ot.persistence_sentence(persist, lang),
    )


def _employers_none_sentence(filters: Filters, lang: str) -> str:
    vacancies = app.query("link_match/employer_vacancies", filters)
    none_hired = oc.employers_without_graduates(vacancies)
    return ot.employers_sentence(vacancies, none_hired, filters.tahun, lang)


def _employers_none(filters: Filters, lang: str) -> app.Built | None:
    vacancies = app.query("link_match/employer_vacancies", filters)
    none_hired = oc.employers_without_graduates(vacancies)
    if none_hired.empty:
        return None
    return (
        ch.employers_figure(none_hired, lang),
        tb.employers_vacancy_table(none_hired, lang),
        ot.employers_sentence(vacancies, none_hired, filters.tahun, lang),
    )
