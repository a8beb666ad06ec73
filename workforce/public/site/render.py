"""The public site's pages as HTML: the same figures, words and tables as the app.

Every page reads only the suppressed ``Publication`` and draws with the functions
of the transparency page (``public.text`` for cards, tables and sentences,
``public.charts`` for figures), so the site and the app cannot disagree. Every
number is in the HTML as text, in a table under each chart; charts are Plotly
figures drawn by ``site.js`` from JSON when JavaScript runs. Streamlit-free.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from workforce.core import i18n
from workforce.public import charts as pc
from workforce.public import release
from workforce.public import text as pv
from workforce.public.numbers import DIMENSIONS, Publication

TEMPLATES = Path(__file__).resolve().parent / "templates"
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
# Locale texts may carry Markdown (bold, links to sources); data values never do
# here (they are escaped before they reach a sentence). Raw HTML is escaped.
_MD = MarkdownIt("commonmark", {"html": False}).disable("image")


def markdown(text: str) -> Markup:
    """Markdown of a locale text as safe HTML (raw HTML escaped, no images)."""
    return Markup(_MD.render(text))


def plain(text: str) -> str:
    """A locale text without its Markdown emphasis, for a sentence or an attribute."""
    return text.replace("**", "").replace("__", "")


@dataclass(frozen=True)
class Table:
    """A table as shown: caption, header, rows of text, and which columns hold
    numbers (right-aligned)."""

    caption: str
    header: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)


# A cell that is a figure as the app shows it: 1.204 · 7,41% · Rp 5,3 juta · < 5 · *
# (a 12-month rate on under 60% answers: 58,20% ⚠; or one not yet available)
_FIGURE = re.compile(
    r"^([+\u2212±-]?(Rp )?[\d.,]+( ?%| poin| points| ribu| juta| miliar| triliun|"
    r" thousand| million| billion| trillion)?( ⚠)?|< \d+|\*|t\.a\.|n/a|"
    r"belum tersedia|not yet available)$"
)


@dataclass(frozen=True)
class Block:
    """One section: heading, the sentence, the chart (JSON) and its table."""

    id: str
    title: str
    summary: str
    table: Table
    chart: Markup | None = None
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def table(df: pd.DataFrame, caption: str) -> Table:
    """A DataFrame (already formatted as the app shows it) as a table of text."""
    rows = [["" if pd.isna(v) else str(v) for v in row] for row in df.to_numpy()]
    numeric = [
        all(_FIGURE.match(row[i]) for row in rows if row[i]) and any(r[i] for r in rows)
        for i in range(len(df.columns))
    ]
    return Table(caption, [str(c) for c in df.columns], rows, numeric)


def chart(fig: go.Figure, lang: str) -> Markup:
    """A figure as JSON in a script element; site.js draws it where JS runs."""
    fig.update_layout(separators=",." if lang == "id" else ".,")
    data = fig.to_json().replace("</", "<\\/")
    return Markup(
        f'<div class="plot"></div><script type="application/json" '
        f'class="figure">{data}</script>'
    )


def tpt_block(pub: Publication, year: int | None, lang: str) -> Block:
    """Unemployment of Kota Cilegon against Banten and Indonesia (BPS)."""
    title = i18n.t("public.h.tpt", lang)
    summary = pv.tpt_summary(pub, year, lang) if year else ""
    return Block(
        "tpt",
        title,
        plain(summary),
        table(pv.tpt_table(pub, lang), title),
        chart(pc.tpt_figure(pub.tpt, lang), lang),
        [plain(i18n.t("public.tpt.source", lang))],
    )


def dimension_block(pub: Publication, dim: str, year: int, lang: str) -> Block:
    """Participants and outcomes of ``year`` by one breakdown."""
    wide = pv.outcomes(pub, dim, year, lang)
    title = i18n.t(f"public.h.{dim}", lang, tahun=year)
    return Block(
        f"dim-{dim}",
        title,
        plain(pv.dimension_summary(wide, dim, year, lang)),
        table(pv.outcome_table(wide, dim, pub.limit, lang), title),
        chart(pc.category_figure(wide, "peserta", pub.limit, lang), lang),
        notes=[plain(i18n.t("public.outcomes.cohorts", lang))],
    )


def budget_block(pub: Publication, year: int, lang: str) -> Block:
    """Budget of ``year`` by funding source: pagu, realisasi, absorption, costs."""
    rows = pv.budget_rows(pub, year)
    title = i18n.t("public.h.budget", lang, tahun=year)
    date = i18n.fmt_date(pub.data_as_of, lang)
    return Block(
        "anggaran",
        title,
        plain(pv.budget_summary(rows, year, pub.limit, lang)),
        table(pv.budget_table(rows, pub.limit, lang), title),
        chart(pc.budget_figure(rows, lang), lang) if len(rows) else None,
        [plain(i18n.t("public.budget.source", lang, date=date))],
    )


def lasting_block(pub: Publication, lang: str) -> Block:
    """The 12-month employed rate per year of completion with its response rate,
    the warning where under 60% answered (as on the transparency page)."""
    title = i18n.t("public.h.lasting", lang)
    warning = pv.lasting_warning(pub, lang)
    return Block(
        "bertahan",
        title,
        plain(pv.lasting_summary(pub, lang)),
        table(pv.lasting_table(pub, lang), title),
        notes=[plain(i18n.t("public.lasting.note", lang))],
        warnings=[plain(warning)] if warning else [],
    )


def all_hidden(pub: Publication, year: int) -> bool:
    """True when every count of ``year`` is hidden by the disclosure rules."""
    counts = pub.outcomes[pub.outcomes["tahun"] == year]
    return bool(len(counts)) and bool((counts["status"] != "").all())


@dataclass(frozen=True)
class Context:
    """What every page of one language needs: paths, languages, the footer."""

    pub: Publication
    lang: str
    base_url: str
    generated: str

    @property
    def prefix(self) -> str:
        """The language's folder: ``""`` (Indonesian, at the root) or ``en/``."""
        return "" if self.lang == i18n.DEFAULT_LANG else f"{self.lang}/"

    def url(self, lang: str, name: str) -> str:
        """The absolute address of a page (for canonical, hreflang and sitemap)."""
        folder = "" if lang == i18n.DEFAULT_LANG else f"{lang}/"
        return f"{self.base_url}{folder}{name}"

    def common(self, page: str, name: str, title: str, description: str) -> dict:
        """The values of base.html for one page."""
        other = "en" if self.lang == "id" else "id"
        root = "../" if self.prefix else ""
        other_root = "" if other == i18n.DEFAULT_LANG else "en/"
        return {
            "lang": self.lang,
            "t": lambda key, **v: plain(i18n.t(key, self.lang, **v)),
            "page": page,
            "title": title,
            "description": description,
            "canonical": self.url(self.lang, name),
            "alternates": [
                {"lang": code, "href": self.url(code, name)} for code in i18n.LANGS
            ]
            + [{"lang": "x-default", "href": self.url(i18n.DEFAULT_LANG, name)}],
            "root": root,
            "here": "",
            "home": "index.html",
            "years": self.pub.reported_years,
            "other_lang": other,
            "other_label": i18n.t("lang.name", other),
            "other_href": f"{root}{other_root}{name}",
            "is_demo": self.pub.is_demo,
            "as_of": i18n.fmt_date(self.pub.data_as_of, self.lang),
            "release": release.label(self.pub, self.lang)
            if release.number(self.pub)
            else "",
            "limit": self.pub.limit,
            "generated": self.generated,
            "json_ld": [],
            "charts": False,
        }


