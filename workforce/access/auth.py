"""Who may see what: local accounts, login rate limiting, SSO role mapping, audit.

Streamlit-free, so the CLI and the tests use it directly; ``auth_ui`` draws it.

- Local accounts live OUTSIDE the repository in a TOML file
  (``$WORKFORCE_USERS_FILE``, default ``~/.config/workforce/users.toml``, mode 0600)
  holding a salted Argon2id hash per user (argon2-cffi), never the password.
- Failed logins are counted per username and per browser session in a sibling
  file (``users.lockout.json``, keys stored as SHA-256 digests): after
  ``max_failures`` the key is locked for ``base_lock_s``, doubling with each
  further failure up to ``max_lock_s``. A locked key is refused even with the
  right password. Failures are logged without the password or the hash.
- An attempt is counted *before* its password is checked (``Throttle.reserve``,
  under the file lock) and forgiven only when it was right, so attempts sent at
  the same moment from many sessions cannot outrun the lock; at most
  ``MAX_CHECKS`` Argon2 checks (64 MiB each) run at once, the others wait.
- Single sign-on (``st.login``) only authenticates; the role comes from a TOML
  mapping of e-mail addresses and provider claims kept by the administrators
  (``$WORKFORCE_ROLES_FILE``, default ``~/.config/workforce/roles.toml``).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import threading
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from workforce.core import db, pseudonym
from workforce.core.config import ROOT
from workforce.core.navigation import ROLES

log = logging.getLogger("workforce.access.auth")

ACCOUNT_ROLES = ("staff", "admin")
MAX_CHECKS = 2  # Argon2 checks at once (each takes 64 MiB for ~0.1 s)
CHECK_WAIT_S = 20.0  # an attempt waits this long for a free check, then is refused
MIN_PASSWORD_LENGTH = 10
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_HASHER = PasswordHasher()
_CHECKS = threading.BoundedSemaphore(MAX_CHECKS)


class AuthError(ValueError):
    """A bad username, role or password, or an unknown account."""


# ---- where the files live ------------------------------------------------------


def config_dir() -> Path:
    """``$XDG_CONFIG_HOME/workforce`` or ``~/.config/workforce``."""
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "workforce"


def users_path() -> Path:
    """The local accounts file: ``$WORKFORCE_USERS_FILE`` or the config dir."""
    env = os.environ.get("WORKFORCE_USERS_FILE")
    return Path(env) if env else config_dir() / "users.toml"


def roles_path() -> Path:
    """The SSO role mapping: ``$WORKFORCE_ROLES_FILE`` or the config dir."""
    env = os.environ.get("WORKFORCE_ROLES_FILE")
    return Path(env) if env else config_dir() / "roles.toml"


def lockout_path(users_file: Path) -> Path:
    """The failed-login counters, next to the accounts file."""
    return users_file.with_name(users_file.stem + ".lockout.json")


def _warn_if_in_repo(path: Path) -> None:
    if ROOT in path.resolve().parents:
        log.warning(
            "%s is inside the repository; keep it outside (or gitignored)", path
        )


# ---- local accounts --------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    """One local account: name, role and the Argon2 hash (never printed)."""

    username: str
    role: str
    password_hash: str = field(repr=False)
    created_at: str = ""


def load_users(path: Path | None = None) -> dict[str, Account]:
    """All local accounts (empty when the file does not exist)."""
    path = path or users_path()
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        name: Account(name, row["role"], row["hash"], row.get("created_at", ""))
        for name, row in data.get("users", {}).items()
    }


def save_users(users: Mapping[str, Account], path: Path | None = None) -> None:
    """Write the accounts file atomically, readable by its owner only."""
    path = path or users_path()
    _warn_if_in_repo(path)
    lines = [
        "# Local accounts of the workforce dashboard (python -m workforce add-user)."
    ]
    for acc in sorted(users.values(), key=lambda a: a.username):
        lines += [
            "",
            f"[users.{_toml_str(acc.username)}]",
            f"role = {_toml_str(acc.role)}",
            f"hash = {_toml_str(acc.password_hash)}",
            f"created_at = {_toml_str(acc.created_at)}",
        ]
    _write_private(path, "\n".join(lines) + "\n")


def _toml_str(value: str) -> str:
    """A TOML basic string (JSON string escapes are valid TOML escapes)."""
    return json.dumps(value, ensure_ascii=False)


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def check_username(username: str) -> None:
    """Lowercase letters, digits, ``.``, ``_``, ``-``; at most 64 characters."""
    if not USERNAME_RE.match(username):
        raise AuthError(
            "username: lowercase letters, digits, '.', '_' or '-' (max 64 characters)"
        )


def check_password(password: str) -> None:
    """At least MIN_PASSWORD_LENGTH characters, not only spaces."""
    if len(password) < MIN_PASSWORD_LENGTH or not password.strip():
        raise AuthError(f"password: at least {MIN_PASSWORD_LENGTH} characters")


def _check_role(role: str) -> None:
    if role not in ACCOUNT_ROLES:
        raise AuthError(f"role must be one of {', '.join(ACCOUNT_ROLES)}")


def add_user(
    username: str, password: str, role: str, path: Path | None = None
) -> Account:
    """Create a local account; refuse an existing name or a weak password."""
    check_username(username)
    _check_role(role)
    check_password(password)
    users = load_users(path)
    if username in users:
        raise AuthError(f"user {username!r} already exists (use set-password)")
    created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    users[username] = Account(username, role, _HASHER.hash(password), created)
    save_users(users, path)
    return users[username]


def _existing(users: dict[str, Account], username: str) -> Account:
    if username not in users:
        raise AuthError(f"no user {username!r}")
    return users[username]


def set_password(username: str, password: str, path: Path | None = None) -> None:
    """Replace a user's password hash."""
    check_password(password)
    users = load_users(path)
    acc = _existing(users, username)
    users[username] = Account(
        username, acc.role, _HASHER.hash(password), acc.created_at
    )
    save_users(users, path)


