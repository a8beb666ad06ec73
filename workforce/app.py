"""The Streamlit frame helpers every page shares: connection, queries, filters, blocks.

Features' ``ui.py`` files call ``app.query("page/result", filters)`` and draw; pages
hold no SQL. ``page(__file__)`` starts every page (see its note on the frame).
The connection is read-only and cached per database file *stamp* (inode, mtime,
size): an import swaps a new file in with ``os.replace`` and the next query opens
it, so new data shows without a restart.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import re
import runpy
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from workforce.core import config, db, i18n, markup, metrics, runlog, spreadsheet
from workforce.core import palette as charts
from workforce.core.filters import (
    DIMENSIONS,
    Filters,
    bind,
    from_query_params,
    kecamatan_aliases,
    options_from_db,
)
from workforce.core.metrics import Result
from workforce.core.navigation import ALL_FILTERS

Stamp = tuple[int, int, int]
FAVICON = config.ROOT / "workforce" / "assets" / "favicon.png"
log = logging.getLogger("workforce.app")
runlog.configure()


def lang() -> str:
    """The current UI language (``id`` default, ``en``)."""
    value = st.session_state.get("lang")
    return value if value in i18n.LANGS else i18n.DEFAULT_LANG


def T(key: str, **values: Any) -> str:  # noqa: N802 (short name used on every line)
    """Translate ``key`` into the current language."""
    return i18n.t(key, lang(), **values)


def db_file() -> Path:
    """The database path (WORKFORCE_DB or the embedded default)."""
    return config.db_path()


def stamp(path: Path) -> Stamp:
    """What changes when a new file is swapped in."""
    info = os.stat(path)
    return (info.st_ino, info.st_mtime_ns, info.st_size)


@st.cache_resource(max_entries=4, on_release=lambda c: c.close())
def _connection(path: str, file_stamp: Stamp) -> duckdb.DuckDBPyConnection:
    """One read-only connection per version of the file (see db.connect_snapshot)."""
    runlog.database_opened(path, file_stamp[0], file_stamp[2])
    return db.connect_snapshot(Path(path))


def conn() -> duckdb.DuckDBPyConnection:
    """The read-only connection for the current database file."""
    path = db_file()
    return _connection(str(path), stamp(path))


@st.cache_data(max_entries=1024, show_spinner=False)
def _cached(path: str, file_stamp: Stamp, name: str, items: tuple) -> pd.DataFrame:
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in items}
    return db.run(_connection(path, file_stamp), name, **params)


def query(name: str, filters: Filters | None = None, **extra: Any) -> pd.DataFrame:
    """Run ``queries/<name>.sql`` with the filter params it uses plus ``extra``."""
    params = bind(name, filters, **extra)
    items = tuple(
        sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items())
    )
    path = db_file()
    # st.cache_data hands every caller its own unpickled copy: no .copy() needed
    return _cached(str(path), stamp(path), name, items)


_FilterKey = tuple[
    int, int | None, tuple[tuple[str, tuple[str, ...]], ...], date | None
]


def _filter_key(filters: Filters) -> _FilterKey:
    dims = tuple(sorted((k, tuple(v)) for k, v in filters.dims.items() if v))
    return (filters.tahun, filters.kuartal, dims, filters.as_of)


@st.cache_data(max_entries=256, show_spinner=False)
def _kpi(path: str, file_stamp: Stamp, metric_id: str, key: _FilterKey) -> Result:
    tahun, kuartal, dims, as_of = key
    filters = Filters(tahun, kuartal, dict(dims), as_of)
    return metrics.compute(_connection(path, file_stamp), metric_id, filters)


def kpi(metric_id: str, filters: Filters) -> Result:
    """A KPI of the registry for a selection (cached per database file)."""
    path = db_file()
    return _kpi(str(path), stamp(path), metric_id, _filter_key(filters))


def info() -> dict[str, str]:
    """dataset_info of the current database (read once per version of the file:
    a page asks for it several times per run)."""
    path = db_file()
    return dict(_cached_info(str(path), stamp(path)))


@st.cache_resource(max_entries=4)
def _cached_info(path: str, file_stamp: Stamp) -> tuple[tuple[str, str], ...]:
    df = db.run(_connection(path, file_stamp), "common/dataset_info")
    return tuple(zip(df["key"], df["value"], strict=True))


def database_problem() -> str | None:
    """Why the database cannot serve (an i18n key), None when it can. The path and
    the error are logged for the operator; the page says only what happened."""
    path = db_file()
    if not path.exists():
        log.error("no database at %s: run python -m workforce init-demo or init", path)
        return "app.db_missing"
    try:
        info()
    except (duckdb.Error, OSError) as exc:
        log.error("cannot read the database %s: %s", path, exc)
        return "app.db_unreadable"
    return None


def is_demo() -> bool:
    """True while the loaded database holds demo data."""
    return info().get("is_demo") == "true"


def data_as_of() -> date | None:
    """The data date recorded at the last build or import."""
    value = info().get("data_as_of")
    return date.fromisoformat(value) if value else None


# ---- filters -----------------------------------------------------------------


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def url_items() -> list[tuple[str, str]]:
    """The URL's query parameters as (key, value) pairs, repeated keys kept."""
    return [(key, value) for key, values in _url_params().items() for value in values]


