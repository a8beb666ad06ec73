"""Public data releases: the public sees only the latest published release.

The "one release minus the last" attack: a database with the clean import files of
tests/ingest_files.py (imported on 30 November 2025) and a published release; then
one late participant (Eka, Grogol, graduated from PLT-01 Las) is imported. Until the
next release the public page, the open data and the site are byte for byte what
they were, so comparing them gives nothing about Eka; the next release moves the
figures by everything imported since (here Eka alone: 2025 participants 3 → 4).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import ingest_files as f
from tests.test_ingest import load, query
from workforce import cli
from workforce.core import db, i18n, pseudonym
from workforce.core.markup import md
from workforce.public import open_data, release, site

PUBLIC_PAGE = "pages/transparansi.py"
KELOLA = "pages/kelola_data.py"

LATE_PESERTA = f.rows(f"""
nik,nama,jenis_kelamin,tanggal_lahir,pendidikan,kecamatan,kelurahan,disabilitas
{f.nik(20)},Eka,P,02/02/2001,SMK,Grogol,,tidak
""")
LATE_PENDAFTARAN = f.rows(f"""
nik,kode_program,status,tanggal_lulus,tersertifikasi
{f.nik(20)},PLT-01,lulus,16/10/2025,ya
""")


def new_real_database(path: Path) -> Path:
    """A new database as ``python -m workforce init`` makes it (release 1)."""
    assert cli.main(["init", "--db", str(path)]) == 0
    return path


def import_clean(path: Path) -> None:
    for template, name, text, enc in f.CLEAN:
        assert load(path, template, name, text, enc).status == "loaded", name


def publish(path: Path, note: str) -> None:
    assert cli.main(["publish-release", "--note", note, "--db", str(path)]) == 0


def internal(path: Path, measure: str) -> int:
    """The internal (kept, unpublished) 2025 city total of ``measure``."""
    sql = (
        "select jumlah from pub_outcome where tahun = 2025 and dimensi = 'total' "
        f"and ukuran = '{measure}'"
    )
    return query(path, sql)[0][0]


def site_bytes(path: Path, out: Path) -> dict[str, bytes]:
    """Every file of the site written from the database at ``path``."""
    site.publish_db(path, out, "https://data.example.go.id/")
    root = out.resolve()
    return {
        str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()
    }


def public_page_texts(app_test, path: Path) -> list[str]:
    at = app_test(path, lang="id", role=None).run()
    at.switch_page(PUBLIC_PAGE).run()
    assert not at.exception, at.exception
    kinds = ("title", "markdown", "caption", "info", "metric", "dataframe")
    out: list[str] = []
    for kind in kinds:
        for element in getattr(at, kind):
            value = getattr(element, "value", None)
            out.append(value.to_csv() if hasattr(value, "to_csv") else str(value))
    return out


@pytest.fixture
def released(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real database with the clean files imported and release 2 published."""
    monkeypatch.setenv(pseudonym.ENV_VAR, f.KEY.decode())
    path = new_real_database(tmp_path / "real.duckdb")
    import_clean(path)
    publish(path, "Data sampai 30 November 2025.")
    return path


