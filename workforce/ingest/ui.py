"""Streamlit blocks of the Kelola Data page: upload and import, import log and
quarantine, data-quality checks, blank templates. The logic is in workforce.ingest.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import partial
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from workforce import app
from workforce.access import ui as access_ui
from workforce.core import checks, db, i18n, pseudonym, reporting
from workforce.core.markup import md, md_list
from workforce.ingest import blank, templates
from workforce.ingest.errors import IngestError
from workforce.ingest.load import (
    BatchResult,
    Upload,
    import_files,
    preview,
    resolve_key,
)
from workforce.ingest.report import masked_rows, report, to_csv
from workforce.ingest.summary import summary_lines
from workforce.public.publishing import ui as release_ui

PREVIEW_ROWS = 20
WAIT_S = 10.0
ICONS = {
    "error": ":material/error:",
    "warning": ":material/warning:",
    "info": ":material/info:",
}


def T(key: str, **values: Any) -> str:  # noqa: N802 (same short name as app.T)
    """Translate into the page's language."""
    return app.T(key, **values)


def template_label(name: str, lang: str) -> str:
    """``peserta — Peserta``."""
    return f"{name} — {i18n.t(f'ingest.template.{name}', lang)}"


def template_select(key: str) -> str:
    """A template picker (the label's language is fixed when drawn, as AppTest
    formats stored values outside the script run)."""
    return st.selectbox(
        T("kelola.template"),
        templates.ORDER,
        format_func=partial(template_label, lang=app.lang()),
        key=key,
    )


def pseudonym_key() -> bytes | None:
    """The key from its file, $WORKFORCE_PSEUDONYM_KEY or st.secrets, if set."""
    try:
        return pseudonym.key_from_env()
    except pseudonym.KeyFileError:
        return None  # the import asks again and shows why the file is refused
    except pseudonym.MissingKeyError:
        pass
    try:
        value = st.secrets.get(pseudonym.ENV_VAR)
    except (FileNotFoundError, KeyError, AttributeError):  # no secrets file
        value = None
    return str(value).encode() if value and len(str(value)) >= 16 else None


def missing_key_message(exc: Exception | None = None) -> None:
    """The missing-key message in both languages (whoever reads it can act on it);
    for a refused key file, why it is refused."""
    if isinstance(exc, pseudonym.KeyFileError):
        texts = [md(exc.text(lang)) for lang in i18n.LANGS]
    else:
        texts = [i18n.t("ingest.error.missing_key", lang) for lang in i18n.LANGS]
    st.error("\n\n".join(texts), icon=":material/key_off:")


# ---- upload, preview, import ---------------------------------------------------------


def import_section() -> None:
    """Pick a template, upload, preview and validate, then confirm the import."""
    show_last_result()
    name = template_select("kd_tpl")
    demo = app.is_demo()
    force = False
    if demo:
        st.warning(T("kelola.demo_warning"), icon=":material/science:")
        force = st.checkbox(T("kelola.force"), key="kd_force")
    uploader_words()
    upload = st.file_uploader(
        T("kelola.upload"),
        type=["csv", "txt", "xlsx", "xls"],
        key=f"kd_file_{st.session_state.get('kd_upload_round', 0)}",
        help=T("kelola.upload_help"),
    )
    if upload is None:
        st.caption(T("kelola.upload_hint"))
        return
    key = _key_or_none(demo)
    if key is None:
        missing_key_message()
        return
    item = Upload(name, upload.name, upload.getvalue())
    try:
        checked = _preview(item, key)
    except IngestError as exc:
        st.error(exc.text(app.lang(), esc=md), icon=":material/block:")
        return
    show_preview(checked)
    today = date.today()
    as_of = st.date_input(
        T("kelola.as_of"),
        value=today,
        max_value=today,
        format="DD/MM/YYYY",
        key="kd_as_of",
        help=T("kelola.as_of_help"),
    )
    if st.button(T("kelola.confirm"), type="primary", disabled=demo and not force):
        run_import(item, key, force, as_of)


def _key_or_none(demo: bool) -> bytes | None:
    info = {"is_demo": "true" if demo else "false"}
    try:
        return resolve_key(pseudonym_key(), info, True, app.db_file())
    except pseudonym.MissingKeyError:
        return None


def _preview(item: Upload, key: bytes) -> Any:
    """Validation of the upload against the live database (kept per file and data)."""
    digest = hashlib.sha256(item.data).hexdigest()
    stamp = app.stamp(app.db_file())
    wanted = (item.template, digest, stamp)
    cached = st.session_state.get("kd_preview")
    if not cached or cached[0] != wanted:
        cached = (wanted, preview(app.conn(), item, key))
        st.session_state["kd_preview"] = cached
    return cached[1]