def filter_options() -> tuple[dict[str, list[str]], list[int]]:
    """Each dimension's values and the years of the current file (cached per file)."""
    path = db_file()
    return _cached_options(str(path), stamp(path))


@st.cache_data(max_entries=8, show_spinner=False)
def _cached_options(
    path: str, file_stamp: Stamp
) -> tuple[dict[str, list[str]], list[int]]:
    return options_from_db(_connection(path, file_stamp))


def _aliases() -> dict[str, dict[str, str]]:
    """Spelling variants accepted in the URL (Kemendagri ``Gerogol`` → ``Grogol``)."""
    path = db_file()
    return _cached_aliases(str(path), stamp(path))


@st.cache_data(max_entries=8, show_spinner=False)
def _cached_aliases(path: str, file_stamp: Stamp) -> dict[str, dict[str, str]]:
    names = _cached_options(path, file_stamp)[0]["kecamatan"]
    return {"kecamatan": kecamatan_aliases(_connection(path, file_stamp), names)}


def _label(dim: str, value: str, lang_code: str) -> str:
    return i18n.t(f"jenis.{value}", lang_code) if dim == "jenis" else value


def sidebar_filters(honoured: Sequence[str] = ALL_FILTERS) -> Filters:
    """Draw the filters the page honours; keep every filter in session state (a
    page that does not draw one keeps its value for the next page) and the
    honoured ones in the URL. A filter the page does not honour is not drawn and
    not applied: ``ignored_filters`` names those a shared link asked for."""
    options, years = filter_options()
    if "f_tahun" not in st.session_state:
        start = from_query_params(_url_params(), options, years, _aliases())
        st.session_state["f_tahun"] = start.tahun
        st.session_state["f_kuartal"] = start.kuartal or 0
        for dim in DIMENSIONS:
            st.session_state[f"f_{dim}"] = list(start.values(dim))
    for key in FILTER_KEYS:  # undrawn widgets' values survive this run
        st.session_state[key] = st.session_state[key]
    st.session_state["f_ignored"] = [
        name
        for name in ("kuartal", *DIMENSIONS)
        if name not in honoured and (name in _url_params() or _picked(name))
    ]
    lg = lang()  # bound now: AppTest calls a format_func outside the script run
    if honoured:
        with st.sidebar:
            _draw_filters(honoured, options, years, lg)
    current = Filters(
        tahun=int(st.session_state["f_tahun"]),
        kuartal=(st.session_state["f_kuartal"] or None)
        if "kuartal" in honoured
        else None,
        as_of=data_as_of(),
        dims={
            d: tuple(st.session_state[f"f_{d}"])
            for d in DIMENSIONS
            if st.session_state[f"f_{d}"] and d in honoured
        },
    )
    if honoured:
        _write_url(current)
    st.session_state["filters"] = current
    return current


FILTER_KEYS = ("f_tahun", "f_kuartal", *(f"f_{d}" for d in DIMENSIONS))


def _picked(name: str) -> bool:
    """A filter other than the year chosen on another page (kept in the session)."""
    value = st.session_state.get(f"f_{name}")
    return bool(value)


def ignored_filters() -> list[str]:
    """Filters chosen (in the link or on another page) that this page does not
    honour; the page says so rather than show a figure that seems filtered."""
    return list(st.session_state.get("f_ignored", []))


