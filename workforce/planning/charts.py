"""Figures and their one-sentence summaries for the planner page and the meeting pack.

The same function draws a chart on screen and in the PDF, so the two look alike:
template ``workforce`` (Okabe-Ito palette), colours set explicitly, and the
language's decimal separators.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from workforce.core import i18n
from workforce.core import palette as charts
from workforce.planning import planner
from workforce.planning.planner import OVERSUPPLY_RATIO, rates_for

BLUE, ORANGE, GREEN, GREY = (
    charts.PALETTE[0],
    charts.PALETTE[1],
    charts.PALETTE[2],
    "#6B7280",
)


_t = i18n.Scope("planner")


def layout(fig: go.Figure, lang: str, height: int, title: str) -> go.Figure:
    """The planner's chart look: template, height, title and number separators."""
    fig.update_layout(
        template="workforce",
        separators=charts.separators(lang),
        height=height,
        title={"text": title, "font": {"size": 15}},
        legend={"orientation": "h", "y": -0.12},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
    )
    return fig


# ---- scenario: graduates against vacancies ----------------------------------------


def scenario_figure(
    proj: pd.DataFrame, lang: str, vacancy_year: int | None
) -> go.Figure:
    """Projected graduates (with their range) beside reported vacancies, per kejuruan."""
    data = proj.sort_values("graduates")
    fig = go.Figure()
    fig.add_bar(
        y=data["kejuruan"],
        x=data["graduates"],
        orientation="h",
        name=_t("chart.graduates", lang),
        marker_color=BLUE,
        error_x={
            "type": "data",
            "symmetric": False,
            "array": data["graduates_high"] - data["graduates"],
            "arrayminus": data["graduates"] - data["graduates_low"],
            "color": "#1F2933",
        },
    )
    fig.add_bar(
        y=data["kejuruan"],
        x=data["vacancies"],
        orientation="h",
        name=_t("chart.vacancies", lang, year=vacancy_year or "–"),
        marker_color=ORANGE,
    )
    fig.update_layout(barmode="group", yaxis={"automargin": True})
    height = max(320, 60 + 34 * len(data))
    return layout(fig, lang, height, _t("chart.scenario_title", lang))


def scenario_summary(
    tot: Mapping[str, float | None],
    proj: pd.DataFrame,
    lang: str,
    esc: Callable[[object], str] = str,
) -> str:
    """One sentence: graduates and placements with ranges, oversupplied kejuruan
    (names through ``esc``: ``markup.md`` on a page, as they are in the PDF)."""
    n = i18n.fmt_number
    over = [esc(k) for k in proj.loc[proj["is_oversupply"].astype(bool), "kejuruan"]]
    return _t(
        "summary.scenario",
        lang,
        seats=n(tot["seats"], lang),
        grads=n(tot["graduates"], lang),
        grads_low=n(tot["graduates_low"], lang),
        grads_high=n(tot["graduates_high"], lang),
        placed=n(tot["placed"], lang),
        placed_low=n(tot["placed_low"], lang),
        placed_high=n(tot["placed_high"], lang),
        vacancies=n(tot["vacancies"], lang),
        over=", ".join(over) if over else _t("summary.none", lang),
        ratio=i18n.fmt_number(OVERSUPPLY_RATIO, lang, 1),
    )


ALLOCATION_KEYS = (
    "kejuruan", "seats", "graduates", "placed",
    "placement_6b", "twelve_12b", "response_12b",
    "cost", "cost_per_placement", "coverage",
)  # fmt: skip


def _with_range(row: Mapping, key: str, lang: str) -> str:
    n = i18n.fmt_number
    low, high = n(row[f"{key}_low"], lang), n(row[f"{key}_high"], lang)
    return f"{n(row[key], lang)} ({low}–{high})"


def _rate_or_not_yet(value: object, lang: str) -> str:
    """A rate (``71,43%``), or "belum tersedia" where there is none (never 0)."""
    if value is None or pd.isna(value):
        return _t("lasting.not_yet", lang)
    return i18n.fmt_pct(float(value), lang)


def lasting_cells(lasting: pd.DataFrame, name: str, lang: str) -> tuple[str, str]:
    """A kejuruan's 12-month employed rate (marked ⚠ when under 60% of its cohort
    answered) and its tracer response rate, as shown."""
    if name not in lasting.index:
        return _t("lasting.not_yet", lang), _t("lasting.not_yet", lang)
    row = lasting.loc[name]
    twelve = _rate_or_not_yet(row["twelve_pct"], lang)
    if planner.is_low_response(row):
        twelve = f"{twelve} {_t('lasting.mark', lang)}"
    return twelve, _rate_or_not_yet(row["response_pct"], lang)


def allocation_table(
    proj: pd.DataFrame,
    tot: Mapping[str, float | None],
    lang: str,
    rates: pd.DataFrame,
    lasting: pd.DataFrame,
) -> pd.DataFrame:
    """Per kejuruan and in total: seats, graduates and placed (ranges), the history
    beside them (the 6-month placement rate, the 12-month employed rate, ⚠ under 60%
    response, and its response rate), cost and coverage."""
    rows = [*proj.to_dict("records"), {"kejuruan": planner.ALL, **tot}]
    out = []
    for r in rows:
        name = str(r["kejuruan"])
        placement = rates_for(rates, name)[0]["placement_pct"] if len(rates) else None
        out.append(
            [
                _t("col.total", lang) if name == planner.ALL else name,
                i18n.fmt_number(r["seats"], lang),
                _with_range(r, "graduates", lang),
                _with_range(r, "placed", lang),
                _rate_or_not_yet(placement, lang),
                *lasting_cells(lasting, name, lang),
                i18n.fmt_rupiah(r["cost_rupiah"], lang),
                i18n.fmt_rupiah(r["cost_per_placement"], lang),
                i18n.fmt_pct(r["coverage_pct"], lang, 0),
            ]
        )
    return pd.DataFrame(out, columns=[_t(f"col.{k}", lang) for k in ALLOCATION_KEYS])


