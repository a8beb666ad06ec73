"""A page's prepared views (``app.views``, ``app.cached_chart``): built once per
selection, language and database file, shared by the worker's tabs, and always the
same as what a fresh build draws.

The server's CPU per filter change rests on this cache (bench/load_test.py); these
tests hold what it promises: no stale figure after a filter change, a language
switch or a new database file, and the same figures, sentences and tables as a
build from nothing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from workforce import app
from workforce.core.navigation import PAGES

STAFF_PAGES = [
    s.file for s in PAGES if s.url_path not in ("kelola_data", "masuk", "transparansi")
]


def drawn(at: AppTest) -> dict[str, list]:
    """What a run put on the page: every chart's spec, sentence and table."""
    return {
        "charts": [json.loads(e.proto.spec)["data"] for e in at.get("plotly_chart")],
        "captions": [c.value for c in at.caption],
        "tables": [df.value.to_dict("list") for df in at.dataframe],
        "markdown": [m.value for m in at.markdown],
        "metrics": [(m.label, m.value) for m in at.metric],
    }


def years_of(at: AppTest) -> list[int]:
    return list(at.selectbox(key="f_tahun").options)


def pick(at: AppTest, page: str, choice: int) -> None:
    """Choose selection 0 or 1: the year (the planner: its APBN budget, which it
    follows instead of the filters)."""
    if page == "pages/perencanaan.py":
        box = at.number_input(key="plan_budget_APBN")
        box.set_value([1000.0, 250.0][choice]).run()
        return
    latest, earlier = sorted(years_of(at), reverse=True)[:2]
    at.selectbox(key="f_tahun").set_value([latest, earlier][choice]).run()


@pytest.mark.parametrize("page", [*STAFF_PAGES, "pages/transparansi.py"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_selection_seen_before_draws_what_a_fresh_build_draws(
    app_test, demo_db: Path, page: str, lang: str
) -> None:
    """Selection A, then B, then A again in one tab: the third run (from the
    cache) equals A's build from empty caches in a new tab, and B differs from A
    (the change shows)."""
    st.cache_resource.clear()
    st.cache_data.clear()
    at = app_test(demo_db, lang=lang, role="admin").run()
    at.switch_page(page).run()
    pick(at, page, 0)
    first = drawn(at)
    pick(at, page, 1)
    other = drawn(at)
    pick(at, page, 0)
    again = drawn(at)
    assert not at.exception
    assert again == first
    assert other != first

    st.cache_resource.clear()
    st.cache_data.clear()
    fresh = app_test(demo_db, lang=lang, role="admin").run()
    fresh.switch_page(page).run()
    pick(fresh, page, 0)
    assert not fresh.exception
    assert drawn(fresh) == first


PROBE = """
import uuid

import streamlit as st

from workforce import app

key = st.session_state.get("probe_key", 1)
token = app.views("probe", lambda _key, lang: f"{lang}:{uuid.uuid4().hex}", key)
st.markdown(token)
"""


def _probe(at: AppTest) -> str:
    at.run()
    assert not at.exception
    return at.markdown[0].value


def test_views_are_built_once_per_key_language_and_database_file(
    fixture_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same key in the same language on the same file: the same object, even
    in another tab; a new key, another language or a new file: built again."""
    db = tmp_path / "probe.duckdb"
    shutil.copy(fixture_db, db)
    monkeypatch.setenv("WORKFORCE_DB", str(db))
    st.cache_resource.clear()

    tab = AppTest.from_string(PROBE)
    first = _probe(tab)
    assert first.startswith("id:")
    assert _probe(tab) == first  # a rerun
    assert _probe(AppTest.from_string(PROBE)) == first  # another tab

    tab.session_state["probe_key"] = 2
    second = _probe(tab)
    assert second != first
    tab.session_state["probe_key"] = 1
    assert _probe(tab) == first  # back to a key seen before

    tab.session_state["lang"] = "en"
    english = _probe(tab)
    assert english.startswith("en:") and english != first

    # an import swaps a new file in (another inode, mtime, size): built again
    new = tmp_path / "new.duckdb"
    shutil.copy(db, new)
    with new.open("ab") as f:
        f.write(b"\0" * 4096)
    new.replace(db)
    tab.session_state["lang"] = "id"
    assert _probe(tab) not in (first, second)


def test_a_finished_figure_sends_the_same_spec() -> None:
    """Streamlit reads a figure through ``to_dict()``: the finished figure's is the
    original's, made once (the same object on every call)."""
    fig = go.Figure(go.Bar(x=["Las", "Garmen"], y=[12, 7], name="peserta"))
    fig.update_layout(title_text="Peserta", separators=",.")
    finished = app.FinishedFigure(fig)
    assert finished.to_dict() == fig.to_dict()
    assert finished.to_dict() is finished.to_dict()
    assert pio.to_json(finished.to_dict(), validate=False) == pio.to_json(
        fig.to_dict(), validate=False
    )