def set_role(username: str, role: str, path: Path | None = None) -> None:
    """Change a user's role (staff or admin)."""
    _check_role(role)
    users = load_users(path)
    acc = _existing(users, username)
    users[username] = Account(username, role, acc.password_hash, acc.created_at)
    save_users(users, path)


def remove_user(username: str, path: Path | None = None) -> None:
    """Delete a local account."""
    users = load_users(path)
    _existing(users, username)
    del users[username]
    save_users(users, path)


@cache
def _dummy_hash() -> str:
    return _HASHER.hash("not a password of anyone")


def _verify(acc: Account | None, password: str) -> bool:
    """Check a password; spend the same time for unknown users."""
    try:
        return _HASHER.verify(acc.password_hash if acc else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False


# ---- rate limiting ----------------------------------------------------------------


@dataclass
class Throttle:
    """Failed-login counters per key, kept in a small JSON file.

    A key (``user:<name>`` or ``session:<id>``) is stored as a SHA-256 digest so
    the file never holds what people typed. ``clock`` is injectable for tests.
    """

    path: Path
    clock: Callable[[], float] = time.time
    max_failures: int = 5
    base_lock_s: float = 30.0
    max_lock_s: float = 900.0
    forget_after_s: float = 86_400.0

    def locked_for(self, keys: Iterable[str]) -> float:
        """Seconds until every key is unlocked (0 when none is locked)."""
        state, now = self._read(), self.clock()
        waits = [state.get(_digest(k), {}).get("until", 0.0) - now for k in keys]
        return max([0.0, *waits])

    def reserve(self, keys: Iterable[str]) -> float:
        """Count an attempt as failed before checking it, unless a key is locked:
        0 when the attempt may go ahead, else the seconds the lock still runs.
        Checked and written under the file lock, so parallel attempts line up."""
        keys = list(keys)
        with self._edit() as state:
            now = self.clock()
            waits = [state.get(_digest(k), {}).get("until", 0.0) - now for k in keys]
            if max([0.0, *waits]) > 0:
                return max(waits)
            self._count(state, keys, now)
        return 0.0

    def fail(self, keys: Iterable[str]) -> float:
        """Count one failure for each key; return the lock now in force (s)."""
        keys = list(keys)
        with self._edit() as state:
            self._count(state, keys, self.clock())
        return self.locked_for(keys)

    def _count(self, state: dict, keys: list[str], now: float) -> None:
        for key in keys:
            entry = state.setdefault(_digest(key), {"failures": 0, "until": 0.0})
            entry["failures"] += 1
            entry["last"] = now
            extra = entry["failures"] - self.max_failures
            if extra >= 0:
                lock = min(self.base_lock_s * 2**extra, self.max_lock_s)
                entry["until"] = now + lock

    def succeed(self, keys: Iterable[str]) -> None:
        """Forget the failures of these keys."""
        with self._edit() as state:
            for key in keys:
                state.pop(_digest(key), None)

    def _read(self) -> dict[str, dict[str, float]]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    @contextlib.contextmanager
    def _edit(self) -> Iterator[dict[str, dict[str, float]]]:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(self.path.with_name(self.path.name + ".lock"), "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                state = self._read()
                yield state
                now = self.clock()
                fresh = {
                    k: v
                    for k, v in state.items()
                    if now - v.get("last", now) < self.forget_after_s
                    or v.get("until", 0.0) > now
                }
                _write_private(self.path, json.dumps(fresh, indent=1))
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


# ---- logging in --------------------------------------------------------------------


@dataclass(frozen=True)
class LoginResult:
    """The outcome of one login attempt."""

    ok: bool
    username: str | None = None
    role: str | None = None
    locked_s: float = 0.0
    checked: bool = False  # the password was checked (not refused before)
    busy: bool = False  # too many checks at once: try again in a moment


def authenticate(
    username: str,
    password: str,
    session: str,
    users_file: Path | None = None,
    throttle: Throttle | None = None,
) -> LoginResult:
    """Check a local login: reserve the attempt (counted as failed), then check
    the password, at most MAX_CHECKS at once; a right password forgives it."""
    users_file = users_file or users_path()
    throttle = throttle or Throttle(lockout_path(users_file))
    username = username.strip().lower()
    keys = (f"user:{username}", f"session:{session}")
    users = load_users(users_file)
    shown = username if username in users else "<unknown username>"
    if not _CHECKS.acquire(timeout=CHECK_WAIT_S):
        log.warning("login refused: too many at once (user %s)", shown)
        return LoginResult(False, busy=True)
    try:
        wait = throttle.reserve(keys)
        if wait > 0:
            log.warning("login refused while locked: user %s, %.0f s left", shown, wait)
            return LoginResult(False, locked_s=wait)
        acc = users.get(username)
        right = _verify(acc, password) and acc is not None
    finally:
        _CHECKS.release()
    if not right or acc is None:
        wait = throttle.locked_for(keys)
        log.warning("failed login: user %s (locked for %.0f s)", shown, wait)
        return LoginResult(False, locked_s=wait, checked=True)
    throttle.succeed(keys)
    _rehash_if_needed(acc, password, users_file)
    log.info("login: user %s (%s)", username, acc.role)
    return LoginResult(True, username, acc.role, checked=True)


def _rehash_if_needed(acc: Account, password: str, users_file: Path) -> None:
    """Upgrade a hash made with older Argon2 parameters after a good login."""
    if _HASHER.check_needs_rehash(acc.password_hash):
        users = load_users(users_file)
        new = Account(acc.username, acc.role, _HASHER.hash(password), acc.created_at)
        users[acc.username] = new
        save_users(users, users_file)


def account_role(username: str, users_file: Path | None = None) -> str | None:
    """The current role of a local account (None once it is removed)."""
    acc = load_users(users_file).get(username)
    return acc.role if acc else None


# ---- single sign-on role mapping -----------------------------------------------------


@dataclass(frozen=True)
class RoleMap:
    """E-mail addresses and provider claims (such as ``groups``) mapped to roles."""

    emails: Mapping[str, str] = field(default_factory=dict)
    claims: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


def load_role_map(path: Path | None = None) -> RoleMap:
    """Read the mapping file; refuse unknown roles, naming the file."""
    path = path or roles_path()
    if not path.is_file():
        return RoleMap()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    emails = {k.strip().lower(): v for k, v in data.get("emails", {}).items()}
    claims = {c: dict(values) for c, values in data.get("claims", {}).items()}
    used = [*emails.values(), *(r for m in claims.values() for r in m.values())]
    bad = sorted({r for r in used if r not in ROLES})
    if bad:
        raise AuthError(f"{path}: unknown roles {bad}; use {', '.join(ROLES)}")
    return RoleMap(emails, claims)


def role_for_claims(claims: Mapping[str, object], role_map: RoleMap) -> str:
    """The highest role the mapping gives these identity claims (else public)."""
    if claims.get("email_verified") is False:
        return "public"
    found = ["public"]
    email = str(claims.get("email") or "").strip().lower()
    if email in role_map.emails:
        found.append(role_map.emails[email])
    for claim, values in role_map.claims.items():
        have = claims.get(claim)
        for value in have if isinstance(have, list | tuple) else [have]:
            if isinstance(value, str) and value in values:
                found.append(values[value])
    return max(found, key=ROLES.index)


# ---- audit log -----------------------------------------------------------------------


def record(
    conn: duckdb.DuckDBPyConnection, user: str | None, action: str, detail: str
) -> None:
    """Append who did what to ``audit_log`` (use the writer's connection)."""
    db.execute(
        conn,
        "audit/record",
        at=datetime.now(UTC).replace(tzinfo=None),
        user_name=user or "unknown",
        action=action,
        detail=pseudonym.mask_text(detail),  # never a NIK in clear
    )