def lasting_footnote(
    lasting: pd.DataFrame,
    names: Sequence[str],
    lang: str,
    esc: Callable[[object], str] = str,
) -> str:
    """The footnote of the ⚠ marks: which of ``names`` (ALL: the city) rest on a
    response under 60%, names through ``esc`` (``markup.md`` on a page); empty when
    none does."""
    low = [
        n
        for n in names
        if n in lasting.index and planner.is_low_response(lasting.loc[n])
    ]
    if not low:
        return ""
    shown = [_t("col.city", lang) if n == planner.ALL else esc(n) for n in low]
    return _t("lasting.footnote", lang, names=", ".join(shown))


# ---- budget per source ----------------------------------------------------------


def budget_figure(budget: pd.DataFrame, lang: str) -> go.Figure:
    """Budget against projected cost (with its range) per sumber_dana."""
    fig = go.Figure()
    juta = budget[[c for c in budget.columns if c.startswith(("budget", "cost"))]] / 1e6
    fig.add_bar(
        x=budget["sumber_dana"],
        y=juta["budget_rupiah"],
        name=_t("chart.budget", lang),
        marker_color=GREY,
    )
    fig.add_bar(
        x=budget["sumber_dana"],
        y=juta["cost_rupiah"],
        name=_t("chart.cost", lang),
        marker_color=GREEN,
        error_y={
            "type": "data",
            "symmetric": False,
            "array": juta["cost_rupiah_high"] - juta["cost_rupiah"],
            "arrayminus": juta["cost_rupiah"] - juta["cost_rupiah_low"],
            "color": "#1F2933",
        },
    )
    fig.update_layout(
        barmode="group", yaxis={"title": _t("chart.juta", lang), "tickformat": ",.0f"}
    )
    return layout(fig, lang, 340, _t("chart.budget_title", lang))


def budget_summary(budget: pd.DataFrame, lang: str) -> str:
    """One sentence: total cost against total budget, sources over budget."""
    over = budget.loc[budget["is_over"].astype(bool), "sumber_dana"].tolist()
    return _t(
        "summary.budget",
        lang,
        cost=i18n.fmt_rupiah(budget["cost_rupiah"].sum(), lang),
        budget=i18n.fmt_rupiah(budget["budget_rupiah"].sum(), lang),
        over=", ".join(over) if over else _t("summary.none", lang),
    )


def link_match_figure(lm: pd.DataFrame, lang: str, year: int | None) -> go.Figure:
    """Reported vacancies against graduates per kejuruan in one year."""
    data = lm.sort_values("vacancies")
    fig = go.Figure()
    fig.add_bar(
        y=data["kejuruan"],
        x=data["graduates"],
        orientation="h",
        name=_t("chart.graduates_actual", lang),
        marker_color=BLUE,
    )
    fig.add_bar(
        y=data["kejuruan"],
        x=data["vacancies"],
        orientation="h",
        name=_t("chart.vacancies", lang, year=year or "–"),
        marker_color=ORANGE,
    )
    fig.update_layout(barmode="group", yaxis={"automargin": True})
    height = max(320, 60 + 34 * len(data))
    return layout(fig, lang, height, _t("chart.link_match_title", lang, year=year))


def link_match_summary(
    lm: pd.DataFrame, lang: str, year: int | None, esc: Callable[[object], str] = str
) -> str:
    """One sentence: total vacancies vs graduates and the largest shortfall (the
    kejuruan's name through ``esc``: ``markup.md`` on a page)."""
    if lm.empty:
        return _t("summary.no_link_match", lang)
    top = lm.sort_values("gap", ascending=False).iloc[0]
    return _t(
        "summary.link_match",
        lang,
        year=year,
        vacancies=i18n.fmt_number(lm["vacancies"].sum(), lang),
        graduates=i18n.fmt_number(lm["graduates"].sum(), lang),
        top=esc(top["kejuruan"]),
        gap=i18n.fmt_number(top["gap"], lang),
    )


def _flag_value(key: str, value: object, lang: str) -> object:
    if key == "over":
        return i18n.fmt_rupiah(value, lang)
    return i18n.fmt_number(value, lang) if isinstance(value, float) else value


def flag_text(
    key: str, values: dict, lang: str, esc: Callable[[object], str] = str
) -> str:
    """A warning sentence with its numbers formatted in ``lang`` (its names through
    ``esc``: ``markup.md`` on a page)."""
    shown = {k: _flag_value(k, v, lang) for k, v in values.items()}
    shown = {k: esc(v) if isinstance(values[k], str) else v for k, v in shown.items()}
    ratio = i18n.fmt_number(OVERSUPPLY_RATIO, lang, 1)
    return _t(f"flag.{key}", lang, ratio=ratio, **shown)
