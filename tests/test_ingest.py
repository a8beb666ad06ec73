"""Import of every template, clean and messy (tests/ingest_files.py), into one database.

The module fixture imports the ten clean files, then the ten messy ones, in the
template order, on 30 November 2025. Tests check each loaded value, each rejected
row's reason, the counts, the quarantine and the import log.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests import ingest_files as f
from workforce import refresh
from workforce.core import db, pseudonym
from workforce.ingest.errors import IngestError
from workforce.ingest.load import ImportResult, import_file
from workforce.ingest.report import report


def new_database(path: Path) -> Path:
    """An empty database (schema, reference tables, published statistics)."""
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)
    return path


def load(
    path: Path,
    template: str,
    name: str,
    text: str,
    enc: str = "utf-8",
    data: bytes | None = None,
    **kw,
) -> ImportResult:
    """Import one hand-written file (``text`` in ``enc``, or raw ``data``)."""
    kw = {"key": f.KEY, "today": f.TODAY, "wait_s": 0, **kw}
    payload = text.encode(enc) if data is None else data
    return import_file(path, template, name, payload, **kw)


def query(path: Path, sql: str) -> list[tuple]:
    """Rows of ``sql`` on a short-lived read-only connection."""
    conn = db.connect(path, read_only=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def pid(n: int) -> str:
    """The stored pseudonym of synthetic NIK ``n``."""
    return pseudonym.pseudonymise(f.nik(n), f.KEY)


def reasons(result: ImportResult) -> dict[int, set[str]]:
    """Rejected spreadsheet row → its error codes."""
    issues = result.validation.issues
    errors = issues[issues["severity"] == "error"]
    out: dict[int, set[str]] = {}
    for row, code in zip(errors["row"], errors["code"], strict=True):
        out.setdefault(int(row), set()).add(code)
    return out


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """Database after the clean then the messy files; results by file name."""
    path = new_database(tmp_path_factory.mktemp("ingest") / "w.duckdb")
    results = {}
    for template, name, text, enc in f.CLEAN + f.MESSY:
        results[name] = load(path, template, name, text, enc, user="tester")
    return path, results


# ---- clean files -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "inserted", "replaced"),
    [
        ("perusahaan.csv", 3, 0),
        ("program.csv", 3, 0),
        ("peserta.csv", 4, 0),
        ("pendaftaran.csv", 4, 0),
        ("penempatan.csv", 3, 0),
        ("lowongan.csv", 3, 0),
        ("anggaran.csv", 3, 0),
        ("realisasi_bulanan.csv", 2, 0),
        # Kota Cilegon 2025 is in the seeded BPS series (other source) → replaced
        ("statistik.csv", 1, 1),
        ("target.csv", 2, 0),
    ],
)
def test_clean_files_load_every_row(loaded, name, inserted, replaced) -> None:
    result = loaded[1][name]
    assert result.status == "loaded"
    assert (result.inserted, result.replaced, result.rejected) == (
        inserted,
        replaced,
        0,
    )
    assert result.summary() == (
        f"inserted {inserted}, replaced {replaced}, rejected 0, ignored 0"
    )


def test_perusahaan_values(loaded) -> None:
    path, results = loaded
    assert query(path, "select * from perusahaan order by 1") == [
        ("PRS-01", "PT Baja Satu", "C", "36.72.04", True),
        ("PRS-02", "PT Logistik Dua", "H", None, False),  # luar Cilegon
        ("PRS-03", "PT Kimia Tiga", "C", "36.72.08", False),  # spaces, KBLI name
        ("PRS-08", "PT Delapan", "F", "36.72.06", True),  # messy row 6: Gerogol
    ]


def test_program_values_from_a_windows_1252_semicolon_file(loaded) -> None:
    path, results = loaded
    rows = query(
        path,
        "select kode_program, nama_program, k.nama, pp.nama, jenis, sumber_dana, tahun,"
        " tanggal_mulai, tanggal_selesai, kuota from program"
        " join ref_kejuruan k using (kejuruan_id)"
        " join ref_penyelenggara pp using (penyelenggara_id) order by 1",
    )
    assert rows == [
        ("PLT-01", "Pelatihan Las – Angkatan 1", "Las", "BBPVP Serang", "pelatihan",
         "APBN", 2025, date(2025, 10, 1), date(2025, 10, 16), 16),
        ("PLT-02", "Magang Listrik", "Listrik", "BLK Cilegon", "pemagangan", "APBD",
         2025, date(2025, 7, 1), date(2025, 12, 31), None),
        # programmes may lie ahead; LAS and "  bbpvp serang" match the names above
        ("PLT-03", "Sertifikasi Las", "Las", "BBPVP Serang", "sertifikasi", "CSR",
         2026, date(2026, 2, 2), date(2026, 2, 20), 20),
        ("PLT-19", "Tata Boga Dasar", "Tata Boga", "LPK Mandiri", "pelatihan",
         "lainnya", 2025, date(2025, 11, 3), date(2025, 11, 14), 20),
    ]  # fmt: skip


def test_new_kejuruan_and_penyelenggara_are_added_and_reported(loaded) -> None:
    path, results = loaded
    assert results["program.csv"].validation.new_refs == {
        "kejuruan": ["Las", "Listrik"],
        "penyelenggara": ["BBPVP Serang", "BLK Cilegon"],
    }
    assert results["lowongan.csv"].validation.new_refs == {"kejuruan": ["Tata Boga"]}
    assert results["program_messy.csv"].validation.new_refs == {
        "penyelenggara": ["LPK Mandiri"]  # "Tata  Boga" is already known
    }
    assert query(path, "select kejuruan_id, nama from ref_kejuruan order by 1") == [
        (1, "Las"), (2, "Listrik"), (3, "Tata Boga"), (4, "Operator Forklift"),
    ]  # fmt: skip


def test_peserta_values_are_pseudonymised_and_normalised(loaded) -> None:
    path, results = loaded
    rows = query(path, "select * from peserta")
    assert sorted(rows) == sorted([
        (pid(1), "P", date(2000, 5, 10), "SMK", "36.72.04", "36.72.04.1005", False),
        (pid(2), "L", date(2003, 3, 1), "SMA", "36.72.04", "36.72.04.1002", False),
        (pid(3), "P", date(1999, 8, 1), "D3", "36.72.06", "36.72.06.1003", True),
        (pid(4), "L", date(2005, 1, 15), "S1", "36.72.01", None, False),
        (pid(12), "P", date(1991, 1, 3), "SMA", "36.72.03", "36.72.03.1002", False),
    ])  # fmt: skip
    assert results["peserta.csv"].validation.personal_columns == ["nama"]


def test_pendaftaran_values(loaded) -> None:
    path, _ = loaded
    rows = query(path, "select * from pendaftaran")
    assert sorted(rows) == sorted([
        (pid(1), "PLT-01", "lulus", date(2025, 10, 16), True),
        (pid(2), "PLT-01", "tidak_lulus", None, False),  # typed plt-01
        (pid(3), "PLT-02", "mengikuti", None, False),
        (pid(1), "PLT-02", "terdaftar", None, False),
        (pid(12), "PLT-19", "lulus", date(2025, 11, 14), True),  # messy row 7
    ])  # fmt: skip


def test_penempatan_values(loaded) -> None:
    path, _ = loaded
    rows = query(path, "select * from penempatan")
    assert sorted(rows) == sorted([
        (pid(1), "kerja", date(2025, 11, 1), "PRS-01", "PLT-01", Decimal("5128084.00")),
        (pid(2), "wirausaha", date(2025, 11, 3), None, None, None),
        (pid(3), "magang", date(2025, 11, 10), "PRS-02", "PLT-02", Decimal("2500000")),
        (pid(4), "kerja", date(2025, 11, 5), "PRS-01", None, Decimal("4100000")),
    ])  # fmt: skip


def test_lowongan_values(loaded) -> None:
    path, _ = loaded
    rows = query(
        path,
        "select kode_perusahaan, k.nama, tahun, jumlah from lowongan"
        " join ref_kejuruan k using (kejuruan_id) order by 1, 2, 3",
    )
    assert rows == [
        ("PRS-01", "Las", 2025, 10),
        ("PRS-01", "Tata Boga", 2025, 3),
        ("PRS-02", "Las", 2026, 1200),  # "1.200" is one thousand two hundred
        ("PRS-03", "Operator Forklift", 2025, 4),
    ]


def test_anggaran_values_in_rupiah(loaded) -> None:
    path, results = loaded
    assert query(path, "select * from anggaran order by 2, 3") == [
        (2025, "KEG-5.01", "APBD", Decimal("250000000.00"), Decimal("0.00")),
        (2025, "PLT-01", "APBN", Decimal("120000000.00"), Decimal("98500000.00")),
        (2025, "PLT-02", "APBD", Decimal("1500000.00"), Decimal("1600000.00")),
    ]
    issues = results["anggaran.csv"].validation.issues
    assert issues[["row", "column", "code", "severity"]].values.tolist() == [
        [3, "realisasi", "realisasi_above_pagu", "warning"]
    ]


def test_realisasi_bulanan_values(loaded) -> None:
    path, _ = loaded
    assert query(path, "select * from realisasi_bulanan order by 2") == [
        (2025, 10, "PLT-01", "APBN", Decimal("50000000.00")),
        (2025, 11, "PLT-01", "APBN", Decimal("48500000.00")),
    ]


def test_statistik_values(loaded) -> None:
    path, _ = loaded
    rows = query(
        path,
        "select wilayah, sumber, tpt_pct, angkatan_kerja, pengangguran, rilis"
        " from statistik_tenaga_kerja where tahun = 2025"
        " and wilayah in ('Kota Cilegon', 'Kabupaten Serang') order by 1",
    )
    assert rows == [
        ("Kabupaten Serang", "BRS BPS Banten", None, 700000, 61110,
         "BRS 5 November 2025"),
        ("Kota Cilegon", "BRS BPS Banten", 7.41, None, None, "BRS 5 November 2025"),
    ]  # fmt: skip


def test_target_values(loaded) -> None:
    path, _ = loaded
    assert query(path, "select * from target order by 2") == [
        (2026, "tingkat_penempatan_6b", 65.0),
        (2026, "tpt", 6.5),
    ]


# ---- messy files -----------------------------------------------------------------

MESSY_EXPECTED = {
    "perusahaan_messy.csv": (1, {
        2: {"kbli_unknown"}, 3: {"kecamatan_unknown"}, 4: {"bool_invalid"},
        5: {"required_missing"}, 7: {"duplicate_key"}, 8: {"duplicate_key"},
    }),
    "program_messy.csv": (1, {
        2: {"enum_invalid"}, 3: {"enum_invalid"}, 4: {"below_min"},
        5: {"end_before_start"}, 6: {"date_invalid"}, 7: {"date_two_digit_year"},
        8: {"negative"}, 9: {"not_integer"},
    }),
    "peserta_messy.csv": (1, {
        2: {"nik_length"}, 3: {"nik_format"}, 4: {"nik_scientific"},
        5: {"enum_invalid"}, 6: {"date_future"}, 7: {"kelurahan_unknown"},
        8: {"kecamatan_unknown"}, 9: {"duplicate_key"}, 10: {"duplicate_key"},
    }),
    "pendaftaran_messy.csv": (1, {
        2: {"lulus_needs_date"}, 3: {"unknown_program"}, 4: {"unknown_peserta"},
        5: {"date_future"}, 6: {"enum_invalid"},
    }),
    "penempatan_messy.csv": (1, {
        2: {"employer_required"}, 3: {"unknown_perusahaan"}, 4: {"number_words"},
        5: {"negative"}, 6: {"date_future"},
    }),
    "lowongan_messy.csv": (1, {
        2: {"number_invalid"}, 3: {"unknown_perusahaan"}, 4: {"duplicate_key"},
        5: {"duplicate_key"},
    }),
    "anggaran_messy.csv": (0, {
        2: {"number_words"}, 3: {"negative"}, 4: {"enum_invalid"},
        5: {"number_invalid"}, 6: {"required_missing"},
    }),
    "rb_messy.csv": (0, {
        2: {"above_max"}, 3: {"below_min"}, 4: {"duplicate_key"}, 5: {"duplicate_key"},
    }),
    "statistik_messy.csv": (0, {
        2: {"tpt_or_counts"}, 3: {"above_max"}, 4: {"pengangguran_above_ak"},
    }),
    "target_messy.csv": (0, {2: {"indikator_unknown"}, 3: {"number_invalid"}}),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(MESSY_EXPECTED))
def test_messy_rows_are_rejected_with_their_reason(loaded, name: str) -> None:
    inserted, expected = MESSY_EXPECTED[name]
    result = loaded[1][name]
    assert reasons(result) == expected
    assert (result.inserted, result.rejected) == (inserted, len(expected))
    assert result.status == ("loaded" if inserted else "rejected")


def test_duplicate_key_names_the_rows_of_its_group(loaded) -> None:
    report_rows = report(loaded[1]["peserta_messy.csv"].validation)
    dup = report_rows[report_rows["code"] == "duplicate_key"]
    assert dup["row"].tolist() == [9, 10]
    assert (
        dup["reason_en"]
        .str.contains("in 2 rows of this file (rows 9, 10)", regex=False)
        .all()
    )
    assert (
        dup["reason_id"]
        .str.contains("ada di 2 baris berkas ini (baris 9, 10)", regex=False)
        .all()
    )


def test_report_masks_the_nik_and_speaks_both_languages(loaded) -> None:
    frame = report(loaded[1]["peserta_messy.csv"].validation)
    first = frame.iloc[0].to_dict()
    assert first == {
        "file": "peserta_messy.csv",
        "row": 2,
        "column": "nik",
        "value": "3672***********",  # 15 digits typed, 11 masked
        "severity": "error",
        "code": "nik_length",
        "reason_id": "NIK harus 16 angka (terbaca 15 angka).",
        "reason_en": "A NIK has 16 digits (this one has 15).",
    }
    assert not frame["value"].str.contains(r"\d{8}").any()


def test_quarantine_keeps_rejected_rows_masked_with_reasons(loaded) -> None:
    path, results = loaded
    result = results["peserta_messy.csv"]
    rows = query(
        path,
        "select row_number, row_json, reason_id, reason_en from import_quarantine"
        f" where import_id = {result.import_id} order by row_number",
    )
    assert [r[0] for r in rows] == [2, 3, 4, 5, 6, 7, 8, 9, 10]
    first = json.loads(rows[0][1])
    assert first["nik"] == "3672***********"
    assert "nama" not in first
    assert rows[0][2] == "nik: NIK harus 16 angka (terbaca 15 angka)."
    assert rows[0][3] == "nik: A NIK has 16 digits (this one has 15)."


def test_import_log_records_every_import(loaded) -> None:
    path, results = loaded
    log = query(
        path,
        "select import_id, user_name, file_name, template, inserted_count,"
        " replaced_count, ignored_count, rejected_count, status, file_sha256"
        " from import_log order by import_id",
    )
    assert len(log) == 20
    assert log[0][:9] == (
        1,
        "tester",
        "perusahaan.csv",
        "perusahaan",
        3,
        0,
        0,
        0,
        "loaded",
    )
    assert log[2][:9] == (3, "tester", "peserta.csv", "peserta", 4, 0, 0, 0, "loaded")
    assert log[12][:9] == (
        13,
        "tester",
        "peserta_messy.csv",
        "peserta",
        1,
        0,
        0,
        9,
        "loaded",
    )
    assert log[16][8] == "rejected"  # anggaran_messy: no row loaded
    assert log[0][9] == results["perusahaan.csv"].validation.sha256
    audit = query(
        path, "select user_name, detail from audit_log where action = 'import'"
    )
    assert len(audit) == 20
    assert ("tester", "import #1 perusahaan perusahaan.csv: inserted 3, replaced 0, "
            "rejected 0, ignored 0") in audit  # fmt: skip


def test_missing_required_column_loads_nothing(loaded, tmp_path: Path) -> None:
    path = new_database(tmp_path / "w.duckdb")
    before = path.read_bytes()
    text = f"nik,kode_program,tanggal_lulus\n{f.nik(1)},PLT-01,\n"
    with pytest.raises(IngestError) as err:
        load(path, "pendaftaran", "x.csv", text)
    assert err.value.code == "missing_columns"
    assert err.value.params["columns"] == "status"
    assert "status" in err.value.text("id") and "Nothing was loaded" in str(err.value)
    assert path.read_bytes() == before


def test_statistik_needs_tpt_or_both_counts(tmp_path: Path) -> None:
    path = new_database(tmp_path / "w.duckdb")
    with pytest.raises(IngestError) as err:
        load(
            path, "statistik_tenaga_kerja", "s.csv", "tahun,wilayah,sumber\n2025,X,Y\n"
        )
    assert err.value.code == "missing_columns_either"
    assert err.value.params["options"] == "tpt_pct | angkatan_kerja + pengangguran"


def test_reimporting_the_same_file_changes_nothing(loaded, tmp_path: Path) -> None:
    path = tmp_path / "copy.duckdb"
    path.write_bytes(loaded[0].read_bytes())
    stamp = (path.stat().st_ino, path.stat().st_mtime_ns, path.read_bytes())
    again = load(path, "perusahaan", "perusahaan.csv", f.PERUSAHAAN_CLEAN, "utf-8-sig")
    assert again.status == "unchanged"
    assert again.previous["import_id"] == 1
    assert again.summary() == "inserted 0, replaced 0, rejected 0, ignored 3"
    assert (path.stat().st_ino, path.stat().st_mtime_ns, path.read_bytes()) == stamp
    messy = load(path, "peserta", "peserta_messy.csv", f.PESERTA_MESSY)
    assert (messy.status, messy.rejected) == ("unchanged", 9)  # not quarantined twice
    assert path.read_bytes() == stamp[2]


def test_a_changed_row_is_replaced(loaded, tmp_path: Path) -> None:
    path = tmp_path / "copy.duckdb"
    path.write_bytes(loaded[0].read_bytes())
    text = f.PERUSAHAAN_CLEAN.replace("PT Baja Satu", "PT Baja Satu Tbk")
    result = load(path, "perusahaan", "perusahaan_v2.csv", text)
    assert (result.inserted, result.replaced, result.ignored) == (0, 1, 2)
    assert query(path, "select nama_perusahaan from perusahaan where kode_perusahaan"
                 " = 'PRS-01'") == [("PT Baja Satu Tbk",)]  # fmt: skip


def test_the_example_row_of_the_blank_template_is_skipped(tmp_path: Path) -> None:
    from workforce.ingest import blank, templates

    path = new_database(tmp_path / "w.duckdb")
    data = blank.template_csv(templates.get("perusahaan")).decode("utf-8-sig")
    data += "PRS-77;PT Nyata;C;Cibeber;tidak\n"
    result = load(path, "perusahaan", "p.csv", data)
    assert (result.inserted, result.ignored) == (1, 1)
    assert query(path, "select kode_perusahaan from perusahaan") == [("PRS-77",)]


def test_the_database_file_holds_no_clear_nik(loaded) -> None:
    path, _ = loaded
    content = path.read_bytes()
    for number in f.ALL_NIKS:
        assert number.encode() not in content
        assert number.encode("utf-16-le") not in content
    assert not list(path.parent.glob("*.wal"))


def test_the_nik_search_would_find_a_clear_nik(tmp_path: Path) -> None:
    """Control for the test above: a NIK stored as text is found in the file bytes."""
    path = tmp_path / "control.duckdb"
    conn = db.connect(path)
    conn.execute("create table t (nik text)")
    conn.execute("insert into t values ($n)", {"n": f.nik(1)})
    conn.execute("checkpoint")
    conn.close()
    assert f.nik(1).encode() in path.read_bytes()


def test_after_an_import_marts_and_dataset_info_are_updated(loaded) -> None:
    path, _ = loaded
    info = dict(query(path, "select key, value from dataset_info"))
    assert info["data_as_of"] == "2025-11-30"
    assert info["has_real_data"] == "true"
    # 5 enrolments; the mart joins each with its programme and person
    assert query(path, "select count(*) from mart_enrolment") == [(5,)]