def _render(template: str, values: dict[str, Any]) -> str:
    return _ENV.get_template(template).render(**values)


def index_page(ctx: Context) -> str:
    """The front page: the latest year's cards, the summary, unemployment."""
    pub, lang = ctx.pub, ctx.lang
    latest = pub.reported_years[-1] if pub.reported_years else None
    title = i18n.t("public.title", lang)
    values = ctx.common(
        "index", "index.html", title, plain(i18n.t("site.description", lang))
    )
    values |= {
        "latest": latest,
        "cards": pv.cards(pub, latest, lang) if latest else [],
        "summary": plain(pv.years_summary(pub, latest, lang)) if latest else "",
        "tpt": tpt_block(pub, latest or datetime.now(UTC).year, lang),
        "lasting": lasting_block(pub, lang) if latest else None,
        "charts": True,
    }
    return _render("index.html", values)


def year_page(ctx: Context, year: int) -> str:
    """One year: outcomes by each breakdown, budget by funding source."""
    pub, lang = ctx.pub, ctx.lang
    name = f"tahun-{year}.html"
    title = plain(i18n.t("site.year_title", lang, tahun=year))
    values = ctx.common(f"year-{year}", name, title, title)
    blocks = [dimension_block(pub, dim, year, lang) for dim in DIMENSIONS]
    values |= {
        "year": year,
        "blocks": [*blocks, budget_block(pub, year, lang)],
        "all_hidden": all_hidden(pub, year),
        "charts": True,
    }
    return _render("year.html", values)


def method_page(ctx: Context) -> str:
    """Every KPI definition, the suppression rule, the data date and the sources."""
    title = i18n.t("public.h.method", ctx.lang)
    values = ctx.common("method", "metodologi.html", title, title)
    values["body"] = markdown(pv.methodology(ctx.pub, ctx.lang))
    return _render("method.html", values)


def data_page(ctx: Context, files: list[dict], json_ld: list[str]) -> str:
    """The open-data files, each with a schema.org Dataset description."""
    title = i18n.t("public.h.open_data", ctx.lang)
    values = ctx.common(
        "data", "data.html", title, plain(i18n.t("site.data_lead", ctx.lang))
    )
    values |= {"files": files, "json_ld": [Markup(b) for b in json_ld]}
    return _render("data.html", values)


def dataset_json_ld(ctx: Context, resource: dict, years: list[int]) -> str:
    """A schema.org ``Dataset`` for one open-data table (CSV and Parquet)."""
    name = resource["path"].rsplit(".", 1)[0]
    block = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": resource["title"],
        "description": resource["description"],
        "url": f"{ctx.base_url}data/{name}.csv",
        "inLanguage": "id",
        "isAccessibleForFree": True,
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "creator": {"@type": "Organization", "name": "Dinas Tenaga Kerja Kota Cilegon"},
        "spatialCoverage": "Kota Cilegon, Banten, Indonesia",
        "dateModified": ctx.pub.info.get("data_as_of", ""),
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": media,
                "contentUrl": f"{ctx.base_url}data/{name}.{ext}",
            }
            for ext, media in (
                ("csv", "text/csv"),
                ("parquet", "application/vnd.apache.parquet"),
            )
        ],
    }
    if years:
        block["temporalCoverage"] = f"{years[0]}/{years[-1]}"
    return json.dumps(block, ensure_ascii=False).replace("</", "<\\/")
