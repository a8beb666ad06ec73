"""Streamlit side of the scenario planner: cached basis, inputs, results, scenarios.

The numbers come from ``workforce.planning.planner`` and ``planner_data`` (Streamlit-free);
this module only keeps the inputs in session state and draws. The TPT tab is
``projection_ui``, the meeting-pack tab ``meeting_pack_ui``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
import streamlit as st

from workforce import app
from workforce.core import i18n, metrics
from workforce.core.markup import md
from workforce.planning import charts as planner_charts
from workforce.planning import numbers as planner_data
from workforce.planning import planner, scenarios
from workforce.planning.meeting_pack import ui as meeting_pack_ui
from workforce.planning.projection import ui as projection_ui
from workforce.planning.scenarios import Scenario

_SEATS, _VER, _MSG = "plan_seats", "plan_editor_ver", "plan_msg"
_TAKEN, _REPLACE = "plan_save_taken", "plan_save_replace"


# ---- cached inputs -----------------------------------------------------------------


@st.cache_data(max_entries=4, show_spinner=False)
def _basis(path: str, file_stamp: app.Stamp, as_of: date | None) -> planner.Basis:
    return planner_data.load_basis(app.conn(), as_of, app.filter_options())


def basis() -> planner.Basis:
    """The planner's basis for the current database (cached per file stamp)."""
    path = app.db_file()
    return _basis(str(path), app.stamp(path), app.data_as_of())


# ---- inputs -------------------------------------------------------------------------


def _set_inputs(
    b: planner.Basis, budget: dict[str, float], seats: pd.DataFrame
) -> None:
    """Put a budget and a seats table into the widgets (a new editor key resets it)."""
    for fund in planner.FUNDS:
        st.session_state[f"plan_budget_{fund}"] = round(budget.get(fund, 0) / 1e6, 1)
    known = seats.set_index("kejuruan")
    rows = [
        {
            "kejuruan": k,
            **{
                f: int(known.loc[k, f]) if k in known.index else 0
                for f in planner.FUNDS
            },
        }
        for k in dict.fromkeys([*b.kejuruan, *known.index])
    ]
    st.session_state[_SEATS] = pd.DataFrame(rows, columns=["kejuruan", *planner.FUNDS])
    st.session_state[_VER] = st.session_state.get(_VER, 0) + 1


def init_inputs(b: planner.Basis) -> None:
    """First visit (or a new database year): prefill from the latest year."""
    if st.session_state.get("plan_basis_year") != b.latest_year:
        _set_inputs(b, b.pagu, b.seats)
        st.session_state["plan_basis_year"] = b.latest_year


def budget_inputs(b: planner.Basis) -> dict[str, float]:
    """Number inputs per source in juta Rupiah; returns Rupiah."""
    st.header(app.T("planner.budget.header", year=b.plan_year))
    cols = st.columns(len(planner.FUNDS))
    out = {}
    for col, fund in zip(cols, planner.FUNDS, strict=True):
        value = col.number_input(
            app.T("planner.budget.input", fund=fund),
            min_value=0.0,
            step=10.0,
            format="%.0f",  # whole juta; the caption writes it out in Rupiah
            key=f"plan_budget_{fund}",
        )
        out[fund] = float(value) * 1e6
        col.caption(i18n.fmt_rupiah(out[fund], app.lang()))
    st.caption(app.T("planner.budget.caption", year=b.latest_year))
    return out


def seats_editor(b: planner.Basis) -> pd.DataFrame:
    """The editable seats table (kejuruan fixed; seats per source)."""
    st.header(app.T("planner.seats.header"))
    st.caption(app.T("planner.seats.caption", year=b.latest_year))
    config = {
        "kejuruan": st.column_config.TextColumn(app.T("planner.seats.col.kejuruan"))
    }
    for fund in planner.FUNDS:
        config[fund] = st.column_config.NumberColumn(
            fund,
            min_value=0,
            max_value=5000,
            step=1,
            format="%d",
        )
    return st.data_editor(
        st.session_state[_SEATS],
        key=f"plan_editor_{st.session_state[_VER]}",
        column_config=config,
        disabled=["kejuruan"],
        hide_index=True,
        num_rows="fixed",
        width="stretch",
    )


def current_scenario(
    b: planner.Basis, budget: dict[str, float], seats: pd.DataFrame
) -> Scenario:
    """The planner's inputs as an (unsaved) scenario, named "(current planner)"."""
    name = app.T("planner.compare.current")
    return Scenario.from_frame(name, b.plan_year, budget, seats, b.latest_year)


# ---- results -------------------------------------------------------------------------


def _rng(low: float | None, high: float | None, unit: str) -> str:
    f = app.fmt(unit)
    return app.T("planner.result.range", low=f(low), high=f(high))


