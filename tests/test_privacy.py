"""Personal data at rest: a NIK written anywhere is caught, and never stored or
shown in clear (the import's free text, file names, the import and audit logs,
the quarantine and the command line's report).

The budget-table and overlap attacks on the public figures are in
tests/test_public.py and tests/test_disclosure.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workforce import refresh
from workforce.core import db, pseudonym
from workforce.ingest.load import Upload, import_files, preview
from workforce.ingest.report import report

KEY = b"privacy-test-key-0123456789"
LOWONGAN = "kode_perusahaan,kejuruan,tahun,jumlah\n"
PERUSAHAAN = (
    "kode_perusahaan,nama_perusahaan,sektor_kbli,kecamatan,anggota_apindo\n"
    "PRS-0001,PT Baja,C,Ciwandan,ya\n"
)
WRITTEN = {
    "3672.0101.9999.0003": "3672************",
    "NIK 3672-0101-9999-0005": "NIK 3672************",
    "3672 0101 9999 0007": "3672************",
    "3672010199990009": "3672************",
}


@pytest.mark.parametrize(("text", "masked"), WRITTEN.items())
def test_every_way_of_writing_a_nik_is_masked(text: str, masked: str) -> None:
    assert pseudonym.has_nik(text)
    assert pseudonym.mask_text(text) == masked


@pytest.mark.parametrize(
    "text", ["0812-3456-7890", "Rp 1.234.567.890", "2025", "36720101999900031234"]
)
def test_phone_numbers_money_and_longer_numbers_are_not_niks(text: str) -> None:
    assert not pseudonym.has_nik(text) and pseudonym.mask_text(text) == text


@pytest.fixture
def real_db(tmp_path: Path) -> Path:
    path = tmp_path / "cilegon.duckdb"
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)
    return path


def test_a_nik_in_free_text_rejects_the_row_and_is_masked(real_db: Path) -> None:
    rows = [f"PRS-0001,Las {text},2025,1" for text in WRITTEN] + ["PRS-0001,Las,2025,2"]
    data = (LOWONGAN + "\n".join(rows) + "\n").encode()
    conn = db.connect(real_db, read_only=True)
    try:
        checked = preview(conn, Upload("lowongan", "f.csv", data), KEY)
    finally:
        conn.close()
    found = report(checked)
    kejuruan = found[found["column"] == "kejuruan"]
    assert kejuruan["code"].tolist() == ["nik_in_text"] * len(WRITTEN)
    assert 6 not in set(kejuruan["row"])  # the honest row (row 6) has no such reason
    shown = " ".join(found["value"].astype(str))
    for text in WRITTEN:
        digits = "".join(ch for ch in text if ch.isdigit())
        assert digits[4:] not in shown.replace(".", "").replace("-", "").replace(
            " ", ""
        )


def test_a_nik_in_a_file_name_never_reaches_the_logs(real_db: Path) -> None:
    name = "perusahaan NIK 3672.0101.9999.0003.csv"
    import_files(
        real_db,
        [Upload("perusahaan", name, PERUSAHAAN.encode())],
        key=KEY,
        wait_s=0,
    )
    conn = db.connect(real_db, read_only=True)
    try:
        logged = conn.execute("select file_name from import_log").fetchall()
        audit = conn.execute("select detail from audit_log").fetchall()
    finally:
        conn.close()
    stored = " ".join(str(v) for row in logged + audit for v in row)
    assert "perusahaan NIK 3672************.csv" in stored
    assert "9999" not in stored and "0101" not in stored
