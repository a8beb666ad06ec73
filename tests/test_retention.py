"""Retention: ``python -m workforce retention --years N`` deletes the persons whose
last programme ended more than N years ago, with their enrolments, placements and
tracer answers, in one write, and logs counts only.

On the hand-built fixture (tests/fixtures.py) the programmes end on 2024-01-20 (P3:
A, F), 2024-03-01 (P1: A B C D E), 2024-05-01 (P4: D, E), 2024-10-15 (P2: G, C) and
2025-02-28 (P5: B, G). F took P3 only; A took P1 too. Last programme per person: F
2024-01-20, A 2024-03-01, D and E 2024-05-01, C 2024-10-15, B and G 2025-02-28.
"""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.fixtures import pid
from workforce import cli
from workforce.core import db
from workforce.ingest import retention


@pytest.fixture
def small_db(fixture_db: Path, tmp_path: Path) -> Path:
    """A copy of the fixture with two tracer answers, F's (stale) and B's, and one
    rejected row from each of two imports, finished 2023-01-10 and 2024-06-01."""
    path = tmp_path / "retention.duckdb"
    shutil.copyfile(fixture_db, path)
    conn = db.connect(path)
    conn.executemany(
        "insert into pelacakan (peserta_id, kode_program, tanggal_survei, "
        "status_kerja, sumber) values (?, ?, ?, ?, 'telepon')",
        [
            (pid("F"), "P3", date(2024, 10, 30), "tidak_bekerja"),
            (pid("B"), "P1", date(2024, 9, 30), "bekerja"),
        ],
    )
    for import_id, finished in ((901, date(2023, 1, 10)), (902, date(2024, 6, 1))):
        conn.execute(
            "insert into import_log (import_id, started_at, finished_at, user_name, "
            "file_name, file_sha256, template, row_count, inserted_count, "
            "replaced_count, ignored_count, rejected_count, warning_count, new_refs, "
            "ignored_columns, status) values (?, ?, ?, 'siti', 'peserta.csv', ?, "
            "'peserta', 1, 0, 0, 0, 1, 0, '{}', '[]', 'loaded')",
            [import_id, finished, finished, "0" * 64],
        )
        conn.execute(
            "insert into import_quarantine values (?, 'peserta', 'peserta.csv', 2, "
            "'{\"nik\": \"3672************\"}', '[]', 'alasan', 'reason')",
            [import_id],
        )
    conn.close()
    return path


def persons(path: Path) -> set[str]:
    conn = db.connect(path, read_only=True)
    try:
        return {
            row[0] for row in conn.execute("select peserta_id from peserta").fetchall()
        }
    finally:
        conn.close()


def test_a_programme_that_ended_exactly_n_years_ago_keeps_its_participants(
    small_db: Path,
) -> None:
    done = retention.apply(small_db, 3, date(2027, 1, 20))
    assert done.cutoff == date(2024, 1, 20)  # P3 (F's only programme) ended then
    assert done.counts == {
        "peserta_count": 0,
        "pendaftaran_count": 0,
        "penempatan_count": 0,
        "pelacakan_count": 0,
        "karantina_count": 1,  # the rejected row of 2023-01-10
    }
    assert len(persons(small_db)) == 7