@dataclass(frozen=True)
class Outcome:
    """A scenario's projection, budget check and totals, with the charts and the
    table drawn from them (built once per scenario, language and database file)."""

    proj: pd.DataFrame
    budget: pd.DataFrame
    totals: dict[str, float | None]
    scenario: app.ChartView
    allocation: app.TableView
    budget_chart: app.ChartView


def _scenario_key(sc: Scenario) -> tuple:
    """All of a scenario the results depend on (not its name)."""
    seats = tuple((k, tuple(sorted(v.items()))) for k, v in sc.seats.items())
    return sc.tahun, tuple(sorted(sc.budget.items())), seats


def _outcome(b: planner.Basis, sc: Scenario, lang: str) -> Outcome:
    seats = sc.seats_frame()
    proj = planner.project(seats, b.rates, b.vacancies)
    budget = planner.budget_check(seats, b.rates, sc.budget)
    tot = planner.totals(proj)
    scenario = app.chart_view(
        planner_charts.scenario_figure(proj, lang, b.vacancy_year),
        _projection_table(proj, lang),
        planner_charts.scenario_summary(tot, proj, lang, esc=md),
        "plan_scenario",
        lang,
    )
    allocation = planner_charts.allocation_table(proj, tot, lang, b.rates, b.lasting)
    budget_chart = app.chart_view(
        planner_charts.budget_figure(budget, lang),
        budget,
        planner_charts.budget_summary(budget, lang),
        "plan_budget",
        lang,
    )
    return Outcome(
        proj, budget, tot, scenario, app.table_view(allocation, lang), budget_chart
    )


def results(b: planner.Basis, sc: Scenario) -> dict[str, float | None]:
    """Headline numbers, warnings, the chart, the table and the KPI effect."""
    out: Outcome = app.views(
        "plan_outcome",
        lambda _key, lang: _outcome(b, sc, lang),
        (_scenario_key(sc), app.data_as_of()),
    )
    st.header(app.T("planner.result.header"))
    _headline(out.totals, out.budget)
    _flags(out.proj, out.budget)
    app.show_chart(out.scenario)
    st.markdown(f"**{app.T('planner.result.table')}**")
    app.show_table(out.allocation)
    _lasting_notes(b, out.proj)
    app.show_chart(out.budget_chart)
    if out.budget["is_over"].any():
        binding(b, sc.seats_frame(), sc.budget, out.budget)
    _effect(b, out.totals)
    return out.totals


def _lasting_notes(b: planner.Basis, proj: pd.DataFrame) -> None:
    """Under the table: a visible warning for each 12-month rate resting on under
    60% answers (its ⚠), and what the history columns are."""
    names = [*proj["kejuruan"].astype(str), planner.ALL]
    low = planner_charts.lasting_footnote(b.lasting, names, app.lang(), esc=md)
    if low:
        app.warning(low)
    st.caption(app.T("planner.lasting.note", years=planner.span(b.years)))


def _use_seats(fitted: pd.DataFrame) -> None:
    st.session_state[_SEATS] = fitted[["kejuruan", *planner.FUNDS]].copy()
    st.session_state[_VER] = st.session_state.get(_VER, 0) + 1


def binding(
    b: planner.Basis,
    seats: pd.DataFrame,
    money: dict[str, float],
    budget: pd.DataFrame,
) -> None:
    """The budget binds: the shortfall per source, the seats the money pays for
    (the programmes the planners choose give way first), and their outcomes."""
    rp, n = app.fmt("rupiah"), app.fmt("count")
    st.header(app.T("planner.bind.header"))
    short = budget[budget["is_over"]]
    st.markdown(
        app.T(
            "planner.bind.intro",
            funds=", ".join(
                app.T(
                    "planner.bind.short",
                    fund=r.sumber_dana,
                    short=rp(r.cost_rupiah - r.budget_rupiah),
                    budget=rp(r.budget_rupiah),
                )
                for r in short.itertuples(index=False)
            ),
        )
    )
    names = [str(k) for k in planner.seats_table(seats).index]
    chosen = st.multiselect(
        app.T("planner.bind.give_way"),
        names,
        key="plan_give_way",
        placeholder=app.T("planner.bind.give_way_default"),
        help=app.T("planner.bind.give_way_help"),
    )
    order = planner.give_way_order(seats, b.rates, chosen)
    fitted = planner.fit_to_budget(seats, b.rates, money, order)
    proj = planner.project(fitted, b.rates, b.vacancies)
    tot = planner.totals(proj)
    planned = planner.seats_table(seats)
    kept = fitted.set_index("kejuruan")
    rows = [
        {
            app.T("planner.bind.col.kejuruan"): name,
            **{
                app.T("planner.bind.col.seats", fund=f): planned.at[name, f]
                for f in planner.FUNDS
            },
            **{
                app.T("planner.bind.col.fit", fund=f): kept.at[name, f]
                for f in planner.FUNDS
            },
        }
        for name in planned.index
    ]
    left, right = st.columns(2)
    left.metric(app.T("planner.bind.seats_fit"), n(tot["seats"] if len(proj) else 0))
    right.metric(app.T("planner.bind.placed_fit"), n(tot["placed"] if len(proj) else 0))
    app.table(pd.DataFrame(rows))
    st.caption(app.T("planner.bind.order", order=", ".join(md(x) for x in order)))
    st.button(
        app.T("planner.bind.apply"),
        on_click=_use_seats,
        args=(fitted,),
        key="plan_bind_apply",
    )