def _draw_filters(
    honoured: Sequence[str], options: dict, years: list[int], lg: str
) -> None:
    st.header(T("filter.header"))
    year_choices = sorted(years, reverse=True) or [date.today().year]
    if st.session_state["f_tahun"] not in year_choices:
        st.session_state["f_tahun"] = year_choices[0]
    st.selectbox(T("filter.tahun"), year_choices, key="f_tahun")
    if "kuartal" in honoured:
        st.selectbox(
            T("filter.periode"),
            [0, 1, 2, 3, 4],
            key="f_kuartal",
            format_func=lambda q: i18n.quarter_option(q, lg),
        )
    for dim in DIMENSIONS:
        if dim not in honoured:
            continue
        st.multiselect(
            T(f"filter.{dim}"),
            options[dim],
            key=f"f_{dim}",
            placeholder=T("filter.all"),
            format_func=lambda v, d=dim: _label(d, v, lg),
        )
    if len(honoured) > 1:
        st.button(T("filter.reset"), on_click=_reset_filters)
    st.caption(T("filter.share_hint"))


def _reset_filters() -> None:
    for dim in DIMENSIONS:
        st.session_state[f"f_{dim}"] = []
    st.session_state["f_kuartal"] = 0


def _write_url(current: Filters) -> None:
    wanted = current.to_query_params()
    if lang() != i18n.DEFAULT_LANG:
        wanted["lang"] = [lang()]
    if _url_params() != wanted:
        st.query_params.clear()
        st.query_params.update(wanted)


def filters() -> Filters:
    """The filters chosen in the sidebar (drawn by dashboard.py)."""
    current = st.session_state.get("filters")
    if current is None:
        options, years = filter_options()
        current = replace(
            from_query_params(_url_params(), options, years, _aliases()),
            as_of=data_as_of(),
        )
    return current


def language_switch() -> None:
    """Language radio in the sidebar; starts from ``?lang=en`` when given."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", i18n.DEFAULT_LANG)
        st.session_state["lang"] = wanted if wanted in i18n.LANGS else i18n.DEFAULT_LANG
    st.sidebar.radio(
        i18n.t("lang.label", lang()),
        i18n.LANGS,
        key="lang",
        horizontal=True,
        format_func=lambda code: {"id": "Bahasa Indonesia", "en": "English"}[code],
    )


# ---- the frame ---------------------------------------------------------------

_in_frame: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "in_frame", default=None
)
_ROLE = "frame_role"


def _relative(page_file: str | Path) -> str:
    return Path(page_file).resolve().relative_to(config.ROOT).as_posix()


@contextlib.contextmanager
def frame(page_file: str, role: str) -> Iterator[None]:
    """Run ``page_file`` inside dashboard.py, which resolved the session's ``role``
    and checked it against the page's role in the navigation spec."""
    st.session_state[_ROLE] = role
    token = _in_frame.set(_relative(page_file) if page_file else "")
    started, cpu = time.perf_counter(), time.thread_time()
    outcome = "ok"
    try:
        yield
    except BaseException as exc:  # logged, then raised as it was (st.stop, reruns)
        outcome = type(exc).__name__
        raise
    finally:
        _in_frame.reset(token)
        page = Path(page_file).stem or "home"
        runlog.page_run(page, role, lang(), outcome, started, cpu)


def role() -> str:
    """The role the frame resolved for this run (``public`` outside the frame)."""
    return st.session_state.get(_ROLE, "public") if _in_frame.get() else "public"


def page(page_file: str) -> None:
    """The first line of every page: draw only inside the frame (dashboard.py).

    The frame sets the language, resolves the role, checks it against the page's
    role in ``core.navigation.PAGES`` and draws the shared filters. Until some
    browser tab connected to the server process has run ``st.navigation``, Streamlit serves a
    deep link such as ``/anggaran`` in its legacy mode, straight from the
    ``pages/`` folder without the frame (streamlit#9624; the product keeps the
    ``pages/`` folder, so the mode starts on). Such a run executes the frame
    right here instead (its ``st.navigation`` ends the legacy mode, and it runs
    this page inside it, in the same script run, so the address, the query
    parameters and a widget's click are kept), then stops. A page started as the
    app itself (``streamlit run pages/x.py``) has no frame to check its role, so it
    draws nothing.
    """
    here = _relative(page_file)
    if _in_frame.get() == here:
        return
    ctx = get_script_run_ctx()
    if ctx is None or _relative(ctx.main_script_path) == here:
        st.error(i18n.t("app.no_frame", lang()))
        st.stop()
    runpy.run_path(str(config.ROOT / "dashboard.py"), run_name="__main__")
    st.stop()