def test_one_day_later_f_goes_with_her_rows_and_a_stays(
    small_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(
        ["retention", "--years", "3", "--db", str(small_db), "--as-of", "2027-01-21",
         "--lang", "en"]
    )  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out == (
        "Retention 3 years (cutoff 21 January 2024): deleted persons: 1, enrolments: 1, "
        "placements: 1, tracer answers: 1, quarantined rows: 1. Recorded in the audit "
        "log (counts only).\n"
    )  # F: P3, her magang, her answer; the import of 2023-01-10
    left = persons(small_db)
    assert pid("F") not in left and pid("A") in left
    assert len(left) == 6
    conn = db.connect(small_db, read_only=True)
    try:
        assert conn.execute(
            "select count(*) from pendaftaran where peserta_id = ?", [pid("F")]
        ).fetchone() == (0,)
        assert conn.execute("select count(*) from penempatan").fetchone() == (
            5,
        )  # 6 - 1
        assert conn.execute("select count(*) from pelacakan").fetchone() == (1,)
        assert conn.execute("select import_id from import_quarantine").fetchall() == [
            (902,)
        ]
        assert conn.execute("select count(*) from import_log").fetchone() == (2,)
        # the marts follow: P3 keeps only A's enrolment
        assert conn.execute(
            "select count(*) from mart_enrolment where kode_program = 'P3'"
        ).fetchone() == (1,)
        log = conn.execute(
            "select user_name, action, detail from audit_log where action = 'retention'"
        ).fetchall()
    finally:
        conn.close()
    assert log == [
        ("cli", "retention",
         "retention 3 years (cutoff 2024-01-21): peserta 1, pendaftaran 1, "
         "penempatan 1, pelacakan 1, karantina 1"),
    ]  # fmt: skip


def test_a_dry_run_counts_in_indonesian_and_deletes_nothing(
    small_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = small_db.read_bytes()
    code = cli.main(
        ["retention", "--years", "2", "--dry-run", "--db", str(small_db),
         "--as-of", "2026-04-01"]
    )  # fmt: skip
    assert code == 0
    # cutoff 2024-04-01: P3 and P1 ended before; A (P1, P3) and F (P3) have nothing
    # later: their 3 enrolments, 2 placements (A kerja, F magang), F's answer go
    assert capsys.readouterr().out == (
        "Uji coba, tidak ada yang dihapus. Masa simpan 2 tahun (batas 1 April 2024) "
        "akan menghapus 2 peserta, 3 pendaftaran, 2 penempatan, "
        "1 jawaban pelacakan, 1 baris karantina.\n"
    )
    assert small_db.read_bytes() == before


def test_a_failing_run_leaves_the_database_whole(small_db: Path) -> None:
    conn = db.connect(small_db)
    conn.execute("drop table pelacakan")  # the run fails half-way
    conn.close()
    with pytest.raises(duckdb.Error):
        retention.apply(small_db, 3, date(2027, 1, 21))
    assert len(persons(small_db)) == 7


def test_zero_years_is_refused(small_db: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["retention", "--years", "0", "--db", str(small_db)]) == 2
    assert capsys.readouterr().err == (
        "error: Masa simpan harus paling sedikit 1 tahun (--years).\n"
    )
    assert len(persons(small_db)) == 7


def test_forget_person_deletes_one_person_read_from_standard_input(
    small_db: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """F (NIK 3672010101000000, typed with dots) took P3, began an apprenticeship
    and answered the tracer once: four rows go; nobody else's."""
    monkeypatch.delenv("WORKFORCE_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("WORKFORCE_PSEUDONYM_KEY_FILE", raising=False)
    monkeypatch.chdir(small_db.parent)  # no secrets file: the demo key
    monkeypatch.setattr("sys.stdin", io.StringIO("3672.0101.0100.0000\n"))
    code = cli.main(["forget-person", "--db", str(small_db), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0
    assert out == (
        "One person's data deleted: 1 person, 1 enrolments, 1 placements, "
        "1 tracer answers. Recorded in the audit log (counts only, no NIK).\n"
    )
    assert persons(small_db) == {pid(label) for label in "ABCDEG"}
    conn = db.connect(small_db, read_only=True)
    try:
        log = conn.execute(
            "select detail from audit_log where action = 'forget_person'"
        ).fetchall()
    finally:
        conn.close()
    assert log == [
        ("forget-person: peserta 1, pendaftaran 1, penempatan 1, pelacakan 1",)
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("3672010101000000\n"))
    assert cli.main(["forget-person", "--db", str(small_db), "--lang", "en"]) == 1