def _headline(tot: dict, budget: pd.DataFrame) -> None:
    """Five numbers in two rows (they fit a phone); the ranges on hover."""
    n, rp = app.fmt("count"), app.fmt("rupiah")
    top, bottom = st.columns(3), st.columns(2)
    top[0].metric(app.T("planner.result.seats"), n(tot["seats"]))
    for col, key, label in (
        (top[1], "graduates", "graduates"),
        (top[2], "placed", "placed"),
    ):
        col.metric(
            app.T(f"planner.result.{label}"),
            n(tot[key]),
            help=_rng(tot[f"{key}_low"], tot[f"{key}_high"], "count"),
        )
    bottom[0].metric(
        app.T("planner.result.cost", budget=rp(budget["budget_rupiah"].sum())),
        rp(tot["cost_rupiah"]),
        help=_rng(tot["cost_rupiah_low"], tot["cost_rupiah_high"], "rupiah"),
    )
    bottom[1].metric(
        app.T("planner.result.cpp"),
        rp(tot["cost_per_placement"]),
        help=_rng(
            tot["cost_per_placement_low"], tot["cost_per_placement_high"], "rupiah"
        ),
    )


def _flags(proj: pd.DataFrame, budget: pd.DataFrame) -> None:
    found = planner.flags(proj, budget)
    lang = app.lang()
    if not found:
        st.success(
            app.T("planner.result.ok", ratio=i18n.fmt_number(1.5, lang, 1)), icon="✅"
        )
        return
    lines = [planner_charts.flag_text(k, v, lang, esc=md) for k, v in found]
    st.warning("\n".join(f"- {line}" for line in lines), icon="⚠️")


