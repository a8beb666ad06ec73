"""Files as they arrive: XLSX built with openpyxl, blank templates, the CLI, refusals,
replacing rows that other rows point at, and the data-quality checks."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests import ingest_files as f
from tests.test_ingest import load, new_database, pid, query, reasons
from workforce.core import checks, db, i18n, pseudonym
from workforce.ingest import blank, templates
from workforce.ingest.errors import IngestError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A database with the clean perusahaan, program and peserta files loaded."""
    path = new_database(tmp_path / "w.duckdb")
    for template, name, text, enc in f.CLEAN[:3]:
        load(path, template, name, text, enc)
    return path


def xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    """A workbook with the given sheets (in order) and cell values."""
    book = Workbook()
    book.remove(book.active)
    for title, cells in sheets.items():
        sheet = book.create_sheet(title)
        for row in cells:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_with_title_rows_excel_dates_and_a_numeric_nik(base: Path) -> None:
    data = xlsx({
        "Catatan": [["this sheet is not the data"]],
        "PESERTA": [
            ["Data peserta pelatihan 2025"],  # title row above the header
            [],
            ["NIK", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Pendidikan", "Kecamatan"],
            [f.nik(20), "Eka", "L", datetime(2001, 4, 5), "SMK", "Jombang"],
            [f.nik(21), "Fajar", "P", "5 April 2002", "SMA", "purwakarta"],
            [3672010101000022, "Gita", "P", datetime(2003, 1, 2), "S1", "Cilegon"],
        ],
    })  # fmt: skip
    result = load(base, "peserta", "peserta.xlsx", "", data=data)
    assert result.validation.personal_columns == ["Nama"]
    assert reasons(result) == {6: {"nik_numeric_cell"}}  # header at row 3
    assert (result.inserted, result.rejected) == (2, 1)
    rows = query(
        base,
        "select peserta_id, tanggal_lahir::text, kecamatan_kode from peserta"
        f" where peserta_id in ('{pid(20)}', '{pid(21)}') order by 2",
    )
    assert rows == [
        (pid(20), "2001-04-05", "36.72.05"),
        (pid(21), "2002-04-05", "36.72.07"),
    ]


def test_xlsx_first_sheet_when_none_is_named_after_the_template(base: Path) -> None:
    data = xlsx({
        "Sheet1": [
            ["kode_perusahaan", "nama_perusahaan", "sektor_kbli", "kecamatan"],
            ["PRS-31", "PT Tiga Satu", "c", "Cibeber"],
        ],
        "lain": [["x"]],
    })  # fmt: skip
    result = load(base, "perusahaan", "p.xlsx", "", data=data)
    assert (result.inserted, result.rejected) == (1, 0)


def test_replacing_rows_that_other_rows_point_at(base: Path) -> None:
    for template, name, text, enc in f.CLEAN[3:5]:  # pendaftaran, penempatan
        load(base, template, name, text, enc)
    peserta = f.PESERTA_CLEAN.replace("Ani,P,10/05/2000,SMK", "Ani,P,10/05/2000,D3")
    result = load(base, "peserta", "peserta_v2.csv", peserta)
    assert (result.inserted, result.replaced, result.ignored) == (0, 1, 3)
    program = f.PROGRAM_CLEAN.replace("16-Okt-2025;16", "17-Okt-2025;18")
    result = load(base, "program", "program_v2.csv", program, "cp1252")
    assert (result.inserted, result.replaced, result.ignored) == (0, 1, 2)
    assert query(base, f"select pendidikan from peserta where peserta_id = '{pid(1)}'") \
        == [("D3",)]  # fmt: skip
    assert query(base, "select tanggal_selesai::text, kuota from program"
                 " where kode_program = 'PLT-01'") == [("2025-10-17", 18)]  # fmt: skip
    # the enrolments and placements pointing at them are all still there
    assert query(base, "select count(*) from pendaftaran") == [(4,)]
    assert query(base, "select count(*) from penempatan") == [(3,)]


def test_a_batch_resolves_references_to_files_of_the_same_import(tmp_path: Path):
    from workforce.ingest.load import Upload, import_files

    path = new_database(tmp_path / "w.duckdb")
    uploads = [  # given in the wrong order on purpose
        Upload(t, n, text.encode(enc)) for t, n, text, enc in reversed(f.CLEAN[:5])
    ]
    batch = import_files(path, uploads, key=f.KEY, today=f.TODAY, wait_s=0)
    assert [r.template for r in batch.results] == [
        "perusahaan", "program", "peserta", "pendaftaran", "penempatan",
    ]  # fmt: skip
    assert [r.rejected for r in batch.results] == [0, 0, 0, 0, 0]
    assert batch.committed


# ---- blank templates -------------------------------------------------------------


@pytest.mark.parametrize("template", templates.ORDER)
def test_blank_templates_read_back_and_skip_their_example(template: str) -> None:
    from workforce.ingest.read import read_upload

    spec = templates.get(template)
    for name, data in (
        (f"{template}.csv", blank.template_csv(spec)),
        (f"{template}.xlsx", blank.template_xlsx(spec, "id")),
    ):
        raw = read_upload(name, data, spec)
        assert [str(c) for c in raw.frame.columns] == list(spec.names)
        assert raw.frame.iloc[0].tolist() == [c.example for c in spec.columns]


def test_an_untouched_blank_template_loads_nothing(tmp_path: Path) -> None:
    path = new_database(tmp_path / "w.duckdb")
    data = blank.template_xlsx(templates.get("program"), "en")
    with pytest.raises(IngestError) as err:
        load(path, "program", "program.xlsx", "", data=data)
    assert err.value.code == "no_rows"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_guide_lists_every_column_with_its_example(lang: str) -> None:
    for spec in templates.TEMPLATES:
        listed = blank.guide_markdown(spec, lang).split("\n")
        assert len(listed) == len(spec.columns)
        for line, column in zip(listed, spec.columns, strict=True):
            assert line.startswith(f"- **`{column.name}`** (")
            assert f"`{column.example}`." in line


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_guide_describes_every_column(lang: str) -> None:
    for spec in templates.TEMPLATES:
        guide = blank.guide(spec, lang)
        assert len(guide) == len(spec.columns)
        assert guide.iloc[:, 3].str.len().min() > 5


# ---- refusals --------------------------------------------------------------------


def test_a_demo_database_refuses_real_imports_unless_forced(tmp_path: Path) -> None:
    path = new_database(tmp_path / "demo.duckdb")
    with db.atomic_write(path) as conn:
        db.set_info(conn, "is_demo", "true")
    with pytest.raises(IngestError) as err:
        load(path, "perusahaan", "p.csv", f.PERUSAHAAN_CLEAN)
    assert err.value.code == "demo_database"
    assert "init --db" in err.value.text("en")
    result = load(path, "perusahaan", "p.csv", f.PERUSAHAAN_CLEAN, force=True)
    assert result.inserted == 3
    info = dict(query(path, "select key, value from dataset_info"))
    assert "has_real_data" not in info  # a trial keeps the demo a demo, labelled
    assert info["is_demo"] == "true" and info["trial_import_on"]


def test_no_key_outside_demo_refuses_to_import(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(pseudonym.ENV_VAR, raising=False)
    path = new_database(tmp_path / "w.duckdb")
    before = path.read_bytes()
    with pytest.raises(pseudonym.MissingKeyError):
        load(path, "peserta", "p.csv", f.PESERTA_CLEAN, key=None)
    assert path.read_bytes() == before
    for lang in i18n.LANGS:
        assert pseudonym.ENV_VAR in i18n.t("ingest.error.missing_key", lang)


def test_the_key_comes_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(pseudonym.ENV_VAR, f.KEY.decode())
    path = new_database(tmp_path / "w.duckdb")
    load(path, "peserta", "p.csv", f.PESERTA_CLEAN, key=None)
    assert (pid(1),) in query(path, "select peserta_id from peserta")


def test_no_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as err:
        load(tmp_path / "missing.duckdb", "perusahaan", "p.csv", f.PERUSAHAAN_CLEAN)
    assert err.value.code == "no_database"
    assert not (tmp_path / "missing.duckdb").exists()


# ---- the command line ------------------------------------------------------------


def cli(*args: str, key: str | None = f.KEY.decode()) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(pseudonym.ENV_VAR, None)
    if key:
        env[pseudonym.ENV_VAR] = key
    return subprocess.run(
        [sys.executable, "-m", "workforce", "import", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_exit_codes_and_summary(base: Path, tmp_path: Path) -> None:
    messy = tmp_path / "peserta_messy.csv"
    messy.write_text(f.PESERTA_MESSY)
    done = cli("peserta", str(messy), "--db", str(base), "--lang", "en", "--wait", "0")
    assert done.returncode == 0, done.stderr  # loaded, with rejected rows
    assert done.stdout.splitlines()[0] == (
        "inserted 1, replaced 0, rejected 9, ignored 0 (import loaded)"
    )
    assert "row 2 · nik = '3672***********': A NIK has 16 digits" in done.stdout
    for number in f.ALL_NIKS:
        assert number not in done.stdout + done.stderr
    again = cli("peserta", str(messy), "--db", str(base), "--wait", "0")
    assert again.returncode == 0
    assert "sudah diimpor" in again.stdout  # the same file: nothing changed

    rejected = tmp_path / "anggaran.csv"
    rejected.write_bytes(f.ANGGARAN_MESSY.encode("cp1252"))
    done = cli("anggaran", str(rejected), "--db", str(base))
    assert done.returncode == 1  # every row rejected
    assert done.stdout.startswith("inserted 0, replaced 0, rejected 5, ignored 0")

    missing = tmp_path / "pendaftaran.csv"
    missing.write_text("nik;kode_program\n3672010101000001;PLT-01\n")
    done = cli("pendaftaran", str(missing), "--db", str(base), "--lang", "en")
    assert done.returncode == 2
    assert "Required columns missing for template pendaftaran: status" in done.stderr

    done = cli("peserta", str(messy), "--db", str(base), key=None)
    assert done.returncode == 4
    assert "WORKFORCE_PSEUDONYM_KEY" in done.stderr

    done = cli("peserta", str(tmp_path / "nope.csv"), "--db", str(base))
    assert done.returncode == 2


def test_cli_refuses_while_another_import_holds_the_lock(base: Path) -> None:
    csv = base.parent / "p.csv"
    csv.write_text(f.PERUSAHAAN_CLEAN)
    with db.writer_lock(base):
        done = cli("perusahaan", str(csv), "--db", str(base), "--wait", "0")
    assert done.returncode == 3
    assert "Impor lain sedang menulis" in done.stderr


# ---- data-quality checks ---------------------------------------------------------


def test_every_check_runs_and_passes_on_an_empty_database(tmp_path: Path) -> None:
    path = new_database(tmp_path / "w.duckdb")
    conn = db.connect(path, read_only=True)
    try:
        results = checks.run_checks(conn)
    finally:
        conn.close()
    assert {r.name for r in results} == set(checks.check_names())
    assert len(results) >= 10
    assert all(r.passed for r in results)
    for r in results:
        assert r.rule("id") and r.rule("en") and r.rule("id") != r.rule("en")


def test_checks_find_the_rows_that_break_their_rule(base: Path) -> None:
    enrol = f"""nik,kode_program,status,tanggal_lulus
{f.nik(1)},PLT-01,lulus,30/09/2025
{f.nik(4)},PLT-03,lulus,20/02/2025
"""  # graduation 1 day before PLT-01 starts; PLT-03 starts 2 Feb 2026
    load(base, "pendaftaran", "d.csv", enrol)
    place = f"""nik,jenis_penempatan,tanggal_mulai,kode_perusahaan,kode_program
{f.nik(1)},kerja,1 Januari 1999,PRS-01,
{f.nik(2)},wirausaha,01/11/2025,PRS-02,
{f.nik(3)},kerja,01/11/2025,PRS-01,PLT-01
"""  # born 2000 (before birth); wirausaha with employer; not enrolled in PLT-01
    load(base, "penempatan", "p.csv", place)
    load(base, "anggaran", "a.csv", "tahun,kode_program,sumber_dana,pagu,realisasi\n"
         "2025,PLT-02,APBD,100,150\n")  # fmt: skip
    result = load(base, "realisasi_bulanan", "r.csv",
                  "tahun,bulan,kode_program,sumber_dana,realisasi\n"
                  "2025,1,PLT-02,APBD,100\n")  # fmt: skip
    batch_checks = {c.name: c for c in result_checks(base)}
    assert batch_checks["placement_before_birth"].count == 1
    assert batch_checks["graduate_before_program_start"].count == 2
    assert batch_checks["wirausaha_with_employer"].count == 1
    assert batch_checks["placement_program_not_enrolled"].count == 1
    assert batch_checks["realisasi_above_pagu"].count == 1  # 150 > 100
    assert batch_checks["spending_without_enrolment"].count == 1  # PLT-02: none
    assert batch_checks["monthly_spending_mismatch"].count == 1  # 100 vs 150
    assert batch_checks["placement_before_birth"].severity == "error"
    example = batch_checks["realisasi_above_pagu"].examples
    assert example[["kode_program", "pagu_rupiah"]].values.tolist() == [["PLT-02", 100]]
    assert result.status == "loaded"
    # the import stored the same results with the marts (what Kelola Data shows)
    conn = db.connect(base, read_only=True)
    try:
        kept = checks.stored(conn)
    finally:
        conn.close()
    assert kept is not None
    live = result_checks(base)
    assert [(r.name, r.severity, r.count) for r in kept] == [
        (r.name, r.severity, r.count) for r in live
    ]
    kept_example = {r.name: r for r in kept}["realisasi_above_pagu"].examples
    assert kept_example[["kode_program", "pagu_rupiah"]].values.tolist() == [
        ["PLT-02", 100]
    ]


def test_stored_checks_of_an_older_file_are_recomputed(tmp_path: Path) -> None:
    """No check_results table (a file from before): stored() says so, the page
    then runs the checks itself; upgrade stores them."""
    path = new_database(tmp_path / "w.duckdb")
    conn = db.connect(path)
    conn.execute("drop table check_results")
    conn.close()
    conn = db.connect(path, read_only=True)
    try:
        assert checks.stored(conn) is None
    finally:
        conn.close()


def result_checks(path: Path) -> list[checks.CheckResult]:
    conn = db.connect(path, read_only=True)
    try:
        return checks.run_checks(conn)
    finally:
        conn.close()
