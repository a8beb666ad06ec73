"""Import of the tracer-study template `pelacakan` into an empty database.

The clean employer, programme, participant and enrolment files of
tests/ingest_files.py are imported first (on 30 November 2025); person 1 graduated
from PLT-01 on 16 October 2025. Each pelacakan row says what must happen to it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests import ingest_files as f
from tests.test_ingest import load, new_database, pid, query
from workforce.core import checks, db
from workforce.ingest.blank import template_csv, template_xlsx
from workforce.ingest.templates import get

PELACAKAN = f.rows(f"""
nik,kode_program,tanggal_survei,status_kerja,upah_bulanan,kode_perusahaan,sama_dengan_penempatan_awal,sumber
{f.nik(1)},PLT-01,20/11/2025,Bekerja,Rp 5.400.000,PRS-01,ya,telepon  <- row 2: loads
{f.nik(1)},plt-01,1 November 2025,tidak_terlacak,,,,BPJS  <- row 3: loads (asked twice)
{f.nik(1)},PLT-01,01/10/2025,bekerja,5000000,PRS-01,ya,survei  <- row 4: before graduation
{f.nik(1)},PLT-01,1 Desember 2025,bekerja,5000000,PRS-01,ya,survei  <- row 5: future
{f.nik(1)},PLT-01,25/11/2025,bekerja,-5000,PRS-01,ya,survei  <- row 6: negative wage
{f.nik(1)},PLT-99,25/11/2025,bekerja,5000000,PRS-01,ya,survei  <- row 7: unknown programme
{f.nik(1)},PLT-01,26/11/2025,pensiun,,,,survei  <- row 8: unknown status
{f.nik(4)},PLT-01,27/11/2025,studi_lanjut,,,,survei  <- row 9: loads, never enrolled
""")
EXPECTED_REJECTIONS = {
    4: "survey_before_graduation",
    5: "date_future",
    6: "negative",
    7: "unknown_program",
    8: "enum_invalid",
}


def _base(tmp_path: Path) -> Path:
    path = new_database(tmp_path / "tracer.duckdb")
    for template, name, text, enc in f.CLEAN[:4]:
        assert load(path, template, name, text, enc).status == "loaded"
    return path


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    path = _base(tmp_path_factory.mktemp("tracer"))
    result = load(path, "pelacakan", "pelacakan.csv", PELACAKAN)
    return path, result


def test_clean_rows_load_and_bad_rows_are_rejected_with_their_reason(imported):
    path, result = imported
    assert (result.inserted, result.rejected) == (3, 5)
    issues = result.validation.issues
    reasons = dict(zip(issues["row"], issues["code"], strict=False))
    for row, code in EXPECTED_REJECTIONS.items():
        assert reasons[row] == code


def test_values_are_stored_pseudonymised_and_normalised(imported):
    path, _ = imported
    rows = query(
        path,
        "select peserta_id, kode_program, tanggal_survei::text, status_kerja,"
        " upah_bulanan_rupiah, kode_perusahaan, is_sama_dengan_penempatan_awal, sumber"
        " from pelacakan order by tanggal_survei",
    )
    assert rows[0][1:4] == ("PLT-01", "2025-11-01", "tidak_terlacak")
    assert rows[0][7] == "BPJS Ketenagakerjaan"
    assert rows[1] == (
        pid(1),
        "PLT-01",
        "2025-11-20",
        "bekerja",
        Decimal("5400000.00"),
        "PRS-01",
        True,
        "telepon",
    )
    assert rows[2][0] == pid(4) and rows[2][3] == "studi_lanjut"


def test_checks_flag_a_survey_of_someone_never_enrolled(imported):
    path, _ = imported
    conn = db.connect(path, read_only=True)
    try:
        found = {c.name: c for c in checks.stored(conn)}
    finally:
        conn.close()
    assert found["survey_not_enrolled"].count == 1
    assert found["survey_before_graduation"].count == 0  # rejected on import


def test_reimport_replaces_by_key(imported, tmp_path):
    path = _base(tmp_path)
    load(path, "pelacakan", "a.csv", PELACAKAN)
    again = PELACAKAN.replace("Rp 5.400.000", "Rp 5.500.000")
    result = load(path, "pelacakan", "b.csv", again)
    assert (result.inserted, result.replaced) == (0, 1)


def test_blank_template_has_the_columns_and_an_example_row():
    text = template_csv(get("pelacakan")).decode("utf-8-sig")
    header, example = text.splitlines()[:2]
    assert header.split(";")[:4] == [
        "nik",
        "kode_program",
        "tanggal_survei",
        "status_kerja",
    ]
    assert "bekerja" in example
    assert template_xlsx(get("pelacakan"), "id")[:2] == b"PK"  # an XLSX workbook


def test_command_line_imports_a_tracer_file(tmp_path):
    from tests.test_ingest_files import cli

    path = _base(tmp_path)
    csv = tmp_path / "pelacakan.csv"
    csv.write_text(PELACAKAN)
    done = cli("pelacakan", str(csv), "--db", str(path), "--lang", "en", "--wait", "0")
    assert done.returncode == 0, done.stderr
    # the command line imports on the real day: row 5 (1 December 2025) is no
    # longer in the future, so it loads; the other four rejections stay
    assert done.stdout.splitlines()[0].startswith("inserted 4, replaced 0, rejected 4")
    assert "survey date is before this person's graduation" in done.stdout
    assert f.nik(1) not in done.stdout + done.stderr


def test_xlsx_file_and_an_empty_database(tmp_path):
    import io

    import pandas as pd

    lines = [line.split(",") for line in PELACAKAN.splitlines()]
    frame = pd.DataFrame(lines[1:3], columns=lines[0])
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="pelacakan")
    path = _base(tmp_path)
    result = load(path, "pelacakan", "pelacakan.xlsx", "", data=buffer.getvalue())
    assert (result.inserted, result.rejected) == (2, 0)
    empty = new_database(tmp_path / "empty.duckdb")
    result = load(empty, "pelacakan", "pelacakan.xlsx", "", data=buffer.getvalue())
    assert result.inserted == 0 and result.rejected == 2  # no such participant
    assert set(result.validation.issues["code"]) >= {"unknown_peserta"}