def show_preview(v: Any) -> None:
    """First rows (NIK masked), counts, and the validation report."""
    c1, c2, c3 = st.columns(3)
    c1.metric(T("kelola.rows"), i18n.fmt_number(v.row_count, app.lang()))
    c2.metric(T("kelola.rejected"), i18n.fmt_number(v.rejected, app.lang()))
    c3.metric(T("kelola.warnings"), i18n.fmt_number(v.warnings, app.lang()))
    with st.expander(T("kelola.preview", n=min(PREVIEW_ROWS, len(v.raw)))):
        st.dataframe(masked_rows(v, v.raw.index[:PREVIEW_ROWS]), width="stretch")
    for kind, names in v.new_refs.items():
        shown = ", ".join(md_list(names))
        st.info(T("ingest.summary.new_refs", kind=kind, names=shown))
    for key, values in (
        ("ignored_columns", v.ignored_columns),
        ("personal_columns", v.personal_columns),
    ):
        if values:
            st.caption(T(f"ingest.summary.{key}", columns=", ".join(md_list(values))))
    if v.example_rows:
        st.caption(T("ingest.summary.example_rows", n=v.example_rows))
    report_table(report(v), f"laporan_validasi_{v.template.name}")


def report_table(frame: pd.DataFrame, file_stem: str) -> None:
    """The validation report in the page's language, and the CSV in both."""
    if frame.empty:
        st.success(T("kelola.no_issues"), icon=":material/check_circle:")
        return
    st.header(T("kelola.report"))
    shown = frame[["row", "column", "value", "severity", f"reason_{app.lang()}"]]
    shown = shown.assign(severity=shown["severity"].map(lambda s: T(f"kelola.sev.{s}")))
    shown.columns = [T(f"kelola.col.{c}") for c in ("row", "column", "value",
                                                    "severity", "reason")]  # fmt: skip
    st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(
        T("kelola.download_report"),
        to_csv(frame),
        file_name=f"{file_stem}.csv",
        mime="text/csv",
        key=f"dl_{file_stem}",
    )


def run_import(item: Upload, key: bytes, force: bool, as_of: date) -> None:
    """Import in one transaction, dated ``as_of``; keep the outcome for the next run."""
    user = st.session_state.get("user_name") or "admin"
    try:
        with st.spinner(T("kelola.importing")):
            batch = import_files(
                app.db_file(),
                [item],
                user=user,
                key=key,
                force=force,
                wait_s=WAIT_S,
                as_of=as_of,
            )
    except db.LockedError:
        st.error(T("ingest.error.locked"), icon=":material/lock_clock:")
        return
    except pseudonym.MissingKeyError as exc:
        missing_key_message(exc)
        return
    except IngestError as exc:
        st.error(exc.text(app.lang(), esc=md), icon=":material/block:")
        return
    st.session_state["kd_result"] = batch
    st.session_state["kd_upload_round"] = st.session_state.get("kd_upload_round", 0) + 1
    st.session_state.pop("kd_preview", None)
    st.rerun()


def show_last_result() -> None:
    """The outcome of the import just made (kept across the rerun)."""
    batch: BatchResult | None = st.session_state.get("kd_result")
    if batch is None:
        return
    for result in batch.results:
        box = {"loaded": st.success, "unchanged": st.info, "rejected": st.warning}
        lines = summary_lines(result, app.lang(), esc=md)
        box[result.status]("  \n".join(lines))
    if batch.checks:
        failed = sum(not c.passed for c in batch.checks)
        st.caption(T("ingest.summary.checks", failed=failed, total=len(batch.checks)))


# ---- import log and quarantine ---------------------------------------------------


def _table(name: str, **params: Any) -> pd.DataFrame | None:
    try:
        return app.query(name, None, **params)
    except duckdb.CatalogException:  # a database from before migration 002
        return None


def dates_section() -> None:
    """Each table's "data per" date and the reporting date they give."""
    info = app.info()
    dates = reporting.table_dates(info)
    if not dates:
        return
    st.header(T("kelola.table_dates"))
    as_of = reporting.as_of(info)
    st.caption(T("kelola.table_dates_hint", date=i18n.fmt_date(as_of, app.lang())))
    table = pd.DataFrame(
        {
            T("kelola.tcol.table"): list(dates),
            T("kelola.tcol.as_of"): [
                i18n.fmt_date(d, app.lang()) for d in dates.values()
            ],
        }
    )
    st.table(table, hide_index=True)


