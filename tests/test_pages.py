"""Every page runs under AppTest: both databases, both languages, hostile URLs.

Parametrised over ``navigation.PAGES``, so a page added to the registry is covered
without touching this file. AppTest runs as on a server where ``st.navigation`` has
run (tests/conftest.py); ``test_switch_page_runs_the_frame`` checks the fresh-server
case, where a page runs alone in Streamlit's old ``pages/`` mode and sends itself
through dashboard.py (``ui.ensure_frame``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from workforce.core import i18n
from workforce.core.navigation import PAGES, PageSpec

HOSTILE = {
    "tahun": "2024'--",
    "kecamatan": "<img src=x onerror=alert(1)>",
    "kejuruan": "'; drop table program; --",
    "penyelenggara": "<script>alert(1)</script>",
    "kuartal": "1 or 1=1",
    "jenis": '"><svg onload=alert(1)>',
    "sumber_dana": "APBN' union select * from peserta --",
}
HOSTILE_LANG = "<b>en</b>"


@pytest.fixture(params=["fixture", "demo"])
def any_db(request: pytest.FixtureRequest) -> Path:
    """The hand-built fixture database, then the demo database."""
    return request.getfixturevalue(f"{request.param}_db")


def _open(at: AppTest, spec: PageSpec) -> AppTest:
    at.run()
    assert not at.exception, _exceptions(at)
    at.switch_page(spec.file).run()
    assert not at.exception, _exceptions(at)
    return at


def _exceptions(at: AppTest) -> str:
    return "\n".join(f"{e.message}\n{''.join(e.stack)}" for e in at.exception)


def _walk(node) -> Iterator:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _proto_strings(msg) -> Iterator[str]:
    for field, value in msg.ListFields():
        values = value if field.is_repeated else [value]
        for item in values:
            if field.type == field.TYPE_MESSAGE:
                yield from _proto_strings(item)
            elif field.type == field.TYPE_STRING:
                yield item


def rendered_text(at: AppTest) -> str:
    """Every string the app sent to the browser (texts, labels, options, values)."""
    out = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.extend(_proto_strings(proto))
    return "\n".join(out)


def _title(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path)
def test_page_runs(app_test, any_db: Path, spec: PageSpec, lang: str) -> None:
    at = _open(app_test(any_db, lang=lang), spec)
    assert _title(at), "a page opens with its heading (a login prompt has none)"
    frame_ran = "lang" in [r.key for r in at.radio]  # the frame's language switch
    assert frame_ran, "the page ran without dashboard.py: call app.page(__file__)"
    drawn = [w.key for w in [*at.selectbox, *at.multiselect] if w.key.startswith("f_")]
    assert drawn == [f"f_{name}" for name in spec.filters]  # only what it honours
    role = i18n.t(f"auth.role.{spec.role}", lang)
    assert i18n.t("auth.need_login", lang, role=role) not in rendered_text(at)


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path)
def test_page_with_hostile_url(app_test, fixture_db: Path, spec: PageSpec) -> None:
    at = app_test(fixture_db, lang=None, **HOSTILE)
    at.query_params["lang"] = HOSTILE_LANG
    at.run()
    assert not at.exception, _exceptions(at)
    frame = rendered_text(at)
    assert "Filter" in frame  # the sidebar is there
    assert at.session_state["lang"] == "id"  # ?lang=<b>en</b> is not a language
    assert dict(at.query_params) == {"tahun": "2024"}  # hostile values dropped
    at.switch_page(spec.file).run()
    assert not at.exception, _exceptions(at)
    page = rendered_text(at)
    for value in [*HOSTILE.values(), HOSTILE_LANG]:
        assert value not in frame and value not in page, value


def test_hostile_values_are_not_kept_in_the_url(app_test, fixture_db: Path) -> None:
    at = app_test(fixture_db, **HOSTILE).run()
    assert at.selectbox(key="f_tahun").value == 2024  # latest year, not 2024'--
    assert at.selectbox(key="f_kuartal").value == 0
    for dim in ("kecamatan", "kejuruan", "penyelenggara", "jenis", "sumber_dana"):
        assert at.multiselect(key=f"f_{dim}").value == []
    assert dict(at.query_params) == {"tahun": "2024"}


@pytest.mark.parametrize(
    ("params", "kecamatan", "tahun"),
    [
        ({"tahun": "2023", "kecamatan": "Ciwandan"}, ["Ciwandan"], 2023),
        ({"tahun": "2024", "kecamatan": " ciwandan "}, ["Ciwandan"], 2024),
        ({"tahun": "2024", "kecamatan": "Gerogol"}, ["Grogol"], 2024),  # Kemendagri
        ({"kecamatan": ["Ciwandan", "Grogol"]}, ["Ciwandan", "Grogol"], 2024),
    ],
)
def test_url_filter_is_applied(app_test, fixture_db: Path, params, kecamatan, tahun):
    at = app_test(fixture_db, **params).run()
    assert not at.exception, _exceptions(at)
    assert at.multiselect(key="f_kecamatan").value == kecamatan
    assert at.selectbox(key="f_tahun").value == tahun
    # the URL is rewritten to the canonical names (one value: str; several: list)
    in_url = kecamatan[0] if len(kecamatan) == 1 else kecamatan
    assert at.query_params["kecamatan"] == in_url
    assert at.session_state["filters"].values("kecamatan") == tuple(kecamatan)


def test_url_filter_on_the_demo_database(app_test, demo_db: Path) -> None:
    at = app_test(demo_db, tahun="2024", kecamatan="Ciwandan").run()
    assert not at.exception, _exceptions(at)
    assert at.multiselect(key="f_kecamatan").value == ["Ciwandan"]
    assert at.selectbox(key="f_tahun").value == 2024


@pytest.mark.parametrize("lang", ["id", "en"])
def test_demo_banner_and_language(app_test, fixture_db: Path, lang: str) -> None:
    at = app_test(fixture_db, lang=lang).run()
    assert any(i18n.t("app.demo_banner", lang) == w.value for w in at.warning)
    assert i18n.t("filter.header", lang) in [s.value for s in at.sidebar.header]


def test_language_from_the_url(app_test, fixture_db: Path) -> None:
    at = app_test(fixture_db, lang=None)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception, _exceptions(at)
    assert at.session_state["lang"] == "en"
    assert i18n.t("filter.header", "en") in [s.value for s in at.sidebar.header]
    assert at.query_params["lang"] == "en"  # kept in the shareable URL


def test_switch_page_runs_the_frame(app_test, fixture_db: Path) -> None:
    """A page Streamlit runs straight from pages/ reruns through dashboard.py.

    AppTest starts every run in Streamlit's legacy pages/ mode, as the first deep
    link on a fresh server does (app.page)."""
    at = app_test(fixture_db, tahun="2023").run()
    at.switch_page(PAGES[0].file).run()
    assert not at.exception, _exceptions(at)
    assert at.selectbox(key="f_tahun").value == 2023  # the frame's sidebar
    assert i18n.t("app.demo_banner") in [w.value for w in at.warning]


def test_a_filter_survives_a_page_that_does_not_draw_it(app_test, fixture_db) -> None:
    """Ringkasan with a kecamatan → Transparansi (year only) → Ringkasan: the
    kecamatan is still chosen, and the public page did not apply it."""
    at = app_test(fixture_db, lang="en", role="admin", kecamatan="Ciwandan").run()
    at.switch_page("pages/ringkasan.py").run()
    assert at.session_state["filters"].values("kecamatan") == ("Ciwandan",)
    at.switch_page("pages/transparansi.py").run()
    assert at.session_state["filters"].values("kecamatan") == ()
    at.switch_page("pages/ringkasan.py").run()
    assert not at.exception
    assert at.session_state["filters"].values("kecamatan") == ("Ciwandan",)


RAW_NUMBER = re.compile(
    r"^-?(\d{4,}|\d+\.\d{1,2})$"
)  # 488385000, 95.12: not Indonesian


@pytest.mark.parametrize(
    "spec", [s for s in PAGES if s.url_path != "kelola_data"], ids=lambda s: s.url_path
)
def test_view_data_tables_write_numbers_the_indonesian_way(
    app_test, demo_db: Path, spec: PageSpec
) -> None:
    """Every "Lihat data" table in Indonesian: thousands with dots, decimals with a
    comma (488.385.000; 95,12), right-aligned; years stay 2025."""
    at = _open(app_test(demo_db, lang="id"), spec)
    cells = 0
    for frame in at.dataframe:
        df = frame.value
        for column in df.columns:
            for value in df[column]:
                text = str(value)
                assert not RAW_NUMBER.match(text) or "tahun" in str(column).lower() \
                    or "year" in str(column).lower() or 1990 <= float(text) <= 2100, (
                    spec.url_path, column, text)  # fmt: skip
                cells += 1
    assert cells > 0


def test_display_table_keeps_the_numbers_for_the_download() -> None:
    from workforce import app

    data = pd.DataFrame(
        {"Tahun": [2025], "Realisasi (Rp)": [488385000.0], "Serapan (%)": [95.12]}
    )
    shown, config = app.display_table(data, "id")
    assert shown.iloc[0].tolist() == [2025, "488.385.000", "95,12"]
    assert set(config) == {"Realisasi (Rp)", "Serapan (%)"}
    en, _ = app.display_table(data, "en")
    assert en.iloc[0].tolist() == [2025, "488,385,000", "95.12"]
    assert data.iloc[0].tolist() == [2025, 488385000.0, 95.12]  # untouched


def test_labels_written_as_numbers_are_told_from_amounts_by_the_column_name() -> None:
    """Years, months and codes stay as written (2025, not 2.025); a count whose
    header mentions months ("Ditempatkan ≤ 6 bulan") is an amount (1.234)."""
    from workforce import app

    for name in (
        "Tahun",
        "tahun",
        "Bulan",
        "Triwulan",
        "Year",
        "Month",
        "kode_program",
    ):
        assert app.is_label_column(name), name
    for name in ("kecamatan_kode", "Kode kecamatan", "Kecamatan code"):
        assert app.is_label_column(name), name
    for name in ("Ditempatkan ≤ 6 bulan", "Placed ≤ 6 months", "Upah bulanan (Rp)"):
        assert not app.is_label_column(name), name
    shown, _ = app.display_table(
        pd.DataFrame({"Tahun": [2025], "Ditempatkan ≤ 6 bulan": [1234]}), "id"
    )
    assert shown.iloc[0].tolist() == [2025, "1.234"]


def test_a_wide_table_keeps_the_name_of_its_rows_in_view() -> None:
    """From four columns a table scrolls sideways on a phone: its first column,
    the row's name, is pinned; a number in the first column is not a name."""
    from workforce import app

    wide = pd.DataFrame(
        {"Penyelenggara": ["BBPVP Serang"], "Peserta": [692], "n": [771], "x": [1.5]}
    )
    _, config = app.display_table(wide, "id")
    assert config["Penyelenggara"]["pinned"] is True
    assert config["Peserta"]["pinned"] is None
    _, narrow = app.display_table(wide.iloc[:, :3], "id")
    assert "Penyelenggara" not in narrow
    _, numeric = app.display_table(wide.iloc[:, 1:].assign(y=2), "id")
    assert all(c["pinned"] is None for c in numeric.values())