def _projection_table(proj: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The projection with headings in ``lang`` (numbers rounded)."""
    cols = planner.PROJECTION_COLUMNS
    out = proj[cols].copy()
    num = out.select_dtypes("number").columns
    out[num] = out[num].round(1)
    return out.rename(columns={c: i18n.t(f"planner.xcol.{c}", lang) for c in cols})


def _effect(b: planner.Basis, tot: dict) -> None:
    year = b.target_year
    if not year:
        st.header(app.T("planner.result.effect_no_year"))
    elif year != b.plan_year:
        st.header(app.T("planner.result.effect_older", year=year, plan=b.plan_year))
    else:
        st.header(app.T("planner.result.effect", year=year))
    if not b.targets:
        st.info(app.T("planner.result.effect_none"))
    effect = planner.kpi_effect(tot, b.targets, b.actuals)
    rows = []
    for r in effect.itertuples(index=False):
        f = app.fmt(metrics.get(r.indikator).unit)
        rows.append(
            {
                app.T("planner.col.indikator"): metrics.get(r.indikator).name(
                    app.lang()
                ),
                app.T("planner.col.actual"): f(r.actual),
                app.T("planner.col.projected"): f(r.projected),
                app.T("planner.col.range"): f(r.low)
                if f(r.low) == f(r.high)
                else f"{f(r.low)} – {f(r.high)}",
                app.T("planner.col.target"): f(r.target) if pd.notna(r.target) else "–",
                app.T("planner.col.status"): app.T(f"status.{r.status}")
                if isinstance(r.status, str)
                else "–",
            }
        )
    app.table(pd.DataFrame(rows))
    st.caption(app.T("planner.result.effect_note", year=b.latest_year))


def method_note(b: planner.Basis) -> None:
    """The method in an expander."""
    with st.expander(app.T("planner.method.header")):
        years = planner.span(b.years)
        st.markdown(
            app.T("planner.method.planner", years=years, min=planner.MIN_DENOMINATOR)
        )
        st.markdown(app.T("planner.method.disclaimer"))


# ---- saved scenarios -------------------------------------------------------------------


def _save(current: Scenario) -> tuple[str, str]:
    """Save the current inputs under the typed name; (message kind, text). A name
    sharing the file of another saved name asks first (``plan_save_replace``)."""
    try:
        name = scenarios.check_name(st.session_state.get("plan_save_name", ""))
    except scenarios.ScenarioError:
        return ("error", app.T("planner.save.invalid"))
    agreed = st.session_state.get(_TAKEN) == name and st.session_state.get(_REPLACE)
    try:
        scenarios.save(replace(current, name=name), replace_other=bool(agreed))
    except scenarios.NameTakenError as taken:
        st.session_state[_TAKEN] = name
        return (
            "warning",
            app.T("planner.save.taken", name=md(name), other=md(taken.other)),
        )
    st.session_state.pop(_TAKEN, None)
    return ("success", app.T("planner.save.done", name=md(name)))


def _load(b: planner.Basis) -> None:
    """Button callback: put a saved scenario into the inputs."""
    name = st.session_state.get("plan_load_name")
    if not name:
        return
    try:
        sc = scenarios.load(name)
    except scenarios.ScenarioError as exc:
        st.session_state[_MSG] = ("error", str(exc))
        return
    _set_inputs(b, sc.budget, sc.seats_frame())
    st.session_state["plan_save_name"] = sc.name
    st.session_state["plan_pack_choice"] = sc.name  # the pack follows what was loaded
    st.session_state[_MSG] = ("success", app.T("planner.load.done", name=md(sc.name)))


def saved_scenarios(b: planner.Basis, current: Scenario) -> None:
    """Save, load and compare side by side."""
    st.header(app.T("planner.save.header"))
    message = st.session_state.pop(_MSG, None)
    if message:
        getattr(st, message[0])(message[1])
    left, right = st.columns(2)
    left.text_input(
        app.T("planner.save.name"), key="plan_save_name", max_chars=scenarios.MAX_NAME
    )
    # an in-script button (not a callback): it saves the inputs of this very run
    if left.button(app.T("planner.save.button"), key="plan_save"):
        kind, text = _save(current)
        getattr(left, kind)(text)
    if st.session_state.get(_TAKEN) == st.session_state.get("plan_save_name"):
        left.checkbox(app.T("planner.save.replace"), key=_REPLACE)
    names = scenarios.list_names()
    if names:
        right.selectbox(app.T("planner.load.select"), names, key="plan_load_name")
        right.button(
            app.T("planner.load.button"), on_click=_load, args=(b,), key="plan_load"
        )
    else:
        right.caption(app.T("planner.load.none"))
    st.caption(app.T("planner.save.where"))
    if not names:  # nothing to compare with (and no English "No options" box)
        return
    picked = st.multiselect(app.T("planner.compare.select"), names, key="plan_compare")
    if picked:
        _compare(b, [current, *_readable(picked)])


def _readable(names: list[str]) -> list[Scenario]:
    """The saved scenarios that can still be read (a file may vanish meanwhile)."""
    out = []
    for name in names:
        try:
            out.append(scenarios.load(name))
        except scenarios.ScenarioError:
            continue
    return out


def _compare(b: planner.Basis, items: list[Scenario]) -> None:
    table = scenarios.compare(items, b.rates, b.vacancies)
    ratio = i18n.fmt_number(planner.OVERSUPPLY_RATIO, app.lang(), 1)
    shown = {}
    for key, unit in scenarios.COMPARE_ROWS.items():
        label = app.T(f"planner.compare.row.{key}", ratio=ratio)
        f = (lambda v: v or "–") if unit == "text" else app.fmt(unit)
        shown[label] = [f(v) for v in table.loc[key]]
    frame = pd.DataFrame(shown, index=table.columns).T
    st.dataframe(frame.rename_axis(app.T("planner.compare.measure")), width="stretch")


# ---- the page ----------------------------------------------------------------


def page() -> None:
    """Perencanaan: the planner, the TPT projection and the meeting pack."""
    app.page_header("nav.perencanaan", "planner.intro")
    st.caption(app.T("planner.filters_note"))

    plan_basis = basis()
    if not plan_basis.kejuruan:
        st.info(app.T("planner.no_data"))
        return

    init_inputs(plan_basis)
    plan, tpt, pack = st.tabs(
        [app.T("planner.tab.plan"), app.T("planner.tab.tpt"), app.T("planner.tab.pack")]
    )
    with plan:
        budget = budget_inputs(plan_basis)
        seats = seats_editor(plan_basis)
        current = current_scenario(plan_basis, budget, seats)
        totals = results(plan_basis, current)
        method_note(plan_basis)
        st.divider()
        saved_scenarios(plan_basis, current)
    with tpt:
        projection_ui.tpt_section(totals["placed"])
    with pack:
        meeting_pack_ui.pack_section(plan_basis, current)