def log_section() -> None:
    """The tables' dates, the latest imports, the rows kept in quarantine."""
    dates_section()
    st.header(T("kelola.log"))
    log = _table("ingest/import_log", limit=100)
    if log is None or log.empty:
        st.info(T("kelola.no_imports"))
        return
    log["status"] = log["status"].map(lambda s: T(f"kelola.status.{s}"))
    log.columns = [T(f"kelola.logcol.{c}") for c in log.columns]
    st.dataframe(log, hide_index=True, width="stretch")
    st.header(T("kelola.quarantine"))
    st.caption(T("kelola.quarantine_hint"))
    rows = _table("ingest/quarantine", limit=1000)
    if rows is None or rows.empty:
        st.success(T("kelola.quarantine_empty"))
        return
    other = "reason_en" if app.lang() == "id" else "reason_id"
    shown = rows.drop(columns=[other])
    shown.columns = [T(f"kelola.qcol.{c}") for c in shown.columns]
    st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(  # personal data: made on click, served once
        T("kelola.download_quarantine"),
        access_ui.private_file(partial(to_csv, rows)),
        file_name="karantina.csv",
        mime="text/csv",
        key="dl_quarantine",
        on_click="ignore",
    )


def uploader_words() -> None:
    """Streamlit writes its upload box in English ("Upload", "200MB per file") and
    has no setting for it: the box's words in the interface language, by CSS (the
    limit is the server's own ``server.maxUploadSize``)."""
    limit = int(st.get_option("server.maxUploadSize"))
    button = json.dumps(T("kelola.uploader.button"), ensure_ascii=False)
    rule = json.dumps(
        T("kelola.uploader.limit", mb=limit) + " • CSV, TXT, XLSX, XLS",
        ensure_ascii=False,
    )
    box = '[class*="st-key-kd_file_"] [data-testid="stFileUploaderDropzone"]'
    st.html(
        f"""<style>
{box} button p {{ font-size: 0; }}
{box} button p::after {{ content: {button}; font-size: 0.875rem; }}
{box} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
{box} [data-testid="stFileUploaderDropzoneInstructions"] span::after
  {{ content: {rule}; font-size: 0.875rem; }}
</style>"""
    )


# ---- data-quality checks -----------------------------------------------------------


@st.cache_data(max_entries=4, show_spinner=False)
def _checks(path: str, file_stamp: app.Stamp) -> list[checks.CheckResult]:
    conn = app.conn()  # stored with the marts; run here only for an old file
    return checks.stored(conn) or checks.run_checks(conn)


def checks_section() -> None:
    """Every rule with its count of violating rows, and examples of each."""
    st.header(T("kelola.checks"))
    st.caption(T("kelola.checks_hint"))
    path = app.db_file()
    results = _checks(str(path), app.stamp(path))
    summary = checks.summary(results, app.lang())
    summary["severity"] = summary["severity"].map(lambda s: T(f"kelola.sev.{s}"))
    summary["count"] = summary["count"].map(lambda n: i18n.fmt_number(n, app.lang()))
    summary = summary.drop(columns=["check"])
    summary.columns = [T(f"kelola.ccol.{c}") for c in summary.columns]
    st.table(summary, hide_index=True)  # wraps the rule text, also on a phone
    for result in results:
        if not result.passed:
            label = f"{result.rule(app.lang())} ({result.count})"
            with st.expander(label, icon=ICONS[result.severity]):
                st.dataframe(result.examples, hide_index=True, width="stretch")


# ---- blank templates ---------------------------------------------------------------


def templates_section() -> None:
    """A blank template to download (CSV and XLSX) and its column guide."""
    st.header(T("kelola.templates"))
    name = template_select("kd_blank")
    spec = templates.get(name)
    c1, c2 = st.columns(2)
    c1.download_button(
        T("kelola.download_csv"),
        blank.template_csv(spec),
        file_name=f"templat_{name}.csv",
        mime="text/csv",
        key="dl_blank_csv",
    )
    c2.download_button(
        T("kelola.download_xlsx"),
        blank.template_xlsx(spec, app.lang()),
        file_name=f"templat_{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="dl_blank_xlsx",
    )
    st.markdown(blank.guide_markdown(spec, app.lang()))
    st.caption(T("ingest.guide.example_note"))


# ---- the page ----------------------------------------------------------------


def page() -> None:
    """Kelola Data: import, the import log, checks and blank templates."""
    app.page_header("nav.kelola_data", "kelola.intro")

    tab_import, tab_log, tab_checks, tab_templates, tab_release = st.tabs(
        [
            app.T("kelola.tab_import"),
            app.T("kelola.tab_log"),
            app.T("kelola.tab_checks"),
            app.T("kelola.tab_templates"),
            app.T("kelola.tab_release"),
        ]
    )
    with tab_import:
        import_section()
    with tab_log:
        log_section()
    with tab_checks:
        checks_section()
    with tab_templates:
        templates_section()
    with tab_release:
        release_ui.release_section()