# ---- common blocks -------------------------------------------------------------


HTML_LANG = {"id": "id", "en": "en"}  # the interface language as a BCP 47 tag


# Streamlit's sidebar navigation puts each section's block between its <ul> and
# the <li> items (a list with <div> children, items without a list): screen
# readers announce no list. The items' real list is each section block.
NAV_LIST_FIX = """
(function () {
  const fix = () => document.querySelectorAll('[data-testid="stSidebarNavItems"]')
    .forEach(ul => {
      if (![...ul.children].some(c => c.tagName === 'DIV')) return;
      ul.setAttribute('role', 'none');
      ul.querySelectorAll(':scope > div').forEach(d => {
        if (d.querySelector(':scope > li')) d.setAttribute('role', 'list');
      });
    });
  fix();
  if (!window.__navListFix) {
    window.__navListFix = new MutationObserver(fix);
    window.__navListFix.observe(document.body, {childList: true, subtree: true});
  }
})();"""
PAGE_CSS = """<style>
/* captions at WCAG AA contrast (Streamlit fades them to 2.9:1 with opacity) */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p
  { color: #4B5563 !important; opacity: 1 !important; }
/* sections are h2 (no jump from the page's h1), at the size of a subheader */
[data-testid="stMainBlockContainer"] h2 { font-size: 1.6rem; }
/* on a phone Plotly's toolbar would cover the values: the table has the data */
@media (max-width: 640px) { .modebar-container { display: none !important; } }
</style>"""


def page_head() -> None:
    """Set ``<html lang>`` to the interface language (Streamlit's page says "en":
    screen readers would read Indonesian with English rules), and the page's
    accessibility styles. The tag comes from a fixed table, never from the
    request."""
    tag = HTML_LANG[lang()]
    st.html(
        f"<script>document.documentElement.lang = {tag!r};{NAV_LIST_FIX}</script>",
        unsafe_allow_javascript=True,
    )
    st.html(PAGE_CSS)


def demo_banner() -> None:
    """The demo-data banner, on every page while demo data is loaded."""
    if is_demo():
        text = T("app.demo_banner")
        trial = info().get("trial_import_on")
        if trial:
            day = i18n.fmt_date(date.fromisoformat(trial), lang())
            text += "\n\n" + T("app.trial_banner", date=day)
        st.warning(text, icon="ℹ️")


def page_header(key: str, intro_key: str | None = None) -> None:
    """Title and one-line purpose of a page, plus the data date."""
    st.title(T(key))
    if intro_key:
        st.markdown(T(intro_key))
    as_of = data_as_of()
    if as_of:
        st.caption(T("app.data_as_of", date=i18n.fmt_date(as_of, lang())))


def _axis_values(fig: go.Figure, attr: str) -> list[float]:
    out: list[float] = []
    for trace in fig.data:
        values = getattr(trace, attr, None)
        if values is None or isinstance(values, str | dict):
            continue
        out += [float(v) for v in values if isinstance(v, int | float) and v == v]
    return out


def number_ticks(fig: go.Figure) -> None:
    """Tick labels with thousands separators (1.000, 1.200 beside a label 1.010),
    except on an axis of years (2025, not 2.025)."""
    for name, attr in (("xaxis", "x"), ("yaxis", "y")):
        axis = fig.layout[name]
        values = _axis_values(fig, attr)
        years = values and all(v.is_integer() and 1900 <= v <= 2100 for v in values)
        if years and axis.tickformat is None:
            axis.tickformat = "d"
            if axis.dtick is None and axis.type != "category":
                axis.dtick = 1  # whole years only, no 2019 twice
        axis.separatethousands = True


class FinishedFigure(go.Figure):
    """A finished figure as Plotly's dictionary, made once. Streamlit asks every
    figure for ``to_dict()`` on every run (a deep copy of all its data); a figure
    shared by many tabs answers with the one made when it was finished. It holds
    nothing else: read the figure from ``to_dict()``."""

    def __init__(self, fig: go.Figure) -> None:
        super().__init__()
        self._finished = fig.to_dict()

    def to_dict(self) -> dict[str, Any]:
        """The figure as Plotly's dictionary (made once; read it, do not change it)."""
        return self._finished


