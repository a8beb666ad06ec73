"""Streamlit side of the transparency page: the cached publication and its widgets.

``publication()`` is the page's only source of numbers: the latest published release
(``release.publication``: its frozen aggregates in an in-memory database,
suppressed), cached per database file stamp and threshold. Imports between two
releases never change it.
"""

from __future__ import annotations

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


@st.cache_data(max_entries=4, show_spinner=False)
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


def lasting(pub: Publication) -> None:
    """The 12-month employed rate per year of completion with its response rate;
    a visible warning where under 60% of the cohort answered."""
    lang = app.lang()
    st.header(app.T("public.h.lasting"))
    st.markdown(pv.lasting_summary(pub, lang))
    if warning := pv.lasting_warning(pub, lang):
        st.warning(warning, icon=":material/warning:")
    app.table(pv.lasting_table(pub, lang))
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
    if ignored := app.ignored_filters():
        keys = ("filter.periode" if n == "kuartal" else f"filter.{n}" for n in ignored)
        names = ", ".join(app.T(key) for key in keys)
        st.info(app.T("public.scope_note", filters=names), icon=":material/info:")
    if not pub.years:
        st.info(app.T("public.no_data"))
        st.stop()

    st.header(app.T("public.h.kpi", tahun=year))
    cards(pv.cards(pub, year, lang), year)
    st.caption(app.T("public.kpi_sources", date=as_of))

    st.header(app.T("public.h.tpt"))
    app.chart(
        pc.tpt_figure(pub.tpt, lang),
        pv.tpt_table(pub, lang),
        pv.tpt_summary(pub, year, lang),
        "publik_tpt",
    )
    st.caption(app.T("public.tpt.source"))

    st.header(app.T("public.h.years"))
    by_year = pv.outcomes(pub, "total", lang=lang)
    app.chart(
        pc.years_figure(by_year, pv.CHART_MEASURES, limit, lang),
        pv.outcome_table(by_year, "tahun", limit, lang),
        pv.years_summary(pub, year, lang),
        "publik_tahunan",
    )
    st.caption(app.T("public.outcomes.source", date=as_of))
    st.caption(app.T("public.legend", limit=limit))

    lasting(pub)

    for dim in ("kejuruan", "kecamatan", "jenis"):
        st.header(app.T(f"public.h.{dim}", tahun=year))
        wide = pv.outcomes(pub, dim, year, lang)
        app.chart(
            pc.category_figure(wide, "peserta", limit, lang),
            pv.outcome_table(wide, dim, limit, lang),
            pv.dimension_summary(wide, dim, year, lang),
            f"publik_{dim}",
        )
    st.caption(app.T("public.legend", limit=limit))

    st.header(app.T("public.h.budget", tahun=year))
    budget = pv.budget_rows(pub, year)
    app.chart(
        pc.budget_figure(budget, lang),
        pv.budget_table(budget, limit, lang),
        pv.budget_summary(budget, year, limit, lang),
        "publik_anggaran",
    )
    st.caption(app.T("public.budget.source", date=as_of))

    st.header(app.T("public.h.open_data"))
    st.markdown(app.T("public.open_data.text"))
    download(pub)

    st.header(app.T("public.h.method"))
    st.markdown(pv.methodology(pub, lang))
