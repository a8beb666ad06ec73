"""Streamlit side of the transparency page: the cached publication and its widgets.

``publication()`` is the page's only source of numbers: the latest published release
(``release.publication``: its frozen aggregates in an in-memory database,
suppressed), cached per database file stamp and threshold. Imports between two
releases never change it.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from workforce import app
from workforce.core import config, i18n
from workforce.core.markup import md
from workforce.public import charts as pc
from workforce.public import disclosure, open_data, release
from workforce.public import text as pv
from workforce.public.numbers import Publication
from workforce.public.text import CardView

CARDS_PER_ROW = 3


# shared by every tab of the worker, not copied per run (pandas copies on write: a
# reader's change never reaches the shared frames)
@st.cache_resource(max_entries=4, show_spinner=False)
def _publication(path: str, file_stamp: app.Stamp, limit: int) -> Publication | None:
    return release.publication(app.conn(), limit)


def publication() -> Publication | None:
    """The suppressed figures of the latest release (None before the first)."""
    path = app.db_file()
    return _publication(str(path), app.stamp(path), disclosure.threshold())


def cards(views: list[CardView], year: int) -> None:
    """KPI cards in rows of three (one column on a phone), definition on hover."""
    for start in range(0, len(views), CARDS_PER_ROW):
        row = views[start : start + CARDS_PER_ROW]
        for col, view in zip(st.columns(CARDS_PER_ROW), row, strict=False):
            col.metric(
                view.name,
                view.value,
                delta=view.change.replace(i18n.MINUS, "-")
                or None,  # Streamlit reads the sign
                delta_color="inverse" if view.better == "lower" else "normal",
                delta_description=app.T("public.card.since", tahun=year - 1),
                help=view.definition,
                border=True,
            )
            if view.status:
                col.caption(
                    app.T("public.card.status", status=view.status, target=view.target)
                )


def download(pub: Publication) -> None:
    """The open-data zip (built when the button is clicked)."""
    stamp = (pub.info.get("data_as_of") or "data").replace("-", "")
    st.download_button(
        app.T("public.open_data.button"),
        data=lambda: open_data.zip_bytes(pub),
        file_name=f"cilegon_data_terbuka_{stamp}.zip",
        mime="application/zip",
        icon=":material/download:",
        key="public_open_data",
    )


@dataclass(frozen=True)
class Views:
    """Everything the transparency page draws for one year and language."""

    cards: list[CardView]
    tpt: app.ChartView
    years: app.ChartView
    lasting_summary: str
    lasting_warning: str
    lasting: app.TableView
    dimensions: list[tuple[str, app.ChartView]]
    budget: app.ChartView
    methodology: str


def build_views(key: tuple[int, int], lang: str) -> Views:
    """The page's figures, tables and sentences for a year (cached by
    ``app.views`` per year, language and database file)."""
    year, limit = key
    pub = publication()
    assert pub is not None and pub.limit == limit
    by_year = pv.outcomes(pub, "total", lang=lang)
    dimensions = []
    for dim in ("kejuruan", "kecamatan", "jenis"):
        wide = pv.outcomes(pub, dim, year, lang)
        view = app.chart_view(
            pc.category_figure(wide, "peserta", limit, lang),
            pv.outcome_table(wide, dim, limit, lang),
            pv.dimension_summary(wide, dim, year, lang),
            f"publik_{dim}",
            lang,
        )
        dimensions.append((dim, view))
    budget = pv.budget_rows(pub, year)
    return Views(
        cards=pv.cards(pub, year, lang),
        tpt=app.chart_view(
            pc.tpt_figure(pub.tpt, lang),
            pv.tpt_table(pub, lang),
            pv.tpt_summary(pub, year, lang),
            "publik_tpt",
            lang,
        ),
        years=app.chart_view(
            pc.years_figure(by_year, pv.CHART_MEASURES, limit, lang),
            pv.outcome_table(by_year, "tahun", limit, lang),
            pv.years_summary(pub, year, lang),
            "publik_tahunan",
            lang,
        ),
        lasting_summary=pv.lasting_summary(pub, lang),
        lasting_warning=pv.lasting_warning(pub, lang),
        lasting=app.table_view(pv.lasting_table(pub, lang), lang),
        dimensions=dimensions,
        budget=app.chart_view(
            pc.budget_figure(budget, lang),
            pv.budget_table(budget, limit, lang),
            pv.budget_summary(budget, year, limit, lang),
            "publik_anggaran",
            lang,
        ),
        methodology=pv.methodology(pub, lang),
    )


def lasting(views: Views) -> None:
    """The 12-month employed rate per year of completion with its response rate;
    a visible warning where under 60% of the cohort answered."""
    st.header(app.T("public.h.lasting"))
    st.markdown(views.lasting_summary)
    if views.lasting_warning:
        app.warning(views.lasting_warning)
    app.show_table(views.lasting)
    st.caption(app.T("public.lasting.note"))


# ---- the page ----------------------------------------------------------------


def page() -> None:
    """Transparansi Publik: headline figures, outcomes, budget, open data, method."""
    pub = publication()
    if pub is None:
        st.title(app.T("public.title"))
        st.markdown(app.T("public.intro"))
        st.info(app.T("release.none"), icon=":material/schedule:")
        st.stop()
    lang, limit = app.lang(), pub.limit
    f = app.filters()
    year = pv.pick_year(pub, f.tahun)
    as_of = i18n.fmt_date(pub.data_as_of, lang)

    st.title(app.T("public.title"))
    st.markdown(app.T("public.intro"))
    st.markdown(f"**{release.label(pub, lang)}**")
    note = md(pub.info.get(release.NOTE, ""))
    st.caption(app.T("release.note_shown", note=note))
    st.caption(app.T("public.as_of", date=as_of, limit=limit))
    if static := config.site_url_public():
        st.link_button(app.T("public.static_site"), static, icon=":material/article:")
        if static.startswith("/"):  # served here: the proxy sends shared links there
            st.caption(app.T("public.shared_link"))
    if ignored := app.ignored_filters():
        keys = ("filter.periode" if n == "kuartal" else f"filter.{n}" for n in ignored)
        names = ", ".join(app.T(key) for key in keys)
        st.info(app.T("public.scope_note", filters=names), icon=":material/info:")
    if not pub.years:
        st.info(app.T("public.no_data"))
        st.stop()
    views: Views = app.views("transparansi", build_views, (year, limit))

    st.header(app.T("public.h.kpi", tahun=year))
    cards(views.cards, year)
    st.caption(app.T("public.kpi_sources", date=as_of))

    st.header(app.T("public.h.tpt"))
    app.show_chart(views.tpt)
    st.caption(app.T("public.tpt.source"))

    st.header(app.T("public.h.years"))
    app.show_chart(views.years)
    st.caption(app.T("public.outcomes.source", date=as_of))
    st.caption(app.T("public.legend", limit=limit))

    lasting(views)

    for dim, view in views.dimensions:
        st.header(app.T(f"public.h.{dim}", tahun=year))
        app.show_chart(view)
    st.caption(app.T("public.outcomes.cohorts"))
    st.caption(app.T("public.legend", limit=limit))

    st.header(app.T("public.h.budget", tahun=year))
    app.show_chart(views.budget)
    st.caption(app.T("public.budget.source", date=as_of))

    st.header(app.T("public.h.open_data"))
    st.markdown(app.T("public.open_data.text"))
    download(pub)

    st.header(app.T("public.h.method"))
    st.markdown(views.methodology)