@dataclass(frozen=True)
class ChartView:
    """A chart ready to draw: the finished figure (separators, tick format, names
    escaped), its sentence, and its table as shown and as downloaded. Built once
    per selection, language and data version by a page's cached view (``views``),
    then drawn by any number of tabs: nothing here is changed after it is built."""

    fig: go.Figure | None
    summary: str
    data: pd.DataFrame
    shown: pd.DataFrame | pa.Table
    columns: dict[str, Any]
    name: str
    expanded: bool = False


def chart_view(
    fig: go.Figure | None,
    data: pd.DataFrame,
    summary: str,
    name: str,
    lang_code: str,
    expanded: bool = False,
) -> ChartView:
    """Finish ``fig`` for ``lang_code`` and format its table (no Streamlit call).
    No figure: the sentence and the table only; ``expanded``: the table open."""
    finished = None
    if fig is not None:
        fig.layout.separators = charts.separators(lang_code)
        number_ticks(fig)
        finished = FinishedFigure(markup.plain_figure(fig))
    shown, columns = display_table(data, lang_code)
    return ChartView(finished, summary, data, _arrow(shown), columns, name, expanded)


def show_chart(view: ChartView) -> None:
    """Draw a prepared chart, its sentence and its "view data" table."""
    if view.fig is not None:
        st.plotly_chart(
            view.fig,
            width="stretch",
            config={"displaylogo": False},
            theme=None,  # the product's template (core.palette): dark ticks, 4.5:1+
            key=f"chart_{view.name}",
        )
    st.caption(view.summary)
    _data_expander(view.data, view.shown, view.columns, view.name, view.expanded)


# what a chart's builder returns: the figure (None: table only), its table and its
# sentence; None when there is nothing to show
Built = tuple[go.Figure | None, pd.DataFrame, str]


def cached_chart(
    name: str,
    key: Any,
    build: Callable[[str], Built | None],
    *,
    expanded: bool = False,
) -> bool:
    """Draw chart ``name`` built by ``build(lang)``, built once per ``key`` (all
    that the chart depends on besides the language and the database file: the
    filters, a picked option) and kept for every tab of the worker (``views``).
    False when the builder had nothing to show (the caller says so)."""

    def finish(_key: Any, lang_code: str) -> ChartView | None:
        built = build(lang_code)
        if built is None:
            return None
        return chart_view(*built, name, lang_code, expanded)

    view = views(f"chart:{name}", finish, key)
    if view is None:
        return False
    show_chart(view)
    return True


def chart(fig: go.Figure, data: pd.DataFrame, summary: str, name: str) -> None:
    """A chart with its sentence and a "view data" table with CSV download."""
    show_chart(chart_view(fig, data, summary, name, lang()))


def data_table(data: pd.DataFrame, name: str, expanded: bool = False) -> None:
    """An expander with the numbers behind a chart and a CSV download."""
    shown, columns = display_table(data, lang())
    _data_expander(data, shown, columns, name, expanded)


def _arrow(shown: pd.DataFrame) -> pa.Table:
    """A shown table as Arrow, converted once: Streamlit sends a DataFrame as Arrow
    and would convert it again on every run."""
    return pa.Table.from_pandas(shown, preserve_index=False)


def _data_expander(
    data: pd.DataFrame,
    shown: pd.DataFrame | pa.Table,
    columns: dict[str, Any],
    name: str,
    expanded: bool,
) -> None:
    with st.expander(T("chart.view_data"), expanded=expanded):
        st.dataframe(shown, hide_index=True, width="stretch", column_config=columns)
        st.download_button(
            T("chart.download_csv"),
            # made when clicked: no CSV per chart per run, none held per session
            lambda: spreadsheet.csv_bytes(data),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"dl_{name}",
        )


@dataclass(frozen=True)
class TableView:
    """A read-only table as shown (numbers written the language's way)."""

    shown: pa.Table
    columns: dict[str, Any]


def table_view(data: pd.DataFrame, lang_code: str) -> TableView:
    """Format ``data`` for ``lang_code`` once (no Streamlit call)."""
    shown, columns = display_table(data, lang_code)
    return TableView(_arrow(shown), columns)