def test_a_late_import_changes_nothing_public_until_the_next_release(
    released: Path, tmp_path: Path, app_test
) -> None:
    pub = open_data.load(released)
    assert release.number(pub) == 2
    files_before = open_data.files(pub)
    site_before = site_bytes(released, tmp_path / "site_a")
    page_before = public_page_texts(app_test, released)
    assert internal(released, "peserta") == 3  # Ani, Budi, Cici (PLT-01, PLT-02)

    load(released, "peserta", "late.csv", LATE_PESERTA)
    load(released, "pendaftaran", "late_daftar.csv", LATE_PENDAFTARAN)
    assert internal(released, "peserta") == 4  # internal figures follow the import
    assert internal(released, "lulusan") == 2  # Ani and Eka

    # the attack: what the public can fetch is the same, byte for byte
    assert open_data.files(open_data.load(released)) == files_before
    assert site_bytes(released, tmp_path / "site_b") == site_before
    assert public_page_texts(app_test, released) == page_before

    # Kelola Data's summary counts the changed cells without showing them
    conn = db.connect(released, read_only=True)
    try:
        changes = release.changes(conn).set_index("tabel")
    finally:
        conn.close()
    assert changes.loc["pub_outcome", "changed_count"] > 0
    assert changes.loc["statistik_tenaga_kerja"].sum() == 0

    publish(released, "Rilis Desember: peserta yang terlambat masuk.")
    after = open_data.load(released)
    assert release.number(after) == 3
    assert open_data.files(after) != files_before
    frozen = query(
        released,
        "select release_no, jumlah from release_outcome where tahun = 2025 "
        "and dimensi = 'total' and ukuran = 'peserta' order by release_no",
    )
    assert frozen == [(2, 3), (3, 4)]  # release 2 stays as it was published
    package = json.loads(open_data.files(after)["datapackage.json"])
    assert package["version"] == "3"
    assert package["x_release"]["number"] == 3
    assert (
        package["x_release"]["note"] == "Rilis Desember: peserta yang terlambat masuk."
    )
    published = release.published_on(after)
    label = f"Rilis 3, {i18n.fmt_date(published, 'id')} · data per 30 November 2025"
    assert package["x_release"]["label"]["id"] == label
    assert label in open_data.files(after)["README.md"].decode()

    site_after = site_bytes(released, tmp_path / "site_c")
    assert site_after != site_before
    assert label in site_after["index.html"].decode()
    method = site_after["metodologi.html"].decode()
    assert "Rilis Desember: peserta yang terlambat masuk." in method
    assert "Kebijakan rilis" in method
    assert "Release policy" in site_after["en/metodologi.html"].decode()
    page = "\n".join(public_page_texts(app_test, released))
    assert label in page
    assert md("Rilis Desember: peserta yang terlambat masuk.") in page


def test_publish_from_the_command_line_is_audited(released: Path, capsys) -> None:
    capsys.readouterr()
    publish(released, "Rilis kedua  bulan ini")
    assert "release 3 published" in capsys.readouterr().out
    rows = query(
        released,
        "select release_no, note, published_by from public_release order by release_no",
    )
    assert [r[0] for r in rows] == [1, 2, 3]
    assert rows[2][1] == "Rilis kedua bulan ini"  # spaces folded
    assert rows[2][2].startswith("cli:")
    audit = query(
        released,
        "select detail from audit_log where action = 'public_release' order by \"at\"",
    )
    assert audit[-1] == ("rilis 3: Rilis kedua bulan ini",)


def test_a_release_needs_a_note_and_masks_a_nik(released: Path, capsys) -> None:
    assert cli.main(["publish-release", "--note", "  ", "--db", str(released)]) == 2
    assert "needs a note" in capsys.readouterr().err
    publish(released, f"koreksi {f.nik(1)}")
    note = query(released, "select note from public_release where release_no = 3")
    assert f.nik(1) not in note[0][0]


def test_init_and_init_demo_start_with_release_1(tmp_path: Path, demo_db: Path):
    path = new_real_database(tmp_path / "new.duckdb")
    assert query(path, "select release_no, published_by from public_release") == [
        (1, "init")
    ]
    assert query(demo_db, "select release_no, note from public_release") == [
        (1, release.DEMO_NOTE)
    ]
    pub = open_data.load(demo_db)
    assert release.number(pub) == 1 and pub.years


def test_before_any_release_the_public_page_says_so(
    fixture_copy: Path, app_test, tmp_path: Path, capsys
) -> None:
    """The hand-built fixture, like a database upgraded from before releases, has
    none: the page says so, the site and the open data are refused."""
    assert query(fixture_copy, "select count(*) from public_release") == [(0,)]
    for lang in ("id", "en"):
        at = app_test(fixture_copy, lang=lang, role=None).run()
        at.switch_page(PUBLIC_PAGE).run()
        assert not at.exception, at.exception
        assert [i.value for i in at.info] == [i18n.t("release.none", lang)]
        assert not at.metric and not at.dataframe
    with pytest.raises(site.SiteError, match="no published release"):
        site.publish_db(fixture_copy, tmp_path / "site", "https://x.example/")
    args = [
        "export-open-data",
        "--out",
        str(tmp_path / "od"),
        "--db",
        str(fixture_copy),
    ]
    assert cli.main(args) == 2
    assert "no published release" in capsys.readouterr().err


