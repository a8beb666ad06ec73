"""Access control: roles per page, local accounts, rate limiting, SSO roles, demo mode.

Databases are built here (``init`` plus dataset_info flags); accounts live in a
temporary file per test (``$WORKFORCE_USERS_FILE``), never in ~/.config.

AppTest 1.67 runs only the page script after the first run (the ``pages/``
directory puts it in Streamlit's old multipage mode), so ``switch_page`` tests
exercise each page's own ``require()``; the frame's menu and its guard are
checked on first runs and in the browser test at the end. Internal pages are
judged by their title (``ui.page_header``) being absent or present; whether
their charts work on an empty database is for the pages' own tests.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import TEST_PASSWORD, sign_in
from workforce import cli, refresh
from workforce.access import auth
from workforce.core import db, i18n
from workforce.core.navigation import PAGES, pages_for

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
INTERNAL = [p for p in PAGES if p.role != "public"]
STAFF_PAGES = [p for p in INTERNAL if p.role == "staff"]
KELOLA = next(p for p in PAGES if p.file == "pages/kelola_data.py")
PASSWORD = "kata-sandi-rahasia-42"  # of siti (admin) and budi (staff) below


def _build_db(path: Path, **flags: str) -> Path:
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)
        for key, value in flags.items():
            db.set_info(conn, key, value)
    return path


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database as ``python -m workforce init`` builds it (not demo)."""
    return _build_db(tmp_path_factory.mktemp("auth") / "real.duckdb")


@pytest.fixture(scope="module")
def demo_flag_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database flagged as demo data (is_demo = true), no real data."""
    return _build_db(tmp_path_factory.mktemp("auth") / "demo.duckdb", is_demo="true")


@pytest.fixture(scope="module")
def demo_with_real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database into which real data was imported (has_real_data)."""
    path = tmp_path_factory.mktemp("auth") / "mixed.duckdb"
    return _build_db(path, is_demo="true", has_real_data="true")


@pytest.fixture(scope="module")
def accounts_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """siti (admin) and budi (staff), hashed once per module (Argon2 is slow)."""
    path = tmp_path_factory.mktemp("accounts") / "users.toml"
    auth.add_user("siti", PASSWORD, "admin", path)
    auth.add_user("budi", PASSWORD, "staff", path)
    return path


