"""The Kelola Data page under AppTest: renders in both languages, uploads a file,
shows the validation report, imports on confirm and shows the new data at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import ingest_files as f
from tests.test_ingest import load, new_database, query
from workforce.core import db, i18n, pseudonym

PAGE = "pages/kelola_data.py"


def open_page(app_test, path: Path, lang: str = "id") -> AppTest:
    """The page inside the frame (dashboard.py), signed in as test-admin."""
    at = app_test(path, lang=lang).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def page_alone(app_test):
    """Kelola Data inside the frame, signed in as test-admin, ready for an upload."""

    def make(path: Path, lang: str = "id") -> AppTest:
        return open_page(app_test, path, lang)

    return make


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "success", "info", "warning",
                                  "error", "header") for e in getattr(at, kind)]  # fmt: skip
    return "\n".join(str(p) for p in parts)


def button(at: AppTest, key: str, lang: str = "id"):
    label = i18n.t(key, lang)
    return next(b for b in at.button if b.label == label)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_renders_in_both_languages(app_test, fixture_copy, lang) -> None:
    at = open_page(app_test, fixture_copy, lang)
    labels = [t.label for t in at.tabs]
    assert labels == [i18n.t(f"kelola.tab_{k}", lang) for k in
                      ("import", "log", "checks", "templates", "release")]  # fmt: skip
    assert i18n.t("kelola.no_imports", lang) in texts(at)
    assert len(at.get("download_button")) == 2  # blank CSV and XLSX templates
    assert len(at.table) == 1  # data-quality checks (one row per rule)
    assert len(at.table[0].value) == 13  # 11 rules + the tracer study's 2
    # the guide of the first template (perusahaan), one item per column
    guide = next(m.value for m in at.markdown if "`kode_perusahaan`" in m.value)
    assert guide.count("\n- ") == 4  # five columns
    key = i18n.t("ingest.guide.is_key", lang)
    required = i18n.t("ingest.guide.is_required", lang)
    assert guide.startswith(f"- **`kode_perusahaan`** ({required}, {key}): ")


@pytest.fixture
def real_db(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv(pseudonym.ENV_VAR, f.KEY.decode())
    path = new_database(tmp_path / "real.duckdb")
    load(path, "perusahaan", "perusahaan.csv", f.PERUSAHAAN_CLEAN)
    return path


def test_upload_report_confirm_and_new_data_shows(page_alone, real_db: Path) -> None:
    at = page_alone(real_db, "en")
    uploader = at.file_uploader[0]
    uploader.set_value(("messy.csv", f.PERUSAHAAN_MESSY.encode(), "text/csv")).run()
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Data rows": "7", "To be rejected": "6", "Warnings": "0"}
    report = at.dataframe[1].value  # the preview comes first, then the report
    assert report["Row"].tolist() == [2, 3, 4, 5, 7, 8]
    assert "Unknown KBLI category" in report["Reason"].iloc[0]
    assert "Columns ignored: Keterangan" in texts(at)
    button(at, "kelola.confirm", "en").click().run()
    assert not at.exception, at.exception
    assert "messy.csv (perusahaan): 1 inserted, 0 replaced, 6 rejected" in texts(at)
    assert query(real_db, "select count(*) from perusahaan") == [(4,)]
    # the same session sees the new file at once: the log lists both imports
    log = next(d.value for d in at.dataframe if "Import #" in d.value.columns)
    assert log["Import #"].tolist() == [2, 1]
    assert at.file_uploader[0].value in (None, [])  # the uploader was reset


def test_missing_key_is_explained_in_both_languages(page_alone, tmp_path, monkeypatch):
    monkeypatch.delenv(pseudonym.ENV_VAR, raising=False)
    path = new_database(tmp_path / "real.duckdb")
    at = page_alone(path)
    at.file_uploader[0].set_value(("p.csv", f.PESERTA_CLEAN.encode(), "text/csv")).run()
    message = at.error[0].value
    assert i18n.t("ingest.error.missing_key", "id") in message
    assert i18n.t("ingest.error.missing_key", "en") in message
    assert query(path, "select count(*) from import_log") == [(0,)]


def test_a_demo_database_needs_the_trial_checkbox(page_alone, tmp_path, monkeypatch):
    monkeypatch.delenv(pseudonym.ENV_VAR, raising=False)
    path = new_database(tmp_path / "demo.duckdb")
    with db.atomic_write(path) as conn:
        db.set_info(conn, "is_demo", "true")
    at = page_alone(path)
    assert i18n.t("kelola.demo_warning", "id") in texts(at)
    at.file_uploader[0].set_value(("p.csv", f.PERUSAHAAN_CLEAN.encode(), "text/csv"))
    at.run()
    assert button(at, "kelola.confirm").disabled
    at.checkbox(key="kd_force").check().run()
    button(at, "kelola.confirm").click().run()
    assert not at.exception, at.exception
    assert query(path, "select count(*) from perusahaan") == [(3,)]