# ---- Kelola Data under AppTest ------------------------------------------------------------


def kelola(app_test, path: Path, role: str | None, lang: str = "id") -> AppTest:
    at = app_test(path, lang=lang, role=role).run()
    at.switch_page(KELOLA).run()
    assert not at.exception, at.exception
    return at


def publish_button(at: AppTest, lang: str = "id"):
    label = i18n.t("release.admin.publish", lang)
    found = [b for b in at.button if b.label == label]
    return found[0] if found else None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_admin_publishes_from_kelola_data(
    released: Path, app_test, lang: str
) -> None:
    load(released, "peserta", "late.csv", LATE_PESERTA)
    load(released, "pendaftaran", "late_daftar.csv", LATE_PENDAFTARAN)
    at = kelola(app_test, released, "admin", lang)
    table = next(
        d.value
        for d in at.dataframe
        if i18n.t("release.admin.col_changed", lang) in d.value.columns
    )
    tables = table[i18n.t("release.admin.col_table", lang)].tolist()
    assert tables[1] == i18n.t("release.table.pub_outcome", lang)
    assert table[i18n.t("release.admin.col_changed", lang)].iloc[1] > 0
    past = next(
        d.value
        for d in at.dataframe
        if i18n.t("release.admin.col_note", lang) in d.value.columns
    )
    assert past[i18n.t("release.admin.col_number", lang)].tolist() == [2, 1]

    publish_button(at, lang).click().run()  # no note: refused
    assert i18n.t("release.admin.need_note", lang) in [e.value for e in at.error]
    assert query(released, "select max(release_no) from public_release") == [(2,)]

    at.text_area(key="release_note").input("Peserta terlambat")  # inside the form
    publish_button(at, lang).click().run()
    assert not at.exception, at.exception
    assert i18n.t("release.admin.done", lang, number=3) in [e.value for e in at.success]
    assert query(
        released,
        "select release_no, note, published_by from public_release "
        "where release_no = 3",
    ) == [(3, "Peserta terlambat", "test-admin")]
    audit = query(
        released,
        "select user_name from audit_log where action = 'public_release' "
        'order by "at" desc limit 1',
    )
    assert audit == [("test-admin",)]


@pytest.mark.parametrize("role", ["staff", None])
def test_staff_and_the_public_cannot_publish(released: Path, app_test, role) -> None:
    at = kelola(app_test, released, role)
    assert publish_button(at) is None
    assert not [t for t in at.text_area if t.key == "release_note"]
    assert query(released, "select max(release_no) from public_release") == [(2,)]


def test_an_upgrade_from_before_releases_keeps_what_the_public_saw(
    fixture_copy: Path,
) -> None:
    """A database from before releases has none; ``upgrade`` publishes its current
    public figures as release 1, so the public page does not go empty until an
    admin acts. A database that has a release is not given another."""
    assert query(fixture_copy, "select count(*) from public_release") == [(0,)]
    live = "select count(*), round(sum(nilai), 2) from pub_kpi"
    conn = db.connect(fixture_copy)
    conn.execute("update dataset_info set value = 'older' where key = 'marts_digest'")
    conn.close()
    assert cli.main(["upgrade", "--db", str(fixture_copy)]) == 0
    assert query(
        fixture_copy, "select release_no, published_by from public_release"
    ) == [(1, "upgrade")]
    pub = open_data.load(fixture_copy)
    assert release.number(pub) == 1 and pub.years
    frozen = (
        "select count(*), round(sum(nilai), 2) from release_kpi where release_no = 1"
    )
    assert query(fixture_copy, frozen) == query(fixture_copy, live)
    conn = db.connect(fixture_copy)
    conn.execute("update dataset_info set value = 'older' where key = 'marts_digest'")
    conn.close()
    assert cli.main(["upgrade", "--db", str(fixture_copy)]) == 0
    assert query(fixture_copy, "select count(*) from public_release") == [(1,)]