@pytest.fixture
def accounts(
    accounts_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A fresh copy of the accounts file for one test; env points at it."""
    path = tmp_path / "cfg" / "users.toml"
    path.parent.mkdir()
    shutil.copy2(accounts_template, path)
    monkeypatch.setenv("WORKFORCE_USERS_FILE", str(path))
    monkeypatch.delenv("WORKFORCE_DEMO", raising=False)
    monkeypatch.delenv("WORKFORCE_ROLES_FILE", raising=False)
    return path


def _app(monkeypatch: pytest.MonkeyPatch, db_path: Path, lang: str = "id") -> AppTest:
    monkeypatch.setenv("WORKFORCE_DB", str(db_path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    return at


def _titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def _warnings(at: AppTest) -> str:
    return " ".join(w.value for w in at.warning)


def _errors(at: AppTest) -> str:
    return " ".join(e.value for e in at.error)


def _blocked(at: AppTest) -> bool:
    """The page was stopped by require(): a lock prompt or refusal, no page title."""
    prompts = [w.icon for w in at.warning] + [e.icon for e in at.error]
    locked = {":material/lock:", ":material/block:"} & set(prompts)
    return bool(locked) and not _titles(at)


def _shown(at: AppTest) -> bool:
    """The page itself ran: it drew its title and no access prompt."""
    return bool(_titles(at)) and not _blocked(at) and not at.text_input


def _all_output(at: AppTest) -> str:
    """Every element the page sent (its protobuf text) plus text-input values."""
    parts: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    parts += [str(w.value) for w in at.text_input]
    return "\n".join(parts)


def _login(at: AppTest, user: str, password: str) -> AppTest:
    """Fill and submit the login form (on the login page unless already shown)."""
    if not at.text_input:
        at.switch_page("pages/masuk.py").run()
    at.text_input(key="auth_login_user").input(user)
    at.text_input(key="auth_login_password").input(password)
    return at.button(key="auth_login_submit").click().run()


class FakeClock:
    """An injectable clock for the rate limiter: no sleeping in tests."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


# ---- accounts file ----------------------------------------------------------------


def test_accounts_file_holds_argon2_hash_only(accounts: Path) -> None:
    text = accounts.read_text()
    assert PASSWORD not in text
    assert text.count("$argon2id$") == 2
    assert stat.S_IMODE(os.stat(accounts).st_mode) == 0o600
    users = auth.load_users(accounts)
    assert {u: a.role for u, a in users.items()} == {"siti": "admin", "budi": "staff"}
    assert PASSWORD not in repr(users) and "argon2" not in repr(users)


def test_default_paths_are_outside_the_repository(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WORKFORCE_USERS_FILE", raising=False)
    monkeypatch.delenv("WORKFORCE_ROLES_FILE", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    home = Path.home() / ".config" / "workforce"
    assert auth.users_path() == home / "users.toml"
    assert auth.roles_path() == home / "roles.toml"
    assert ROOT not in auth.users_path().parents


def test_account_rules(accounts: Path) -> None:
    bad = [
        lambda: auth.add_user("Siti Aminah", PASSWORD, "staff", accounts),
        lambda: auth.add_user("ani", "pendek", "staff", accounts),
        lambda: auth.add_user("ani", PASSWORD, "public", accounts),
        lambda: auth.add_user("siti", PASSWORD, "staff", accounts),
        lambda: auth.set_password("nobody", PASSWORD, accounts),
        lambda: auth.remove_user("nobody", accounts),
    ]
    for call in bad:
        with pytest.raises(auth.AuthError):
            call()
    assert sorted(auth.load_users(accounts)) == ["budi", "siti"]


# ---- passwords and rate limiting ---------------------------------------------------


def test_right_password_logs_in_wrong_one_fails(accounts: Path) -> None:
    ok = auth.authenticate("siti", PASSWORD, "s1", accounts)
    assert (ok.ok, ok.username, ok.role) == (True, "siti", "admin")
    assert not auth.authenticate("siti", PASSWORD + "x", "s1", accounts).ok
    assert not auth.authenticate("nobody", PASSWORD, "s1", accounts).ok
    assert not auth.authenticate("siti", "", "s1", accounts).ok


def test_five_failures_lock_even_the_right_password(accounts: Path) -> None:
    clock = FakeClock()
    throttle = auth.Throttle(auth.lockout_path(accounts), clock=clock)

    def attempt(password: str, session: str = "s1") -> auth.LoginResult:
        return auth.authenticate("siti", password, session, accounts, throttle)

    for _ in range(4):
        assert attempt("salah-sekali").locked_s == 0
    fifth = attempt("salah-sekali")
    assert not fifth.ok and fifth.locked_s == 30  # 5th failure: 30 s × 2^0
    clock.now += 29
    locked = attempt(PASSWORD, session="another-browser")  # right password, locked
    assert not locked.ok and locked.locked_s == pytest.approx(1)
    clock.now += 2
    assert attempt("salah-sekali").locked_s == 60  # 6th failure: 30 s × 2^1
    clock.now += 61
    assert attempt("salah-sekali").locked_s == 120  # 7th: 30 s × 2^2, growing
    clock.now += 121
    assert attempt(PASSWORD).ok  # lock expired: the right password works again
    assert attempt("salah-sekali").locked_s == 0  # and the counter starts afresh


def test_lock_is_capped(accounts: Path) -> None:
    clock = FakeClock()
    path = auth.lockout_path(accounts)
    throttle = auth.Throttle(path, clock=clock, max_lock_s=60)
    waits = []
    for _ in range(7):  # failures 5, 6, 7 → 30, 60, min(120, 60) seconds
        waits.append(auth.authenticate("budi", "x", "s", accounts, throttle).locked_s)
        clock.now += waits[-1] + 1
    assert waits == [0, 0, 0, 0, 30, 60, 60]
    assert auth.Throttle(path).max_lock_s == 900  # the default cap: 15 minutes


def test_one_session_guessing_many_names_is_locked(accounts: Path) -> None:
    clock = FakeClock()
    throttle = auth.Throttle(auth.lockout_path(accounts), clock=clock)
    for name in ["a1", "a2", "a3", "a4", "a5"]:
        auth.authenticate(name, "tebakan", "attacker", accounts, throttle)
    blocked = auth.authenticate("budi", PASSWORD, "attacker", accounts, throttle)
    assert not blocked.ok and blocked.locked_s == 30
    assert auth.authenticate("budi", PASSWORD, "other", accounts, throttle).ok


def test_failed_logins_are_logged_without_secrets(
    accounts: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="workforce.access.auth")
    throttle = auth.Throttle(auth.lockout_path(accounts), clock=FakeClock())
    for _ in range(6):
        auth.authenticate("siti", "Tebakan-Salah-99", "s", accounts, throttle)
    auth.authenticate("nobody-typed-Rahasia-77", "p", "s2", accounts, throttle)
    auth.authenticate("budi", PASSWORD, "s3", accounts, throttle)
    messages = [r.getMessage() for r in caplog.records]
    assert sum("failed login: user siti" in m for m in messages) == 5
    assert sum("refused while locked: user siti" in m for m in messages) == 1
    assert any("<unknown username>" in m for m in messages)
    hashes = [a.password_hash for a in auth.load_users(accounts).values()]
    lockout = auth.lockout_path(accounts).read_text()
    for secret in ["Tebakan-Salah-99", PASSWORD, "Rahasia-77", "$argon2", *hashes]:
        assert secret not in caplog.text
        assert secret not in lockout
    assert "siti" not in lockout  # counters are keyed by digests


# ---- command line -------------------------------------------------------------------


def test_cli_add_list_set_remove_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    users = tmp_path / "users.toml"
    monkeypatch.setenv("WORKFORCE_USERS_FILE", str(users))

    def run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return cli.main(list(argv))

    assert run("add-user", "ani", "--role", "staff", "--password-stdin",
               stdin=PASSWORD + "\n") == 0  # fmt: skip
    assert run("add-user", "rudi", "--role", "admin", "--password-stdin",
               stdin="Admin-Rahasia-2025\n") == 0  # fmt: skip
    assert run("add-user", "ani", "--role", "admin", "--password-stdin") == 2
    assert run("add-user", "eko", "--role", "staff", "--password-stdin",
               stdin="pendek\n") == 2  # fmt: skip
    capsys.readouterr()
    assert run("list-users") == 0
    listing = capsys.readouterr().out
    assert "2 user(s)" in listing
    assert "ani" in listing and "staff" in listing and "rudi" in listing
    assert "argon2" not in listing and PASSWORD not in listing
    assert (
        run("set-password", "ani", "--password-stdin", stdin="Baru-Sekali-2025\n") == 0
    )
    assert auth.authenticate("ani", "Baru-Sekali-2025", "s", users).ok
    assert not auth.authenticate("ani", PASSWORD, "s", users).ok
    assert run("set-role", "ani", "--role", "admin") == 0
    assert run("remove-user", "rudi") == 0
    assert run("remove-user", "rudi") == 2
    out = capsys.readouterr()
    assert {a.username: a.role for a in auth.load_users(users).values()} == {
        "ani": "admin"
    }
    for secret in ["Baru-Sekali-2025", "Admin-Rahasia-2025", "argon2"]:
        assert secret not in out.out + out.err


def test_cli_entry_point_reads_password_from_stdin(tmp_path: Path) -> None:
    users = tmp_path / "users.toml"
    env = {**os.environ, "WORKFORCE_USERS_FILE": str(users)}
    cmd = [sys.executable, "-m", "workforce", "add-user", "dewi", "--role", "staff"]
    done = subprocess.run(
        [*cmd, "--password-stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    assert "dewi added as staff" in done.stdout and PASSWORD not in done.stdout
    assert auth.authenticate("dewi", PASSWORD, "s", users).ok


# ---- the app: public -----------------------------------------------------------------


def test_public_navigation_lists_only_the_transparency_page() -> None:
    assert [p.file for p in pages_for("public")] == ["pages/transparansi.py"]
    assert KELOLA not in pages_for("staff") and KELOLA in pages_for("admin")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_public_reaches_no_internal_page(
    accounts: Path, real_db: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    at = _app(monkeypatch, real_db, lang).run()
    assert not at.exception
    assert _shown(at)  # the default page: the transparency page
    for spec in INTERNAL:  # a fresh session opening the page's URL directly
        at = _app(monkeypatch, real_db, lang)
        at.switch_page(spec.file).run()
        assert not at.exception, spec.file
        assert _blocked(at), spec.file
        wanted = i18n.t(f"auth.role.{spec.role}", lang)
        assert i18n.t("auth.need_login", lang, role=wanted) in _warnings(at)
        assert at.text_input(key="auth_login_password")  # the login prompt


def test_a_page_run_alone_draws_nothing(
    accounts: Path, real_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page file started as the app itself has no frame to check its role: it
    shows only how to open the dashboard (the role is read from the navigation spec
    by the frame, as test_public_reaches_no_internal_page shows)."""
    monkeypatch.setenv("WORKFORCE_DB", str(real_db))
    for spec in INTERNAL:
        at = AppTest.from_file(str(ROOT / spec.file), default_timeout=60).run()
        assert not at.exception, spec.file
        assert [e.value for e in at.error] == [i18n.t("app.no_frame")], spec.file
        assert not _titles(at) and not at.text_input and not at.dataframe


# ---- the app: staff and admin -----------------------------------------------------------


def test_staff_sees_analysis_but_cannot_import(
    accounts: Path, real_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _app(monkeypatch, real_db).run()
    _login(at, "budi", PASSWORD)
    assert at.session_state["user_name"] == "budi"
    for spec in STAFF_PAGES:
        at.switch_page(spec.file).run()
        assert _shown(at), spec.file
    at.switch_page(KELOLA.file).run()
    assert _blocked(at)
    assert "administrator" in _errors(at)
    assert not at.text_input  # no login form for a logged-in user: just refused


def test_admin_can_open_data_management(
    accounts: Path, real_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _app(monkeypatch, real_db).run()
    _login(at, "siti", PASSWORD)
    at.switch_page(KELOLA.file).run()
    assert _shown(at)


def test_removed_user_loses_access_on_next_run(
    accounts: Path, real_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _app(monkeypatch, real_db).run()
    _login(at, "budi", PASSWORD)
    auth.remove_user("budi", accounts)
    at.switch_page("pages/ringkasan.py").run()
    assert _blocked(at)
    assert at.session_state["user_name"] is None


def test_logout(accounts: Path, real_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _app(monkeypatch, real_db)
    at.session_state["auth_user"] = "siti"  # as after a login (see conftest.sign_in)
    at.session_state["auth_source"] = "local"
    at.run()
    assert "siti" in at.sidebar.markdown[0].value  # the account box: who is in
    at.sidebar.button(key="auth_logout").click().run()
    at.switch_page("pages/ringkasan.py").run()
    assert _blocked(at)
    assert at.text_input(key="auth_login_password")


def test_login_form_never_shows_password_or_hash(
    accounts: Path,
    real_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    hashes = [a.password_hash for a in auth.load_users(accounts).values()]
    at = _app(monkeypatch, real_db).run()
    at.switch_page("pages/masuk.py").run()
    _login(at, "siti", "Salah-Tebak-123")
    assert i18n.t("auth.failed") in _errors(at)
    seen = [_all_output(at)]
    _login(at, "siti", PASSWORD)
    assert at.session_state["user_name"] == "siti"
    assert _shown(at)  # sent on to the first page
    seen.append(_all_output(at))
    for secret in ["Salah-Tebak-123", PASSWORD, "$argon2", *hashes]:
        for text in [*seen, caplog.text]:
            assert secret not in text


def test_app_login_form_is_rate_limited(
    accounts: Path, real_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _app(monkeypatch, real_db).run()
    at.switch_page("pages/masuk.py").run()
    for _ in range(4):
        _login(at, "siti", "wrong-password-1")
        assert i18n.t("auth.failed") in _errors(at)
    _login(at, "siti", "wrong-password-1")
    assert i18n.t("auth.locked", seconds=30) in _errors(at)
    _login(at, "siti", PASSWORD)  # right password during the lock: refused
    assert "Coba lagi dalam" in _errors(at)
    assert at.session_state["user_name"] is None


# ---- single sign-on --------------------------------------------------------------------

SSO_SECRETS = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "cookie-secret-for-tests-only",
        "client_id": "workforce-dashboard",
        "client_secret": "client-secret-for-tests-only",
        "server_metadata_url": "https://sso.example.go.id/.well-known/openid-configuration",
    }
}
ROLES_TOML = """
[emails]
"Kabid@Cilegon.go.id" = "admin"
"analis@cilegon.go.id" = "staff"

[claims.groups]
"disnaker-staf" = "staff"
"""


def test_role_mapping(tmp_path: Path) -> None:
    path = tmp_path / "roles.toml"
    path.write_text(ROLES_TOML)
    roles = auth.load_role_map(path)

    def role(**claims: object) -> str:
        return auth.role_for_claims(claims, roles)

    assert role(email="kabid@cilegon.go.id") == "admin"  # case-insensitive
    assert role(email="analis@cilegon.go.id", groups=["disnaker-staf"]) == "staff"
    assert role(email="x@gmail.com", groups=["disnaker-staf", "lain"]) == "staff"
    assert role(email="kabid@cilegon.go.id", groups=["disnaker-staf"]) == "admin"
    assert role(email="x@gmail.com") == "public"
    assert role(email="kabid@cilegon.go.id", email_verified=False) == "public"
    path.write_text('[emails]\n"a@b.id" = "superuser"\n')
    with pytest.raises(auth.AuthError, match="superuser"):
        auth.load_role_map(path)


def _sso_app(monkeypatch: pytest.MonkeyPatch, db_path: Path, tmp: Path) -> AppTest:
    roles = tmp / "roles.toml"
    roles.write_text(ROLES_TOML)
    monkeypatch.setenv("WORKFORCE_ROLES_FILE", str(roles))
    at = _app(monkeypatch, db_path)
    at.secrets = {k: dict(v) for k, v in SSO_SECRETS.items()}
    return at


def test_sso_user_gets_role_from_mapping(
    accounts: Path, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _sso_app(monkeypatch, real_db, tmp_path)
    at.user = {"is_logged_in": True, "email": "kabid@cilegon.go.id", "name": "Kabid"}
    at.run()
    at.switch_page(KELOLA.file).run()
    assert _shown(at)
    assert at.session_state["user_name"] == "kabid@cilegon.go.id"
    output = _all_output(at)
    assert "client-secret-for-tests-only" not in output
    assert "cookie-secret-for-tests-only" not in output


def test_sso_unknown_email_is_public(
    accounts: Path, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _sso_app(monkeypatch, real_db, tmp_path)
    at.user = {"is_logged_in": True, "email": "orang@gmail.com"}
    at.run()
    at.switch_page("pages/ringkasan.py").run()
    assert _blocked(at)
    assert "orang@gmail.com" in " ".join(i.value for i in at.info)  # no role yet


def test_sso_login_button_replaces_local_form(
    accounts: Path, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _sso_app(monkeypatch, real_db, tmp_path)
    at.user = {"is_logged_in": False}
    at.run()
    at.switch_page("pages/masuk.py").run()
    assert at.button(key="auth_sso_default").label == i18n.t("auth.sso_button")
    assert not at.text_input  # no local password form when SSO is configured


# ---- demo mode ------------------------------------------------------------------------------


def test_demo_mode_offers_demo_admin(
    accounts: Path, demo_flag_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _app(monkeypatch, demo_flag_db).run()
    assert at.session_state["user_name"] is None  # nobody is logged in
    at.sidebar.button(key="auth_demo_enter_sidebar").click().run()
    at.switch_page(KELOLA.file).run()
    assert _shown(at)
    assert at.session_state["user_name"] == "demo-admin"
    at.sidebar.radio(key="auth_demo_role").set_value("staff").run()
    assert _blocked(at)
    at.sidebar.radio(key="auth_demo_role").set_value("public").run()
    at.switch_page("pages/ringkasan.py").run()
    assert _blocked(at)
    assert at.button(key="auth_demo_enter_main")  # the prompt offers the demo again


def test_demo_button_absent_when_demo_switched_off(
    accounts: Path, demo_flag_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKFORCE_DEMO", "0")
    at = _app(monkeypatch, demo_flag_db).run()
    assert not at.exception
    assert not [b for b in at.button if (b.key or "").startswith("auth_demo")]


def test_demo_mode_refuses_real_data(
    accounts: Path,
    demo_with_real_db: Path,
    real_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    at = _app(monkeypatch, demo_with_real_db).run()
    assert "data asli" in _errors(at) and not _titles(at)
    monkeypatch.setenv("WORKFORCE_DEMO", "1")  # forcing demo on a real database
    real = _build_db(tmp_path / "imported.duckdb", has_real_data="true")
    at = _app(monkeypatch, real, "en").run()
    assert "real data" in _errors(at) and not _titles(at)
    monkeypatch.delenv("WORKFORCE_DEMO")
    at = _app(monkeypatch, demo_with_real_db)
    at.switch_page(KELOLA.file).run()  # a page run on its own refuses as well
    assert "data asli" in _errors(at) and not at.button and not _titles(at)
    monkeypatch.setenv("WORKFORCE_DEMO", "0")  # with login required it starts
    at = _app(monkeypatch, demo_with_real_db).run()
    assert not at.exception and _shown(at)


def test_shared_app_test_fixture_signs_in(app_test, real_db: Path) -> None:
    at = app_test(real_db)
    at.run()
    at.switch_page(KELOLA.file).run()
    assert _shown(at)
    at = app_test(real_db)
    sign_in(at, "staff")
    at.run()
    at.switch_page(KELOLA.file).run()
    assert _blocked(at)
    assert TEST_PASSWORD not in _all_output(at)


# ---- audit log --------------------------------------------------------------------------------


def test_record_writes_who_did_what(tmp_path: Path) -> None:
    path = tmp_path / "audit.duckdb"
    with db.atomic_write(path) as conn:
        refresh.init_database(conn)
        tables = conn.execute("select table_name from duckdb_tables()").fetchall()
        if ("audit_log",) not in tables:  # 002_import.sql not merged yet: same shape
            conn.execute(
                'create table audit_log ("at" timestamp, user_name text, action text,'
                " detail text)"
            )
        auth.record(conn, "siti", "import", "peserta_2025.xlsx: 120 rows")
        auth.record(conn, None, "target_change", "tpt 2026: 6.5 -> 6.0")
    conn = db.connect(path, read_only=True)
    rows = conn.execute(
        'select user_name, action, detail, "at" is not null from audit_log order by action'
    ).fetchall()
    conn.close()
    assert rows == [
        ("siti", "import", "peserta_2025.xlsx: 120 rows", True),
        ("unknown", "target_change", "tpt 2026: 6.5 -> 6.0", True),
    ]


# ---- real browser -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def auth_server(demo_flag_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """A fresh ``streamlit run`` on a demo-flagged database, its own accounts file."""
    from tests.conftest import ARTIFACTS, _free_port, _healthy, _stop

    port = _free_port()
    accounts = tmp_path_factory.mktemp("browser-accounts") / "users.toml"
    auth.add_user("budi", PASSWORD, "staff", accounts)
    env = {
        **os.environ,
        "WORKFORCE_DB": str(demo_flag_db),
        "WORKFORCE_USERS_FILE": str(accounts),
    }
    env.pop("WORKFORCE_DEMO", None)
    ARTIFACTS.mkdir(exist_ok=True)
    cmd = [
        sys.executable, "-m", "streamlit", "run", APP, "--server.headless", "true",
        "--server.port", str(port), "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with open(ARTIFACTS / "auth-server.log", "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                if _healthy(url) or proc.poll() is not None:
                    break
                time.sleep(0.3)
            assert _healthy(url), (
                "streamlit did not start (test-artifacts/auth-server.log)"
            )
            yield url
        finally:
            _stop(proc)


def _nav(page) -> list[str]:
    """The menu's page titles (each link's last line; the first is its icon)."""
    links = page.locator('[data-testid="stSidebarNav"] a')
    return [text.split("\n")[-1] for text in links.all_inner_texts()]


@pytest.mark.browser
def test_browser_public_menu_direct_url_and_demo_admin(page, auth_server: str) -> None:
    from tests.conftest import ARTIFACTS, enter_demo_admin, wait_for_app

    shots = ARTIFACTS / "screens"
    shots.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    # The first visitor of a fresh server opens an internal page's URL directly.
    page.goto(f"{auth_server}/kelola_data")
    wait_for_app(page)
    assert page.get_by_role("heading", name=i18n.t("nav.kelola_data")).count() == 0
    assert page.get_by_text(i18n.t("auth.need_login", role="administrator")).count()
    page.goto(f"{auth_server}/ringkasan")
    wait_for_app(page)
    assert page.get_by_role("heading", name=i18n.t("nav.ringkasan")).count() == 0
    assert page.get_by_text(i18n.t("auth.need_login", role="staf")).count()
    page.goto(auth_server)
    wait_for_app(page)
    assert _nav(page) == [i18n.t("nav.transparansi"), i18n.t("auth.nav_login")]
    page.screenshot(path=shots / "auth-public.png", full_page=True)
    enter_demo_admin(page)
    assert len(_nav(page)) == len(PAGES)  # every page, no login entry
    page.screenshot(path=shots / "auth-demo-admin.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{auth_server}/masuk")
    wait_for_app(page)
    page.get_by_label(i18n.t("auth.username")).fill("budi")
    page.get_by_label(i18n.t("auth.password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=i18n.t("auth.submit"), exact=True).click()
    wait_for_app(page)
    assert page.get_by_role("heading", name=i18n.t("nav.ringkasan")).count() == 1
    page.screenshot(path=shots / "auth-staff-phone.png", full_page=True)
    assert PASSWORD not in page.content()