def show_table(view: TableView) -> None:
    """Draw a prepared table."""
    st.dataframe(
        view.shown, hide_index=True, width="stretch", column_config=view.columns
    )


def cached_data_table(
    name: str, key: Any, build: Callable[[str], pd.DataFrame], expanded: bool = False
) -> None:
    """``data_table`` of the frame ``build(lang)``, formatted once per ``key``,
    language and database file (``views``)."""

    def finish(_key: Any, lang_code: str) -> tuple[pd.DataFrame, TableView]:
        data = build(lang_code)
        return data, table_view(data, lang_code)

    data, view = views(f"table:{name}", finish, key)
    _data_expander(data, view.shown, view.columns, name, expanded)


# columns that hold labels written as numbers, not amounts (2025, not 2.025): their
# name begins with one of these words ("Tahun", "kode_program") or ends with a code
# ("Kecamatan code"); "Ditempatkan ≤ 6 bulan" counts people and is an amount
NOT_AMOUNTS = ("tahun", "year", "bulan", "month", "kode", "code", "triwulan", "quarter")
CODES = ("kode", "code")
# from this many columns a table is wider than a phone: its first column, the
# row's name, stays in view while the reader scrolls sideways
PIN_FROM_COLUMNS = 4


def table(data: pd.DataFrame) -> None:
    """A read-only table with its numbers written the interface language's way."""
    show_table(table_view(data, lang()))


def warning(text: str) -> None:
    """A warning box with the warning icon; a text that begins with its own ⚠ (as
    in print and on the static site) does not show it twice."""
    st.warning(text.removeprefix("⚠").lstrip(), icon=":material/warning:")


def is_label_column(name: str) -> bool:
    """A column of labels written as numbers (years, months, codes), by its name."""
    words = [w for w in re.split(r"[^a-z]+", name.lower()) if w]
    return bool(words) and (words[0] in NOT_AMOUNTS or words[-1] in CODES)


def display_table(
    data: pd.DataFrame, lang_code: str
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The table as the reader sees it: numbers written in the interface
    language's convention (``488.385.000``, ``95,12``) and right-aligned; the CSV
    download keeps the numbers themselves. In a wide table the first column, when
    it names the row, is pinned."""
    shown = data.copy()
    config: dict[str, Any] = {}
    for column in data.columns:
        values = data[column]
        if (
            pd.api.types.is_bool_dtype(values)
            or not pd.api.types.is_numeric_dtype(values)
            or is_label_column(str(column))
        ):
            continue
        whole = values.dropna().map(lambda v: float(v).is_integer()).all()
        digits = 0 if whole else 2
        shown[column] = [
            "" if pd.isna(v) else i18n.fmt_number(v, lang_code, digits) for v in values
        ]
        config[str(column)] = st.column_config.TextColumn(alignment="right")
    if len(data.columns) >= PIN_FROM_COLUMNS and str(data.columns[0]) not in config:
        config[str(data.columns[0])] = st.column_config.Column(pinned=True)
    return shown, config


# ---- a page's prepared views ---------------------------------------------------

# Prepared views held per worker process, over all pages and languages (one entry
# per chart, table or page view): the staff pages have about 40 charts per
# selection, so 128 entries thrashed when tabs moved between pages and years
# (bench/load_test.py, "filter mixed"). The oldest entries go first.
VIEW_ENTRIES = 1024


@st.cache_resource(max_entries=VIEW_ENTRIES, show_spinner=False)
def _views(
    name: str,
    path: str,
    file_stamp: Stamp,
    lang_code: str,
    key: Any,
    _build: Callable[[Any, str], Any],
) -> Any:
    return _build(key, lang_code)


def views(name: str, build: Callable[[Any, str], Any], key: Any) -> Any:
    """What page ``name`` draws for ``key`` (its selection), built by
    ``build(key, lang)`` once per selection, language and database file and shared
    by every tab of this worker: figures, formatted tables and sentences. A
    filter change back to a selection seen before costs only the drawing. The
    result is shared: draw it, never change it."""
    path = db_file()
    return _views(name, str(path), stamp(path), lang(), key, build)


def fmt(unit: str) -> Callable[[float | None], str]:
    """A formatter for one unit in the current language."""
    return lambda value: i18n.fmt_value(value, unit, lang())
