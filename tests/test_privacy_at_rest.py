"""Personal data at rest: the pseudonym key is read from a file only its owner may
read (or Streamlit's secrets file), and the database, its copies during a write,
its backups and published snapshots are created readable by their owner only."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from workforce.core import db, pseudonym
from workforce.serve import snapshots

KEY = "at-rest-test-key-0123456789abcdef"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def no_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No key in the environment, and a working folder without a secrets file."""
    monkeypatch.delenv(pseudonym.ENV_VAR, raising=False)
    monkeypatch.delenv(pseudonym.FILE_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def key_file(folder: Path, file_mode: int, text: str = KEY) -> Path:
    path = folder / "pseudonym.key"
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(file_mode)
    return path


def test_the_key_is_read_from_an_owner_only_file(
    no_key: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pseudonym.FILE_VAR, str(key_file(no_key, 0o600)))
    assert pseudonym.key_from_env() == KEY.encode()


@pytest.mark.parametrize("file_mode", [0o644, 0o640, 0o604])
def test_a_key_file_others_may_read_is_refused_in_both_languages(
    no_key: Path, monkeypatch: pytest.MonkeyPatch, file_mode: int
) -> None:
    path = key_file(no_key, file_mode)
    monkeypatch.setenv(pseudonym.FILE_VAR, str(path))
    with pytest.raises(pseudonym.KeyFileError) as caught:
        pseudonym.key_from_env()
    assert caught.value.text("en") == (
        f"The NIK pseudonymisation key file {path} may be read by its group or by "
        f"other users (mode {file_mode:o}). Restrict it to its owner: "
        f"`chmod 600 {path}`, then try again."
    )
    assert caught.value.text("id").startswith(
        f"Berkas kunci penyamaran NIK {path} boleh dibaca grup"
    )


def test_a_missing_or_short_key_file_is_refused(
    no_key: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pseudonym.FILE_VAR, str(no_key / "absent.key"))
    with pytest.raises(pseudonym.KeyFileError) as caught:
        pseudonym.key_from_env()
    assert caught.value.code == "unreadable"
    monkeypatch.setenv(pseudonym.FILE_VAR, str(key_file(no_key, 0o600, "short")))
    with pytest.raises(pseudonym.KeyFileError) as caught:
        pseudonym.key_from_env()
    assert caught.value.code == "short"


def test_the_key_is_read_from_streamlit_secrets(no_key: Path) -> None:
    with pytest.raises(pseudonym.MissingKeyError):
        pseudonym.key_from_env()
    (no_key / ".streamlit").mkdir()
    (no_key / ".streamlit" / "secrets.toml").write_text(
        f'WORKFORCE_PSEUDONYM_KEY = "{KEY}"\n', encoding="utf-8"
    )
    assert pseudonym.key_from_env() == KEY.encode()


def test_the_readme_never_shows_a_key_in_an_export_line() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    assert "export WORKFORCE_PSEUDONYM_KEY=" not in readme
    assert "WORKFORCE_PSEUDONYM_KEY_FILE" in readme


def test_a_new_database_and_its_copy_during_the_write_are_owner_only(
    tmp_path: Path,
) -> None:
    live = tmp_path / "real.duckdb"
    with db.atomic_write(live) as conn:
        conn.execute("create table peserta_test (a integer)")
        conn.execute("insert into peserta_test values (1)")
        copies = list(tmp_path.glob(".real.duckdb.*.tmp*"))
        assert copies and {mode(c) for c in copies} == {0o600}
    assert mode(live) == 0o600


def test_an_old_world_readable_database_becomes_owner_only_on_its_next_write(
    tmp_path: Path,
) -> None:
    live = tmp_path / "real.duckdb"
    with db.atomic_write(live):
        pass
    live.chmod(0o644)
    with db.atomic_write(live) as conn:
        assert {mode(c) for c in tmp_path.glob(".real.duckdb.*.tmp")} == {0o600}
        conn.execute("select 1")
    assert mode(live) == 0o600


def test_backups_and_published_snapshots_are_owner_only(tmp_path: Path) -> None:
    live = tmp_path / "live.duckdb"
    with db.atomic_write(live) as conn:
        conn.execute("select 1")
    live.chmod(0o644)
    snapshots.backup(live, tmp_path / "backups" / "b.duckdb")
    assert mode(tmp_path / "backups" / "b.duckdb") == 0o600
    targets = [
        str(tmp_path / "host1" / "w.duckdb"),
        str(tmp_path / "host2" / "w.duckdb"),
    ]
    snapshots.publish(live, targets)
    assert [mode(Path(t)) for t in targets] == [0o600, 0o600]
    snapshots.restore(tmp_path / "backups" / "b.duckdb", tmp_path / "r.duckdb")
    assert mode(tmp_path / "r.duckdb") == 0o600
